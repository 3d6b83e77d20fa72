// Before the grammar runs, the input is normalized so the grammar can stay
// small: full-width digits and punctuation fold to ASCII (３→3, ，→, （→( ),
// 【〔「 / 】〕」 to ( / ), traditional characters to simplified (個→个, 後→后;
// common/traditional.hpp), dashes to '-', spaces and invisible characters
// (U+200B, U+FEFF, bidi marks …) dropped (stray spaces are never meaningful
// in these phrases), newlines kept as separators (SPEC §8 "Characters").
// Every output byte remembers which input bytes it came from, so errors and
// spans point into the original text and count its characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shixian::grammar {

struct Normalized {
  std::string text;
  std::vector<std::uint32_t> src_begin;  ///< per output byte: start of its input character
  std::vector<std::uint32_t> src_end;    ///< per output byte: end of its input character

  /// Input byte offset of normalized offset `i` (i may be text.size()).
  std::uint32_t begin_of(std::uint32_t i, std::size_t input_size) const {
    return i < src_begin.size() ? src_begin[i] : static_cast<std::uint32_t>(input_size);
  }
  /// Input byte offset just after normalized range ending at `i` (exclusive).
  std::uint32_t end_of(std::uint32_t i, std::size_t input_size) const {
    return i == 0 ? 0 : (i - 1 < src_end.size() ? src_end[i - 1] : static_cast<std::uint32_t>(input_size));
  }
};

struct NormalizeError {
  std::uint32_t byte = 0;  ///< offset into the input
  std::string zh, en;
};

/// Fails on malformed UTF-8 and control characters.
bool normalize(std::string_view input, Normalized& out, NormalizeError& error);

}  // namespace shixian::grammar
