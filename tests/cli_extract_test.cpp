// The CLI contract of `shixian extract`: formats, --tasks -o written whole or
// not at all, encodings, HTML, and exit 2 for unusable input.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using shixian::testing_cli::run_cli;
using shixian::testing_cli::slurp;

const std::string kData = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/extract/";

class ExtractCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shixian-extract-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ExtractCli, JsonLinesPerFinding) {
  const auto doc = write("a.txt", "2016年某区政务公开工作要点\n“知名商标”企业名单形成文件后3个工作日公开；每季度末公开。\n");
  const auto r = run_cli({"extract", doc, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"start\":26,\"end\":38,\"text\":\"形成文件后3个工作日公开\",\"canonical\":\"形成文件后3个工作日内公开\","
            "\"kind\":\"deadline\",\"trigger\":\"形成文件\",\"action\":\"公开\",\"line\":2}\n"
            "{\"start\":39,\"end\":45,\"text\":\"每季度末公开\",\"canonical\":\"每季度公开\",\"kind\":\"recurring\","
            "\"trigger\":\"\",\"action\":\"公开\",\"line\":2}\n");
}

TEST_F(ExtractCli, TextHighlightsInContext) {
  const auto r = run_cli({"extract", kData + "anju-2016.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("计划年度：2016"), std::string::npos);
  EXPECT_NE(r.out.find("企业名单【形成文件后3个工作日公开】"), std::string::npos);
  EXPECT_NE(r.out.find("未能解析"), std::string::npos);
}

// A 基本目录 converted with column gaps: every 公开时限 cell a finding or an
// unrecognized span (动态更新), and the draft register.
TEST_F(ExtractCli, DirectoryTable) {
  const auto r = run_cli({"extract", kData + "zhen-2024-mulu-converted.txt", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"20个工作日\",\"canonical\":\"20个工作日内\""), std::string::npos);
  EXPECT_NE(r.out.find("\"text\":\"动态更新\",\"canonical\":\"\",\"kind\":\"unrecognized\""), std::string::npos);
  const auto out = (dir_ / "mulu.csv").string();
  const auto t = run_cli({"extract", kData + "zhen-2024-mulu-converted.txt", "--tasks", "-o", out});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(slurp(out), slurp(kData + "zhen-2024-mulu-converted.tasks.csv"));
}

TEST_F(ExtractCli, TasksWrittenWhole) {
  const auto out = (dir_ / "tasks.csv").string();
  const auto r = run_cli({"extract", kData + "anju-2016.txt", "--tasks", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out), slurp(kData + "anju-2016.tasks.csv"));
  EXPECT_EQ(r.out, "");
  // Nothing written when the target directory does not exist.
  const auto bad = run_cli({"extract", kData + "anju-2016.txt", "--tasks", "-o", (dir_ / "no/such/t.csv").string()});
  EXPECT_EQ(bad.exit_code, 2);
  for (const auto& e : fs::directory_iterator(dir_)) EXPECT_EQ(e.path().filename(), "tasks.csv");
}

TEST_F(ExtractCli, TasksYearOverride) {
  const auto r = run_cli({"extract", kData + "shi-2017-fengong.txt", "--tasks", "--year", "2018"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",2018,\n"), std::string::npos);
  EXPECT_EQ(r.out.find(",2017,\n"), std::string::npos);
}

TEST_F(ExtractCli, NoTaskTableIsAnError) {
  const auto r = run_cli({"extract", kData + "xian-2018-yaodian.txt", "--tasks"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("没有找到任务表"), std::string::npos);
}

TEST_F(ExtractCli, Gb18030OnRequest) {
  // "形成文件后3个工作日公开" in GB18030.
  const std::string gb =
      "\xD0\xCE\xB3\xC9\xCE\xC4\xBC\xFE\xBA\xF3" "3" "\xB8\xF6\xB9\xA4\xD7\xF7\xC8\xD5\xB9\xAB\xBF\xAA";
  const auto doc = write("gb.txt", gb);
  const auto plain = run_cli({"extract", doc});
  EXPECT_EQ(plain.exit_code, 2);
  EXPECT_NE(plain.err.find("不是有效的 UTF-8"), std::string::npos);
  EXPECT_NE(plain.err.find("--encoding gb18030"), std::string::npos);
  const auto r = run_cli({"extract", doc, "--encoding", "gb18030", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"canonical\":\"形成文件后3个工作日内公开\""), std::string::npos);
}

TEST_F(ExtractCli, BinaryAndBadArguments) {
  const auto doc = write("bin.dat", std::string("\x7F" "ELF\0\0\x01", 7));
  auto r = run_cli({"extract", doc});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("二进制"), std::string::npos);
  r = run_cli({"extract", kData + "anju-2016.txt", "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_cli({"extract", (dir_ / "missing.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  r = run_cli({"extract", kData + "anju-2016.txt", "--encoding", "latin1"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(ExtractCli, HtmlIsDetectedAndStripped) {
  const auto doc = write("p.html",
                         "<!DOCTYPE html><html><body><h1>2016年某区政务公开工作要点</h1>"
                         "<p>项目批复文件形成后2个工作日进行公开；<b>每月</b>定时公开。</p></body></html>");
  const auto r = run_cli({"extract", doc, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"批复文件形成后2个工作日进行公开\""), std::string::npos);
  EXPECT_NE(r.out.find("\"canonical\":\"每月公开\""), std::string::npos);
  EXPECT_EQ(r.out.find("<b>"), std::string::npos);
}

}  // namespace
