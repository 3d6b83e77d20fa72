// The calendar against independent truth: the reference dataset for every day
// 2001–2026, SPEC's worked examples, a brute-force day loop for the O(1)
// arithmetic, and the law for projected years.
#include "shixian/calendar.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "calendar/builtin_holidays.hpp"

namespace shixian {
namespace {

using namespace std::chrono;

Date D(const char* iso) { return parse_iso_date(iso).value(); }

const Calendar& cal() { return Calendar::china(); }

// The day-by-day definition the O(1) tables must agree with.
Date naive_add(Date d, int n) {
  const int step = n > 0 ? 1 : -1;
  for (int left = n > 0 ? n : -n; left > 0;) {
    d += step;
    if (*cal().is_workday(d)) --left;
  }
  return d;
}

TEST(Calendar, MatchesReferenceEveryDay2001To2026) {
  const std::filesystem::path dir = SHIXIAN_REFERENCE_DIR;
  const auto files = {dir / "cn-workday-exceptions-2001-2006.tsv", dir / "cn-workday-exceptions.tsv"};
  std::map<Date, bool> exceptions;  // date -> working day
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) GTEST_SKIP() << "reference data not found at " << file << " (present in CI as ../shared/reference)";
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line.rfind("date", 0) == 0) continue;
      std::istringstream fields(line);
      std::string date, kind;
      fields >> date >> kind;
      exceptions[D(date.c_str())] = kind == "work";
    }
  }
  ASSERT_GT(exceptions.size(), 800u);
  int compared = 0;
  std::vector<std::string> differences;
  for (Date d = D("2001-01-01"); d <= D("2026-12-31"); d += 1) {
    const auto found = exceptions.find(d);
    const bool expected = found != exceptions.end() ? found->second : !d.is_weekend();
    if (*cal().is_workday(d) != expected) differences.push_back(to_string(d));
    ++compared;
  }
  EXPECT_EQ(compared, 9496);
  EXPECT_TRUE(differences.empty()) << differences.size() << " days differ, first " << differences.front();
}

// SPEC §2, the official 2016 calendar (国办发明电〔2015〕18号).
TEST(Calendar, Spec2WorkedExamples) {
  // 形成文件 9/30 (Fri), 3个工作日: 10/8 (Sat, 调休上班) 1st, 10/9 2nd, 10/10 3rd.
  EXPECT_EQ(*cal().add_workdays(D("2016-09-30"), 3), D("2016-10-10"));
  // 形成文件 on a rest day: still counted from the next working day.
  EXPECT_EQ(*cal().add_workdays(D("2016-10-01"), 3), D("2016-10-10"));
  // 检修 10/10, 提前2个工作日: 10/9 1st, 10/8 2nd.
  EXPECT_EQ(*cal().add_workdays(D("2016-10-10"), -2), D("2016-10-08"));
  // 签订 9/29 + 3 calendar days = 10/2, a rest day → the next working day 10/8.
  EXPECT_EQ(*cal().following(D("2016-09-29") + 3), D("2016-10-08"));
  // A make-up Saturday is itself a working day: no extension.
  EXPECT_EQ(*cal().following(D("2016-10-08")), D("2016-10-08"));
}

TEST(Calendar, DayKinds2016) {
  const auto kind = [](const char* d) { return cal().day(D(d))->kind; };
  EXPECT_EQ(kind("2016-10-01"), DayKind::statutory_holiday);  // a Saturday, but statutory
  EXPECT_EQ(kind("2016-10-04"), DayKind::swapped_rest_day);
  EXPECT_EQ(kind("2016-10-08"), DayKind::makeup_workday);
  EXPECT_EQ(kind("2016-02-07"), DayKind::weekend);  // 除夕, a Sunday: not statutory under the 2013 text
  EXPECT_EQ(kind("2016-02-08"), DayKind::statutory_holiday);  // 初一
  EXPECT_EQ(kind("2016-02-11"), DayKind::swapped_rest_day);
  EXPECT_EQ(kind("2016-03-01"), DayKind::workday);
  EXPECT_EQ(kind("2016-03-05"), DayKind::weekend);
  const DayInfo oct8 = *cal().day(D("2016-10-08"));
  EXPECT_TRUE(oct8.workday);
  EXPECT_EQ(oct8.festival, "国庆节");
  EXPECT_FALSE(oct8.projected);
  EXPECT_EQ(cal().day(D("2016-03-01"))->festival, "");
  // Special notices: 2015 抗战胜利纪念日, 2020 春节 extension (2/1 no longer a make-up day).
  EXPECT_EQ(kind("2015-09-03"), DayKind::statutory_holiday);
  EXPECT_EQ(kind("2015-09-04"), DayKind::swapped_rest_day);  // 调休: the notice names only 9月3日 the holiday
  EXPECT_EQ(kind("2015-09-06"), DayKind::makeup_workday);
  EXPECT_FALSE(*cal().is_workday(D("2020-02-01")));
  EXPECT_FALSE(*cal().is_workday(D("2020-01-31")));
  EXPECT_TRUE(*cal().is_workday(D("2020-02-03")));
}

