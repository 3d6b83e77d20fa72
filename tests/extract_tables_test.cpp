// extract on tables written one row per line (SPEC §8, the 主动公开基本目录):
// cell separators bound triggers and rules, a 公开时限 column's cells are
// whole rules or unrecognized spans, --tasks reads the 基本目录 columns; and
// SPEC §8 "Characters" in the scanner (traditional, invisible, 【】).
#include <gtest/gtest.h>

#include <string>

#include "extract/cells.hpp"
#include "shixian/extract.hpp"

namespace {

using shixian::extract;
using shixian::extract_all;

std::string cells_of(std::string_view line) {
  shixian::detail::Separator sep;
  std::string out;
  for (const auto& c : shixian::detail::split_cells(line, 0, sep))
    out += "[" + std::string(line.substr(c.begin, c.end - c.begin)) + "]";
  return out;
}

// ---- cells -----------------------------------------------------------------------

TEST(Cells, SplitByPipesTabsAndGaps) {
  EXPECT_EQ(cells_of("| 1 | 行政许可 |  | 20个工作日 |"), "[1][行政许可][][20个工作日]");
  EXPECT_EQ(cells_of("1｜行政许可｜20个工作日"), "[1][行政许可][20个工作日]");
  EXPECT_EQ(cells_of("\t1\t行政许可\t20个工作日"), "[1][行政许可][20个工作日]");  // an HTML table's cells
  EXPECT_EQ(cells_of("1    行政许可   20个工作日"), "[1][行政许可][20个工作日]");
  EXPECT_EQ(cells_of("1\xE3\x80\x80行政许可\xE3\x80\x80\xE3\x80\x80" "20个工作日"), "[1][行政许可][20个工作日]");
  // One space is not a gap, nor is indentation.
  EXPECT_EQ(cells_of("营口市人民政府办公室 2016年7月28日印发"), "");
  EXPECT_EQ(cells_of("    一、总体要求"), "");
}

TEST(Cells, TimeColumnHeaders) {
  for (const char* h : {"公开时限", "时限", "完成时限", "时间要求", "办理时限", "公开时间", "更新时限", " 公开时限（工作日） ",
                        "公 开 时 限"})
    EXPECT_TRUE(shixian::detail::is_time_column(h)) << h;
  for (const char* h : {"公开的主要内容和时间要求", "公开内容", "公开主体", "时限要求说明", "序号"})
    EXPECT_FALSE(shixian::detail::is_time_column(h)) << h;
}

// ---- cells bound triggers and rules ------------------------------------------------------

TEST(ExtractCells, TriggerNeverTakesThePreviousCell) {
  const std::string prose = "县财政局审批完成后5个工作日内公开";
  ASSERT_EQ(extract(prose).size(), 1u);
  EXPECT_EQ(extract(prose)[0].trigger, "县财政局审批完成");
  for (const std::string& row :
       {std::string("县自然资源局 | 审批完成后5个工作日内公开"), std::string("县自然资源局    审批完成后5个工作日内公开"),
        std::string("县自然资源局\t审批完成后5个工作日内公开"), std::string("县自然资源局\xE3\x80\x80审批完成后5个工作日内公开")}) {
    const auto f = extract(row);
    ASSERT_EQ(f.size(), 1u) << row;
    EXPECT_EQ(f[0].text, "审批完成后5个工作日内公开") << row;
    EXPECT_EQ(f[0].trigger, "审批完成") << row;
  }
}

TEST(ExtractCells, RuleNeverSpansTwoCells) {
  EXPECT_EQ(extract("7月底前启动，9月底前完成").size(), 1u);  // milestones in prose
  for (const char* row : {"7月底前启动 | 9月底前完成", "7月底前启动    9月底前完成"}) {
    const auto f = extract(row);
    ASSERT_EQ(f.size(), 2u) << row;
    EXPECT_EQ(f[0].text, "7月底前启动");
    EXPECT_EQ(f[1].text, "9月底前完成");
  }
}

// ---- time columns --------------------------------------------------------------------

TEST(ExtractCells, TimeColumnCellsAreWholeRules) {
  const std::string table =
      "| 序号 | 事项 | 公开时限 | 公开主体 |\n"
      "| 1 | 部门预算 | 20个工作日 | 县财政局 |\n"
      "| 2 | 部门决算 | 15日 | 县财政局 |\n"
      "| 3 | 招聘信息 | 实时 | 县人社局 |\n"
      "| 4 | 政策解读 | 常态化 | 县政府办 |\n"
      "| 5 | 审批结果 | 信息形成或变更之日起20个工作日内 | 县政务服务中心 |\n"
      "| 6 | 机构职能 | 按程序办理 | 县委编办 |\n"
      "| 7 | 其他 | — | 县政府办 |\n"
      "| 8 | 其他 |  | 县政府办 |\n";
  const auto x = extract_all(table);
  ASSERT_EQ(x.found.size(), 5u);
  EXPECT_EQ(x.found[0].text, "20个工作日");
  EXPECT_EQ(x.found[0].canonical, "20个工作日内");
  EXPECT_EQ(x.found[0].line, 2u);
  EXPECT_EQ(x.found[1].text, "15日");
  EXPECT_EQ(x.found[2].text, "实时");
  EXPECT_EQ(x.found[3].text, "常态化");
  EXPECT_EQ(x.found[4].text, "信息形成或变更之日起20个工作日内");  // the whole cell, never 20个工作日内 alone
  // Not a rule: reported, not dropped; — and an empty cell hold none.
  ASSERT_EQ(x.unrecognized.size(), 1u);
  EXPECT_EQ(x.unrecognized[0].text, "按程序办理");
  EXPECT_EQ(x.unrecognized[0].line, 7u);
  // A row excerpted without its header: a cell that is only N个工作日 is still
  // the row's time limit (field corpus: 城镇燃气管理 | … | 20个工作日 | …); a
  // bare amount in prose is no rule, nor one of calendar days in a cell.
  const auto row = extract("| 1 | 部门预算 | 20个工作日 | 县财政局 |\n");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].canonical, "20个工作日内");
  EXPECT_TRUE(extract("部门预算需20个工作日，县财政局负责\n").empty());
  EXPECT_TRUE(extract("| 1 | 部门预算 | 20日 | 县财政局 |\n").empty());
}

