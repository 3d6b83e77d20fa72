// PublicationReader::open_parts: a large log read in pieces gives exactly
// what one reader gives — the same rows with the same line numbers, the same
// problems at the same places — whatever sits at the cut: quoted values with
// commas, quotes and line breaks, CRLF, bad rows, JSON Lines, GB18030.
#include <gtest/gtest.h>
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "shixian/check.hpp"

namespace shixian {
namespace {

// Each row as text: what the reader made of it, or the problem it reported.
struct Outcome {
  std::vector<std::string> rows;
  std::vector<std::string> problems;
};

std::string describe(const PublicationRecord& p) {
  return std::to_string(p.line) + " " + p.task_id + " " + to_string(p.published) + " " + p.title;
}

Outcome read_whole(const std::string& path, const ReadOptions& options) {
  Outcome out;
  auto reader = PublicationReader::open(path, options);
  EXPECT_TRUE(reader.has_value());
  PublicationRecord p;
  std::vector<InputProblem> problems;
  while (reader->next(p, problems)) out.rows.push_back(describe(p));
  for (const auto& problem : problems) out.problems.push_back(problem.to_string());
  return out;
}

Outcome read_parts(const std::string& path, const ReadOptions& options, std::size_t wanted, std::size_t* parts_used) {
  Outcome out;
  auto parts = PublicationReader::open_parts(path, options, wanted);
  EXPECT_TRUE(parts.has_value());
  *parts_used = parts->size();
  for (auto& reader : *parts) {
    PublicationRecord p;
    std::vector<InputProblem> problems;
    while (reader.next(p, problems)) out.rows.push_back(describe(p));
    for (const auto& problem : problems) out.problems.push_back(problem.to_string());
  }
  return out;
}

// A log of about `bytes` bytes with every awkward shape recurring. Most of
// its bytes are inside multi-line quoted values, so the cuts' targets fall
// inside quotes and only a correct quote count finds the record boundary.
std::string make_log(std::size_t bytes, std::string_view eol, std::string_view title) {
  std::string text = "task_id,published,withdrawn,url,title" + std::string(eol);
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    const std::string id = "T" + std::to_string(i);
    const std::string day = "2016-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-1" +
                            std::to_string(i % 10);
    switch (i % 7) {
      case 0:  // a long quoted title with commas, doubled quotes and line breaks inside
        text += id + "," + day + ",,http://e.gov.cn/" + id + ",\"" + std::string(title) + "，\"\"通知\"\"";
        for (int k = 0; k < 40; ++k) text += std::string(eol) + "第" + std::to_string(k) + "段，\"\"正文\"\"";
        text += "\"" + std::string(eol);
        break;
      case 3:  // a bad date: a problem with its line and column
        text += id + ",2016-02-30,,http://e.gov.cn/" + id + "," + std::string(title) + std::string(eol);
        break;
      default:
        text += id + "," + day + ",,http://e.gov.cn/" + id + "," + std::string(title) + std::string(eol);
    }
  }
  return text;
}

std::string write_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("shixian_parts_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

void expect_same_as_one_reader(const std::string& path, const ReadOptions& options, std::size_t wanted = 3) {
  std::size_t parts = 0;
  const Outcome whole = read_whole(path, options);
  const Outcome pieces = read_parts(path, options, wanted, &parts);
  EXPECT_EQ(parts, wanted) << "the log should be large enough to cut";
  EXPECT_GT(whole.rows.size(), 10000u);
  EXPECT_FALSE(whole.problems.empty());
  EXPECT_EQ(pieces.rows, whole.rows);
  EXPECT_EQ(pieces.problems, whole.problems);
  std::filesystem::remove(path);
}

TEST(PublicationParts, CsvWithQuotedLineBreaksAndBadRows) {
  expect_same_as_one_reader(write_file("lf.csv", make_log(14 << 20, "\n", "政务公开信息")), {});
}

TEST(PublicationParts, CsvWithCrlfAndBom) {
  expect_same_as_one_reader(write_file("crlf.csv", "\xEF\xBB\xBF" + make_log(14 << 20, "\r\n", "政务公开信息")), {});
}

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* at = out.data();
  std::size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &at, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST(PublicationParts, Gb18030) {
  ReadOptions gb;
  gb.encoding = Encoding::gb18030;
  // GB18030's trail bytes never equal '"' or '\n': the same cuts are sound.
  expect_same_as_one_reader(write_file("gb.csv", to_gb18030(make_log(12 << 20, "\n", "发布通知"))), gb, 2);
}

TEST(PublicationParts, JsonLines) {
  std::string text;
  for (std::size_t i = 0; text.size() < (14 << 20); ++i) {
    const std::string published = i % 5 == 2 ? "2016-13-01" : "2016-10-1" + std::to_string(i % 10);
    text += "{\"task_id\": \"T" + std::to_string(i) + "\", \"published\": \"" + published +
            "\", \"title\": \"第一行\\n第二行\"}\n";
  }
  expect_same_as_one_reader(write_file("log.jsonl", text), {});
}

TEST(PublicationParts, SmallLogIsOnePart) {
  const std::string path = write_file("small.csv", make_log(64 << 10, "\n", "信息"));
  auto parts = PublicationReader::open_parts(path, {}, 2);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->size(), 1u);
  std::filesystem::remove(path);
}

TEST(PublicationParts, MissingFileIsAnError) {
  auto parts = PublicationReader::open_parts("/nonexistent/log.csv", {}, 2);
  ASSERT_FALSE(parts.has_value());
  EXPECT_NE(parts.error().message.find("无法读取"), std::string::npos);
}

}  // namespace
}  // namespace shixian
