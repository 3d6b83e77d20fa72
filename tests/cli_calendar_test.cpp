// The `shixian calendar` and `shixian demo` contract: output shape, exit codes, errors on stderr.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_runner.hpp"

namespace shixian {
namespace {

using testing_cli::run_cli;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

TEST(CliCalendar, TsvOneLinePerDay) {
  const auto r = run_cli({"calendar", "2016"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 366u);
  EXPECT_EQ(rows.front(), "2016-01-01\toff\tholiday\t元旦\tofficial");
  EXPECT_EQ(rows[281], "2016-10-08\twork\tmakeup_work\t国庆节\tofficial");
  EXPECT_EQ(rows[282], "2016-10-09\twork\tmakeup_work\t国庆节\tofficial");
  EXPECT_EQ(rows[283], "2016-10-10\twork\tworkday\t\tofficial");
  EXPECT_EQ(rows[277], "2016-10-04\toff\tswapped_rest\t国庆节\tofficial");
  EXPECT_EQ(rows.back(), "2016-12-31\toff\tweekend\t元旦\tofficial");  // the 2017 元旦 break starts here
}

TEST(CliCalendar, ProjectedYearsSaySo) {
  const auto r = run_cli({"calendar", "2027", "--format=tsv"});
  ASSERT_EQ(r.exit_code, 0);
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 365u);
  EXPECT_TRUE(std::all_of(rows.begin(), rows.end(), [](const std::string& l) { return l.ends_with("\tprojected"); }));
  EXPECT_EQ(rows[39], "2027-02-09\toff\tswapped_rest\t春节\tprojected");
}

TEST(CliCalendar, TextGrid) {
  const auto r = run_cli({"calendar", "2016", "--format", "text"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("国办发明电〔2015〕18号"), std::string::npos);
  EXPECT_NE(r.out.find("2016年10月"), std::string::npos);
  EXPECT_NE(r.out.find("   8班   9班"), std::string::npos);  // 10/8, 10/9 make-up days
  EXPECT_NE(r.out.find("2016-10-08（周六）上班"), std::string::npos);
}

TEST(CliCalendar, StrictRefusesProjectedYear) {
  const auto r = run_cli({"calendar", "2027", "--strict"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("严格模式"), std::string::npos);
}

TEST(CliCalendar, HolidaysFileOverridesAYear) {
  const auto path = std::filesystem::temp_directory_path() / "shixian-2027-test.txt";
  std::ofstream(path) << "year 2027\ntitle 测试通知\n春节 off 2027-02-05..2027-02-13 work 2027-02-14\n";
  const auto r = run_cli({"calendar", "2027", "--holidays", path.string()});
  std::filesystem::remove(path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = lines(r.out);
  EXPECT_EQ(rows[44], "2027-02-14\twork\tmakeup_work\t春节\tofficial");
}

struct BadArgs {
  std::vector<std::string> args;
  std::string error;
  friend void PrintTo(const BadArgs& c, std::ostream* os) {
    for (const auto& a : c.args) *os << a << ' ';
  }
};

class CliCalendarErrors : public testing::TestWithParam<BadArgs> {};

TEST_P(CliCalendarErrors, OneLineOnStderrExit2) {
  const auto r = run_cli(GetParam().args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, GetParam().error + "\n");
}

INSTANTIATE_TEST_SUITE_P(CliCalendar, CliCalendarErrors, testing::Values(
    BadArgs{{"calendar", "2101"}, "shixian calendar: 年份 2101 超出日历范围（2001–2100）"},
    BadArgs{{"calendar", "2000"}, "shixian calendar: 年份 2000 超出日历范围（2001–2100）"},
    BadArgs{{"calendar", "20x6"}, "shixian calendar: 年份应为四位数字（如 2016），得到“20x6”"},
    BadArgs{{"calendar", "99999"}, "shixian calendar: 年份应为四位数字（如 2016），得到“99999”"},
    BadArgs{{"calendar", "99999999999999999999"},
            "shixian calendar: 年份应为四位数字（如 2016），得到“99999999999999999999”"},
    BadArgs{{"calendar", "2016", "--fromat", "tsv"},
            "shixian calendar: 未知选项 --fromat（可用：--format, --holidays, --overlay, --strict）"},
    BadArgs{{"calendar", "2016", "--format", "csv"}, "shixian calendar: --format 应为 tsv 或 text，得到“csv”"},
    BadArgs{{"calendar", "2016", "--format"}, "shixian calendar: 选项 --format 缺少值"},
    BadArgs{{"calendar", "2016", "--holidays", "/nonexistent/2027.txt"},
            "shixian calendar: 无法读取文件 /nonexistent/2027.txt：没有那个文件或目录"},
    BadArgs{{"calendar"}, "shixian calendar: 用法：shixian calendar YEAR [--format tsv|text] [--holidays FILE] [--overlay FILE] [--strict]"},
    BadArgs{{"frobnicate"},
            "shixian: 未知命令“frobnicate”（可用：demo, calendar, holidays, parse, explain, due, check, ics, extract；见 shixian --help）"}));

TEST(CliCalendar, BadHolidaysFileNamesLineAndColumn) {
  const auto path = std::filesystem::temp_directory_path() / "shixian-bad-year.txt";
  std::ofstream(path) << "year 2027\n春节 work 2027-02-08\n";
  const auto r = run_cli({"calendar", "2027", "--holidays", path.string()});
  std::filesystem::remove(path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "shixian calendar: " + path.string() + ":2:9: 2027-02-08是周一，调休上班日应为周六或周日\n");
}

TEST(CliDemo, PrintsCalendarAndWorkedExample) {
  const auto r = run_cli({"demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2016年工作日历"), std::string::npos);
  EXPECT_NE(r.out.find("2016-10-08（周六，国庆节，调休上班）　第1个工作日"), std::string::npos);
  EXPECT_NE(r.out.find("期限：2016-10-10（周一）当日结束前"), std::string::npos);
}

}  // namespace
}  // namespace shixian
