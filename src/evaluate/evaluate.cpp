// Compiling a Rule into a Program of flat steps, and running it against a
// Context. SPEC.md is the reference for every computation here; the section
// is named next to each. The hot path (a single relative or anchored
// deadline) does no allocation beyond the label's small-string buffer: all
// lookups that do not depend on the context are made in compile().
//
// Trace: explain() runs the same code with a Trace; every step that decides
// something writes a line a person can check against a printed calendar.
#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <unordered_set>

#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian {

namespace detail {

enum class Op : std::uint8_t {
  offset,       // T后/前 N units (SPEC §2); also 及时 / 第一时间 through the policy
  same_day,     // 即时 / 实时 / 与T同步: the date of T
  anchor,       // M月底前 … (SPEC §3)
  event_date,   // T前 where T is an event (SPEC §3)
  recurrence,   // 每月 … (SPEC §4)
  holidays,     // 节前 / 重大节日前 (SPEC §4)
  count,        // 年内至少N次 (SPEC §5)
  duration,     // 公示不得少于N个工作日 (SPEC §5)
  continuous,   // 全年 (SPEC §5)
  prevails,     // 以T时间为准 (SPEC §3): applied after the other steps
  wait_for,     // 待T后: the implicit trigger of the other steps
  none,         // ongoing / unspecified / external
};

struct TriggerSpec {
  bool implicit = true;
  std::string key;   // canonical event key
  std::string text;  // as written (for messages and exact matching)
  // A literal date written as the trigger (自2016年1月31日起): no event needed.
  bool literal = false;
  int literal_year = 0;  // 0: the plan year
  unsigned literal_month = 0, literal_day = 0;
  // A named period ending at T (复议期届满): its length and start event.
  bool has_period = false;
  std::string period_name;
  ast::Amount period_length;
  std::string period_start;      // as in the policy (决定送达)
  std::string period_start_key;  // through the lexicon
};

struct Step {
  Op op = Op::none;
  std::uint16_t item = 0;
  std::uint8_t assumed = 0;
  std::string_view label;  // interned
  TriggerSpec trigger;
  // offset
  ast::Direction direction = ast::Direction::after;
  ast::Unit unit = ast::Unit::working_days;
  int n = 0;
  // anchor: year, month (0 with day 0 = year end), day (0 = last day of month)
  ast::YearKind year_kind = ast::YearKind::plan;
  int year_value = 0;
  int year_delta = 0;
  unsigned month = 12, day = 0;
  unsigned weekday = 0;  // 1月17/二: the ISO weekday the date must fall on (0: none)
  // recurrence / count
  ast::Frequency frequency = ast::Frequency::yearly;
  unsigned from_month = 1, to_month = 12;
  int start_year = 0;  // 0: none
  bool has_offset = false;
  ast::Unit offset_unit = ast::Unit::days;
  int offset_n = 0;
  // A due date inside each period (每月10日前, 每年3月底前): month (0: the
  // period's own month), day (0: last; clamped to the month), year delta.
  bool has_inner_due = false;
  unsigned due_month = 0, due_day = 0;
  int due_year_delta = 0;
  bool due_next_month = false;  // 每月次月10日前: the due day is in the month after the period
  std::uint8_t weekdays = 0;    // 每周五前: ISO weekdays (bit d)
  int workday_ordinal = 0;      // 每月第N个工作日 (N), 最后一个工作日 (−1)
  std::uint16_t months = 0;     // 每年1、4、7、10月8日前: the listed months (bit m)
  // 信息形成或者变更: one step per alternative, each with its trigger (SPEC §8);
  // this step then only groups them. `alternative_label` names the deadline
  // when events are given for several alternatives.
  std::vector<Step> alternatives;
  std::string_view alternative_label;
  std::uint32_t at_least = 0;
  bool whole_window = false;
  // duration
  std::uint32_t min_days = 0, min_working_days = 0;
  std::string start_key;  // event that starts the display: 公示开始
};

struct Program {
  const Calendar* calendar = nullptr;
  ast::RuleKind kind = ast::RuleKind::unspecified;
  Classification classification = Classification::unspecified;
  Roll absolute_roll = Roll::unadjusted;
  Roll backward_roll = Roll::unadjusted;
  bool makeup_ends_period = true;
  std::vector<std::string> festivals;
  std::string default_trigger, default_key;
  int timely_workdays = 20, first_moment_hours = 24;
  std::vector<Step> steps;
  std::vector<std::string> notes;      // readings, while compiling
  std::span<const std::string> readings;  // the same, interned
  Date first_projected;            // no projected day before it: provisional checks skip the call
  int prevails = -1;               // index of the 以T时间为准 step
  int wait_for = -1;               // index of the 待T后 step
  // The most common rule, 形成文件后3个工作日公开 (and 及时), as a straight
  // line: one working-day offset from an event, one deadline. See run_kernel().
  bool kernel = false;
  int kernel_workdays = 0;    // signed: negative for 前
  Deadline kernel_deadline;   // label, item, assumed; dates filled per evaluation
};

}  // namespace detail

namespace {

using detail::Op;
using detail::Program;
using detail::Step;
using detail::TriggerSpec;

constexpr std::string_view kDefaultLabel = "完成";

// Labels live for the whole process: a Deadline holds a string_view and stays
// trivially copyable (no allocation or copy of text on the hot path). The
// set only grows with distinct labels, which plans write few of.
std::string_view intern(std::string_view text) {
  static std::mutex mutex;
  static std::unordered_set<std::string> pool;
  const std::lock_guard lock(mutex);
  return *pool.emplace(text).first;
}

// --- dates ------------------------------------------------------------------

// Civil-date arithmetic inline (H. Hinnant's algorithms): libstdc++'s
// year_month_day conversions are out of line and were a quarter of an
// anchored evaluation.
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                  // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}
constexpr int year_of(Date date) {
  const std::int32_t z = date.days_since_epoch() + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
  return static_cast<int>(yoe) + era * 400 + (mp >= 10);
}
constexpr unsigned days_in_month(int y, unsigned m) {
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
}
static_assert(days_from_civil(2016, 9, 30) == Date{std::chrono::year{2016} / 9 / 30}.days_since_epoch());
static_assert(year_of(Date{std::chrono::year{2016} / 12 / 31}) == 2016 && year_of(Date{std::chrono::year{2017} / 1 / 1}) == 2017);

Date make_date(int y, unsigned m, unsigned d) { return Date::from_days(days_from_civil(y, m, d)); }
Date month_last(int y, unsigned m) { return make_date(y, m, days_in_month(y, m)); }
Date year_first(int y) { return make_date(y, 1, 1); }
Date year_last(int y) { return make_date(y, 12, 31); }

// Same day-of-month n months later (or earlier), the month end if there is
// none (民法典 第202条, SPEC §2: 1/31 + 1个月 → 2/29).
Date add_months(Date d, int n) {
  using namespace std::chrono;
  const year_month_day ymd = d.ymd();
  const year_month ym = year_month{ymd.year(), ymd.month()} + months{n};
  const year_month_day target{ym.year(), ym.month(), ymd.day()};
  return target.ok() ? Date{target} : Date{year_month_day_last{ym.year(), month_day_last{ym.month()}}};
}

std::string format_time(Date d, int minute) { return to_string(EventTime{d, static_cast<std::int16_t>(minute)}); }

// --- trace ------------------------------------------------------------------

struct Trace {
  std::vector<std::string> lines;
  void add(std::string line) { lines.push_back(std::move(line)); }
};

// "2016-10-08（周六，调休上班）".
std::string describe(const Calendar& cal, Date d) {
  std::string s = to_string(d) + "（" + std::string(weekday_name(d));
  if (auto info = cal.day(d)) {
    switch (info->kind) {
      case DayKind::workday: break;
      case DayKind::makeup_workday: s += "，调休上班"; break;
      case DayKind::weekend: s += "，休息日"; break;
      case DayKind::statutory_holiday: s += "，法定节假日"; break;
      case DayKind::swapped_rest_day: s += "，调休休息"; break;
    }
    if (!info->workday && !info->festival.empty()) s += "·" + std::string(info->festival);
    if (info->projected) s += "，推算";
  }
  return s + "）";
}

const char* unit_zh(ast::Unit u) {
  switch (u) {
    case ast::Unit::working_days: return "个工作日";
    case ast::Unit::days: return "日";
    case ast::Unit::hours: return "小时";
    case ast::Unit::weeks: return "周";
    case ast::Unit::months: return "个月";
    case ast::Unit::years: return "年";
  }
  return "";
}

// --- errors -----------------------------------------------------------------

EvalError eval_error(ErrorCode code, std::string message, std::vector<std::string> needed, std::uint16_t item) {
  return EvalError{Error{code, std::move(message), {}, {}}, std::move(needed), item};
}
EvalError from_error(Error e, std::uint16_t item) { return EvalError{std::move(e), {}, item}; }

EvalError missing_year(std::uint16_t item) {
  return eval_error(ErrorCode::missing_context, "需要计划年度", {"计划年度"}, item);
}

// --- compile ------------------------------------------------------------------

// Readings are few and repeat across rules: interned once, shared by every
// Schedule as a span (no copy, no allocation per evaluation).
std::span<const std::string> intern_readings(std::vector<std::string> notes) {
  if (notes.empty()) return {};
  static std::mutex mutex;
  static std::set<std::vector<std::string>> pool;
  const std::lock_guard lock(mutex);
  return *pool.insert(std::move(notes)).first;
}

// "2016年1月31日" / "1月31日" written where an event would be (自2016年1月31日起1个月内).
bool literal_date(std::string_view text, int& y, unsigned& m, unsigned& d) {
  auto number = [&](std::size_t& i, unsigned& out) {
    const std::size_t start = i;
    out = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 4) out = out * 10 + (text[i++] - '0');
    return i > start;
  };
  auto word = [&](std::size_t& i, std::string_view w) {
    if (text.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };
  std::size_t i = 0;
  unsigned a = 0, b = 0, c = 0;
  if (!number(i, a)) return false;
  if (word(i, "年")) {
    if (!number(i, b) || !word(i, "月") || !number(i, c) || !(word(i, "日") || word(i, "号")) || i != text.size()) {
      return false;
    }
    y = static_cast<int>(a), m = b, d = c;
  } else {
    if (!word(i, "月") || !number(i, b) || !(word(i, "日") || word(i, "号")) || i != text.size()) return false;
    y = 0, m = a, d = b;
  }
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y == 0 || (y >= 1900 && y <= 2200));
}

