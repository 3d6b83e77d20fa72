// shixian::extract against hand annotations (tests/data/extract/*.tsv): recall
// and precision must stay at 100% on every document; the draft registers of
// the task-table plans are golden files; and the unit cases of issue 7.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "shixian/extract.hpp"
#include "shixian/parse.hpp"

namespace {

const std::string kDataDir = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/extract/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

// (start, end, text, canonical, kind)
using Row = std::tuple<std::uint32_t, std::uint32_t, std::string, std::string, std::string>;

std::vector<Row> load_annotation(const std::string& name) {
  std::vector<Row> rows;
  std::istringstream in(slurp(kDataDir + name + ".tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t p = 0;
    while (true) {
      const std::size_t t = line.find('\t', p);
      f.push_back(line.substr(p, t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    if (f.size() != 5) {
      ADD_FAILURE() << name << ".tsv: bad line: " << line;
      continue;
    }
    rows.emplace_back(static_cast<std::uint32_t>(std::stoul(f[0])), static_cast<std::uint32_t>(std::stoul(f[1])),
                      unescape(f[2]), f[3], f[4]);
  }
  return rows;
}

std::vector<Row> found_rows(const shixian::Extraction& x) {
  std::vector<Row> rows;
  for (const auto& f : x.found) rows.emplace_back(f.start, f.end, f.text, f.canonical, shixian::to_string(f.kind));
  for (const auto& u : x.unrecognized) rows.emplace_back(u.start, u.end, u.text, "", "unrecognized");
  return rows;
}

std::string show(const Row& r) {
  return std::to_string(std::get<0>(r)) + "-" + std::to_string(std::get<1>(r)) + " «" + std::get<2>(r) + "» → " +
         std::get<3>(r) + " (" + std::get<4>(r) + ")";
}

class Annotated : public ::testing::TestWithParam<const char*> {};

// Kind "pending" (README): the span must be reported, as a finding or as
// unrecognized, whatever the grammar makes of it; such a row stands for the
// reported one with the same span.
void match_pending(const std::vector<Row>& expected, std::vector<Row>& got) {
  for (const auto& e : expected) {
    if (std::get<4>(e) != "pending") continue;
    for (auto& g : got)
      if (std::get<0>(g) == std::get<0>(e) && std::get<1>(g) == std::get<1>(e) && std::get<2>(g) == std::get<2>(e)) g = e;
  }
}

TEST_P(Annotated, RecallAndPrecisionAreComplete) {
  const std::string name = GetParam();
  const std::string text = slurp(kDataDir + name + ".txt");
  ASSERT_FALSE(text.empty()) << name;
  const auto expected = load_annotation(name);
  ASSERT_FALSE(expected.empty());
  auto got = found_rows(shixian::extract_all(text));
  match_pending(expected, got);
  const std::set<Row> want(expected.begin(), expected.end()), have(got.begin(), got.end());
  std::size_t hits = 0;
  for (const auto& r : want) {
    if (have.count(r)) {
      ++hits;
    } else {
      ADD_FAILURE() << name << ": missed " << show(r);
    }
  }
  for (const auto& r : have) {
    if (!want.count(r)) {
      ADD_FAILURE() << name << ": not annotated " << show(r);
    }
  }
  const double recall = static_cast<double>(hits) / static_cast<double>(want.size());
  const double precision = have.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(have.size());
  std::cout << name << ": " << want.size() << " annotated, recall " << recall * 100 << "%, precision "
            << precision * 100 << "%\n";
  EXPECT_EQ(recall, 1.0);
  EXPECT_EQ(precision, 1.0);
}

TEST_P(Annotated, SpansMatchTheirOffsetsAndCanonicalFormsParseBack) {
  const std::string name = GetParam();
  const std::string text = slurp(kDataDir + name + ".txt");
  // Character offsets → the text as written.
  std::vector<std::size_t> offs;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offs.push_back(i);
  offs.push_back(text.size());
  for (const auto& f : shixian::extract(text)) {
    ASSERT_LT(f.start, f.end);
    ASSERT_LT(f.end, offs.size());
    EXPECT_EQ(text.substr(offs[f.start], offs[f.end] - offs[f.start]), f.text);
    auto again = shixian::parse(f.canonical);
    ASSERT_TRUE(again) << f.canonical;
    EXPECT_EQ(shixian::canonical(*again), f.canonical);
    EXPECT_EQ(shixian::parse(f.text)->kind, f.kind) << f.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Documents, Annotated,
                         ::testing::Values("anju-2016", "yingkou-2016", "yuexiu-2016", "shi-2017-fengong",
                                           "xian-2018-yaodian", "xian-2021-mulu-web", "zhen-2024-mulu-converted"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

class Register : public ::testing::TestWithParam<const char*> {};

TEST_P(Register, DraftMatchesGolden) {
  const std::string name = GetParam();
  const std::string text = slurp(kDataDir + name + ".txt");
  const auto tasks = shixian::extract_tasks(text);
  EXPECT_EQ(shixian::tasks_csv(tasks, shixian::detect_plan_year(text)), slurp(kDataDir + name + ".tasks.csv"));
}

TEST_P(Register, EveryRuleCellParsesAndIdsAreUnique) {
  const std::string text = slurp(kDataDir + GetParam() + ".txt");
  // A pending shape (README) is kept as written, for check to report.
  std::set<std::string> pending;
  for (const auto& r : load_annotation(GetParam()))
    if (std::get<4>(r) == "pending") pending.insert(std::get<2>(r));
  std::set<std::string> ids;
  for (const auto& t : shixian::extract_tasks(text)) {
    EXPECT_TRUE(ids.insert(t.id).second) << "duplicate id " << t.id;
    EXPECT_FALSE(t.title.empty()) << t.id;
    EXPECT_FALSE(t.lead.empty()) << t.id;
    if (!t.rule.empty() && !pending.count(t.rule)) {
      EXPECT_TRUE(shixian::parse(t.rule)) << t.id << ": " << t.rule;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Plans, Register,
                         ::testing::Values("anju-2016", "yingkou-2016", "yuexiu-2016", "shi-2017-fengong",
                                           "xian-2021-mulu-web", "zhen-2024-mulu-converted"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

TEST(Extract, IssueExampleTriggerAndAction) {
  const auto f = shixian::extract("“知名商标”企业名单形成文件后3个工作日公开；");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "形成文件后3个工作日公开");
  EXPECT_EQ(f[0].canonical, "形成文件后3个工作日内公开");
  EXPECT_EQ(f[0].kind, shixian::ast::RuleKind::deadline);
  EXPECT_EQ(f[0].trigger, "形成文件");
  EXPECT_EQ(f[0].action, "公开");
  EXPECT_EQ(f[0].start, 10u);  // characters, not bytes
  EXPECT_EQ(f[0].end, 22u);
  EXPECT_EQ(f[0].line, 1u);
}

TEST(Extract, DatesThatAreNotObligations) {
  EXPECT_TRUE(shixian::extract("广州市越秀区人民政府办公室\n\n2016年12月6日\n").empty());
  EXPECT_TRUE(shixian::extract("时间:2016-06-29 10:12").empty());
  EXPECT_TRUE(shixian::extract("公开属性界定制度（穗府办〔2008〕80号）。").empty());
  EXPECT_TRUE(shixian::extract("营口市人民政府办公室 2016年7月28日印发").empty());
  EXPECT_TRUE(shixian::extract("关于印发2016年政务公开工作要点的通知").empty());
  EXPECT_TRUE(shixian::extract("提前做好2017年政务公开经费预算").empty());
  EXPECT_TRUE(shixian::extract("精准扶贫精准脱贫三年攻坚的有关政策").empty());
  EXPECT_TRUE(shixian::extract("市空气质量实时发布系统加强城市空气质量预测预报").empty());
  EXPECT_TRUE(shixian::extract("次年1月中旬前公开上年度民生工程全年完成情况").size() == 1);
}

TEST(Extract, LongestMatchAndLists) {
  auto f = shixian::extract("7月底前启动，9月底前完成。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, shixian::ast::RuleKind::milestones);
  f = shixian::extract("按月、按季公开年度棚户区改造推进情况");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].canonical, "每月；每季度公开");
  f = shixian::extract("分别于9月9日、11月25日前公开");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].canonical, "9月9日前；11月25日前公开");
  f = shixian::extract("预算、决算公开经人大批复后，在20个工作日内公开");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].trigger, "人大批复");
  EXPECT_EQ(f[0].canonical, "人大批复后20个工作日内公开");
}

// SPEC §8: a window that parses but stops before a time word is never a
// finding (每周 + 二、四 read as 每周 would be a silent misread).
TEST(Extract, NoFindingStopsBeforeATimeWord) {
  auto x = shixian::extract_all("每周二、四更新。");
  ASSERT_EQ(x.found.size(), 1u);
  EXPECT_EQ(x.found[0].canonical, "每周二、四前更新");
  x = shixian::extract_all("每月最后两个工作日公开。");
  EXPECT_TRUE(x.found.empty());
  ASSERT_EQ(x.unrecognized.size(), 1u);
  EXPECT_EQ(x.unrecognized[0].text, "每月最后两个工作日");
  x = shixian::extract_all("每周五前公开；每月初公开数据。");
  ASSERT_EQ(x.found.size(), 2u);
  EXPECT_EQ(x.found[0].canonical, "每周五前公开");
  EXPECT_EQ(x.found[1].canonical, "每月初公开");
}

// Shapes of the field corpus (grammar/corpus/field.tsv) that the scanner anchors.
TEST(Extract, FieldShapes) {
  // An override clause of a 基本目录 cell, traditional characters too.
  auto f = shixian::extract("信息形成或变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的,从其规定。");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].kind, shixian::ast::RuleKind::external);
  EXPECT_EQ(f[1].text, "法律、法规对政府信息公开的期限另有规定的,从其规定");
  f = shixian::extract("自形成或者變更之日起20個工作日內予以公開,法律法規另有規定的從其規定。");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].text, "法律法規另有規定的從其規定");
  EXPECT_TRUE(shixian::extract("另有规定").empty());
  // Characters spaced apart: one word; offsets count the spaces as written.
  f = shixian::extract("| 制 定 或 获 取 信 息之日起 10 个 工作日内 | 民政局");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "制 定 或 获 取 信 息之日起 10 个 工作日内");
  EXPECT_EQ(f[0].trigger, "制定或获取信息");
  EXPECT_EQ(f[0].start, 2u);
  EXPECT_EQ(f[0].end, 28u);
  EXPECT_TRUE(shixian::extract("社会救助信访通讯地址 社会救助投诉举报电话").empty());
  // 到YYYY年 that ends its clause: a horizon; a range or a year in a sentence is none.
  f = shixian::extract("全面推进标准化建设，到2023年，基本建成统一规范的标准体系");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].canonical, "到2023年");
  EXPECT_TRUE(shixian::extract("2019年到2023年，全市增长").empty());
  EXPECT_TRUE(shixian::extract("到2023年的目标").empty());
  // 要在2011年 + verb: by that year's end; without a modal, a report of what was done.
  f = shixian::extract("各部门要在2011年普遍公开收支预算总表");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].canonical, "到2011年普遍公开");
  EXPECT_TRUE(shixian::extract("在2016年开展了培训").empty());
  EXPECT_TRUE(shixian::extract("要在2016年政务公开工作中").empty());
  // A period word with its activity's verb, at a list or clause start.
  f = shixian::extract("将通过季度检查、第三方评估、年度考核等方式，加强跟踪问效。");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].canonical, "每季度检查");
  EXPECT_EQ(f[1].canonical, "每年考核");
  EXPECT_TRUE(shixian::extract("公开年度报告").empty());
  EXPECT_TRUE(shixian::extract("纳入年度目标考核").empty());
  // A one-character event only after a boundary or 在.
  f = shixian::extract("讨论决定的事项，会前应向村民代表公告");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].trigger, "会");
  EXPECT_EQ(shixian::extract("公民死亡，城市在葬前申报").size(), 1u);
  EXPECT_TRUE(shixian::extract("推动社会前进").empty());
  // 一般 is a word, not a number: the clause before it is no unrecognized span.
  const auto x = shixian::extract_all("定期考核一般每年组织一次或者与政务公开考核结合起来进行。");
  EXPECT_TRUE(x.unrecognized.empty());
  ASSERT_EQ(x.found.size(), 2u);
  EXPECT_EQ(x.found[1].canonical, "每年组织至少1次");
  // 一季度一通报 is a rate (once a quarter), not the first quarter.
  f = shixian::extract("坚持一季度一通报制度");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].canonical, "每季度通报至少1次");
}

