// Canonical phrase, JSON, and policy notes for a parsed rule. The canonical
// spellings are chosen so that parsing them gives the same AST back
// (tests/parse_test.cpp checks this over the whole corpus and generated ASTs).
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/text.hpp"
#include "parse/strcat.hpp"
#include "shixian/parse.hpp"

namespace shixian {

namespace ast {
const char* to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::deadline: return "deadline";
    case RuleKind::milestones: return "milestones";
    case RuleKind::recurring: return "recurring";
    case RuleKind::count: return "count";
    case RuleKind::duration: return "duration";
    case RuleKind::timely: return "timely";
    case RuleKind::continuous: return "continuous";
    case RuleKind::ongoing: return "ongoing";
    case RuleKind::unspecified: return "unspecified";
    case RuleKind::external: return "external";
  }
  return "unknown";
}
}  // namespace ast

namespace {

using namespace ast;

const char* unit_zh(Unit u) {
  switch (u) {
    case Unit::working_days: return "个工作日";
    case Unit::days: return "日";
    case Unit::hours: return "小时";
    case Unit::weeks: return "周";
    case Unit::months: return "个月";
    case Unit::years: return "年";
  }
  return "";
}

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::working_days: return "working_days";
    case Unit::days: return "days";
    case Unit::hours: return "hours";
    case Unit::weeks: return "weeks";
    case Unit::months: return "months";
    case Unit::years: return "years";
  }
  return "";
}

const char* frequency_zh(Frequency f) {
  switch (f) {
    case Frequency::daily: return "每日";
    case Frequency::weekly: return "每周";
    case Frequency::monthly: return "每月";
    case Frequency::quarterly: return "每季度";
    case Frequency::half_yearly: return "每半年";
    case Frequency::yearly: return "每年";
    case Frequency::bimonthly: return "每两个月";
    case Frequency::semi_monthly: return "每半月";
  }
  return "";
}

const char* frequency_name(Frequency f) {
  switch (f) {
    case Frequency::daily: return "daily";
    case Frequency::weekly: return "weekly";
    case Frequency::monthly: return "monthly";
    case Frequency::quarterly: return "quarterly";
    case Frequency::half_yearly: return "half_yearly";
    case Frequency::yearly: return "yearly";
    case Frequency::bimonthly: return "bimonthly";
    case Frequency::semi_monthly: return "semi_monthly";
  }
  return "";
}

std::string amount_zh(const Amount& a) { return std::to_string(a.value) + unit_zh(a.unit); }

std::string year_zh(const YearRef& y) {
  if (y.kind == YearKind::explicit_year) return std::to_string(y.value) + "年";
  if (y.kind == YearKind::next) return "次年";
  return "";
}

std::string anchor_zh(const CalendarAnchor& a) {
  const std::string y = year_zh(a.year);
  const std::string m = std::to_string(a.month) + "月";
  switch (a.kind) {
    case AnchorKind::month_end: return y + m + "底前";
    case AnchorKind::month_day:
      if (a.weekday >= 1 && a.weekday <= 7) {  // a release calendar's 1月17/二 prints as written
        static constexpr const char* zh[] = {"", "一", "二", "三", "四", "五", "六", "日"};
        return y + m + std::to_string(a.day) + "/" + zh[a.weekday];
      }
      return y + m + std::to_string(a.day) + "日前";
    case AnchorKind::month_before: return y + m + "前";
    case AnchorKind::xun: {
      const char* x = a.xun == Xun::upper ? "上旬" : a.xun == Xun::middle ? "中旬" : "下旬";
      return y + m + x + (a.before ? "前" : "");
    }
    case AnchorKind::quarter_end: return y + "第" + std::to_string(a.quarter) + "季度末";
    case AnchorKind::first_half: return y + "上半年";
    case AnchorKind::second_half: return y + "下半年";
    case AnchorKind::mid_year: return y.empty() ? "年中" : y + "中";
    case AnchorKind::year_end: return y.empty() ? "年底前" : y + "底前";
    case AnchorKind::month_start: return y + m + "初";
    case AnchorKind::month_only: return y + m;
    case AnchorKind::by_year: return "到" + y;
  }
  return "";
}