std::string lexicon_key(std::string_view name) {
  const auto key = canonical_event(name);
  return std::string(key ? *key : name);
}

TriggerSpec compile_trigger(const ast::Trigger& t, const Policy& policy) {
  TriggerSpec spec;
  if (t.implicit()) return spec;
  spec.implicit = false;
  spec.key = t.event;
  spec.text = t.text.empty() ? t.event : t.text;
  int y = 0;
  unsigned m = 0, d = 0;
  if (literal_date(spec.text, y, m, d) || literal_date(spec.key, y, m, d)) {
    spec.literal = true, spec.literal_year = y, spec.literal_month = m, spec.literal_day = d;
  }
  if (!t.period.empty()) {
    for (const NamedPeriod& np : policy.named_periods) {
      if (np.name != t.period) continue;
      spec.has_period = true;
      spec.period_name = np.name;
      spec.period_length = np.length;
      spec.period_start = np.start_event;
      spec.period_start_key = lexicon_key(np.start_event);
    }
  }
  return spec;
}

void compile_anchor(const ast::CalendarAnchor& a, const Policy& policy, Step& s, std::vector<std::string>& notes) {
  s.op = Op::anchor;
  s.year_kind = a.year.kind;
  s.year_value = a.year.value;
  switch (a.kind) {
    case ast::AnchorKind::month_end: s.month = a.month, s.day = 0; break;
    case ast::AnchorKind::month_day:
      s.month = a.month, s.day = a.day;
      s.weekday = a.weekday;
      break;
    case ast::AnchorKind::month_before:
      // SPEC §3: literally the end of month M−1 (1月前: 12/31 of the year before); policy: the end of M.
      s.assumed |= assumed_ambiguous_reading;
      if (policy.month_before == MonthBeforeReading::month_end) {
        s.month = a.month, s.day = 0;
        notes.push_back("“" + std::to_string(a.month) + "月前”按" + std::to_string(a.month) +
                        "月底理解（策略 month_before=same）");
      } else {
        s.month = a.month == 1 ? 12 : a.month - 1, s.day = 0, s.year_delta = a.month == 1 ? -1 : 0;
        notes.push_back("“" + std::to_string(a.month) + "月前”有歧义，按字面理解为" + std::to_string(s.month) +
                        "月底（策略 month_before=previous；也常指" + std::to_string(a.month) + "月底）");
      }
      break;
    case ast::AnchorKind::xun:
      s.month = a.month;
      if (a.xun == ast::Xun::upper) s.day = 10;
      else if (a.xun == ast::Xun::lower) s.day = 0;
      else if (!a.before) s.day = 20;
      else {
        // SPEC §3: 中旬前 is ambiguous; default day 20, policy day 10 ("before the 11th").
        s.assumed |= assumed_ambiguous_reading;
        const bool before_middle = policy.xun_before == XunBeforeReading::before_middle;
        s.day = before_middle ? 10 : 20;
        notes.push_back(before_middle ? "“中旬前”按11日之前（当月10日）理解（策略 xun_before=10）"
                                      : "“中旬前”有歧义，按中旬末（当月20日）理解（策略 xun_before=20；也有人指11日之前）");
      }
      break;
    case ast::AnchorKind::quarter_end: s.month = a.quarter * 3, s.day = 0; break;
    case ast::AnchorKind::first_half:
    case ast::AnchorKind::mid_year: s.month = 6, s.day = 0; break;
    case ast::AnchorKind::second_half:
    case ast::AnchorKind::year_end: s.month = 12, s.day = 0; break;
    case ast::AnchorKind::month_only: s.month = a.month, s.day = 0; break;  // SPEC §8: the month's last day
    case ast::AnchorKind::month_start:
      // SPEC §8: 月初 is ambiguous; default day 10 (the end of 上旬), policy month_start.
      s.assumed |= assumed_ambiguous_reading;
      s.month = a.month, s.day = static_cast<unsigned>(policy.month_start_day);
      notes.push_back("“月初”有歧义，按当月" + std::to_string(policy.month_start_day) +
                      "日（上旬末）理解（策略 month_start）");
      break;
    case ast::AnchorKind::by_year:
      s.assumed |= assumed_policy_reading;
      s.month = 12, s.day = 0;
      notes.push_back("“到" + std::to_string(a.year.value) + "年”按该年12月31日理解（策略读法）");
      break;
  }
}

void set_offset(Step& s, ast::Direction dir, ast::Unit unit, int n) {
  s.op = Op::offset;
  s.direction = dir;
  s.unit = unit;
  s.n = n;
}

