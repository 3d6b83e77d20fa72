// shixian/testing.hpp (issue 6): the matchers users put in their own
// GoogleTest suites, and what their failure messages say.
#include "shixian/testing.hpp"

#include <gtest/gtest.h>

namespace shixian {
namespace {

using namespace std::chrono;
using shixian::testing::HasVerdict;
using shixian::testing::MeetsDeadline;

Context formed_2016_09_30() {
  Context ctx;
  ctx.event("形成文件", Date{2016y / September / 30d});
  return ctx;
}

std::string explain_failure(const ::testing::Matcher<Date>& m, Date d) {
  ::testing::StringMatchResultListener listener;
  EXPECT_FALSE(m.MatchAndExplain(d, &listener));
  return listener.str();
}

TEST(TestingMatchers, MeetsDeadlineOnTheMakeUpSaturday) {
  // 10/8 is a 调休 working Saturday; the deadline is 10/10.
  EXPECT_THAT(Date{2016y / October / 8d}, MeetsDeadline("形成文件后3个工作日公开", formed_2016_09_30()));
  EXPECT_THAT(Date{2016y / October / 10d}, MeetsDeadline("形成文件后3个工作日公开", formed_2016_09_30()));
  EXPECT_THAT(sys_days{2016y / October / 10d}, MeetsDeadline("形成文件后3个工作日公开", formed_2016_09_30()));
  EXPECT_THAT(2016y / October / 11d, ::testing::Not(MeetsDeadline("形成文件后3个工作日公开", formed_2016_09_30())));
}

TEST(TestingMatchers, FailureSaysDueDateLatenessAndComputation) {
  const std::string why = explain_failure(MeetsDeadline("形成文件后3个工作日公开", formed_2016_09_30()), Date{2016y / October / 12d});
  EXPECT_NE(why.find("which is 2 working days (2 calendar days) late: due 2016-10-10 (公开)"), std::string::npos) << why;
  EXPECT_NE(why.find("计算过程"), std::string::npos) << why;
  EXPECT_NE(why.find("2016-10-08（周六，调休上班）"), std::string::npos) << why;
  // The whole GoogleTest message, as a user sees it.
  ::testing::Matcher<Date> m = MeetsDeadline("形成文件后3个工作日公开", formed_2016_09_30());
  std::stringstream description;
  m.DescribeTo(&description);
  EXPECT_EQ(description.str(), "is on or before the deadline of “形成文件后3个工作日公开”");
}

TEST(TestingMatchers, HourRulesAndMissingContext) {
  Context ctx;
  ctx.event("突发事件", Date{2016y / October / 1d}, 9, 30);
  EXPECT_THAT((EventTime{Date{2016y / October / 2d}, 9 * 60}), MeetsDeadline("突发事件发生后24小时内发布", ctx));
  EXPECT_THAT((EventTime{Date{2016y / October / 2d}, 10 * 60}),
              ::testing::Not(MeetsDeadline("突发事件发生后24小时内发布", ctx)));
  const std::string why = explain_failure(MeetsDeadline("于人大批复后30个工作日内公开", Context{}), Date{2016y / March / 1d});
  EXPECT_NE(why.find("cannot be checked: 需要事件\"人大批复\"的日期"), std::string::npos) << why;
}

TEST(TestingMatchers, HasVerdictOnFindings) {
  TaskRecord t;
  t.id = "T1", t.rule = "形成文件后3个工作日公开", t.line = 2;
  t.events = {{"形成文件", EventTime{Date{2016y / September / 30d}, -1}}};
  PublicationRecord p;
  p.task_id = "T1", p.published = EventTime{Date{2016y / October / 12d}, -1};
  CheckOptions o;
  o.as_of = Date{2016y / November / 30d};
  std::vector<Finding> findings;
  check({t}, {p}, o, [&](const Finding& f) { findings.push_back(f); });
  ASSERT_EQ(findings.size(), 1u);
  // (string_views in a Finding are valid during the callback only; verdict and dates are values.)
  findings[0].message = {};
  EXPECT_THAT(findings[0], HasVerdict(Verdict::late));
  EXPECT_THAT(findings[0], ::testing::Not(HasVerdict(Verdict::on_time)));
}

}  // namespace
}  // namespace shixian
