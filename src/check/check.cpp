// The checker: rule cells → compiled rules (cached by text) → deadlines per
// task → verdicts against the task's publications. The matching rules are
// stated in shixian/check.hpp and docs/CHECK.md; each branch below names the
// one it implements.
#include <ostream>
#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdio>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>

#include "check/util.hpp"
#include "shixian/check.hpp"
#include "shixian/parse.hpp"

namespace shixian {

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::on_time: return "on_time";
    case Verdict::late: return "late";
    case Verdict::missing: return "missing";
    case Verdict::pending: return "pending";
    case Verdict::too_short: return "too_short";
    case Verdict::count_short: return "count_short";
    case Verdict::not_checkable: return "not_checkable";
    case Verdict::needs_context: return "needs_context";
    case Verdict::invalid_rule: return "invalid_rule";
  }
  return "";
}

std::string_view chinese_name(Verdict v) {
  switch (v) {
    case Verdict::on_time: return "按时";
    case Verdict::late: return "逾期";
    case Verdict::missing: return "缺失";
    case Verdict::pending: return "未到期";
    case Verdict::too_short: return "公示期不足";
    case Verdict::count_short: return "次数不足";
    case Verdict::not_checkable: return "无法检查";
    case Verdict::needs_context: return "缺少事件日期";
    case Verdict::invalid_rule: return "规则无法解析";
  }
  return "";
}

std::ostream& operator<<(std::ostream& out, const Finding& f) {
  out << "{task " << f.task_id << " line " << f.line << " #" << f.obligation << " \"" << f.rule << "\" " << f.label
      << ": " << to_string(f.verdict);
  if (f.has_due) out << ", due " << due_string(f);
  if (f.has_published) out << ", published " << to_string(f.published) << " (line " << f.publication_line << ")";
  if (f.withdrawn) out << ", withdrawn " << to_string(*f.withdrawn);
  if (f.late_days || f.late_workdays) out << ", late " << f.late_workdays << " workdays / " << f.late_days << " days";
  if (f.required || f.found) out << ", required " << f.required << " found " << f.found;
  if (!f.message.empty()) out << ", " << f.message;
  return out << "}";
}

std::string due_string(const Finding& f) {
  if (!f.has_due) return {};
  return to_string(EventTime{f.due, f.due_minute});
}

// ----------------------------------------------------------------------------
// PublicationIndex: per part of the log, a hash table from task id to its
// group of entries, the groups laid out one after another by a counting
// sort. No per-publication strings beyond one copy of each id.

namespace {

// A task's publications in date order; the line breaks ties, so the order is
// the same on every run and however the log was cut into parts.
bool published_before(const PublicationIndex::Entry& a, const PublicationIndex::Entry& b) {
  return std::tie(a.published.date, a.published.minute, a.line) < std::tie(b.published.date, b.published.minute, b.line);
}

}  // namespace

// One group per distinct task id, in the order first seen; an
// open-addressing table from the id's hash finds it. Memory: 28 bytes a
// publication (its entry and, until finish(), its group) and about 45 a task.
struct PublicationIndex::Part {
  struct Group {
    std::uint32_t offset, length;  // the id in ids
    std::uint32_t first, count;    // its entries (first: after finish())
  };
  struct Slot {
    std::uint32_t group = 0;  // group + 1 (0: empty)
    std::uint32_t tag = 0;    // the id hash's high half: most misses end here, in one cache line
  };
  std::string ids;  // every distinct id once
  std::vector<Group> groups;
  std::vector<Slot> slots;              // a power of two long
  std::vector<std::uint32_t> group_of;  // each entry's group, until finish()
  std::vector<Entry> entries;           // in log order; grouped and dated after finish()
  mutable std::vector<std::uint8_t> used;  // by group: did of() ask for it (bytes: written from two threads)

  std::string_view id_of(const Group& g) const { return std::string_view(ids).substr(g.offset, g.length); }
  std::uint32_t group_for(std::string_view id, std::uint64_t hash);  // finds or adds
  std::int64_t find(std::string_view id, std::uint64_t hash) const;  // -1: none
  void rehash(std::size_t size);
  void add(const PublicationRecord& p);
  void finish();
};

// Out of line: Part is complete only here.
PublicationIndex::PublicationIndex() : parts_(1) {}
PublicationIndex::~PublicationIndex() = default;
PublicationIndex::PublicationIndex(const PublicationIndex&) = default;
PublicationIndex::PublicationIndex(PublicationIndex&& other) noexcept : parts_(std::move(other.parts_)) {
  other.parts_.resize(1);  // a moved-from index is an empty one, as before
}
PublicationIndex& PublicationIndex::operator=(const PublicationIndex&) = default;
PublicationIndex& PublicationIndex::operator=(PublicationIndex&& other) noexcept {
  parts_ = std::move(other.parts_);
  other.parts_.resize(1);
  return *this;
}

void PublicationIndex::Part::rehash(std::size_t size) {
  slots.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (std::uint32_t g = 0; g < groups.size(); ++g) {
    const std::uint64_t hash = detail::table_hash(id_of(groups[g]));
    std::size_t s = hash & mask;
    while (slots[s].group != 0) s = (s + 1) & mask;
    slots[s] = {g + 1, static_cast<std::uint32_t>(hash >> 32)};
  }
}

