#include "notice/normalize.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "common/text.hpp"

namespace shixian::notice {

namespace {

// Traditional → simplified for the characters of the notices' vocabulary and
// their usual boilerplate (sorted by the traditional code point). Characters
// outside this list pass through: the grammar only needs its keywords.
constexpr std::pair<char32_t, char32_t> kTraditional[] = {
    {0x500B, 0x4E2A}, {0x5011, 0x4EEC}, {0x50B3, 0x4F20}, {0x50F9, 0x4EF7}, {0x512A, 0x4F18}, {0x5152, 0x513F},
    {0x5225, 0x522B}, {0x5247, 0x5219}, {0x52D5, 0x52A8}, {0x52D9, 0x52A1}, {0x52DD, 0x80DC}, {0x52DE, 0x52B3},
    {0x52F5, 0x52B1}, {0x5340, 0x533A}, {0x54E1, 0x5458}, {0x55AE, 0x5355}, {0x570B, 0x56FD}, {0x57F7, 0x6267},
    {0x5831, 0x62A5}, {0x58EF, 0x58EE}, {0x5A66, 0x5987}, {0x5B78, 0x5B66}, {0x5BE6, 0x5B9E}, {0x5BEB, 0x5199},
    {0x5C07, 0x5C06}, {0x5C0D, 0x5BF9}, {0x5C46, 0x5C4A}, {0x5E36, 0x5E26}, {0x5EE0, 0x5382}, {0x5EF3, 0x5385},
    {0x5F8C, 0x540E}, {0x5FA9, 0x590D}, {0x611B, 0x7231}, {0x6176, 0x5E86}, {0x61C9, 0x5E94}, {0x6230, 0x6218},
    {0x64CA, 0x51FB}, {0x64DA, 0x636E}, {0x65BC, 0x4E8E}, {0x6642, 0x65F6}, {0x66AB, 0x6682}, {0x66C6, 0x5386},
    {0x66F8, 0x4E66}, {0x6703, 0x4F1A}, {0x6771, 0x4E1C}, {0x689D, 0x6761}, {0x6A02, 0x4E50}, {0x6A23, 0x6837},
    {0x6B0A, 0x6743}, {0x6B61, 0x6B22}, {0x6B72, 0x5C81}, {0x6B77, 0x5386}, {0x6E96, 0x51C6}, {0x70BA, 0x4E3A},
    {0x7121, 0x65E0}, {0x71DF, 0x8425}, {0x7232, 0x4E3A}, {0x723E, 0x5C14}, {0x73FE, 0x73B0}, {0x7522, 0x4EA7},
    {0x7642, 0x7597}, {0x767C, 0x53D1}, {0x773E, 0x4F17}, {0x78BA, 0x786E}, {0x79AE, 0x793C}, {0x7BC0, 0x8282},
    {0x7D00, 0x7EAA}, {0x7D1A, 0x7EA7}, {0x7D50, 0x7ED3}, {0x7D71, 0x7EDF}, {0x7D93, 0x7ECF}, {0x7E23, 0x53BF},
    {0x7E3D, 0x603B}, {0x7FA9, 0x4E49}, {0x7FD2, 0x4E60}, {0x8056, 0x5723}, {0x8077, 0x804C}, {0x81D8, 0x814A},
    {0x8207, 0x4E0E}, {0x820A, 0x65E7}, {0x83EF, 0x534E}, {0x8655, 0x5904}, {0x865F, 0x53F7}, {0x8846, 0x4F17},
    {0x885B, 0x536B}, {0x885D, 0x51B2}, {0x88DC, 0x8865}, {0x898F, 0x89C4}, {0x8A71, 0x8BDD}, {0x8A72, 0x8BE5},
    {0x8A95, 0x8BDE}, {0x8AAA, 0x8BF4}, {0x8ABF, 0x8C03}, {0x8ACB, 0x8BF7}, {0x8B70, 0x8BAE}, {0x8B93, 0x8BA9},
    {0x8ECA, 0x8F66}, {0x8ECD, 0x519B}, {0x8F38, 0x8F93}, {0x8FA6, 0x529E}, {0x8FAD, 0x8F9E}, {0x8FB2, 0x519C},
    {0x9019, 0x8FD9}, {0x9023, 0x8FDE}, {0x9031, 0x5468}, {0x9032, 0x8FDB}, {0x91AB, 0x533B}, {0x9280, 0x94F6},
    {0x9322, 0x94B1}, {0x932F, 0x9519}, {0x9418, 0x949F}, {0x9577, 0x957F}, {0x9580, 0x95E8}, {0x958B, 0x5F00},
    {0x958F, 0x95F0}, {0x9593, 0x95F4}, {0x95DC, 0x5173}, {0x967D, 0x9633}, {0x969B, 0x9645}, {0x96FB, 0x7535},
    {0x9751, 0x9752}, {0x9805, 0x9879}, {0x9812, 0x9881}, {0x9AD4, 0x4F53}, {0x9B25, 0x6597}, {0x9EBC, 0x4E48},
    {0x9EDE, 0x70B9}, {0x9EE8, 0x515A}, {0x9F4B, 0x658B},
};

static_assert(std::is_sorted(std::begin(kTraditional), std::end(kTraditional),
                             [](auto a, auto b) { return a.first < b.first; }));

using detail::append_utf8;

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' || c == 0x00A0 ||
         c == 0x3000 || c == 0xFEFF || c == 0x200B || c == 0x2028 || c == 0x2029;
}

// One spelling per punctuation mark; 0 drops the character.
char32_t fold_punctuation(char32_t c) {
  switch (c) {
    case U'。': case 0xFF61: return U'.';
    case U'〔': case U'【': case U'〖': return U'[';
    case U'〕': case U'】': case U'〗': return U']';
    case U'“': case U'”': case U'‘': case U'’': case U'"': case U'\'': case U'「': case U'」':
    case U'『': case U'』': return 0;
    case U'—': case U'–': case U'―': case U'‐': case U'‑': return U'-';
    case U'〜': return U'~';
    case U'﹐': return U',';
    case 0xFF64: return U'、';  // halfwidth ideographic comma
    case U'﹕': return U':';
    default: return c;
  }
}

// Letters of a pinyin gloss: ASCII letters and the tone-marked vowels
// (ā á ǎ à … ǖ ǘ ǚ ǜ ü, ń ň ǹ ḿ) that converter sites glue after characters.
bool is_pinyin_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0x00C0 && c <= 0x024F) || c == 0x1E3F;
}