// A due date inside each period: 10日前 (month 0: of every month), 3月底前.
std::string due_zh(const CalendarAnchor& a) {
  if (a.month != 0) return anchor_zh(a);
  switch (a.kind) {
    case AnchorKind::month_day: return std::to_string(a.day) + "日前";
    case AnchorKind::month_start: return "初";
    case AnchorKind::xun:
      return std::string(a.xun == Xun::upper ? "上旬" : a.xun == Xun::middle ? "中旬" : "下旬") + (a.before ? "前" : "");
    default: return "底前";
  }
}

// T as written back: the event; with alternatives, T as written (信息形成或变更),
// which splits back into the same alternatives — a reconstruction would not
// always (and could outgrow the open-text limit).
std::string trigger_zh(const Trigger& t) { return t.alternatives.empty() ? t.event : t.text; }

const char* weekday_zh(int d) {
  static constexpr const char* names[] = {"", "一", "二", "三", "四", "五", "六", "日"};
  return names[d];
}

std::string clause_zh(const Clause& c) {
  struct V {
    std::string operator()(const RelativeDeadline& r) const {
      if (r.trigger.implicit()) {
        return r.direction == Direction::before ? "提前" + amount_zh(r.amount) : amount_zh(r.amount) + "内";
      }
      return trigger_zh(r.trigger) + (r.direction == Direction::before ? "前" : "后") + amount_zh(r.amount) +
             (r.direction == Direction::before ? "" : "内");
    }
    std::string operator()(const CalendarAnchor& a) const { return anchor_zh(a); }
    std::string operator()(const EventDeadline& e) const { return trigger_zh(e.trigger) + "前"; }
    std::string operator()(const EventGate& g) const {
      return g.kind == GateKind::wait_for ? "待" + trigger_zh(g.trigger) + "后" : "以" + trigger_zh(g.trigger) + "时间为准";
    }
    std::string operator()(const Recurrence& r) const {
      std::string s;
      if (r.start_year) s += "自" + std::to_string(*r.start_year) + "年起";
      if (r.season) {
        const std::string range = std::to_string(r.season->from_month) + "-" + std::to_string(r.season->to_month) + "月";
        s += r.season->name.empty() ? range : r.season->name + "（" + range + "）";
      }
      s += frequency_zh(r.frequency);
      if (r.offset) s += "结束后" + amount_zh(*r.offset) + "内";
      if (r.weekdays) {
        std::string days;
        for (int d = 1; d <= 7; ++d)
          if (r.weekdays & (1u << d)) days += (days.empty() ? "" : "、") + std::string(weekday_zh(d));
        s += days + "前";
      }
      if (r.workday_ordinal < 0) s += "最后一个工作日";
      if (r.workday_ordinal > 0) s += "第" + std::to_string(r.workday_ordinal) + "个工作日";
      if (r.period_month == 1) s += "首月";
      if (r.months) {
        std::string months;
        for (int m = 1; m <= 12; ++m)
          if (r.months & (1u << m)) months += (months.empty() ? "" : "、") + std::to_string(m);
        s += months + "月";
      }
      if (r.next_month) s += "次月";
      if (r.due) s += (r.period_month == 1 || r.months) && r.due->kind == AnchorKind::month_end ? (r.months ? "底前" : "")
                                                                                              : due_zh(*r.due);
      return s;
    }
    std::string operator()(const HolidayRecurrence& h) const { return h.major ? "重大节日前" : "节前"; }
    std::string operator()(const CountConstraint& c) const {
      const std::string n = c.verb + "至少" + std::to_string(c.at_least) + "次";
      if (c.scope == CountScope::within_year) return "年内" + n;
      if (c.scope == CountScope::each_period) return frequency_zh(c.period) + n;
      // No period: the verb can only follow 至少 (至少听取1次).
      return "至少" + c.verb + std::to_string(c.at_least) + "次";
    }
    std::string operator()(const DisplayInterval& d) const {
      std::string s = d.what + "不得少于" + amount_zh(d.minimum);
      if (d.min_working_days) s += "，其中必须含" + std::to_string(*d.min_working_days) + "个以上工作日";
      return s;
    }
    std::string operator()(const Timely& t) const {
      if (t.kind == Timeliness::synchronous) return "与" + trigger_zh(t.trigger) + "同步";
      const char* w = t.kind == Timeliness::timely         ? "及时"
                      : t.kind == Timeliness::first_moment ? "第一时间"
                      : t.kind == Timeliness::immediate    ? "即时"
                                                           : "实时";
      return t.trigger.implicit() ? std::string(w) : trigger_zh(t.trigger) + "后" + w;
    }
    std::string operator()(const Continuous&) const { return "全年"; }
    std::string operator()(const Ongoing& o) const {
      switch (o.word) {
        case OngoingWord::long_term: return "长期推进";
        case OngoingWord::sustained: return "持续推进";
        case OngoingWord::routine: return "常态化";
        case OngoingWord::standing: return "长期";
        case OngoingWord::permanent: return "永久";
      }
      return "";
    }
    std::string operator()(const Unspecified& u) const {
      switch (u.word) {
        case UnspecifiedWord::when_suitable: return "适时";
        case UnspecifiedWord::as_needed: return "视情";
        case UnspecifiedWord::periodic: return "定期";
        case UnspecifiedWord::irregular: return "不定期";
      }
      return "";
    }
    // 按照, not 按: 按周… / 按月… would read back as a frequency.
    std::string operator()(const ExternalReference& e) const {
      // 法律法规另有规定的，从其规定: a reference with text before 另有规定 reads
      // back through that form; 按照另有规定 stays as it is.
      const std::string_view r = e.reference;
      auto ends = [&](std::string_view w) { return r.size() > w.size() && r.substr(r.size() - w.size()) == w; };
      if (ends("另有规定的") || ends("另有规定")) return e.reference + "，从其规定";
      return "按照" + e.reference;
    }
  };
  return std::visit(V{}, c);
}

