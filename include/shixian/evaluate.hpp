// File: shixian/evaluate.hpp
//
// Turning a parsed time rule into due dates: compile once, evaluate many times.
//
//   Rule (shixian/parse.hpp) + Calendar + Policy ──compile──▶ Evaluator
//   Evaluator + Context (plan year, event dates) ──evaluate──▶ Schedule
//
// A Schedule lists the rule's deadlines exactly as ../shared/SPEC.md defines
// them (§2 relative periods, §3 calendar anchors, §4 recurrences, §5 counts,
// durations and open obligations), each with its label (完成, 启动, 督查, 公开…),
// due date (or date-time for 小时 rules), the period it covers and flags
// saying when the result rests on a projected calendar year or on a default.
//
// Example:
//   using namespace std::chrono;
//   auto rule = shixian::parse_rule("形成文件后3个工作日公开").value();
//   shixian::Evaluator ev = shixian::compile(rule, shixian::Calendar::china(), {});
//   shixian::Context ctx;
//   ctx.event("文件形成", shixian::Date{2016y / September / 30d});   // alias of 形成文件
//   auto s = ev.evaluate(ctx);            // s->at(0).due == 2016-10-10, label "公开"
//   shixian::explain("形成文件后3个工作日公开", ctx);
//   // … 自2016-09-30（周五）起第1个工作日 2016-10-08（周六，调休上班）…
//
// Missing context is an error that names what is missing (需要事件"人大批复"的日期,
// 需要计划年度), never a silent default, except where SPEC defines one (the
// implicit trigger of "3个工作日内": the only event given, else the policy's
// default trigger event 信息形成).
//
// Threads: an Evaluator is immutable and cheap to copy (one shared pointer);
// evaluate() may run concurrently. It keeps a pointer to the Calendar, which
// must outlive it (Calendar::china() lives for the whole program).
#pragma once

#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/ast.hpp"
#include "shixian/calendar.hpp"
#include "shixian/date.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian {

// ---------------------------------------------------------------------------
// Policy: the readings reasonable people could disagree on (SPEC, "policy knob").
// Every default equals SPEC's. The CLI sets them with --policy KEY=VALUE; see
// set_policy() for the keys.
// ---------------------------------------------------------------------------

/// How a date that falls on a rest day is moved (QuantLib's words).
enum class Roll : std::uint8_t {
  unadjusted,  ///< not moved
  following,   ///< to the next working day
  preceding,   ///< to the previous working day
};

/// 中旬前 (SPEC §3): day 20 (end of 中旬, default) or day 10 ("before the 11th").
enum class XunBeforeReading : std::uint8_t { end_of_middle, before_middle };

/// M月前 (SPEC §3): literally the end of month M−1 (default), or the end of M.
enum class MonthBeforeReading : std::uint8_t { previous_month_end, month_end };

/// A named period a trigger can end (复议期届满后5个工作日, SPEC §5).
struct NamedPeriod {
  std::string name;         ///< 复议期
  ast::Amount length;       ///< 60日 (行政复议法: 60 days after the decision is served)
  std::string start_event;  ///< the event it counts from: 决定送达
};