TEST(ExtractCells, OtherTimeColumnNamesAndLayouts) {
  for (const char* header : {"时间要求", "办理时限", "更新时限", "公开时限（工作日）"}) {
    const std::string table = std::string("序号\t事项\t") + header + "\t主体\n1\t预算\t1个月\t县财政局\n";
    const auto f = extract(table);
    ASSERT_EQ(f.size(), 1u) << header;
    EXPECT_EQ(f[0].canonical, "1个月内") << header;
  }
  // Gap layout with a merged (blank) cell: placed by its column.
  const std::string gaps =
      "序号    事项        公开时限        公开主体\n"
      "1       部门预算    20个工作日      县财政局\n"
      "2                   15日            县财政局\n";
  const auto f = extract(gaps);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].text, "15日");
}

// ---- --tasks on 基本目录 layouts ---------------------------------------------------------

TEST(ExtractTasks, DirectoryColumns) {
  const std::string table =
      "| 序号 | 一级事项 | 二级事项 | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体 | 公开方式 |\n"
      "| 1 | 行政许可 | 企业投资项目核准 | 许可结果 | 《中华人民共和国政府信息公开条例》 | 20个工作日内 | 县发展和改革局 | 主动公开 |\n"
      "| 2 |  | 建设工程规划许可 | 许可结果 | 《中华人民共和国城乡规划法》 | 形成文件后20个工作日内 |  | 主动公开 |\n"
      "| 3 | 财政预决算 | 部门预算 | 预算表 | 《中华人民共和国预算法》 | 每季度 | 县财政局 | 主动公开 |\n"
      "| 4 | 机构职能 | 机构设置 | 机构名称 | 《中华人民共和国政府信息公开条例》 | 长期公开 | 县委编办 | 主动公开 |\n"
      "| 5 | 其他 | 其他信息 | 其他 | 《中华人民共和国政府信息公开条例》 | — | 县委编办 | 主动公开 |\n";
  const auto tasks = shixian::extract_tasks(table);
  ASSERT_EQ(tasks.size(), 5u);
  EXPECT_EQ(tasks[0].id, "1");
  EXPECT_EQ(tasks[0].title, "行政许可/企业投资项目核准");
  EXPECT_EQ(tasks[0].lead, "县发展和改革局");
  EXPECT_EQ(tasks[0].rule, "20个工作日内");
  // Merged cells: the 一级事项 and the 公开主体 above continue.
  EXPECT_EQ(tasks[1].title, "行政许可/建设工程规划许可");
  EXPECT_EQ(tasks[1].lead, "县发展和改革局");
  EXPECT_EQ(tasks[1].rule, "形成文件后20个工作日内");
  EXPECT_EQ(tasks[2].title, "财政预决算/部门预算");
  EXPECT_EQ(tasks[2].rule, "每季度");
  // A cell that is no rule stays as written, for check to report.
  EXPECT_EQ(tasks[3].rule, "长期公开");
  EXPECT_EQ(tasks[4].rule, "");  // a dash holds no rule
}

