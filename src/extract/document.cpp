// Whole documents: the plan year, input checks (UTF-8, HTML), and the task
// table → draft register (issue 7). Table dumps come in three layouts:
//  - tab layout: each cell on a line starting with a tab, rows separated by a
//    blank line, a line without a tab continuing the cell above (anju, yuexiu);
//  - one-line rows: a row per line, cells split by |, tabs or column gaps
//    (extract/cells.hpp; the 主动公开基本目录 pasted from the web or converted);
//  - line layout: one cell per line, rows started by a line holding only the
//    item number (序号), blank cells as blank lines (yingkou's 附件).
// The first two go through the same column roles and row reading (table_tasks).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "extract/cells.hpp"
#include "shixian/extract.hpp"
#include "shixian/parse.hpp"

namespace shixian {

namespace {

std::string_view trim(std::string_view s) {
  auto is_ws = [](std::string_view t, std::size_t i, bool back) -> std::size_t {
    // ASCII whitespace, U+3000 (E3 80 80), NBSP (C2 A0)
    if (!back) {
      if (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) return 1;
      if (t.substr(i).starts_with("\xE3\x80\x80")) return 3;
      if (t.substr(i).starts_with("\xC2\xA0")) return 2;
      return 0;
    }
    if (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\r' || t[i - 1] == '\n')) return 1;
    if (i >= 3 && t.substr(i - 3, 3) == "\xE3\x80\x80") return 3;
    if (i >= 2 && t.substr(i - 2, 2) == "\xC2\xA0") return 2;
    return 0;
  };
  std::size_t b = 0, e = s.size();
  while (std::size_t k = is_ws(s, b, false)) b += k;
  while (e > b) {
    const std::size_t k = is_ws(s, e, true);
    if (!k) break;
    e -= k;
  }
  return s.substr(b, e - b);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (true) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// ---- item numbers ----------------------------------------------------------

int cn_value(std::string_view s) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int total = 0, cur = 0;
  while (!s.empty()) {
    bool matched = false;
    for (int d = 0; d < 10; ++d) {
      if (s.starts_with(kDigits[d])) {
        cur = d;
        s.remove_prefix(3);
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (s.starts_with("十")) {
      total += (cur == 0 ? 1 : cur) * 10;
      cur = 0;
      s.remove_prefix(3);
      continue;
    }
    return -1;
  }
  return total + cur;
}

struct Numbered {
  int level = 0;  // 1: 一、  2: （一）  3: 1. / 1． / 1、
  int value = 0;
  std::string_view rest;
};

// "一、围绕…" → {1, 1, "围绕…"}; "（二）推进…" → {2, 2}; "3.推动…" / "3．" / "3、" → {3, 3}.
std::optional<Numbered> numbered(std::string_view s) {
  s = trim(s);
  for (std::string_view open : {"（", "("}) {
    if (s.starts_with(open)) {
      for (std::string_view close : {"）", ")"}) {
        const std::size_t c = s.find(close);
        if (c == std::string_view::npos || c > 12) continue;
        const int v = cn_value(s.substr(open.size(), c - open.size()));
        if (v > 0) return Numbered{2, v, trim(s.substr(c + close.size()))};
      }
      return std::nullopt;
    }
  }
  std::size_t d = 0;
  while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
  if (d > 0 && d <= 3) {
    const int v = std::stoi(std::string(s.substr(0, d)));
    if (v <= 0) return std::nullopt;  // "0." is not an item number
    for (std::string_view sep : {"．", ".", "、"})
      if (s.substr(d).starts_with(sep)) return Numbered{3, v, trim(s.substr(d + sep.size()))};
    return std::nullopt;
  }
  const std::size_t dun = s.find("、");
  if (dun != std::string_view::npos && dun > 0 && dun <= 6) {
    const int v = cn_value(s.substr(0, dun));
    if (v > 0) return Numbered{1, v, trim(s.substr(dun + 3))};
  }
  return std::nullopt;
}

// ---- rules of a row ----------------------------------------------------------------

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// A 完成时限 cell as one rule: its lines joined (a line ending in 年 runs on:
// "2016年\n12月底前"), or the rules found in it when the whole does not parse.
std::string deadline_cell_rule(std::string_view cell) {
  std::string joined;
  for (auto line : split_lines(cell)) {
    line = trim(line);
    if (line.empty()) continue;
    if (!joined.empty() && !joined.ends_with("年")) joined += "；";
    joined += line;
  }
  // —, ／ or － in a time cell: no rule, nothing to keep.
  const bool words = std::any_of(joined.begin(), joined.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0xE3 || std::isalnum(static_cast<unsigned char>(c));
  });
  if (!words) return {};
  if (parse(joined)) return joined;
  std::vector<std::string> parts;
  const auto found = extract_all(joined);
  // A rule found right after 之日起 / 后 / 起 lost its trigger to a shape the
  // grammar does not read whole (信息形成或者变更之日起20个工作日内 → only
  // 20个工作日内): the cell stays as written, for check to report, rather
  // than a rule that silently drops its trigger (SPEC §8: no silent misreads).
  std::vector<std::size_t> char_at;  // byte offset of each character
  for (std::size_t i = 0; i < joined.size(); ++i)
    if ((static_cast<unsigned char>(joined[i]) & 0xC0) != 0x80) char_at.push_back(i);
  char_at.push_back(joined.size());
  for (const auto& f : found.found) {
    if (f.start >= char_at.size()) continue;
    const std::string_view before = std::string_view(joined).substr(0, char_at[f.start]);
    for (std::string_view w : {"之日起", "起", "后", "以后", "之后"})
      if (before.ends_with(w)) return joined;
  }
  // Nor is a cell with no rule in it dropped (长期公开 before the grammar reads it).
  if (found.found.empty()) return joined;
  for (const auto& f : found.found) parts.push_back(f.text);
  return join(parts, "；");
}

// 同上 · 同上一行 · 同前 (a 。 after it aside): "as the row above".
bool is_same_as_above(std::string_view cell) {
  cell = trim(cell);
  for (std::string_view end : {"。", "."})
    if (cell.ends_with(end)) cell.remove_suffix(end.size());
  return cell == "同上" || cell == "同上一行" || cell == "同前";
}

std::string found_rules(std::string_view text) {
  std::vector<std::string> parts;
  for (const auto& f : extract(text)) {
    std::string t;
    for (char c : f.text)
      if (c != '\n' && c != '\r') t += c;  // 2016年\n12月底前 → one line
    parts.push_back(std::move(t));
  }
  return join(parts, "；");
}

std::string combine_rules(std::string a, const std::string& b) {
  if (b.empty()) return a;
  if (a.empty()) return b;
  std::string both = a + "；" + b;
  return parse(both) ? both : a;
}

std::string one_line(std::string_view s) {
  std::string out;
  for (auto line : split_lines(s)) {
    line = trim(line);
    if (line.empty()) continue;
    out += line;
  }
  return out;
}

// ---- column roles ----------------------------------------------------------------

enum class Role { number, title, content, lead, units, deadline, other };

Role role_of(std::string_view header) {
  header = trim(header);
  if (header == "序号") return Role::number;
  if (contains(header, "牵头")) return Role::lead;
  // 基本目录: 公开主体 / 责任主体 is who publishes, the register's lead.
  if (contains(header, "主体")) return Role::lead;
  if (contains(header, "责任单位") || contains(header, "配合单位")) return Role::units;
  // Before 要求 below: 时间要求 is a time column, 公开内容和时间要求 is not.
  if (detail::is_time_column(header) || contains(header, "完成时限") || contains(header, "时间节点"))
    return Role::deadline;
  if (header == "工作事项" || header == "任务事项" || header == "任务" || header == "工作任务" || header == "事项" ||
      header == "一级事项" || header == "二级事项" || header == "三级事项" || header == "事项名称" ||
      header == "公开事项")
    return Role::title;
  if (contains(header, "要求") || contains(header, "内容") || contains(header, "方案") || contains(header, "措施"))
    return Role::content;
  return Role::other;
}

bool is_header_row(const std::vector<std::string>& cells) {
  int roles = 0;
  bool lead = false;
  for (const auto& c : cells) {
    const Role r = role_of(c);
    if (r != Role::other) ++roles;
    lead = lead || r == Role::lead || r == Role::deadline;
  }
  return lead && roles >= 3;
}

// ---- tab layout ------------------------------------------------------------------

struct Row {
  std::vector<std::string> cells;
  bool lost_lead_cells = false;  // started by " \t": the first cells were lost in the dump
};

std::vector<Row> tab_rows(std::string_view text) {
  std::vector<Row> rows;
  Row cur;
  bool blank_before = true;
  auto flush = [&] {
    if (!cur.cells.empty()) rows.push_back(std::move(cur));
    cur = Row{};
  };
  for (auto line : split_lines(text)) {
    const std::string_view t = trim(line);
    const bool cell_start = !line.empty() && (line[0] == '\t' || line.starts_with(" \t"));
    if (cell_start) {
      if (blank_before || line.starts_with(" \t")) {
        flush();
        cur.lost_lead_cells = line.starts_with(" \t") && !blank_before;
      }
      cur.cells.emplace_back(t);
      blank_before = false;
    } else if (t.empty()) {
      blank_before = true;
    } else if (!cur.cells.empty()) {
      // A cell continued on the next line (possibly after blank lines inside the cell).
      cur.cells.back() += "\n";
      cur.cells.back() += t;
      blank_before = false;
    } else {
      flush();
      blank_before = false;
    }
  }
  flush();
  return rows;
}

// One-line rows (extract/cells.hpp), each table's header first; a wrapped
// cell's continuation line is joined to the cell above.
std::vector<std::vector<Row>> one_line_rows(std::string_view text) {
  std::vector<std::vector<Row>> tables;
  auto cell_text = [&](const detail::Cell& c) { return std::string(text.substr(c.begin, c.end - c.begin)); };
  for (const auto& table : detail::one_line_tables(text)) {
    std::vector<Row> rows(1);
    for (const auto& c : table.header) rows[0].cells.push_back(cell_text(c));
    for (const auto& r : table.rows) {
      if (r.continuation && rows.size() > 1) {
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
          std::string more = cell_text(r.cells[k]);
          if (more.empty()) continue;
          std::string& above = rows.back().cells[k];
          above += above.empty() ? more : "\n" + more;
        }
        continue;
      }
      Row row;
      for (const auto& c : r.cells) row.cells.push_back(cell_text(c));
      rows.push_back(std::move(row));
    }
    tables.push_back(std::move(rows));
  }
  return tables;
}

// A task table's rows → tasks. `merged_blank`: a merged cell shows as an
// empty cell in the rows below it (one-line rows), so an empty 公开主体 or
// outer 事项 cell continues the one above.
std::vector<Task> table_tasks(const std::vector<Row>& rows, bool merged_blank) {
  std::string above_rule;  // the last time cell's rule, for 同上
  std::size_t above_task = 0;
  struct Inherit {
    std::size_t task, above;
    std::string rule;
  };
  std::vector<Inherit> inherits;  // 同上: the task, the task it copies, the rule copied
  std::vector<Role> roles;
  std::size_t r = 0;
  for (; r < rows.size(); ++r) {
    if (is_header_row(rows[r].cells)) break;
  }
  if (r == rows.size()) return {};
  for (const auto& c : rows[r].cells) roles.push_back(role_of(c));
  ++r;
  // A second header row splits a column (国务院办公厅要求 → 任务 | 具体要求).
  if (r < rows.size()) {
    const auto& sub = rows[r].cells;
    bool subheader = std::any_of(sub.begin(), sub.end(), [](const std::string& c) { return role_of(c) == Role::title; }) &&
                     std::all_of(sub.begin(), sub.end(), [](const std::string& c) { return c.size() < 20; });
    if (subheader) {
      std::vector<Role> merged;
      for (std::size_t k = 0; k < roles.size(); ++k) {
        if (k < sub.size() && !sub[k].empty() && role_of(sub[k]) != Role::other && roles[k] == Role::content) {
          // The split column becomes two: the sub header's role, then a content column.
          merged.push_back(role_of(sub[k]));
          if (k + 1 < sub.size() && !sub[k + 1].empty()) merged.push_back(role_of(sub[k + 1]));
        } else {
          merged.push_back(roles[k]);
        }
      }
      roles = std::move(merged);
      ++r;
    }
  }
  const auto find_role = [&](Role want, bool last) -> int {
    int found = -1;
    for (std::size_t k = 0; k < roles.size(); ++k)
      if (roles[k] == want) {
        found = static_cast<int>(k);
        if (!last) break;
      }
    return found;
  };
  const int c_number = find_role(Role::number, false);
  const int c_title = find_role(Role::title, false);
  std::vector<int> c_titles;  // 一级事项 | 二级事项 …: outer to inner
  for (std::size_t k = 0; k < roles.size(); ++k)
    if (roles[k] == Role::title) c_titles.push_back(static_cast<int>(k));
  const int c_content = find_role(Role::content, true);
  const int c_lead = find_role(Role::lead, false);
  const int c_units = find_role(Role::units, false);
  const int c_deadline = find_role(Role::deadline, false);

  std::vector<Task> tasks;
  int levels[4] = {0, 0, 0, 0};  // 一、 / （一） / 1.
  int group = 0, sub = 0;
  std::string group_title, group_lead;
  std::vector<std::string> titles(c_titles.size());  // the 事项 levels in force
  for (; r < rows.size(); ++r) {
    std::vector<std::string> cells = rows[r].cells;
    while (!cells.empty() && trim(cells.back()).empty()) cells.pop_back();
    if (rows[r].lost_lead_cells && c_deadline >= 0 && static_cast<int>(cells.size()) < c_deadline + 1) {
      // Right-align the surviving cells on the 完成时限 column.
      std::vector<std::string> aligned(static_cast<std::size_t>(c_deadline + 1) - cells.size());
      aligned.insert(aligned.end(), cells.begin(), cells.end());
      cells = std::move(aligned);
    }
    auto cell = [&](int c) -> std::string_view {
      return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? std::string_view(cells[static_cast<std::size_t>(c)])
                                                                    : std::string_view{};
    };
    // Several 事项 columns name the task together (行政许可/企业投资项目核准);
    // an outer one left empty is a merged cell continuing the one above.
    auto row_title = [&]() -> std::string {
      if (c_titles.size() < 2) return one_line(cell(c_title));
      for (std::size_t k = 0; k < c_titles.size(); ++k) {
        std::string v = one_line(cell(c_titles[k]));
        if (!v.empty()) {
          titles[k] = std::move(v);
          for (std::size_t j = k + 1; j < titles.size(); ++j) titles[j].clear();
        } else if (k + 1 == c_titles.size() || !merged_blank) {
          titles[k].clear();
        }
      }
      return join(titles, "/");
    };
    Task t;
    if (c_number >= 0) {
      // 序号 column: groups; sub-items numbered inside the most specific content column.
      const std::string_view num = trim(cell(c_number));
      const bool new_group = !num.empty() || rows[r].lost_lead_cells;
      if (new_group) {
        group = num.empty() ? group + 1 : std::atoi(std::string(num).c_str());
        sub = 0;
        group_title = row_title();
        if (!merged_blank) group_lead.clear();
      } else if (!trim(cell(c_title)).empty()) {
        group_title = row_title();
      }
      const std::string_view content = cell(c_content);
      if (trim(content).empty() && trim(cell(c_deadline)).empty() && trim(cell(c_lead)).empty()) continue;
      const auto n = numbered(content);
      // Sub-items are numbered in the content column; a numbering that
      // restarts inside a group (14: 教育 1–2, 卫生 1–4, 食药 1–5) continues.
      sub = n && n->level == 3 && n->value > sub ? n->value : sub + 1;
      t.id = std::to_string(group) + "." + std::to_string(sub);
      t.title = group_title;
      if (t.title.empty()) {
        // No 任务 cell: the content's first clause.
        std::string c = one_line(n ? n->rest : content);
        const std::size_t stop = std::min({c.find("，"), c.find("。"), c.find("；")});
        t.title = c.substr(0, stop);
      }
      const std::string lead = one_line(cell(c_lead));
      if (!lead.empty()) group_lead = lead;
      t.lead = group_lead;  // an empty 牵头单位 cell continues the one above (merged cells)
    } else {
      // Numbered items in the title column (一、 / （一） / 1.).
      const std::string_view title = cell(c_title);
      const auto n = numbered(title);
      if (!n) continue;
      levels[n->level] = n->value;
      for (int l = n->level + 1; l <= 3; ++l) levels[l] = 0;
      const bool has_body = !trim(cell(c_content)).empty() || !trim(cell(c_lead)).empty();
      if (!has_body) continue;  // a section heading
      std::string id;
      for (int l = 1; l <= n->level; ++l) {
        if (levels[l] == 0) continue;
        if (!id.empty()) id += ".";
        id += std::to_string(levels[l]);
      }
      t.id = id;
      t.title = one_line(n->rest);
      t.lead = one_line(cell(c_lead));
    }
    t.units = one_line(cell(c_units));
    std::string rule = c_deadline >= 0 ? deadline_cell_rule(cell(c_deadline)) : std::string{};
    // 同上 in the time column: the rule of the nearest row above that has one
    // (the draft says so); with none above, kept as written for check to report.
    if (c_deadline >= 0 && is_same_as_above(cell(c_deadline))) {
      if (!above_rule.empty()) {
        rule = above_rule;
        inherits.push_back({tasks.size(), above_task, above_rule});  // the note once the ids are final
      } else {
        rule = std::string(trim(cell(c_deadline)));
        t.note = "时限“同上”：上面没有可沿用的时限规定，按原文保留";
      }
    } else if (c_deadline >= 0 && !rule.empty()) {
      above_rule = rule;
      above_task = tasks.size();
    }
    rule = combine_rules(rule, found_rules(cell(c_content)));
    t.rule = rule;
    tasks.push_back(std::move(t));
  }
  if (c_number >= 0) {
    // A group with a single row is just its number: "12", not "12.1".
    for (std::size_t k = 0; k < tasks.size(); ++k) {
      const std::string& id = tasks[k].id;
      if (!id.ends_with(".1")) continue;
      const std::string group_prefix = id.substr(0, id.size() - 1);  // "12."
      const bool alone = (k + 1 == tasks.size() || !tasks[k + 1].id.starts_with(group_prefix));
      if (alone) tasks[k].id = id.substr(0, id.size() - 2);
    }
  }
  for (const auto& [task, above, copied] : inherits)
    tasks[task].note = "时限“同上”：沿用第" + tasks[above].id + "项的规定（" + copied + "）";
  return tasks;
}

std::vector<Task> tab_tasks(std::string_view text) { return table_tasks(tab_rows(text), false); }

// Tables of one-line rows; with several tables (one per section of a 基本目录)
// the table's number leads the ids, which restart in each.
std::vector<Task> one_line_tasks(std::string_view text) {
  const auto tables = one_line_rows(text);
  std::vector<Task> tasks;
  for (std::size_t k = 0; k < tables.size(); ++k) {
    auto part = table_tasks(tables[k], true);
    if (tables.size() > 1)
      for (auto& t : part) {
        t.id = std::to_string(k + 1) + "." + t.id;
        // 同上's note names an item of the same table.
        if (const auto at = t.note.find("沿用第"); at != std::string::npos)
          t.note.insert(at + std::string_view("沿用第").size(), std::to_string(k + 1) + ".");
      }
    tasks.insert(tasks.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return tasks;
}

// ---- line layout (one cell per line) -------------------------------------------------

bool is_item_number(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 3) return false;
  return std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looks_like_unit(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 3 * 16) return false;
  if (contains(line, "网站") || contains(line, "公开") || contains(line, "、") || contains(line, "，")) return false;
  for (std::string_view end : {"局", "委", "办", "中心", "(物价局)", "（物价局）", "政府", "部门", "单位"})
    if (line.ends_with(end)) return line.starts_with("市") || line.starts_with("区") || line.starts_with("县") ||
                                    line.starts_with("(") || line.starts_with("（");
  return false;
}

bool whole_rule(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  auto r = parse(line);
  if (!r) return false;
  // A 完成时限 cell holds nothing but the rule: no long free-text label.
  for (const auto& item : r->items)
    if (item.label.size() > 3 * 4) return false;
  return true;
}

std::vector<Task> line_tasks(std::string_view text) {
  const auto lines = split_lines(text);
  std::vector<Task> tasks;
  std::size_t i = 0;
  int part = 0;
  std::string part_lead, group_lead;
  std::vector<Role> roles;
  while (i < lines.size()) {
    const std::string_view line = trim(lines[i]);
    // A header: consecutive lines naming columns, one of them 完成时限 or 牵头.
    if (role_of(line) != Role::other && role_of(line) != Role::content) {
      std::size_t k = i;
      std::vector<Role> hdr;
      while (k < lines.size() && role_of(trim(lines[k])) != Role::other) hdr.push_back(role_of(trim(lines[k++])));
      if (hdr.size() >= 3 && std::count(hdr.begin(), hdr.end(), Role::number) == 1) {
        roles = hdr;
        ++part;
        // The part heading just before: "一、市政府、…负责落实的任务".
        part_lead.clear();
        group_lead.clear();
        for (std::size_t b = i; b-- > 0 && i - b <= 2;) {
          const auto n = numbered(lines[b]);
          if (n && n->level == 1) {
            std::string_view h = n->rest;
            for (std::string_view suffix : {"负责落实的任务", "牵头落实的工作任务", "牵头落实的任务", "负责落实的工作任务"})
              if (const auto p = h.find(suffix); p != std::string_view::npos) h = h.substr(0, p);
            if (h.size() < n->rest.size()) part_lead = std::string(h);
          }
        }
        i = k;
        continue;
      }
    }
    if (roles.empty()) {
      ++i;
      continue;
    }
    // Group leads before an item number (牵头部门 column of a merged cell).
    if (!is_item_number(line)) {
      if (looks_like_unit(line)) {
        std::string lead(line);
        while (i + 1 < lines.size() && !is_item_number(lines[i + 1]) && !trim(lines[i + 1]).empty() &&
               (looks_like_unit(lines[i + 1]) || trim(lines[i + 1]).starts_with("(")))
        {
          ++i;
          if (!trim(lines[i]).starts_with("(")) lead += "、";
          lead += trim(lines[i]);
        }
        group_lead = lead;
      }
      ++i;
      continue;
    }
    // An item: number, title, requirement lines…, carrier lines…, deadline lines.
    Task t;
    t.id = std::to_string(part) + "." + std::string(line);
    std::size_t k = i + 1;
    std::vector<std::string_view> body;
    while (k < lines.size() && !is_item_number(lines[k])) {
      const std::string_view l = trim(lines[k]);
      if (l.starts_with("抄送") || (numbered(l) && numbered(l)->level == 1)) break;
      body.push_back(lines[k]);
      ++k;
    }
    // Trailing unit lines belong to the next group's 牵头部门.
    std::size_t end = body.size();
    while (end > 0 && trim(body[end - 1]).empty()) --end;
    std::size_t lead_from = end;
    while (lead_from > 0 && (looks_like_unit(body[lead_from - 1]) ||
                             (trim(body[lead_from - 1]).starts_with("(") && lead_from >= 2 &&
                              looks_like_unit(body[lead_from - 2]))))
      --lead_from;
    // …but not the carrier split over two lines (市农委\n网站): a unit line right
    // after the title/requirements only counts when a deadline run precedes it.
    std::size_t rules_end = lead_from;
    while (rules_end > 0 && trim(body[rules_end - 1]).empty()) --rules_end;
    std::size_t rules_begin = rules_end;
    while (rules_begin > 1 && whole_rule(body[rules_begin - 1])) --rules_begin;
    t.title = body.empty() ? std::string{} : std::string(trim(body[0]));
    t.lead = !group_lead.empty() ? group_lead : part_lead;
    std::string deadline;
    for (std::size_t b = rules_begin; b < rules_end; ++b) {
      if (!deadline.empty()) deadline += "\n";
      deadline += trim(body[b]);
    }
    std::string requirements;
    for (std::size_t b = 1; b < rules_begin; ++b) {
      requirements += trim(body[b]);
      requirements += "\n";
    }
    t.rule = combine_rules(deadline_cell_rule(deadline), found_rules(requirements));
    tasks.push_back(std::move(t));
    // Lines after the deadline run name the next group's lead.
    if (lead_from < end) {
      std::string lead;
      for (std::size_t b = lead_from; b < end; ++b) {
        const std::string_view l = trim(body[b]);
        if (l.empty()) continue;
        if (!lead.empty() && !l.starts_with("(")) lead += "、";
        lead += l;
      }
      group_lead = lead;
    }
    i = k;
  }
  return tasks;
}

}  // namespace

std::vector<Task> extract_tasks(std::string_view utf8) {
  auto tasks = tab_tasks(utf8);
  if (!tasks.empty()) return tasks;
  tasks = one_line_tasks(utf8);
  if (!tasks.empty()) return tasks;
  return line_tasks(utf8);
}

std::string tasks_csv(const std::vector<Task>& tasks, std::optional<int> year) {
  auto field = [](std::string_view s) {
    const bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
    if (!quote) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  std::string out = "id,title,lead,units,rule,year,events\n";
  for (const auto& t : tasks) {
    out += field(t.id) + "," + field(t.title) + "," + field(t.lead) + "," + field(t.units) + "," + field(t.rule) + "," +
           (year ? std::to_string(*year) : std::string{}) + ",\n";
  }
  return out;
}

std::optional<int> detect_plan_year(std::string_view utf8) {
  // The first "YYYY年" followed within a few characters by a plan word.
  const std::string_view head = utf8.substr(0, std::min<std::size_t>(utf8.size(), 4000));
  for (std::size_t i = 0; i + 7 <= head.size(); ++i) {
    if (!(head[i] >= '1' && head[i] <= '2')) continue;
    bool four = true;
    for (std::size_t k = 0; k < 4; ++k) four = four && head[i + k] >= '0' && head[i + k] <= '9';
    if (!four || (i > 0 && head[i - 1] >= '0' && head[i - 1] <= '9') || head.substr(i + 4, 3) != "年") continue;
    const std::string_view after = head.substr(i + 7, 3 * 24);
    for (std::string_view w : {"工作要点", "政务公开", "分工方案", "工作方案", "实施方案", "工作计划", "要点"}) {
      if (contains(after.substr(0, std::min(after.size(), after.find("。"))), w)) {
        return std::atoi(std::string(head.substr(i, 4)).c_str());
      }
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return i;  // binary
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp;
    if ((c >> 5) == 0x6) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c >> 4) == 0xE) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c >> 3) == 0x1E) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

bool looks_like_html(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 2048));
  std::string lower(head);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view tag : {"<!doctype html", "<html", "<body", "<table", "<p>", "<p ", "<div", "<br"})
    if (contains(lower, tag)) return true;
  return false;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  auto lower_eq = [&](std::size_t at, std::string_view w) {
    if (at + w.size() > html.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(html[at + k])) != w[k]) return false;
    return true;
  };
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      // Tag name, lower-cased, with a leading '/'.
      std::size_t k = i + 1;
      std::string name;
      while (k < close && !std::isspace(static_cast<unsigned char>(html[k])) && html[k] != '>' &&
             !(html[k] == '/' && !name.empty()))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k++])));
      if (name == "script" || name == "style") {
        const std::string end = "</" + name;
        std::size_t e = close;
        while (e < html.size() && !lower_eq(e, end)) ++e;
        const std::size_t gt = html.find('>', e);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
        continue;
      }
      if (name == "!--") {
        const std::size_t e = html.find("-->", i);
        i = e == std::string_view::npos ? html.size() : e + 3;
        continue;
      }
      if (name == "td" || name == "th") out += '\t';
      if (name == "br" || name == "br/" || name == "/p" || name == "/div" || name == "/tr" || name == "/li" ||
          name == "/h1" || name == "/h2" || name == "/h3" || name == "/h4" || name == "/table" || name == "/title")
        out += '\n';
      if (name == "tr") out += '\n';
      i = close + 1;
      continue;
    }
    if (c == '&') {
      const std::size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        const std::string_view ent = html.substr(i + 1, semi - i - 1);
        std::string rep;
        if (ent == "nbsp") rep = " ";
        else if (ent == "lt") rep = "<";
        else if (ent == "gt") rep = ">";
        else if (ent == "amp") rep = "&";
        else if (ent == "quot") rep = "\"";
        else if (ent == "apos") rep = "'";
        else if (!ent.empty() && ent[0] == '#') {
          const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
          const long v = std::strtol(std::string(ent.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
          if (v > 0 && v < 0x110000) {
            const auto cp = static_cast<char32_t>(v);
            if (cp < 0x80) {
              rep += static_cast<char>(cp);
            } else if (cp < 0x800) {
              rep += static_cast<char>(0xC0 | (cp >> 6));
              rep += static_cast<char>(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
              rep += static_cast<char>(0xE0 | (cp >> 12));
              rep += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
              rep += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
              rep += static_cast<char>(0xF0 | (cp >> 18));
              rep += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
              rep += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
              rep += static_cast<char>(0x80 | (cp & 0x3F));
            }
          }
        }
        if (!rep.empty()) {
          out += rep;
          i = semi + 1;
          continue;
        }
      }
    }
    // Source line breaks inside HTML are layout, not text.
    if (c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace shixian