struct Policy {
  /// 及时: N working days after the trigger (条例 第26条 (2019) / 第18条 (2008)). Key: timely.
  int timely_workdays = 20;
  /// 第一时间: within N hours of the trigger. Key: first_moment.
  int first_moment_hours = 24;
  /// Key: xun_before = 20 | 10.
  XunBeforeReading xun_before = XunBeforeReading::end_of_middle;
  /// Key: month_before = previous | same.
  MonthBeforeReading month_before = MonthBeforeReading::previous_month_end;
  /// 月初 / 每月初 (SPEC §8): day N of the month (default 10, the end of 上旬). Key: month_start.
  int month_start_day = 10;
  /// Absolute deadlines (M月底前, recurrence period ends) on a rest day. Key: absolute_roll.
  Roll absolute_roll = Roll::unadjusted;
  /// T前N日 / T前N个月 landing on a rest day. Key: backward_roll.
  Roll backward_roll = Roll::unadjusted;
  /// Does a 调休 make-up Saturday/Sunday end a calendar-day period (it is a
  /// working day, SPEC §2: yes)? No: such a period runs on to the next
  /// ordinary Monday–Friday working day. Key: makeup_ends_period = yes | no.
  bool makeup_day_ends_period = true;
  /// Festivals whose holiday blocks count for 节前 / 重大节日前 (SPEC §4).
  /// Key: festivals = 元旦,春节,… | all.
  std::vector<std::string> festivals{"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"};
  /// Named periods. Key: period.NAME = N日 | N个工作日 | N个月.
  std::vector<NamedPeriod> named_periods{{"复议期", {60, ast::Unit::days, {}}, "决定送达"}};
  /// The event an implicit trigger defaults to when the context does not name
  /// exactly one event (SPEC §2). Empty: no default. Key: default_trigger.
  std::string default_trigger = "信息形成";
};

/// Sets one knob from text ("timely", "25"). Errors (ErrorCode::invalid_argument)
/// name the valid keys or values.
expected<bool, Error> set_policy(Policy& policy, std::string_view key, std::string_view value);
/// The keys set_policy() accepts, with their default values: {"timely", "20"}, …
std::vector<std::pair<std::string, std::string>> policy_keys();

// ---------------------------------------------------------------------------
// Context: what a rule needs from outside.
// ---------------------------------------------------------------------------

/// An event's date, optionally with a time of day (local, minute precision).
struct EventTime {
  Date date;
  std::int16_t minute = -1;  ///< minutes since 00:00, [0, 1439]; -1: date only
  bool has_time() const { return minute >= 0; }
  friend bool operator==(const EventTime&, const EventTime&) = default;
};

/// "2016-10-01" or "2016-10-01T09:30" (also "2016-10-01 09:30").
expected<EventTime, Error> parse_event_time(std::string_view text);
/// "2016-10-01" or "2016-10-01T09:30".
std::string to_string(const EventTime& t);

namespace detail {
/// Byte equality. Event names are short (形成文件 is 12 bytes): 8 to 16
/// bytes compare as two overlapping words, without a call to memcmp.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() < 8 || a.size() > 16) return a == b;
  const auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  const std::size_t tail = a.size() - 8;
  return word(a.data()) == word(b.data()) && word(a.data() + tail) == word(b.data() + tail);
}
}  // namespace detail

class Context {
 public:
  struct Event {
    std::string name;  ///< as given
    std::string key;   ///< through the lexicon: 文件形成 → 形成文件
    EventTime time;
  };

  /// The plan year Y (2016年政务公开工作要点 → 2016).
  std::optional<int> plan_year;

  Context& year(int y) { plan_year = y; return *this; }
  /// No year, no events; keeps the memory, for reuse across many tasks.
  void clear() { plan_year.reset(), events_.clear(); }
  /// Adds (or replaces) an event. The name is matched against triggers
  /// exactly or through the event lexicon (形成文件 ≡ 文件形成).
  Context& event(std::string_view name, Date date);
  Context& event(std::string_view name, Date date, int hour, int minute);
  Context& event(std::string_view name, EventTime time);
  /// event() for each, in order, in linear time (a register cell may name 100,000 events).
  Context& events(const std::vector<std::pair<std::string, EventTime>>& list);

  const std::vector<Event>& events() const { return events_; }
  /// The event a trigger names (key already canonical, or the text as written).
  /// Inline: evaluating a working-day rule is this lookup and little else.
  const Event* find(std::string_view key, std::string_view text = {}) const {
    for (const Event& e : events_) {
      if (detail::same_text(e.key, key) || (!text.empty() && detail::same_text(e.name, text))) return &e;
    }
    return nullptr;
  }

 private:
  std::vector<Event> events_;
};

// ---------------------------------------------------------------------------
// Schedule: the result.
// ---------------------------------------------------------------------------