Step compile_item(const ast::Item& item, std::uint16_t index, const Policy& policy, Program& p) {
  Step s;
  s.item = index;
  s.label = item.label.empty() ? kDefaultLabel : intern(item.label);
  if (item.in_principle) p.notes.emplace_back("“原则上”：按规则要求计算，执行中可有例外");
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, ast::RelativeDeadline>) {
          s.trigger = compile_trigger(c.trigger, policy);
          set_offset(s, c.direction, c.amount.unit, static_cast<int>(c.amount.value));
        } else if constexpr (std::is_same_v<T, ast::CalendarAnchor>) {
          compile_anchor(c, policy, s, p.notes);
        } else if constexpr (std::is_same_v<T, ast::EventDeadline>) {
          s.op = Op::event_date;
          s.trigger = compile_trigger(c.trigger, policy);
        } else if constexpr (std::is_same_v<T, ast::EventGate>) {
          s.op = c.kind == ast::GateKind::prevails ? Op::prevails : Op::wait_for;
          s.trigger = compile_trigger(c.trigger, policy);
        } else if constexpr (std::is_same_v<T, ast::Recurrence>) {
          s.op = Op::recurrence;
          s.frequency = c.frequency;
          if (c.season) s.from_month = c.season->from_month, s.to_month = c.season->to_month;
          if (c.start_year) s.start_year = *c.start_year;
          if (c.offset) {
            s.has_offset = true;
            s.offset_unit = c.offset->unit;
            s.offset_n = static_cast<int>(c.offset->value);
          }
          s.weekdays = c.weekdays;
          s.workday_ordinal = c.workday_ordinal;
          s.months = c.months;
          if (c.due) {
            // The same readings as a one-off anchor (中旬前, M月前 and their knobs).
            // 每季度首月 (period_month 1) is due in the period's own first month: due_month 0.
            Step inner;
            compile_anchor(*c.due, policy, inner, p.notes);
            s.has_inner_due = true;
            s.due_month = c.due->month == 0 ? 0 : inner.month;
            s.due_day = inner.day;
            s.due_year_delta = inner.year_delta;
            s.assumed |= inner.assumed;
            if (c.next_month) {  // SPEC §3 has 次年 for years; 次月 read alike (grammar/POLICIES.md)
              s.due_next_month = true;
              s.assumed |= assumed_policy_reading;
              p.notes.push_back("“次月”按每期（月）之后一个月理解（策略读法）");
            }
          }
        } else if constexpr (std::is_same_v<T, ast::HolidayRecurrence>) {
          s.op = Op::holidays;
        } else if constexpr (std::is_same_v<T, ast::CountConstraint>) {
          s.op = Op::count;
          s.at_least = c.at_least;
          s.whole_window = c.scope != ast::CountScope::each_period;
          s.frequency = c.scope == ast::CountScope::each_period ? c.period : ast::Frequency::yearly;
        } else if constexpr (std::is_same_v<T, ast::DisplayInterval>) {
          s.op = Op::duration;
          if (item.label.empty() && !c.what.empty()) s.label = intern(c.what);
          (c.minimum.unit == ast::Unit::working_days ? s.min_working_days : s.min_days) = c.minimum.value;
          if (c.min_working_days) s.min_working_days = std::max(s.min_working_days, *c.min_working_days);
          s.start_key = lexicon_key((c.what.empty() ? std::string("公示") : c.what) + "开始");
        } else if constexpr (std::is_same_v<T, ast::Timely>) {
          s.trigger = compile_trigger(c.trigger, policy);
          s.assumed |= assumed_policy_reading;
          switch (c.kind) {
            case ast::Timeliness::timely:
              set_offset(s, ast::Direction::after, ast::Unit::working_days, policy.timely_workdays);
              p.notes.push_back("“及时”按起算事件后" + std::to_string(policy.timely_workdays) +
                                "个工作日计（政府信息公开条例第26条；策略 timely）");
              break;
            case ast::Timeliness::first_moment:
              set_offset(s, ast::Direction::after, ast::Unit::hours, policy.first_moment_hours);
              p.notes.push_back("“第一时间”按起算事件后" + std::to_string(policy.first_moment_hours) +
                                "小时计（策略 first_moment）");
              break;
            case ast::Timeliness::immediate:
            case ast::Timeliness::real_time:
            case ast::Timeliness::synchronous:
              s.op = Op::same_day;
              p.notes.push_back("“即时/实时/同步”按起算事件当日计");
              break;
          }
        } else if constexpr (std::is_same_v<T, ast::Continuous>) {
          s.op = Op::continuous;
        } else {
          s.op = Op::none;  // Ongoing, Unspecified, ExternalReference
        }
      },
      item.clause);
  if (s.op == Op::offset && s.n == 0 && s.unit != ast::Unit::hours) s.op = Op::same_day;
  const ast::Trigger* t = std::visit(
      [](const auto& c) -> const ast::Trigger* {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, ast::RelativeDeadline> || std::is_same_v<T, ast::EventDeadline> ||
                      std::is_same_v<T, ast::Timely> || std::is_same_v<T, ast::EventGate>) {
          return &c.trigger;
        } else {
          return nullptr;
        }
      },
      item.clause);
  if (t != nullptr && t->alternatives.size() > 1 && s.op != Op::prevails && s.op != Op::wait_for) {
    // SPEC §8: any alternative's event satisfies T; each one given is a deadline of its own.
    for (const std::string& alt : t->alternatives) {
      Step a = s;
      ast::Trigger one;
      one.text = alt;
      one.event = alt;
      one.period = t->period;
      a.trigger = compile_trigger(one, policy);
      a.alternative_label = intern(std::string(s.label) + "（" + alt + "）");
      s.alternatives.push_back(std::move(a));
    }
  }
  return s;
}

// --- evaluation ---------------------------------------------------------------

struct Instant {
  Date date;
  int minute = -1;  // -1: date only
  std::uint8_t assumed = 0;
};

class Run {
 public:
  Run(const Program& p, const Context& ctx, Trace* trace) : p_(p), cal_(*p.calendar), ctx_(ctx), trace_(trace) {}

  // Fills `out` in place (no move of the result); false: take_error() says why.
  bool run(Schedule& out) {
    out.kind = p_.kind;
    out.classification = p_.classification;
    out.readings = p_.readings;
    if (ctx_.plan_year && (*ctx_.plan_year < cal_.first_day().year() || *ctx_.plan_year > cal_.last_day().year())) {
      error_ = eval_error(ErrorCode::out_of_range,
                          "年份 " + std::to_string(*ctx_.plan_year) + " 超出日历范围（" +
                              std::to_string(cal_.first_day().year()) + "–" + std::to_string(cal_.last_day().year()) +
                              "）",
                          {}, 0);
      return false;
    }
    for (const Step& s : p_.steps) {
      if (trace_) trace_->add(std::to_string(s.item + 1) + ". " + step_title(s));
      if (auto e = s.alternatives.empty() ? step(s, out) : alternatives(s, out)) return error_ = std::move(*e), false;
    }
    if (p_.prevails >= 0) apply_prevails(p_.steps[static_cast<std::size_t>(p_.prevails)], out);
    // Backward as forward: a deadline outside the calendar is an error, never
    // a silent date (形成文件前9999个月, 次年1月中旬前 in the calendar's last year).
    for (const Deadline& d : out) {
      if (!d.has_due) continue;  // a min_duration with no known start has no dates yet
      if (!cal_.contains(d.due)) {
        error_ = eval_error(ErrorCode::out_of_range, range_message(d.due), {}, d.item);
        return false;
      }
    }
    return true;
  }

  EvalError take_error() const { return std::move(*error_); }

 private:
  using Err = std::optional<EvalError>;

  [[gnu::noinline]] std::string step_title(const Step& s) const {
    switch (s.op) {
      case Op::offset:
        return (s.trigger.implicit ? std::string("（未写起算事件）") : s.trigger.text) +
               (s.direction == ast::Direction::after ? "后" : "前") + std::to_string(s.n) + unit_zh(s.unit) +
               "：" + std::string(s.label);
      case Op::same_day: return "起算事件当日：" + std::string(s.label);
      case Op::anchor: return "日历锚定期限：" + std::string(s.label);
      case Op::event_date: return s.trigger.text + "前：" + std::string(s.label);
      case Op::recurrence: {
        static constexpr const char* kNames[] = {"每日", "每周", "每月", "每季度", "每半年", "每年"};
        return std::string("周期性义务：") + kNames[static_cast<int>(s.frequency)] +
               (s.start_year ? "（自" + std::to_string(s.start_year) + "年起）" : std::string());
      }
      case Op::holidays: return "节前（每个节假日休息段之前的最后一个工作日）";
      case Op::count: return "次数要求：每期至少" + std::to_string(s.at_least) + "次";
      case Op::duration: return "公示期限要求";
      case Op::continuous: return "全年持续";
      case Op::prevails: return "以" + s.trigger.text + "时间为准";
      case Op::wait_for: return "待" + s.trigger.text + "后";
      case Op::none: return "无可检查的期限（" + std::string(to_string(p_.classification)) + "）";
    }
    return {};
  }

  // SPEC §3: Y from context, or an error that says Y is needed.
  expected<int, EvalError> plan_year(const Step& s) const {
    if (ctx_.plan_year) return *ctx_.plan_year;
    return unexpected(missing_year(s.item));
  }

  // SPEC §1: provisional when a projected year was used; strict calendars refuse.
  Err mark(Deadline& d, Date a, Date b) const {
    d.provisional = std::max(a, b) >= p_.first_projected && cal_.projected_between(a, b);
    if (d.provisional && cal_.strict()) {
      const int year = (a < b ? b : a).year();
      return eval_error(ErrorCode::projected_year,
                        "严格模式：" + std::to_string(year) + "年尚无国务院办公厅节假日安排通知，期限只能推算",
                        {}, d.item);
    }
    if (d.provisional && trace_) trace_->add("   注意：用到了推算的年份（尚无放假通知），结果为临时结果");
    return std::nullopt;
  }