std::uint32_t PublicationIndex::Part::group_for(std::string_view id, std::uint64_t hash) {
  if ((groups.size() + 1) * 2 > slots.size()) rehash(std::max<std::size_t>(1024, slots.size() * 2));
  const std::size_t mask = slots.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    if (slots[s].group == 0) {
      const auto g = static_cast<std::uint32_t>(groups.size());
      slots[s] = {g + 1, tag};
      groups.push_back({static_cast<std::uint32_t>(ids.size()), static_cast<std::uint32_t>(id.size()), 0, 0});
      ids.append(id);
      return g;
    }
    const std::uint32_t g = slots[s].group - 1;
    if (slots[s].tag == tag && id_of(groups[g]) == id) return g;
  }
}

std::int64_t PublicationIndex::Part::find(std::string_view id, std::uint64_t hash) const {
  if (slots.empty()) return -1;
  const std::size_t mask = slots.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t s = hash & mask; slots[s].group != 0; s = (s + 1) & mask) {
    const std::uint32_t g = slots[s].group - 1;
    if (slots[s].tag == tag && id_of(groups[g]) == id) return g;
  }
  return -1;
}

void PublicationIndex::Part::add(const PublicationRecord& p) {
  // Logs list a task's publications together: the previous row's group first.
  std::uint32_t g = 0;
  if (!group_of.empty() && id_of(groups[group_of.back()]) == p.task_id) g = group_of.back();
  else g = group_for(p.task_id, detail::table_hash(p.task_id));
  group_of.push_back(g);
  ++groups[g].count;
  Entry e;
  e.published = p.published;
  if (p.withdrawn) e.withdrawn = *p.withdrawn;
  else e.withdrawn = EventTime{Date{}, -2};
  e.line = p.line;
  e.obligation = p.obligation;
  entries.push_back(e);
}

void PublicationIndex::Part::finish() {
  // Counting sort by group: each entry's destination, then the entries moved
  // there in place along the permutation's cycles (no second copy of the log).
  std::vector<std::uint32_t> next(groups.size());
  std::uint32_t at = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) groups[g].first = next[g] = at, at += groups[g].count;
  std::vector<std::uint32_t>& destination = group_of;
  for (std::uint32_t& d : destination) d = next[d]++;
  std::vector<std::uint32_t>().swap(next);
  for (std::uint32_t i = 0; i < destination.size(); ++i) {
    while (destination[i] != i) {
      const std::uint32_t j = destination[i];
      std::swap(entries[i], entries[j]);
      std::swap(destination[i], destination[j]);
    }
  }
  std::vector<std::uint32_t>().swap(group_of);
  for (const Group& g : groups) {
    Entry* first = entries.data() + g.first;
    if (g.count > 1) std::sort(first, first + g.count, published_before);
  }
  used.assign(groups.size(), 0);
}

void PublicationIndex::add(const PublicationRecord& p) { parts_.back().add(p); }

void PublicationIndex::reserve(std::size_t publications) {
  Part& part = parts_.back();
  const std::size_t rows = part.entries.size() + publications;
  // Task ids in the same proportion as so far.
  const std::size_t ids =
      part.entries.empty() ? 0 : static_cast<std::size_t>(static_cast<double>(part.groups.size()) * rows / part.entries.size());
  part.entries.reserve(rows);
  part.group_of.reserve(rows);
  part.groups.reserve(ids);
  if (ids * 2 > part.slots.size()) part.rehash(std::bit_ceil(ids * 2));
}

void PublicationIndex::append(PublicationIndex&& other) {
  for (Part& part : other.parts_) parts_.push_back(std::move(part));
  other.parts_.assign(1, Part{});
}

void PublicationIndex::finish() {
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < parts_.size(); ++i) helpers.emplace_back([this, i] { parts_[i].finish(); });
  parts_[0].finish();
  for (auto& t : helpers) t.join();
}

std::size_t PublicationIndex::size() const {
  std::size_t n = 0;
  for (const Part& part : parts_) n += part.entries.size();
  return n;
}

void PublicationIndex::prefetch(std::string_view task_id) const {
  const std::uint64_t hash = detail::table_hash(task_id);
  for (const Part& part : parts_) {
    if (!part.slots.empty()) __builtin_prefetch(&part.slots[hash & (part.slots.size() - 1)]);
  }
}

template <typename Visit>
std::size_t PublicationIndex::visit_groups(std::string_view task_id, Visit visit) const {
  const std::uint64_t hash = detail::table_hash(task_id);
  std::size_t parts_found = 0;
  for (const Part& part : parts_) {
    const std::int64_t g = part.find(task_id, hash);
    if (g < 0) continue;
    ++parts_found;
    // Atomic: the two halves of a register are checked on two threads.
    std::atomic_ref<std::uint8_t>(part.used[static_cast<std::size_t>(g)]).store(1, std::memory_order_relaxed);
    const Part::Group& group = part.groups[static_cast<std::size_t>(g)];
    visit(part.entries.data() + group.first, group.count);
  }
  return parts_found;
}

void PublicationIndex::of(std::string_view task_id, std::vector<const Entry*>& out) const {
  out.clear();
  const std::size_t parts_found = visit_groups(task_id, [&](const Entry* first, std::uint32_t count) {
    for (std::uint32_t i = 0; i < count; ++i) out.push_back(first + i);
  });
  // A task whose rows fall in several parts of the log: one date order again.
  if (parts_found > 1) {
    std::sort(out.begin(), out.end(), [](const Entry* a, const Entry* b) { return published_before(*a, *b); });
  }
}

