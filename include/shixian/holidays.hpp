// File: shixian/holidays.hpp
//
// One year's holiday arrangement as the State Council's notice sets it
// (国务院办公厅关于YYYY年部分节假日安排的通知): which days are rest days and
// which weekend days are make-up working days (调休上班), festival by festival.
//
// The project keeps every year 2001–2026 in holidays/YYYY.txt (format:
// holidays/README.md); those files are compiled into the library. The same
// format can be parsed at run time to override or extend a year:
//
// Example:
//   auto y = shixian::parse_year_file(text, "2027.txt");
//   if (!y) { std::cerr << y.error().to_string() << '\n'; return 2; }
//   auto cal = shixian::Calendar::build({.years = {*y}});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shixian/date.hpp"
#include "shixian/error.hpp"
#include "shixian/expected.hpp"

namespace shixian {

/// A run of rest days (off) or make-up working days (work) of one festival.
struct HolidayEntry {
  std::string festival;  ///< as the notice names it: 元旦, 春节, 国庆节、中秋节, …
  bool work = false;     ///< false: rest days (放假); true: make-up working days (上班)
  Date first;
  Date last;             ///< inclusive; == first for a single day
  friend bool operator==(const HolidayEntry&, const HolidayEntry&) = default;
};

/// A later notice that changed the year (2003 SARS, 2015 抗战胜利, 2020 疫情).
struct Amendment {
  std::string published;  ///< yyyy-mm-dd
  std::string number;     ///< 文号, may be empty
  std::string title;
  friend bool operator==(const Amendment&, const Amendment&) = default;
};

struct YearArrangement {
  int year = 0;
  std::string title;      ///< 国务院办公厅关于2016年部分节假日安排的通知
  std::string number;     ///< 文号: 国办发明电〔2015〕18号
  std::string published;  ///< yyyy-mm-dd
  std::vector<Amendment> amendments;
  std::vector<HolidayEntry> entries;  ///< the arrangement in force, amendments applied
  friend bool operator==(const YearArrangement&, const YearArrangement&) = default;
};

/// Parses a holidays/YYYY.txt file. Errors carry line and column. Checks that
/// make-up days are weekends, that no day is both off and work, and that
/// every date lies between December of the year before and January after.
expected<YearArrangement, Error> parse_year_file(std::string_view text, std::string_view source_name = {});

/// Writes the holidays/YYYY.txt form; parse_year_file(format_year_file(y)) == y.
std::string format_year_file(const YearArrangement& year);

}  // namespace shixian
