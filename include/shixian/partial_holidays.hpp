// File: shixian/partial_holidays.hpp
//
// Holidays for part of the population (全国年节及纪念日放假办法 art. 3):
// 妇女节 3-8, 青年节 5-4, 儿童节 6-1, 建军节 8-1. They are metadata about a day
// — who gets how much time off — and never change the general working
// calendar (SPEC §1): 2016-03-08 stays a working day for a deadline. A unit
// that does give everyone the afternoon off can say so with an overlay
// (shixian/overlay.hpp).
//
// Art. 3 texts: from 2008-01-01 (SC Order 513; unchanged in 2013 and 2024),
// 儿童节 is for children under 14; in the 1999 text (1999-09-18 to 2007-12-31)
// for children aged 13 and under. Earlier dates have no entries here.
//
// Example:
//   using namespace std::chrono;
//   for (const auto& p : shixian::partial_holidays(shixian::Date{2016y / May / 4d}))
//     std::cout << p.name << ' ' << p.who << ' ' << p.time_off;   // 青年节 14周岁以上的青年 半天
#pragma once

#include <string_view>
#include <vector>

#include "shixian/date.hpp"

namespace shixian {

struct PartialHoliday {
  std::string_view name;      ///< 妇女节, 青年节, 儿童节, 建军节
  std::string_view who;       ///< 妇女, 14周岁以上的青年, 不满14周岁的少年儿童, 现役军人
  std::string_view time_off;  ///< 半天 or 1天
  bool half_day = true;
  std::string_view article;   ///< the text that sets it, e.g. 全国年节及纪念日放假办法（2007）第三条
};

/// The art. 3 holidays on `d` (at most one today; a vector so that a future
/// text may add more). Empty for other days and for dates before 1999-09-18.
std::vector<PartialHoliday> partial_holidays(Date d);

}  // namespace shixian
