// The notice text as the grammar sees it: whitespace removed (reposts move
// spaces and line breaks anywhere), full-width forms and punctuation folded to
// one spelling, traditional characters of the notice's vocabulary mapped to
// simplified ones, quotes dropped, pinyin glosses glued in by converter sites
// dropped (补(bǔ)休, 國(guó)慶節, 1月24日(ri)), and a run of punctuation marks
// (`,、` `,,` `,。`) reduced to its strongest one (. ; 、 ,). Every byte of the result remembers the
// byte of the original it came from, so errors point into what the user wrote.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian::notice {

struct NormalizedText {
  std::string text;
  std::vector<std::uint32_t> origin;  ///< origin[i]: original byte of text[i]; origin[text.size()] = end
  /// The original byte offset of normalized byte `i` (i may equal text.size()).
  std::uint32_t original(std::size_t i) const { return origin[i < origin.size() ? i : origin.size() - 1]; }
};

/// Error for input that is not UTF-8 text (NUL bytes, invalid sequences).
expected<NormalizedText, Error> normalize_notice(std::string_view original);

/// One code point of the notice vocabulary in simplified form (國 → 国); others unchanged.
char32_t simplify(char32_t c);

}  // namespace shixian::notice
