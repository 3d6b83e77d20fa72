#include "parse/normalize.hpp"

#include "common/text.hpp"

namespace shixian::grammar {

namespace {

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

bool is_literal_replacement(std::string_view s, std::size_t i) {
  return s.substr(i, 3) == "\xEF\xBF\xBD";
}

}  // namespace

bool normalize(std::string_view input, Normalized& out, NormalizeError& error) {
  out.text.clear();
  out.src_begin.clear();
  out.src_end.clear();
  out.text.reserve(input.size());
  out.src_begin.reserve(input.size());
  out.src_end.reserve(input.size());
  for (std::size_t i = 0; i < input.size();) {
    const std::size_t at = i;
    // ASCII fast path: digits and punctuation are most of what is not Chinese.
    const auto byte = static_cast<unsigned char>(input[i]);
    if (byte >= 0x21 && byte < 0x7F) {
      out.text += static_cast<char>(byte);
      out.src_begin.push_back(static_cast<std::uint32_t>(at));
      out.src_end.push_back(static_cast<std::uint32_t>(at + 1));
      ++i;
      continue;
    }
    char32_t c = detail::next_code_point(input, i);
    const std::size_t len = i - at;
    // next_code_point accepts overlong forms and surrogates; reject them here
    // so that malformed input is an error, not a silently different phrase.
    const bool overlong = (len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
    if ((c == 0xFFFD && !is_literal_replacement(input, at)) || overlong || (c >= 0xD800 && c <= 0xDFFF) ||
        c > 0x10FFFF) {
      error = {static_cast<std::uint32_t>(at), "无效的UTF-8编码", "invalid UTF-8"};
      return false;
    }
    const char32_t raw = c;
    c = detail::fold_full_width(c);
    if (c == U' ' || c == U'\t' || c == U'\r' || c == 0xA0 || c == 0xFEFF) continue;
    if (c < 0x20 && c != U'\n') {
      error = {static_cast<std::uint32_t>(at), "含有控制字符", "control character in the rule"};
      return false;
    }
    if (c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2212 || c == 0x301C) c = U'-';  // dashes, 〜
    if (c >= 0x80 && c == raw) {
      out.text.append(input.data() + at, len);  // unchanged: copy the bytes
    } else {
      append_utf8(out.text, c);
    }
    out.src_begin.resize(out.text.size(), static_cast<std::uint32_t>(at));
    out.src_end.resize(out.text.size(), static_cast<std::uint32_t>(i));
  }
  return true;
}

}  // namespace shixian::grammar
