// The evaluator against SPEC.md: every worked 2016 example, each rule kind,
// every policy knob, missing context, provisional/strict, 00:00, month clamp.
// All expected dates are hand-computed from the 2016 official calendar
// (国办发明电〔2015〕18号): 元旦 1/1–1/3 · 春节 2/7–2/13, 2/6 (Sat) 2/14 (Sun) work ·
// 清明 4/2–4/4 · 劳动节 4/30–5/2 · 端午 6/9–6/11, 6/12 (Sun) work ·
// 中秋 9/15–9/17, 9/18 (Sun) work · 国庆 10/1–10/7, 10/8 (Sat) 10/9 (Sun) work.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <type_traits>

#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian {
namespace {

Date D(std::string_view iso) { return parse_iso_date(iso).value(); }

Context year(int y) {
  Context c;
  c.year(y);
  return c;
}

Context with(std::string_view name, std::string_view when, std::optional<int> y = std::nullopt) {
  Context c;
  if (y) c.year(*y);
  c.event(name, parse_event_time(when).value());
  return c;
}

// "label date" per deadline, or "error: message".
std::vector<std::string> dues(std::string_view rule, const Context& ctx, const Policy& policy = {},
                              const Calendar& cal = Calendar::china()) {
  auto s = due(rule, ctx, cal, policy);
  if (!s) return {"error: " + s.error().error.message};
  std::vector<std::string> out;
  for (const Deadline& d : *s) out.push_back(std::string(d.label) + " " + (d.has_due ? d.due_string() : "-"));
  return out;
}

using V = std::vector<std::string>;

Policy with_policy(std::string_view key, std::string_view value) {
  Policy p;
  EXPECT_TRUE(set_policy(p, key, value).has_value()) << key << "=" << value;
  return p;
}

// --- SPEC §2: relative periods --------------------------------------------------

// Context::events (issue 15): event() for each in order, in linear time; a
// later entry replaces an earlier one of the same key (also through the lexicon).
TEST(ContextEvents, SameAsEventForEachInOrder) {
  std::vector<std::pair<std::string, EventTime>> list;
  for (int i = 0; i < 100; ++i) list.emplace_back("事件" + std::to_string(i), EventTime{Date::from_ymd(2016, 1, 1 + i % 28).value(), -1});
  list.emplace_back("形成文件", EventTime{Date::from_ymd(2016, 3, 1).value(), -1});
  list.emplace_back("文件形成", EventTime{Date::from_ymd(2016, 4, 1).value(), -1});  // the same event
  list.emplace_back("事件5", EventTime{Date::from_ymd(2016, 5, 1).value(), 600});
  Context bulk, one_by_one;
  bulk.event("事件7", Date::from_ymd(2016, 6, 1).value());
  one_by_one.event("事件7", Date::from_ymd(2016, 6, 1).value());
  bulk.events(list);
  for (const auto& [name, time] : list) one_by_one.event(name, time);
  ASSERT_EQ(bulk.events().size(), 101u);
  ASSERT_EQ(bulk.events().size(), one_by_one.events().size());
  for (std::size_t i = 0; i < bulk.events().size(); ++i) {
    EXPECT_EQ(bulk.events()[i].name, one_by_one.events()[i].name);
    EXPECT_EQ(bulk.events()[i].key, one_by_one.events()[i].key);
    EXPECT_EQ(bulk.events()[i].time, one_by_one.events()[i].time);
  }
  EXPECT_EQ(bulk.events()[0].name, "事件7");  // replaced in place, as event() does
  EXPECT_EQ(bulk.events()[0].time.date, Date::from_ymd(2016, 1, 8).value());
  EXPECT_EQ(bulk.find("形成文件")->time.date, Date::from_ymd(2016, 4, 1).value());
}

TEST(Relative, WorkingDaysCountStrictlyAfterTrigger) {
  // 形成文件 9/30 (Fri), N=3 → 10/8 (Sat, work) 1st, 10/9 2nd, 10/10 3rd.
  EXPECT_EQ(dues("形成文件后3个工作日公开", with("形成文件", "2016-09-30")), V{"公开 2016-10-10"});
  EXPECT_EQ(dues("自形成文件之日起3个工作日内", with("形成文件", "2016-09-30")), V{"完成 2016-10-10"});
}

TEST(Relative, TriggerOnRestDayCountsFromNextWorkingDay) {
  EXPECT_EQ(dues("形成文件后3个工作日公开", with("形成文件", "2016-10-01")), V{"公开 2016-10-10"});
}

TEST(Relative, AliasesMatchThroughLexicon) {
  EXPECT_EQ(dues("形成文件后3个工作日公开", with("文件形成", "2016-09-30")), V{"公开 2016-10-10"});
  EXPECT_EQ(dues("文件形成后3个工作日公开", with("形成文件", "2016-09-30")), V{"公开 2016-10-10"});
}

TEST(Relative, CalendarDaysRollOffRestDays) {
  // 签订 9/29, N=3 → 10/2 is a rest day → 10/8 (a make-up Saturday is a working day).
  EXPECT_EQ(dues("签订后3日内", with("签订", "2016-09-29")), V{"完成 2016-10-08"});
  EXPECT_EQ(dues("合同签订起3天内", with("合同签订", "2016-09-29")), V{"完成 2016-10-08"});
  // Policy: a make-up Saturday does not end the period → 10/10 (Mon).
  EXPECT_EQ(dues("签订后3日内", with("签订", "2016-09-29"), with_policy("makeup_ends_period", "no")),
            V{"完成 2016-10-10"});
  // A holiday inside the period changes nothing: 9/28 + 12 = 10/10.
  EXPECT_EQ(dues("签订后12日内", with("签订", "2016-09-28")), V{"完成 2016-10-10"});
}

TEST(Relative, HoursAreExact) {
  EXPECT_EQ(dues("突发事件发生后24小时内", with("突发事件", "2016-10-01T09:30")), V{"完成 2016-10-02T09:30"});
  // Across midnight and the year end, no rest-day adjustment.
  EXPECT_EQ(dues("突发事件发生后2小时内", with("突发事件", "2016-12-31T23:30")), V{"完成 2017-01-01T01:30"});
  EXPECT_EQ(dues("突发事件发生后48小时内", with("突发事件", "2016-09-30T18:05")), V{"完成 2016-10-02T18:05"});
}

TEST(Relative, DateOnlyEventForHourRuleAssumesMidnight) {
  auto s = due("突发事件发生后24小时内", with("突发事件", "2016-10-01"));
  ASSERT_TRUE(s);
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ(s->at(0).due_string(), "2016-10-02T00:00");
  EXPECT_TRUE(s->at(0).assumed & assumed_midnight);
  EXPECT_EQ(s->at(0).minute, 0);
  // A date-time event for a day rule uses the date.
  EXPECT_EQ(dues("形成文件后3个工作日公开", with("形成文件", "2016-09-30T23:59")), V{"公开 2016-10-10"});
}

TEST(Relative, MonthsClampToMonthEndThenRoll) {
  EXPECT_EQ(dues("收到文件后1个月内", with("收到文件", "2016-01-31")), V{"完成 2016-02-29"});
  EXPECT_EQ(dues("自2016年1月31日起1个月内", {}), V{"完成 2016-02-29"});
  // 2015-01-31 + 1个月 → 2015-02-28, a Saturday made a working day for 春节 2015;
  // if make-up days do not end periods (policy) → 2015-03-02 (Mon).
  EXPECT_EQ(dues("收到文件后1个月内", with("收到文件", "2015-01-31")), V{"完成 2015-02-28"});
  EXPECT_EQ(dues("收到文件后1个月内", with("收到文件", "2015-01-31"), with_policy("makeup_ends_period", "no")),
            V{"完成 2015-03-02"});
  // 2014-03-31 + 2个月 → 2014-05-31 (Sat) → 2014-06-03 (6/2 was 端午).
  EXPECT_EQ(dues("收到文件后2个月内", with("收到文件", "2014-03-31")), V{"完成 2014-06-03"});
  // Years: 2016-02-29 + 1年 → 2017-02-28 (Tue).
  EXPECT_EQ(dues("人大批复后1年内", with("人大批复", "2016-02-29")), V{"完成 2017-02-28"});
  // Weeks are 7 calendar days: 9/23 + 2周 = 10/7 (holiday) → 10/8.
  EXPECT_EQ(dues("形成文件后2周内", with("形成文件", "2016-09-23")), V{"完成 2016-10-08"});
}

TEST(Relative, BackwardWorkingDays) {
  // 检修 10/10, 提前2个工作日 → 10/9 is 1st, 10/8 2nd.
  EXPECT_EQ(dues("提前2个工作日", with("检修", "2016-10-10")), V{"完成 2016-10-08"});
  EXPECT_EQ(dues("检修前2个工作日", with("检修", "2016-10-10")), V{"完成 2016-10-08"});
  // 10/9 1st, 10/8 2nd, 9/30 3rd (the holiday is skipped).
  EXPECT_EQ(dues("在执行政策前3个工作日", with("执行政策", "2016-10-10")), V{"完成 2016-09-30"});
}

TEST(Relative, BackwardCalendarDaysUnadjustedByDefault) {
  // 10/10 − 3 = 10/7 (a holiday): not moved; policy preceding → 9/30.
  EXPECT_EQ(dues("在执行政策前3日", with("执行政策", "2016-10-10")), V{"完成 2016-10-07"});
  EXPECT_EQ(dues("在执行政策前3日", with("执行政策", "2016-10-10"), with_policy("backward_roll", "preceding")),
            V{"完成 2016-09-30"});
  EXPECT_EQ(dues("在执行政策前3日", with("执行政策", "2016-10-10"), with_policy("backward_roll", "following")),
            V{"完成 2016-10-08"});
}

TEST(Relative, ExplicitTriggerWithoutEventIsMissingContext) {
  auto s = due("于人大批复后30个工作日内", with("形成文件", "2016-09-30"));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().error.code, ErrorCode::missing_context);
  EXPECT_EQ(s.error().error.message, "需要事件\"人大批复\"的日期");
  EXPECT_EQ(s.error().needed, V{"人大批复"});
  EXPECT_FALSE(due("于人大批复后30个工作日内", {}));
  // 人大批复 10/1 → 30 working days → 11/16.
  EXPECT_EQ(dues("于人大批复后30个工作日内", with("人大批复", "2016-10-01")), V{"完成 2016-11-16"});
}

