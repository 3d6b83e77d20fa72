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
  for (const auto& [h, m] : {std::pair{25, 99}, {0, 600000}, {-1, 0}, {24, 0}, {0, 60}, {INT_MIN, INT_MAX}, {INT_MAX, 0}}) {
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

// Ergonomics (issue 15): one way to read every error, monadic expected, printable values.
#include <sstream>

#include "shixian/check.hpp"
#include "shixian/parse.hpp"

namespace shixian {
namespace {

template <class T>
std::string printed(const T& v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

TEST(ApiErgonomics, EveryErrorTypeReadsTheSameWay) {
  const auto date = parse_iso_date("2016-02-30");
  const auto rule = parse("形成文件后3个");
  const auto eval = due("形成文件后3个工作日", Context{});
  ASSERT_FALSE(date.has_value());
  ASSERT_FALSE(rule.has_value());
  ASSERT_FALSE(eval.has_value());
  EXPECT_EQ(message_of(date.error()), date.error().message);
  EXPECT_EQ(message_of(rule.error()), rule.error().error.message);
  EXPECT_EQ(location_of(rule.error()).column, rule.error().error.where.column);
  EXPECT_EQ(message_of(eval.error()), eval.error().error.message);
  EXPECT_EQ(code_of(eval.error()), ErrorCode::missing_context);
}

TEST(ApiErgonomics, ExpectedHasTheMonadicOperations) {
  const auto year = parse_iso_date("2016-09-30").transform([](Date d) { return d.year(); });
  EXPECT_EQ(year.value_or(0), 2016);
  const auto bad = parse_iso_date("2016-13-01").transform([](Date d) { return d.year(); });
  EXPECT_EQ(bad.value_or(0), 0);
  EXPECT_FALSE(bad.error_or(Error{}).message.empty());
  const auto next = parse_iso_date("2016-09-30").and_then([](Date d) { return Calendar::china().next_workday(d); });
  EXPECT_EQ(next.value(), Date{2016y / October / 8d});
  const auto recovered = parse_iso_date("x").or_else([](const Error&) -> expected<Date, Error> { return Date{}; });
  EXPECT_EQ(*recovered, Date{});
  const auto text = parse_iso_date("x").transform_error([](const Error& e) { return e.message; });
  EXPECT_FALSE(text.error().empty());
}

TEST(ApiErgonomics, ValuesPrintReadably) {
  EXPECT_EQ(printed(Date{2016y / October / 10d}), "2016-10-10");
  EXPECT_EQ(::testing::PrintToString(Date{2016y / October / 10d}), "2016-10-10");
  Context ctx;
  ctx.event("形成文件", Date{2016y / September / 30d});
  const auto s = due("形成文件后3个工作日公开", ctx);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(printed((*s)[0]), "公开 2016-10-10 [2016-09-30 至 2016-10-10]");
  Finding f;
  f.task_id = "T1";
  f.verdict = Verdict::late;
  f.has_due = true;
  f.due = Date{2016y / October / 10d};
  const std::string p = ::testing::PrintToString(f);
  EXPECT_NE(p.find("T1"), std::string::npos) << p;
  EXPECT_NE(p.find("2016-10-10"), std::string::npos) << p;
  EXPECT_NE(p.find(to_string(Verdict::late)), std::string::npos) << p;
}

}  // namespace
}  // namespace shixian