void PublicationIndex::append_of(std::string_view task_id, std::vector<Entry>& out) const {
  const auto start = static_cast<std::ptrdiff_t>(out.size());
  const std::size_t parts_found =
      visit_groups(task_id, [&](const Entry* first, std::uint32_t count) { out.insert(out.end(), first, first + count); });
  if (parts_found > 1) std::sort(out.begin() + start, out.end(), published_before);
}

namespace {

// The ids no of() asked for, each once (an id may have rows in several
// parts), with the line of its first publication.
template <typename Parts>
std::unordered_map<std::string_view, std::uint32_t> unused_first_lines(const Parts& parts) {
  std::unordered_map<std::string_view, std::uint32_t> first;
  for (const auto& part : parts) {
    for (std::size_t g = 0; g < part.groups.size(); ++g) {
      if (part.used[g]) continue;
      std::uint32_t line = UINT32_MAX;
      for (std::uint32_t i = 0; i < part.groups[g].count; ++i) {
        line = std::min(line, part.entries[part.groups[g].first + i].line);
      }
      auto [it, fresh] = first.emplace(part.id_of(part.groups[g]), line);
      if (!fresh) it->second = std::min(it->second, line);
    }
  }
  return first;
}

}  // namespace

std::vector<std::pair<std::string, std::uint32_t>> PublicationIndex::unused_ids(std::size_t limit) const {
  std::vector<std::pair<std::uint32_t, std::string_view>> lines;
  for (const auto& [id, line] : unused_first_lines(parts_)) lines.emplace_back(line, id);
  const std::size_t n = std::min(limit, lines.size());
  std::partial_sort(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(n), lines.end());
  std::vector<std::pair<std::string, std::uint32_t>> out;
  for (std::size_t i = 0; i < n; ++i) out.emplace_back(std::string(lines[i].second), lines[i].first);
  return out;
}

std::size_t PublicationIndex::unused_count() const { return unused_first_lines(parts_).size(); }

// ----------------------------------------------------------------------------
// Checker

namespace {

struct Piece {
  std::string text;
  bool parsed = false;
  Evaluator evaluator;
  std::string error;   // invalid_rule: the parse error with its position
  std::string reason;  // why a rule without deadlines cannot be checked
};

struct Cell {
  std::vector<Piece> pieces;
};

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(detail::table_hash(s)); }
};

std::string not_checkable_reason(const ast::Rule& rule) {
  for (const ast::Item& item : rule.items) {
    if (const auto* e = std::get_if<ast::ExternalReference>(&item.clause)) {
      return "时限由其他规定确定（" + e->reference + "），需配置后才能检查";
    }
  }
  switch (rule.kind) {
    case ast::RuleKind::ongoing: return "持续性工作（长期推进/常态化），没有期限";
    case ast::RuleKind::unspecified: return "未规定具体时间（适时/视情/定期/不定期）";
    case ast::RuleKind::external: return "时限由其他规定确定，需配置后才能检查";
    default: return {};
  }
}

// Is publication time p on or before the deadline (date, minute)? A
// date-only publication on the due day of an hour deadline counts as on time.
bool on_or_before(const EventTime& p, Date due, int due_minute) {
  if (p.date != due) return p.date < due;
  return due_minute < 0 || p.minute < 0 || p.minute <= due_minute;
}

Date year_start(int y) { return Date{std::chrono::year{y} / std::chrono::January / 1}; }

// What checking a task needs besides its row: its rule cell compiled, its
// events, its publications (TaskChecker::prepare). Kept apart from judge()
// so that check_files' pipeline can find them on the thread that reads the
// rows, while the other thread only evaluates and judges.
struct TaskInputs {
  std::shared_ptr<const Cell> cell;  // shared: the cache may drop it while a batch still uses it
  Context context;
  // Its publications in date order: copies, in one list for the whole batch,
  // so that the checking thread reads them in one stream.
  std::uint32_t first = 0, count = 0;
};
using Publications = std::vector<PublicationIndex::Entry>;

class TaskChecker {
 public:
  CheckOptions options;
  const PublicationIndex& index;
  std::unordered_map<std::string, std::shared_ptr<const Cell>, TextHash, std::equal_to<>> cache;
  std::size_t compiled = 0;
  // Per-task scratch of judge(), reused.
  Schedule schedule;
  std::vector<const PublicationIndex::Entry*> candidates;
  std::vector<bool> taken;
  std::vector<std::uint32_t> order;
  std::vector<int> chosen;  // by-deadline → candidate index, -1: none
  std::vector<const PublicationIndex::Entry*> counted;  // a count finding's publications (Finding::counted)
  std::string message, needed;
  const std::string not_published;  // "截至<as-of>未发布", built once

  TaskChecker(CheckOptions o, const PublicationIndex& i)
      : options(std::move(o)), index(i), not_published("截至" + to_string(options.as_of) + "未发布") {}