TEST(Relative, ImplicitTriggerTakesTheOnlyEvent) {
  EXPECT_EQ(dues("对《通知》在3个工作日内予以公开", with("收到通知", "2016-09-30")).size(), 1u);
  EXPECT_EQ(dues("3个工作日内予以公开", with("收到通知", "2016-09-30")), V{"予以公开 2016-10-10"});
  auto s = due("3个工作日内", with("收到通知", "2016-09-30"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at(0).assumed, 0);
}

TEST(Relative, ImplicitTriggerFallsBackToPolicyDefault) {
  Context c;
  c.event("收到通知", D("2016-09-01")).event("信息形成", D("2016-09-30"));
  auto s = due("3个工作日内", c);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at(0).due_string(), "2016-10-10");
  EXPECT_TRUE(s->at(0).assumed & assumed_default_trigger);
  // Another default trigger by policy.
  EXPECT_EQ(dues("3个工作日内", c, with_policy("default_trigger", "收到通知")), V{"完成 2016-09-06"});
}

TEST(Relative, ImplicitTriggerWithSeveralEventsIsMissingContext) {
  Context c;
  c.event("收到通知", D("2016-09-01")).event("形成文件", D("2016-09-30"));
  auto s = due("3个工作日内", c);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().error.code, ErrorCode::missing_context);
  EXPECT_NE(s.error().error.message.find("收到通知、形成文件"), std::string::npos) << s.error().error.message;
  EXPECT_NE(s.error().error.message.find("\"信息形成\""), std::string::npos);
  EXPECT_EQ(s.error().needed, V{"信息形成"});
  // No events at all.
  auto none = due("3个工作日内", {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().error.code, ErrorCode::missing_context);
  EXPECT_EQ(none.error().needed, V{"信息形成"});
  // No default trigger by policy: nothing would do but one event.
  auto no_default = due("3个工作日内", c, Calendar::china(), with_policy("default_trigger", ""));
  ASSERT_FALSE(no_default);
  EXPECT_TRUE(no_default.error().needed.empty());
}

