// File: shixian/interop/boost_gregorian.hpp
//
// Conversions between shixian::Date and boost::gregorian::date
// (Debian: libboost-date-time-dev). Opt-in: the core headers never include Boost.
//
// Example:
//   boost::gregorian::date g = shixian::to_gregorian(d);
//   auto back = shixian::from_gregorian(g);   // error for not_a_date_time, ±infinity
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "shixian/date.hpp"

namespace shixian {

/// boost::gregorian covers 1400-01-01 … 9999-12-31; outside that Boost throws.
inline boost::gregorian::date to_gregorian(Date d) {
  return boost::gregorian::date(static_cast<unsigned short>(d.year()),
                                static_cast<unsigned short>(d.month()),
                                static_cast<unsigned short>(d.day()));
}

inline expected<Date, Error> from_gregorian(const boost::gregorian::date& g) {
  if (g.is_special()) {
    return unexpected(Error{ErrorCode::invalid_argument, "boost::gregorian::date 不是一个具体日期（特殊值）", {}, {}});
  }
  const auto ymd = g.year_month_day();
  return Date::from_ymd(static_cast<int>(ymd.year), static_cast<unsigned>(ymd.month),
                        static_cast<unsigned>(ymd.day));
}

}  // namespace shixian