  std::shared_ptr<const Cell> cell(std::string_view text) {
    if (auto it = cache.find(text); it != cache.end()) return it->second;
    // Bound the cache: registers with mostly distinct texts must not grow it forever.
    if (cache.size() >= 200000) cache.clear();
    auto c = std::make_shared<Cell>();
    const std::vector<std::string_view> pieces = detail::split_rules(text);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      std::string_view piece = pieces[i];
      auto rule = parse(piece);
      // A phrase a table wrapped onto the next line (2016年\n12月底前): when a
      // line does not parse on its own, it may together with the next.
      if (!rule && i + 1 < pieces.size()) {
        const std::string_view both(piece.data(), static_cast<std::size_t>(pieces[i + 1].data() + pieces[i + 1].size() - piece.data()));
        const std::string_view between = both.substr(piece.size(), both.size() - piece.size() - pieces[i + 1].size());
        if (between.find_first_not_of(" \t\r\n") == std::string_view::npos) {
          if (auto joined = parse(both)) piece = both, rule = std::move(joined), ++i;
        }
      }
      Piece p;
      p.text = std::string(piece);
      if (!rule) {
        p.error = rule.error().error.message;
      } else {
        p.parsed = true;
        p.evaluator = compile(*rule, *options.calendar, options.policy);
        p.reason = not_checkable_reason(*rule);
        ++compiled;
      }
      c->pieces.push_back(std::move(p));
    }
    return cache.emplace(text, std::move(c)).first->second;
  }

  void prepare(const TaskRecord& task, TaskInputs& in, Publications& publications) {
    in.cell = cell(task.rule);
    in.context.clear();
    if (task.year) in.context.year(*task.year);
    else if (options.year) in.context.year(*options.year);
    in.context.events(task.events);
    in.first = static_cast<std::uint32_t>(publications.size());
    index.append_of(task.id, publications);
    in.count = static_cast<std::uint32_t>(publications.size() - in.first);
  }

  std::size_t judge(const TaskRecord& task, const TaskInputs& in, const Publications& publications,
                    const Checker::Sink& sink) {
    const Cell& c = *in.cell;
    const Context& context = in.context;
    const std::span<const PublicationIndex::Entry> pubs(publications.data() + in.first, in.count);
    Finding base;
    base.task_id = task.id, base.title = task.title, base.lead = task.lead, base.units = task.units;
    base.line = task.line;
    std::size_t emitted = 0;
    auto emit = [&](Finding& f) {
      f.message = message;
      f.needed = needed;
      if (sink) sink(f);
      ++emitted;
    };
    if (c.pieces.empty()) {
      Finding f = base;
      f.verdict = Verdict::invalid_rule;
      message = "时限要求为空";
      needed.clear();
      emit(f);
      return emitted;
    }
    for (std::size_t k = 0; k < c.pieces.size(); ++k) {
      const Piece& piece = c.pieces[k];
      Finding f = base;
      f.obligation = static_cast<std::uint16_t>(k + 1);
      f.rule = piece.text;
      message.clear(), needed.clear();
      if (!piece.parsed) {
        f.verdict = Verdict::invalid_rule;
        message = piece.error;
        emit(f);
        continue;
      }
      if (auto error = piece.evaluator.evaluate_into(context, schedule)) {
        if (error->error.code == ErrorCode::missing_context) {
          f.verdict = Verdict::needs_context;
          for (const auto& n : error->needed) needed += (needed.empty() ? "" : "、") + n;
        } else {
          f.verdict = Verdict::not_checkable;
        }
        message = error->error.message;
        emit(f);
        continue;
      }
      if (schedule.empty()) {
        f.verdict = Verdict::not_checkable;
        message = piece.reason;
        for (const auto& n : schedule.notes) message += (message.empty() ? "" : "；") + n;
        if (message.empty()) message = "没有可检查的期限";
        emit(f);
        continue;
      }
      // This rule's candidate publications: its own or untargeted, not after as-of.
      candidates.clear();
      for (const PublicationIndex::Entry& e : pubs) {
        if (e.published.date > options.as_of) continue;
        if (e.obligation != 0 && e.obligation != k + 1) continue;
        candidates.push_back(&e);
      }
      taken.assign(candidates.size(), false);
      // Deadlines in due order (stable: schedule order among equal dates).
      order.resize(schedule.size());
      for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      const auto due_before = [&](std::uint32_t a, std::uint32_t b) {
        const Deadline& x = schedule[a];
        const Deadline& y = schedule[b];
        if (x.has_due != y.has_due) return x.has_due;
        return x.due < y.due;
      };
      // Schedules come out in due order almost always (recurrences, 节前); sort only when not.
      if (!std::is_sorted(order.begin(), order.end(), due_before)) std::stable_sort(order.begin(), order.end(), due_before);
      match_by_deadlines();
      for (std::uint32_t i : order) {
        const Deadline& d = schedule[i];
        Finding g = f;
        message.clear(), needed.clear();
        judge(d, g, chosen[i]);
        emit(g);
      }
    }
    return emitted;
  }

  // The by-deadlines' publications (docs/CHECK.md, "matching"), in two passes
  // over the deadlines in due order:
  //   1. on time: the latest untaken publication inside [window start, due] —
  //      the latest, so that when a period holds two, the earlier one stays
  //      free to be a late publication for an earlier period;
  //   2. late: for those still without one, the earliest untaken publication
  //      after the due date.
  //      A late publication must come by the next deadline's due date (a
  //      publication long after is not a late report for this period).
  void match_by_deadlines() {
    chosen.assign(schedule.size(), -1);
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t k = 0; k < order.size(); ++k) {
        const std::uint32_t i = order[k];
        const Deadline& d = schedule[i];
        if (d.type != Obligation::by || !d.has_due || chosen[i] >= 0) continue;
        const Date open = window_start(d);
        const Deadline* next = nullptr;
        for (std::size_t j = k + 1; j < order.size() && !next; ++j) {
          const Deadline& e = schedule[order[j]];
          if (e.type == Obligation::by && e.has_due && e.due > d.due) next = &e;
        }
        int pick = -1;
        // Candidates are in date order: start at the window's first one, so
        // that 每日 (366 deadlines, as many publications) is not quadratic.
        // A binary search only for long lists: its branches mispredict, and
        // most tasks have a handful of publications.
        std::size_t first = 0;
        if (candidates.size() > 16) {
          first = static_cast<std::size_t>(
              std::partition_point(candidates.begin(), candidates.end(),
                                   [&](const PublicationIndex::Entry* e) { return e->published.date < open; }) -
              candidates.begin());
        }
        for (std::size_t c = first; c < candidates.size(); ++c) {
          const EventTime& p = candidates[c]->published;
          if (taken[c] || p.date < open) continue;
          const bool in_time = on_or_before(p, d.due, d.minute);
          if (pass == 0 && !in_time) break;  // candidates are in date order
          if (pass == 0) pick = static_cast<int>(c);  // keep going: the latest
          if (pass == 1 && !in_time) {
            if (next == nullptr || on_or_before(p, next->due, next->minute)) pick = static_cast<int>(c);
            break;
          }
        }
        if (pick >= 0) chosen[i] = pick, taken[static_cast<std::size_t>(pick)] = true;
      }
    }
  }

  // Window start: the trigger / period start; backward deadlines
  // (提前N个工作日, T前N日) from January 1 of their year.
  static Date window_start(const Deadline& d) {
    return d.due < d.period_end ? year_start(d.due.year()) : d.period_start;
  }

  // "逾期2个工作日（3日）". Late by calendar days that are all rest days (due on
  // a Friday, published on the Saturday) is 0 working days: said as what it is,
  // never "逾期0个工作日", which reads as not late.
  static std::string late_message(const Finding& f) {
    if (f.late_days == 0) return "逾期（当日" + to_string(f.published) + "，期限" + due_string(f) + "）";
    const std::string days = std::to_string(f.late_days) + "日";
    if (f.late_workdays == 0) {
      return "逾期" + days + (f.late_days == 1 ? "（发布日为休息日" : "（均为休息日") + "，0个工作日）";
    }
    return "逾期" + std::to_string(f.late_workdays) + "个工作日（" + days + "）";
  }

  // "：2016-03-01（第2行）、2016-08-01（第3行）" — the publications a count
  // counted, the first five and the rest as a number (a long list is clipped as
  // every name list is: docs/CHECK.md, "Performance").
  std::string counted_list() const {
    if (counted.empty()) return {};
    constexpr std::size_t kListed = 5;
    std::string out = "：";
    for (std::size_t i = 0; i < counted.size() && i < kListed; ++i) {
      out += (i ? "、" : "") + to_string(counted[i]->published) + "（第" + std::to_string(counted[i]->line) + "行）";
    }
    if (counted.size() > kListed) out += "等" + std::to_string(counted.size()) + "次";
    return out;
  }

  void judge(const Deadline& d, Finding& f, int chosen_publication) {
    f.label = d.label;
    f.type = d.type;
    f.has_due = d.has_due;
    f.due = d.due;
    f.due_minute = d.minute;
    // The days a publication must fall in to count (docs/CHECK.md, "Rows"): for
    // by-deadlines the window the matcher searches, so that a row says why a
    // publication was or was not taken; else the evaluator's period.
    f.period_start = d.type == Obligation::by ? window_start(d) : d.period_start;
    f.period_end = d.type == Obligation::by ? d.due : d.period_end;
    f.provisional = d.provisional;
    f.assumed = d.assumed;
    const Date as_of = options.as_of;
    const Calendar& cal = *options.calendar;
    auto take = [&](std::size_t i) {
      taken[i] = true;
      f.has_published = true;
      f.published = candidates[i]->published;
      if (candidates[i]->has_withdrawn()) f.withdrawn = candidates[i]->withdrawn;
      f.publication_line = candidates[i]->line;
    };
    switch (d.type) {
      case Obligation::by: {
        if (!d.has_due) {
          f.verdict = Verdict::not_checkable;
          message = "没有确定的期限";
          return;
        }
        if (chosen_publication >= 0) {
          const auto c = static_cast<std::size_t>(chosen_publication);
          f.has_published = true;
          f.published = candidates[c]->published;
          if (candidates[c]->has_withdrawn()) f.withdrawn = candidates[c]->withdrawn;
          f.publication_line = candidates[c]->line;
          if (on_or_before(f.published, d.due, d.minute)) {
            f.verdict = Verdict::on_time;
          } else {
            f.verdict = Verdict::late;
            f.late_days = f.published.date - d.due;
            auto wd = cal.workdays_between(d.due, f.published.date);
            f.late_workdays = wd ? *wd : 0;
            message = late_message(f);
          }
          return;
        }
        if (d.due < as_of) {
          f.verdict = Verdict::missing;
          message = not_published;
        } else {
          f.verdict = Verdict::pending;
        }
        return;
      }
      case Obligation::count: {
        counted.clear();
        for (const auto* e : candidates)
          if (e->published.date >= d.period_start && e->published.date <= d.period_end) counted.push_back(e);
        const auto found = static_cast<std::uint32_t>(counted.size());
        f.required = d.at_least;
        f.found = found;
        f.counted = counted;
        if (found >= d.at_least) {
          f.verdict = Verdict::on_time;
          message = "期内发布" + std::to_string(found) + "次" + counted_list();
        } else if (d.period_end < as_of) {
          f.verdict = Verdict::count_short;
          message = "要求至少" + std::to_string(d.at_least) + "次，实际" + std::to_string(found) + "次（" +
                    to_string(d.period_start) + "至" + to_string(d.period_end) + "）" + counted_list();
        } else {
          f.verdict = Verdict::pending;
          message = "期内已发布" + std::to_string(found) + "次，要求至少" + std::to_string(d.at_least) + "次" + counted_list();
        }
        return;
      }
      case Obligation::continuous: {
        for (std::size_t i = 0; i < candidates.size(); ++i) {
          const Date p = candidates[i]->published.date;
          if (p >= d.period_start && p <= d.period_end) {
            // 全年 is judged on its check day: before it, the work is still running.
            take(i);
            f.verdict = d.due < as_of ? Verdict::on_time : Verdict::pending;
            if (f.verdict == Verdict::pending) message = "已有发布，于" + to_string(d.due) + "检查";
            return;
          }
        }
        f.verdict = d.due < as_of ? Verdict::missing : Verdict::pending;
        if (f.verdict == Verdict::missing) message = "全年无发布记录";
        return;
      }
      case Obligation::min_duration: {
        const bool by_workdays = d.min_working_days > 0;
        f.required = by_workdays ? d.min_working_days : d.min_days;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
          if (taken[i] || (d.has_due && candidates[i]->published.date < d.period_start)) continue;
          take(i);
          const Date first = f.published.date;
          const bool withdrawn = f.withdrawn && f.withdrawn->date <= as_of;
          const Date last = withdrawn ? f.withdrawn->date : std::max(first, as_of);
          const std::int32_t days = last - first + 1;
          auto wd = cal.workdays_between(first - 1, last);
          const std::int32_t workdays = wd ? *wd : 0;
          const bool long_enough = days >= static_cast<std::int32_t>(d.min_days) &&
                                   workdays >= static_cast<std::int32_t>(d.min_working_days);
          f.found = static_cast<std::uint32_t>(by_workdays ? workdays : days);
          if (by_workdays && d.min_days > 0 && workdays >= static_cast<std::int32_t>(d.min_working_days)) {
            // 不得少于5日，其中含1个以上工作日: report the calendar days that fell short.
            f.required = d.min_days;
            f.found = static_cast<std::uint32_t>(days);
          }
          const std::string span = to_string(first) + "至" + (withdrawn ? to_string(last) : to_string(last) + "（仍在公示）");
          const std::string unit = f.required == d.min_working_days && by_workdays ? "个工作日" : "日";
          if (long_enough) {
            f.verdict = Verdict::on_time;
            message = "公示" + std::to_string(f.found) + unit + "（" + span + "）";
          } else if (withdrawn) {
            f.verdict = Verdict::too_short;
            message = "公示" + std::to_string(f.found) + unit + "（" + span + "），要求不少于" + std::to_string(f.required) + unit;
          } else {
            f.verdict = Verdict::pending;
            message = "仍在公示，已" + std::to_string(f.found) + unit + "，要求不少于" + std::to_string(f.required) + unit;
          }
          return;
        }
        if (d.has_due && d.period_start < as_of) {
          f.verdict = Verdict::missing;
          message = "公示应于" + to_string(d.period_start) + "开始，截至" + to_string(as_of) + "无公示记录";
        } else if (d.has_due) {
          f.verdict = Verdict::pending;
          message = "尚无公示记录，公示应于" + to_string(d.period_start) + "开始";
        } else {
          f.verdict = Verdict::not_checkable;
          message = "无公示记录，也未给出公示开始日期";
        }
        return;
      }
    }
  }
};

}  // namespace

