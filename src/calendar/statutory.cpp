#include "calendar/statutory.hpp"

#include <map>
#include <string>

#include "calendar/lunar.hpp"

namespace shixian::detail {

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

}  // namespace

std::string_view law_in_force(int year) {
  if (year >= 2025) return "《全国年节及纪念日放假办法》（2024年修订，国务院令第795号）";
  if (year >= 2014) return "《全国年节及纪念日放假办法》（2013年修订，国务院令第644号）";
  if (year >= 2008) return "《全国年节及纪念日放假办法》（2007年修订，国务院令第513号）";
  return "《全国年节及纪念日放假办法》（1999年修订，国务院令第270号）";
}

std::vector<StatutoryDay> statutory_days(int year) {
  const FestivalDates f = festival_dates(year);
  std::map<Date, std::string> days;  // ordered, merges a day two festivals share
  const auto add = [&](Date d, std::string_view festival) {
    auto [it, inserted] = days.emplace(d, std::string(festival));
    if (!inserted && it->second != festival) {
      // Name the later festival last: 中秋节、国庆节.
      it->second = festival == "国庆节" ? it->second + "、" + std::string(festival)
                                        : std::string(festival) + "、" + it->second;
    }
  };
  add(ymd(year, 1, 1), "元旦");
  // 春节: 1999 text 初一–初三; 2007 text 除夕–初二; 2013 text 初一–初三; 2024 text 除夕–初三.
  if (year >= 2008 && year < 2014) {
    add(f.chuxi, "春节");
    add(f.chunjie, "春节");
    add(f.chunjie + 1, "春节");
  } else {
    if (year >= 2025) add(f.chuxi, "春节");
    for (int i = 0; i < 3; ++i) add(f.chunjie + i, "春节");
  }
  if (year >= 2008) {
    add(f.qingming, "清明节");
    add(f.duanwu, "端午节");
    add(f.zhongqiu, "中秋节");
  }
  // 劳动节: 3 days before 2008, 1 day 2008–2024, 2 days since 2025.
  const int labour_days = year < 2008 ? 3 : (year < 2025 ? 1 : 2);
  for (int i = 0; i < labour_days; ++i) add(ymd(year, 5, 1) + i, "劳动节");
  for (int i = 0; i < 3; ++i) add(ymd(year, 10, 1) + i, "国庆节");

  std::vector<StatutoryDay> out;
  out.reserve(days.size());
  for (auto& [date, name] : days) out.push_back({date, std::move(name)});
  return out;
}

YearArrangement project_year(int year) {
  const std::vector<StatutoryDay> statutory = statutory_days(year);
  std::map<Date, std::string> off;
  for (const StatutoryDay& s : statutory) off.emplace(s.date, s.festival);
  // Art. 6: a statutory day on a Saturday or Sunday is given back on the next
  // working day, taken in date order so that 春节 2027 (初一 Sat, 初二 Sun,
  // 初三 Mon) gives back Tue and Wed.
  for (const StatutoryDay& s : statutory) {
    if (!s.date.is_weekend()) continue;
    Date sub = s.date + 1;
    while (sub.is_weekend() || off.count(sub) != 0) sub += 1;
    off.emplace(sub, s.festival);
  }

  YearArrangement y;
  y.year = year;
  y.title = "按" + std::string(law_in_force(year)) + "推算（尚无国务院办公厅通知）";
  // Consecutive days of one festival become one range; weekends inside it join it.
  for (const auto& [date, festival] : off) {
    if (!y.entries.empty()) {
      HolidayEntry& last = y.entries.back();
      Date gap = last.last + 1;
      while (gap < date && gap.is_weekend()) gap += 1;
      if (last.festival == festival && gap == date) {
        last.last = date;
        continue;
      }
    }
    y.entries.push_back({festival, false, date, date});
  }
  return y;
}

}  // namespace shixian::detail
