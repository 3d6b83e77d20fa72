// The `shixian check` / `shixian ics` contract (issue 6): formats, exit codes
// 0/1/2, the summary line on stderr, -o written whole or not at all, no
// progress output when stderr is not a terminal, and the examples/ plan's
// report checked in as a golden file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"

namespace shixian {
namespace {

using testing_cli::quote;
using testing_cli::run_cli;
using testing_cli::run_cli_shell;
using testing_cli::slurp;

const std::string kData = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/check/";
const std::string kExample = std::string(SHIXIAN_SOURCE_DIR) + "/examples/check/";

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("shixian-check-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST(CliCheck, TextReportAndExitOneWhenSomethingIsLate) {
  const auto r = run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "--as-of", "2016-11-30"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("政务公开时限检查报告"), std::string::npos);
  EXPECT_NE(r.out.find("按时率：36.4%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("逾期（4）"), std::string::npos);
  // One summary line on stderr, then the input problems; no progress bar (stderr is a file).
  EXPECT_EQ(r.err.find("检查14项任务、29个期限："), 0u) << r.err;
  EXPECT_NE(r.err.find("publications.csv:15: 发布记录中的任务编号“T99”不在任务登记表中"), std::string::npos);
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
  EXPECT_EQ(r.err.find("检查中"), std::string::npos);
}

TEST(CliCheck, CsvAndJsonlOneRowPerDeadline) {
  const auto c = run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "--as-of",
                          "2016-11-30", "--format", "csv"});
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_EQ(c.out.substr(0, c.out.find('\n')),
            "task_id,obligation,line,lead,title,rule,label,verdict,due,period_start,period_end,published,withdrawn,"
            "late_workdays,late_days,required,found,provisional,needed,message");
  EXPECT_EQ(lines(c.out), 1u + 29u);
  EXPECT_NE(c.out.find("T02,1,3,区工商局,“诚信守法企业”名单公开,形成文件后3个工作日公开,公开,late,2016-10-10,2016-09-30,"
                       "2016-10-10,2016-10-12,,2,2,"),
            std::string::npos)
      << c.out;
  const auto j = run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "--as-of",
                          "2016-11-30", "--format=jsonl"});
  EXPECT_EQ(lines(j.out), 29u);
  EXPECT_NE(j.out.find("{\"task_id\":\"T10\",\"obligation\":1,\"line\":11,"), std::string::npos);
  EXPECT_NE(j.out.find("\"verdict\":\"needs_context\""), std::string::npos);
  EXPECT_NE(j.out.find("\"needed\":\"人大批复\""), std::string::npos);
}

TEST(CliCheck, ExitZeroWhenNothingFailed) {
  const auto dir = temp_dir();
  std::ofstream(dir / "t.csv") << "id,title,lead,rule,events\nA,名单,区工商局,形成文件后3个工作日公开,形成文件=2016-09-30\nB,总结,区政府办,12月底前,\n";
  std::ofstream(dir / "p.csv") << "task_id,published\nA,2016-10-09\n";
  const auto r = run_cli({"check", (dir / "t.csv").string(), "--publications", (dir / "p.csv").string(), "--as-of",
                          "2016-11-30", "--year", "2016"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("结论：没有逾期"), std::string::npos);
  EXPECT_EQ(r.err, "检查2项任务、2个期限：按时1，未到期1；按时率100.0%\n");
  std::filesystem::remove_all(dir);
}

TEST(CliCheck, UnusableInputExitsTwo) {
  // Missing file, missing option, bad format, bad date, GB18030 without --encoding.
  EXPECT_EQ(run_cli({"check", kData + "nope.csv", "--publications", kData + "publications.csv"}).exit_code, 2);
  EXPECT_EQ(run_cli({"check", kData + "tasks.csv"}).exit_code, 2);
  EXPECT_EQ(run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "--as-of", "2016-02-30"}).exit_code, 2);
  const auto gb = run_cli({"check", kData + "tasks_gb18030.csv", "--publications", kData + "publications.csv"});
  EXPECT_EQ(gb.exit_code, 2);
  EXPECT_NE(gb.err.find("tasks_gb18030.csv:2:5:"), std::string::npos) << gb.err;
  EXPECT_NE(gb.err.find("--encoding gb18030"), std::string::npos) << gb.err;
  const auto ok = run_cli({"check", kData + "tasks_gb18030.csv", "--publications", kData + "publications.csv",
                           "--encoding", "gb18030", "--as-of", "2016-11-30"});
  EXPECT_EQ(ok.exit_code, 1) << ok.err;
  EXPECT_EQ(ok.err.find("检查14项任务"), 0u);
  // Every row bad: nothing usable.
  const auto dir = temp_dir();
  std::ofstream(dir / "t.csv") << "id,rule\n,12月底前\nX,\n";
  const auto bad = run_cli({"check", (dir / "t.csv").string(), "--publications", kData + "publications.csv"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("t.csv:2:1: 缺少任务编号"), std::string::npos) << bad.err;
  std::filesystem::remove_all(dir);
}

