// File: shixian/extract.hpp
//
// Finding time rules in plan documents, and drafting a task register from a
// plan laid out as a task table (issue 7).
//
// Example:
//   auto found = shixian::extract("…“知名商标”企业名单形成文件后3个工作日公开；…");
//   found[0].text == "形成文件后3个工作日公开";
//   found[0].canonical == "形成文件后3个工作日内公开";
//   found[0].trigger == "形成文件";  found[0].action == "公开";
//
// Offsets count characters (Unicode code points), not bytes, and lines start
// at 1. A finding is one span the rule grammar (shixian/parse.hpp) parses:
// the scanner looks for anchors (numbers followed by 月/日/个工作日/小时…,
// words such as 每月/及时/年底/长期推进), widens them to the trigger before
// and the action verb after, and keeps the longest window that parses.
// Dates that are not obligations (a document's own date 2016年12月6日,
// 〔2008〕80号) are not findings. Shapes that look like time rules but do not
// parse are returned as `unrecognized`, so grammar gaps show up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/ast.hpp"

namespace shixian {

/// One time rule found in running text.
struct Found {
  std::uint32_t start = 0;  ///< first character, counted from 0
  std::uint32_t end = 0;    ///< one past the last character
  std::uint32_t line = 1;   ///< line of `start`, from 1
  std::string text;         ///< the span as written
  std::string canonical;    ///< shixian::canonical of the parsed span
  ast::RuleKind kind = ast::RuleKind::deadline;
  std::string trigger;      ///< the event the rule counts from ("形成文件"); empty if none
  std::string action;       ///< the verb the rule governs ("公开"); empty if none found
  /// How the rule was read when the span alone does not say: a table cell
  /// 同上 / 同上一行 / 同前 takes the rule of the nearest row above in its
  /// column, and `note` says so ("同上：沿用第3行的规定（及时公开）"); `text` is
  /// then 同上 as written and `canonical` the rule inherited. Else empty.
  std::string note;
};

/// A span that looks like a time rule (a number with a time unit, 之日内 …)
/// but that the grammar does not parse.
struct Unrecognized {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t line = 1;
  std::string text;
  std::string reason;  ///< why it is not a rule, where extract knows more than "does not parse"; else empty
};

struct Extraction {
  std::vector<Found> found;
  std::vector<Unrecognized> unrecognized;
};

/// Every time rule in `utf8` (longest match, in document order). The input
/// must be valid UTF-8 (see validate_utf8).
std::vector<Found> extract(std::string_view utf8);

/// The same, with the unrecognized spans.
Extraction extract_all(std::string_view utf8);

/// The plan year named in the document's title ("2016年…工作要点",
/// "…2016年\n政务公开工作要点分工方案"); nullopt if none is found.
std::optional<int> detect_plan_year(std::string_view utf8);

/// One row of a draft task register (the CSV columns of `shixian check`:
/// id, title, lead, units, rule, year, events).
struct Task {
  std::string id;     ///< the item's number path: "1.2.3" (一、(二) 3.), "26.1"
  std::string title;  ///< 工作事项 / 任务事项, without its number
  std::string lead;   ///< 牵头单位
  std::string units;  ///< 责任单位
  std::string rule;   ///< the time requirements as written, several joined by "；"
  /// A time cell 同上 (same as above): the rule is the row above's, and `note`
  /// says from which item; without a rule above, `rule` keeps 同上 as written
  /// and `note` says why. Else empty.
  std::string note;
};

/// Reads a plan laid out as a task table (tab-separated or one-cell-per-line
/// dumps: numbered items, 工作事项 / 公开内容和时间要求 / 牵头单位 / 责任单位 /
/// 完成时限 columns, cells continued over several lines), or a 主动公开基本目录
/// written one row per line (cells split by |, tabs or column gaps: 序号 /
/// 一级事项 / 二级事项 / … / 公开时限 / 公开主体; the 事项 columns joined by "/"
/// as the title, 公开主体 as the lead). The rule is the time column's cell when
/// the table has one (kept as written when the grammar cannot read it whole),
/// else the rules found in the row.
std::vector<Task> extract_tasks(std::string_view utf8);

/// The register as CSV (RFC 4180 quoting, header row, CRLF-free).
std::string tasks_csv(const std::vector<Task>& tasks, std::optional<int> year);

/// The byte offset of the first malformed UTF-8 sequence, or nullopt.
std::optional<std::size_t> invalid_utf8_at(std::string_view bytes);

/// Plain text from HTML: tags removed (table cells become tabs, block ends
/// line breaks), script/style dropped, entities decoded.
std::string html_to_text(std::string_view html);

/// Whether the bytes look like HTML (a tag such as <html, <p, <table, <div near the start).
bool looks_like_html(std::string_view bytes);

}  // namespace shixian
