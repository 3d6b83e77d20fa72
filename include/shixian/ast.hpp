// File: shixian/ast.hpp
//
// The typed form of a time rule ("时限规则") as Chinese disclosure plans write
// it, after parsing and range checks. Plain value types only: std::variant of
// small structs, no Spirit, cheap to include. SPEC.md is the reference for
// what each node means; the grammar that produces them is grammar/shixian.ebnf.
//
// A `Rule` is what one plan cell says about time. It holds one or more
// `Item`s, because cells often combine several obligations:
//
//   "形成文件后3个工作日公开；收到文件后及时发布"
//     → Item{RelativeDeadline{形成文件, after, 3 working days}, label "公开"}
//       Item{Timely{及时, 收到文件}, label "发布"}        kind: deadline
//   "7月底前启动，9月底前完成"
//     → Item{CalendarAnchor{month_end, 7}, "启动"}, Item{…9…, "完成"}   kind: milestones
//
// Every item keeps its `Span` (UTF-8 byte offsets into the text given to
// parse_rule); shixian::detail::locate() or Error::where turn offsets into
// the character positions users see.
//
// Equality (operator==) compares meaning, not spelling: spans, the trigger as
// written and the original spelling of synonyms are ignored, so that
// parse("三个工作日内") == parse("3个工作日内") and
// parse(canonical(r)) == r for every rule r.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace shixian::ast {

/// [begin, end) in UTF-8 bytes of the parsed input.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

/// The unit of a counted period (SPEC §2).
enum class Unit : std::uint8_t {
  working_days,  ///< 个工作日 / 工作日: counts only working days (行政许可法 第82条)
  days,          ///< 日 / 天: calendar days, end rolled off rest days
  hours,         ///< 小时: exact, never rolled
  weeks,         ///< 周 / 星期
  months,        ///< 个月: same day-of-month, clamped to month end (民法典 第202条)
  years,         ///< 年
};

/// An amount of time: "3个工作日" → {3, working_days}. value in [1, 9999].
struct Amount {
  std::uint32_t value = 0;
  Unit unit = Unit::working_days;
  Span span;
  friend bool operator==(const Amount& a, const Amount& b) { return a.value == b.value && a.unit == b.unit; }
};

/// The event T a relative period counts from (SPEC §2): the phrase before
/// 后/起/前/之日起, without a leading 于/在/自/从/经/待 and without 之日.
/// "于人大批复后30个工作日内" → text "人大批复". Implicit (empty) when the
/// phrase names none: "3个工作日内", "提前2个工作日", "及时".
struct Trigger {
  std::string text;    ///< as written; empty when implicit
  std::string event;   ///< canonical event key (lexicon alias resolved: 文件形成 → 形成文件); empty when implicit
  std::string period;  ///< a named period whose end is T: "复议期" for "复议期届满"; else empty
  /// Alternatives written with 或者/或 (信息形成或者变更 → {信息形成, 信息变更}), each
  /// a canonical event key; `event` is the first. Empty for a single event.
  /// An event for any alternative satisfies T; events for several give one
  /// deadline each (SPEC §8).
  std::vector<std::string> alternatives;
  Span span;
  bool implicit() const { return event.empty(); }
  friend bool operator==(const Trigger& a, const Trigger& b) {
    return a.event == b.event && a.period == b.period && a.alternatives == b.alternatives;
  }
};

enum class Direction : std::uint8_t {
  after,   ///< T后 / T起 / T之日起 / 自T起 … N…(内)
  before,  ///< T前N… / 提前N…
};

/// 形成文件后3个工作日内, 签订3日内, 提前2个工作日, 24小时内, 复议期届满后5个工作日.
struct RelativeDeadline {
  Trigger trigger;
  Direction direction = Direction::after;
  Amount amount;
  friend bool operator==(const RelativeDeadline&, const RelativeDeadline&) = default;
};

/// Which year a calendar anchor is in.
enum class YearKind : std::uint8_t {
  plan,           ///< no year written: the plan year Y from context
  explicit_year,  ///< "2016年…"
  next,           ///< 次年 / 明年 / 下一年: Y + 1
};

struct YearRef {
  YearKind kind = YearKind::plan;
  int value = 0;  ///< [1900, 2200] for explicit_year, else 0
  friend bool operator==(const YearRef&, const YearRef&) = default;
};