TEST(Relative, ProvisionalInProjectedYearAndStrictRefuses) {
  // 2027 projected: 2/5, 2/8–2/10 off. 2/3 (Wed) → 2/4 1st, 2/11 2nd, 2/12 3rd.
  auto s = due("形成文件后3个工作日公开", with("形成文件", "2027-02-03"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at(0).due_string(), "2027-02-12");
  EXPECT_TRUE(s->at(0).provisional);
  auto official = due("形成文件后3个工作日公开", with("形成文件", "2016-09-30"));
  EXPECT_FALSE(official->at(0).provisional);
  // Crossing into 2027 from 2026 is provisional too.
  EXPECT_TRUE(due("形成文件后3个工作日公开", with("形成文件", "2026-12-30"))->at(0).provisional);

  CalendarOptions strict;
  strict.strict = true;
  const Calendar cal = Calendar::build(strict).value();
  auto refused = due("形成文件后3个工作日公开", with("形成文件", "2027-02-03"), cal);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().error.code, ErrorCode::projected_year);
  EXPECT_EQ(dues("形成文件后3个工作日公开", with("形成文件", "2016-09-30"), {}, cal), V{"公开 2016-10-10"});
  // An unadjusted anchor in 2027 is provisional, and refused in strict mode.
  EXPECT_TRUE(due("年底前", year(2027))->at(0).provisional);
  EXPECT_FALSE(due("年底前", year(2027), cal));
}

// --- SPEC §3: anchors -------------------------------------------------------------

TEST(Anchor, MonthEndsDaysXun) {
  const Context y = year(2016);
  EXPECT_EQ(dues("9月底前", y), V{"完成 2016-09-30"});
  EXPECT_EQ(dues("9月底", y), V{"完成 2016-09-30"});
  EXPECT_EQ(dues("9月末", y), V{"完成 2016-09-30"});
  EXPECT_EQ(dues("2月底前", y), V{"完成 2016-02-29"});
  EXPECT_EQ(dues("2017年2月底前", y), V{"完成 2017-02-28"});
  EXPECT_EQ(dues("2017年2月底前", {}), V{"完成 2017-02-28"});  // explicit year: no Y needed
  EXPECT_EQ(dues("9月9日前", y), V{"完成 2016-09-09"});
  EXPECT_EQ(dues("3月上旬前", y), V{"完成 2016-03-10"});
  EXPECT_EQ(dues("2月中旬", y), V{"完成 2016-02-20"});
  EXPECT_EQ(dues("2月下旬", y), V{"完成 2016-02-29"});
  EXPECT_EQ(dues("年底前", y), V{"完成 2016-12-31"});
  EXPECT_EQ(dues("年内", y), V{"完成 2016-12-31"});
  EXPECT_EQ(dues("2016年底前", {}), V{"完成 2016-12-31"});
  EXPECT_EQ(dues("年中", y), V{"完成 2016-06-30"});
  EXPECT_EQ(dues("上半年", y), V{"完成 2016-06-30"});
  EXPECT_EQ(dues("下半年", y), V{"完成 2016-12-31"});
  EXPECT_EQ(dues("第三季度", y), V{"完成 2016-09-30"});
  EXPECT_EQ(dues("一季度", y), V{"完成 2016-03-31"});
}