TEST(Extract, UnrecognizedShapesAreReported) {
  const auto x = shixian::extract_all("每季度第二个月10日前公开上季度数据；招标公告一经发布至开标之日内不得撤销。");
  EXPECT_TRUE(x.found.empty());
  ASSERT_EQ(x.unrecognized.size(), 2u);
  EXPECT_EQ(x.unrecognized[0].text, "每季度第二个月10日前");
  // Never overlapping a finding before it.
  const auto y = shixian::extract_all("开标前3日至开标之日内");
  ASSERT_EQ(y.found.size(), 1u);
  ASSERT_EQ(y.unrecognized.size(), 1u);
  EXPECT_GE(y.unrecognized[0].start, y.found[0].end);
}

TEST(Extract, PlanYear) {
  EXPECT_EQ(shixian::detect_plan_year("2016年安居区政务公开工作要点\n"), 2016);
  EXPECT_EQ(shixian::detect_plan_year("越秀区贯彻落实国务院办公厅2016年\n政务公开工作要点分工方案"), 2016);
  EXPECT_EQ(shixian::detect_plan_year("某府办〔2017〕21号\n某市2017年政务公开工作要点分工方案"), 2017);
  EXPECT_EQ(shixian::detect_plan_year("没有年份的文件"), std::nullopt);
}