struct Checker::Impl {
  TaskChecker checker;
  TaskInputs inputs;
  Publications publications;
};

Checker::Checker(CheckOptions options, const PublicationIndex& publications)
    : impl_(std::make_unique<Impl>(Impl{TaskChecker(std::move(options), publications), {}, {}})) {}
Checker::~Checker() = default;
Checker::Checker(Checker&&) noexcept = default;
std::size_t Checker::check(const TaskRecord& task, const Sink& sink) {
  impl_->publications.clear();
  impl_->checker.prepare(task, impl_->inputs, impl_->publications);
  return impl_->checker.judge(task, impl_->inputs, impl_->publications, sink);
}
std::size_t Checker::compiled_rules() const { return impl_->checker.compiled; }
const CheckOptions& Checker::options() const { return impl_->checker.options; }

// ----------------------------------------------------------------------------
// Running over files or vectors.

namespace {

// Up to kSize rows of the register, with what checking each needs.
struct TaskBatch {
  static constexpr std::size_t kSize = 1024;
  std::vector<TaskRecord> rows;
  std::vector<TaskInputs> inputs;
  Publications publications;  // of all its rows
  std::size_t size = 0;
  std::vector<InputProblem> problems;
  std::uint64_t position = 0;
  bool last = false;

  /// Reads up to kSize rows (and their problems) in place of the last ones;
  /// false when the file has no more.
  bool fill(TaskReader& reader) {
    size = 0;
    problems.clear();
    while (size < kSize) {
      if (rows.size() <= size) rows.emplace_back(), inputs.emplace_back();
      if (!reader.next(rows[size], problems)) return false;
      ++size;
    }
    return true;
  }