// `(bǔ)` · `(qī)` · `(ri)`: an opening parenthesis followed by 1–8 pinyin
// letters and a closing one. Returns the byte just past the gloss, or `at`
// when the parenthesis opens anything else (（星期六）, （农历腊月二十八）).
std::size_t skip_pinyin_gloss(std::string_view text, std::size_t at) {
  std::size_t i = at;
  for (int letters = 0; i < text.size() && letters <= 8; ++letters) {
    const char32_t c = detail::fold_full_width(detail::next_code_point(text, i));
    if (c == U')') return letters > 0 ? i : at;
    if (!is_pinyin_letter(c)) return at;
  }
  return at;
}

// Punctuation between sentences and list members; in a run of them (`,、`
// `,,` `,。` as pasted from converter sites) the strongest one stands.
int punctuation_strength(char32_t c) {
  switch (c) {
    case U',': return 1;
    case U'、': return 2;
    case U';': return 3;
    case U'.': return 4;
    default: return 0;
  }
}

}  // namespace

char32_t simplify(char32_t c) {
  // Most of a notice is ASCII or simplified text below the table's first entry.
  if (c < std::begin(kTraditional)->first || c > std::prev(std::end(kTraditional))->first) return c;
  const auto* it = std::lower_bound(std::begin(kTraditional), std::end(kTraditional), c,
                                    [](const auto& p, char32_t v) { return p.first < v; });
  return (it != std::end(kTraditional) && it->first == c) ? it->second : c;
}

expected<NormalizedText, Error> normalize_notice(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.origin.reserve(original.size() + 1);
  std::size_t run_start = std::string::npos;  // where the punctuation run at the end of `out` starts
  int run_strength = 0;
  for (std::size_t i = 0; i < original.size();) {
    const std::size_t at = i;
    if (original[i] == '\0') {
      return unexpected(detail::make_error(ErrorCode::invalid_argument, "输入含有NUL字节，不是文本文件", original, at));
    }
    char32_t c = detail::next_code_point(original, i);
    if (c == 0xFFFD && !(i - at == 3 && original.substr(at, 3) == "\xEF\xBF\xBD")) {
      return unexpected(detail::make_error(ErrorCode::invalid_argument, "输入不是有效的UTF-8文本", original, at));
    }
    c = detail::fold_full_width(c);
    if (is_space(c)) continue;
    if (c == U'(') {
      if (const std::size_t past = skip_pinyin_gloss(original, i); past != i) {
        i = past;
        continue;
      }
    }
    c = fold_punctuation(simplify(c));
    if (c == 0) continue;
    if (const int strength = punctuation_strength(c); strength != 0) {
      if (run_start != std::string::npos) {
        if (strength <= run_strength) continue;
        out.text.resize(run_start);
        out.origin.resize(run_start);
      }
      run_start = out.text.size();
      run_strength = strength;
    } else {
      run_start = std::string::npos;
    }
    const std::size_t before = out.text.size();
    append_utf8(out.text, c);
    out.origin.insert(out.origin.end(), out.text.size() - before, static_cast<std::uint32_t>(at));
  }
  out.origin.push_back(static_cast<std::uint32_t>(original.size()));
  return out;
}

}  // namespace shixian::notice
