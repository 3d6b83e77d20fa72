// Policy knobs from text (--policy KEY=VALUE), the Context, event times and
// small Schedule helpers.
#include <unordered_map>
#include <ostream>
#include <charconv>

#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian {

namespace {

Error bad(std::string message) { return Error{ErrorCode::invalid_argument, std::move(message), {}, {}}; }

std::optional<int> small_int(std::string_view text, int lo, int hi) {
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

std::optional<Roll> roll_from(std::string_view v) {
  if (v == "unadjusted" || v == "none") return Roll::unadjusted;
  if (v == "following") return Roll::following;
  if (v == "preceding") return Roll::preceding;
  return std::nullopt;
}

const char* roll_name(Roll r) {
  switch (r) {
    case Roll::unadjusted: return "unadjusted";
    case Roll::following: return "following";
    case Roll::preceding: return "preceding";
  }
  return "";
}

constexpr std::string_view kAllFestivals[] = {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"};

// "清明" → "清明节"; "元旦"/"春节" as they are.
std::optional<std::string> festival_name(std::string_view v) {
  for (std::string_view f : kAllFestivals) {
    if (v == f) return std::string(f);
    if (f.size() > 3 && f.substr(f.size() - 3) == "节" && v == f.substr(0, f.size() - 3)) return std::string(f);
  }
  if (v == "五一") return std::string("劳动节");
  if (v == "十一") return std::string("国庆节");
  return std::nullopt;
}

// "60日", "60天", "10个工作日", "2个月", "60" (days).
std::optional<ast::Amount> amount_from(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  const auto n = small_int(v.substr(0, i), 1, 9999);
  if (!n) return std::nullopt;
  const std::string_view unit = v.substr(i);
  ast::Amount a{static_cast<std::uint32_t>(*n), ast::Unit::days, {}};
  if (unit.empty() || unit == "日" || unit == "天") return a;
  if (unit == "个工作日" || unit == "工作日") return a.unit = ast::Unit::working_days, a;
  if (unit == "个月" || unit == "月") return a.unit = ast::Unit::months, a;
  if (unit == "周") return a.unit = ast::Unit::weeks, a;
  if (unit == "年") return a.unit = ast::Unit::years, a;
  return std::nullopt;
}

std::string amount_text(const ast::Amount& a) {
  const char* unit = "日";
  switch (a.unit) {
    case ast::Unit::working_days: unit = "个工作日"; break;
    case ast::Unit::days: unit = "日"; break;
    case ast::Unit::hours: unit = "小时"; break;
    case ast::Unit::weeks: unit = "周"; break;
    case ast::Unit::months: unit = "个月"; break;
    case ast::Unit::years: unit = "年"; break;
  }
  return std::to_string(a.value) + unit;
}

std::string keys_list() {
  std::string out;
  for (const auto& [k, v] : policy_keys()) out += (out.empty() ? "" : "、") + k;
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> policy_keys() {
  const Policy p;
  std::string festivals;
  for (const auto& f : p.festivals) festivals += (festivals.empty() ? "" : ",") + f;
  std::vector<std::pair<std::string, std::string>> keys{
      {"timely", std::to_string(p.timely_workdays)},
      {"first_moment", std::to_string(p.first_moment_hours)},
      {"xun_before", "20"},
      {"month_before", "previous"},
      {"month_start", std::to_string(p.month_start_day)},
      {"absolute_roll", roll_name(p.absolute_roll)},
      {"backward_roll", roll_name(p.backward_roll)},
      {"makeup_ends_period", "yes"},
      {"festivals", festivals},
      {"default_trigger", p.default_trigger},
  };
  for (const auto& np : p.named_periods) keys.emplace_back("period." + np.name, amount_text(np.length));
  return keys;
}

expected<bool, Error> set_policy(Policy& policy, std::string_view key, std::string_view value) {
  const std::string k(key), v(value);
  if (key == "timely") {
    const auto n = small_int(value, 0, 9999);
    if (!n) return unexpected(bad("策略 timely 应为工作日数（0–9999），得到“" + v + "”"));
    policy.timely_workdays = *n;
  } else if (key == "first_moment") {
    const auto n = small_int(value, 0, 9999);
    if (!n) return unexpected(bad("策略 first_moment 应为小时数（0–9999），得到“" + v + "”"));
    policy.first_moment_hours = *n;
  } else if (key == "xun_before") {
    if (value == "20" || value == "end") policy.xun_before = XunBeforeReading::end_of_middle;
    else if (value == "10" || value == "before") policy.xun_before = XunBeforeReading::before_middle;
    else return unexpected(bad("策略 xun_before 应为 20（中旬末）或 10（11日之前），得到“" + v + "”"));
  } else if (key == "month_before") {
    if (value == "previous" || value == "literal") policy.month_before = MonthBeforeReading::previous_month_end;
    else if (value == "same" || value == "inclusive") policy.month_before = MonthBeforeReading::month_end;
    else return unexpected(bad("策略 month_before 应为 previous（M−1月底）或 same（M月底），得到“" + v + "”"));
  } else if (key == "month_start") {
    const auto n = small_int(value, 1, 28);
    if (!n) return unexpected(bad("策略 month_start 应为当月日期（1–28），得到“" + v + "”"));
    policy.month_start_day = *n;
  } else if (key == "absolute_roll" || key == "backward_roll") {
    const auto r = roll_from(value);
    if (!r) return unexpected(bad("策略 " + k + " 应为 unadjusted、following 或 preceding，得到“" + v + "”"));
    (key == "absolute_roll" ? policy.absolute_roll : policy.backward_roll) = *r;
  } else if (key == "makeup_ends_period") {
    if (value == "yes" || value == "true" || value == "1") policy.makeup_day_ends_period = true;
    else if (value == "no" || value == "false" || value == "0") policy.makeup_day_ends_period = false;
    else return unexpected(bad("策略 makeup_ends_period 应为 yes 或 no，得到“" + v + "”"));
  } else if (key == "festivals") {
    std::vector<std::string> set;
    if (value == "all") {
      for (std::string_view f : kAllFestivals) set.emplace_back(f);
    } else {
      std::size_t start = 0;
      while (start <= value.size()) {
        std::size_t end = value.find(',', start);
        if (end == std::string_view::npos) end = value.size();
        const std::string_view one = value.substr(start, end - start);
        const auto f = festival_name(one);
        if (!f) {
          return unexpected(bad("策略 festivals：未知节日“" + std::string(one) +
                                "”（可用：元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，或 all）"));
        }
        set.push_back(*f);
        start = end + 1;
      }
    }
    policy.festivals = std::move(set);
  } else if (key == "default_trigger") {
    policy.default_trigger = v;
  } else if (key.starts_with("period.") && key.size() > 7) {
    const auto a = amount_from(value);
    if (!a) return unexpected(bad("策略 " + k + " 应为期间长度，如 60日、15个工作日、2个月，得到“" + v + "”"));
    const std::string name(key.substr(7));
    for (auto& np : policy.named_periods) {
      if (np.name == name) {
        np.length = *a;
        return true;
      }
    }
    policy.named_periods.push_back({name, *a, name + "开始"});
  } else {
    return unexpected(bad("未知策略“" + k + "”（可用：" + keys_list() + "）"));
  }
  return true;
}

// --- events ---------------------------------------------------------------

expected<EventTime, Error> parse_event_time(std::string_view text) {
  EventTime t;
  std::string_view date = text, time;
  if (const auto sep = text.find_first_of("T "); sep != std::string_view::npos) {
    date = text.substr(0, sep);
    time = text.substr(sep + 1);
  }
  auto d = parse_iso_date(date);
  if (!d) return unexpected(std::move(d).error());
  t.date = *d;
  if (text.size() != date.size()) {
    const auto colon = time.find(':');
    const auto h = colon == std::string_view::npos ? std::nullopt : small_int(time.substr(0, colon), 0, 23);
    const auto m = colon == std::string_view::npos ? std::nullopt : small_int(time.substr(colon + 1), 0, 59);
    if (!h || !m || colon == 0 || time.size() - colon - 1 != 2) {
      return unexpected(bad("时间应为 HH:MM（如 09:30），得到“" + std::string(time) + "”"));
    }
    t.minute = static_cast<std::int16_t>(*h * 60 + *m);
  }
  return t;
}

std::string to_string(const EventTime& t) {
  std::string s = to_string(t.date);
  if (t.has_time()) {
    char buf[8];
    buf[0] = 'T';
    buf[1] = static_cast<char>('0' + t.minute / 600);
    buf[2] = static_cast<char>('0' + t.minute / 60 % 10);
    buf[3] = ':';
    buf[4] = static_cast<char>('0' + t.minute % 60 / 10);
    buf[5] = static_cast<char>('0' + t.minute % 10);
    s.append(buf, 6);
  }
  return s;
}

Context& Context::event(std::string_view name, Date date) { return event(name, EventTime{date, -1}); }

Context& Context::event(std::string_view name, Date date, int hour, int minute) {
  // Out of range (25:99, or 0:600000 that would wrap): a time evaluate() refuses
  // with a message, never a wrapped one.
  const bool valid = hour >= 0 && hour < 24 && minute >= 0 && minute < 60;
  return event(name, EventTime{date, valid ? static_cast<std::int16_t>(hour * 60 + minute) : std::int16_t{32767}});
}

Context& Context::event(std::string_view name, EventTime time) {
  const auto key = canonical_event(name);
  Event e{std::string(name), std::string(key ? *key : name), time};
  for (Event& old : events_) {
    if (old.key == e.key) {
      old = std::move(e);
      return *this;
    }
  }
  events_.push_back(std::move(e));
  return *this;
}

Context& Context::events(const std::vector<std::pair<std::string, EventTime>>& list) {
  if (list.size() + events_.size() <= 16) {  // the usual few: no index
    for (const auto& [name, time] : list) event(name, time);
    return *this;
  }
  std::unordered_map<std::string, std::size_t> index;  // key → position in events_
  index.reserve(events_.size() + list.size());
  for (std::size_t i = 0; i < events_.size(); ++i) index.emplace(events_[i].key, i);
  for (const auto& [name, time] : list) {
    const auto key = canonical_event(name);
    Event e{name, std::string(key ? *key : std::string_view(name)), time};
    const auto [at, added] = index.emplace(e.key, events_.size());
    if (added) events_.push_back(std::move(e));
    else events_[at->second] = std::move(e);
  }
  return *this;
}

// --- schedule -------------------------------------------------------------

std::vector<std::string_view> assumption_names(std::uint8_t assumed) {
  std::vector<std::string_view> out;
  if (assumed & assumed_default_trigger) out.emplace_back("default_trigger");
  if (assumed & assumed_midnight) out.emplace_back("midnight");
  if (assumed & assumed_ambiguous_reading) out.emplace_back("ambiguous_reading");
  if (assumed & assumed_policy_reading) out.emplace_back("policy_reading");
  return out;
}

std::ostream& operator<<(std::ostream& out, const Deadline& d) {
  out << (d.label.empty() ? std::string_view("完成") : d.label) << ' ' << (d.has_due ? d.due_string() : std::string("-"));
  if (d.type == Obligation::count) out << " 至少" << d.at_least << "次";
  if (d.type == Obligation::min_duration) out << " 不少于" << d.min_days << "日/" << d.min_working_days << "个工作日";
  if (d.type == Obligation::continuous) out << " 全年";
  if (d.has_due) out << " [" << d.period_start << " 至 " << d.period_end << "]";
  if (d.provisional) out << " provisional";
  for (const auto a : assumption_names(d.assumed)) out << " assumed=" << a;
  return out;
}

std::string Deadline::due_string() const {
  if (!has_due) return {};
  return to_string(EventTime{due, minute});
}

const char* to_string(Obligation o) {
  switch (o) {
    case Obligation::by: return "by";
    case Obligation::count: return "count";
    case Obligation::min_duration: return "min_duration";
    case Obligation::continuous: return "continuous";
  }
  return "";
}

const char* to_string(Classification c) {
  switch (c) {
    case Classification::checkable: return "checkable";
    case Classification::ongoing: return "ongoing";
    case Classification::unspecified: return "unspecified";
    case Classification::external: return "external";
  }
  return "";
}

const Deadline& Schedule::at(std::size_t i) const {
  if (i >= size_) throw std::out_of_range("shixian::Schedule::at");
  return data()[i];
}

Deadline& Schedule::push_back_to_heap(const Deadline& d) {
  if (size_ == kInline) {
    heap_.clear();
    heap_.reserve(heap_.capacity() > 2 * kInline ? heap_.capacity() : 4 * kInline);
    heap_.insert(heap_.end(), slots_.items, slots_.items + kInline);
  }
  heap_.push_back(d);
  ++size_;
  return heap_.back();
}

void Schedule::reserve(std::size_t n) {
  if (n > kInline) heap_.reserve(n);
}

}  // namespace shixian