TEST(Anchor, MiddleXunBeforeIsAmbiguous) {
  auto s = due("次年1月中旬前", year(2016));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at(0).due_string(), "2017-01-20");
  EXPECT_TRUE(s->at(0).assumed & assumed_ambiguous_reading);
  ASSERT_EQ(s->readings.size(), 1u);
  EXPECT_NE(s->readings[0].find("中旬前"), std::string::npos);
  EXPECT_EQ(dues("次年1月中旬前", year(2016), with_policy("xun_before", "10")), V{"完成 2017-01-10"});
  // 中旬 without 前 is not ambiguous.
  EXPECT_EQ(due("2月中旬", year(2016))->at(0).assumed, 0);
}

TEST(Anchor, MonthBeforeIsLiteralByDefault) {
  auto s = due("5月前", year(2016));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at(0).due_string(), "2016-04-30");
  EXPECT_TRUE(s->at(0).assumed & assumed_ambiguous_reading);
  EXPECT_EQ(dues("5月前", year(2016), with_policy("month_before", "same")), V{"完成 2016-05-31"});
  EXPECT_EQ(dues("1月前", year(2016)), V{"完成 2015-12-31"});
  EXPECT_EQ(dues("2016年3月前", {}), V{"完成 2016-02-29"});
}

TEST(Anchor, AbsoluteDeadlinesUnadjustedByDefault) {
  // 4/30 is a Saturday inside 劳动节 (4/30–5/2).
  EXPECT_EQ(dues("4月底前", year(2016)), V{"完成 2016-04-30"});
  EXPECT_EQ(dues("4月底前", year(2016), with_policy("absolute_roll", "following")), V{"完成 2016-05-03"});
  EXPECT_EQ(dues("4月底前", year(2016), with_policy("absolute_roll", "preceding")), V{"完成 2016-04-29"});
}

TEST(Anchor, ListsAndMilestones) {
  EXPECT_EQ(dues("9月9日、11月25日前", year(2016)), (V{"完成 2016-09-09", "完成 2016-11-25"}));
  EXPECT_EQ(dues("7月底前启动，9月底前完成", year(2016)), (V{"启动 2016-07-31", "完成 2016-09-30"}));
  EXPECT_EQ(dues("年中督查，年底考核", year(2016)), (V{"督查 2016-06-30", "考核 2016-12-31"}));
  auto s = due("7月底前启动，9月底前完成", year(2016));
  EXPECT_EQ(s->kind, ast::RuleKind::milestones);
  EXPECT_EQ(s->at(1).item, 1);
  EXPECT_EQ(s->at(1).period_start, D("2016-01-01"));
  EXPECT_EQ(s->at(1).period_end, D("2016-09-30"));
}

TEST(Anchor, MissingPlanYear) {
  for (const char* rule : {"9月底前", "年底前", "次年1月中旬前", "每季度", "年内至少2次", "全年", "重大节日前"}) {
    auto s = due(rule, {});
    ASSERT_FALSE(s) << rule;
    EXPECT_EQ(s.error().error.code, ErrorCode::missing_context) << rule;
    EXPECT_EQ(s.error().error.message, "需要计划年度") << rule;
    EXPECT_EQ(s.error().needed, V{"计划年度"});
  }
}

TEST(Anchor, EventDeadlines) {
  EXPECT_EQ(dues("系统投入使用前", with("系统投入使用", "2016-11-01", 2016)), V{"完成 2016-11-01"});
  auto s = due("决策前", {});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().error.message, "需要事件\"决策\"的日期");
}

TEST(Anchor, EventTimePrevails) {
  Context c = year(2016);
  EXPECT_EQ(dues("12月底前完成，以人大批复时间为准", c), V{"完成 2016-12-31"});
  c.event("人大批复", D("2016-11-15"));
  auto s = due("12月底前完成，以人大批复时间为准", c);
  ASSERT_TRUE(s);
  EXPECT_EQ(dues("12月底前完成，以人大批复时间为准", c), V{"完成 2016-11-15"});
  EXPECT_FALSE(s->notes.empty());
  EXPECT_EQ(dues("以人大批复时间为准", c), V{"完成 2016-11-15"});
  EXPECT_EQ(dues("以人大批复时间为准", year(2016)), V{});
}

// --- SPEC §4: recurrences -----------------------------------------------------------

TEST(Recurrence, DailyWeeklyMonthly) {
  auto daily = due("每日", year(2016));
  ASSERT_TRUE(daily);
  EXPECT_EQ(daily->size(), 366u);
  EXPECT_EQ(daily->at(0).due, D("2016-01-01"));
  EXPECT_EQ(daily->at(365).due, D("2016-12-31"));

  auto weekly = due("每周", year(2016));
  ASSERT_TRUE(weekly);
  ASSERT_EQ(weekly->size(), 52u);
  EXPECT_EQ(weekly->at(0).due, D("2016-01-03"));
  EXPECT_EQ(weekly->at(0).period_start, D("2015-12-28"));
  EXPECT_EQ(weekly->at(51).due, D("2016-12-25"));
  EXPECT_EQ(due("每周", year(2015))->size(), 52u);
  EXPECT_EQ(due("每周", year(2017))->size(), 53u);  // 2017-01-01 … 2017-12-31 are Sundays

  auto monthly = due("每月", year(2016));
  ASSERT_EQ(monthly->size(), 12u);
  EXPECT_EQ(monthly->at(1).due, D("2016-02-29"));
  EXPECT_EQ(monthly->at(1).period_start, D("2016-02-01"));
  EXPECT_EQ(monthly->at(11).due, D("2016-12-31"));
  EXPECT_EQ(dues("按月", year(2016)).size(), 12u);
  EXPECT_EQ(dues("每月定期", year(2016)).size(), 12u);
}

