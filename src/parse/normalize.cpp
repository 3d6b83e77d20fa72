#include "parse/normalize.hpp"

#include "common/text.hpp"

namespace shixian::grammar {

namespace {

using detail::append_utf8;

bool is_literal_replacement(std::string_view s, std::size_t i) {
  return s.substr(i, 3) == "\xEF\xBF\xBD";
}

}  // namespace

bool normalize(std::string_view input, Normalized& out, NormalizeError& error) {
  // Output is never longer than the input (folding only shortens), so size
  // the buffers once and write by index; shrink at the end.
  const std::size_t size = input.size();
  out.text.resize(size);
  out.src_begin.resize(size);
  out.src_end.resize(size);
  std::size_t o = 0;
  auto put = [&](char c, std::size_t at, std::size_t end) {
    out.text[o] = c;
    out.src_begin[o] = static_cast<std::uint32_t>(at);
    out.src_end[o] = static_cast<std::uint32_t>(end);
    ++o;
  };
  for (std::size_t i = 0; i < size;) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(input[i]);
    // ASCII fast path: digits and punctuation are most of what is not Chinese.
    if (byte >= 0x21 && byte < 0x7F) {
      put(static_cast<char>(byte), at, at + 1);
      ++i;
      continue;
    }
    // Fast path for the common case, a well-formed three-byte character
    // (all of CJK) that folding leaves alone (fold_character: one bitmap
    // load for a simplified character).
    if ((byte >> 4) == 0xE && i + 2 < size) {
      const auto b1 = static_cast<unsigned char>(input[i + 1]);
      const auto b2 = static_cast<unsigned char>(input[i + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        const char32_t cp = (char32_t{byte} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (char32_t{b2} & 0x3F);
        const bool plain = cp >= 0x3001 && cp != 0x301C && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFEFF &&
                           cp != 0xFFFD && detail::reads_as_itself(cp);
        if (plain) {
          put(input[i], at, at + 3);
          put(input[i + 1], at, at + 3);
          put(input[i + 2], at, at + 3);
          i += 3;
          continue;
        }
      }
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
    // SPEC §8: invisible characters are not there; the byte map keeps them
    // in the positions users see, since the next output byte starts after them.
    if (detail::is_invisible(c)) continue;
    const char32_t raw = c;
    c = detail::fold_character(c);
    if (c == U' ' || c == U'\t' || c == U'\r' || c == 0xA0 || c == 0xFEFF) continue;
    if (c < 0x20 && c != U'\n') {
      error = {static_cast<std::uint32_t>(at), "含有控制字符", "control character in the rule"};
      return false;
    }
    if (c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2212 || c == 0x301C) c = U'-';  // dashes, 〜
    if (c >= 0x80 && c == raw) {
      for (std::size_t k = at; k < i; ++k) put(input[k], at, i);  // unchanged: copy the bytes
    } else {
      std::string encoded;
      append_utf8(encoded, c);
      for (char b : encoded) put(b, at, i);
    }
  }
  out.text.resize(o);
  out.src_begin.resize(o);
  out.src_end.resize(o);
  return true;
}

}  // namespace shixian::grammar
