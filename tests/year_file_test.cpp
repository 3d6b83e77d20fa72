#include <gtest/gtest.h>

#include "calendar/builtin_holidays.hpp"
#include "shixian/holidays.hpp"

namespace shixian {
namespace {

Date D(const char* iso) { return parse_iso_date(iso).value(); }

constexpr std::string_view k2016 = R"(# 2016
year       2016
title      国务院办公厅关于2016年部分节假日安排的通知
number     国办发明电〔2015〕18号
published  2015-12-10

元旦       off 2016-01-01..2016-01-03
春节       off 2016-02-07..2016-02-13  work 2016-02-06 2016-02-14   # 两个调休上班日
)";

TEST(YearFile, Parses) {
  const auto y = parse_year_file(k2016);
  ASSERT_TRUE(y.has_value()) << y.error().to_string();
  EXPECT_EQ(y->year, 2016);
  EXPECT_EQ(y->number, "国办发明电〔2015〕18号");
  EXPECT_EQ(y->published, "2015-12-10");
  ASSERT_EQ(y->entries.size(), 4u);
  EXPECT_EQ(y->entries[1], (HolidayEntry{"春节", false, D("2016-02-07"), D("2016-02-13")}));
  EXPECT_EQ(y->entries[3], (HolidayEntry{"春节", true, D("2016-02-14"), D("2016-02-14")}));
}

TEST(YearFile, EveryBuiltinFileRoundTrips) {
  for (const auto& file : detail::builtin_year_files()) {
    const auto y = parse_year_file(file.text, file.name);
    ASSERT_TRUE(y.has_value()) << y.error().to_string();
    EXPECT_EQ(std::to_string(y->year) + ".txt", file.name);
    EXPECT_FALSE(y->title.empty()) << file.name;
    const auto again = parse_year_file(format_year_file(*y));
    ASSERT_TRUE(again.has_value()) << again.error().to_string();
    EXPECT_EQ(*again, *y) << file.name;
  }
}

TEST(YearFile, AmendmentsAndDashes) {
  const auto y = parse_year_file(
      "year 2020\ntitle T\nnumber -\npublished -\n"
      "amended 2020-01-27 国办发明电〔2020〕1号 国务院办公厅关于延长2020年春节假期的通知\n"
      "春节 off 2020-01-24..2020-02-02 work 2020-01-19\n");
  ASSERT_TRUE(y.has_value()) << y.error().to_string();
  EXPECT_EQ(y->number, "");
  EXPECT_EQ(y->published, "");
  ASSERT_EQ(y->amendments.size(), 1u);
  EXPECT_EQ(y->amendments[0], (Amendment{"2020-01-27", "国办发明电〔2020〕1号", "国务院办公厅关于延长2020年春节假期的通知"}));
}

struct BadFile {
  std::string text;
  unsigned line, column;
  std::string message;
  friend void PrintTo(const BadFile& c, std::ostream* os) { *os << c.message; }
};

class YearFileErrors : public testing::TestWithParam<BadFile> {};

TEST_P(YearFileErrors, SayWhereAndWhy) {
  const BadFile& c = GetParam();
  const auto y = parse_year_file(c.text, "x.txt");
  ASSERT_FALSE(y.has_value()) << c.text;
  EXPECT_EQ(y.error().message, c.message);
  EXPECT_EQ(y.error().where.line, c.line);
  EXPECT_EQ(y.error().where.column, c.column);
  EXPECT_EQ(y.error().source, "x.txt");
}

INSTANTIATE_TEST_SUITE_P(YearFile, YearFileErrors, testing::Values(
    BadFile{"", 1, 1, "缺少 year 行"},
    BadFile{"year 16\n", 1, 6, "年份应为1949到2200之间的四位数字"},
    // Found by fuzz_year_file: a long digit string once overflowed an int while being checked.
    BadFile{"year 2016666666666666666666\n", 1, 6, "年份应为1949到2200之间的四位数字"},
    BadFile{"year 2016\nyear 2016\n", 2, 1, "重复的 year 行"},
    BadFile{"year 2016\n春节 off 2016-02-30\n", 2, 16, "日期不存在：2016年2月只有29天"},
    BadFile{"year 2016\n春节 off 2016-02-07..2016-02-0x\n", 2, 29, "日期格式应为 yyyy-mm-dd：此处应为数字"},
    BadFile{"year 2016\n春节 2016-02-07\n", 2, 4, "此处应为 off 或 work（或未知的表头关键字）"},
    BadFile{"year 2016\n春节\n", 2, 1, "节日“春节”后缺少 off 或 work"},
    BadFile{"year 2016\n春节 off\n", 2, 4, "off/work 后应至少有一个日期"},
    BadFile{"year 2016\n春节 off work 2016-02-06\n", 2, 8, "off/work 后应至少有一个日期"},
    BadFile{"year 2016\n春节 off 2016-02-13..2016-02-07\n", 2, 8, "日期范围的终点早于起点"},
    BadFile{"year 2016\n春节 work 2016-02-08\n", 2, 9, "2016-02-08是周一，调休上班日应为周六或周日"},
    BadFile{"year 2016\n春节 off 2016-02-07..2016-02-13\n国庆节 off 2016-02-10\n", 3, 9,
            "2016-02-10重复出现（与第2行重叠）"},
    BadFile{"year 2016\n元旦 off 2018-01-01\n", 2, 8, "日期不在2016年安排的范围内（上年12月至次年1月）"},
    BadFile{"year 2016\namended 2016-01-01\n", 2, 1, "amended 行应为：amended 日期 文号 标题"},
    BadFile{"year 2016\ntitle\n", 2, 6, "“title”后缺少内容"}));

}  // namespace
}  // namespace shixian