/// What a Deadline asks for.
enum class Obligation : std::uint8_t {
  by,            ///< publish by `due` (and within [period_start, period_end])
  count,         ///< at least `at_least` publications inside [period_start, period_end], checked at `due`
  min_duration,  ///< a display interval lasting ≥ min_days calendar days and ≥ min_working_days
                 ///< working days; `due`, when known, is its earliest allowed last day
  continuous,    ///< 全年: throughout [period_start, period_end], checked at `due`
};
/// "by", "count", "min_duration", "continuous": the name JSON, the bindings and SQL print.
const char* to_string(Obligation o);

/// Defaults a result rests on (bit flags in Deadline::assumed).
enum Assumption : std::uint8_t {
  assumed_default_trigger = 1,    ///< the policy's default trigger event was used
  assumed_midnight = 2,           ///< a date-only event taken at 00:00 for an hour rule
  assumed_ambiguous_reading = 4,  ///< 中旬前, M月前: the policy's reading of an ambiguous phrase
  assumed_policy_reading = 8,     ///< 及时 / 第一时间 / 即时: the policy's period
};

/// "default_trigger", "midnight", "ambiguous_reading", "policy_reading" for each bit set.
std::vector<std::string_view> assumption_names(std::uint8_t assumed);

struct Deadline {
  /// 完成, 启动, 公开, 督查 … ("完成" when the rule names none; "春节前" … for 节前).
  /// Labels are interned when a rule is compiled and stay valid for the life
  /// of the process, so a Deadline is a trivially copyable value.
  std::string_view label;
  Obligation type = Obligation::by;
  bool has_due = true;             ///< false only for a min_duration with no known start
  Date due;                        ///< by the end of this day (or at `minute`)
  std::int16_t minute = -1;        ///< hour rules: minutes since 00:00 [0, 1439]; -1: end of day
  Date period_start;               ///< the period the deadline covers, inclusive
  Date period_end;
  std::uint32_t at_least = 0;      ///< count: publications required in the period
  std::uint32_t min_days = 0;      ///< min_duration: calendar days spanned
  std::uint32_t min_working_days = 0;  ///< min_duration: working days inside
  bool provisional = false;        ///< a projected calendar year was used (SPEC §1)
  std::uint8_t assumed = 0;        ///< Assumption bits
  std::uint16_t item = 0;          ///< index of the rule item it comes from

  bool has_time() const { return minute >= 0; }
  /// "2016-10-10" or "2016-10-02T09:30" ("" when !has_due).
  std::string due_string() const;
};

/// Rules without a checkable deadline (SPEC §5).
enum class Classification : std::uint8_t {
  checkable,    ///< has deadlines
  ongoing,      ///< 长期推进 / 持续推进 / 常态化: no deadline
  unspecified,  ///< 适时 / 视情 / 定期 / 不定期 (or a gate whose event is unknown)
  external,     ///< 按预算法规定时限: the limit is set elsewhere
};
const char* to_string(Classification c);

class Schedule {
 public:
  // User-provided on purpose: value-initialising a Schedule (as expected<>
  // does) then runs only the member initialisers, without first zeroing the
  // whole object (a `rep stos` that cost more than an evaluation).
  Schedule() noexcept {}  // NOLINT(modernize-use-equals-default)

  ast::RuleKind kind = ast::RuleKind::deadline;
  Classification classification = Classification::checkable;
  /// How the rule's ambiguous or policy-defined phrases were read (中旬前 →
  /// day 20, 及时 → 20 working days, 原则上 …). Fixed when the rule is compiled
  /// and interned: valid for the life of the process, copied for free.
  std::span<const std::string> readings;
  /// Notes that depend on the context: 以T时间为准 applied or not, empty
  /// windows (自2017年起 in a 2016 plan), the year a recurrence used.
  std::vector<std::string> notes;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Deadline& operator[](std::size_t i) const { return data()[i]; }
  const Deadline& at(std::size_t i) const;
  const Deadline* begin() const { return data(); }
  const Deadline* end() const { return data() + size_; }
  std::span<const Deadline> deadlines() const { return {data(), size_}; }