  Err roll(Date& d, Roll r, std::uint16_t item) const {
    if (r == Roll::unadjusted) return std::nullopt;
    auto moved = r == Roll::following ? cal_.following(d) : cal_.preceding(d);
    if (!moved) return from_error(std::move(moved).error(), item);
    if (trace_ && *moved != d) {
      trace_->add("   " + describe(cal_, d) + "为休息日，" + (r == Roll::following ? "顺延至 " : "提前至 ") +
                  describe(cal_, *moved));
    }
    d = *moved;
    return std::nullopt;
  }

  // SPEC §2: a calendar-day period ending on a rest day ends on the next
  // working day; a 调休 make-up weekend day ends it unless the policy says not.
  Err end_of_period(Date& d, std::uint16_t item) const {
    Date end = d;
    for (;;) {
      auto work = cal_.is_workday(end);
      if (!work.has_value()) return from_error(std::move(work).error(), item);
      if (*work && (p_.makeup_ends_period || !end.is_weekend())) break;
      end += 1;
    }
    if (end == d) return std::nullopt;
    if (trace_) {
      trace_->add("   期满日 " + describe(cal_, d) + (p_.makeup_ends_period ? "为休息日" : "为休息日或调休上班日") +
                  "，顺延至 " + describe(cal_, end) + "（民法典第203条）");
    }
    d = end;
    return std::nullopt;
  }

  // Resolves T (SPEC §2): an explicit event by name or alias, a literal date,
  // a named period's end; an implicit one through 待T后, the only event, or
  // the policy's default trigger.
  // false: error_ says why.
  bool resolve(const Step& s, Instant& out) const {
    const TriggerSpec& t = s.trigger;
    if (!trace_) {  // the common cases, without building an expected
      if (!t.implicit) {
        if (const auto* e = ctx_.find(t.key, t.text)) {
          // Field by field: a whole-struct assignment is built on the stack and
          // re-read wider than it was written (a store-forwarding stall).
          out.date = e->time.date;
          out.minute = e->time.minute;
          out.assumed = 0;
          return usable(out, s);
        }
      } else if (p_.wait_for < 0 && ctx_.events().size() == 1) {
        out.date = ctx_.events()[0].time.date;
        out.minute = ctx_.events()[0].time.minute;
        out.assumed = 0;
        return usable(out, s);
      }
    }
    auto r = resolve_impl(s);
    if (!r) return error_ = std::move(r).error(), false;
    out = *r;
    return usable(out, s);
  }

  // An event's date-time as the API boundary lets it in: inside the calendar
  // (so offsets from it neither leave the range silently nor overflow) and a
  // real time of day. false: error_ says why.
  bool usable(const Instant& t, const Step& s) const {
    // Events may lie a little outside (形成文件=2000-12-31, 后3日 is 2001-01-03):
    // the deadlines are range-checked at the end; the margin keeps 9999年 from overflowing.
    constexpr std::int64_t kMargin = 4'000'000;  // days, ~10950 years
    const std::int64_t day = t.date.days_since_epoch();
    const bool near = day - cal_.first_day().days_since_epoch() >= -kMargin &&
                      day - cal_.last_day().days_since_epoch() <= kMargin;
    if (near && t.minute >= -1 && t.minute < 24 * 60) return true;
    error_ = bad_instant(t, s);
    return false;
  }
  [[gnu::noinline]] EvalError bad_instant(const Instant& t, const Step& s) const {
    const std::string what = s.trigger.text.empty() ? std::string("起算事件") : "事件\"" + s.trigger.text + "\"";
    if (t.minute < -1 || t.minute >= 24 * 60) {
      return eval_error(ErrorCode::invalid_argument,
                        what + "的时刻无效（时应为0–23，分应为0–59）", {}, s.item);
    }
    return eval_error(ErrorCode::out_of_range, what + "的" + range_message(t.date), {}, s.item);
  }
  std::string range_message(Date d) const {
    return "日期 " + to_string(d) + " 超出日历范围（" + to_string(cal_.first_day()) + " 至 " +
           to_string(cal_.last_day()) + "）";
  }

  [[gnu::noinline]] expected<Instant, EvalError> resolve_impl(const Step& s) const {
    const TriggerSpec& t = s.trigger;
    if (t.implicit) {
      if (p_.wait_for >= 0) return resolve_impl(p_.steps[static_cast<std::size_t>(p_.wait_for)]);
      const auto& events = ctx_.events();
      if (events.size() == 1) {
        if (trace_) trace_->add("   未写起算事件：取上下文中唯一的事件“" + events[0].name + "” = " + to_string(events[0].time));
        return Instant{events[0].time.date, events[0].time.minute, 0};
      }
      if (!p_.default_trigger.empty()) {
        if (const auto* e = ctx_.find(p_.default_key, p_.default_trigger)) {
          if (trace_) trace_->add("   未写起算事件：按策略默认事件“" + p_.default_trigger + "” = " + to_string(e->time));
          return Instant{e->time.date, e->time.minute, assumed_default_trigger};
        }
      }
      std::vector<std::string> needed;
      if (!p_.default_trigger.empty()) needed.push_back(p_.default_trigger);
      if (events.empty()) {
        return unexpected(eval_error(
            ErrorCode::missing_context,
            p_.default_trigger.empty() ? std::string("需要起算事件的日期：规则未写明起算事件，请提供一个事件")
                                       : "需要起算事件的日期：规则未写明起算事件，请提供一个事件，或事件\"" +
                                             p_.default_trigger + "\"的日期",
            std::move(needed), s.item));
      }
      std::string names;
      // The first few names: a register cell may give 100,000 events.
      constexpr std::size_t kNamesShown = 5;
      for (std::size_t i = 0; i < events.size() && i < kNamesShown; ++i) names += (i ? "、" : "") + events[i].name;
      if (events.size() > kNamesShown) names += "等" + std::to_string(events.size()) + "个";
      return unexpected(eval_error(ErrorCode::missing_context,
                                   "无法确定起算事件：规则未写明起算事件，而上下文有多个事件（" + names + "）；请只提供一个" +
                                       (p_.default_trigger.empty() ? std::string()
                                                                   : "，或提供事件\"" + p_.default_trigger + "\"的日期"),
                                   std::move(needed), s.item));
    }
    if (const auto* e = ctx_.find(t.key, t.text)) {
      if (trace_) trace_->add("   起算事件“" + t.text + "” = " + to_string(e->time) + (e->name != t.text ? "（上下文写作“" + e->name + "”）" : std::string()));
      return Instant{e->time.date, e->time.minute, 0};
    }
    if (t.literal) {
      int y = t.literal_year;
      if (y == 0) {
        if (!ctx_.plan_year) return unexpected(missing_year(s.item));
        y = *ctx_.plan_year;
      }
      auto d = Date::from_ymd(y, t.literal_month, t.literal_day);
      if (!d) return unexpected(from_error(std::move(d).error(), s.item));
      if (trace_) trace_->add("   起算日“" + t.text + "” = " + describe(cal_, *d));
      return Instant{*d, -1, 0};
    }
    if (t.has_period) {
      if (const auto* e = ctx_.find(t.period_start_key, t.period_start)) {
        // SPEC §5: the named period counted from its start event with the rest-day rule.
        if (trace_) {
          trace_->add("   " + t.period_name + "自“" + t.period_start + "” " + describe(cal_, e->time.date) + "起算，期间" +
                      std::to_string(t.period_length.value) + unit_zh(t.period_length.unit));
        }
        auto end = offset(Instant{e->time.date, -1, 0}, ast::Direction::after, t.period_length.unit,
                          static_cast<int>(t.period_length.value), s.item);
        if (!end) return unexpected(std::move(end).error());
        if (trace_) trace_->add("   " + t.period_name + "届满 " + describe(cal_, end->date));
        return Instant{end->date, -1, 0};
      }
      return unexpected(eval_error(ErrorCode::missing_context,
                                   "需要事件\"" + t.text + "\"的日期（或\"" + t.period_start + "\"的日期，" +
                                       t.period_name + "按" + std::to_string(t.period_length.value) +
                                       unit_zh(t.period_length.unit) + "计算）",
                                   {t.key, t.period_start}, s.item));
    }
    return unexpected(eval_error(ErrorCode::missing_context, "需要事件\"" + t.text + "\"的日期", {t.key}, s.item));
  }