struct Json {
  std::string out;
  bool first = true;
  void open() { out += '{'; first = true; }
  void close() { out += '}'; first = false; }
  void key(const char* k) {
    if (!first) out += ',';
    first = false;
    detail::append_json_string(out, k);
    out += ':';
  }
  void str(const char* k, std::string_view v) { key(k); detail::append_json_string(out, v); }
  void num(const char* k, long long v) { key(k); out += std::to_string(v); }
  void boolean(const char* k, bool v) { key(k); out += v ? "true" : "false"; }
  // The set bits 1…last of a mask as a list of numbers: weekdays, months.
  void bits(const char* k, unsigned mask, int last) {
    key(k);
    out += '[';
    bool none = true;
    for (int b = 1; b <= last; ++b)
      if (mask & (1u << b)) out += (none ? "" : ",") + std::to_string(b), none = false;
    out += ']';
  }
  void amount(const char* k, const Amount& a) {
    key(k);
    open();
    num("value", a.value);
    str("unit", unit_name(a.unit));
    close();
  }
  void trigger(const Trigger& t) {
    key("trigger");
    if (t.implicit()) {
      out += "null";
      first = false;
      return;
    }
    open();
    str("text", t.text);
    str("event", t.event);
    if (!t.period.empty()) str("period", t.period);
    if (!t.alternatives.empty()) {
      key("alternatives");
      out += '[';
      for (std::size_t i = 0; i < t.alternatives.size(); ++i) {
        if (i > 0) out += ',';
        detail::append_json_string(out, t.alternatives[i]);
      }
      out += ']';
    }
    close();
  }
  void year(const YearRef& y) {
    if (y.kind == YearKind::explicit_year) num("year", y.value);
    else if (y.kind == YearKind::next) str("year", "next");
    else str("year", "plan");
  }
  void anchor_fields(const CalendarAnchor& a) {
    static constexpr const char* kinds[] = {"month_end",   "month_day",  "month_before", "xun",
                                            "quarter_end", "first_half", "second_half",  "mid_year",
                                            "year_end",    "month_start", "month_only",  "by_year"};
    str("anchor", kinds[static_cast<int>(a.kind)]);
    year(a.year);
    if (a.month) num("month", a.month);
    if (a.day) num("day", a.day);
    if (a.weekday) num("weekday", a.weekday);
    if (a.quarter) num("quarter", a.quarter);
    if (a.kind == AnchorKind::xun) {
      str("xun", a.xun == Xun::upper ? "upper" : a.xun == Xun::middle ? "middle" : "lower");
      boolean("before", a.before);
    }
  }
};