TEST(Calendar, YearSources) {
  const YearSource y2016 = *cal().year_source(2016);
  EXPECT_TRUE(y2016.official);
  EXPECT_EQ(y2016.number, "国办发明电〔2015〕18号");
  EXPECT_EQ(y2016.title, "国务院办公厅关于2016年部分节假日安排的通知");
  const YearSource y2020 = *cal().year_source(2020);
  ASSERT_EQ(y2020.amendments.size(), 1u);
  EXPECT_EQ(y2020.amendments[0].number, "国办发明电〔2020〕1号");
  const YearSource y2027 = *cal().year_source(2027);
  EXPECT_FALSE(y2027.official);
  EXPECT_NE(y2027.title.find("2024年修订"), std::string::npos);
  EXPECT_EQ(cal().year_source(2101).error().code, ErrorCode::out_of_range);
}

TEST(Calendar, AddWorkdaysAgreesWithDayLoopEverywhere) {
  for (int n : {1, 2, 3, 5, 20, 250, -1, -2, -3, -20, -250}) {
    for (Date d = D("2002-01-01"); d <= D("2025-12-31"); d += 1) {
      ASSERT_EQ(*cal().add_workdays(d, n), naive_add(d, n)) << to_string(d) << " n=" << n;
    }
  }
}

TEST(Calendar, RoundTripsOverTheWholeRange) {
  std::mt19937 rng(20161010);
  std::uniform_int_distribution<int> day(0, D("2100-12-31") - D("2001-01-01"));
  std::uniform_int_distribution<int> amount(-600, 600);
  for (int i = 0; i < 200000; ++i) {
    const Date d = D("2001-01-01") + day(rng);
    const int n = amount(rng);
    const auto moved = cal().add_workdays(d, n);
    if (!moved) {
      EXPECT_EQ(moved.error().code, ErrorCode::out_of_range);
      continue;
    }
    ASSERT_EQ(*cal().workdays_between(d, *moved), n) << to_string(d) << " " << n;
    if (n > 0 && *moved < cal().last_day()) {
      EXPECT_TRUE(*cal().is_workday(*moved));
      EXPECT_EQ(*cal().prev_workday(*moved + 1), *moved);
    }
  }
}

TEST(Calendar, WorkdaysBetweenIsHalfOpen) {
  // (a, b]: the start day is excluded, the end day included.
  EXPECT_EQ(*cal().workdays_between(D("2016-09-30"), D("2016-10-10")), 3);
  EXPECT_EQ(*cal().workdays_between(D("2016-09-30"), D("2016-09-30")), 0);
  EXPECT_EQ(*cal().workdays_between(D("2016-10-01"), D("2016-10-07")), 0);
  // b < a: minus the working days in [b, a).
  EXPECT_EQ(*cal().workdays_between(D("2016-10-10"), D("2016-10-08")), -2);
  // A whole year: 2016 had 261 weekdays − 17 holiday weekdays + 6 make-up weekend days = 250.
  EXPECT_EQ(*cal().workdays_between(D("2015-12-31"), D("2016-12-31")), 250);
}

TEST(Calendar, BoundaryStarts) {
  EXPECT_EQ(*cal().next_workday(D("2016-10-08")), D("2016-10-09"));  // from a make-up Saturday
  EXPECT_EQ(*cal().prev_workday(D("2016-10-08")), D("2016-09-30"));
  EXPECT_EQ(*cal().next_workday(D("2016-12-30")), D("2017-01-03"));  // across a year end (元旦 12/31–1/2)
  EXPECT_EQ(*cal().prev_workday(D("2017-01-03")), D("2016-12-30"));
  EXPECT_EQ(*cal().add_workdays(D("2016-10-05"), 0), D("2016-10-05"));
  EXPECT_EQ(*cal().preceding(D("2016-10-07")), D("2016-09-30"));
}

