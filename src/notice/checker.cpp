// NoticeChecker, the yearly part: a notice's items resolved into dates (which
// year a bare 12月30日 is in, which month a month-less 17日 is in, which weekend
// days a 与周末连休 joins) and checked against themselves; the page's titles,
// salutations and error positions.
#include "notice/checker.hpp"

#include <algorithm>
#include <array>
#include <string.h>  // memmem

#include "common/text.hpp"

namespace shixian::notice {

namespace {

// The festivals of the 放假办法 in the order notices list them.
constexpr std::array<std::string_view, 7> kFestivalOrder = {"元旦",   "春节",   "清明节", "劳动节",
                                                            "端午节", "中秋节", "国庆节"};

int festival_rank(std::string_view name) {
  for (std::size_t i = 0; i < kFestivalOrder.size(); ++i) {
    if (kFestivalOrder[i] == name) return static_cast<int>(i);
  }
  return static_cast<int>(kFestivalOrder.size());
}

/// 2008 added 清明, 端午 and 中秋 (SC Order 513); before, notices covered four festivals.
bool required_in(std::string_view festival, int year) {
  if (year >= 2008) return festival_rank(festival) < 7;
  return festival == "元旦" || festival == "春节" || festival == "劳动节" || festival == "国庆节";
}

// M月D日 inside one message whose first date already names the year.
std::string cn_month_day(Date d) { return std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日"; }

}  // namespace

std::size_t find_in(std::string_view text, std::string_view needle, std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* hit = ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return hit == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

std::string cn_date(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string_view weekday_word(unsigned iso) {
  static constexpr std::array<std::string_view, 8> names = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return names[iso <= 7 ? iso : 0];
}

expected<YearArrangement, Error> NoticeChecker::read_yearly(const ast::Notice& notice) {
  if (auto e = find_year(notice)) return unexpected(std::move(*e));
  if (notice.items.empty()) {
    return unexpected(error_at(nullptr, ErrorCode::parse_error,
                               "找不到放假安排条目（应为“一、元旦：1月1日放假……”这样的编号条目）"));
  }
  if (auto e = check_complete(notice)) return unexpected(std::move(*e));
  for (const ast::Item& item : notice.items) {
    if (auto e = read_item(item)) return unexpected(std::move(*e));
  }
  if (auto e = check_days()) return unexpected(std::move(*e));
  if (auto e = check_festivals(notice)) return unexpected(std::move(*e));
  extend_to_weekends();
  for (const ItemDays& item : items_) {
    if (auto e = check_resume(item)) return unexpected(std::move(*e));
  }

  YearArrangement result;
  result.year = year_;
  result.title = "国务院办公厅关于" + std::to_string(year_) + "年部分节假日安排的通知";
  result.number = notice.number;
  if (notice.published) {
    auto d = Date::from_ymd(static_cast<int>(*notice.published->year), *notice.published->month,
                            notice.published->day);
    if (!d) return unexpected(error_at(notice.published->at, ErrorCode::invalid_argument, "落款日期：" + d.error().message));
    result.published = to_string(*d);
  }
  for (const ItemDays& item : items_) {
    std::set<Date> off;
    for (const Placed& p : item.off) off.insert(p.date);
    for (auto it = off.begin(); it != off.end();) {
      Date first = *it, last = *it;
      for (++it; it != off.end() && *it == last + 1; ++it) last = *it;
      result.entries.push_back({item.name, false, first, last});
    }
    std::set<Date> work;
    for (const Placed& p : item.work) work.insert(p.date);
    for (Date d : work) result.entries.push_back({item.name, true, d, d});
  }
  if (auto e = check_round_trip(result)) return unexpected(std::move(*e));
  return result;
}

std::optional<Error> NoticeChecker::check_round_trip(const YearArrangement& result) const {
  auto again = parse_year_file(format_year_file(result), source_);
  if (!again || !(*again == result)) {
    return error_at(nullptr, ErrorCode::invalid_argument,
                    "导入结果不能写成年份文件：" + (again ? std::string("往返不一致") : again.error().message));
  }
  return std::nullopt;
}

Error NoticeChecker::error_at(ast::Pos p, ErrorCode code, std::string message) const {
  const std::size_t normalized = p == nullptr ? 0 : static_cast<std::size_t>(p - normalized_.text.data());
  const std::size_t byte = p == nullptr ? 0 : normalized_.original(normalized);
  return detail::make_error(code, std::move(message), original_, byte, source_);
}

Error NoticeChecker::error_after_read(ast::Pos p, ErrorCode code, std::string message) const {
  const std::size_t i = static_cast<std::size_t>(p - normalized_.text.data());
  std::size_t byte = normalized_.original(i);
  if (i > 0) {
    std::size_t previous_end = normalized_.original(i - 1);
    detail::next_code_point(original_, previous_end);
    if (previous_end < byte) byte = previous_end;
  }
  return detail::make_error(code, std::move(message), original_, byte, source_);
}

Title NoticeChecker::title_around(std::size_t i) const {
  const std::size_t about = text().rfind("关于", i);
  if (about == std::string_view::npos) return {};
  const std::size_t end = find_in(text(), "通知", about);
  if (end == std::string_view::npos || end - about > 200) return {};
  std::size_t start = about;
  for (std::string_view issuer : {std::string_view("国务院办公厅"), std::string_view("国务院")}) {
    if (about >= issuer.size() && text().substr(about - issuer.size(), issuer.size()) == issuer) {
      start = about - issuer.size();
      break;
    }
  }
  return {start, std::string(text().substr(start, end + 6 - start))};
}

std::vector<std::size_t> NoticeChecker::salutations() const {
  std::vector<std::size_t> out;
  for (std::size_t i = find_in(text(), kSalutation); i != std::string_view::npos; i = find_in(text(), kSalutation, i + 1)) {
    out.push_back(i);
  }
  return out;
}

std::optional<Error> NoticeChecker::check_complete(const ast::Notice& notice) const {
  if (notice.published) return std::nullopt;
  const ast::Item& last = notice.items.back();
  const ast::Pos end = segment_end_ != nullptr ? segment_end_ : text().data() + text().size();
  if (last.end != end || end == text().data()) return std::nullopt;
  const char closing = *(end - 1);
  if (closing == '.' || closing == ')' || closing == '!') return std::nullopt;
  const ast::Pos after = last.phrases.empty() ? last.at : last.phrases.back().end;
  const std::string_view tail(after, static_cast<std::size_t>(end - after));
  for (std::string_view close : {std::string_view("节假日期间"), std::string_view("节日期间"), std::string_view("假期期间"),
                                 std::string_view("国务院办公厅"), std::string_view("(来源:")}) {
    if (find_in(tail, close) != std::string_view::npos) return std::nullopt;
  }
  std::string name;
  for (const ast::FestivalName& f : last.festivals) name += (name.empty() ? "" : "、") + f.name;
  std::string next;  // a festival named in what follows the last arrangement: its item was cut at the head
  for (std::string_view festival : {std::string_view("元旦"), std::string_view("春节"), std::string_view("清明"),
                                    std::string_view("劳动节"), std::string_view("端午"), std::string_view("中秋"),
                                    std::string_view("国庆")}) {
    const std::size_t at = find_in(tail, festival);
    if (at != std::string_view::npos && name.find(festival) == std::string::npos) {
      next = std::string(festival);
      break;
    }
  }
  if (!next.empty()) {
    return error_at(end, ErrorCode::parse_error,
                    "通知在“" + name + "”一项之后中断（第" + std::to_string(line_of(after)) + "行起只剩“" + next +
                        "”一项的开头），没有结尾和落款，像是没有复制完整；请复制完整的通知");
  }
  return error_at(end, ErrorCode::parse_error,
                  "通知在“" + name + "”一项中断（第" + std::to_string(line_of(last.at)) +
                      "行起），没有结尾和落款，像是没有复制完整；请复制完整的通知（若确已完整，在末尾加句号）");
}

std::optional<Error> NoticeChecker::find_year(const ast::Notice& notice) {
  const auto& title = notice.title_year;
  const auto& intro = notice.intro_year ? notice.intro_year : notice.news_year;
  if (!title && !intro) {
    return error_at(nullptr, ErrorCode::parse_error,
                    "找不到通知的年份：标题应为“国务院办公厅关于YYYY年部分节假日安排的通知”，或正文有“现将YYYY年……”");
  }
  if (title && intro && title->year != intro->year) {
    return error_at(intro->at, ErrorCode::invalid_argument,
                    "正文中的年份" + std::to_string(intro->year) + "与标题中的年份" + std::to_string(title->year) +
                        "不一致");
  }
  const ast::YearMention& y = title ? *title : *intro;
  if (y.year < 1949 || y.year > 2200) {
    return error_at(y.at, ErrorCode::out_of_range, "年份" + std::to_string(y.year) + "超出支持范围（1949–2200）");
  }
  year_ = static_cast<int>(y.year);
  return std::nullopt;
}

expected<Date, Error> NoticeChecker::resolve(const ast::DayRef& ref, const Date* previous, bool new_year_item) const {
  int year = year_;
  unsigned month = ref.month.value_or(previous != nullptr ? previous->month() : 1);
  if (ref.year) {
    year = static_cast<int>(*ref.year);
    if (year < year_ - 1 || year > year_ + 1) {
      return unexpected(error_at(ref.at, ErrorCode::invalid_argument,
                                 "年份" + std::to_string(year) + "与通知的年份" + std::to_string(year_) + "相差超过一年"));
    }
  } else if (previous != nullptr) {
    year = previous->year();
    if (ref.month && month < previous->month()) ++year;  // 12月30日至1月1日
  } else if (new_year_item && month == 12) {
    year = year_ - 1;
  }
  auto d = Date::from_ymd(year, month, ref.day);
  if (!d) return unexpected(error_at(ref.at, ErrorCode::invalid_argument, d.error().message));
  const Date window_first = Date::from_ymd(year_ - 1, 12, 1).value();
  const Date window_last = Date::from_ymd(year_ + 1, 1, 31).value();
  if (*d < window_first || *d > window_last) {
    return unexpected(error_at(ref.at, ErrorCode::invalid_argument,
                               cn_date(*d) + "不在" + std::to_string(year_) + "年安排的范围内（" +
                                   std::to_string(year_ - 1) + "年12月至" + std::to_string(year_ + 1) + "年1月）"));
  }
  if (ref.note.weekday != 0 && ref.note.weekday != d->iso_weekday()) {
    return unexpected(error_at(ref.note.weekday_at, ErrorCode::invalid_argument,
                               "星期不符：" + cn_date(*d) + "是" + std::string(weekday_word(d->iso_weekday())) +
                                   "，不是" + std::string(weekday_word(ref.note.weekday))));
  }
  return *d;
}

std::optional<Error> NoticeChecker::read_item(const ast::Item& item) {
  ItemDays days;
  days.at = item.at;
  bool new_year = false;
  for (const ast::FestivalName& f : item.festivals) {
    if (const auto [it, fresh] = festival_at_.emplace(f.name, f.at); !fresh) {
      return error_at(f.at, ErrorCode::invalid_argument,
                      "“" + f.name + "”重复出现（第" + std::to_string(line_of(it->second)) + "行已有）");
    }
    days.name += (days.name.empty() ? "" : "、") + f.name;
    new_year = new_year || f.name == "元旦";
  }
  std::optional<std::pair<Date, Date>> last_range;   // for 共N天
  std::optional<std::pair<Date, Date>> first_range;  // for a heading's 放假N天
  std::vector<Placed> restated;                     // 照常公休: must lie in the break
  std::optional<Date> latest;                       // the item's previous date: a month-less 17日 is in its month
  // A list's dates: each after the first takes its month from the one before; the first
  // from the item's previous date when it has no month of its own.
  const auto resolve_list = [&](const ast::Phrase& phrase) -> expected<std::vector<Placed>, Error> {
    std::vector<Placed> out;
    for (const ast::DayRef& ref : phrase.days) {
      const Date* previous = !out.empty() ? &out.back().date : (!ref.month && latest ? &*latest : nullptr);
      if (!ref.month && previous == nullptr) {
        return unexpected(error_at(ref.at, ErrorCode::invalid_argument,
                                   std::to_string(ref.day) + "日没有写月份，前面也没有可以沿用的月份"));
      }
      auto d = resolve(ref, previous, new_year);
      if (!d) return unexpected(d.error());
      out.push_back({*d, ref.at});
    }
    if (!out.empty()) latest = out.back().date;
    return out;
  };
  for (const ast::Phrase& phrase : item.phrases) {
    if (phrase.kind == ast::PhraseKind::total || phrase.kind == ast::PhraseKind::joins_weekend ||
        phrase.kind == ast::PhraseKind::no_swap) {
      if (phrase.kind == ast::PhraseKind::total) {
        if (!last_range) {
          return error_at(phrase.at, ErrorCode::invalid_argument, "“共" + std::to_string(*phrase.count) + "天”前面没有放假日期");
        }
        if (auto e = check_count(*phrase.count, phrase.count_at, *last_range)) return e;
      } else if (phrase.kind == ast::PhraseKind::joins_weekend) {
        if (days.off.empty()) return error_at(phrase.at, ErrorCode::invalid_argument, "“与周末连休”前面没有放假日期");
        days.extend = true;
      }
      continue;
    }
    auto dates = resolve_list(phrase);
    if (!dates) return dates.error();
    const std::vector<Placed>& list = *dates;
    switch (phrase.kind) {
      case ast::PhraseKind::off: {
        const Date first = list[0].date;
        const Date last = phrase.range ? list[1].date : first;
        if (last < first) {
          return error_at(phrase.days[1].at, ErrorCode::invalid_argument,
                          "放假日期的终点" + cn_date(last) + "早于起点" + cn_date(first));
        }
        if (last - first > 30) {
          return error_at(phrase.days[1].at, ErrorCode::invalid_argument,
                          "放假日期" + cn_date(first) + "至" + cn_date(last) + "超过一个月，请检查");
        }
        for (Date d = first; d <= last; d += 1) days.off.push_back({d, phrase.days[0].at});
        last_range = {first, last};
        if (!first_range) first_range = last_range;
        if (phrase.count) {
          if (auto e = check_count(*phrase.count, phrase.count_at, *last_range)) return e;
        }
        break;
      }
      case ast::PhraseKind::work:
        for (const Placed& p : list) {
          if (!p.date.is_weekend()) {
            return error_at(p.at, ErrorCode::invalid_argument,
                            cn_date(p.date) + "是" + std::string(weekday_word(p.date.iso_weekday())) +
                                "，调休上班日应为周六或周日");
          }
          days.work.push_back(p);
        }
        break;
      case ast::PhraseKind::compensatory:
      case ast::PhraseKind::swapped_rest: {
        const Placed& p = list[0];
        if (p.date.is_weekend()) {
          return error_at(p.at, ErrorCode::invalid_argument,
                          cn_date(p.date) + "是" + std::string(weekday_word(p.date.iso_weekday())) + "，" +
                              (phrase.kind == ast::PhraseKind::compensatory ? "补休日" : "调休日") + "应为周一至周五");
        }
        days.off.push_back(p);
        if (phrase.kind == ast::PhraseKind::compensatory) days.extend = true;
        break;
      }
      case ast::PhraseKind::extend_to:
        days.extend_to = list[0];
        break;
      case ast::PhraseKind::resume:
        days.resume = list[0];
        break;
      case ast::PhraseKind::remark:  // 1月1日（星期四、新年）为法定节假日: the weekdays are still checked
      case ast::PhraseKind::restated:
      case ast::PhraseKind::moved:
        for (const Placed& p : list) {
          if (phrase.kind == ast::PhraseKind::moved && !p.date.is_weekend()) {
            return error_at(p.at, ErrorCode::invalid_argument,
                            cn_date(p.date) + "是" + std::string(weekday_word(p.date.iso_weekday())) +
                                "，调走的公休日应为周六或周日");
          }
          if (phrase.kind == ast::PhraseKind::restated) restated.push_back(p);
        }
        break;
      case ast::PhraseKind::total:
      case ast::PhraseKind::joins_weekend:
      case ast::PhraseKind::no_swap:
        break;
    }
  }
  if (item.heading_count) {  // 元旦放假3天: the heading's count is the first range's
    if (!first_range) return error_at(item.heading_count_at, ErrorCode::invalid_argument, "“" + days.name + "”一项没有放假日期");
    if (auto e = check_count(*item.heading_count, item.heading_count_at, *first_range)) return e;
  }
  if (days.off.empty() && !days.extend_to) {
    return error_at(item.at, ErrorCode::invalid_argument, "“" + days.name + "”一项没有放假日期");
  }
  // 照常公休 names days of the break as the notice gives it; one outside it means a misread.
  for (const Placed& p : restated) {
    const bool inside = std::any_of(days.off.begin(), days.off.end(), [&](const Placed& o) { return o.date == p.date; });
    if (!inside) {
      return error_at(p.at, ErrorCode::invalid_argument,
                      cn_date(p.date) + "写作“照常公休”，但不在“" + days.name + "”的放假日期内");
    }
  }
  items_.push_back(std::move(days));
  return std::nullopt;
}

std::optional<Error> NoticeChecker::check_resume(const ItemDays& item) const {
  if (!item.resume || item.off.empty()) return std::nullopt;
  Date last = item.off.front().date;
  for (const Placed& p : item.off) last = std::max(last, p.date);
  if (item.resume->date != last + 1) {
    return error_at(item.resume->at, ErrorCode::invalid_argument,
                    cn_date(item.resume->date) + "起正常上班，但“" + item.name + "”的假期到" + cn_date(last) + "，两者应前后相接");
  }
  return std::nullopt;
}

std::optional<Error> NoticeChecker::check_count(unsigned count, ast::Pos at, std::pair<Date, Date> range) const {
  const int days = range.second - range.first + 1;
  if (static_cast<int>(count) == days) return std::nullopt;
  const std::string span =
      range.first == range.second ? cn_date(range.first)
      : range.first.year() == range.second.year() ? cn_date(range.first) + "至" + cn_month_day(range.second)
                                                  : cn_date(range.first) + "至" + cn_date(range.second);
  return error_at(at, ErrorCode::invalid_argument,
                  "天数不符：" + span + "共" + std::to_string(days) + "天，不是" + std::to_string(count) + "天");
}

std::optional<Error> NoticeChecker::check_days() {
  std::map<Date, std::pair<bool, ast::Pos>> seen;  // date -> (work, where)
  for (const ItemDays& item : items_) {
    for (int pass = 0; pass < 2; ++pass) {
      const bool work = pass == 1;
      std::set<Date> mine;
      for (const Placed& p : work ? item.work : item.off) {
        if (!mine.insert(p.date).second) continue;  // 5月1日放假 + 5月1日至3日: same item, harmless
        const auto [it, fresh] = seen.emplace(p.date, std::make_pair(work, p.at));
        if (fresh) continue;
        const std::string line = std::to_string(line_of(it->second.second));
        if (it->second.first != work) {
          return error_at(p.at, ErrorCode::invalid_argument,
                          cn_date(p.date) + "既放假又上班（另见第" + line + "行）");
        }
        return error_at(p.at, ErrorCode::invalid_argument, cn_date(p.date) + "重复出现（另见第" + line + "行）");
      }
    }
  }
  return std::nullopt;
}

std::optional<Error> NoticeChecker::check_festivals(const ast::Notice& notice) const {
  for (std::string_view festival : kFestivalOrder) {
    if (!required_in(festival, year_) || festival_at_.count(std::string(festival)) != 0) continue;
    // Point at the item that comes where the missing one should be, or after the last one.
    ast::Pos at = nullptr;
    for (const ast::Item& item : notice.items) {
      if (festival_rank(item.festivals.front().name) > festival_rank(festival)) {
        at = item.at;
        break;
      }
    }
    if (at == nullptr) {
      const ast::Item& last = notice.items.back();
      at = last.phrases.empty() ? last.at : last.phrases.back().end;
    }
    return error_at(at, ErrorCode::invalid_argument,
                    "缺少“" + std::string(festival) + "”的放假安排（" +
                        (year_ >= 2008 ? "2008年起的通知应列出元旦、春节、清明节、劳动节、端午节、中秋节、国庆节"
                                       : "2008年以前的通知应列出元旦、春节、劳动节、国庆节") +
                        "）");
  }
  return std::nullopt;
}

void NoticeChecker::extend_to_weekends() {
  std::set<Date> taken;
  for (const ItemDays& item : items_) {
    for (const Placed& p : item.off) taken.insert(p.date);
    for (const Placed& p : item.work) taken.insert(p.date);
  }
  for (ItemDays& item : items_) {
    if (!item.extend) continue;
    std::set<Date> off;
    for (const Placed& p : item.off) off.insert(p.date);
    std::vector<Placed> added;
    for (Date d : off) {
      for (Date e = d - 1; e.is_weekend() && taken.count(e) == 0; e -= 1) added.push_back({e, item.at}), taken.insert(e);
      for (Date e = d + 1; e.is_weekend() && taken.count(e) == 0; e += 1) added.push_back({e, item.at}), taken.insert(e);
    }
    item.off.insert(item.off.end(), added.begin(), added.end());
  }
}

}  // namespace shixian::notice