  /// Judges every row, in order, into `sink`.
  void judge(TaskChecker& checker, const Checker::Sink& sink) {
    for (std::size_t i = 0; i < size; ++i) {
      // Rows another thread wrote sit in the other core's cache: each line
      // read is a transfer between the cores, started a few rows ahead.
      if (i + 4 < size) prefetch_row(i + 4);
      checker.judge(rows[i], inputs[i], publications, sink);
    }
  }

  void prefetch_row(std::size_t i) const {
    const auto* row = reinterpret_cast<const char*>(&rows[i]);
    for (std::size_t at = 0; at < sizeof(TaskRecord); at += 64) __builtin_prefetch(row + at);
    __builtin_prefetch(&inputs[i]);
    if (inputs[i].count > 0) __builtin_prefetch(publications.data() + inputs[i].first);
  }

  // The index lookups miss the cache (a large log's table is far bigger
  // than it): the slots of a few rows ahead are loaded meanwhile.
  void prepare(TaskChecker& checker) {
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < std::min(kAhead, size); ++i) checker.index.prefetch(rows[i].id);
    publications.clear();
    for (std::size_t i = 0; i < size; ++i) {
      if (i + kAhead < size) checker.index.prefetch(rows[i + kAhead].id);
      checker.prepare(rows[i], inputs[i], publications);
    }
  }
};

