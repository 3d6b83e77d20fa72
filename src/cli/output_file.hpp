// Output files are written whole or not at all: a temporary file beside the
// target, renamed into place only after the last byte was written.
#pragma once

#include <optional>
#include <string>

namespace shixian::cli {

/// nullopt on success; else a one-line message (and nothing at `path` changed).
std::optional<std::string> write_whole(const std::string& path, const std::string& content);

}  // namespace shixian::cli