TEST(Extract, HtmlAndUtf8) {
  EXPECT_TRUE(shixian::looks_like_html("<html><body><p>x</p></body></html>"));
  EXPECT_FALSE(shixian::looks_like_html("2016年政务公开工作要点"));
  const std::string text = shixian::html_to_text(
      "<html><head><style>p{}</style><script>var a='每月';</script></head><body><p>形成文件后3个工作日&nbsp;公开</p>"
      "<table><tr><td>1</td><td>7月底前启动</td></tr></table></body></html>");
  EXPECT_EQ(text.find("每月"), std::string::npos);
  EXPECT_NE(text.find("形成文件后3个工作日 公开"), std::string::npos);
  EXPECT_NE(text.find("\t1\t7月底前启动"), std::string::npos);
  EXPECT_EQ(shixian::extract(text).size(), 2u);
  EXPECT_EQ(shixian::invalid_utf8_at("形成文件"), std::nullopt);
  EXPECT_EQ(shixian::invalid_utf8_at("ab\xD0"), 2u);
  EXPECT_EQ(shixian::invalid_utf8_at("\xB7\xA2\xB2\xBC"), 0u);  // GB18030 发布
  EXPECT_EQ(shixian::invalid_utf8_at(std::string("a\0b", 3)), 1u);
}