enum class AnchorKind : std::uint8_t {
  month_end,     ///< M月底(前) / M月末: last day of M
  month_day,     ///< M月D日(前): M/D inclusive
  month_before,  ///< M月前: literal "before month M" (policy: last day of M−1; flagged ambiguous)
  xun,           ///< M月上旬/中旬/下旬(前): day 10 / 20 / last (中旬前 ambiguous, policy)
  quarter_end,   ///< 第Q季度(末) / 一季度: last day of quarter Q
  first_half,    ///< 上半年: 6/30
  second_half,   ///< 下半年: 12/31
  mid_year,      ///< 年中: 6/30
  year_end,      ///< 年底(前) / 年末 / 年内: 12/31
  month_start,   ///< M月初 / 每月初: day N of M (policy month_start, default 10: the end of 上旬); flagged ambiguous
  month_only,    ///< YYYY年M月 + action (2021年2月公布预算信息): last day of M; the period covered is that month
  by_year,       ///< 到YYYY年 with no part of the year: 12/31 of YYYY (a policy reading, flagged)
};

enum class Xun : std::uint8_t { upper, middle, lower };  ///< 上旬 / 中旬 / 下旬

/// An absolute deadline in the plan year (or an explicit / the next year), SPEC §3.
struct CalendarAnchor {
  YearRef year;
  AnchorKind kind = AnchorKind::year_end;
  unsigned month = 0;    ///< [1, 12] for month_*, xun; else 0
  unsigned day = 0;      ///< [1, 31] for month_day; else 0
  unsigned quarter = 0;  ///< [1, 4] for quarter_end; else 0
  Xun xun = Xun::upper;  ///< for kind == xun
  bool before = false;   ///< xun only: written with 前 (中旬前 is the ambiguous reading)
  /// month_day of a release calendar (1月17/二): the ISO weekday written after
  /// the day (1 Monday … 7 Sunday), which the date must fall on; 0 if none.
  unsigned weekday = 0;
  Span weekday_span;  ///< where that weekday is written (the error points there)
  Span span;
  friend bool operator==(const CalendarAnchor& a, const CalendarAnchor& b) {
    return a.year == b.year && a.kind == b.kind && a.month == b.month && a.day == b.day &&
           a.quarter == b.quarter && a.xun == b.xun && a.before == b.before && a.weekday == b.weekday;
  }
};

/// T前 where T is an event, not a date: 系统投入使用前, 决策前. Due = date of T.
struct EventDeadline {
  Trigger trigger;
  friend bool operator==(const EventDeadline&, const EventDeadline&) = default;
};

enum class GateKind : std::uint8_t {
  wait_for,  ///< 待T后: the obligation starts only once T has happened
  prevails,  ///< 以T时间为准: T's date, when known, replaces the deadline it qualifies
};

struct EventGate {
  GateKind kind = GateKind::wait_for;
  Trigger trigger;
  friend bool operator==(const EventGate&, const EventGate&) = default;
};

/// bimonthly: 每两个月 (1–2, 3–4, …); semi_monthly: 每半月 (1–15, 16–end).
enum class Frequency : std::uint8_t { daily, weekly, monthly, quarterly, half_yearly, yearly, bimonthly, semi_monthly };

/// 流行季节（4-10月）: narrows a recurrence to months [from, to] of the year.
struct Season {
  std::string name;  ///< "流行季节"; may be empty ("4-10月每月")
  unsigned from_month = 1;  ///< [1, 12]
  unsigned to_month = 12;   ///< [from_month, 12]
  friend bool operator==(const Season&, const Season&) = default;
};

