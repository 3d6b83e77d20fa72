// NoticeChecker, the special part: a special notice (延长/调整/纪念日) read as
// one festival's change, and the change applied to the year file it amends.
#include <algorithm>

#include "notice/checker.hpp"
#include "notice/grammar.hpp"

namespace shixian::notice {

namespace {

// The festival a special notice's title names (延长2020年春节假期 → 春节), or "".
std::string festival_in_title(std::string_view title, SpecialKind kind) {
  if (kind == SpecialKind::memorial) {
    return title.find("抗日战争") != std::string_view::npos || title.find("抗战") != std::string_view::npos
               ? "抗战胜利纪念日"
               : "";
  }
  return find_festival(title.data(), title.data() + title.size());  // the grammar's festival names
}

// The first YYYY年 of a title, or 0.
int year_in_title(std::string_view title) {
  for (std::size_t i = 0; i + 7 <= title.size(); ++i) {
    if (title.compare(i + 4, 3, "年") != 0) continue;
    int year = 0;
    bool digits = true;
    for (std::size_t k = i; k < i + 4; ++k) {
      if (title[k] < '0' || title[k] > '9') digits = false;
      year = year * 10 + (title[k] - '0');
    }
    if (digits && (i == 0 || title[i - 1] < '0' || title[i - 1] > '9')) return year;
  }
  return 0;
}

}  // namespace

std::optional<SpecialKind> special_kind(std::string_view title) {
  if (title.find("关于延长") != std::string_view::npos) return SpecialKind::extension;
  if (title.find("关于调整") != std::string_view::npos) return SpecialKind::adjustment;
  if (title.find("纪念日") != std::string_view::npos && title.find("放假") != std::string_view::npos) {
    return SpecialKind::memorial;
  }
  return std::nullopt;
}

expected<SpecialChange, Error> NoticeChecker::read_special(const ast::SpecialNotice& notice, const Title& title, SpecialKind kind) {
  SpecialChange change;
  change.kind = kind;
  change.title = title.text;
  change.number = notice.number;
  change.at = at_offset(title.at);
  change.festival = festival_in_title(title.text, kind);
  if (change.festival.empty()) {
    return unexpected(error_at(change.at, ErrorCode::invalid_argument,
                               "专项通知“" + title.text + "”的标题里认不出它改动的是哪个节日"));
  }
  change.year = year_in_title(title.text);
  for (const ast::Phrase& p : notice.phrases) {
    for (const ast::DayRef& d : p.days) {
      if (change.year == 0 && d.year) change.year = static_cast<int>(*d.year);
    }
  }
  if (change.year == 0 && notice.signed_on && notice.signed_on->year) change.year = static_cast<int>(*notice.signed_on->year);
  if (change.year == 0) {
    return unexpected(error_at(change.at, ErrorCode::parse_error, "专项通知“" + title.text + "”中找不到年份"));
  }
  year_ = change.year;
  if (notice.signed_on) {
    auto d = Date::from_ymd(static_cast<int>(*notice.signed_on->year), *notice.signed_on->month, notice.signed_on->day);
    if (!d) return unexpected(error_at(notice.signed_on->at, ErrorCode::invalid_argument, "落款日期：" + d.error().message));
    change.signed_on = *d;
  }
  ast::Item item;
  item.at = change.at;
  item.festivals.push_back({change.at, change.festival});
  item.phrases = notice.phrases;
  if (kind == SpecialKind::extension) {
    const bool extends = std::any_of(item.phrases.begin(), item.phrases.end(),
                                     [](const ast::Phrase& p) { return p.kind == ast::PhraseKind::extend_to; });
    if (!extends) {
      return unexpected(error_at(change.at, ErrorCode::parse_error,
                                 "专项通知“" + title.text + "”中找不到延长到哪天（应为“延长" + std::to_string(change.year) +
                                     "年" + change.festival + "假期至M月D日”这样的句子）"));
    }
  } else if (item.phrases.empty()) {
    return unexpected(error_at(change.at, ErrorCode::parse_error,
                               "专项通知“" + title.text + "”中找不到放假安排（应为“M月D日至D日放假……M月D日上班”这样的句子）"));
  }
  if (auto e = read_item(item)) return unexpected(std::move(*e));
  if (auto e = check_days()) return unexpected(std::move(*e));
  extend_to_weekends();
  const ItemDays& days = items_.front();
  for (const Placed& p : days.off) change.off.insert(p.date);
  for (const Placed& p : days.work) change.work.insert(p.date);
  change.extend_to = days.extend_to;
  change.resume = days.resume;
  if (kind != SpecialKind::extension && change.off.empty()) {
    return unexpected(error_at(change.at, ErrorCode::parse_error, "专项通知“" + title.text + "”中找不到放假日期"));
  }
  return change;
}

expected<YearArrangement, Error> NoticeChecker::amend(const YearArrangement& base, const SpecialChange& c, Amendment record) const {
  if (base.year != c.year) {
    return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                               "专项通知改动的是" + std::to_string(c.year) + "年，年份文件是" + std::to_string(base.year) + "年的"));
  }
  for (const Amendment& a : base.amendments) {
    if (a.title == record.title) {
      return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                 "年份文件已记有这份专项通知（amended " + a.published +
                                     "），它的改动已在节日行中；请用该通知之前的年份文件"));
    }
  }
  // Festival groups in file order.
  std::vector<std::pair<std::string, std::vector<HolidayEntry>>> groups;
  for (const HolidayEntry& e : base.entries) {
    if (groups.empty() || groups.back().first != e.festival) groups.push_back({e.festival, {}});
    groups.back().second.push_back(e);
  }
  const auto names = [](const std::string& merged, const std::string& one) {
    return merged == one || merged.find(one + "、") == 0 || merged.find("、" + one) != std::string::npos;
  };
  std::size_t target = groups.size();
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (names(groups[i].first, c.festival)) target = i;
  }
  if (target == groups.size() && c.kind != SpecialKind::memorial) {
    return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                               "年份文件中没有“" + c.festival + "”的安排，专项通知无从" +
                                   (c.kind == SpecialKind::extension ? "延长" : "调整")));
  }
  std::set<Date> off = c.off, work = c.work;
  if (c.kind == SpecialKind::extension) {
    std::set<Date> old_off;
    for (const HolidayEntry& e : groups[target].second) {
      for (Date d = e.first; d <= e.last; d += 1) (e.work ? work : old_off).insert(d);
    }
    if (old_off.empty()) {
      return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                 "年份文件中“" + groups[target].first + "”没有放假日期，专项通知无从延长"));
    }
    const Date last = *old_off.rbegin();
    const Date until = c.extend_to->date;
    if (until <= last) {
      return unexpected(error_at(c.extend_to->at, ErrorCode::invalid_argument,
                                 "延长至" + cn_date(until) + "，但“" + groups[target].first + "”的假期原已到" + cn_date(last)));
    }
    if (until - last > 31) {
      return unexpected(error_at(c.extend_to->at, ErrorCode::invalid_argument,
                                 "延长至" + cn_date(until) + "超过原假期（到" + cn_date(last) + "）一个月，请检查"));
    }
    off.insert(old_off.begin(), old_off.end());
    for (Date d = last + 1; d <= until; d += 1) {
      work.erase(d);  // 2020: 2月1日（星期六） was a make-up day; the extension makes it rest
      off.insert(d);
    }
    if (c.resume) {
      if (c.resume->date != until + 1) {
        return unexpected(error_at(c.resume->at, ErrorCode::invalid_argument,
                                   cn_date(c.resume->date) + "起正常上班，但假期延长到" + cn_date(until) + "，两者应前后相接"));
      }
      if (c.resume->date.is_weekend()) {
        return unexpected(error_at(c.resume->at, ErrorCode::invalid_argument,
                                   cn_date(c.resume->date) + "是" + std::string(weekday_word(c.resume->date.iso_weekday())) +
                                       "，不是正常上班的工作日"));
      }
    }
  }
  for (Date d : off) {
    if (work.count(d) != 0) {
      return unexpected(error_at(c.at, ErrorCode::invalid_argument, cn_date(d) + "既放假又上班"));
    }
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (i == target) continue;
    for (const HolidayEntry& e : groups[i].second) {
      for (Date d = e.first; d <= e.last; d += 1) {
        if (off.count(d) != 0 || work.count(d) != 0 || (c.resume && c.resume->date == d && !e.work)) {
          return unexpected(error_at(c.at, ErrorCode::invalid_argument,
                                     cn_date(d) + "在年份文件中属于“" + groups[i].first + "”的安排，专项通知又把它列入“" +
                                         c.festival + "”"));
        }
      }
    }
  }
  std::vector<HolidayEntry> changed;
  const std::string name = target < groups.size() ? groups[target].first : c.festival;
  for (auto it = off.begin(); it != off.end();) {
    Date first = *it, last = *it;
    for (++it; it != off.end() && *it == last + 1; ++it) last = *it;
    changed.push_back({name, false, first, last});
  }
  for (Date d : work) changed.push_back({name, true, d, d});
  if (target == groups.size()) {  // 纪念日: a festival of its own, placed by date
    target = 0;
    while (target < groups.size() && groups[target].second.front().first < changed.front().first) ++target;
    groups.insert(groups.begin() + static_cast<std::ptrdiff_t>(target), {name, {}});
  }
  groups[target].second = std::move(changed);
  YearArrangement out = base;
  out.entries.clear();
  for (const auto& group : groups) out.entries.insert(out.entries.end(), group.second.begin(), group.second.end());
  out.amendments.push_back(std::move(record));
  if (auto e = check_round_trip(out)) return unexpected(std::move(*e));
  return out;
}

}  // namespace shixian::notice