TEST(Extract, CsvQuoting) {
  std::vector<shixian::Task> tasks{{"1", "标题,含逗号", "区\"府\"办", "", "7月底前启动\n长期推进", ""}};
  EXPECT_EQ(shixian::tasks_csv(tasks, 2016),
            "id,title,lead,units,rule,year,events\n1,\"标题,含逗号\",\"区\"\"府\"\"办\",,\"7月底前启动\n长期推进\",2016,\n");
}

}  // namespace

namespace {

// Every cut of a document (a rule cut in half, a lone surrogate of a table)
// extracts without crashing, and findings stay inside the text.
TEST(ExtractRobustness, PrefixesAndSuffixesOfPlans) {
  for (const char* name : {"anju-2016", "yingkou-2016", "xian-2018-yaodian"}) {
    const std::string text = slurp(kDataDir + std::string(name) + ".txt");
    for (std::size_t cut = 0; cut < text.size(); cut += 211) {
      std::size_t c = cut;
      while (c < text.size() && (static_cast<unsigned char>(text[c]) & 0xC0) == 0x80) ++c;
      for (const std::string& part : {text.substr(0, c), text.substr(c)}) {
        const auto x = shixian::extract_all(part);
        for (const auto& f : x.found) {
          EXPECT_LE(f.end, part.size());
          EXPECT_FALSE(f.canonical.empty());
        }
      }
    }
  }
}

TEST(ExtractRobustness, OddInputs) {
  for (const std::string& s :
       {std::string(), std::string("前"), std::string("待"), std::string("3"), std::string("3个工作"), std::string("每"),
        std::string("（4-"), std::string("2016年\n"), std::string("以为准"), std::string("按时间要求"),
        std::string("同步"), std::string("\xE5\xBD"), std::string(5000, '1') + "个工作日内",
        std::string("形成文件后") + std::string(300, 'x') + "3个工作日内"}) {
    EXPECT_NO_FATAL_FAILURE(shixian::extract_all(s));
  }
  EXPECT_TRUE(shixian::extract_tasks("no table here").empty());
}

}  // namespace