TEST(Recurrence, QuartersHalvesYears) {
  EXPECT_EQ(dues("每季度", year(2016)), (V{"完成 2016-03-31", "完成 2016-06-30", "完成 2016-09-30", "完成 2016-12-31"}));
  EXPECT_EQ(dues("每季度末", year(2016)), dues("按季度", year(2016)));
  EXPECT_EQ(dues("每半年", year(2016)), (V{"完成 2016-06-30", "完成 2016-12-31"}));
  EXPECT_EQ(dues("每年", year(2016)), V{"完成 2016-12-31"});
  EXPECT_EQ(dues("年度", year(2016)), V{"完成 2016-12-31"});
}

TEST(Recurrence, SeasonsAndCombinations) {
  auto s = dues("流行季节（4-10月）每月", year(2016));
  EXPECT_EQ(s, (V{"完成 2016-04-30", "完成 2016-05-31", "完成 2016-06-30", "完成 2016-07-31", "完成 2016-08-31",
                  "完成 2016-09-30", "完成 2016-10-31"}));
  EXPECT_EQ(dues("按月、按季", year(2016)).size(), 16u);
  EXPECT_EQ(dues("每月、每季度", year(2016)).size(), 16u);
}

TEST(Recurrence, PerPeriodOffsets) {
  // Q1 3/31 → 15 working days → 4/22; Q4 12/31 → 2017-01-22 (a make-up Sunday).
  EXPECT_EQ(dues("每季度结束后15个工作日内", year(2016)),
            (V{"完成 2016-04-22", "完成 2016-07-21", "完成 2016-10-26", "完成 2017-01-22"}));
  auto monthly = dues("每月结束后5日内", year(2016));
  ASSERT_EQ(monthly.size(), 12u);
  EXPECT_EQ(monthly[0], "完成 2016-02-05");
  EXPECT_EQ(monthly[1], "完成 2016-03-07");  // 3/5 is a Saturday
  EXPECT_EQ(monthly[8], "完成 2016-10-08");  // 10/5 in 国庆 → 10/8 (make-up Saturday)
  EXPECT_EQ(dues("每月结束后5日内", year(2016), with_policy("makeup_ends_period", "no"))[8], "完成 2016-10-10");
}

TEST(Recurrence, DueInsideEachPeriod) {
  auto monthly = due("每月10日前", year(2016));
  ASSERT_TRUE(monthly);
  ASSERT_EQ(monthly->size(), 12u);
  EXPECT_EQ(monthly->at(0).due, D("2016-01-10"));  // a Sunday: absolute deadlines are not moved
  EXPECT_EQ(monthly->at(0).period_start, D("2016-01-01"));
  EXPECT_EQ(monthly->at(0).period_end, D("2016-01-10"));
  EXPECT_EQ(monthly->at(11).due, D("2016-12-10"));
  EXPECT_EQ(dues("每月10日前", year(2016), with_policy("absolute_roll", "following"))[0], "完成 2016-01-11");
  // 每月31日前 clamps to shorter months.
  auto clamp = dues("每月31日前", year(2016));
  EXPECT_EQ(clamp[1], "完成 2016-02-29");
  EXPECT_EQ(clamp[3], "完成 2016-04-30");
  EXPECT_EQ(dues("每月上旬", year(2016))[1], "完成 2016-02-10");
  EXPECT_EQ(dues("每月中旬前", year(2016), with_policy("xun_before", "10"))[1], "完成 2016-02-10");
  EXPECT_EQ(dues("每年3月底前", year(2016)), V{"完成 2016-03-31"});
  EXPECT_EQ(dues("每年5月前", year(2016)), V{"完成 2016-04-30"});
  EXPECT_EQ(dues("每年5月前", year(2016), with_policy("month_before", "same")), V{"完成 2016-05-31"});
  EXPECT_EQ(dues("每月底前", year(2016)), dues("每月", year(2016)));
}

TEST(Recurrence, BeforeHolidays) {
  EXPECT_EQ(dues("重大节日前", year(2016)),
            (V{"元旦前 2015-12-31", "春节前 2016-02-06", "清明节前 2016-04-01", "劳动节前 2016-04-29",
               "端午节前 2016-06-08", "中秋节前 2016-09-14", "国庆节前 2016-09-30"}));
  EXPECT_EQ(dues("节前", year(2016)).size(), 7u);
  EXPECT_EQ(dues("节前", year(2016), with_policy("festivals", "春节,国庆")), (V{"春节前 2016-02-06", "国庆节前 2016-09-30"}));
}

TEST(Recurrence, StartYears) {
  EXPECT_EQ(dues("自2016年起每年", year(2016)), V{"完成 2016-12-31"});
  EXPECT_EQ(dues("自2016年起每年", {}), V{"完成 2016-12-31"});
  auto later = due("自2017年起每年", year(2016));
  ASSERT_TRUE(later);
  EXPECT_TRUE(later->empty());
  EXPECT_FALSE(later->notes.empty());
}

// --- SPEC §5 -------------------------------------------------------------------------

