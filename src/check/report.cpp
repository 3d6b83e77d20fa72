// The report: totals, by unit, the items needing attention, and the row
// formats (CSV, JSON Lines) for further processing.
#include <unordered_map>
#include <unordered_set>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>

#include "check/util.hpp"
#include "common/text.hpp"
#include "shixian/check.hpp"

namespace shixian {

namespace {

std::uint64_t sum_decided(const std::array<std::uint64_t, kVerdictCount>& c) {
  std::uint64_t n = 0;
  for (std::size_t v = 0; v < kVerdictCount; ++v)
    if (is_decided(static_cast<Verdict>(v))) n += c[v];
  return n;
}
std::uint64_t sum_failures(const std::array<std::uint64_t, kVerdictCount>& c) {
  std::uint64_t n = 0;
  for (std::size_t v = 0; v < kVerdictCount; ++v)
    if (is_failure(static_cast<Verdict>(v))) n += c[v];
  return n;
}

std::string percent(double rate) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
}

// Splits 牵头单位 at 、，,;； and spaces: every unit named counts.
std::vector<std::string> split_units(std::string_view lead) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;  // a cell may name 40,000 units: no search of `out`
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    std::string_view u = lead.substr(start, end - start);
    while (!u.empty() && u.front() == ' ') u.remove_prefix(1);
    while (!u.empty() && u.back() == ' ') u.remove_suffix(1);
    if (!u.empty() && seen.insert(u).second) out.emplace_back(u);
  };
  for (std::size_t i = 0; i < lead.size();) {
    const std::string_view rest = lead.substr(i);
    std::size_t sep = 0;
    if (rest.starts_with("、") || rest.starts_with("，") || rest.starts_with("；")) sep = 3;
    else if (rest[0] == ',' || rest[0] == ';' || rest[0] == '/') sep = 1;
    if (sep) {
      flush(i);
      i += sep;
      start = i;
    } else {
      ++i;
    }
  }
  flush(lead.size());
  if (out.empty()) out.emplace_back("（未写牵头单位）");
  return out;
}

using detail::clip;

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = detail::display_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view s, std::size_t width) {
  const std::size_t w = detail::display_width(s);
  return (w < width ? std::string(width - w, ' ') : std::string()) + std::string(s);
}

// Due date, then register line, then the rule's place in its cell: the order
// items are listed in.
bool item_before(const ReportItem& a, const ReportItem& b) {
  return std::tie(a.due, a.line, a.obligation) < std::tie(b.due, b.line, b.obligation);
}

// ---- the working state behind the public fields ------------------------------

