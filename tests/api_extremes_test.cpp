// The public API with extreme arguments (issue 15): INT_MIN/INT_MAX years,
// offsets, times of day and dates at the ends of the range are errors, never
// wrapped values or undefined behaviour. Run under UBSan in the hostile build.
#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <string>
#include <type_traits>

#include "shixian/calendar.hpp"
#include "shixian/date.hpp"
#include "shixian/evaluate.hpp"

namespace shixian {
namespace {

using namespace std::chrono;

// expected<bool> must not convert to bool: `if (cal.is_workday(d))` would be
// true on a holiday. Other expected types still do.
static_assert(!std::is_constructible_v<bool, expected<bool, Error>>);
static_assert(std::is_constructible_v<bool, expected<int, Error>>);

TEST(ApiExtremes, IsWorkdayIsReadThroughTheValue) {
  const auto r = Calendar::china().is_workday(Date{2016y / October / 3d});  // 国庆节
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(*r);
}

TEST(ApiExtremes, PlanYearsOutsideTheCalendarAreErrors) {
  for (const int y : {INT_MIN, -1, 0, 1999, 2101, 99999, INT_MAX}) {
    for (const char* rule : {"12月底前", "次年1月中旬前", "每年3月底前", "每季度结束后10个工作日内"}) {
      Context ctx;
      ctx.year(y);
      const auto s = due(rule, ctx);
      ASSERT_FALSE(s.has_value()) << rule << " year " << y << " gave " << s->at(0).due_string();
      EXPECT_EQ(s.error().error.code, ErrorCode::out_of_range) << rule << " " << y;
      EXPECT_NE(s.error().error.message.find("超出日历范围"), std::string::npos) << s.error().error.message;
    }
  }
}

TEST(ApiExtremes, DeadlinesPastEitherEndAreTheSameError) {
  Context ctx;
  ctx.event("形成文件", Date{2016y / January / 1d});
  for (const char* rule : {"形成文件前9999个月", "形成文件前9999周", "形成文件前9999日", "形成文件后9999个月",
                           "形成文件前9999年", "形成文件后9999年"}) {
    const auto s = due(rule, ctx);
    ASSERT_FALSE(s.has_value()) << rule << " gave " << s->at(0).due_string();
    EXPECT_EQ(s.error().error.code, ErrorCode::out_of_range) << rule;
  }
  Context last;
  last.year(2100);
  const auto s = due("次年1月中旬前", last);
  ASSERT_FALSE(s.has_value()) << s->at(0).due_string();
  EXPECT_NE(s.error().error.message.find("2101-01-20"), std::string::npos) << s.error().error.message;
  last.year(2099);
  EXPECT_TRUE(due("次年1月中旬前", last).has_value());
}

TEST(ApiExtremes, EventDatesAtTheEndsOfInt32) {
  for (const std::int32_t days : {INT32_MIN, INT32_MIN + 1, -1, INT32_MAX - 1, INT32_MAX}) {
    for (const char* rule : {"形成文件后3个工作日", "形成文件前9999年", "形成文件后9999个月",
                             "形成文件后24小时"}) {
      Context ctx;
      ctx.event("形成文件", Date::from_days(days));
      const auto s = due(rule, ctx);
      EXPECT_FALSE(s.has_value()) << rule << " from day " << days;
    }
  }
  // The calendar's own ends still work.
  const Calendar& cal = Calendar::china();
  Context ends;
  ends.event("形成文件", cal.first_day());
  EXPECT_TRUE(due("形成文件后3日", ends).has_value());
  EXPECT_FALSE(due("形成文件前3日", ends).has_value());
  ends.event("形成文件", cal.last_day());
  EXPECT_FALSE(due("形成文件后3日", ends).has_value());
  EXPECT_TRUE(due("形成文件前3日", ends).has_value());
}

TEST(ApiExtremes, TimesOfDayOutOfRangeAreErrorsNotWrapped) {
  for (const auto [h, m] : {std::pair{25, 99}, {0, 600000}, {-1, 0}, {24, 0}, {0, 60}, {INT_MIN, INT_MAX}, {INT_MAX, 0}}) {
    Context ctx;
    ctx.event("形成文件", Date{2016y / September / 30d}, h, m);
    const auto s = due("形成文件后24小时", ctx);
    ASSERT_FALSE(s.has_value()) << h << ":" << m << " gave " << s->at(0).due_string();
    EXPECT_EQ(s.error().error.code, ErrorCode::invalid_argument);
    EXPECT_NE(s.error().error.message.find("时刻无效"), std::string::npos) << s.error().error.message;
  }
  Context ok;
  ok.event("形成文件", Date{2016y / September / 30d}, 23, 59);
  ASSERT_TRUE(due("形成文件后24小时", ok).has_value());
  // EventTime written directly is checked too.
  Context direct;
  direct.event("形成文件", EventTime{Date{2016y / September / 30d}, 1440});
  EXPECT_FALSE(due("形成文件后24小时", direct).has_value());
}

TEST(ApiExtremes, CalendarQueriesWithExtremeArguments) {
  const Calendar& cal = Calendar::china();
  for (const int y : {INT_MIN, INT_MIN + 1, -1, 0, INT_MAX - 1, INT_MAX}) {
    EXPECT_FALSE(cal.year_source(y).has_value()) << y;
    EXPECT_FALSE(cal.holiday_blocks(y).has_value()) << y;
    EXPECT_FALSE(cal.nth_workday_of_month(y, 1, 1).has_value()) << y;
  }
  for (const int n : {INT_MIN, INT_MIN + 1, INT_MAX - 1, INT_MAX}) {
    EXPECT_FALSE(cal.add_workdays(Date{2016y / January / 4d}, n).has_value()) << n;
    EXPECT_FALSE(cal.nth_workday_of_month(2016, 1, n).has_value()) << n;
  }
  for (const std::int32_t days : {INT32_MIN, INT32_MAX}) {
    const Date d = Date::from_days(days);
    EXPECT_FALSE(cal.is_workday(d).has_value());
    EXPECT_FALSE(cal.day(d).has_value());
    EXPECT_FALSE(cal.add_workdays(d, 1).has_value());
    EXPECT_FALSE(cal.following(d).has_value());
    EXPECT_FALSE(cal.preceding(d).has_value());
    EXPECT_FALSE(cal.workdays_between(d, cal.first_day()).has_value());
  }
  EXPECT_FALSE(cal.next_workday(cal.last_day()).has_value());
  EXPECT_FALSE(cal.prev_workday(cal.first_day()).has_value());
  EXPECT_FALSE(Date::from_ymd(INT_MIN, 1, 1).has_value());
  EXPECT_FALSE(Date::from_ymd(INT_MAX, 12, 31).has_value());
}

}  // namespace
}  // namespace shixian