void clause_json(Json& j, const Clause& c) {
  struct V {
    Json& j;
    void operator()(const RelativeDeadline& r) const {
      j.str("type", "relative");
      j.trigger(r.trigger);
      j.str("direction", r.direction == Direction::after ? "after" : "before");
      j.amount("amount", r.amount);
    }
    void operator()(const CalendarAnchor& a) const {
      j.str("type", "anchor");
      j.anchor_fields(a);
    }
    void operator()(const EventDeadline& e) const {
      j.str("type", "event_deadline");
      j.trigger(e.trigger);
    }
    void operator()(const EventGate& g) const {
      j.str("type", "event_gate");
      j.str("gate", g.kind == GateKind::wait_for ? "wait_for" : "prevails");
      j.trigger(g.trigger);
    }
    void operator()(const Recurrence& r) const {
      j.str("type", "recurrence");
      j.str("frequency", frequency_name(r.frequency));
      if (r.start_year) j.num("start_year", *r.start_year);
      if (r.season) {
        j.key("season");
        j.open();
        j.str("name", r.season->name);
        j.num("from_month", r.season->from_month);
        j.num("to_month", r.season->to_month);
        j.close();
      }
      if (r.offset) j.amount("offset", *r.offset);
      if (r.weekdays) j.bits("weekdays", r.weekdays, 7);
      if (r.workday_ordinal) j.num("workday_ordinal", r.workday_ordinal);
      if (r.period_month) j.num("period_month", r.period_month);
      if (r.months) j.bits("months", r.months, 12);
      if (r.next_month) j.boolean("next_month", true);
      if (r.due) {
        j.key("due");
        j.open();
        j.anchor_fields(*r.due);
        j.close();
      }
    }
    void operator()(const HolidayRecurrence& h) const {
      j.str("type", "holiday_recurrence");
      j.boolean("major", h.major);
    }
    void operator()(const CountConstraint& c) const {
      j.str("type", "count");
      j.str("scope", c.scope == CountScope::within_year   ? "within_year"
                     : c.scope == CountScope::each_period ? "each_period"
                                                          : "plan");
      if (c.scope == CountScope::each_period) j.str("period", frequency_name(c.period));
      j.num("at_least", c.at_least);
      if (!c.verb.empty()) j.str("verb", c.verb);
    }
    void operator()(const DisplayInterval& d) const {
      j.str("type", "display_interval");
      j.str("what", d.what);
      j.amount("minimum", d.minimum);
      if (d.min_working_days) j.num("min_working_days", *d.min_working_days);
    }
    void operator()(const Timely& t) const {
      static constexpr const char* kinds[] = {"timely", "first_moment", "immediate", "real_time", "synchronous"};
      j.str("type", "timely");
      j.str("timeliness", kinds[static_cast<int>(t.kind)]);
      j.trigger(t.trigger);
    }
    void operator()(const Continuous&) const { j.str("type", "continuous"); }
    void operator()(const Ongoing& o) const {
      static constexpr const char* words[] = {"long_term", "sustained", "routine", "standing", "permanent"};
      j.str("type", "ongoing");
      j.str("word", words[static_cast<int>(o.word)]);
    }
    void operator()(const Unspecified& u) const {
      static constexpr const char* words[] = {"when_suitable", "as_needed", "periodic", "irregular"};
      j.str("type", "unspecified");
      j.str("word", words[static_cast<int>(u.word)]);
    }
    void operator()(const ExternalReference& e) const {
      j.str("type", "external");
      j.str("reference", e.reference);
    }
  };
  std::visit(V{j}, c);
}

}  // namespace