  // SPEC §2: counting from T, the day of T not counted.
  expected<Instant, EvalError> offset(Instant t, ast::Direction dir, ast::Unit unit, int n, std::uint16_t item) const {
    const bool after = dir == ast::Direction::after;
    Instant r{t.date, -1, t.assumed};
    switch (unit) {
      case ast::Unit::working_days: {
        auto d = cal_.add_workdays(t.date, after ? n : -n);
        if (!d) return unexpected(from_error(std::move(d).error(), item));
        r.date = *d;
        if (trace_) trace_workdays(t.date, after ? n : -n);
        return r;
      }
      case ast::Unit::hours: {
        int minute = t.minute;
        if (minute < 0) {
          minute = 0;
          r.assumed |= assumed_midnight;
          if (trace_) trace_->add("   “" + to_string(t.date) + "”只有日期，按当日00:00计");
        }
        const long total = long{minute} + (after ? 1L : -1L) * n * 60L;
        const long days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
        r.date = t.date + static_cast<std::int32_t>(days);
        r.minute = static_cast<int>(total - days * 1440);  // [0, 1439]
        // Hours are never rolled to a working day, so nothing else asks the
        // calendar about this date: a due time past its range is an error here.
        if (auto in_range = cal_.is_workday(r.date); !in_range.has_value()) {
          return unexpected(from_error(std::move(in_range).error(), item));
        }
        if (trace_) {
          trace_->add("   " + format_time(t.date, minute) + (after ? " 加 " : " 减 ") + std::to_string(n) +
                      "小时 = " + format_time(r.date, r.minute) + "（按小时计算，不顺延）");
        }
        return r;
      }
      case ast::Unit::days:
      case ast::Unit::weeks:
      case ast::Unit::months:
      case ast::Unit::years: {
        const int days = unit == ast::Unit::days ? n : unit == ast::Unit::weeks ? 7 * n : 0;
        const int months = unit == ast::Unit::months ? n : unit == ast::Unit::years ? 12 * n : 0;
        r.date = months != 0 ? add_months(t.date, after ? months : -months) : t.date + (after ? days : -days);
        if (trace_) {
          trace_->add("   " + describe(cal_, t.date) + (after ? "后" : "前") + std::to_string(n) + unit_zh(unit) + "：" +
                      describe(cal_, r.date) +
                      (months != 0 ? "（对应日，无对应日取月末，民法典第202条）" : "（起算日不计入）"));
        }
        if (after) {
          if (auto e = end_of_period(r.date, item)) return unexpected(std::move(*e));
        } else if (auto e = roll(r.date, p_.backward_roll, item)) {
          return unexpected(std::move(*e));
        }
        return r;
      }
    }
    return r;
  }

  [[gnu::noinline]] void trace_workdays(Date from, int n) const {
    const int count = n < 0 ? -n : n;
    std::string line = "   自" + describe(cal_, from) + "起" + (n < 0 ? "往前" : "");
    int skipped = 0;
    Date d = from;
    for (int i = 1; i <= count; ++i) {
      auto next = cal_.add_workdays(d, n < 0 ? -1 : 1);
      if (!next) return;
      skipped += (n < 0 ? d - *next : *next - d) - 1;
      d = *next;
      if (count <= 10 || i <= 2 || i == count) {
        line += (i == 1 ? "第1个工作日 " : "，第" + std::to_string(i) + "个 ") + describe(cal_, d);
      } else if (i == 3) {
        line += "，…";
      }
    }
    if (skipped > 0) line += "（其间跳过休息日" + std::to_string(skipped) + "天）";
    trace_->add(line);
  }

  // A new deadline constructed in place in `out` (no copies of a half-written
  // struct: those stall store forwarding on the hot path).
  static Deadline& make(Schedule& out, const Step& s, Date due, Date start, Date end) {
    Deadline& d = out.emplace_back();
    d.label = s.label;
    d.due = due;
    d.period_start = start;
    d.period_end = end;
    d.assumed = s.assumed;
    d.item = s.item;
    return d;
  }

  void trace_result(const Deadline& d) const {
    if (trace_) trace_line(d);
  }

  [[gnu::noinline]] void trace_line(const Deadline& d) const {
    std::string flags;
    if (d.provisional) flags += "，临时（推算年份）";
    for (auto a : assumption_names(d.assumed)) flags += std::string("，假定:") + std::string(a);
    trace_->add("   → " + std::string(d.label) + " " + (d.has_due ? d.due_string() : std::string("（无固定日期）")) + flags);
  }

  Err finish(Deadline& d, Date a, Date b) const {
    if (auto e = mark(d, a, b)) return e;
    trace_result(d);
    return std::nullopt;
  }

  // 信息形成或者变更 (SPEC §8): a deadline for every alternative the context
  // names; none named is a missing-context error listing them all.
  Err alternatives(const Step& s, Schedule& out) const {
    // An event named as T is written (制定或获取信息) is T itself.
    if (ctx_.find(s.trigger.text, s.trigger.text) != nullptr) {
      Step whole = s.alternatives.front();
      whole.trigger = s.trigger;
      whole.trigger.key = s.trigger.text;
      return step(whole, out);
    }
    std::vector<std::string> needed;
    std::string names;
    std::vector<bool> found;
    for (const Step& a : s.alternatives) found.push_back(ctx_.find(a.trigger.key, a.trigger.text) != nullptr);
    const auto given = static_cast<std::size_t>(std::count(found.begin(), found.end(), true));
    for (std::size_t k = 0; k < s.alternatives.size(); ++k) {
      const Step& a = s.alternatives[k];
      if (!found[k]) {
        needed.push_back(a.trigger.key);
        names += (names.empty() ? "\"" : "或\"") + a.trigger.text + "\"";
        continue;
      }
      if (trace_) trace_->add("   起算事件之一：“" + a.trigger.text + "”");
      const std::size_t first = out.size();
      if (auto e = step(a, out)) return e;
      // Several alternatives given: each deadline says which one it counts from.
      if (given > 1)
        for (std::size_t k = first; k < out.size(); ++k) out[k].label = a.alternative_label;
    }
    if (given > 0) return std::nullopt;
    return eval_error(ErrorCode::missing_context, "需要事件" + names + "的日期（任一即可，各自一个期限）",
                      std::move(needed), s.item);
  }

  Err step(const Step& s, Schedule& out) const {
    switch (s.op) {
      case Op::offset: {
        Instant t;
        if (!resolve(s, t)) return take_error();
        // Plain locals, not an Instant: re-reading a just-written struct as a
        // wider word stalls store forwarding on this hot path.
        Date due;
        int minute = -1;
        std::uint8_t assumed = t.assumed;
        if (s.unit == ast::Unit::working_days && !trace_) {
          auto d = cal_.add_workdays(t.date, s.direction == ast::Direction::after ? s.n : -s.n);
          if (!d) return from_error(std::move(d).error(), s.item);
          due = *d;
        } else {
          auto o = offset(t, s.direction, s.unit, s.n, s.item);
          if (!o) return std::move(o).error();
          due = o->date;
          minute = o->minute;
          assumed = o->assumed;
        }
        const Date from = std::min(t.date, due), to = std::max(t.date, due);
        Deadline& d = make(out, s, due, from, to);
        d.minute = static_cast<std::int16_t>(minute);
        d.assumed |= assumed;
        return finish(d, from, to);
      }
      case Op::same_day:
      case Op::event_date: {
        Instant resolved;
        if (!resolve(s, resolved)) return take_error();
        const Instant* t = &resolved;
        const Date start = s.op == Op::event_date && ctx_.plan_year && year_first(*ctx_.plan_year) <= t->date
                               ? year_first(*ctx_.plan_year)
                               : t->date;
        Deadline& d = make(out, s, t->date, start, t->date);
        d.assumed |= t->assumed;
        if (trace_) trace_->add("   期限为该事件当日（含当日）");
        return finish(d, t->date, t->date);
      }
      case Op::anchor: return anchor(s, out);
      case Op::recurrence: return recurrence(s, out);
      case Op::holidays: return holidays(s, out);
      case Op::count: return count(s, out);
      case Op::duration: return duration(s, out);
      case Op::continuous: {
        auto y = plan_year(s);
        if (!y) return std::move(y).error();
        Deadline& d = make(out, s, year_last(*y), year_first(*y), year_last(*y));
        d.type = Obligation::continuous;
        if (trace_) trace_->add("   贯穿" + std::to_string(*y) + "年全年，于12月31日检查");
        return finish(d, d.period_start, d.period_end);
      }
      case Op::prevails:
      case Op::none: return std::nullopt;
      case Op::wait_for:
        if (p_.steps.size() == 1 && trace_) trace_->add("   须待该事件发生后才开始，没有可计算的期限");
        return std::nullopt;
    }
    return std::nullopt;
  }

