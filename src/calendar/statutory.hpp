// The law behind the calendar: which days the 全国年节及纪念日放假办法 in force
// makes statutory holidays, and the projection of a year that has no notice.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shixian/date.hpp"
#include "shixian/holidays.hpp"

namespace shixian::detail {

struct StatutoryDay {
  Date date;
  std::string festival;  // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节
};

/// The version of the 放假办法 in force in `year` (1999, 2007, 2013 or 2024 text).
std::string_view law_in_force(int year);

/// The statutory holidays of `year` in date order (a day shared by two
/// festivals appears once, named "中秋节、国庆节").
std::vector<StatutoryDay> statutory_days(int year);

/// The arrangement projected from the law for a year without a notice:
/// statutory days, plus art. 6's substitute for each that falls on a weekend
/// (the next Monday–Friday that is not already a rest day), no make-up days.
YearArrangement project_year(int year);

}  // namespace shixian::detail