/// 每月 / 按季 / 每季度末 / 每半年 / 每年, optionally 自2016年起, in a season,
/// with a per-period offset (每季度结束后15个工作日内), SPEC §4, or with a due
/// date inside each period: 每月10日前 (monthly; `month` is 0), 每年3月底前
/// (yearly). Without either, each period is due on its last day.
struct Recurrence {
  Frequency frequency = Frequency::monthly;
  std::optional<Season> season;
  std::optional<int> start_year;      ///< 自2016年起; [1900, 2200]
  std::optional<Amount> offset;       ///< due = offset after each period's end
  std::optional<CalendarAnchor> due;  ///< due inside each period (month_day, xun, month_end, month_before, month_start)
  /// 每周五前, 每周二、四: ISO weekdays (bit d for d = 1 Monday … 7 Sunday) of
  /// each week, each a deadline when it falls in the window. Weekly only.
  std::uint8_t weekdays = 0;
  /// 每月第N个工作日 / 每月前N个工作日 (N ≥ 1), 每月最后一个工作日 (−1): the due
  /// date is that working day of each period, through the calendar.
  int workday_ordinal = 0;
  /// 每季度首月 (1): `due` (or, without one, the month's end) is in that month
  /// of each period, not in the period's last month.
  unsigned period_month = 0;
  /// 每年1、4、7、10月8日之前: the listed months (bit m for month m), each with
  /// the day of `due`. Yearly only; 0 when no list is written.
  std::uint16_t months = 0;
  /// 每月次月10日前: `due` lies in the month after each period, not in it
  /// (monthly only; a policy reading, as SPEC's 次年 is for years).
  bool next_month = false;
  friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

/// 重大节日前 (major = true) / 节前: before every holiday block of the year.
struct HolidayRecurrence {
  bool major = false;
  friend bool operator==(const HolidayRecurrence&, const HolidayRecurrence&) = default;
};

enum class CountScope : std::uint8_t {
  within_year,  ///< 年内至少N次
  each_period,  ///< 每年/每月…至少N次, 原则上每月一次
  plan,         ///< 不少于N次 with no period named: the plan window
};

/// At least N publications/events per period (SPEC §5).
struct CountConstraint {
  CountScope scope = CountScope::plan;
  Frequency period = Frequency::yearly;  ///< meaningful for each_period (within_year is yearly)
  std::uint32_t at_least = 1;            ///< [1, 9999]
  std::string verb;  ///< the action between period and count: 年内解读重要政策措施不少于1次 → "解读重要政策措施"
  friend bool operator==(const CountConstraint&, const CountConstraint&) = default;
};

/// A display interval that must last at least `minimum` (公示不得少于3个工作日,
/// 公示20日, 7个公示工作日), optionally also containing at least
/// `min_working_days` working days (不得少于5日，其中必须含1个以上工作日).
struct DisplayInterval {
  std::string what;  ///< 公示 / 发放期 / 公告期 …; empty when not named
  Amount minimum;    ///< unit is working_days or days
  std::optional<std::uint32_t> min_working_days;
  friend bool operator==(const DisplayInterval&, const DisplayInterval&) = default;
};

enum class Timeliness : std::uint8_t {
  timely,        ///< 及时: policy default 20 working days (条例 第26条)
  first_moment,  ///< 第一时间: policy default 24 hours
  immediate,     ///< 即时 / 立即
  real_time,     ///< 实时
  synchronous,   ///< 与T同步: on the date of T
};

struct Timely {
  Timeliness kind = Timeliness::timely;
  Trigger trigger;  ///< 收到文件后及时 → 收到文件; implicit for a bare 及时
  friend bool operator==(const Timely&, const Timely&) = default;
};

/// 全年 / 全年工作: continuous through the plan year, checked at 12/31.
struct Continuous {
  friend bool operator==(const Continuous&, const Continuous&) = default;
};

enum class OngoingWord : std::uint8_t {
  long_term /*长期推进*/, sustained /*持续推进*/, routine /*常态化*/,
  standing /*长期 (公开, 有效, 保持): 基本目录's 公开时限 for standing information*/, permanent /*永久*/,
};

/// No deadline: the work goes on.
struct Ongoing {
  OngoingWord word = OngoingWord::long_term;
  friend bool operator==(const Ongoing&, const Ongoing&) = default;
};

enum class UnspecifiedWord : std::uint8_t { when_suitable /*适时*/, as_needed /*视情*/, periodic /*定期*/, irregular /*不定期*/ };

/// Parsed and classified, never checkable.
struct Unspecified {
  UnspecifiedWord word = UnspecifiedWord::periodic;
  friend bool operator==(const Unspecified&, const Unspecified&) = default;
};

/// 按预算法规定时限 / 按环保部…的时间要求: the time limit is set elsewhere.
struct ExternalReference {
  std::string reference;  ///< "预算法规定时限"
  friend bool operator==(const ExternalReference&, const ExternalReference&) = default;
};

using Clause = std::variant<RelativeDeadline, CalendarAnchor, EventDeadline, EventGate, Recurrence,
                            HolidayRecurrence, CountConstraint, DisplayInterval, Timely, Continuous, Ongoing,
                            Unspecified, ExternalReference>;

/// One obligation in a rule: the clause, the action or milestone label written
/// after it ("启动", "完成", "公开"), and 原则上 ("in principle").
struct Item {
  Clause clause;
  std::string label;
  /// Who or what the rule is about when written ahead of the time phrase:
  /// 中标候选人公示不得少于3个工作日 → "中标候选人"; 中省市相关政策收到文件后5个工作日公开 →
  /// "中省市相关政策". Never part of the trigger. Empty when none is written.
  std::string subject;
  bool in_principle = false;
  Span span;
  friend bool operator==(const Item& a, const Item& b) {
    return a.clause == b.clause && a.label == b.label && a.subject == b.subject && a.in_principle == b.in_principle;
  }
};

/// What the whole rule is, for routing (a CLI/JSON contract: the names are fixed).
enum class RuleKind : std::uint8_t {
  deadline, milestones, recurring, count, duration, timely, continuous, ongoing, unspecified, external,
};

struct Rule {
  RuleKind kind = RuleKind::deadline;
  std::vector<Item> items;  ///< never empty for a parsed rule
  friend bool operator==(const Rule&, const Rule&) = default;
};

/// "deadline", "milestones", … (the fixed names above).
const char* to_string(RuleKind kind);

}  // namespace shixian::ast