TEST(Calendar, RangeEdgesAreErrorsNotUB) {
  EXPECT_EQ(cal().first_day(), D("2001-01-01"));
  EXPECT_EQ(cal().last_day(), D("2100-12-31"));
  EXPECT_EQ(cal().is_workday(D("2000-12-31")).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(cal().is_workday(D("2101-01-01")).error().message,
            "日期 2101-01-01 超出日历范围（2001-01-01 至 2100-12-31）");
  EXPECT_EQ(cal().add_workdays(D("2100-12-31"), 1).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(cal().add_workdays(D("2001-01-02"), -1).error().code, ErrorCode::out_of_range);  // 1/1 is 元旦
  EXPECT_EQ(cal().add_workdays(D("2016-01-01"), 1'000'000).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(cal().add_workdays(D("2016-01-01"), std::numeric_limits<int>::min()).error().code,
            ErrorCode::out_of_range);
  EXPECT_EQ(cal().workdays_between(D("2016-01-01"), D("2200-01-01")).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(cal().day(Date::from_days(std::numeric_limits<std::int32_t>::min())).error().code,
            ErrorCode::out_of_range);
  EXPECT_TRUE(cal().add_workdays(D("2001-01-01"), 1).has_value());
}

TEST(Calendar, WorkdaysOfMonth) {
  EXPECT_EQ(*cal().nth_workday_of_month(2016, 10, 1), D("2016-10-08"));  // a make-up Saturday
  EXPECT_EQ(*cal().nth_workday_of_month(2016, 2, 1), D("2016-02-01"));
  EXPECT_EQ(*cal().last_workday_of_month(2016, 9), D("2016-09-30"));
  EXPECT_EQ(*cal().last_workday_of_month(2016, 4), D("2016-04-29"));  // 4/30 starts 劳动节
  EXPECT_EQ(*cal().nth_workday_of_month(2016, 10, -2), D("2016-10-28"));
  EXPECT_EQ(cal().nth_workday_of_month(2016, 10, 30).error().message, "2016年10月只有18个工作日，没有第30个");
  EXPECT_EQ(cal().nth_workday_of_month(2016, 13, 1).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(cal().nth_workday_of_month(2016, 10, 0).error().code, ErrorCode::out_of_range);
}

// SPEC §4 节前: the last working day before each 2016 holiday block.
TEST(Calendar, HolidayBlocks2016) {
  const auto blocks = *cal().holiday_blocks(2016);
  ASSERT_EQ(blocks.size(), 7u);
  std::vector<std::string> before, names;
  for (const HolidayBlock& b : blocks) {
    before.push_back(to_string(*cal().prev_workday(b.first)));
    names.emplace_back(b.festival);
  }
  EXPECT_EQ(before, (std::vector<std::string>{"2015-12-31", "2016-02-06", "2016-04-01", "2016-04-29", "2016-06-08",
                                              "2016-09-14", "2016-09-30"}));
  EXPECT_EQ(names, (std::vector<std::string>{"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}));
  EXPECT_EQ(blocks[1].first, D("2016-02-07"));
  EXPECT_EQ(blocks[1].last, D("2016-02-13"));
  // A 元旦 break that starts in December belongs to the new year.
  const auto blocks2008 = *cal().holiday_blocks(2008);
  EXPECT_EQ(blocks2008.front().first, D("2007-12-30"));
  const auto blocks2007 = *cal().holiday_blocks(2007);
  EXPECT_LT(blocks2007.back().last, D("2007-12-30"));
}

// SPEC §1: 2027 projected: off 1/1, 2/5, 2/8–2/10, 4/5, 5/3–5/4, 6/9, 9/15, 10/1, 10/4–10/5 (plus weekends).
TEST(Calendar, Projection2027) {
  std::vector<std::string> weekday_rest;
  for (Date d = D("2027-01-01"); d <= D("2027-12-31"); d += 1) {
    const DayInfo day = *cal().day(d);
    EXPECT_TRUE(day.projected);
    EXPECT_NE(day.kind, DayKind::makeup_workday);  // only a notice can set those
    if (!day.workday && !d.is_weekend()) weekday_rest.push_back(to_string(d).substr(5));
  }
  EXPECT_EQ(weekday_rest, (std::vector<std::string>{"01-01", "02-05", "02-08", "02-09", "02-10", "04-05", "05-03",
                                                    "05-04", "06-09", "09-15", "10-01", "10-04", "10-05"}));
  EXPECT_EQ(cal().day(D("2027-02-06"))->kind, DayKind::statutory_holiday);  // 初一 on a Saturday
  EXPECT_EQ(cal().day(D("2027-02-09"))->kind, DayKind::swapped_rest_day);   // art. 6 substitute
  EXPECT_EQ(cal().day(D("2027-02-09"))->festival, "春节");
  EXPECT_TRUE(cal().projected_between(D("2026-12-30"), D("2027-01-04")));
  EXPECT_FALSE(cal().projected_between(D("2016-01-01"), D("2026-12-31")));
  EXPECT_FALSE(cal().day(D("2026-12-31"))->projected);
  EXPECT_EQ(cal().first_projected_day(), D("2027-01-01"));
}

TEST(Calendar, StrictModeRefusesProjectedYears) {
  const auto strict = Calendar::build({.strict = true});
  ASSERT_TRUE(strict.has_value());
  EXPECT_EQ(*strict->add_workdays(D("2016-09-30"), 3), D("2016-10-10"));
  const auto refused = strict->add_workdays(D("2026-12-30"), 5);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::projected_year);
  EXPECT_EQ(strict->is_workday(D("2027-03-01")).error().code, ErrorCode::projected_year);
  EXPECT_EQ(strict->workdays_between(D("2026-06-01"), D("2027-06-01")).error().code, ErrorCode::projected_year);
}

TEST(Calendar, UserYearReplacesProjection) {
  YearArrangement y2027;
  y2027.year = 2027;
  y2027.title = "国务院办公厅关于2027年部分节假日安排的通知（测试）";
  y2027.entries = {{"春节", false, D("2027-02-05"), D("2027-02-13")}, {"春节", true, D("2027-02-14"), D("2027-02-14")}};
  const auto c = Calendar::build({.years = {y2027}});
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->year_source(2027)->official);
  EXPECT_FALSE(c->day(D("2027-02-12"))->projected);
  EXPECT_FALSE(*c->is_workday(D("2027-02-12")));
  EXPECT_TRUE(*c->is_workday(D("2027-02-14")));           // a Sunday made a working day
  EXPECT_TRUE(*c->is_workday(D("2027-10-04")));           // no 国庆 entry in this (partial) notice
  EXPECT_TRUE(*cal().is_workday(D("2027-02-12")));        // the shared calendar is untouched
  EXPECT_EQ(c->first_projected_day(), D("2028-01-01"));
  const auto all_official = Calendar::build({.years = {y2027}, .last_year = 2027});
  ASSERT_TRUE(all_official.has_value());
  EXPECT_EQ(all_official->first_projected_day(), D("2028-01-01"));  // none: the day after the range
}

TEST(Calendar, EarlierYearsWhenLoaded) {
  YearArrangement y1999;
  y1999.year = 1999;
  y1999.entries = {{"国庆节", false, D("1999-10-01"), D("1999-10-07")}};
  const auto c = Calendar::build({.years = {y1999}});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->first_day(), D("1999-01-01"));
  EXPECT_EQ(*c->next_workday(D("1999-09-30")), D("1999-10-08"));
  EXPECT_TRUE(c->day(D("2000-05-01"))->projected);  // 2000: no data given, projected from the 1999 law
  EXPECT_FALSE(*c->is_workday(D("2000-05-01")));
}

// A custom calendar whose gaps are too long for the compact position table
// (64 working days spanning more than 255 days) uses the bitmap select instead.
TEST(Calendar, LongClosuresUseTheFallbackSelect) {
  YearArrangement closed;
  closed.year = 2030;
  closed.entries = {{"停工", false, D("2030-01-01"), D("2030-10-31")}};
  const auto c = Calendar::build({.years = {closed}});
  ASSERT_TRUE(c.has_value());
  const auto naive = [&](Date d, int n) {
    for (int left = n > 0 ? n : -n; left > 0;) {
      d += n > 0 ? 1 : -1;
      if (*c->is_workday(d)) --left;
    }
    return d;
  };
  EXPECT_EQ(*c->next_workday(D("2029-12-31")), D("2030-11-01"));
  for (Date d = D("2029-06-01"); d <= D("2031-06-01"); d += 1) {
    for (int n : {1, 20, 64, 65, 200, -1, -20, -64, -200}) {
      ASSERT_EQ(*c->add_workdays(d, n), naive(d, n)) << to_string(d) << " " << n;
    }
  }
}

TEST(Calendar, BadBuildOptions) {
  EXPECT_EQ(Calendar::build({.first_year = 1800}).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(Calendar::build({.first_year = 2050, .last_year = 2040}).error().code, ErrorCode::out_of_range);
}

TEST(Calendar, TablesFitIn64KiB) {
  EXPECT_LT(cal().table_bytes(), 64u * 1024u);
  EXPECT_GT(cal().table_bytes(), 36524u);  // at least one byte of kind per day
}

TEST(Calendar, SharedAcrossThreads) {
  std::vector<std::thread> threads;
  std::vector<Date> results(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&results, t] {
      Date d = D("2016-09-30");
      for (int i = 0; i < 10000; ++i) d = *Calendar::china().add_workdays(D("2016-09-30"), 3);
      results[static_cast<std::size_t>(t)] = d;
    });
  }
  for (auto& th : threads) th.join();
  for (Date d : results) EXPECT_EQ(d, D("2016-10-10"));
}

TEST(Calendar, BuiltinDataCoversEveryNoticeYear) {
  std::set<std::string> names;
  for (const auto& f : detail::builtin_year_files()) names.emplace(f.name);
  for (int y = 2001; y <= 2026; ++y) EXPECT_TRUE(names.count(std::to_string(y) + ".txt")) << y;
  for (int y = 2001; y <= 2026; ++y) EXPECT_TRUE(cal().year_source(y)->official) << y;
}

}  // namespace
}  // namespace shixian