namespace {

bool has_trigger(const Clause& c) {
  if (const auto* r = std::get_if<RelativeDeadline>(&c)) return !r->trigger.implicit();
  if (const auto* t = std::get_if<Timely>(&c)) return !t->trigger.implicit() && t->kind != Timeliness::synchronous;
  return std::holds_alternative<EventDeadline>(c);
}

// Characters that begin a word tried before the triggered forms (全年, 年中,
// 节前, 原则上, 每月, 3月…). Only a trigger starting with one of them needs
// the read-back check below; the check, not this list, decides.
bool may_start_a_word(std::string_view s) {
  static constexpr std::string_view starts =
      "原后并继同应要须需必于在经年每按逐至不公发征意自从流重节次明下今本第上提最全长持常适视定及即立实与以根依待、。"
      "一二三四五六七八九十百千万〇零两半"
      "季月随当永确请保到截至一法务壹贰叁肆伍陆柒捌玖拾";  // SPEC §8's words: 季度, 月初, 随时, 当场, 永久, 到2023年底 …
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return true;  // digits, ASCII punctuation
  const std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  const std::string_view first = s.substr(0, n);
  for (std::size_t i = 0; i + n <= starts.size(); i += 3)
    if (starts.substr(i, n) == first) return true;
  return false;
}

std::string item_zh(const Item& it) {
  // A subject ahead of T is written with 在, which parsing splits it off at
  // (中省市相关政策在收到文件后5个工作日内公开); a display's subject stands before 公示.
  const bool relative = std::holds_alternative<RelativeDeadline>(it.clause) ||
                        std::holds_alternative<EventDeadline>(it.clause) || std::holds_alternative<Timely>(it.clause);
  std::string s = it.subject + (it.subject.empty() || !relative ? "" : "在") + clause_zh(it.clause) + it.label;
  // T and a subject are open vocabulary: one that starts with a word of the language
  // (全年…, 年中…, 节前…) would read back as that word. Then write a
  // preposition in front, which parsing strips again (SPEC §2): 自 first
  // (it starts no other phrase before a non-number), else 在.
  if ((has_trigger(it.clause) || !it.subject.empty()) && may_start_a_word(s)) {
    auto same = [&](const std::string& text) {
      auto back = parse(text);
      return back && back->items.size() == 1 && back->items[0].clause == it.clause && back->items[0].label == it.label;
    };
    if (!same(s)) {
      if (same("自" + s)) s = "自" + s;
      else if (same("在" + s)) s = "在" + s;
    }
  }
  return (it.in_principle ? "原则上" : "") + s;
}

}  // namespace

std::string canonical(const Rule& rule) {
  std::string out;
  for (std::size_t i = 0; i < rule.items.size(); ++i) {
    // "；" rather than "，": 后，在… and 后，及时… bridge a comma inside one
    // item, so a comma between items could be read back differently.
    if (i > 0) out += "；";
    out += item_zh(rule.items[i]);
  }
  return out;
}

std::string to_json(const Rule& rule) {
  Json j;
  j.open();
  j.str("kind", to_string(rule.kind));
  j.str("canonical", canonical(rule));
  j.key("items");
  j.out += '[';
  for (std::size_t i = 0; i < rule.items.size(); ++i) {
    const Item& it = rule.items[i];
    if (i > 0) j.out += ',';
    j.open();
    clause_json(j, it.clause);
    if (!it.label.empty()) j.str("label", it.label);
    if (!it.subject.empty()) j.str("subject", it.subject);
    if (it.in_principle) j.boolean("in_principle", true);
    j.key("span");
    j.out += grammar::cat("[", std::to_string(it.span.begin), ",", std::to_string(it.span.end), "]");
    j.close();
  }
  j.out += ']';
  j.close();
  return j.out;
}