  // SPEC §3.
  Err anchor(const Step& s, Schedule& out) const {
    int year = s.year_value;
    if (s.year_kind != ast::YearKind::explicit_year) {
      if (!ctx_.plan_year) return missing_year(s.item);
      year = *ctx_.plan_year + (s.year_kind == ast::YearKind::next ? 1 : 0);
    }
    year += s.year_delta;
    Date due;
    if (s.day == 0) {
      due = month_last(year, s.month);
    } else if (s.day <= days_in_month(year, s.month)) {
      due = make_date(year, s.month, s.day);
    } else {
      auto d = Date::from_ymd(year, s.month, s.day);  // the error: 2017年2月只有28天
      if (!d) return from_error(std::move(d).error(), s.item);
      due = *d;
    }
    // A release calendar's 1月17/二: the weekday written must be the date's,
    // or the row is wrong (another year's calendar, a typo): never a silent date.
    if (s.weekday != 0 && due.iso_weekday() != s.weekday) {
      static constexpr const char* zh[] = {"", "一", "二", "三", "四", "五", "六", "日"};
      return eval_error(ErrorCode::invalid_argument,
                        std::to_string(year) + "年" + std::to_string(s.month) + "月" + std::to_string(s.day) + "日是星期" +
                            zh[due.iso_weekday()] + "，与规则写的星期" + zh[s.weekday] + "不符",
                        {}, s.item);
    }
    if (trace_) {
      trace_->add("   " + std::string(s.year_kind == ast::YearKind::next ? "次年" : "") + std::to_string(year) + "年" +
                  std::to_string(s.month) + "月" + (s.day == 0 ? "最后一天" : std::to_string(s.day) + "日") + "：" +
                  describe(cal_, due) + "（含当日）");
    }
    if (auto e = roll(due, p_.absolute_roll, s.item)) return e;
    const int first_year = ctx_.plan_year ? std::min(*ctx_.plan_year, year_of(due)) : year_of(due);
    Deadline& d = make(out, s, due, year_first(first_year), due);
    return finish(d, due, due);
  }

  struct Window {
    int year;
    Date first, last;
  };

  // The recurrence window (SPEC §4): the plan year, narrowed by a season;
  // 自YYYY年起 with no plan year: that year.
  expected<std::optional<Window>, EvalError> window(const Step& s, Schedule& out) const {
    int y = 0;
    if (ctx_.plan_year) {
      y = *ctx_.plan_year;
    } else if (s.start_year != 0) {
      y = s.start_year;
      out.notes.push_back("未给计划年度：按起始年" + std::to_string(y) + "年计算");
    } else {
      return unexpected(missing_year(s.item));
    }
    if (s.start_year > y) {
      out.notes.push_back("自" + std::to_string(s.start_year) + "年起：" + std::to_string(y) + "年无期限");
      if (trace_) trace_->add("   自" + std::to_string(s.start_year) + "年起，" + std::to_string(y) + "年不适用");
      return std::optional<Window>{};
    }
    return std::optional<Window>{Window{y, make_date(y, s.from_month, 1), month_last(y, s.to_month)}};
  }

  // Calls f(period_start, period_end) for each period of `freq` in the window.
  template <class F>
  Err periods(ast::Frequency freq, const Window& w, F&& f) const {
    switch (freq) {
      case ast::Frequency::daily:
        for (Date d = w.first; d <= w.last; d += 1)
          if (auto e = f(d, d)) return e;
        return std::nullopt;
      case ast::Frequency::weekly: {
        // ISO weeks whose Sunday is in the window: 2016 → 01-03 … 12-25 (52).
        Date sunday = w.first + static_cast<std::int32_t>((7 - w.first.iso_weekday()) % 7);
        for (; sunday <= w.last; sunday += 7)
          if (auto e = f(sunday - 6, sunday)) return e;
        return std::nullopt;
      }
      case ast::Frequency::semi_monthly:
        // 每半月 (SPEC §8): 1–15 and 16–end of each month.
        for (unsigned m = 1; m <= 12; ++m) {
          for (const auto& [first, last] : {std::pair{make_date(w.year, m, 1), make_date(w.year, m, 15)},
                                           std::pair{make_date(w.year, m, 16), month_last(w.year, m)}}) {
            const Date start = std::max(first, w.first), end = std::min(last, w.last);
            if (start <= end)
              if (auto e = f(start, end)) return e;
          }
        }
        return std::nullopt;
      default: {
        const unsigned step = freq == ast::Frequency::monthly ? 1 : freq == ast::Frequency::bimonthly ? 2
                              : freq == ast::Frequency::quarterly ? 3
                              : freq == ast::Frequency::half_yearly                               ? 6
                                                                                                  : 12;
        for (unsigned m = 1; m <= 12; m += step) {
          // Periods clipped to the window (a season): 4–10月每季度 → 4–6, 7–9, 10.
          const Date start = std::max(make_date(w.year, m, 1), w.first);
          const Date end = std::min(month_last(w.year, m + step - 1), w.last);
          if (start <= end)
            if (auto e = f(start, end)) return e;
        }
        return std::nullopt;
      }
    }
  }

  Err recurrence(const Step& s, Schedule& out) const {
    auto w = window(s, out);
    if (!w) return std::move(w).error();
    if (!*w) return std::nullopt;
    const Window win = **w;
    if (s.frequency == ast::Frequency::daily) out.reserve(static_cast<std::size_t>(win.last - win.first + 1));
    else if (s.frequency == ast::Frequency::weekly) out.reserve(53);
    if (trace_) {
      trace_->add("   窗口 " + to_string(win.first) + " 至 " + to_string(win.last) +
                  (s.frequency == ast::Frequency::weekly ? "；每周按周一至周日、周日在窗口内的ISO周" : "") +
                  (s.has_inner_due ? std::string("；期限为每期内的指定日期（该月无此日则取月末）")
                   : s.has_offset  ? "；期限为每期结束后" + std::to_string(s.offset_n) + unit_zh(s.offset_unit)
                                   : std::string("；期限为每期最后一天")));
    }
    if (s.weekdays) return weekdays(s, win, out);
    if (s.months) return listed_months(s, win, out);
    Trace* saved = trace_;
    std::size_t index = 0;
    return periods(s.frequency, win, [&](Date start, Date end) -> Err {
      ++index;
      trace_ = index <= 3 ? saved : nullptr;  // the first periods in full; the rest as results
      Date due = end;
      int minute = -1;
      std::uint8_t assumed = 0;
      if (s.workday_ordinal != 0) {
        // 每月第N个工作日 / 最后一个工作日 (SPEC §8), through the calendar.
        auto d = s.workday_ordinal > 0 ? cal_.add_workdays(start - 1, s.workday_ordinal) : cal_.preceding(end);
        if (!d) return trace_ = saved, from_error(std::move(d).error(), s.item);
        if (*d < start || *d > end) {
          trace_ = saved;
          return eval_error(ErrorCode::out_of_range,
                            to_string(start) + "至" + to_string(end) + "没有第" + std::to_string(s.workday_ordinal) +
                                "个工作日",
                            {}, s.item);
        }
        due = end = *d;
        if (trace_) trace_->add("   本期 " + to_string(start) + " 起，期限 " + describe(cal_, due));
      } else if (s.has_inner_due) {
        // 每月10日前: in the period's month; 每年3月底前: month 3 of the period's year.
        int y = year_of(start) + s.due_year_delta;
        unsigned m = s.due_month == 0 ? start.month() : s.due_month;
        if (s.due_next_month) y += m == 12 ? 1 : 0, m = m == 12 ? 1 : m + 1;
        const unsigned last_day = days_in_month(y, m);
        due = make_date(y, m, s.due_day == 0 || s.due_day > last_day ? last_day : s.due_day);
        end = std::min(end, due);
        if (trace_) trace_->add("   本期 " + to_string(start) + " 起，期限 " + describe(cal_, due));
        if (auto e = roll(due, p_.absolute_roll, s.item)) return trace_ = saved, e;
      } else if (s.has_offset) {
        // Hours run from the end of the period's last day (24:00), not from 00:00.
        const Instant from = s.offset_unit == ast::Unit::hours ? Instant{end + 1, 0, 0} : Instant{end, -1, 0};
        auto r = offset(from, ast::Direction::after, s.offset_unit, s.offset_n, s.item);
        if (!r) return trace_ = saved, std::move(r).error();
        due = r->date;
        minute = r->minute;
        assumed = r->assumed;
      } else if (auto e = roll(due, p_.absolute_roll, s.item)) {
        return trace_ = saved, e;
      }
      Deadline& d = make(out, s, due, start, end);
      d.minute = static_cast<std::int16_t>(minute);
      d.assumed |= assumed;
      trace_ = saved;
      if (auto e = mark(d, start, due)) return e;
      if (trace_ && index <= 3) trace_result(d);
      return std::nullopt;
    });
  }