  Deadline& push_back(const Deadline& d) {
    if (size_ < kInline) return *::new (static_cast<void*>(&slots_.items[size_++])) Deadline(d);  // in place
    return push_back_to_heap(d);
  }
  /// A new value-initialised deadline at the end.
  Deadline& emplace_back() { return push_back(Deadline{}); }
  /// Empties the schedule, keeping its storage (for Evaluator::evaluate_into).
  void clear() {
    size_ = 0;
    heap_.clear();
    notes.clear();
  }
  Deadline& operator[](std::size_t i) { return mutable_data()[i]; }
  void reserve(std::size_t n);

 private:
  static constexpr std::size_t kInline = 2;
  Deadline& push_back_to_heap(const Deadline& d);
  const Deadline* data() const { return size_ <= kInline ? slots_.items : heap_.data(); }
  Deadline* mutable_data() { return size_ <= kInline ? slots_.items : heap_.data(); }
  // Up to two deadlines inline (most rules; milestones 启动/完成), no
  // allocation; more move to the heap. Raw storage: slots are constructed
  // when used (Deadline is trivially copyable and destructible).
  union Slots {
    Slots() noexcept {}  // NOLINT: leaves the slots unconstructed on purpose
    Deadline items[kInline];
  } slots_;
  std::vector<Deadline> heap_;
  std::size_t size_ = 0;
};

/// An evaluation failure: missing context (code missing_context), a refused
/// projected year (projected_year), a date outside the calendar (out_of_range),
/// or, from due(), a rule that does not parse (parse_error).
struct EvalError {
  Error error;                      ///< message e.g. 需要事件"人大批复"的日期 / 需要计划年度
  std::vector<std::string> needed;  ///< what would do: event names, or "计划年度"
  std::uint16_t item = 0;           ///< the rule item concerned
};
inline const std::string& message_of(const EvalError& e) { return e.error.message; }
inline const Location& location_of(const EvalError& e) { return e.error.where; }
inline ErrorCode code_of(const EvalError& e) { return e.error.code; }

/// "公开 2016-10-10" (with the period, count, provisional and assumptions when
/// there are any); GoogleTest prints Deadlines with it.
std::ostream& operator<<(std::ostream& out, const Deadline& d);

namespace detail {
struct Program;
}

class Evaluator {
 public:
  Evaluator();  ///< evaluates to an empty unspecified schedule
  /// The deadlines for a context. Fast: no allocation for single-deadline
  /// rules with short labels.
  expected<Schedule, EvalError> evaluate(const Context& context) const;
  /// The same into a caller's Schedule, reusing its storage: the fastest way
  /// to evaluate one rule over many contexts. On error `out` is unspecified.
  std::optional<EvalError> evaluate_into(const Context& context, Schedule& out) const;
  /// The same computation, as steps a person can check, ending with the
  /// result or the error.
  std::string explain(const Context& context) const;
  ast::RuleKind kind() const;

 private:
  friend Evaluator compile(const ast::Rule&, const Calendar&, const Policy&);
  explicit Evaluator(std::shared_ptr<const detail::Program> program);
  std::shared_ptr<const detail::Program> program_;
};

/// Compiles a parsed rule. Never fails: what the context must supply is
/// reported by evaluate().
Evaluator compile(const ast::Rule& rule, const Calendar& calendar = Calendar::china(), const Policy& policy = {});

/// Parse, compile and evaluate in one call.
expected<Schedule, EvalError> due(std::string_view rule, const Context& context,
                                  const Calendar& calendar = Calendar::china(), const Policy& policy = {});

/// A step-by-step trace ("自2016-09-30（周五）起第1个工作日 2016-10-08（周六，调休上班）…").
std::string explain(std::string_view rule, const Context& context, const Calendar& calendar = Calendar::china(),
                    const Policy& policy = {});

}  // namespace shixian
