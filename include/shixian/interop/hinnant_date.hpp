// File: shixian/interop/hinnant_date.hpp
//
// Conversions between shixian::Date and Howard Hinnant's date library
// (Debian: libhowardhinnant-date-dev). Opt-in: include it only where you use
// <date/date.h> anyway.
//
// Example:
//   date::year_month_day ymd = shixian::to_hinnant(d);
//   shixian::Date back = shixian::from_hinnant(ymd);
#pragma once

#include <date/date.h>

#include "shixian/date.hpp"

namespace shixian {

inline date::sys_days to_hinnant_sys_days(Date d) {
  return date::sys_days{date::days{d.days_since_epoch()}};
}
inline date::year_month_day to_hinnant(Date d) { return date::year_month_day{to_hinnant_sys_days(d)}; }

inline Date from_hinnant(date::sys_days d) {
  return Date::from_days(static_cast<std::int32_t>(d.time_since_epoch().count()));
}
/// An invalid ymd (2016-02-30) is an error, as with Date::from_ymd.
inline expected<Date, Error> from_hinnant(date::year_month_day ymd) {
  return Date::from_ymd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()));
}

}  // namespace shixian