  // 每周五前, 每周二、四 (SPEC §8): day X of every week, for each X in the
  // window; each deadline's period runs from the day after the one before.
  Err weekdays(const Step& s, const Window& win, Schedule& out) const {
    Trace* saved = trace_;
    std::size_t index = 0;
    Date previous = win.first - 1;
    for (Date monday = win.first - static_cast<std::int32_t>(win.first.iso_weekday() - 1); monday <= win.last;
         monday += 7) {
      for (unsigned wd = 1; wd <= 7; ++wd) {
        if (!(s.weekdays & (1u << wd))) continue;
        const Date day = monday + static_cast<std::int32_t>(wd - 1);
        if (day < win.first || day > win.last) continue;
        trace_ = ++index <= 3 ? saved : nullptr;
        Date due = day;
        if (auto e = roll(due, p_.absolute_roll, s.item)) return trace_ = saved, e;
        Deadline& d = make(out, s, due, previous + 1, day);
        trace_ = saved;
        if (auto e = mark(d, previous + 1, due)) return e;
        if (trace_ && index <= 3) trace_result(d);
        previous = day;
      }
    }
    return std::nullopt;
  }

  // 每年1、4、7、10月8日之前 (SPEC §8): one deadline in each listed month.
  Err listed_months(const Step& s, const Window& win, Schedule& out) const {
    Date previous = win.first - 1;
    for (unsigned m = 1; m <= 12; ++m) {
      if (!(s.months & (1u << m))) continue;
      const unsigned last_day = days_in_month(win.year, m);
      Date due = make_date(win.year, m, s.due_day == 0 || s.due_day > last_day ? last_day : s.due_day);
      if (due < win.first || due > win.last) continue;
      const Date day = due;
      if (auto e = roll(due, p_.absolute_roll, s.item)) return e;
      Deadline& d = make(out, s, due, previous + 1, day);
      if (auto e = finish(d, previous + 1, due)) return e;
      previous = day;
    }
    return std::nullopt;
  }

  // SPEC §4: the last working day before each holiday block of a festival in the policy set.
  Err holidays(const Step& s, Schedule& out) const {
    auto y = plan_year(s);
    if (!y) return std::move(y).error();
    auto blocks = cal_.holiday_blocks(*y);
    if (!blocks) return from_error(std::move(blocks).error(), s.item);
    auto counted = [&](std::string_view name) {
      for (const auto& f : p_.festivals) {
        std::size_t at = 0;
        while ((at = name.find(f, at)) != std::string_view::npos) {
          const std::size_t after = at + f.size();
          if ((at == 0 || name.substr(at - 3, 3) == "、") && (after == name.size() || name.substr(after, 3) == "、")) {
            return true;
          }
          at = after;
        }
      }
      return false;
    };
    Date previous_end = year_first(*y) - 1;
    if (auto before = cal_.holiday_blocks(*y - 1); before && !before->empty()) previous_end = before->back().last;
    for (const HolidayBlock& b : *blocks) {
      if (!counted(b.festival)) {
        if (trace_) trace_->add("   " + std::string(b.festival) + "（不在策略节日集合中，跳过）");
        continue;
      }
      auto due = cal_.add_workdays(b.first, -1);
      if (!due) return from_error(std::move(due).error(), s.item);
      if (trace_) {
        trace_->add("   " + std::string(b.festival) + "休息 " + to_string(b.first) + " 至 " + to_string(b.last) +
                    "，之前最后一个工作日 " + describe(cal_, *due));
      }
      Deadline& d = make(out, s, *due, std::min(previous_end + 1, *due), *due);
      if (s.label == kDefaultLabel) d.label = intern(std::string(b.festival) + "前");
      previous_end = b.last;
      // Provisional when the block is projected (SPEC §1), even if the day
      // before it is not: 元旦 2027 makes 2026-12-31 the due date.
      if (auto e = finish(d, *due, b.last)) return e;
    }
    return std::nullopt;
  }

  // SPEC §5: at least N in each period (or the whole plan year).
  Err count(const Step& s, Schedule& out) const {
    auto y = plan_year(s);
    if (!y) return std::move(y).error();
    const Window win{*y, year_first(*y), year_last(*y)};
    if (trace_) trace_->add("   " + std::to_string(*y) + "年内每期至少" + std::to_string(s.at_least) + "次，于期末检查");
    return periods(s.whole_window ? ast::Frequency::yearly : s.frequency, win, [&](Date start, Date end) -> Err {
      Deadline& d = make(out, s, end, start, end);
      d.type = Obligation::count;
      d.at_least = s.at_least;
      return finish(d, start, end);
    });
  }

  // SPEC §5: a minimum display interval; with its start known, the earliest last day.
  Err duration(const Step& s, Schedule& out) const {
    Deadline& d = make(out, s, Date{}, Date{}, Date{});
    d.type = Obligation::min_duration;
    d.min_days = s.min_days;
    d.min_working_days = s.min_working_days;
    d.has_due = false;
    if (trace_) {
      trace_->add("   公示期[首日, 末日]（含首末日）须" +
                  (s.min_days ? "跨" + std::to_string(s.min_days) + "个日历日" : std::string()) +
                  (s.min_days && s.min_working_days ? "且" : "") +
                  (s.min_working_days ? "含至少" + std::to_string(s.min_working_days) + "个工作日" : std::string()));
    }
    if (const auto* e = ctx_.find(s.start_key, {})) {
      const Date first = e->time.date;
      Date last = first;
      if (s.min_days > 0) last = std::max(last, first + static_cast<std::int32_t>(s.min_days - 1));
      if (s.min_working_days > 0) {
        auto w = cal_.add_workdays(first - 1, static_cast<int>(s.min_working_days));
        if (!w) return from_error(std::move(w).error(), s.item);
        last = std::max(last, *w);
      }
      d.has_due = true;
      d.due = last;
      d.period_start = first;
      d.period_end = last;
      if (trace_) trace_->add("   自" + describe(cal_, first) + "起公示，最早可于 " + describe(cal_, last) + " 结束");
      return finish(d, first, last);
    }
    trace_result(d);
    return std::nullopt;
  }

  // SPEC §3: 以T时间为准 — T's date, when known, replaces the deadlines it qualifies.
  void apply_prevails(const Step& s, Schedule& out) const {
    const auto* e = ctx_.find(s.trigger.key, s.trigger.text);
    if (!e) {
      out.notes.push_back("以" + s.trigger.text + "时间为准：未提供该事件日期，暂按规则所写期限");
      if (trace_) trace_->add("   未提供“" + s.trigger.text + "”的日期，保留原期限");
      return;
    }
    bool replaced = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      Deadline& d = out[i];
      if (d.type != Obligation::by) continue;
      if (trace_) trace_->add("   " + std::string(d.label) + " " + d.due_string() + " 改为“" + s.trigger.text + "”的日期 " + to_string(e->time.date));
      d.due = e->time.date;
      d.minute = -1;
      d.period_end = std::max(d.period_end, d.due);
      d.period_start = std::min(d.period_start, d.due);
      d.provisional = cal_.projected_between(d.period_start, d.period_end);
      replaced = true;
    }
    if (!replaced) {
      Deadline& d = make(out, s, e->time.date, e->time.date, e->time.date);
      d.provisional = cal_.projected_between(d.due, d.due);
      trace_result(d);
    }
    out.notes.push_back("以" + s.trigger.text + "时间为准：" + to_string(e->time.date));
  }

  const Program& p_;
  const Calendar& cal_;
  const Context& ctx_;
  mutable Trace* trace_;
  mutable std::optional<EvalError> error_;
};

