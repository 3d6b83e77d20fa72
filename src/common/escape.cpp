#include "common/escape.hpp"

#include <cstdint>

namespace shixian::detail {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_byte_escape(std::string& out, unsigned char c) {
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

void append_code_point_escape(std::string& out, char32_t c) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
}

bool is_format_control(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

// The length of the well-formed UTF-8 sequence at text[i] and its code point;
// 0 when it is not one (overlong, surrogate, beyond U+10FFFF, cut off).
std::size_t decode(std::string_view text, std::size_t i, char32_t& c) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t n = 0;
  char32_t min = 0;
  if ((b0 >> 5) == 0x6) n = 2, c = b0 & 0x1F, min = 0x80;
  else if ((b0 >> 4) == 0xE) n = 3, c = b0 & 0x0F, min = 0x800;
  else if ((b0 >> 3) == 0x1E) n = 4, c = b0 & 0x07, min = 0x10000;
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b >> 6) != 0x2) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string escape_for_terminal(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b < 0x20 || b == 0x7F) && keep.find(static_cast<char>(b)) == std::string_view::npos) {
        append_byte_escape(out, b);
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    char32_t c = 0;
    const std::size_t n = decode(text, i, c);
    if (n == 0) {
      append_byte_escape(out, b);
      ++i;
    } else if (is_format_control(c)) {
      append_code_point_escape(out, c);
      i += n;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace shixian::detail
