// The line an error points at, with a caret under the character — aligned by
// display width, so that it lands under Chinese text (STYLE: errors point at
// characters, and carets line up).
#pragma once

#include <string>
#include <string_view>

#include "shixian/error.hpp"

namespace shixian::cli {

/// "  5 | <line>\n    |        ^\n", or "" when the error has no line in `text`.
std::string error_snippet(const Error& error, std::string_view text);

/// error.to_string() followed by its snippet.
std::string describe(const Error& error, std::string_view text);

}  // namespace shixian::cli
