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

// issue 15: the matcher and check() are one judgement. Each case: the
// publication, what check() must say (hand-computed on the 2016 calendar),
// and the matcher must pass exactly when that is on_time.
TEST(TestingMatchers, MeetsDeadlineAgreesWithCheck) {
  struct Case {
    const char* what;
    std::string rule;
    Context context;
    EventTime published;
    Verdict verdict;
  };
  Context formed_tuesday;  // 10/11 + 3 working days = Friday 10/14
  formed_tuesday.event("形成文件", Date{2016y / October / 11d});
  Context incident;
  incident.event("突发事件", Date{2016y / October / 1d}, 9, 30);
  const std::vector<Case> cases = {
      {"before the trigger", "形成文件后3个工作日公开", formed_2016_09_30(), {Date{2016y / September / 29d}, -1}, Verdict::missing},
      {"on the trigger day", "形成文件后3个工作日公开", formed_2016_09_30(), {Date{2016y / September / 30d}, -1}, Verdict::on_time},
      {"on a holiday before the due date", "形成文件后3个工作日公开", formed_2016_09_30(), {Date{2016y / October / 3d}, -1}, Verdict::on_time},
      {"on the make-up Sunday", "形成文件后3个工作日公开", formed_2016_09_30(), {Date{2016y / October / 9d}, -1}, Verdict::on_time},
      {"on the due day", "形成文件后3个工作日公开", formed_2016_09_30(), {Date{2016y / October / 10d}, -1}, Verdict::on_time},
      {"a day late", "形成文件后3个工作日公开", formed_2016_09_30(), {Date{2016y / October / 11d}, -1}, Verdict::late},
      {"late on a rest day only", "形成文件后3个工作日公开", formed_tuesday, {Date{2016y / October / 15d}, -1}, Verdict::late},
      {"hours: in time", "突发事件发生后24小时内发布", incident, {Date{2016y / October / 2d}, 9 * 60 + 30}, Verdict::on_time},
      {"hours: late the same day", "突发事件发生后24小时内发布", incident, {Date{2016y / October / 2d}, 9 * 60 + 31}, Verdict::late},
      {"hours: before the incident", "突发事件发生后24小时内发布", incident, {Date{2016y / September / 30d}, 12 * 60}, Verdict::missing},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    TaskRecord t;
    t.id = "T1", t.rule = c.rule, t.line = 2;
    for (const auto& e : c.context.events()) t.events.emplace_back(e.name, e.time);
    PublicationRecord p;
    p.task_id = "T1", p.published = c.published, p.line = 2;
    CheckOptions o;
    o.as_of = Date{2016y / December / 31d};
    std::vector<Verdict> verdicts;
    check({t}, {p}, o, [&](const Finding& f) { verdicts.push_back(f.verdict); });
    ASSERT_EQ(verdicts.size(), 1u);
    EXPECT_EQ(verdicts[0], c.verdict) << "check()";
    ::testing::Matcher<EventTime> m = MeetsDeadline(c.rule, c.context);
    ::testing::StringMatchResultListener why;
    EXPECT_EQ(m.MatchAndExplain(c.published, &why), c.verdict == Verdict::on_time) << why.str();
    if (c.verdict == Verdict::missing) {
      EXPECT_NE(why.str().find("judges missing"), std::string::npos) << why.str();
    }
  }
  // The rest-day lateness is said as such.
  const std::string why = explain_failure(MeetsDeadline("形成文件后3个工作日公开", formed_tuesday), Date{2016y / October / 15d});
  EXPECT_NE(why.find("which is 1 calendar day late, on rest days only (0 working days): due 2016-10-14"), std::string::npos)
      << why;
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
