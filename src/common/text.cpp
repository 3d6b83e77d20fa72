#include "common/text.hpp"
#include "common/traditional.hpp"

#include <cstdio>
#include <string>

namespace shixian::detail {

// Set from the folds' own ranges and tables, not by trying every code point:
// 65,536 trial folds exceed clang's constexpr step limit.
constexpr std::array<std::uint64_t, 0x10000 / 64> kFoldBits = [] {
  std::array<std::uint64_t, 0x10000 / 64> bits{};
  auto set = [&](char32_t c) { bits[c / 64] |= std::uint64_t{1} << (c % 64); };
  for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) set(c);  // full-width ASCII
  set(0x3000);
  for (char32_t c : {U'【', U'】', U'〔', U'〕', U'「', U'」'}) set(c);
  for (char32_t c = 0x200B; c <= 0x200F; ++c) set(c);  // the invisible characters (is_invisible)
  for (char32_t c = 0x202A; c <= 0x202E; ++c) set(c);
  for (char32_t c : {char32_t{0x2060}, char32_t{0x00AD}, char32_t{0xFEFF}}) set(c);
  for (const auto& p : kTraditional) set(p.traditional);
  return bits;
}();

static_assert([] {
  for (char32_t c : {U'個', U'內', U'１', U'【', char32_t{0x200B}, char32_t{0xFEFF}, char32_t{0x00AD}, char32_t{0x202E}})
    if (!(kFoldBits[c / 64] >> (c % 64) & 1)) return false;
  return !(kFoldBits[U'个' / 64] >> (U'个' % 64) & 1);
}());

char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t n = utf8_length(lead);
  if (n == 1) {
    ++i;
    return lead < 0x80 ? char32_t{lead} : char32_t{0xFFFD};
  }
  if (i + n > text.size()) {
    i = text.size();
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) {
      i += k;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += n;
  return cp;
}

Location locate(std::string_view text, std::size_t byte_offset) {
  Location loc{1, 1, 0};
  std::size_t i = 0;
  const std::size_t end = byte_offset < text.size() ? byte_offset : text.size();
  while (i < end) {
    const char32_t c = next_code_point(text, i);
    ++loc.offset;
    if (c == U'\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    // East Asian Wide/Full-width blocks (CJK, kana, hangul, full-width forms, CJK punctuation).
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string clip(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  std::size_t w = 0, i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(s, i);
    const std::size_t cw = cp >= 0x1100 ? 2 : 1;
    if (w + cw > width - 1) break;
    out.append(s.substr(start, i - start));
    w += cw;
  }
  return out + "…";
}

std::string window(std::string_view line, std::uint32_t& column, std::uint32_t context) {
  std::size_t begin = 0;
  std::uint32_t skipped = 0;
  for (; column > context + 1 + skipped && begin < line.size(); ++skipped) next_code_point(line, begin);
  std::size_t end = begin;
  for (std::uint32_t k = 0; k < 2 * context + 1 && end < line.size(); ++k) next_code_point(line, end);
  std::string out = skipped > 0 ? "..." : "";
  out.append(line.substr(begin, end - begin));
  if (end < line.size()) out += "...";
  if (skipped > 0) column = column - skipped + 3;
  return out;
}

Error make_error(ErrorCode code, std::string message, std::string_view text, std::size_t byte_offset,
                 std::string_view source) {
  return Error{code, std::move(message), locate(text, byte_offset), std::string(source)};
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace shixian::detail
