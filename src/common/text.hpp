// Text helpers shared by every parser: UTF-8 stepping and turning a byte
// offset into the character-based Location users see.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/traditional.hpp"
#include "shixian/error.hpp"

namespace shixian::detail {

/// Length in bytes of the UTF-8 sequence starting with lead byte `c` (1 for invalid bytes).
constexpr std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

/// Line, column (1-based, in characters) and character offset of byte `byte_offset` in `text`.
Location locate(std::string_view text, std::size_t byte_offset);

/// Display width in terminal columns (full-width / CJK characters count 2).
std::size_t display_width(std::string_view text);

/// At most `width` display columns of s, with … when cut.
std::string clip(std::string_view s, std::size_t width);

/// What a message shows of a long input line around character `column`
/// (1-based): at most `context` characters either side, "..." where it was
/// cut, so that a 10 MB line gives a short message. `column` becomes the
/// character's column in the result.
std::string window(std::string_view line, std::uint32_t& column, std::uint32_t context = 40);

/// The Unicode code point at `text[i]`, advancing i; U+FFFD for invalid UTF-8.
char32_t next_code_point(std::string_view text, std::size_t& i);

/// Full-width ASCII variants (０-９, －, ：…) folded to ASCII; everything else unchanged.
constexpr char32_t fold_full_width(char32_t c) {
  return (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : (c == 0x3000 ? U' ' : c);
}

/// Characters every reader of rules ignores (SPEC §8): zero-width space,
/// non-joiner and joiner, word joiner, soft hyphen, BOM / zero-width no-break
/// space, and the bidi marks and embeddings. Pasted web tables carry them.
constexpr bool is_invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0x00AD || c == 0xFEFF || (c >= 0x202A && c <= 0x202E);
}

/// 【】〔〕「」 read as the parentheses the grammar knows (SPEC §8: "stripped
/// like （）"; grammar/POLICIES.md, Characters).
constexpr char32_t fold_bracket(char32_t c) {
  switch (c) {
    case U'【': case U'〔': case U'「': return U'(';
    case U'】': case U'〕': case U'」': return U')';
    default: return c;
  }
}

/// The one character fold of every reader of rules (the rule normalizer,
/// extract's scanner): full-width ASCII to ASCII, traditional to simplified,
/// 【〔「 / 】〕」 to ( / ). Invisible characters are for the caller to drop
/// (is_invisible), since dropping changes positions.
constexpr char32_t fold_character_slow(char32_t c) { return fold_traditional(fold_bracket(fold_full_width(c))); }

/// One bit per BMP code point: set where fold_character may change it or
/// is_invisible holds (8 KB, computed at compile time in text.cpp only, since
/// the computation costs each includer half a second).
extern const std::array<std::uint64_t, 0x10000 / 64> kFoldBits;

/// Whether c is left alone by fold_character and is not invisible: one load.
inline bool reads_as_itself(char32_t c) {
  return c < 0x80 || (c < 0x10000 && !(kFoldBits[c / 64] >> (c % 64) & 1));
}

constexpr char32_t fold_character(char32_t c) {
  if (std::is_constant_evaluated()) return fold_character_slow(c);
  return reads_as_itself(c) ? c : fold_character_slow(c);
}

/// Appends the UTF-8 encoding of code point c.
void append_utf8(std::string& out, char32_t c);

/// Appends s as a JSON string literal (quotes, escapes, \u00XX for control bytes).
void append_json_string(std::string& out, std::string_view s);

Error make_error(ErrorCode code, std::string message, std::string_view text, std::size_t byte_offset,
                 std::string_view source = {});

}  // namespace shixian::detail
