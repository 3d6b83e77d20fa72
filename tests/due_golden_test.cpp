// Golden due dates: tests/data/due_2016.tsv (rule, context, expected), and any
// grammar/corpus/*.tsv whose header names a "due" column (grammar/corpus/due.tsv:
// every phrase of phrases.tsv with contexts and hand-checked dates; see the
// format below).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"
#include "due_format.hpp"

namespace shixian {
namespace {

using due_format::elide;
using due_format::render_due;
using due_format::split;
using due_format::unescape;

struct Case {
  std::string file;
  int line = 0;
  std::string rule, context, expected;
};

// The inputs of grammar/corpus/phrases.tsv as written (escapes kept).
std::vector<std::string> corpus_phrases() {
  std::ifstream in(std::filesystem::path(SHIXIAN_SOURCE_DIR) / "grammar/corpus/phrases.tsv");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(split(line, "\t")[0]);
  }
  return out;
}

// tests/data format: rule<TAB>context<TAB>expected. Corpus files: a header line
// (optionally starting with "# ") naming columns; the rule is "input", "rule" or
// "phrase" ("\n" stands for a line break), the context "context" (same
// syntax), the dates "due".
//
// expected: "label date" per deadline joined by " | ", date "YYYY-MM-DD" or
// "YYYY-MM-DDTHH:MM", followed by " provisional" when a projected calendar year
// was used (SPEC §1), or "label -" for a deadline without a date (a display
// interval whose start is not given); for no deadline at all, the
// classification (ongoing, unspecified, external) or "-"; or error:CODE. A part
// "…N" stands for N deadlines not written out (每日: 366 in 2016).
std::vector<Case> load(const std::filesystem::path& path, bool need_header) {
  std::ifstream in(path);
  std::vector<Case> out;
  std::string line;
  int number = 0;
  int rule_col = 0, context_col = 1, due_col = 2;
  bool have_header = !need_header;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!have_header) {
      std::string header = line.rfind("# ", 0) == 0 ? line.substr(2) : line;
      const auto cols = split(header, "\t");
      rule_col = context_col = due_col = -1;
      for (int i = 0; i < static_cast<int>(cols.size()); ++i) {
        if (cols[i] == "input" || cols[i] == "rule" || cols[i] == "phrase") rule_col = i;
        if (cols[i] == "context") context_col = i;
        if (cols[i] == "due") due_col = i;
      }
      if (rule_col < 0 || due_col < 0) {
        if (line[0] == '#') continue;
        return {};  // no due column: not a due corpus
      }
      have_header = true;
      continue;
    }
    if (line[0] == '#') continue;
    const auto cols = split(line, "\t");
    auto col = [&](int i) { return i >= 0 && i < static_cast<int>(cols.size()) ? cols[i] : std::string("-"); };
    if (col(due_col).empty()) continue;
    out.push_back({path.filename().string(), number, col(rule_col), col(context_col), col(due_col)});
  }
  return out;
}

TEST(DueGolden, Spec2016) {
  const auto cases = load(std::filesystem::path(SHIXIAN_SOURCE_DIR) / "tests/data/due_2016.tsv", false);
  ASSERT_GE(cases.size(), 50u);
  for (const Case& c : cases) EXPECT_EQ(elide(render_due(c.rule, c.context), c.expected), c.expected) << c.file << ":" << c.line << ": " << c.rule;
}