// Two stages on two threads: a reader thread parses task rows into batches
// and finds what each row needs (TaskChecker::prepare: the compiled rules,
// the events, the publications, whose index lookups miss the cache) while
// the caller's thread judges the previous batch. Batches (and the strings in
// their records) are reused, so the steady state allocates nothing;
// problems travel with their batch, so the report's order is the file's
// order whatever the timing.
class TaskPipeline {
 public:
  using Batch = TaskBatch;

  TaskPipeline(TaskReader& reader, TaskChecker& checker) : reader_(reader), checker_(checker) {
    for (auto& b : batches_) free_.push_back(&b);
    thread_ = std::thread([this] { run(); });
  }
  ~TaskPipeline() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  /// The next filled batch (nullptr after the last one).
  Batch* next() {
    std::unique_lock lock(mutex_);
    if (finished_ && full_.empty()) return nullptr;
    cv_.wait(lock, [&] { return !full_.empty(); });
    Batch* b = full_.front();
    full_.pop_front();
    if (b->last) finished_ = true;
    return b;
  }
  void release(Batch* b) {
    {
      const std::lock_guard lock(mutex_);
      free_.push_back(b);
    }
    cv_.notify_all();
  }

 private:
  void run() {
    for (;;) {
      Batch* b = nullptr;
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return stop_ || !free_.empty(); });
        if (stop_) return;
        b = free_.front();
        free_.pop_front();
      }
      const bool more = b->fill(reader_);
      b->prepare(checker_);
      b->position = reader_.position();
      b->last = !more;
      {
        const std::lock_guard lock(mutex_);
        full_.push_back(b);
      }
      cv_.notify_all();
      if (!more) return;
    }
  }

  TaskReader& reader_;
  TaskChecker& checker_;
  std::array<Batch, 4> batches_;
  std::deque<Batch*> free_, full_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false, finished_ = false;
  std::thread thread_;
};

}  // namespace

namespace {

// The whole log must be indexed before the first task is checked, so this
// phase is on the critical path: each part of the log is read on its own
// thread (two on the 2-core machines the targets are set for), and the
// parts' rows, problems and counts are joined in file order.
PublicationIndex read_publications(std::vector<PublicationReader>& parts, Report& report) {
  struct Part {
    PublicationIndex index;
    Report tally;  // problems and count, trimmed as one report would be
  };
  std::vector<Part> results(parts.size());
  auto read = [&](std::size_t i) {
    Part& part = results[i];
    part.tally.problem_limit = report.problem_limit;
    PublicationRecord p;
    parts[i].skip_url_and_title();
    // Once 16 MB are read (the estimate then within a few per cent), room for
    // the rest of the part, with a margin: no doubling of the big vectors.
    constexpr std::uint64_t kSample = 16 << 20;
    bool sized = parts[i].part_size() < 2 * kSample;
    while (parts[i].next(p, part.tally.problems)) {
      part.index.add(p), ++part.tally.publications, part.tally.trim_problems();
      if (sized || parts[i].part_position() < kSample) continue;
      sized = true;
      const std::uint64_t read = parts[i].part_position(), size = parts[i].part_size();
      if (read >= size) continue;  // a file that grew after it was opened: no estimate
      const double rest = static_cast<double>(size - read) / static_cast<double>(read);
      part.index.reserve(static_cast<std::size_t>(static_cast<double>(part.tally.publications) * (0.1 + 1.1 * rest)));
    }
    part.tally.trim_problems();
  };
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < parts.size(); ++i) helpers.emplace_back(read, i);
  read(0);
  for (auto& t : helpers) t.join();
  PublicationIndex index = std::move(results[0].index);
  for (Part& part : results) {
    if (&part != &results[0]) index.append(std::move(part.index));
    report.publications += part.tally.publications;
    const std::uint64_t dropped = part.tally.problems_total - part.tally.problems.size();
    for (auto& problem : part.tally.problems) report.problems.push_back(std::move(problem));
    report.trim_problems();
    report.problems_total += dropped;
  }
  index.finish();
  return index;
}

}  // namespace

