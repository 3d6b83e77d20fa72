// The only file that runs the grammar: normalize, parse, turn the farthest
// failure into a positioned message, lower. Nothing here throws to the caller.
#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "common/escape.hpp"
#include "common/text.hpp"
#include "parse/labels.hpp"
#include "parse/lower.hpp"
#include "parse/normalize.hpp"
#include "parse/rule.hpp"
#include "shixian/parse.hpp"

namespace shixian {

namespace {

std::string position_zh(const Location& where) {
  return "第" + std::to_string(where.column) + "个字符处：";
}

ParseError make_parse_error(ErrorCode code, std::string_view input, std::uint32_t byte, std::uint32_t end_byte,
                            const std::string& zh, const std::string& en, std::vector<std::string> expected = {}) {
  ParseError e;
  e.error.code = code;
  e.error.where = detail::locate(input, byte);
  e.error.message = position_zh(e.error.where) + zh;
  e.message_en = "at character " + std::to_string(e.error.where.column) + ": " + en;
  e.expected = std::move(expected);
  const auto end_loc = detail::locate(input, end_byte);
  e.length = end_loc.offset > e.error.where.offset ? end_loc.offset - e.error.where.offset : 1;
  return e;
}

}  // namespace

expected<Rule, ParseError> parse(std::string_view input) {
  using namespace grammar;
  // The length limit is checked on characters, before anything else, so a
  // huge input costs one linear scan.
  std::size_t chars = 0;
  for (std::size_t i = 0; i < input.size(); ++i)
    if ((static_cast<unsigned char>(input[i]) & 0xC0) != 0x80) ++chars;
  if (chars > kMaxRuleLength) {
    std::size_t byte = 0, seen = 0;
    for (; byte < input.size(); ++byte)
      if ((static_cast<unsigned char>(input[byte]) & 0xC0) != 0x80 && seen++ == kMaxRuleLength) break;
    return unexpected(make_parse_error(
        ErrorCode::out_of_range, input, static_cast<std::uint32_t>(byte), static_cast<std::uint32_t>(byte),
        "规则过长（" + std::to_string(chars) + "个字符，最多" + std::to_string(kMaxRuleLength) + "个）",
        "rule too long (" + std::to_string(chars) + " characters, at most " + std::to_string(kMaxRuleLength) + ")"));
  }

  // Per-thread buffers: a parse allocates only for the Rule it returns.
  thread_local Normalized norm;
  thread_local State state;
  NormalizeError nerr;
  if (!normalize(input, norm, nerr)) {
    return unexpected(make_parse_error(ErrorCode::parse_error, input, nerr.byte, nerr.byte + 1, nerr.zh, nerr.en));
  }
  bool blank = true;
  for (char c : norm.text) blank = blank && (c == '\n' || c == ',' || c == ';');
  if (blank) {
    return unexpected(make_parse_error(ErrorCode::parse_error, input, 0, 0, "规则为空", "the rule is empty",
                                       {labels::item.zh}));
  }

  state.base = norm.text.data();
  state.pieces.clear();
  state.farthest = nullptr;
  state.expected.clear();
  const context_type context(state);
  const char* first = norm.text.data();
  const char* const last = first + norm.text.size();
  bool ok = false;
  try {
    x3::unused_type unused;
    ok = grammar::rule.parse(first, last, context, unused, unused) && first == last;
  } catch (const std::exception&) {
    // The grammar has no expectation points; this is only bad_alloc.
    ok = false;
    state.expected.clear();
  }
  if (!ok) {
    const auto at = static_cast<std::uint32_t>((state.farthest ? state.farthest : first) - norm.text.data());
    // Generic labels (any phrase, the end, a dangling trigger's continuation)
    // only add noise next to a specific one at the same position.
    // By content: a constexpr label's pointer may differ between TUs.
    auto generic = [](const char* l) {
      const std::string_view s(l);
      return s == labels::item.zh || s == labels::end.zh || s == labels::continuation.zh;
    };
    bool any_specific = false;
    for (const char* l : state.expected) any_specific = any_specific || !generic(l);
    if (any_specific) std::erase_if(state.expected, generic);
    std::string zh = "期望", en = "expected ";
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < state.expected.size(); ++i) {
      zh += (i == 0 ? "" : "或") + std::string(state.expected[i]);
      en += (i == 0 ? "" : " or ") + std::string(labels::english(state.expected[i]));
      expected.emplace_back(state.expected[i]);
    }
    if (expected.empty()) {
      zh += labels::item.zh;
      en += labels::item.en;
      expected.emplace_back(labels::item.zh);
    }
    const std::uint32_t byte = norm.begin_of(at, input.size());
    const std::uint32_t end = at < norm.text.size() ? norm.end_of(at + 1, input.size()) : byte;
    return unexpected(make_parse_error(ErrorCode::parse_error, input, byte, end, zh, en, std::move(expected)));
  }

  Rule rule;
  LowerError lerr;
  if (!lower(state.pieces, norm, input.size(), rule, lerr)) {
    return unexpected(make_parse_error(ErrorCode::out_of_range, input, norm.begin_of(lerr.begin, input.size()),
                                       norm.end_of(lerr.end, input.size()), lerr.zh, lerr.en));
  }
  return rule;
}

expected<Rule, Error> parse_rule(std::string_view utf8) {
  auto r = parse(utf8);
  if (!r) return unexpected(std::move(r.error().error));
  return std::move(*r);
}

std::string render_error(std::string_view input, const Error& error, std::uint32_t length) {
  // Find the error's line; count columns by display width so the caret sits
  // under the right character even after full-width text.
  std::size_t line_start = 0;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < input.size() && line < error.where.line; ++i) {
    if (input[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t line_end = input.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = input.size();
  std::uint32_t column = error.where.column;
  const std::string shown = detail::window(input.substr(line_start, line_end - line_start), column);
  const std::string_view text = shown;

  std::size_t i = 0;
  std::uint32_t col = 1;
  while (i < text.size() && col < column) {
    detail::next_code_point(text, i);
    ++col;
  }
  std::size_t j = i;
  for (std::uint32_t k = 0; k < std::max<std::uint32_t>(length, 1) && j < text.size(); ++k)
    detail::next_code_point(text, j);
  // Control characters and bidi overrides in the input are shown escaped
  // (\x1b, \u202e), never sent to the terminal; the caret is measured on
  // what is shown.
  const std::string before = detail::escape_for_terminal(text.substr(0, i));
  const std::string marked = detail::escape_for_terminal(text.substr(i, j - i));
  const std::string after = detail::escape_for_terminal(text.substr(j));
  const std::size_t pad = detail::display_width(before);
  std::size_t carets = j > i ? std::max<std::size_t>(detail::display_width(marked), 1) : 1;

  const std::string number = std::to_string(error.where.line ? error.where.line : 1);
  std::string out;
  out += number + " | " + before + marked + after + "\n";
  out += std::string(number.size(), ' ') + " | " + std::string(pad, ' ') + std::string(carets, '^') + " " +
         detail::escape_for_terminal(error.message) + "\n";
  return out;
}

}  // namespace shixian