// Every phrase of the grammar's corpus evaluates with a full context (plan
// year 2016 and the events its triggers name, dated 2016-09-30T09:30): it
// yields deadlines, or is classified open, or needs context the corpus line
// cannot know (an event its trigger names through a period, …) — never
// another error, never a crash.
TEST(DueGolden, EveryCorpusPhraseEvaluates) {
  const auto inputs = corpus_phrases();
  if (inputs.empty()) GTEST_SKIP() << "no grammar/corpus/phrases.tsv";
  std::size_t phrases = 0, with_deadlines = 0;
  for (const std::string& input : inputs) {
    const std::string text = unescape(input);
    auto rule = parse_rule(text);
    if (!rule) continue;  // the parse corpus test owns parsing
    ++phrases;
    Context ctx;
    ctx.year(2016);
    for (const auto& item : rule->items) {
      std::visit(
          [&](const auto& c) {
            if constexpr (requires { c.trigger; }) {
              if (!c.trigger.implicit()) ctx.event(c.trigger.event, parse_event_time("2016-09-30T09:30").value());
            }
          },
          item.clause);
    }
    if (ctx.events().empty()) ctx.event("信息形成", parse_event_time("2016-09-30T09:30").value());
    auto s = compile(*rule).evaluate(ctx);
    if (s) {
      with_deadlines += s->empty() ? 0 : 1;
      for (const Deadline& d : *s) {
        EXPECT_TRUE(!d.has_due || (d.due >= parse_iso_date("2015-01-01").value() &&
                                   d.due <= parse_iso_date("2026-12-31").value()))
            << text << ": " << d.due_string();
      }
    } else if (s.error().error.message.find("与规则写的星期") == std::string::npos) {
      // (a release calendar's 1月17/二 of 2023 is no Tuesday in 2016: that error is right)
      EXPECT_EQ(s.error().error.code, ErrorCode::missing_context) << text << ": " << s.error().error.message;
    }
  }
  EXPECT_GT(phrases, 100u);
  EXPECT_GT(with_deadlines, phrases / 2);
}

TEST(DueGolden, GrammarCorpus) {
  const std::filesystem::path dir = std::filesystem::path(SHIXIAN_SOURCE_DIR) / "grammar/corpus";
  std::size_t count = 0;
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      // field.tsv writes counts and displays its own way; field_corpus_test.cpp reads it.
      if (entry.path().extension() != ".tsv" || entry.path().filename() == "field.tsv") continue;
      for (const Case& c : load(entry.path(), true)) {
        ++count;
        EXPECT_EQ(elide(render_due(c.rule, c.context), c.expected), c.expected) << c.file << ":" << c.line << ": " << c.rule;
      }
    }
  }
  if (count == 0) GTEST_SKIP() << "grammar/corpus/*.tsv has no \"due\" column yet";
}

// Issue 4: every phrase of the grammar's corpus has hand-checked due dates in
// grammar/corpus/due.tsv (at least one context), so a phrase added to
// phrases.tsv without them fails here, by name.
TEST(DueGolden, EveryCorpusPhraseHasDueDates) {
  const auto inputs = corpus_phrases();
  if (inputs.empty()) GTEST_SKIP() << "no grammar/corpus/phrases.tsv";
  std::set<std::string> dated;
  for (const Case& c : load(std::filesystem::path(SHIXIAN_SOURCE_DIR) / "grammar/corpus/due.tsv", true)) {
    dated.insert(c.rule);
  }
  for (const std::string& input : inputs) {
    EXPECT_TRUE(dated.count(input)) << "grammar/corpus/phrases.tsv: \"" << input
                                    << "\" has no line in grammar/corpus/due.tsv (input, context, due)";
  }
}

TEST(DueGolden, ElidedParts) {
  EXPECT_EQ(elide("完成 a | 完成 b | 完成 c | 完成 d", "完成 a | …2 | 完成 d"), "完成 a | …2 | 完成 d");
  EXPECT_EQ(elide("完成 a | 完成 b | 完成 c", "完成 a | …2 | 完成 d"), "完成 a | 完成 b | 完成 c");  // too few
  EXPECT_EQ(elide("完成 a | 完成 b | 完成 c | 完成 d | 完成 e", "完成 a | …2 | 完成 d"),
            "完成 a | 完成 b | 完成 c | 完成 d | 完成 e");  // too many
  EXPECT_EQ(elide("完成 a | 完成 b", "完成 a | 完成 b"), "完成 a | 完成 b");
}

}  // namespace
}  // namespace shixian