TEST(CliCheck, BadRowsDoNotStopTheRun) {
  const auto r = run_cli({"check", kData + "tasks_bad.csv", "--publications", kData + "publications_bad.csv",
                          "--as-of", "2016-11-30", "--year", "2016", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines(r.out), 1u + 4u + 1u);  // header, B01, B02 (its title spans two lines), B07 ×2
  EXPECT_NE(r.err.find("tasks_bad.csv:5:1: 任务编号“B01”重复（首次出现在第2行），本行跳过"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("tasks_bad.csv:9: 本行有8个字段"), std::string::npos);
}

TEST(CliCheck, OutputFileWholeOrNotAtAll) {
  const auto dir = temp_dir();
  const auto out = dir / "report.csv";
  auto r = run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "--as-of", "2016-11-30",
                    "--format", "csv", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(lines(slurp(out)), 30u);
  // A failing run leaves the previous file untouched and no temporary behind.
  std::ofstream(out) << "previous\n";
  r = run_cli({"check", kData + "tasks_gb18030.csv", "--publications", kData + "publications.csv", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(slurp(out), "previous\n");
  const auto fresh = dir / "new.txt";
  r = run_cli({"check", kData + "nope.csv", "--publications", kData + "publications.csv", "-o", fresh.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(fresh));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u);
  // An output directory that does not exist: exit 2, nothing written.
  r = run_cli({"check", kData + "tasks.csv", "--publications", kData + "publications.csv", "-o", (dir / "no/such.csv").string()});
  EXPECT_EQ(r.exit_code, 2);
  std::filesystem::remove_all(dir);
}

TEST(CliIcs, UpcomingDeadlines) {
  const auto r = run_cli({"ics", kData + "tasks.csv", "--publications", kData + "publications.csv", "--from", "2016-12-01",
                          "--to", "2016-12-31"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 17), "BEGIN:VCALENDAR\r\n");
  // T04 12/31, T05 Q4 12/31, T08 December.
  std::size_t events = 0;
  for (std::size_t at = 0; (at = r.out.find("BEGIN:VEVENT", at)) != std::string::npos; ++at) ++events;
  EXPECT_EQ(events, 3u);
  EXPECT_NE(r.out.find("DTSTART;VALUE=DATE:20161231"), std::string::npos);
  EXPECT_NE(r.err.find("导出 3 个期限"), std::string::npos);
  EXPECT_EQ(run_cli({"ics", kData + "tasks.csv", "--from", "2016-12-31", "--to", "2016-12-01"}).exit_code, 2);
}

TEST(CliCheck, ExamplePlanGoldenReport) {
  const auto r = run_cli({"check", kExample + "tasks.csv", "--publications", kExample + "publications.csv", "--as-of",
                          "2016-12-31", "--year", "2016"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // The report names its inputs as given; compare with the paths made relative.
  std::string out = r.out;
  for (std::size_t at; (at = out.find(kExample)) != std::string::npos;) out.replace(at, kExample.size(), "examples/check/");
  EXPECT_EQ(out, slurp(kExample + "expected-report.txt"));
}

}  // namespace
}  // namespace shixian
