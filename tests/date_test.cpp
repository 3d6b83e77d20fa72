#include "shixian/date.hpp"

#include <gtest/gtest.h>

#include "shixian/interop/boost_gregorian.hpp"
#include "shixian/interop/hinnant_date.hpp"

namespace shixian {
namespace {

using namespace std::chrono;

TEST(Date, IsASmallConstexprValue) {
  static_assert(sizeof(Date) == 4);
  static_assert(std::is_trivially_copyable_v<Date>);
  constexpr Date d{2016y / September / 30d};
  static_assert(d.days_since_epoch() == 17074);
  static_assert(d.iso_weekday() == 5);
  static_assert((d + 8).iso_weekday() == 6 && (d + 8).is_weekend());
  static_assert(Date{2016y / February / last}.day() == 29);
  static_assert(Date{} == Date{1970y / January / 1d});
  static_assert(Date{1969y / December / 31d}.iso_weekday() == 3);  // negative day counts too
  static_assert(Date{2016y / October / 10d} - d == 10);
  EXPECT_EQ(d.ymd(), 2016y / September / 30d);
  EXPECT_EQ(Date{d.sys_days()}, d);
}

TEST(Date, FromYmdChecksInsteadOfNormalizing) {
  EXPECT_EQ(*Date::from_ymd(2016, 2, 29), Date{2016y / February / 29d});
  EXPECT_EQ(Date::from_ymd(2016, 2, 30).error().message, "日期不存在：2016年2月只有29天");
  EXPECT_EQ(Date::from_ymd(2017, 2, 29).error().message, "日期不存在：2017年2月只有28天");
  EXPECT_EQ(Date::from_ymd(2016, 13, 1).error().message, "月份必须在1到12之间（得到 13）");
  EXPECT_EQ(Date::from_ymd(2016, 4, 0).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(Date::from_ymd(99999, 1, 1).error().code, ErrorCode::out_of_range);
}

TEST(Date, IsoRoundTrip) {
  for (Date d = Date{2000y / January / 1d}; d <= Date{2101y / January / 1d}; d += 1) {
    ASSERT_EQ(*parse_iso_date(to_string(d)), d);
  }
  EXPECT_EQ(to_string(Date{2016y / October / 8d}), "2016-10-08");
  EXPECT_EQ(weekday_name(Date{2016y / October / 8d}), "周六");
}

TEST(Date, IsoAcceptsFullWidth) {
  EXPECT_EQ(*parse_iso_date("２０１６－０９－３０"), Date{2016y / September / 30d});
}

struct BadIso {
  const char* text;
  unsigned column;
  const char* message;
  friend void PrintTo(const BadIso& c, std::ostream* os) { *os << '"' << c.text << '"'; }
};

class IsoErrors : public testing::TestWithParam<BadIso> {};

TEST_P(IsoErrors, NameTheColumn) {
  const BadIso& c = GetParam();
  const auto d = parse_iso_date(c.text);
  ASSERT_FALSE(d.has_value()) << c.text;
  EXPECT_EQ(d.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(d.error().where.column, c.column) << c.text;
  EXPECT_EQ(d.error().message, c.message) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Date, IsoErrors, testing::Values(
    BadIso{"", 1, "日期为空，应为 yyyy-mm-dd"},
    BadIso{"2016/09/30", 5, "日期格式应为 yyyy-mm-dd：此处应为“-”"},
    BadIso{"2016-9-30", 7, "日期格式应为 yyyy-mm-dd：此处应为数字"},
    BadIso{"2016-09-3", 10, "日期不完整，应为 yyyy-mm-dd"},
    BadIso{"2016-09-300", 11, "日期后有多余的字符"},
    BadIso{"2016-13-01", 6, "月份必须在1到12之间"},
    BadIso{"2016-00-10", 6, "月份必须在1到12之间"},
    BadIso{"2016-02-30", 9, "日期不存在：2016年2月只有29天"},
    BadIso{"0000-01-01", 1, "年份不能为0000"},
    BadIso{"２０１６－０２－３０", 9, "日期不存在：2016年2月只有29天"},
    BadIso{"2016-0９-3x", 10, "日期格式应为 yyyy-mm-dd：此处应为数字"},
    BadIso{"二〇一六年", 1, "日期格式应为 yyyy-mm-dd：此处应为数字"},
    BadIso{"2016-09-30T10", 11, "日期后有多余的字符"},
    BadIso{"\xff\xfe", 1, "日期格式应为 yyyy-mm-dd：此处应为数字"}));

TEST(Date, HinnantInterop) {
  const Date d{2016y / October / 8d};
  const date::year_month_day h = to_hinnant(d);
  EXPECT_EQ(h, date::year{2016} / 10 / 8);
  EXPECT_EQ(*from_hinnant(h), d);
  EXPECT_EQ(from_hinnant(to_hinnant_sys_days(d)), d);
  EXPECT_FALSE(from_hinnant(date::year{2016} / 2 / 30).has_value());
}

TEST(Date, BoostGregorianInterop) {
  const Date d{2016y / October / 8d};
  const boost::gregorian::date g = to_gregorian(d);
  EXPECT_EQ(g, boost::gregorian::date(2016, 10, 8));
  EXPECT_EQ(g.day_of_week().as_number(), 6);  // Saturday, as Date says
  EXPECT_EQ(*from_gregorian(g), d);
  EXPECT_FALSE(from_gregorian(boost::gregorian::date(boost::gregorian::not_a_date_time)).has_value());
}

}  // namespace
}  // namespace shixian