namespace {

std::string unit_words(Unit u) {
  switch (u) {
    case Unit::working_days: return "个工作日";
    case Unit::days: return "日（自然日，期满日遇休息日顺延）";
    case Unit::hours: return "小时";
    case Unit::weeks: return "周";
    case Unit::months: return "个月";
    case Unit::years: return "年";
  }
  return "";
}

std::string event_words(const Trigger& t) {
  if (t.implicit()) return "未写明的触发事件（取上下文中的事件）";
  std::string s;
  if (t.alternatives.empty()) {
    s = "事件“" + t.event + "”";
  } else {
    for (const auto& a : t.alternatives) s += (s.empty() ? "事件“" : "或“") + a + "”";
    s += "（任一事件均起算，各自一个期限）";
  }
  if (t.text != t.event && t.text != trigger_zh(t)) s += "（原文“" + t.text + "”）";
  if (!t.period.empty()) s += "，即具名期间“" + t.period + "”届满";
  return s;
}

std::string year_words(const YearRef& y) {
  if (y.kind == YearKind::explicit_year) return std::to_string(y.value) + "年";
  if (y.kind == YearKind::next) return "计划年度的次年";
  return "计划年度";
}

std::string describe_clause(const Clause& c) {
  struct V {
    std::string operator()(const RelativeDeadline& r) const {
      const std::string n = std::to_string(r.amount.value) + unit_words(r.amount.unit);
      if (r.direction == Direction::before) return "提前期限：" + event_words(r.trigger) + "之前" + n + "（向前倒数，不含事件当日）";
      return "相对期限：" + event_words(r.trigger) + "之后" + n + "内（不含事件当日）";
    }
    std::string operator()(const CalendarAnchor& a) const {
      const std::string y = year_words(a.year);
      const std::string m = std::to_string(a.month) + "月";
      switch (a.kind) {
        case AnchorKind::month_end: return "日历期限：" + y + m + "最后一天";
        case AnchorKind::month_day: {
          static constexpr const char* zh[] = {"", "一", "二", "三", "四", "五", "六", "日"};
          return "日历期限：" + y + m + std::to_string(a.day) + "日（含当日）" +
                 (a.weekday >= 1 && a.weekday <= 7 ? std::string("，应为星期") + zh[a.weekday] : std::string());
        }
        case AnchorKind::month_before: return "日历期限：" + y + m + "之前，即上月最后一天（字面读法，有歧义）";
        case AnchorKind::xun:
          return "日历期限：" + y + m +
                 (a.xun == Xun::upper ? "10日（上旬末）" : a.xun == Xun::middle ? "20日（中旬末）" : "最后一天（下旬末）") +
                 (a.before && a.xun == Xun::middle ? "，“中旬前”有歧义" : "");
        case AnchorKind::quarter_end: return "日历期限：" + y + "第" + std::to_string(a.quarter) + "季度最后一天";
        case AnchorKind::first_half: return "日历期限：" + y + "6月30日（上半年末）";
        case AnchorKind::second_half: return "日历期限：" + y + "12月31日（下半年末）";
        case AnchorKind::mid_year: return "日历期限：" + y + "6月30日（年中）";
        case AnchorKind::year_end: return "日历期限：" + y + "12月31日（年底）";
        case AnchorKind::month_start: return "日历期限：" + y + m + "初，默认10日（上旬末；“月初”有歧义，策略 month_start）";
        case AnchorKind::month_only: return "日历期限：" + y + m + "最后一天（所涉期间为该月）";
        case AnchorKind::by_year: return "日历期限：" + y + "12月31日（“到某年”按年底计，策略读法）";
      }
      return "";
    }
    std::string operator()(const EventDeadline& e) const { return "事件期限：" + event_words(e.trigger) + "发生当日之前"; }
    std::string operator()(const EventGate& g) const {
      return g.kind == GateKind::wait_for ? "前提条件：待" + event_words(g.trigger) + "之后才开始"
                                          : "以" + event_words(g.trigger) + "的日期为准，取代其所修饰的期限";
    }
    std::string operator()(const Recurrence& r) const {
      std::string s = "周期性：";
      if (r.start_year) s += "自" + std::to_string(*r.start_year) + "年起，";
      if (r.season) {
        s += (r.season->name.empty() ? std::string("") : r.season->name) + std::to_string(r.season->from_month) + "至" +
             std::to_string(r.season->to_month) + "月内，";
      }
      s += std::string(frequency_zh(r.frequency)) + "至少一次";
      if (r.weekdays) {
        s += "，期限为每周的";
        bool first = true;
        for (int d = 1; d <= 7; ++d)
          if (r.weekdays & (1u << d)) s += (first ? "周" : "、周") + std::string(weekday_zh(d)), first = false;
        s += "（不因休息日调整）";
      } else if (r.workday_ordinal < 0) {
        s += "，期限为每期最后一个工作日（按工作日历）";
      } else if (r.workday_ordinal > 0) {
        s += "，期限为每期第" + std::to_string(r.workday_ordinal) + "个工作日（按工作日历）";
      } else if (r.months) {
        s += "，期限为所列各月的" + due_zh(*r.due);
      } else if (r.period_month == 1) {
        s += "，期限为每期首月的" + (r.due && r.due->kind == AnchorKind::month_day ? due_zh(*r.due) : "最后一天");
      } else if (r.offset) {
        s += "，期限为每期结束后" + std::to_string(r.offset->value) + unit_words(r.offset->unit) + "内";
      } else if (r.due) {
        s += (r.next_month ? "，期限为每期次月的" : "，期限为每期的") + due_zh(*r.due);
      } else {
        s += "，期限为每期最后一天";
      }
      return s;
    }
    std::string operator()(const HolidayRecurrence& h) const {
      return std::string("节前：") + (h.major ? "每个重大节日" : "每个节日") + "的放假休息段开始前最后一个工作日";
    }
    std::string operator()(const CountConstraint& c) const {
      const std::string n = (c.verb.empty() ? "" : c.verb) + "至少" + std::to_string(c.at_least) + "次";
      if (c.scope == CountScope::within_year) return "次数要求：计划年度内" + n;
      if (c.scope == CountScope::each_period) return "次数要求：" + std::string(frequency_zh(c.period)) + n;
      return "次数要求：在计划期间内" + n;
    }
    std::string operator()(const DisplayInterval& d) const {
      std::string s = "公示期：" + (d.what.empty() ? std::string("期间") : d.what) + "从首日到末日（含）不少于" +
                      std::to_string(d.minimum.value) + (d.minimum.unit == Unit::working_days ? "个工作日" : "个自然日");
      if (d.min_working_days) s += "，其中至少含" + std::to_string(*d.min_working_days) + "个工作日";
      return s;
    }
    std::string operator()(const Timely& t) const {
      switch (t.kind) {
        case Timeliness::timely: return "及时：" + event_words(t.trigger) + "之后，默认20个工作日内（策略可调）";
        case Timeliness::first_moment: return "第一时间：" + event_words(t.trigger) + "之后，默认24小时内（策略可调）";
        case Timeliness::immediate: return "即时：" + event_words(t.trigger) + "当日";
        case Timeliness::real_time: return "实时：持续、随时更新，无单一期限";
        case Timeliness::synchronous: return "同步：与" + event_words(t.trigger) + "同日";
      }
      return "";
    }
    std::string operator()(const Continuous&) const { return "全年持续：贯穿计划年度，于12月31日检查"; }
    std::string operator()(const Ongoing&) const { return "长期任务：无期限"; }
    std::string operator()(const Unspecified&) const { return "未定时限：可解析、可分类，但无法检查"; }
    std::string operator()(const ExternalReference& e) const {
      return "外部规定：时限见“" + e.reference + "”，配置相应规则前无法检查";
    }
  };
  return std::visit(V{}, c);
}

}  // namespace

