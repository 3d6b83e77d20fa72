// File: shixian/date.hpp
//
// `Date`: a civil date in China Standard Time (UTC+8, no DST), stored as the
// number of days since 1970-01-01. It is a trivially copyable 4-byte value,
// convertible to and from std::chrono's `sys_days` and `year_month_day`.
// Interop with Howard Hinnant's date and boost::gregorian lives in the opt-in
// headers shixian/interop/*.hpp so that this header stays cheap.
//
// Invalid civil dates (2016-02-30) are never normalized: `Date::from_ymd`
// and `parse_iso_date` return an error that says what is wrong.
//
// Example:
//   using namespace std::chrono;
//   constexpr shixian::Date d{2016y / September / 30d};
//   static_assert(d.iso_weekday() == 5);           // a Friday
//   shixian::to_string(d + 8) == "2016-10-08";
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian {

class Date {
 public:
  /// 1970-01-01.
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days d)
      : days_(static_cast<std::int32_t>(d.time_since_epoch().count())) {}
  /// Precondition: ymd.ok(). Use from_ymd() for unchecked input.
  constexpr explicit Date(std::chrono::year_month_day ymd) : Date(std::chrono::sys_days{ymd}) {}
  /// The last day of a month: Date{2016y / February / std::chrono::last} is 2016-02-29.
  constexpr explicit Date(std::chrono::year_month_day_last ymdl) : Date(std::chrono::sys_days{ymdl}) {}

  static constexpr Date from_days(std::int32_t days_since_epoch) {
    Date d;
    d.days_ = days_since_epoch;
    return d;
  }
  /// Checked construction: 2016, 2, 30 is an error ("2016年2月只有29天").
  static expected<Date, Error> from_ymd(int year, unsigned month, unsigned day);

  constexpr std::int32_t days_since_epoch() const { return days_; }
  constexpr std::chrono::sys_days sys_days() const {
    return std::chrono::sys_days{std::chrono::days{days_}};
  }
  constexpr std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{sys_days()}; }
  constexpr int year() const { return static_cast<int>(ymd().year()); }
  constexpr unsigned month() const { return static_cast<unsigned>(ymd().month()); }  // [1, 12]
  constexpr unsigned day() const { return static_cast<unsigned>(ymd().day()); }      // [1, 31]

  /// ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
  constexpr unsigned iso_weekday() const {
    const int r = (days_ % 7 + 7 + 3) % 7;  // [0, 6], 0 = Monday
    return static_cast<unsigned>(r + 1);
  }
  constexpr bool is_weekend() const { return iso_weekday() >= 6; }

  constexpr Date& operator+=(std::int32_t days) { days_ += days; return *this; }
  constexpr Date& operator-=(std::int32_t days) { days_ -= days; return *this; }
  friend constexpr Date operator+(Date d, std::int32_t days) { return d += days; }
  friend constexpr Date operator-(Date d, std::int32_t days) { return d -= days; }
  /// Calendar days from b to a.
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  std::int32_t days_ = 0;
};

/// "yyyy-mm-dd" (years 0–9999; others with a sign and at least 4 digits).
std::string to_string(Date d);

/// Parses exactly "yyyy-mm-dd" (ASCII or full-width digits and hyphens are
/// both accepted). Errors name the column of the first bad character and say
/// why: "月份必须在1到12之间", "日期不存在：2016年2月只有29天".
expected<Date, Error> parse_iso_date(std::string_view text);

/// Writes to_string(d) ("2016-10-10"); GoogleTest prints Dates with it.
std::ostream& operator<<(std::ostream& out, Date d);

/// 周一 … 周日.
std::string_view weekday_name(Date d);

}  // namespace shixian
