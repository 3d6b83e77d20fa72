// The CLI contract of `shixian holidays import` and `calendar --overlay`:
// exit codes, where output goes, and that nothing is written on error.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_runner.hpp"
#include "shixian/holidays.hpp"
#include "shixian/notice.hpp"

namespace {

namespace fs = std::filesystem;

using Outcome = shixian::testing_cli::Run;

using shixian::testing_cli::slurp;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("shixian-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Outcome run(const std::string& arguments) { return shixian::testing_cli::run_cli_shell(arguments); }

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  static std::string notice(const std::string& name) {
    return std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/" + name + ".txt";
  }

  std::size_t files_in_dir() const {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++n;
    return n;
  }

  fs::path dir_;
};

TEST_F(Cli, ImportPrintsTheYearFile) {
  const Outcome r = run("holidays import '" + notice("2026") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto expected = shixian::parse_holiday_notice(slurp(notice("2026")), notice("2026"));
  ASSERT_TRUE(expected);
  EXPECT_EQ(r.out, shixian::format_year_file(*expected));
}

TEST_F(Cli, ImportWritesTheOutputFile) {
  const fs::path target = dir_ / "2016.txt";
  const Outcome r = run("holidays import '" + notice("2016") + "' -o '" + target.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  auto written = shixian::parse_year_file(slurp(target));
  ASSERT_TRUE(written);
  auto reference = shixian::parse_year_file(slurp(std::string(SHIXIAN_SOURCE_DIR) + "/holidays/2016.txt"));
  ASSERT_TRUE(reference);
  EXPECT_EQ(*written, *reference);
  EXPECT_EQ(files_in_dir(), 1u);  // no temporary file left behind
}

TEST_F(Cli, BadNoticeWritesNothing) {
  std::string text = slurp(notice("2026"));
  text.replace(text.find("1月4日（周日）上班"), std::string("1月4日（周日）上班").size(), "1月4日（周一）上班");
  const fs::path bad = write("bad.txt", text);
  const fs::path target = dir_ / "2026.txt";
  const Outcome r = run("holidays import '" + bad.string() + "' -o '" + target.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  // The message, then the line with a caret under 周 (display width: CJK characters are 2 columns).
  const std::string line = "  一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周一）上班。";
  EXPECT_EQ(r.err, bad.string() + ":5:37: 星期不符：2026年1月4日是周日，不是周一\n" + " 5 | " + line + "\n" +
                       "   | " + std::string(64, ' ') + "^\n");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(Cli, BadNoticeLeavesAnExistingFileAlone) {
  const fs::path target = write("2026.txt", "old contents\n");
  const fs::path bad = write("bad.txt", "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）放假，共2天。\n");
  const Outcome r = run("holidays import '" + bad.string() + "' -o '" + target.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":2:18: 天数不符：2026年1月1日共1天，不是2天"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(target), "old contents\n");
  EXPECT_EQ(files_in_dir(), 2u);
}

TEST_F(Cli, ImportUsageAndIoErrors) {
  EXPECT_EQ(run("holidays").exit_code, 2);
  EXPECT_EQ(run("holidays export x").exit_code, 2);
  EXPECT_EQ(run("holidays import").exit_code, 2);
  const Outcome missing = run("holidays import '" + (dir_ / "nope.txt").string() + "'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("无法读取文件"), std::string::npos);
  const Outcome no_dir = run("holidays import '" + notice("2016") + "' -o '" + (dir_ / "no/such/dir/2016.txt").string() + "'");
  EXPECT_EQ(no_dir.exit_code, 2);
  EXPECT_NE(no_dir.err.find("目录不存在"), std::string::npos) << no_dir.err;
  const fs::path binary = write("binary.txt", std::string("\x7f" "ELF\0\0\0", 7));
  const Outcome bin = run("holidays import '" + binary.string() + "'");
  EXPECT_EQ(bin.exit_code, 2);
  EXPECT_EQ(bin.err.substr(0, bin.err.find('\n') + 1), binary.string() + ":1:5: 输入含有NUL字节，不是文本文件\n");
  EXPECT_EQ(bin.out, "");
}

TEST_F(Cli, ImportFromStdin) {
  const Outcome r = run("holidays import - < '" + notice("2016-traditional") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("春节  off 2016-02-07..2016-02-13  work 2016-02-06 2016-02-14"), std::string::npos) << r.out;
}

TEST_F(Cli, ImportedYearDrivesTheCalendar) {
  // A new notice is one command away from the calendar: import, then --holidays.
  const fs::path year = dir_ / "2026.txt";
  ASSERT_EQ(run("holidays import '" + notice("2026") + "' -o '" + year.string() + "'").exit_code, 0);
  const Outcome r = run("calendar 2026 --holidays '" + year.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2026-01-04\twork\tmakeup_work\t元旦\tofficial\n"), std::string::npos);
  EXPECT_NE(r.out.find("2026-02-23\toff\t"), std::string::npos);
  EXPECT_NE(r.out.find("2026-02-28\twork\tmakeup_work\t春节\tofficial\n"), std::string::npos);
}

TEST_F(Cli, CalendarWithOverlay) {
  const std::string overlay = std::string(SHIXIAN_SOURCE_DIR) + "/examples/overlays/guangxi-sanyuesan.txt";
  const Outcome r = run("calendar 2016 --overlay '" + overlay + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2016-04-08\toff\tswapped_rest\t三月三\tofficial\n"), std::string::npos);
  EXPECT_NE(r.out.find("2016-04-09\toff\tweekend\t三月三\tofficial\n"), std::string::npos);
  const Outcome national = run("calendar 2016");
  EXPECT_NE(national.out.find("2016-04-08\twork\tworkday\t\tofficial\n"), std::string::npos);
  const Outcome text = run("calendar 2016 --format text --overlay '" + overlay + "'");
  EXPECT_NE(text.out.find("\n  叠加：广西壮族自治区“壮族三月三”\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("三月三         2016-04-08（周五）至 2016-04-11（周一），共4天"), std::string::npos) << text.out;
}

TEST_F(Cli, CalendarWithBadOverlay) {
  const fs::path bad = write("bad.txt", "name 示例\n三月三 rest 2016-04-09\n");
  const Outcome r = run("calendar 2016 --overlay '" + bad.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "shixian calendar: " + bad.string() +
                       ":2:5: 此处应为 holiday、off 或 work（或表头关键字 name、region、source）\n"
                       " 2 | 三月三 rest 2016-04-09\n"
                       "   |        ^\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run("calendar 2016 --overlay '" + (dir_ / "nope.txt").string() + "'").exit_code, 2);
}

}  // namespace

// Issue 19: a page with the 2020 notice and the 延长 notice writes nothing and names both.
TEST_F(Cli, PageWithTwoNoticesWritesNothing) {
  const fs::path target = dir_ / "2020.txt";
  const std::string page = notice("web/2020-with-extension");
  const Outcome r = run("holidays import '" + page + "' -o '" + target.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(page + ":5:39: 文本中有两份通知：“国务院办公厅关于2020年部分节假日安排的通知”（第4行）和“国务院办公厅关于延长2020年春节假期的通知”"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(target));
}

// Issue 19: a traditional-character repost with pinyin glosses imports as holidays/2021.txt has it.
TEST_F(Cli, PinyinRepostImports) {
  const Outcome r = run("holidays import '" + notice("web/2021-traditional-pinyin-doubled") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto imported = shixian::parse_year_file(r.out);
  auto reference = shixian::parse_year_file(slurp(std::string(SHIXIAN_SOURCE_DIR) + "/holidays/2021.txt"));
  ASSERT_TRUE(imported && reference);
  EXPECT_EQ(imported->entries, reference->entries);
}

// Issue 19: special notices as amendments on the command line — the year and its extension from
// one page with --published, a special notice --onto the year file it amends, and what is missing
// named with the option that supplies it.
TEST_F(Cli, SpecialNoticesImportAsAmendments) {
  const auto repository = [](int year) {
    return shixian::parse_year_file(slurp(std::string(SHIXIAN_SOURCE_DIR) + "/holidays/" + std::to_string(year) + ".txt"));
  };
  const fs::path year2020 = dir_ / "2020.txt";
  Outcome r = run("holidays import '" + notice("web/2020-with-extension") + "' --published 2020-01-27 -o '" +
                  year2020.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(shixian::parse_year_file(slurp(year2020)).value(), repository(2020).value());

  const fs::path base = dir_ / "2019-as-published.txt";
  ASSERT_EQ(run("holidays import '" + notice("web/2019-footer") + "' -o '" + base.string() + "'").exit_code, 0);
  r = run("holidays import '" + notice("web/2019-labour-adjustment") + "' --onto '" + base.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(shixian::parse_year_file(r.out).value(), repository(2019).value());
  EXPECT_NE(r.out.find("amended    2019-03-22 国办发明电〔2019〕3号 国务院办公厅关于调整2019年劳动节假期安排的通知\n"), std::string::npos)
      << r.out;
  // The amended file is a new file: --onto is an input, so -o may not overwrite it.
  r = run("holidays import '" + notice("web/2019-labour-adjustment") + "' --onto '" + base.string() + "' -o '" +
          base.string() + "'");
  EXPECT_EQ(r.exit_code, 2);

  r = run("holidays import '" + notice("web/2015-memorial") + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--onto holidays/2015.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--published YYYY-MM-DD"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  r = run("holidays import '" + notice("web/2015-memorial") + "' --onto '" + (dir_ / "nope.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--onto"), std::string::npos) << r.err;
  const fs::path broken = write("broken.txt", "year 2015\n元旦 rest 2015-01-01\n");
  r = run("holidays import '" + notice("web/2015-memorial") + "' --onto '" + broken.string() + "' --published 2015-05-13");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(broken.string() + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(run("holidays import '" + notice("2016") + "' --published 2015-12-10").exit_code, 2);
}
