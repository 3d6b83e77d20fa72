#include "cli/snippet.hpp"

#include <algorithm>

#include "common/escape.hpp"
#include "common/text.hpp"

namespace shixian::cli {

std::string error_snippet(const Error& error, std::string_view text) {
  if (error.where.line == 0 || error.where.column == 0) return {};
  std::size_t start = 0;
  for (std::uint32_t line = 1; line < error.where.line; ++line) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::uint32_t column = error.where.column;
  std::string line = detail::window(text.substr(start, end - start), column);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  for (char& c : line) {
    if (c == '\t') c = ' ';
  }
  // Bytes of the first column-1 characters: the text before the caret.
  std::size_t before = 0;
  for (std::uint32_t k = 1; k < column && before < line.size(); ++k) {
    before += detail::utf8_length(static_cast<unsigned char>(line[before]));
  }
  before = std::min(before, line.size());
  // Escaped in two halves, so that the caret is measured on what is shown.
  const std::string shown_before = detail::escape_for_terminal(std::string_view(line).substr(0, before));
  const std::string shown_rest = detail::escape_for_terminal(std::string_view(line).substr(before));
  const std::string number = std::to_string(error.where.line);
  std::string out = " " + number + " | " + shown_before + shown_rest + "\n";
  out += std::string(number.size() + 1, ' ') + " | " + std::string(detail::display_width(shown_before), ' ') + "^\n";
  return out;
}

std::string describe(const Error& error, std::string_view text) {
  return detail::escape_for_terminal(error.to_string()) + "\n" + error_snippet(error, text);
}

}  // namespace shixian::cli
