// File: shixian/parse.hpp
//
// Parsing time rules ("形成文件后3个工作日公开", "每季度末", "7月底前启动，9月底前完成")
// into the AST of shixian/ast.hpp, printing them back in one canonical Chinese
// phrase or as JSON, and the event lexicon. The grammar (Boost.Spirit X3) is
// compiled once inside the library; this header does not include Spirit.
//
// Example:
//   auto r = shixian::parse_rule("形成文件后三个工作日公开");
//   if (!r) { std::cerr << shixian::render_error("形成文件后三个工作日公开", r.error()); }
//   shixian::canonical(*r) == "形成文件后3个工作日内公开";
//   shixian::to_string(r->kind) == "deadline";
//
// Errors are values, never exceptions. Their Location counts characters (not
// bytes), and their message names what was expected there:
//   parse_rule("形成文件后3个工作").error().message
//     == "第7个字符处：期望时间单位（个工作日、日、小时、周、个月、年）"
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/ast.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian {

using ast::Rule;
using ast::to_string;

/// Longest rule accepted, in characters. Longer input is an out_of_range error.
inline constexpr std::size_t kMaxRuleLength = 4096;

/// A parse failure with more detail than Error: the English message, the
/// labels of what was expected (from the grammar's label table), and the
/// offending range in characters.
struct ParseError {
  Error error;                        ///< code parse_error or out_of_range; message in Chinese
  std::string message_en;             ///< the same in English
  std::vector<std::string> expected;  ///< Chinese labels, e.g. "时间单位（个工作日、日、小时、周、个月、年）"
  std::uint32_t length = 1;           ///< characters the caret should cover (>= 1)
};
inline const std::string& message_of(const ParseError& e) { return e.error.message; }
inline const Location& location_of(const ParseError& e) { return e.error.where; }
inline ErrorCode code_of(const ParseError& e) { return e.error.code; }

/// Parses one rule. Never throws for bad input (malformed UTF-8, overlong,
/// out-of-range values are errors with a position).
expected<Rule, ParseError> parse(std::string_view utf8);

/// The same, with the plain Error.
expected<Rule, Error> parse_rule(std::string_view utf8);

/// The one canonical Chinese phrase for a rule: 三个工作日内 and 3个工作日以内 both
/// print as "3个工作日内". parse(canonical(r)) == r.
std::string canonical(const Rule& rule);

/// The structured form: {"kind":"deadline","canonical":"…","items":[{…}]}.
/// Each item has "type" (relative, anchor, event_deadline, event_gate,
/// recurrence, holiday_recurrence, count, display_interval, timely,
/// continuous, ongoing, unspecified, external), its fields, "label" when
/// present, and "span": [begin, end) in UTF-8 bytes of the parsed input.
std::string to_json(const Rule& rule);

/// The event key a trigger phrase stands for through the lexicon in
/// grammar/events.tsv (compiled in): "文件形成" → "形成文件", "收文" → "收到文件".
/// nullopt when the phrase is not in the lexicon.
std::optional<std::string_view> canonical_event(std::string_view trigger);

/// The input line with the error's character underlined, aligned by display
/// width (full-width characters take two columns), lexy-style:
///   1 | 形成文件后3个工作
///     |            ^^^^^^ 期望时间单位（…）
std::string render_error(std::string_view input, const Error& error, std::uint32_t length = 1);

/// For `explain`: one plain-language Chinese sentence per item, e.g.
/// "相对期限：事件“形成文件”发生后，第3个工作日结束前（不含事件当日）；动作：公开".
std::vector<std::string> describe(const Rule& rule);

/// For `explain`: the policy that governs an ambiguous reading in the rule
/// (中旬前, M月前, 及时 …), one line each, in Chinese. Empty if none applies.
std::vector<std::string> policy_notes(const Rule& rule);

}  // namespace shixian