std::vector<std::string> describe(const Rule& rule) {
  std::vector<std::string> out;
  for (const Item& it : rule.items) {
    std::string s = describe_clause(it.clause);
    if (it.in_principle) s += "（原则上）";
    if (!it.label.empty()) s += "；动作：" + it.label;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> policy_notes(const Rule& rule) {
  std::vector<std::string> notes;
  auto add = [&](std::string s) {
    for (const auto& n : notes)
      if (n == s) return;
    notes.push_back(std::move(s));
  };
  for (const Item& it : rule.items) {
    if (const auto* a = std::get_if<CalendarAnchor>(&it.clause)) {
      if (a->kind == AnchorKind::xun && a->xun == Xun::middle && a->before) {
        add("“中旬前”有歧义：默认理解为当月20日（中旬末），也有人指11日之前；策略 xun_before（POLICIES.md §中旬前）");
      }
      if (a->kind == AnchorKind::month_before) {
        add("“" + std::to_string(a->month) + "月前”有歧义：默认按字面理解为" +
            std::to_string(a->month == 1 ? 12 : a->month - 1) + "月底（" + std::to_string(a->month) +
            "月之前），也常指" + std::to_string(a->month) + "月底；策略 month_before（POLICIES.md §M月前）");
      }
      if (a->year.kind == YearKind::plan) add("未写年份：使用计划年度Y（需由上下文或 --year 给出）");
    }
    if (const auto* t = std::get_if<Timely>(&it.clause)) {
      if (t->kind == Timeliness::timely) add("“及时”默认按触发事件后20个工作日计（政府信息公开条例第26条），策略 timely");
      if (t->kind == Timeliness::first_moment) add("“第一时间”默认按触发事件后24小时计，策略 first_moment");
    }
    if (const auto* r = std::get_if<RelativeDeadline>(&it.clause)) {
      if (r->trigger.implicit()) add("未写触发事件：取上下文中唯一的事件，否则默认事件“信息形成”（SPEC §2）");
      if (r->amount.unit == Unit::days) add("按日计算的期间，期满日遇休息日顺延至下一工作日（民法典第203条）");
      if (!r->trigger.period.empty()) add("“" + r->trigger.period + "”是具名期间，默认期限见 POLICIES.md（复议期60日）");
    }
    if (std::holds_alternative<HolidayRecurrence>(it.clause)) {
      add("“节前”按每个节假日休息段之前的最后一个工作日计；计入的节日为策略集合（默认七个法定节日）");
    }
  }
  return notes;
}

}  // namespace shixian
