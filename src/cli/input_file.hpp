// The one input layer of the CLI: every file a command reads is opened here or
// looked at here first, so that each says the same thing about the same
// problem — a directory is a directory (not an empty file), a UTF-16/UTF-32
// file is named as such (not given a GB18030 hint), "-" is stdin.
#pragma once

#include <optional>
#include <string>

#include "shixian/expected.hpp"

namespace shixian::cli {

/// The whole of `path` ("-": stdin). Error: "PATH：是目录，不是文件" and the like.
expected<std::string, std::string> read_input(const std::string& path);

/// For a file the library opens itself: nullopt when `path` looks readable
/// as text; else the message. "-" (stdin) is not looked at.
std::optional<std::string> check_input(const std::string& path);

/// The path to hand the library: "-" becomes /dev/stdin.
std::string library_path(const std::string& path);

/// "UTF-16LE" etc. when `head` starts with a UTF-16/UTF-32 byte order mark; else "".
std::string wide_bom(std::string_view head);

}  // namespace shixian::cli