namespace {

// Found by fuzz_extract: an item numbered "0." gave a task with an empty id.
TEST(ExtractRobustness, ItemNumberZeroIsNotAnItem) {
  const std::string plan =
      "\t工作事项\n\t公开的主要内容和时间要求\n\t牵头单位\n\t责任单位\n\n"
      "\t0.加强监管执法信息公开\n\t形成文件后3个工作日公开\n\t区法制办\n\t各乡镇\n\n"
      "\t1.推进企业信用信息公示\n\t每季度末公开\n\t区工商局\n\t各乡镇\n\n";
  const auto tasks = shixian::extract_tasks(plan);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].id, "1");
  EXPECT_EQ(tasks[0].rule, "每季度末公开");
}

}  // namespace

namespace {

// 同上 in a time cell (field corpus F03, F115): the rule of the nearest row above
// in the same column, with a note naming the line; never a guess.
TEST(ExtractSameAsAbove, HeaderlessRowsInheritTheCellAbove) {
  const std::string rows =
      "办理过程信息 | 事项名称、办理进展等 | … | 及时公开 | 相关审批部门\n"
      "招标投标 | 招标公告、中标结果公示… | … | 同上 | 招标人…\n";
  const auto x = shixian::extract_all(rows);
  EXPECT_TRUE(x.unrecognized.empty());
  ASSERT_EQ(x.found.size(), 2u);
  EXPECT_EQ(x.found[1].text, "同上");
  EXPECT_EQ(x.found[1].canonical, "及时公开");
  EXPECT_EQ(x.found[1].kind, shixian::ast::RuleKind::timely);
  EXPECT_EQ(x.found[1].line, 2u);
  EXPECT_EQ(x.found[1].note, "同上：沿用第1行的规定（及时公开）");
  EXPECT_TRUE(x.found[0].note.empty());
}

TEST(ExtractSameAsAbove, TwoRulesAboveAreInheritedAsOne) {
  const std::string rows =
      "核准 | 批复结果 | 信息形成20个工作日内公开;其中行政许可事项应自作出行政决定之日起7个工作日内公示 | 审批部门\n"
      "概算变更 | 审批结果 | 同上 | 审批部门\n";
  const auto x = shixian::extract_all(rows);
  ASSERT_EQ(x.found.size(), 3u);
  EXPECT_EQ(x.found[2].canonical, "信息形成后20个工作日内公开；作出决定后7个工作日内公示");
  EXPECT_EQ(x.found[2].trigger, "信息形成");
}

TEST(ExtractSameAsAbove, UnderATimeHeaderChainsAndRefusesWithAReason) {
  const std::string table =
      "| 事项 | 内容 | 公开时限 | 公开主体 |\n"
      "| 招标 | 公告 | 同上 | 区府 |\n"          // line 2: no row above
      "| 许可 | 结果 | 及时公开 | 区府 |\n"
      "| 处罚 | 决定 | 同上 | 区府 |\n"          // line 4: from line 3
      "| 复议 | 决定 | 同前。 | 区府 |\n"        // line 5: from line 4, itself inherited
      "| 其他 | 信息 | 视工作进展 | 区府 |\n"    // line 6: a cell with no rule
      "| 其他 | 信息 | 同上一行 | 区府 |\n";     // line 7
  const auto x = shixian::extract_all(table);
  std::vector<std::string> notes;
  for (const auto& f : x.found) notes.push_back(f.note);
  EXPECT_EQ(notes, (std::vector<std::string>{"", "同上：沿用第3行的规定（及时公开）", "同上：沿用第4行的规定（及时公开）"}));
  std::map<std::uint32_t, std::string> reasons;
  for (const auto& u : x.unrecognized) reasons[u.line] = u.reason;
  EXPECT_EQ(reasons[2], "“同上”：上面没有可沿用的行");
  EXPECT_EQ(reasons[7], "“同上”：第6行本列的规定未能解析，无从沿用");
  EXPECT_EQ(reasons.size(), 3u);  // 视工作进展 itself, line 6
}

TEST(ExtractSameAsAbove, NotATimeCellIsNoFinding) {
  // 同上 in a 依据 column: the cell above holds no rule, and no header says time.
  const std::string rows = "宣传 | 《条例》 | 20个工作日 | 司法局\n表彰 | 同上 | 20个工作日 | 司法局\n";
  const auto x = shixian::extract_all(rows);
  EXPECT_TRUE(x.unrecognized.empty());
  for (const auto& f : x.found) EXPECT_NE(f.text, "同上");
  // A different number of cells: not the same column.
  const auto y = shixian::extract_all("a | 及时公开 | c\n同上 | d\n");
  ASSERT_EQ(y.found.size(), 1u);
  EXPECT_TRUE(y.unrecognized.empty());
  // Prose: 同上 is no rule.
  EXPECT_TRUE(shixian::extract_all("及时公开。同上。").unrecognized.empty());
}

TEST(ExtractSameAsAbove, TaskDraftsCopyTheRuleAndSaySo) {
  const std::string table =
      "| 序号 | 一级事项 | 二级事项 | 公开内容 | 公开时限 | 公开主体 |\n|---|---|---|---|---|---|\n"
      "| 1 | 招标 | 公告 | 招标公告 | 同上 | 区府 |\n"
      "| 2 | 许可 | 结果 | 许可结果 | 信息形成之日起20个工作日内 | 区府 |\n"
      "| 3 | 处罚 | 决定 | 处罚决定 | 同上 | 区府 |\n";
  const auto tasks = shixian::extract_tasks(table);
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].rule, "同上");  // kept as written: check reports it
  EXPECT_EQ(tasks[0].note, "时限“同上”：上面没有可沿用的时限规定，按原文保留");
  EXPECT_EQ(tasks[2].rule, tasks[1].rule);
  EXPECT_EQ(tasks[2].note, "时限“同上”：沿用第2项的规定（信息形成之日起20个工作日内）");
  EXPECT_TRUE(tasks[1].note.empty());
}