TEST(Counts, AtLeastNPerPeriod) {
  auto s = due("年内至少2次", year(2016));
  ASSERT_TRUE(s);
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ(s->at(0).type, Obligation::count);
  EXPECT_EQ(s->at(0).at_least, 2u);
  EXPECT_EQ(s->at(0).period_start, D("2016-01-01"));
  EXPECT_EQ(s->at(0).period_end, D("2016-12-31"));
  EXPECT_EQ(s->at(0).due, D("2016-12-31"));
  auto monthly = due("原则上每月一次", year(2016));
  ASSERT_EQ(monthly->size(), 12u);
  EXPECT_EQ(monthly->at(1).at_least, 1u);
  EXPECT_EQ(monthly->at(1).due, D("2016-02-29"));
  EXPECT_EQ(due("每年不少于2次", year(2016))->size(), 1u);
}

TEST(Durations, DisplayMinimums) {
  auto s = due("公示期不得少于5个工作日", {});
  ASSERT_TRUE(s);
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ(s->at(0).type, Obligation::min_duration);
  EXPECT_FALSE(s->at(0).has_due);
  EXPECT_EQ(s->at(0).min_working_days, 5u);
  EXPECT_EQ(s->at(0).label, "公示");
  auto days = due("公示20日", {});
  EXPECT_EQ(days->at(0).min_days, 20u);
  auto both = due("不得少于5日，其中必须含1个以上工作日", {});
  EXPECT_EQ(both->at(0).min_days, 5u);
  EXPECT_EQ(both->at(0).min_working_days, 1u);
  // With the start known: 9/30, 10/8, 10/9, 10/10, 10/11 are the 5 working days.
  EXPECT_EQ(dues("公示期不得少于5个工作日", with("公示开始", "2016-09-30")), V{"公示 2016-10-11"});
  EXPECT_EQ(dues("公示20日", with("公示开始", "2016-09-30")), V{"公示 2016-10-19"});
}

TEST(NamedPeriods, ReviewPeriodThenWorkingDays) {
  // 决定送达 8/2 + 60日 = 10/1 (holiday) → 10/8; then 5 working days → 10/13.
  EXPECT_EQ(dues("复议期届满后5个工作日", with("决定送达", "2016-08-02")), V{"完成 2016-10-13"});
  // 复议期届满 given directly: 10/1 → 10/8 1st … 10/12 5th.
  EXPECT_EQ(dues("复议期届满后5个工作日", with("复议期届满", "2016-10-01")), V{"完成 2016-10-12"});
  EXPECT_EQ(dues("复议期届满后5个工作日", with("复议期满", "2016-10-01")), V{"完成 2016-10-12"});
  // Policy: 复议期 = 15个工作日: 9/20 → 10/14, then → 10/21.
  EXPECT_EQ(dues("复议期届满后5个工作日", with("决定送达", "2016-09-20"), with_policy("period.复议期", "15个工作日")),
            V{"完成 2016-10-21"});
  auto s = due("复议期届满后5个工作日", {});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().error.code, ErrorCode::missing_context);
  EXPECT_EQ(s.error().needed, (V{"复议期届满", "决定送达"}));
}