struct TextHash {  // lets the tables be searched with a string_view, without a copy
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct Report::State {
  /// The items kept so far, one max-heap by (due, line) per verdict.
  std::array<std::vector<ReportItem>, kVerdictCount> item_heaps;
  /// Problems already counted in problems_total.
  std::size_t kept_problems = 0;
  /// Lead text → indices into `units` (leads repeat; split once).
  std::unordered_map<std::string, std::vector<std::size_t>, TextHash, std::equal_to<>> lead_units;
  /// Unit name → index into `units` (rebuilt when its size differs from units').
  std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> unit_index;
  /// The last lead added and its units (a task's findings share it).
  std::optional<std::string> last_lead;
  std::vector<std::size_t> last_lead_units;

  /// Keeps an item when it is among the item_limit earliest of its verdict.
  void keep_item(ReportItem&& item, std::size_t item_limit);
  /// The entry of lead_units for a lead not seen before.
  std::unordered_map<std::string, std::vector<std::size_t>, TextHash, std::equal_to<>>::iterator add_lead(
      std::string_view lead, std::vector<UnitTotals>& units);
  void index_units(const std::vector<UnitTotals>& units);
};

Report::StateHolder::StateHolder() = default;
Report::StateHolder::~StateHolder() = default;
Report::StateHolder::StateHolder(const StateHolder& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}
Report::StateHolder::StateHolder(StateHolder&&) noexcept = default;
Report::StateHolder& Report::StateHolder::operator=(const StateHolder& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}
Report::StateHolder& Report::StateHolder::operator=(StateHolder&&) noexcept = default;
Report::State& Report::StateHolder::get() {
  if (!state_) state_ = std::make_unique<State>();
  return *state_;
}

std::uint64_t UnitTotals::decided() const { return sum_decided(counts); }
std::uint64_t UnitTotals::failures() const { return sum_failures(counts); }
double UnitTotals::on_time_rate() const {
  const auto d = decided();
  return d == 0 ? 1.0 : static_cast<double>(counts[0]) / static_cast<double>(d);
}

std::uint64_t Report::deadlines() const {
  std::uint64_t n = 0;
  for (auto c : counts) n += c;
  return n;
}
std::uint64_t Report::decided() const { return sum_decided(counts); }
std::uint64_t Report::failures() const { return sum_failures(counts); }
double Report::on_time_rate() const {
  const auto d = decided();
  return d == 0 ? 1.0 : static_cast<double>(counts[0]) / static_cast<double>(d);
}

// The units a lead text names (区发改局、区商务局 counts for both), added to
// the totals the first time the text is seen.
void Report::State::index_units(const std::vector<UnitTotals>& units) {
  if (unit_index.size() == units.size()) return;
  unit_index.clear();  // units were merged or sorted since
  for (std::size_t i = 0; i < units.size(); ++i) unit_index.emplace(units[i].unit, i);
}

std::unordered_map<std::string, std::vector<std::size_t>, TextHash, std::equal_to<>>::iterator Report::State::add_lead(
    std::string_view lead, std::vector<UnitTotals>& units) {
  std::vector<std::size_t> indices;
  index_units(units);
  for (auto& name : split_units(lead)) {
    const auto [at, added] = unit_index.emplace(name, units.size());
    if (added) units.push_back(UnitTotals{std::move(name), {}});
    indices.push_back(at->second);
  }
  return lead_units.emplace(std::string(lead), std::move(indices)).first;
}

void Report::add(const Finding& f) {
  const auto v = static_cast<std::size_t>(f.verdict);
  ++counts[v];
  if (f.provisional) ++provisional;
  State& state = state_.get();
  // A task's findings come together and share its lead: look it up once.
  if (!state.last_lead || f.lead != *state.last_lead) {
    auto it = state.lead_units.find(f.lead);
    if (it == state.lead_units.end()) it = state.add_lead(f.lead, units);
    state.last_lead = std::string(f.lead);
    state.last_lead_units.assign(it->second.begin(), it->second.end());
  }
  for (std::size_t i : state.last_lead_units) ++units[i].counts[v];
  const bool attention = is_failure(f.verdict);
  const bool unresolved_kind = f.verdict == Verdict::needs_context || f.verdict == Verdict::invalid_rule;
  if ((!attention && !unresolved_kind) || item_limit == 0) return;
  std::string due;
  if (f.has_due) detail::append_time(due, EventTime{f.due, f.due_minute});
  std::vector<ReportItem>& heap = state.item_heaps[v];
  if (heap.size() >= item_limit) {
    // Full: keep the item only when it comes before the latest kept one.
    const ReportItem& top = heap.front();
    if (!(std::tie(due, f.line, f.obligation) < std::tie(top.due, top.line, top.obligation))) return;
  }
  ReportItem item;
  item.task_id = f.task_id, item.title = f.title, item.lead = f.lead, item.rule = f.rule, item.label = f.label;
  item.message = f.message;
  item.line = f.line, item.obligation = f.obligation, item.verdict = f.verdict;
  item.due = std::move(due);
  if (f.has_published) detail::append_time(item.published, f.published);
  item.late_workdays = f.late_workdays, item.late_days = f.late_days;
  item.required = f.required, item.found = f.found, item.provisional = f.provisional;
  state.keep_item(std::move(item), item_limit);
}

// The item_limit earliest items per verdict (due date, then line, then rule):
// a max-heap whose top is the one to drop. Which items are kept does not
// depend on the order they come in, so merged reports keep the same ones.
void Report::State::keep_item(ReportItem&& item, std::size_t item_limit) {
  if (item_limit == 0) return;
  std::vector<ReportItem>& heap = item_heaps[static_cast<std::size_t>(item.verdict)];
  if (heap.size() >= item_limit) {
    if (!item_before(item, heap.front())) return;
    std::pop_heap(heap.begin(), heap.end(), item_before);
    heap.pop_back();
  }
  heap.push_back(std::move(item));
  std::push_heap(heap.begin(), heap.end(), item_before);
}

void Report::merge(Report&& later) {
  tasks += later.tasks, publications += later.publications;
  for (std::size_t v = 0; v < kVerdictCount; ++v) counts[v] += later.counts[v];
  provisional += later.provisional;
  State& state = state_.get();
  state.index_units(units);
  for (UnitTotals& u : later.units) {
    const auto [at, added] = state.unit_index.emplace(u.unit, units.size());
    if (added) {
      units.push_back(std::move(u));
      continue;
    }
    for (std::size_t v = 0; v < kVerdictCount; ++v) units[at->second].counts[v] += u.counts[v];
  }
  state.lead_units.clear(), state.last_lead.reset();  // indices into units changed
  for (auto& heap : later.state_.get().item_heaps) {
    for (ReportItem& item : heap) state.keep_item(std::move(item), item_limit);
  }
  trim_problems(), later.trim_problems();
  const std::uint64_t later_dropped = later.problems_total - later.problems.size();
  for (InputProblem& p : later.problems) problems.push_back(std::move(p));
  trim_problems();
  problems_total += later_dropped;
}

void Report::finish() {
  State& state = state_.get();
  state.lead_units.clear();
  state.unit_index.clear();  // units are sorted below
  state.last_lead.reset();
  std::stable_sort(units.begin(), units.end(), [](const UnitTotals& a, const UnitTotals& b) {
    // Worst first: lowest on-time rate, then most failures, then name;
    // units with nothing decided yet (all pending / not checkable) last.
    if ((a.decided() == 0) != (b.decided() == 0)) return b.decided() == 0;
    const double ra = a.on_time_rate(), rb = b.on_time_rate();
    if (ra != rb) return ra < rb;
    if (a.failures() != b.failures()) return a.failures() > b.failures();
    return a.unit < b.unit;
  });
  attention.clear(), unresolved.clear();
  for (std::size_t v = 0; v < kVerdictCount; ++v) {
    std::vector<ReportItem>& heap = state.item_heaps[v];
    std::sort_heap(heap.begin(), heap.end(), item_before);
    auto& list = is_failure(static_cast<Verdict>(v)) ? attention : unresolved;
    for (auto& item : heap) list.push_back(std::move(item));
    heap.clear();
  }
  // unresolved: in register order.
  std::stable_sort(unresolved.begin(), unresolved.end(),
                   [](const ReportItem& a, const ReportItem& b) { return a.line < b.line; });
}

void Report::trim_problems() {
  // problems_total counts everything ever appended: kept + trimmed.
  std::size_t& kept = state_.get().kept_problems;
  if (problems.size() > kept) {
    problems_total += problems.size() - kept;
    if (problems.size() > problem_limit) problems.resize(problem_limit);
    kept = problems.size();
  }
}

void Report::add_unknown_ids(const PublicationIndex& index, const std::string& file) {
  trim_problems();
  const std::size_t room = problem_limit > problems.size() ? problem_limit - problems.size() : 0;
  const std::size_t unknown = index.unused_count();
  for (auto& [id, line] : index.unused_ids(room)) {
    problems.push_back({file, line, 0, "发布记录中的任务编号“" + id + "”不在任务登记表中"});
  }
  problems_total += unknown;
  state_.get().kept_problems = problems.size();
}

std::string Report::summary_line() const {
  std::string out = "检查" + std::to_string(tasks) + "项任务、" + std::to_string(deadlines()) + "个期限：";
  bool first = true;
  for (std::size_t v = 0; v < kVerdictCount; ++v) {
    if (counts[v] == 0) continue;
    out += (first ? "" : "，") + std::string(chinese_name(static_cast<Verdict>(v))) + std::to_string(counts[v]);
    first = false;
  }
  if (first) out += "无";
  out += "；按时率" + (decided() ? percent(on_time_rate()) : std::string("—"));
  // Every rule failed to parse: the 0 late / 0 missing above checked nothing, say so.
  const std::uint64_t invalid = counts[static_cast<std::size_t>(Verdict::invalid_rule)];
  if (invalid > 0 && invalid == deadlines()) out += "；没有可检查的规则（全部" + std::to_string(invalid) + "条规则无法解析）";
  if (problems_total) out += "；输入问题" + std::to_string(problems_total) + "处";
  return out;
}

std::string render_text(const Report& r) {
  std::string out;
  out += "政务公开时限检查报告\n";
  out += "====================\n";
  if (!r.tasks_file.empty()) out += "任务登记表：" + r.tasks_file + "\n";
  if (!r.publications_file.empty()) out += "发布记录：  " + r.publications_file + "\n";
  out += "检查截至：  " + to_string(r.as_of) + (r.year ? "    计划年度：" + std::to_string(*r.year) : std::string()) + "\n\n";

  out += "总计\n----\n";
  out += "任务 " + std::to_string(r.tasks) + " 项，发布记录 " + std::to_string(r.publications) + " 条，期限 " +
         std::to_string(r.deadlines()) + " 个\n";
  for (std::size_t v = 0; v < kVerdictCount; ++v) {
    const auto verdict = static_cast<Verdict>(v);
    out += "  " + pad(chinese_name(verdict), 14) + pad(to_string(verdict), 15) + pad_left(std::to_string(r.counts[v]), 8) + "\n";
  }
  out += "按时率：" + (r.decided() ? percent(r.on_time_rate()) : std::string("—")) + "（按时 " + std::to_string(r.counts[0]) +
         " / 已判定 " + std::to_string(r.decided()) + "；已判定 = 按时 + 逾期 + 缺失 + 公示期不足 + 次数不足）\n";
  if (r.provisional) {
    out += "其中 " + std::to_string(r.provisional) + " 个期限用到推算的年份（尚无放假通知），为临时结果。\n";
  }
  out += "\n";

  out += "按牵头单位（按时率从低到高）\n----------------------------\n";
  std::size_t name_width = 8;
  for (const auto& u : r.units) name_width = std::max(name_width, std::min<std::size_t>(detail::display_width(u.unit), 24));
  out += pad("单位", name_width + 2) + pad_left("按时率", 8) + pad_left("按时", 6) + pad_left("逾期", 6) + pad_left("缺失", 6) +
         pad_left("公示不足", 10) + pad_left("次数不足", 10) + pad_left("未到期", 8) + pad_left("其他", 6) + "\n";
  for (const auto& u : r.units) {
    const std::uint64_t other = u.counts[6] + u.counts[7] + u.counts[8];
    out += pad(clip(u.unit, 24), name_width + 2) + pad_left(u.decided() ? percent(u.on_time_rate()) : "—", 8) +
           pad_left(std::to_string(u.counts[0]), 6) + pad_left(std::to_string(u.counts[1]), 6) +
           pad_left(std::to_string(u.counts[2]), 6) + pad_left(std::to_string(u.counts[4]), 10) +
           pad_left(std::to_string(u.counts[5]), 10) + pad_left(std::to_string(u.counts[3]), 8) +
           pad_left(std::to_string(other), 6) + "\n";
  }
  out += "\n";

  auto section = [&](Verdict v, const std::string& title) {
    std::size_t n = 0;
    for (const auto& item : r.attention) n += item.verdict == v;
    if (n == 0) return;
    const std::uint64_t total = r.counts[static_cast<std::size_t>(v)];
    n = static_cast<std::size_t>(total);
    out += title + "（" + std::to_string(n) + "）\n";
    out += std::string(detail::display_width(title) + 4 + std::to_string(n).size(), '-') + "\n";
    std::size_t listed = 0;
    for (const auto& item : r.attention) {
      if (item.verdict != v) continue;
      out += "  " + pad(item.task_id, 6) + " 期限 " + pad(item.due, 10) + "  " + pad(clip(item.lead, 16), 16) + "  " +
             clip(item.title, 30) + (item.label.empty() ? std::string() : "【" + item.label + "】");
      if (item.obligation > 0) out += "（规则" + std::to_string(item.obligation) + "：" + clip(item.rule, 40) + "）";
      out += "\n";
      std::string detail_line;
      if (!item.published.empty()) detail_line += "发布 " + item.published + "  ";
      detail_line += item.message;
      if (item.provisional) detail_line += "  [临时：推算年份]";
      out += "         " + detail_line + "\n";
      ++listed;
    }
    if (listed < total) out += "  …另有 " + std::to_string(total - listed) + " 项未列出（到期较晚者；完整清单用 --format csv）\n";
    out += "\n";
  };
  section(Verdict::late, "逾期");
  section(Verdict::missing, "缺失");
  section(Verdict::too_short, "公示期不足");
  section(Verdict::count_short, "次数不足");

  if (!r.unresolved.empty()) {
    const std::uint64_t total = r.counts[7] + r.counts[8];
    out += "无法判定（" + std::to_string(total) + "）\n----------------\n";
    for (const auto& item : r.unresolved) {
      out += "  " + pad(item.task_id, 6) + " " + std::string(chinese_name(item.verdict)) + "：" + item.message +
             "（规则" + std::to_string(item.obligation) + "：" + clip(item.rule, 40) + "）\n";
    }
    if (r.unresolved.size() < total) out += "  …另有 " + std::to_string(total - r.unresolved.size()) + " 项未列出\n";
    out += "\n";
  }
  if (!r.problems.empty()) {
    out += "输入问题（" + std::to_string(std::max<std::uint64_t>(r.problems_total, r.problems.size())) + "）\n----------------\n";
    for (const auto& p : r.problems) out += "  " + p.to_string() + "\n";
    if (r.problems_total > r.problems.size()) {
      out += "  …另有 " + std::to_string(r.problems_total - r.problems.size()) + " 处未列出\n";
    }
    out += "\n";
  }
  out += r.failures() == 0 ? "结论：没有逾期、缺失、公示期不足或次数不足的期限。\n"
                           : "结论：" + std::to_string(r.failures()) + " 个期限未按要求完成。\n";
  return out;
}

std::string csv_header() {
  return "task_id,obligation,line,lead,title,rule,label,verdict,due,period_start,period_end,published,withdrawn,"
         "late_workdays,late_days,required,found,provisional,needed,message\n";
}

namespace {
// A 公示 with no publication measured no display: its `found` is unknown
// (empty / null), not a display of 0 days.
bool found_unknown(const Finding& f) { return f.type == Obligation::min_duration && !f.has_published; }
}  // namespace

void append_csv(std::string& out, const Finding& f) {
  using detail::append_csv_field;
  append_csv_field(out, f.task_id);
  out += ',' + std::to_string(f.obligation) + ',' + std::to_string(f.line) + ',';
  append_csv_field(out, f.lead), out += ',';
  append_csv_field(out, f.title), out += ',';
  append_csv_field(out, f.rule), out += ',';
  append_csv_field(out, f.label), out += ',';
  out += to_string(f.verdict), out += ',';
  if (f.has_due) detail::append_time(out, EventTime{f.due, f.due_minute});
  out += ',';
  if (f.has_due) detail::append_date(out, f.period_start);
  out += ',';
  if (f.has_due) detail::append_date(out, f.period_end);
  out += ',';
  if (f.has_published) detail::append_time(out, f.published);
  out += ',';
  if (f.withdrawn) detail::append_time(out, *f.withdrawn);
  out += ',';
  if (f.verdict == Verdict::late) out += std::to_string(f.late_workdays) + ',' + std::to_string(f.late_days);
  else out += ',';
  out += ',';
  if (f.required) out += std::to_string(f.required) + ',' + (found_unknown(f) ? std::string() : std::to_string(f.found));
  else out += ',';
  out += f.provisional ? ",true," : ",false,";
  append_csv_field(out, f.needed), out += ',';
  append_csv_field(out, f.message);
  out += '\n';
}

void append_jsonl(std::string& out, const Finding& f) {
  using detail::append_json_string;
  out += "{\"task_id\":", append_json_string(out, f.task_id);
  out += ",\"obligation\":" + std::to_string(f.obligation) + ",\"line\":" + std::to_string(f.line);
  out += ",\"lead\":", append_json_string(out, f.lead);
  out += ",\"title\":", append_json_string(out, f.title);
  out += ",\"rule\":", append_json_string(out, f.rule);
  out += ",\"label\":", append_json_string(out, f.label);
  out += ",\"verdict\":\"", out += to_string(f.verdict), out += '"';
  out += ",\"due\":";
  if (f.has_due) {
    out += '"', detail::append_time(out, EventTime{f.due, f.due_minute});
    out += "\",\"period_start\":\"", detail::append_date(out, f.period_start);
    out += "\",\"period_end\":\"", detail::append_date(out, f.period_end);
    out += '"';
  } else {
    out += "null,\"period_start\":null,\"period_end\":null";
  }
  out += ",\"published\":";
  if (f.has_published) out += '"', detail::append_time(out, f.published), out += '"';
  else out += "null";
  out += ",\"withdrawn\":";
  if (f.withdrawn) out += '"', detail::append_time(out, *f.withdrawn), out += '"';
  else out += "null";
  if (f.verdict == Verdict::late) {
    out += ",\"late_workdays\":" + std::to_string(f.late_workdays) + ",\"late_days\":" + std::to_string(f.late_days);
  }
  if (f.required) {
    out += ",\"required\":" + std::to_string(f.required) + ",\"found\":";
    out += found_unknown(f) ? std::string("null") : std::to_string(f.found);
  }
  // Counts name what they counted (the first five; `found` is the total), so a
  // count can be audited against the log.
  if (f.type == Obligation::count && f.has_due) {
    out += ",\"counted\":[";
    constexpr std::size_t kListed = 5;
    for (std::size_t i = 0; i < f.counted.size() && i < kListed; ++i) {
      out += i ? ",{\"published\":\"" : "{\"published\":\"";
      detail::append_time(out, f.counted[i]->published);
      out += "\",\"line\":" + std::to_string(f.counted[i]->line) + "}";
    }
    out += ']';
  }
  out += f.provisional ? ",\"provisional\":true" : ",\"provisional\":false";
  if (!f.needed.empty()) out += ",\"needed\":", append_json_string(out, f.needed);
  out += ",\"message\":", append_json_string(out, f.message);
  out += "}\n";
}

}  // namespace shixian