// A statistics release calendar (field corpus F77): day/weekday beside the month.
TEST(ExtractReleaseCalendar, MonthDayWeekdayCells) {
  const auto x = shixian::extract_all("國民經濟運行情況新聞發布會 | 1月 17/二 | 10:00\n采購經理指數 | 3月 1/三注4 | 9:30\n");
  EXPECT_TRUE(x.unrecognized.empty());
  ASSERT_EQ(x.found.size(), 2u);
  EXPECT_EQ(x.found[0].text, "1月 17/二");
  EXPECT_EQ(x.found[0].canonical, "1月17/二");
  EXPECT_EQ(x.found[1].text, "3月 1/三");
  // No month in reach: no rule (the day alone names no date).
  EXPECT_TRUE(shixian::extract_all("發布會 | 17/二 | 10:00\n").found.empty());
  // A day the month does not have: reported, not dropped.
  EXPECT_EQ(shixian::extract_all("發布會 | 2月 30/二 | 10:00\n").unrecognized.size(), 1u);
}

}  // namespace

namespace {

// No-limit phrases of the field corpus that extract had read as dates (the (b) measure).
TEST(ExtractNoLimit, DisjunctionsCoveredPeriodsAndJiShiJian) {
  // 年底或次年初: two dates to choose from, no one deadline.
  auto x = shixian::extract_all("考核于年底或次年初进行。");
  EXPECT_TRUE(x.found.empty());
  ASSERT_EQ(x.unrecognized.size(), 1u);
  EXPECT_EQ(x.unrecognized[0].text, "年底或次年初进行");
  EXPECT_EQ(x.unrecognized[0].reason, "两个时间择一（“或”），没有确定的期限");
  x = shixian::extract_all("年度考核于每年年末或次年年初进行。");
  ASSERT_EQ(x.unrecognized.size(), 1u);
  EXPECT_EQ(x.unrecognized[0].text, "每年年末或次年年初进行");
  for (const auto& f : x.found) EXPECT_NE(f.canonical, "每年");
  EXPECT_EQ(shixian::extract_all("6月底前或9月底前完成").found.size(), 0u);  // not two milestones, one labelled 或
  EXPECT_FALSE(shixian::parse("6月底前或9月底前完成"));
  // 或 before something that is no time: the date stands.
  EXPECT_EQ(shixian::extract("年底前公开或更新").size(), 1u);
  // 1月1日起至12月31日止: the period a report covers.
  EXPECT_TRUE(shixian::extract("应涵盖上年度1月1日起至12月31日止的工作情况").empty());
  EXPECT_EQ(shixian::extract("于12月31日前完成").size(), 1u);
  // 程序及时间: 及 + 时间, not 及时.
  EXPECT_TRUE(shixian::extract("不按规定内容、方式、程序及时间编制年度报告的").empty());
  EXPECT_EQ(shixian::extract("收到文件后及时发布").size(), 1u);
}

}  // namespace

