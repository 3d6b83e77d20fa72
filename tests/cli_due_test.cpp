// The `shixian due` contract (issue 4): plain lines, JSON shape, exit codes,
// errors on stderr (and as {"error":…} on stdout with --json); `explain` with context.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_runner.hpp"

namespace shixian {
namespace {

using testing_cli::run_cli;

TEST(CliDue, PlainOneLinePerDeadline) {
  const auto r = run_cli({"due", "形成文件后3个工作日公开", "--event", "形成文件=2016-09-30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "公开\t2016-10-10\n");
  EXPECT_EQ(r.err, "");
  const auto m = run_cli({"due", "7月底前启动，9月底前完成", "--year", "2016"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(m.out, "启动\t2016-07-31\n完成\t2016-09-30\n");
  const auto w = run_cli({"due", "每周", "--year=2016"});
  ASSERT_EQ(w.exit_code, 0);
  EXPECT_EQ(std::count(w.out.begin(), w.out.end(), '\n'), 52);
  EXPECT_EQ(w.out.substr(0, 18), "完成\t2016-01-03\n");
}

TEST(CliDue, FlagsFollowTheDate) {
  const auto h = run_cli({"due", "突发事件发生后24小时内", "--event", "突发事件=2016-10-01"});
  ASSERT_EQ(h.exit_code, 0) << h.err;
  EXPECT_EQ(h.out, "完成\t2016-10-02T00:00\tassumed=midnight\n");
  const auto t = run_cli({"due", "突发事件发生后24小时内", "--event", "突发事件=2016-10-01T09:30"});
  EXPECT_EQ(t.out, "完成\t2016-10-02T09:30\n");
  const auto p = run_cli({"due", "形成文件后3个工作日公开", "--event", "形成文件=2027-02-03"});
  EXPECT_EQ(p.out, "公开\t2027-02-12\tprovisional\n");
  const auto c = run_cli({"due", "年内至少2次", "--year", "2016"});
  EXPECT_EQ(c.out, "完成\t2016-12-31\tcount>=2\tperiod=2016-01-01/2016-12-31\n");
  const auto x = run_cli({"due", "次年1月中旬前", "--year", "2016"});
  EXPECT_EQ(x.out, "完成\t2017-01-20\tassumed=ambiguous_reading\n");
  EXPECT_NE(x.err.find("注：“中旬前”有歧义"), std::string::npos) << x.err;
}

TEST(CliDue, JsonShape) {
  const auto r = run_cli({"due", "形成文件后3个工作日公开", "--event", "文件形成=2016-09-30", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"rule\":\"形成文件后3个工作日公开\",\"canonical\":\"形成文件后3个工作日内公开\",\"kind\":\"deadline\","
            "\"classification\":\"checkable\",\"deadlines\":[{\"label\":\"公开\",\"due\":\"2016-10-10\","
            "\"period_start\":\"2016-09-30\",\"period_end\":\"2016-10-10\",\"provisional\":false,\"assumed\":[],"
            "\"type\":\"by\",\"item\":0}],\"notes\":[]}\n");
  const auto open = run_cli({"due", "长期推进", "--json"});
  ASSERT_EQ(open.exit_code, 0);
  EXPECT_EQ(open.out,
            "{\"rule\":\"长期推进\",\"canonical\":\"长期推进\",\"kind\":\"ongoing\",\"classification\":\"ongoing\","
            "\"deadlines\":[],\"notes\":[]}\n");
  const auto hours = run_cli({"due", "第一时间", "--event", "信息形成=2016-10-01", "--json"});
  EXPECT_NE(hours.out.find("\"due\":\"2016-10-02T00:00\""), std::string::npos) << hours.out;
  EXPECT_NE(hours.out.find("\"assumed\":[\"midnight\",\"policy_reading\"]"), std::string::npos) << hours.out;
  const auto dur = run_cli({"due", "公示期不得少于5个工作日", "--json"});
  EXPECT_NE(dur.out.find("\"due\":null,\"period_start\":null,\"period_end\":null"), std::string::npos) << dur.out;
  EXPECT_NE(dur.out.find("\"type\":\"min_duration\",\"min_days\":0,\"min_working_days\":5"), std::string::npos);
}

TEST(CliDue, MissingContextExits3) {
  const auto r = run_cli({"due", "于人大批复后30个工作日内", "--event", "形成文件=2016-09-30"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("需要事件\"人大批复\"的日期"), std::string::npos) << r.err;
  const auto y = run_cli({"due", "9月底前"});
  EXPECT_EQ(y.exit_code, 3);
  EXPECT_NE(y.err.find("需要计划年度"), std::string::npos) << y.err;
  const auto j = run_cli({"due", "9月底前", "--json"});
  EXPECT_EQ(j.exit_code, 3);
  EXPECT_EQ(j.out, "{\"error\":{\"code\":\"missing_context\",\"message\":\"需要计划年度\",\"needed\":[\"计划年度\"]}}\n");
  const auto two = run_cli({"due", "3个工作日内", "--event", "a=2016-10-01", "--event", "b=2016-10-02"});
  EXPECT_EQ(two.exit_code, 3);
  EXPECT_NE(two.err.find("多个事件（a、b）"), std::string::npos) << two.err;
}

TEST(CliDue, ParseErrorsExit2WithCaret) {
  const auto r = run_cli({"due", "形成文件后3个工作", "--event", "形成文件=2016-09-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("1 | 形成文件后3个工作"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("^"), std::string::npos);
  const auto j = run_cli({"due", "形成文件后3个工作", "--json"});
  EXPECT_EQ(j.exit_code, 2);
  EXPECT_EQ(j.out.rfind("{\"error\":{\"code\":\"parse_error\"", 0), 0u) << j.out;
  EXPECT_NE(j.out.find("\"column\":"), std::string::npos);
}

TEST(CliDue, BadArgumentsExit2) {
  const auto policy = run_cli({"due", "及时", "--policy", "timeliness=3"});
  EXPECT_EQ(policy.exit_code, 2);
  EXPECT_NE(policy.err.find("未知策略“timeliness”"), std::string::npos) << policy.err;
  EXPECT_NE(policy.err.find("first_moment"), std::string::npos) << policy.err;
  const auto value = run_cli({"due", "及时", "--policy", "timely=soon"});
  EXPECT_EQ(value.exit_code, 2);
  const auto no_eq = run_cli({"due", "及时", "--policy", "timely"});
  EXPECT_EQ(no_eq.exit_code, 2);
  EXPECT_NE(no_eq.err.find("timely=20"), std::string::npos) << no_eq.err;
  const auto event = run_cli({"due", "及时", "--event", "收到文件=2016-02-30"});
  EXPECT_EQ(event.exit_code, 2);
  const auto year = run_cli({"due", "9月底前", "--year", "16"});
  EXPECT_EQ(year.exit_code, 2);
  const auto usage = run_cli({"due"});
  EXPECT_EQ(usage.exit_code, 2);
  const auto unknown = run_cli({"due", "9月底前", "--yaer", "2016", "--json"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out.rfind("{\"error\":{\"code\":\"invalid_argument\"", 0), 0u) << unknown.out;
}

TEST(CliDue, PoliciesAndStrict) {
  const auto r = run_cli({"due", "5月前", "--year", "2016", "--policy", "month_before=same"});
  EXPECT_EQ(r.out, "完成\t2016-05-31\tassumed=ambiguous_reading\n");
  const auto t = run_cli({"due", "收到文件后及时发布", "--event", "收到文件=2016-09-30", "--policy", "timely=3"});
  EXPECT_EQ(t.out, "发布\t2016-10-10\tassumed=policy_reading\n");
  const auto s = run_cli({"due", "形成文件后3个工作日公开", "--event", "形成文件=2027-02-03", "--strict"});
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("严格模式"), std::string::npos) << s.err;
}

TEST(CliDue, OverlayChangesTheCalendar) {
  // 广西“壮族三月三” 2016: 4/8 and 4/11 are rest days in the region.
  const auto national = run_cli({"due", "形成文件后3个工作日公开", "--event", "形成文件=2016-04-06"});
  EXPECT_EQ(national.out, "公开\t2016-04-11\n");
  const auto guangxi = run_cli({"due", "形成文件后3个工作日公开", "--event", "形成文件=2016-04-06", "--overlay",
                                std::string(SHIXIAN_SOURCE_DIR) + "/examples/overlays/guangxi-sanyuesan.txt"});
  ASSERT_EQ(guangxi.exit_code, 0) << guangxi.err;
  EXPECT_EQ(guangxi.out, "公开\t2016-04-13\n");
  const auto missing = run_cli({"due", "9月底前", "--year", "2016", "--overlay", "/nonexistent/overlay.txt"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(CliExplain, TraceWithContext) {
  const auto r = run_cli({"explain", "形成文件后3个工作日公开", "--event", "形成文件=2016-09-30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("规范形式：形成文件后3个工作日内公开"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("起第1个工作日 2016-10-08（周六，调休上班）"), std::string::npos) << r.out;
  // Without the plan year the reading is still explained, and the exit code is due's (3, missing context).
  const auto bare = run_cli({"explain", "9月底前"});
  EXPECT_EQ(bare.exit_code, 3);
  EXPECT_NE(bare.out.find("需要计划年度"), std::string::npos) << bare.out;
  EXPECT_NE(bare.err.find("--year"), std::string::npos) << bare.err;
}

}  // namespace
}  // namespace shixian