// Program::kernel rules without the interpreter: find the event, one
// add_workdays, write one deadline. Nothing is written unless it succeeds;
// false hands every other case (event missing or ambiguous, a date outside
// the calendar, a strict calendar and a projected year) to the general path,
// which computes the same result or the error.
bool run_kernel(const Program& p, const Context& ctx, Schedule& out) {
  const Step& s = p.steps[0];
  const Context::Event* e = nullptr;
  if (!s.trigger.implicit) {
    e = ctx.find(s.trigger.key, s.trigger.text);
  } else if (ctx.events().size() == 1) {
    e = ctx.events().data();
  }
  if (e == nullptr) return false;
  const Calendar& cal = *p.calendar;
  const Date from = e->time.date;
  const auto due = cal.add_workdays(from, p.kernel_workdays);
  if (!due) return false;
  const Date first = std::min(from, *due), last = std::max(from, *due);
  const bool provisional = last >= p.first_projected && cal.projected_between(first, last);
  if (provisional && cal.strict()) return false;
  out.kind = p.kind;
  out.classification = p.classification;
  out.readings = p.readings;
  // The template copied into its slot, then the dates written there: a
  // local Deadline re-read as a whole right after its fields were written
  // stalls store forwarding (a third of the time, measured).
  Deadline& d = out.push_back(p.kernel_deadline);
  d.due = *due;
  d.period_start = first;
  d.period_end = last;
  d.provisional = provisional;
  return true;
}

bool is_kernel(const Program& p) {
  if (p.steps.size() != 1 || p.prevails >= 0 || p.wait_for >= 0) return false;
  const Step& s = p.steps[0];
  return s.op == Op::offset && s.unit == ast::Unit::working_days && s.alternatives.empty();
}

Classification classify(ast::RuleKind kind) {
  switch (kind) {
    case ast::RuleKind::ongoing: return Classification::ongoing;
    case ast::RuleKind::unspecified: return Classification::unspecified;
    case ast::RuleKind::external: return Classification::external;
    default: return Classification::checkable;
  }
}

std::shared_ptr<const Program> empty_program() {
  static const auto program = [] {
    auto p = std::make_shared<Program>();
    p->calendar = &Calendar::china();
    return p;
  }();
  return program;
}

}  // namespace

Evaluator::Evaluator() : program_(empty_program()) {}
Evaluator::Evaluator(std::shared_ptr<const detail::Program> program) : program_(std::move(program)) {}

ast::RuleKind Evaluator::kind() const { return program_->kind; }

Evaluator compile(const ast::Rule& rule, const Calendar& calendar, const Policy& policy) {
  auto p = std::make_shared<Program>();
  p->calendar = &calendar;
  p->kind = rule.kind;
  p->classification = classify(rule.kind);
  p->absolute_roll = policy.absolute_roll;
  p->backward_roll = policy.backward_roll;
  p->makeup_ends_period = policy.makeup_day_ends_period;
  p->festivals = policy.festivals;
  p->default_trigger = policy.default_trigger;
  if (!policy.default_trigger.empty()) p->default_key = lexicon_key(policy.default_trigger);
  p->timely_workdays = policy.timely_workdays;
  p->first_projected = calendar.first_projected_day();
  p->first_moment_hours = policy.first_moment_hours;
  p->steps.reserve(rule.items.size());
  for (std::size_t i = 0; i < rule.items.size(); ++i) {
    p->steps.push_back(compile_item(rule.items[i], static_cast<std::uint16_t>(i), policy, *p));
    const Op op = p->steps.back().op;
    if (op == Op::prevails) p->prevails = static_cast<int>(i);
    if (op == Op::wait_for) p->wait_for = static_cast<int>(i);
  }
  p->readings = intern_readings(std::move(p->notes));
  if (is_kernel(*p)) {
    const Step& s = p->steps[0];
    p->kernel = true;
    p->kernel_workdays = s.direction == ast::Direction::after ? s.n : -s.n;
    p->kernel_deadline.label = s.label;
    p->kernel_deadline.assumed = s.assumed;
    p->kernel_deadline.item = s.item;
  }
  return Evaluator(std::move(p));
}

expected<Schedule, EvalError> Evaluator::evaluate(const Context& context) const {
  expected<Schedule, EvalError> result;  // an empty Schedule, filled in place
  if (program_->kernel && run_kernel(*program_, context, *result)) return result;
  Run run(*program_, context, nullptr);
  if (!run.run(*result)) result = unexpected(run.take_error());
  return result;
}

std::optional<EvalError> Evaluator::evaluate_into(const Context& context, Schedule& out) const {
  out.clear();
  if (program_->kernel && run_kernel(*program_, context, out)) return std::nullopt;
  Run run(*program_, context, nullptr);
  if (!run.run(out)) return run.take_error();
  return std::nullopt;
}

std::string Evaluator::explain(const Context& context) const {
  Trace trace;
  expected<Schedule, EvalError> result;
  Run run(*program_, context, &trace);
  if (!run.run(*result)) result = unexpected(run.take_error());
  std::string out;
  for (const auto& line : trace.lines) out += line + "\n";
  if (!result) {
    out += "无法计算：" + result.error().error.message + "\n";
    return out;
  }
  out += "结果：";
  if (result->empty()) out += std::string("无可检查的期限（") + to_string(result->classification) + "）";
  out += "\n";
  for (const Deadline& d : *result) {
    out += "  " + std::string(d.label) + "\t" + (d.has_due ? d.due_string() : std::string("-"));
    if (d.type == Obligation::count) out += "\t至少" + std::to_string(d.at_least) + "次（" + to_string(d.period_start) + " 至 " + to_string(d.period_end) + "）";
    if (d.type == Obligation::min_duration) {
      out += "\t公示不少于" + (d.min_days ? std::to_string(d.min_days) + "日" : std::string()) +
             (d.min_working_days ? std::to_string(d.min_working_days) + "个工作日" : std::string());
    }
    if (d.provisional) out += "\t临时（推算年份）";
    for (auto a : assumption_names(d.assumed)) out += "\t假定:" + std::string(a);
    out += "\n";
  }
  for (const auto& n : result->readings) out += "说明：" + n + "\n";
  for (const auto& n : result->notes) out += "说明：" + n + "\n";
  return out;
}

expected<Schedule, EvalError> due(std::string_view rule, const Context& context, const Calendar& calendar,
                                  const Policy& policy) {
  auto parsed = parse_rule(rule);
  if (!parsed) return unexpected(EvalError{std::move(parsed).error(), {}, 0});
  auto result = compile(*parsed, calendar, policy).evaluate(context);
  // A release calendar's weekday that the date does not have: with the text at
  // hand, the error points at the weekday as written (spans are bytes).
  if (!result && result.error().error.code == ErrorCode::invalid_argument && result.error().item < parsed->items.size()) {
    if (const auto* a = std::get_if<ast::CalendarAnchor>(&parsed->items[result.error().item].clause); a && a->weekday) {
      std::uint32_t chars = 0, line = 1, column = 1;
      for (std::size_t i = 0; i < a->weekday_span.begin && i < rule.size(); ++i) {
        if ((static_cast<unsigned char>(rule[i]) & 0xC0) == 0x80) continue;
        ++chars;
        if (rule[i] == '\n') ++line, column = 1;
        else ++column;
      }
      result.error().error.where = Location{line, column, chars};
    }
  }
  return result;
}

std::string explain(std::string_view rule, const Context& context, const Calendar& calendar, const Policy& policy) {
  auto parsed = parse_rule(rule);
  if (!parsed) return "无法解析：" + parsed.error().to_string() + "\n";
  return "规则：" + canonical(*parsed) + "\n" + compile(*parsed, calendar, policy).explain(context);
}

}  // namespace shixian