namespace {

// 在T时，… (field corpus F19): at the time of T, read as 与T同步 — only with a
// publication verb in the next clause.
TEST(ExtractAtTheTimeOf, OnlyBeforeAPublishingClause) {
  auto f = shixian::extract("在實地啟動擬征收土地工作時,在村公示欄公開。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "在實地啟動擬征收土地工作時");
  EXPECT_EQ(f[0].canonical, "与实地启动拟征收土地工作同步");
  EXPECT_EQ(f[0].trigger, "实地启动拟征收土地工作");
  EXPECT_TRUE(shixian::extract("在办理政府信息公开申请时，应当告知申请人。").empty());
  EXPECT_TRUE(shixian::extract("在收到申请时限内答复").empty());
}

}  // namespace

namespace {

// Thousands of 同上 rows stay linear (each looks up the row above by binary search).
TEST(ExtractSameAsAbove, ALongColumnOfSameAsAbove) {
  std::string table = "| 事项 | 公开时限 | 公开主体 |\n| 许可 | 及时公开 | 区府 |\n";
  constexpr int kRows = 20000;
  for (int i = 0; i < kRows; ++i) table += "| 处罚 | 同上 | 区府 |\n";
  const auto x = shixian::extract_all(table);
  EXPECT_TRUE(x.unrecognized.empty());
  ASSERT_EQ(x.found.size(), static_cast<std::size_t>(kRows + 1));
  EXPECT_EQ(x.found.back().canonical, "及时公开");
  EXPECT_EQ(x.found.back().note, "同上：沿用第" + std::to_string(kRows + 1) + "行的规定（及时公开）");
  std::string dir = "| 序号 | 一级事项 | 二级事项 | 公开时限 | 公开主体 |\n|---|---|---|---|---|\n| 1 | 许可 | 结果 | 及时公开 | 区府 |\n";
  for (int i = 2; i <= kRows; ++i) dir += "| " + std::to_string(i) + " | 处罚 | 决定 | 同上 | 区府 |\n";
  const auto tasks = shixian::extract_tasks(dir);
  ASSERT_EQ(tasks.size(), static_cast<std::size_t>(kRows));
  EXPECT_EQ(tasks.back().rule, "及时公开");
  EXPECT_EQ(tasks.back().note, "时限“同上”：沿用第1项的规定（及时公开）");
}

}  // namespace

namespace {

// 次月N日 (the brief's monthly reading): only after 每月; without it, no date.
TEST(ExtractNextMonth, OnlyInAMonthlyRule) {
  const auto f = shixian::extract("每月次月10日前公布统计数据。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].canonical, "每月次月10日前公布");
  // Text between 每月 and 次月: not read, and not cut down to 每月 either.
  const auto x = shixian::extract_all("每月统计数据于次月10日前发布。");
  EXPECT_TRUE(x.found.empty());
  EXPECT_EQ(x.unrecognized.size(), 1u);
  // No monthly recurrence written (field corpus F79): no finding, no date.
  EXPECT_TRUE(shixian::extract_all("我国CPI和PPI数据均提前至次月9日发布。").found.empty());
}

}  // namespace
