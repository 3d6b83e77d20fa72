// Tests for the astronomically computed festival dates (src/calendar/lunar.cpp).
//
// Two independent checks:
// - dates published on every Chinese calendar, written here as literals, so
//   the test means something in any clone;
// - when the build defines SHIXIAN_REFERENCE_DIR and the directory holds
//   cn-festival-dates-2001-2100.tsv (computed by a different program, the
//   lunar-javascript package), all five fields of every year 2001–2100.
#include "calendar/lunar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

using shixian::Date;
using shixian::detail::festival_dates;
using shixian::detail::FestivalDates;

// "yyyy-mm-dd", local so that this test does not depend on date.cpp.
std::string iso(Date d) {
  const std::chrono::year_month_day ymd = d.ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

TEST(Lunar, SpringFestival) {
  EXPECT_EQ(iso(festival_dates(2001).chunjie), "2001-01-24");
  EXPECT_EQ(iso(festival_dates(2016).chunjie), "2016-02-08");
  EXPECT_EQ(iso(festival_dates(2020).chunjie), "2020-01-25");
  EXPECT_EQ(iso(festival_dates(2023).chunjie), "2023-01-22");
  EXPECT_EQ(iso(festival_dates(2024).chunjie), "2024-02-10");
  EXPECT_EQ(iso(festival_dates(2025).chunjie), "2025-01-29");
}

TEST(Lunar, ChuxiIsTheDayBeforeSpringFestival) {
  EXPECT_EQ(iso(festival_dates(2016).chuxi), "2016-02-07");
  EXPECT_EQ(iso(festival_dates(2024).chuxi), "2024-02-09");  // a 29-day 腊月: no 腊月三十
  for (int year = 1901; year <= 2199; ++year) {
    const FestivalDates f = festival_dates(year);
    EXPECT_EQ(f.chunjie - f.chuxi, 1) << year;
  }
}

TEST(Lunar, Qingming) {
  EXPECT_EQ(iso(festival_dates(2016).qingming), "2016-04-04");
  EXPECT_EQ(iso(festival_dates(2023).qingming), "2023-04-05");
  EXPECT_EQ(iso(festival_dates(2025).qingming), "2025-04-04");
}

TEST(Lunar, DragonBoatAndMidAutumn) {
  EXPECT_EQ(iso(festival_dates(2001).zhongqiu), "2001-10-01");
  EXPECT_EQ(iso(festival_dates(2016).duanwu), "2016-06-09");
  EXPECT_EQ(iso(festival_dates(2016).zhongqiu), "2016-09-15");
  EXPECT_EQ(iso(festival_dates(2025).duanwu), "2025-05-31");
  EXPECT_EQ(iso(festival_dates(2025).zhongqiu), "2025-10-06");
}

TEST(Lunar, LeapMonthsAreNotCounted) {
  // 2020 has 闰四月: 端午 is in the regular fifth month, after the leap one.
  EXPECT_EQ(iso(festival_dates(2020).duanwu), "2020-06-25");
  EXPECT_EQ(iso(festival_dates(2020).zhongqiu), "2020-10-01");
  // 2023 has 闰二月.
  EXPECT_EQ(iso(festival_dates(2023).duanwu), "2023-06-22");
  EXPECT_EQ(iso(festival_dates(2023).zhongqiu), "2023-09-29");
}

TEST(Lunar, LeapEleventhMonthOf2033) {
  // The "2033 problem": a month without 中气 in autumn 2033 is not leap (its
  // 冬至-to-冬至 span has 12 months); the leap month is 闰十一月, so 春节
  // 2034 is a lunation later than a naive rule would put it.
  EXPECT_EQ(iso(festival_dates(2033).chunjie), "2033-01-31");
  EXPECT_EQ(iso(festival_dates(2034).chunjie), "2034-02-19");
  EXPECT_EQ(iso(festival_dates(2034).chuxi), "2034-02-18");
}

TEST(Lunar, PlausibleOverTheWholeComputedRange) {
  // Every year 1901–2199: festivals in their seasons and lunar years of 12 or
  // 13 months (353–355 or 383–385 days).
  const std::set<int> year_lengths{353, 354, 355, 383, 384, 385};
  for (int year = 1901; year <= 2199; ++year) {
    const FestivalDates f = festival_dates(year);
    using std::chrono::year_month_day;
    const auto on = [year](unsigned month, unsigned day) {
      return Date{year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}};
    };
    EXPECT_GE(f.chunjie, on(1, 21)) << year;
    EXPECT_LE(f.chunjie, on(2, 20)) << year;
    EXPECT_GE(f.qingming, on(4, 3)) << year;
    EXPECT_LE(f.qingming, on(4, 6)) << year;
    EXPECT_GE(f.duanwu, on(5, 27)) << year;
    EXPECT_LE(f.duanwu, on(6, 26)) << year;
    EXPECT_GE(f.zhongqiu, on(9, 7)) << year;
    EXPECT_LE(f.zhongqiu, on(10, 8)) << year;
    if (year < 2199) {
      const int length = festival_dates(year + 1).chunjie - f.chunjie;
      EXPECT_TRUE(year_lengths.contains(length)) << year << ": " << length << " days";
    }
  }
}

TEST(Lunar, MatchesReferenceTable) {
#ifndef SHIXIAN_REFERENCE_DIR
  GTEST_SKIP() << "SHIXIAN_REFERENCE_DIR is not defined; the 2001-2100 cross-check did not run";
#else
  const std::string path = std::string(SHIXIAN_REFERENCE_DIR) + "/cn-festival-dates-2001-2100.tsv";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " not found; the 2001-2100 cross-check against the reference table did not run";

  int rows = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("year")) continue;
    std::istringstream fields(line);
    int year = 0;
    std::string chuxi, chunjie, qingming, duanwu, zhongqiu;
    ASSERT_TRUE(fields >> year >> chuxi >> chunjie >> qingming >> duanwu >> zhongqiu) << "bad row: " << line;
    const FestivalDates f = festival_dates(year);
    EXPECT_EQ(iso(f.chuxi), chuxi) << year << " 除夕";
    EXPECT_EQ(iso(f.chunjie), chunjie) << year << " 春节";
    EXPECT_EQ(iso(f.qingming), qingming) << year << " 清明";
    EXPECT_EQ(iso(f.duanwu), duanwu) << year << " 端午";
    EXPECT_EQ(iso(f.zhongqiu), zhongqiu) << year << " 中秋";
    ++rows;
  }
  EXPECT_EQ(rows, 100) << path << " should list every year 2001-2100";
#endif
}

}  // namespace