TEST(Timely, PolicyPeriods) {
  // 及时: 20 working days after 9/30 → 11/2.
  auto s = due("收到文件后及时发布", with("收到文件", "2016-09-30"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at(0).due_string(), "2016-11-02");
  EXPECT_EQ(s->at(0).label, "发布");
  EXPECT_TRUE(s->at(0).assumed & assumed_policy_reading);
  EXPECT_EQ(dues("收到文件后及时发布", with("收到文件", "2016-09-30"), with_policy("timely", "3")), V{"发布 2016-10-10"});
  // 第一时间: 24 hours.
  EXPECT_EQ(dues("第一时间发布", with("信息形成", "2016-10-01T09:30")), V{"发布 2016-10-02T09:30"});
  EXPECT_EQ(dues("第一时间发布", with("信息形成", "2016-10-01T09:30"), with_policy("first_moment", "2")),
            V{"发布 2016-10-01T11:30"});
  EXPECT_EQ(dues("即时", with("信息形成", "2016-10-01")), V{"完成 2016-10-01"});
}

TEST(Open, ContinuousOngoingUnspecifiedExternal) {
  auto all_year = due("全年", year(2016));
  ASSERT_TRUE(all_year);
  EXPECT_EQ(all_year->at(0).type, Obligation::continuous);
  EXPECT_EQ(all_year->at(0).due, D("2016-12-31"));
  EXPECT_EQ(all_year->at(0).period_start, D("2016-01-01"));
  const std::pair<const char*, Classification> open[] = {
      {"长期推进", Classification::ongoing},        {"持续推进", Classification::ongoing},
      {"常态化", Classification::ongoing},          {"适时", Classification::unspecified},
      {"视情", Classification::unspecified},        {"定期", Classification::unspecified},
      {"不定期", Classification::unspecified},      {"按预算法规定时限", Classification::external},
  };
  for (const auto& [rule, cls] : open) {
    auto s = due(rule, {});
    ASSERT_TRUE(s) << rule;
    EXPECT_TRUE(s->empty()) << rule;
    EXPECT_EQ(s->classification, cls) << rule;
  }
}

// --- API properties ------------------------------------------------------------------

TEST(Api, DeadlineIsTriviallyCopyableAndEvaluatorShares) {
  static_assert(std::is_trivially_copyable_v<Deadline>);
  const auto rule = parse_rule("形成文件后3个工作日公开").value();
  const Evaluator ev = compile(rule);
  const Evaluator copy = ev;  // NOLINT
  const Context c = with("形成文件", "2016-09-30");
  EXPECT_EQ(copy.evaluate(c)->at(0).due, D("2016-10-10"));
  Schedule reused;
  EXPECT_FALSE(ev.evaluate_into(c, reused));
  EXPECT_FALSE(ev.evaluate_into(c, reused));
  EXPECT_EQ(reused.size(), 1u);
  EXPECT_EQ(reused[0].due, D("2016-10-10"));
}

TEST(Api, ScheduleStorageGrowsCopiesAndClears) {
  Schedule s;
  EXPECT_TRUE(s.empty());
  for (int i = 0; i < 5; ++i) {
    Deadline& d = s.emplace_back();
    d.due = D("2016-01-01") + i;
    d.label = "完成";
    EXPECT_EQ(s.size(), static_cast<std::size_t>(i + 1));
  }
  ASSERT_EQ(s.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(s[static_cast<std::size_t>(i)].due, D("2016-01-01") + i);
  const Schedule copy = s;
  EXPECT_EQ(copy.size(), 5u);
  EXPECT_EQ(copy.at(4).due, D("2016-01-05"));
  EXPECT_THROW((void)copy.at(5), std::out_of_range);
  Schedule two;
  two.push_back(s[0]);
  two.push_back(s[1]);
  const Schedule two_copy = two;
  EXPECT_EQ(two_copy[1].due, D("2016-01-02"));
  // Reuse through evaluate_into: many, then few, then many again.
  const Evaluator weekly = compile(parse_rule("每周").value());
  const Evaluator single = compile(parse_rule("9月底前").value());
  const Evaluator pair = compile(parse_rule("7月底前启动，9月底前完成").value());
  Schedule reused;
  EXPECT_FALSE(weekly.evaluate_into(year(2016), reused));
  EXPECT_EQ(reused.size(), 52u);
  EXPECT_FALSE(single.evaluate_into(year(2016), reused));
  ASSERT_EQ(reused.size(), 1u);
  EXPECT_EQ(reused[0].due, D("2016-09-30"));
  EXPECT_FALSE(pair.evaluate_into(year(2016), reused));
  ASSERT_EQ(reused.size(), 2u);
  EXPECT_EQ(reused[1].label, "完成");
  EXPECT_FALSE(weekly.evaluate_into(year(2016), reused));
  EXPECT_EQ(reused.size(), 52u);
  EXPECT_EQ(reused[51].due, D("2016-12-25"));
  EXPECT_EQ(std::distance(reused.begin(), reused.end()), 52);
  EXPECT_EQ(reused.deadlines().size(), 52u);
}

TEST(Api, ConcurrentEvaluation) {
  const Evaluator ev = compile(parse_rule("每季度结束后15个工作日内").value());
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        auto s = ev.evaluate(year(2016));
        if (!s || s->size() != 4 || s->at(3).due != D("2017-01-22")) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Api, ParseErrorsFromDue) {
  auto s = due("形成文件后3个工作", {});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().error.code, ErrorCode::parse_error);
}

TEST(Api, ContextReplacesEventsAndParsesTimes) {
  Context c;
  c.event("形成文件", D("2016-09-01")).event("文件形成", D("2016-09-30"));
  ASSERT_EQ(c.events().size(), 1u);
  EXPECT_EQ(c.events()[0].time.date, D("2016-09-30"));
  EXPECT_EQ(parse_event_time("2016-10-01T09:30")->minute, 9 * 60 + 30);
  EXPECT_EQ(parse_event_time("2016-10-01 23:59")->minute, 23 * 60 + 59);
  EXPECT_FALSE(parse_event_time("2016-10-01T24:00"));
  EXPECT_FALSE(parse_event_time("2016-10-01T9:3"));
  EXPECT_FALSE(parse_event_time("2016-02-30"));
  EXPECT_EQ(to_string(parse_event_time("2016-10-01T09:05").value()), "2016-10-01T09:05");
}

// --- SPEC §8: the language of the 2019 条例 -------------------------------------

TEST(Spec8, AlternativesGiveOneDeadlineEachAndNameAllWhenMissing) {
  // 信息形成 9/20 + 20 working days (国庆 make-up 10/8, 10/9) → 10/21; 信息变更 9/30 → 11/2.
  Context both;
  both.event("信息形成", D("2016-09-20")).event("信息变更", D("2016-09-30"));
  EXPECT_EQ(dues("信息形成或者变更之日起20个工作日内公开", both),
            (V{"公开（信息形成） 2016-10-21", "公开（信息变更） 2016-11-02"}));
  // Through the lexicon: 政府信息形成 is 信息形成. One alternative given: the item's own label.
  EXPECT_EQ(dues("自该政府信息形成或者变更之日起20个工作日内", with("信息形成", "2016-09-20")),
            V{"完成 2016-10-21"});
  // An event named as T is written is T itself.
  EXPECT_EQ(dues("制定或获取信息之日起10个工作日内", with("制定或获取信息", "2016-09-20")), V{"完成 2016-10-09"});
  EXPECT_EQ(dues("制定或获取信息之日起10个工作日内", with("获取信息", "2016-09-20")), V{"完成 2016-10-09"});
  const auto missing = dues("信息形成或者变更之日起20个工作日内", with("文件公开", "2016-09-20"));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("信息形成"), std::string::npos) << missing[0];
  EXPECT_NE(missing[0].find("信息变更"), std::string::npos) << missing[0];
}