namespace {

// One piece of the register, read and checked on one thread, batch by batch.
void check_piece(TaskReader& reader, TaskChecker& checker, Report& report,
                 const std::function<void(const Report&)>& after_batch) {
  const Checker::Sink sink = [&](const Finding& f) { report.add(f); };
  TaskBatch batch;
  for (bool more = true; more;) {
    more = batch.fill(reader);
    batch.prepare(checker);
    batch.judge(checker, sink);
    report.tasks += batch.size;
    for (auto& problem : batch.problems) report.problems.push_back(std::move(problem));
    report.trim_problems();
    if (after_batch) after_batch(report);
  }
}

// Without a per-finding callback, nothing needs the findings in register
// order: the register is cut in two at a record boundary and each half is
// read and checked on its own thread into its own report, merged at the end.
// Both cores then do the same work with data of their own (the pipeline
// hands every row from one core to the other). An id that appears in both
// halves (the second a duplicate the first half's reader never saw) makes
// the merged report wrong: then the register is checked again the ordinary
// way. Empty when the register is too small to split.
std::optional<Report> check_halves(const std::string& tasks_path, const ReadOptions& tasks_read,
                                   const PublicationIndex& index, const CheckOptions& options, const Report& base,
                                   const ProgressFn& progress, std::size_t& compiled) {
  auto halves = TaskReader::open_parts(tasks_path, tasks_read, 2);
  if (!halves || halves->size() != 2) return std::nullopt;
  Report first = base, second;
  second.problem_limit = base.problem_limit, second.item_limit = base.item_limit;
  TaskChecker first_checker(options, index), second_checker(options, index);
  std::atomic<std::uint64_t> second_bytes{0}, second_tasks{0};
  std::thread helper([&] {
    check_piece((*halves)[1], second_checker, second, [&](const Report& r) {
      second_bytes.store((*halves)[1].part_position(), std::memory_order_relaxed);
      second_tasks.store(r.tasks, std::memory_order_relaxed);
    });
  });
  const std::uint64_t size = (*halves)[0].size();
  check_piece((*halves)[0], first_checker, first, [&](const Report& r) {
    if (progress) progress((*halves)[0].part_position() + second_bytes.load(std::memory_order_relaxed), size,
                           r.tasks + second_tasks.load(std::memory_order_relaxed));
  });
  helper.join();
  if ((*halves)[1].shares_ids_with((*halves)[0])) return std::nullopt;
  first.merge(std::move(second));
  // Rule texts compiled: those of either half (each compiled its own).
  compiled = first_checker.compiled;
  for (const auto& [text, cell] : second_checker.cache) {
    if (first_checker.cache.contains(text)) continue;
    for (const Piece& piece : cell->pieces) compiled += piece.parsed ? 1 : 0;
  }
  return first;
}

}  // namespace

expected<Report, Error> check_files(const std::string& tasks_path, const std::string& publications_path,
                                    const CheckOptions& options, const Checker::Sink& each,
                                    const ReadOptions& tasks_read, const ReadOptions& publications_read,
                                    const ProgressFn& progress) {
  auto pubs = PublicationReader::open_parts(publications_path, publications_read, 2);
  if (!pubs) return unexpected(std::move(pubs).error());
  auto tasks = TaskReader::open(tasks_path, tasks_read);
  if (!tasks) return unexpected(std::move(tasks).error());
  Report report;
  report.tasks_file = tasks_path, report.publications_file = publications_path;
  report.as_of = options.as_of, report.year = options.year;
  const PublicationIndex index = read_publications(*pubs, report);
  if (!each) {
    std::size_t compiled = 0;
    if (auto halves = check_halves(tasks_path, tasks_read, index, options, report, progress, compiled)) {
      halves->add_unknown_ids(index, publications_path);
      halves->rules_compiled = compiled;
      halves->finish();
      return std::move(*halves);
    }
  }
  TaskChecker checker(options, index);
  const Checker::Sink sink = [&](const Finding& f) {
    report.add(f);
    if (each) each(f);
  };
  {
    TaskPipeline pipeline(*tasks, checker);
    while (TaskPipeline::Batch* b = pipeline.next()) {
      b->judge(checker, sink);
      report.tasks += b->size;
      for (auto& problem : b->problems) report.problems.push_back(std::move(problem));
      report.trim_problems();
      if (progress) progress(b->position, tasks->size(), report.tasks);
      pipeline.release(b);
    }
  }
  report.add_unknown_ids(index, publications_path);
  report.rules_compiled = checker.compiled;
  report.finish();
  return report;
}

Report check(const std::vector<TaskRecord>& tasks, const std::vector<PublicationRecord>& publications,
             const CheckOptions& options, const Checker::Sink& each) {
  Report report;
  report.as_of = options.as_of, report.year = options.year;
  PublicationIndex index;
  for (const auto& p : publications) index.add(p), ++report.publications;
  index.finish();
  Checker checker(options, index);
  const Checker::Sink sink = [&](const Finding& f) {
    report.add(f);
    if (each) each(f);
  };
  std::unordered_map<std::string_view, std::uint32_t> seen;
  for (const auto& t : tasks) {
    if (auto [it, fresh] = seen.emplace(t.id, t.line); !fresh) {
      report.problems.push_back({{}, t.line, 0, "任务编号“" + t.id + "”重复（首次出现在第" + std::to_string(it->second) + "行），跳过"});
      report.trim_problems();
      continue;
    }
    checker.check(t, sink), ++report.tasks;
  }
  report.add_unknown_ids(index, {});
  report.rules_compiled = checker.compiled_rules();
  report.finish();
  return report;
}

}  // namespace shixian