TEST(ExtractTasks, HtmlDirectoryTable) {
  const std::string text = shixian::html_to_text(
      "<table><tr><th>序号</th><th>事项名称</th><th>公开时限</th><th>公开主体</th></tr>"
      "<tr><td>1</td><td>部门预算</td><td>批复后20日内</td><td>县财政局</td></tr>"
      "<tr><td>2</td><td>统计数据</td><td>每月</td><td>县统计局</td></tr></table>");
  const auto tasks = shixian::extract_tasks(text);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].title, "部门预算");
  EXPECT_EQ(tasks[0].rule, "批复后20日内");
  EXPECT_EQ(tasks[1].lead, "县统计局");
  EXPECT_EQ(extract(text).size(), 2u);
}

// ---- characters (SPEC §8) ------------------------------------------------------------------

TEST(ExtractCharacters, TraditionalIsFoundWithItsTriggerAndAction) {
  const auto f = extract("“知名商標”企業名單形成文件後3個工作日公開；");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "形成文件後3個工作日公開");  // as written
  EXPECT_EQ(f[0].canonical, "形成文件后3个工作日内公开");
  EXPECT_EQ(f[0].trigger, "形成文件");
  EXPECT_EQ(f[0].action, "公开");
  EXPECT_EQ(f[0].start, 10u);
  EXPECT_EQ(f[0].end, 22u);
}

TEST(ExtractCharacters, InvisibleCharactersKeepTheirPositions) {
  const std::string zwsp = "\xE2\x80\x8B";
  auto f = extract(zwsp + zwsp + "形成文件后3个" + zwsp + "工作日公开；每" + zwsp + "季度公开");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].start, 2u);  // characters as written: the two U+200B count
  EXPECT_EQ(f[0].end, 15u);
  EXPECT_EQ(f[0].canonical, "形成文件后3个工作日内公开");
  EXPECT_EQ(f[1].start, 16u);
  EXPECT_EQ(f[1].end, 22u);
  EXPECT_EQ(f[1].text, "每" + zwsp + "季度公开");
  EXPECT_EQ(f[1].canonical, "每季度公开");
}

TEST(ExtractCharacters, BracketsQualifyLikeParentheses) {
  const auto f = extract("2016年9月前完成【以区人大常委会审议时间为准】。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "2016年9月前完成【以区人大常委会审议时间为准】");
  // A file number in 〔〕 is still no rule.
  EXPECT_TRUE(extract("公开属性界定制度（穗府办〔2008〕80号）。").empty());
}

}  // namespace