TEST(Spec8, WorkingDayOrdinalsGoThroughTheCalendar) {
  EXPECT_EQ(dues("每月第6个工作日", year(2016))[1], "完成 2016-02-06");  // a make-up Saturday
  EXPECT_EQ(dues("每月最后一个工作日", year(2016))[0], "完成 2016-01-29");
  // February 2016 has 18 working days: the 20th is an error, never a March date.
  const auto feb = dues("每月第20个工作日", year(2016));
  ASSERT_EQ(feb.size(), 1u);
  EXPECT_EQ(feb[0].rfind("error: ", 0), 0u) << feb[0];
}

TEST(Spec8, MonthStartIsAPolicy) {
  EXPECT_EQ(dues("每月初公开", year(2016))[0], "公开 2016-01-10");
  EXPECT_EQ(dues("每月初公开", year(2016), with_policy("month_start", "5"))[0], "公开 2016-01-05");
  Policy p;
  EXPECT_FALSE(set_policy(p, "month_start", "31").has_value());
  EXPECT_FALSE(set_policy(p, "month_start", "0").has_value());
  const auto s = due("3月初", year(2016));
  ASSERT_TRUE(s);
  EXPECT_TRUE((*s)[0].assumed & assumed_ambiguous_reading);
}

TEST(Spec8, WeekdaysAreNotMovedUnlessThePolicySaysSo) {
  const auto fridays = dues("每周五前", year(2016));
  ASSERT_EQ(fridays.size(), 53u);
  EXPECT_EQ(fridays.front(), "完成 2016-01-01");  // 元旦, a rest day
  EXPECT_EQ(fridays.back(), "完成 2016-12-30");
  EXPECT_EQ(dues("每周五前", year(2016), with_policy("absolute_roll", "preceding")).front(), "完成 2015-12-31");
}

TEST(Policy, KeysAndErrors) {
  Policy p;
  auto bad_key = set_policy(p, "timeliness", "3");
  ASSERT_FALSE(bad_key.has_value());
  EXPECT_NE(bad_key.error().message.find("timely"), std::string::npos);
  EXPECT_NE(bad_key.error().message.find("month_before"), std::string::npos);
  EXPECT_FALSE(set_policy(p, "timely", "x").has_value());
  EXPECT_FALSE(set_policy(p, "xun_before", "15").has_value());
  EXPECT_FALSE(set_policy(p, "absolute_roll", "modified").has_value());
  EXPECT_FALSE(set_policy(p, "festivals", "圣诞节").has_value());
  EXPECT_FALSE(set_policy(p, "period.复议期", "六十日").has_value());
  EXPECT_TRUE(set_policy(p, "festivals", "all").has_value());
  EXPECT_EQ(p.festivals.size(), 7u);
  const auto keys = policy_keys();
  EXPECT_EQ(keys.front(), (std::pair<std::string, std::string>{"timely", "20"}));
  EXPECT_EQ(keys.back(), (std::pair<std::string, std::string>{"period.复议期", "60日"}));
}

// --- explain ------------------------------------------------------------------------

TEST(Explain, TraceAPersonCanCheck) {
  const std::string text = explain("形成文件后3个工作日公开", with("形成文件", "2016-09-30"));
  EXPECT_NE(text.find("自2016-09-30（周五）起第1个工作日 2016-10-08（周六，调休上班），第2个 2016-10-09（周日，调休上班），"
                      "第3个 2016-10-10（周一）"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("公开\t2016-10-10"), std::string::npos) << text;
  const std::string days = explain("签订后3日内", with("签订", "2016-09-29"));
  EXPECT_NE(days.find("顺延至 2016-10-08（周六，调休上班）"), std::string::npos) << days;
  const std::string ambiguous = explain("次年1月中旬前", year(2016));
  EXPECT_NE(ambiguous.find("有歧义"), std::string::npos) << ambiguous;
  const std::string missing = explain("于人大批复后30个工作日内", {});
  EXPECT_NE(missing.find("无法计算：需要事件\"人大批复\"的日期"), std::string::npos) << missing;
}

// A release calendar's 1月17/二 (field corpus F77): the date, with its weekday
// checked against the plan year's calendar; a mismatch is an error at the weekday.
TEST(ReleaseCalendar, WeekdayIsCheckedAgainstThePlanYear) {
  EXPECT_EQ(dues("1月17/二", year(2023)), V{"完成 2023-01-17"});
  EXPECT_EQ(dues("4月30/日发布", year(2023)), V{"发布 2023-04-30"});  // a Sunday: not moved (SPEC §3)
  auto s = due("1月17/二", year(2024));  // 2024-01-17 is a Wednesday
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().error.code, ErrorCode::invalid_argument);
  EXPECT_EQ(s.error().error.message, "2024年1月17日是星期三，与规则写的星期二不符");
  EXPECT_EQ(s.error().error.where.offset, 5u);  // 二
  EXPECT_EQ(s.error().error.where.column, 6u);
  EXPECT_EQ(dues("1月17/二", {}), V{"error: 需要计划年度"});
}

}  // namespace
}  // namespace shixian
