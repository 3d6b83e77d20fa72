// Helpers shared by the notice tests (notice_test.cpp, notice_web_test.cpp):
// reading files, year files that must parse, and day-by-day comparison.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "shixian/notice.hpp"

namespace shixian::notice_testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A year file's text that must parse (a failure names the error).
inline YearArrangement year_file(const std::string& text) {
  auto y = parse_year_file(text, "expected");
  EXPECT_TRUE(y) << (y ? "" : y.error().to_string());
  return y ? *y : YearArrangement{};
}

// The first occurrence of `from` replaced (the test fails if there is none).
inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Day by day: date -> work?  (independent of how runs are split into entries)
inline std::map<Date, bool> days_of(const YearArrangement& y) {
  std::map<Date, bool> out;
  for (const auto& e : y.entries) {
    for (Date d = e.first; d <= e.last; d += 1) out[d] = e.work;
  }
  return out;
}

// Same working calendar: every day either file names is a working day in both or a rest day in
// both (a weekend one file lists as part of a break and the other leaves out is the same day).
inline void expect_same_calendar(const YearArrangement& a, const YearArrangement& b) {
  const auto da = days_of(a), db = days_of(b);
  std::map<Date, bool> all(da.begin(), da.end());
  all.insert(db.begin(), db.end());
  for (const auto& [day, unused] : all) {
    const auto work_in = [d = day](const std::map<Date, bool>& m) {
      const auto it = m.find(d);
      return it != m.end() ? it->second : !d.is_weekend();
    };
    EXPECT_EQ(work_in(da), work_in(db)) << to_string(day);
  }
}

}  // namespace shixian::notice_testing
