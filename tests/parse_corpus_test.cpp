// The phrase corpus (grammar/corpus/*.tsv) as a parameterized suite: every
// good phrase parses to its canonical form and kind, and the canonical form
// parses back to an equal rule; every bad phrase fails at its column with its
// exact message.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shixian/parse.hpp"
#include "time_vocabulary.hpp"

namespace {

struct Row {
  int line = 0;
  std::vector<std::string> cells;
};

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Row> read_tsv(const std::string& name) {
  std::ifstream in(std::string(SHIXIAN_SOURCE_DIR) + "/grammar/corpus/" + name);
  std::vector<Row> rows;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    Row row{n, {}};
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) row.cells.push_back(unescape(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Failures show the corpus line, not the bytes of the struct.
void PrintTo(const Row& row, std::ostream* os) {
  *os << "line " << row.line << ": " << (row.cells.empty() ? "" : row.cells[0]);
}

std::string row_name(const testing::TestParamInfo<Row>& info) { return "line" + std::to_string(info.param.line); }

class GoodPhrase : public testing::TestWithParam<Row> {};

TEST_P(GoodPhrase, ParsesToCanonicalAndBack) {
  const Row& row = GetParam();
  ASSERT_EQ(row.cells.size(), 3u) << "phrases.tsv line " << row.line;
  const std::string& input = row.cells[0];
  auto rule = shixian::parse(input);
  ASSERT_TRUE(rule) << input << "\n" << rule.error().error.message;
  EXPECT_EQ(shixian::canonical(*rule), row.cells[1]) << input;
  EXPECT_STREQ(shixian::to_string(rule->kind), row.cells[2].c_str()) << input;

  auto again = shixian::parse(shixian::canonical(*rule));
  ASSERT_TRUE(again) << shixian::canonical(*rule) << "\n" << again.error().error.message;
  EXPECT_EQ(*again, *rule) << input << " vs " << shixian::canonical(*rule);
  EXPECT_EQ(shixian::canonical(*again), shixian::canonical(*rule));
  EXPECT_EQ(shixian::to_json(*again).substr(0, 40), shixian::to_json(*rule).substr(0, 40));
  // SPEC §8: no time word is left in open text (label, subject, verb, trigger).
  EXPECT_EQ(shixian::testing_support::open_text_with_time_word(*rule), "") << input;
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoodPhrase, testing::ValuesIn(read_tsv("phrases.tsv")), row_name);

class BadPhrase : public testing::TestWithParam<Row> {};

TEST_P(BadPhrase, FailsAtColumnWithMessage) {
  const Row& row = GetParam();
  ASSERT_EQ(row.cells.size(), 3u) << "errors.tsv line " << row.line;
  const std::string& input = row.cells[0];
  auto rule = shixian::parse(input);
  ASSERT_FALSE(rule) << input << " parsed as " << shixian::canonical(*rule);
  const auto& e = rule.error();
  EXPECT_EQ(std::to_string(e.error.where.column), row.cells[1]) << input;
  EXPECT_EQ(e.error.message, "第" + row.cells[1] + "个字符处：" + row.cells[2]) << input;
  EXPECT_TRUE(e.error.code == shixian::ErrorCode::parse_error || e.error.code == shixian::ErrorCode::out_of_range);
  EXPECT_FALSE(e.message_en.empty());
  // The caret renderer must cope with every error position.
  EXPECT_NE(shixian::render_error(input, e.error, e.length).find('^'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadPhrase, testing::ValuesIn(read_tsv("errors.tsv")), row_name);

// The property's own check must see what it is meant to see.
TEST(Corpus, TimeVocabularyCheckSeesSpecWords) {
  using shixian::testing_support::contains_time_vocabulary;
  for (const char* s : {"五前", "周五", "星期三", "初公开", "首月", "最后一个工作日", "第3个", "前5个", "10日", "3次", "旬"})
    EXPECT_TRUE(contains_time_vocabulary(s)) << s;
  for (const char* s : {"公开", "举行新闻发布会", "初步公开", "收到文件", "政府信息公开工作年度报告", "三公经费"})
    EXPECT_FALSE(contains_time_vocabulary(s)) << s;
}

TEST(Corpus, IsLargeEnough) {
  EXPECT_GE(read_tsv("phrases.tsv").size(), 200u);
  EXPECT_GE(read_tsv("errors.tsv").size(), 100u);
}

}  // namespace
