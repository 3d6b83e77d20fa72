// Chinese lunisolar festival dates and the 清明 solar term, computed
// astronomically (new moons and solar longitude, Beijing time UTC+8) for the
// projection of years without a holiday notice. Valid for 2001–2100.
#pragma once

#include "shixian/date.hpp"

namespace shixian::detail {

struct FestivalDates {
  Date chuxi;     // 除夕: the last day of the 12th lunar month (the day before 春节)
  Date chunjie;   // 春节: 正月初一
  Date qingming;  // 清明: the day the sun's apparent longitude reaches 15°
  Date duanwu;    // 端午: 五月初五
  Date zhongqiu;  // 中秋: 八月十五
};

/// The festivals that fall in Gregorian year `year` (1901–2199 computed;
/// verified against published tables for 2001–2100).
FestivalDates festival_dates(int year);

}  // namespace shixian::detail
