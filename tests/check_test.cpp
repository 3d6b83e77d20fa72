// Compliance checks (issue 6): verdicts hand-computed on the 2016 calendar,
// the matching rules of shixian/check.hpp, readers (CSV quoting, CRLF, BOM,
// GB18030, JSONL, bad rows with their lines) and the report.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_set>

#include "check/reader.hpp"
#include "check/util.hpp"
#include "shixian/check.hpp"

namespace shixian {
namespace {

using namespace std::chrono;

const std::string kData = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/check/";

Date D(int y, unsigned m, unsigned d) { return Date{year{y} / month{m} / day{d}}; }

struct Row {
  std::string task;
  int obligation;
  std::string label, verdict, due, published, message, needed;
  std::int32_t late_workdays, late_days;
  std::uint32_t required, found;
  bool provisional;
};

Row row_of(const Finding& f) {
  return Row{std::string(f.task_id),
             f.obligation,
             std::string(f.label),
             to_string(f.verdict),
             due_string(f),
             f.has_published ? to_string(f.published) : "",
             std::string(f.message),
             std::string(f.needed),
             f.late_workdays,
             f.late_days,
             f.required,
             f.found,
             f.provisional};
}

CheckOptions options_2016(Date as_of = D(2016, 11, 30)) {
  CheckOptions o;
  o.as_of = as_of;
  o.year = 2016;
  return o;
}

std::vector<Row> run_files(const std::string& tasks, const std::string& log, const CheckOptions& o, Report* report = nullptr,
                           const ReadOptions& tasks_read = {}) {
  std::vector<Row> rows;
  auto r = check_files(kData + tasks, kData + log, o, [&](const Finding& f) { rows.push_back(row_of(f)); }, tasks_read);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  if (r && report) *report = std::move(*r);
  return rows;
}

std::vector<Row> run_one(const std::string& rule, std::vector<std::pair<std::string, EventTime>> events,
                         std::vector<PublicationRecord> pubs, Date as_of = D(2016, 11, 30)) {
  TaskRecord t;
  t.id = "T";
  t.rule = rule;
  t.lead = "区政府办";
  t.events = std::move(events);
  t.line = 2;
  for (auto& p : pubs) p.task_id = "T";
  std::vector<Row> rows;
  check({t}, pubs, options_2016(as_of), [&](const Finding& f) { rows.push_back(row_of(f)); });
  return rows;
}

PublicationRecord pub(Date d, int minute = -1) {
  PublicationRecord p;
  p.published = EventTime{d, static_cast<std::int16_t>(minute)};
  return p;
}
PublicationRecord shown(Date from, Date to) {
  PublicationRecord p = pub(from);
  p.withdrawn = EventTime{to, -1};
  return p;
}

// --- the small register, every verdict hand-computed --------------------------

TEST(Check, SmallRegisterHandComputed2016) {
  Report report;
  const auto rows = run_files("tasks.csv", "publications.csv", options_2016(), &report);
  std::map<std::tuple<std::string, int, std::string>, Row> by;
  for (const auto& r : rows) by[{r.task, r.obligation, r.due}] = r;
  auto at = [&](std::string task, int obligation, std::string due) -> const Row& {
    auto it = by.find({task, obligation, due});
    EXPECT_NE(it, by.end()) << task << " " << obligation << " " << due;
    static Row none;
    return it == by.end() ? none : it->second;
  };
  // 形成文件 9/30 (Fri) + 3 working days: 10/8 (Sat, 调休上班) is the 1st → due 10/10;
  // published on the make-up Saturday itself.
  EXPECT_EQ(at("T01", 1, "2016-10-10").verdict, "on_time");
  EXPECT_EQ(at("T01", 1, "2016-10-10").published, "2016-10-08");
  // Published 10/12 (Wed): working days in (10/10, 10/12] = 2, calendar days 2.
  const Row& t02 = at("T02", 1, "2016-10-10");
  EXPECT_EQ(t02.verdict, "late");
  EXPECT_EQ(t02.late_workdays, 2);
  EXPECT_EQ(t02.late_days, 2);
  // 收到文件 2/3 (Wed) + 5 working days across 春节: 2/4, 2/5, 2/6 (Sat, work), 2/14 (Sun, work), 2/15.
  EXPECT_EQ(at("T03", 1, "2016-02-15").verdict, "missing");
  EXPECT_EQ(at("T04", 1, "2016-12-31").verdict, "pending");
  // 每季度: Q1 3/15 on time; Q2 takes 7/05: late by 7/1, 7/4, 7/5 = 3 working days, 5 days; Q3 9/20; Q4 pending.
  EXPECT_EQ(at("T05", 1, "2016-03-31").verdict, "on_time");
  EXPECT_EQ(at("T05", 1, "2016-06-30").verdict, "late");
  EXPECT_EQ(at("T05", 1, "2016-06-30").late_workdays, 3);
  EXPECT_EQ(at("T05", 1, "2016-06-30").late_days, 5);
  EXPECT_EQ(at("T05", 1, "2016-09-30").verdict, "on_time");
  EXPECT_EQ(at("T05", 1, "2016-09-30").published, "2016-09-20");
  EXPECT_EQ(at("T05", 1, "2016-12-31").verdict, "pending");
  // 公示 9/29–10/8: 9/29, 9/30 and 10/8 (Sat, 调休上班) = 3 working days; until 10/7 only 2.
  EXPECT_EQ(at("T06", 1, "").verdict, "on_time");
  EXPECT_EQ(at("T06", 1, "").found, 3u);
  EXPECT_EQ(at("T07", 1, "").verdict, "too_short");
  EXPECT_EQ(at("T07", 1, "").required, 3u);
  EXPECT_EQ(at("T07", 1, "").found, 2u);
  // 每月至少1次: January and February have one each; March–October none; November still running.
  EXPECT_EQ(at("T08", 1, "2016-01-31").verdict, "on_time");
  EXPECT_EQ(at("T08", 1, "2016-03-31").verdict, "count_short");
  EXPECT_EQ(at("T08", 1, "2016-03-31").found, 0u);
  EXPECT_EQ(at("T08", 1, "2016-11-30").verdict, "pending");
  EXPECT_EQ(at("T09", 1, "").verdict, "not_checkable");
  EXPECT_EQ(at("T10", 1, "").verdict, "needs_context");
  EXPECT_EQ(at("T10", 1, "").needed, "人大批复");
  EXPECT_NE(at("T10", 1, "").message.find("人大批复"), std::string::npos);
  EXPECT_EQ(at("T11", 1, "").verdict, "invalid_rule");
  EXPECT_NE(at("T11", 1, "").message.find("第7个字符处"), std::string::npos);
  // Two rules in one cell: each its own obligation. 及时 = 20 working days after 3/10,
  // skipping 清明 4/4: due 4/8; published 4/11 (Mon): 1 working day, 3 days late.
  EXPECT_EQ(at("T12", 1, "2016-03-04").verdict, "on_time");
  EXPECT_EQ(at("T12", 2, "2016-04-08").verdict, "late");
  EXPECT_EQ(at("T12", 2, "2016-04-08").late_workdays, 1);
  EXPECT_EQ(at("T12", 2, "2016-04-08").late_days, 3);
  // 24小时内 from 10/1 09:30: due 10/2 09:30, published 11:00 the same day.
  EXPECT_EQ(at("T13", 1, "2016-10-02T09:30").verdict, "late");
  EXPECT_EQ(at("T13", 1, "2016-10-02T09:30").late_days, 0);
  // 提前2个工作日 before 检修 10/10: 10/9 (Sun, work) 1st, 10/8 (Sat, work) 2nd.
  EXPECT_EQ(at("T14", 1, "2016-10-08").verdict, "on_time");

  EXPECT_EQ(report.tasks, 14u);
  EXPECT_EQ(report.publications, 14u);
  EXPECT_EQ(report.counts[static_cast<int>(Verdict::on_time)], 8u);
  EXPECT_EQ(report.counts[static_cast<int>(Verdict::late)], 4u);
  EXPECT_EQ(report.counts[static_cast<int>(Verdict::count_short)], 8u);
  ASSERT_EQ(report.problems.size(), 1u);  // T99 is not in the register
  EXPECT_EQ(report.problems[0].line, 15u);
  EXPECT_NE(report.problems[0].message.find("T99"), std::string::npos);
  // One rule text per distinct cell piece: "形成文件后3个工作日公开" is shared by T01, T02, T12.
  EXPECT_EQ(report.rules_compiled, 12u);
}

// --- matching rules ----------------------------------------------------------

TEST(CheckMatching, EarliestPublicationAtOrAfterTheTriggerCounts) {
  // Published before the trigger: not this deadline's publication.
  auto r = run_one("形成文件后3个工作日公开", {{"形成文件", {D(2016, 9, 30)}}}, {pub(D(2016, 9, 1)), pub(D(2016, 10, 11))});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].verdict, "late");
  EXPECT_EQ(r[0].published, "2016-10-11");
  // Two publications: the earliest at/after T decides.
  r = run_one("形成文件后3个工作日公开", {{"形成文件", {D(2016, 9, 30)}}}, {pub(D(2016, 10, 20)), pub(D(2016, 10, 9))});
  EXPECT_EQ(r[0].verdict, "on_time");
  EXPECT_EQ(r[0].published, "2016-10-09");
}

TEST(CheckMatching, EachPeriodNeedsItsOwnPublication) {
  // One publication cannot serve two quarters; inside Q2, it is Q2's.
  auto r = run_one("每季度", {}, {pub(D(2016, 4, 5))});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].verdict, "missing");
  EXPECT_EQ(r[1].verdict, "on_time");
  EXPECT_EQ(r[2].verdict, "missing");
  EXPECT_EQ(r[3].verdict, "pending");
  // Two inside Q2: the earlier is Q1's late report, the later Q2's.
  r = run_one("每季度", {}, {pub(D(2016, 4, 5)), pub(D(2016, 6, 20))});
  EXPECT_EQ(r[0].verdict, "late");
  EXPECT_EQ(r[0].published, "2016-04-05");
  EXPECT_EQ(r[0].late_workdays, 2);  // 4/1 (Fri), 4/5 (Tue); 4/2–4/4 清明
  EXPECT_EQ(r[1].verdict, "on_time");
  EXPECT_EQ(r[1].published, "2016-06-20");
  // A missed day of a daily obligation is one missing day, not a cascade of late days.
  std::vector<PublicationRecord> days;
  for (Date d = D(2016, 1, 1); d <= D(2016, 1, 31); d += 1)
    if (d != D(2016, 1, 10)) days.push_back(pub(d));
  r = run_one("每日", {}, days, D(2016, 2, 1));
  std::map<std::string, int> verdicts;
  for (const auto& row : r) verdicts[row.verdict]++;
  EXPECT_EQ(verdicts["on_time"], 30);
  EXPECT_EQ(verdicts["missing"], 1);
  EXPECT_EQ(verdicts["late"], 0);
  EXPECT_EQ(r[9].due, "2016-01-10");
  EXPECT_EQ(r[9].verdict, "missing");
  // 每季度结束后15个工作日内: Q1 due 4/22.
  r = run_one("每季度结束后15个工作日内", {}, {pub(D(2016, 4, 20)), pub(D(2016, 7, 20))});
  EXPECT_EQ(r[0].due, "2016-04-22");
  EXPECT_EQ(r[0].verdict, "on_time");
  EXPECT_EQ(r[1].verdict, "on_time");
  EXPECT_EQ(r[2].verdict, "missing");  // due 10/26 < as-of 11/30
}

TEST(CheckMatching, AsOfBoundaries) {
  // Due on the as-of day itself: still pending.
  auto r = run_one("11月30日前", {}, {}, D(2016, 11, 30));
  EXPECT_EQ(r[0].verdict, "pending");
  r = run_one("11月30日前", {}, {}, D(2016, 12, 1));
  EXPECT_EQ(r[0].verdict, "missing");
  // A publication after the as-of day has not happened yet.
  r = run_one("11月30日前", {}, {pub(D(2016, 12, 5))}, D(2016, 12, 1));
  EXPECT_EQ(r[0].verdict, "missing");
  r = run_one("11月30日前", {}, {pub(D(2016, 12, 5))}, D(2016, 12, 31));
  EXPECT_EQ(r[0].verdict, "late");
  EXPECT_EQ(r[0].late_days, 5);
  EXPECT_EQ(r[0].late_workdays, 3);  // 12/1 (Thu), 12/2 (Fri), 12/5 (Mon); 12/3–4 is a weekend
}

TEST(CheckMatching, HoursCompareTimes) {
  auto r = run_one("突发事件发生后24小时内发布", {{"突发事件", {D(2016, 10, 1), 570}}}, {pub(D(2016, 10, 2), 9 * 60)});
  EXPECT_EQ(r[0].verdict, "on_time");
  r = run_one("突发事件发生后24小时内发布", {{"突发事件", {D(2016, 10, 1), 570}}}, {pub(D(2016, 10, 2), 10 * 60)});
  EXPECT_EQ(r[0].verdict, "late");
  // A date-only publication on the due day gets the benefit of the doubt.
  r = run_one("突发事件发生后24小时内发布", {{"突发事件", {D(2016, 10, 1), 570}}}, {pub(D(2016, 10, 2))});
  EXPECT_EQ(r[0].verdict, "on_time");
}

TEST(CheckMatching, ObligationColumnTargetsOneRule) {
  PublicationRecord a = pub(D(2016, 3, 3));
  a.obligation = 2;  // meant for 及时发布, not for 形成文件后3个工作日
  auto r = run_one("形成文件后3个工作日公开；收到文件后及时发布",
                   {{"形成文件", {D(2016, 3, 1)}}, {"收到文件", {D(2016, 3, 2)}}}, {a});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].verdict, "missing");
  EXPECT_EQ(r[1].verdict, "on_time");
}

TEST(CheckMatching, DisplayDurations) {
  // 公示不得少于5个工作日 from Fri 9/30: 9/30, 10/8, 10/9, 10/10, 10/11 → withdrawn 10/11 is enough.
  auto r = run_one("公示不得少于5个工作日", {}, {shown(D(2016, 9, 30), D(2016, 10, 11))});
  EXPECT_EQ(r[0].verdict, "on_time");
  EXPECT_EQ(r[0].found, 5u);
  r = run_one("公示不得少于5个工作日", {}, {shown(D(2016, 9, 30), D(2016, 10, 10))});
  EXPECT_EQ(r[0].verdict, "too_short");
  EXPECT_EQ(r[0].found, 4u);
  // No withdrawal recorded: still on display through the as-of day.
  r = run_one("公示不得少于5个工作日", {}, {pub(D(2016, 11, 28))}, D(2016, 11, 30));
  EXPECT_EQ(r[0].verdict, "pending");
  r = run_one("公示不得少于5个工作日", {}, {pub(D(2016, 11, 21))}, D(2016, 11, 30));
  EXPECT_EQ(r[0].verdict, "on_time");
  // 公示20日 counts calendar days; 不得少于5日，其中必须含1个以上工作日 both.
  r = run_one("公示20日", {}, {shown(D(2016, 9, 1), D(2016, 9, 19))});
  EXPECT_EQ(r[0].verdict, "too_short");
  EXPECT_EQ(r[0].found, 19u);
  r = run_one("公示不得少于5日，其中必须含1个以上工作日", {}, {shown(D(2016, 10, 1), D(2016, 10, 7))});
  EXPECT_EQ(r[0].verdict, "too_short");  // 7 days, but all 国庆 rest days
  r = run_one("公示不得少于5日，其中必须含1个以上工作日", {}, {shown(D(2016, 10, 1), D(2016, 10, 8))});
  EXPECT_EQ(r[0].verdict, "on_time");  // 10/8 is a make-up working day
  // With the 公示开始 date known and nothing published: missing.
  r = run_one("公示不得少于5个工作日", {{"公示开始", {D(2016, 6, 1)}}}, {});
  EXPECT_EQ(r[0].verdict, "missing");
}

TEST(CheckMatching, ContinuousAndCounts) {
  auto r = run_one("全年", {}, {pub(D(2016, 5, 1))});
  EXPECT_EQ(r[0].verdict, "pending");  // checked at 12/31, as-of 11/30
  EXPECT_EQ(run_one("全年", {}, {pub(D(2016, 5, 1))}, D(2017, 1, 5))[0].verdict, "on_time");
  EXPECT_EQ(run_one("全年", {}, {}, D(2017, 1, 5))[0].verdict, "missing");
  r = run_one("年内至少2次", {}, {pub(D(2016, 5, 1))}, D(2017, 1, 5));
  EXPECT_EQ(r[0].verdict, "count_short");
  EXPECT_EQ(r[0].required, 2u);
  EXPECT_EQ(r[0].found, 1u);
  EXPECT_EQ(run_one("年内至少2次", {}, {pub(D(2016, 5, 1)), pub(D(2016, 6, 1))}, D(2016, 7, 1))[0].verdict, "on_time");
}

TEST(CheckVerdicts, NotCheckableNeedsContextInvalidProvisional) {
  EXPECT_EQ(run_one("长期推进", {}, {})[0].verdict, "not_checkable");
  EXPECT_EQ(run_one("适时", {}, {})[0].verdict, "not_checkable");
  auto e = run_one("按预算法规定时限", {}, {});
  EXPECT_EQ(e[0].verdict, "not_checkable");
  EXPECT_NE(e[0].message.find("预算法"), std::string::npos) << e[0].message;
  auto n = run_one("于人大批复后30个工作日内公开", {}, {});
  EXPECT_EQ(n[0].verdict, "needs_context");
  EXPECT_EQ(n[0].needed, "人大批复");
  auto i = run_one("形成文件后3个工作", {}, {});
  EXPECT_EQ(i[0].verdict, "invalid_rule");
  EXPECT_NE(i[0].message.find("第7个字符处"), std::string::npos);
  // 2027 has no notice yet: the deadline is provisional.
  auto p = run_one("形成文件后3个工作日公开", {{"形成文件", {D(2027, 2, 3)}}}, {pub(D(2027, 2, 10))}, D(2027, 3, 1));
  EXPECT_EQ(p[0].verdict, "on_time");
  EXPECT_TRUE(p[0].provisional);
  // Without a plan year anywhere: needs_context naming 计划年度.
  TaskRecord t;
  t.id = "Y", t.rule = "12月底前", t.line = 2;
  CheckOptions o;
  o.as_of = D(2016, 11, 30);
  std::vector<Row> rows;
  check({t}, {}, o, [&](const Finding& f) { rows.push_back(row_of(f)); });
  EXPECT_EQ(rows[0].verdict, "needs_context");
  EXPECT_EQ(rows[0].needed, "计划年度");
}

TEST(CheckVerdicts, RulesOnSeparateLinesAndWrappedPhrases) {
  // A cell lists rules one per line: each is its own obligation.
  auto two = run_one("形成文件后3个工作日公开\n12月底前", {{"形成文件", {D(2016, 9, 30)}}}, {}, D(2017, 1, 5));
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].due, "2016-10-10");
  EXPECT_EQ(two[1].due, "2016-12-31");
  // A phrase the table wrapped onto a second line (as in the seed plans) is one rule.
  auto wrapped = run_one("2016年\n12月底前", {}, {}, D(2017, 1, 5));
  ASSERT_EQ(wrapped.size(), 1u);
  EXPECT_EQ(wrapped[0].verdict, "missing");
  EXPECT_EQ(wrapped[0].due, "2016-12-31");
  // A line that parses neither alone nor with the next stays an invalid rule.
  auto bad = run_one("形成文件后3个工作\n12月底前", {}, {}, D(2017, 1, 5));
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0].verdict, "invalid_rule");
  EXPECT_EQ(bad[1].due, "2016-12-31");
}

TEST(CheckVerdicts, NamesAreTheContract) {
  const char* names[] = {"on_time", "late", "missing", "pending", "too_short", "count_short",
                         "not_checkable", "needs_context", "invalid_rule"};
  for (std::size_t v = 0; v < kVerdictCount; ++v) EXPECT_STREQ(to_string(static_cast<Verdict>(v)), names[v]);
  EXPECT_TRUE(is_failure(Verdict::count_short));
  EXPECT_FALSE(is_failure(Verdict::pending));
}

// --- readers -----------------------------------------------------------------

// Ids as registers number them (A1, A10, T00000001 …) and every length up to
// 24 bytes: no two of 300,000 share a 64-bit table hash. (A first version
// mixed the length in with xor, and A1 and A10 collided: the duplicate-id
// check dropped A10 as a repeat of A1.)
TEST(CheckUtil, TableHashSeparatesSimilarIds) {
  std::unordered_set<std::uint64_t> seen;
  std::size_t n = 0;
  auto add = [&](const std::string& id) {
    ++n;
    EXPECT_TRUE(seen.insert(detail::table_hash(id)).second) << id;
  };
  for (int i = 0; i < 100000; ++i) add("A" + std::to_string(i));
  for (int i = 0; i < 100000; ++i) add(std::to_string(i));
  for (int i = 0; i < 100000; ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%08d", i);
    add(buf);
  }
  std::string grow;
  for (int len = 1; len <= 24; ++len) grow += static_cast<char>('a' + len), add(grow + "#");
  EXPECT_EQ(seen.size(), n);
}

TEST(CheckReaders, BadRowsAreReportedWithLinesAndTheRunGoesOn) {
  Report report;
  const auto rows = run_files("tasks_bad.csv", "publications_bad.csv", options_2016(), &report);
  // BOM, CRLF, quoted commas, doubled quotes and a line break inside a quoted field.
  EXPECT_EQ(report.tasks, 3u);
  std::map<std::string, int> problem_lines;
  for (const auto& p : report.problems) problem_lines[p.file.substr(p.file.rfind('/') + 1) + ":" + std::to_string(p.line)]++;
  // B02's title spans lines 3–4, so the duplicate B01 is on line 5.
  for (const char* where : {"tasks_bad.csv:5", "tasks_bad.csv:6", "tasks_bad.csv:7", "tasks_bad.csv:8",
                            "tasks_bad.csv:9", "tasks_bad.csv:10", "publications_bad.csv:5", "publications_bad.csv:6"}) {
    EXPECT_EQ(problem_lines[where], 1) << where;
  }
  for (const auto& p : report.problems) {
    if (p.line == 5 && p.file.ends_with("tasks_bad.csv")) {
      EXPECT_NE(p.message.find("重复（首次出现在第2行）"), std::string::npos);
      EXPECT_EQ(p.column, 1u);
    }
    if (p.line == 7 && p.file.ends_with("tasks_bad.csv")) {
      EXPECT_NE(p.message.find("2016年2月只有29天"), std::string::npos);
    }
  }
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0].task, "B01");
  EXPECT_EQ(rows[0].verdict, "on_time");
  EXPECT_EQ(rows[1].task, "B02");
  EXPECT_EQ(rows[1].published, "2016-02-15");  // written 2016/2/15
}

TEST(CheckReaders, QuotedFieldsSurviveChunkBoundaries) {
  // Over 2 MiB of rows with quoted multi-line fields: every record read, line numbers exact.
  std::string text = "id,title,rule\r\n";
  const int n = 30000;
  for (int i = 0; i < n; ++i) {
    text += "R" + std::to_string(i) + ",\"第" + std::to_string(i) + "项，含逗号\n和换行，还有\"\"引号\"\"以及足够长的文字使文件超过两兆字节\",12月底前\r\n";
  }
  auto reader = TaskReader::from_string(text, "big.csv");
  ASSERT_TRUE(reader.has_value());
  TaskRecord t;
  std::vector<InputProblem> problems;
  int count = 0;
  while (reader->next(t, problems)) {
    ASSERT_EQ(t.id, "R" + std::to_string(count));
    ASSERT_EQ(t.line, static_cast<std::uint32_t>(2 + 2 * count));
    ASSERT_NE(t.title.find("\"引号\""), std::string::npos);
    ++count;
  }
  EXPECT_EQ(count, n);
  EXPECT_TRUE(problems.empty());
}

TEST(CheckReaders, Gb18030IsConvertedOnlyWhenAsked) {
  auto refused = TaskReader::open(kData + "tasks_gb18030.csv");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("gb18030"), std::string::npos);
  EXPECT_EQ(refused.error().where.line, 2u);
  ReadOptions gb;
  gb.encoding = Encoding::gb18030;
  Report report;
  const auto rows = run_files("tasks_gb18030.csv", "publications.csv", options_2016(), &report, gb);
  EXPECT_EQ(report.tasks, 14u);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].verdict, "on_time");
  // Same verdicts as the UTF-8 register.
  Report utf8;
  const auto same = run_files("tasks.csv", "publications.csv", options_2016(), &utf8);
  ASSERT_EQ(rows.size(), same.size());
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].verdict, same[i].verdict) << i;
  // A UTF-8 file declared GB18030 is refused, not garbled.
  EXPECT_FALSE(TaskReader::open(kData + "tasks.csv", gb).has_value());
  EXPECT_TRUE(parse_encoding("GBK").has_value());
  EXPECT_FALSE(parse_encoding("latin1").has_value());
}

TEST(CheckReaders, JsonLines) {
  Report report;
  const auto rows = run_files("tasks.jsonl", "publications.jsonl", options_2016(), &report);
  EXPECT_EQ(report.tasks, 3u);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].line, 3u);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].task, "J01");
  EXPECT_EQ(rows[0].verdict, "late");  // due 10/10, published 10/11
  EXPECT_EQ(rows[2].published, "2016-06-30T18:00");
}

TEST(CheckReaders, MissingColumnsAndFilesAreUnusable) {
  auto no_rule = TaskReader::from_string("id,title\nT1,x\n", "x.csv");
  ASSERT_FALSE(no_rule.has_value());
  EXPECT_NE(no_rule.error().message.find("rule"), std::string::npos);
  EXPECT_FALSE(TaskReader::open(kData + "does-not-exist.csv").has_value());
  auto empty = TaskReader::from_string("", "empty.csv");
  EXPECT_FALSE(empty.has_value());
  // Chinese headers.
  auto zh = TaskReader::from_string("编号,事项,牵头单位,时限要求,年度\nZ1,总结,区政府办,12月底前,2016\n", "zh.csv");
  ASSERT_TRUE(zh.has_value());
  TaskRecord t;
  std::vector<InputProblem> problems;
  ASSERT_TRUE(zh->next(t, problems));
  EXPECT_EQ(t.lead, "区政府办");
  EXPECT_EQ(t.year, 2016);
}

TEST(CheckReaders, InvalidUtf8LaterInTheFileSkipsThatRow) {
  std::string text = "id,rule\n";
  for (int i = 0; i < 4000; ++i) text += "A" + std::to_string(i) + ",12月底前\n";  // > 64 KiB of valid text first
  text += "BAD,\xD5\xFB\xC4\xEA\n";
  text += "LAST,12月底前\n";
  auto reader = TaskReader::from_string(text, "late-bad.csv");
  ASSERT_TRUE(reader.has_value());
  TaskRecord t;
  std::vector<InputProblem> problems;
  int n = 0;
  std::string last;
  while (reader->next(t, problems)) ++n, last = t.id;
  EXPECT_EQ(n, 4001);
  EXPECT_EQ(last, "LAST");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 4002u);
}

TEST(CheckUtil, SplitRulesAndTimestamps) {
  const auto pieces = detail::split_rules("形成文件后3个工作日公开；收到文件后及时发布; 12月底前。");
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[1], "收到文件后及时发布");
  EXPECT_EQ(pieces[2], "12月底前");
  EXPECT_EQ(detail::split_rules("流行季节（4-10月；每月）").size(), 1u);
  EXPECT_EQ(to_string(*detail::parse_timestamp("2016/2/5 08:30:15")), "2016-02-05T08:30");
  EXPECT_FALSE(detail::parse_timestamp("2016-02-30").has_value());
  std::vector<std::pair<std::string, EventTime>> events;
  std::string message;
  EXPECT_TRUE(detail::parse_events("形成文件=2016-09-30；人大批复＝2016-01-29", events, message));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].first, "人大批复");
  EXPECT_FALSE(detail::parse_events("形成文件 2016-09-30", events, message));
}

// --- report ------------------------------------------------------------------

TEST(CheckReport, UnitsWorstFirstAndSummary) {
  Report report;
  run_files("tasks.csv", "publications.csv", options_2016(), &report);
  ASSERT_FALSE(report.units.empty());
  EXPECT_EQ(report.units.front().unit, "区应急办");  // 0 of 1 on time
  for (std::size_t i = 1; i < report.units.size(); ++i) {
    EXPECT_LE(report.units[i - 1].on_time_rate(), report.units[i].on_time_rate());
  }
  // "区财政局、区地税局" counts for both.
  bool tax = false;
  for (const auto& u : report.units) tax |= u.unit == "区地税局";
  EXPECT_TRUE(tax);
  const std::string text = render_text(report);
  EXPECT_NE(text.find("逾期（4）"), std::string::npos) << text;
  EXPECT_NE(text.find("期限 2016-02-15"), std::string::npos);
  EXPECT_NE(text.find("按时率：36.4%"), std::string::npos);
  EXPECT_NE(report.summary_line().find("按时8，逾期4，缺失1"), std::string::npos) << report.summary_line();
}

TEST(CheckReport, CsvRowsParseBack) {
  std::string csv = csv_header();
  run_files("tasks_bad.csv", "publications_bad.csv", options_2016(), nullptr);
  auto r = check_files(kData + "tasks_bad.csv", kData + "publications_bad.csv", options_2016(),
                       [&](const Finding& f) { append_csv(csv, f); });
  ASSERT_TRUE(r.has_value());
  // Our own reader reads it back: same number of rows, titles with commas, quotes and newlines intact.
  auto back = detail::RecordReader::from_string(csv, "out.csv", {}, {{{"task_id"}, true}, {{"title"}, false}, {{"verdict"}, true}});
  ASSERT_TRUE(back.has_value());
  std::vector<InputProblem> problems;
  std::vector<std::string> titles;
  while ((*back)->next(problems)) titles.emplace_back((*back)->value(1));
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(titles.size(), r->deadlines());
  EXPECT_EQ(titles[0], "企业名单公开，含\"守合同重信用\"企业");
  EXPECT_EQ(titles[1], "多行事项\r\n第二行");
}

}  // namespace
}  // namespace shixian

namespace shixian {
namespace {

TEST(CheckReport, ItemListsAreBoundedKeepingTheEarliestDue) {
  // 每月 with nothing published, as of year end: 11 missing months; keep 3.
  TaskRecord t;
  t.id = "M", t.rule = "每月", t.lead = "区统计局", t.line = 2;
  CheckOptions o;
  o.as_of = Date{std::chrono::year{2017} / 1 / 5};
  o.year = 2016;
  PublicationIndex index;
  index.finish();
  Checker checker(o, index);
  Report report;
  report.item_limit = 3;
  checker.check(t, [&](const Finding& f) { report.add(f); });
  report.finish();
  EXPECT_EQ(report.counts[static_cast<int>(Verdict::missing)], 12u);
  ASSERT_EQ(report.attention.size(), 3u);
  EXPECT_EQ(report.attention[0].due, "2016-01-31");
  EXPECT_EQ(report.attention[2].due, "2016-03-31");
  const std::string text = render_text(report);
  EXPECT_NE(text.find("缺失（12）"), std::string::npos) << text;
  EXPECT_NE(text.find("…另有 9 项未列出"), std::string::npos) << text;
}

}  // namespace
}  // namespace shixian

namespace shixian {
namespace {

TEST(CheckReport, ProblemsAreBoundedAndCounted) {
  std::vector<PublicationRecord> log;
  for (int i = 0; i < 3000; ++i) {
    PublicationRecord p;
    p.task_id = "U" + std::to_string(i);
    p.published = EventTime{Date{std::chrono::year{2016} / 5 / 1}, -1};
    p.line = static_cast<std::uint32_t>(i + 2);
    log.push_back(p);
  }
  TaskRecord t;
  t.id = "T", t.rule = "12月底前", t.line = 2;
  CheckOptions o;
  o.as_of = Date{std::chrono::year{2016} / 11 / 30};
  o.year = 2016;
  const Report r = check({t}, log, o);
  EXPECT_EQ(r.problems.size(), 1000u);
  EXPECT_EQ(r.problems_total, 3000u);
  EXPECT_EQ(r.problems.front().line, 2u);  // the lowest lines are kept
  EXPECT_NE(render_text(r).find("…另有 2000 处未列出"), std::string::npos);
  EXPECT_NE(r.summary_line().find("输入问题3000处"), std::string::npos);
}

}  // namespace
}  // namespace shixian

namespace shixian {
namespace {

TEST(CheckMatching, LateOnlyUntilTheNextDeadline) {
  // 每周: the week of 5/2–5/8 has nothing; the next publication (5/13) is inside
  // the next week and taken by it, and a late one in December is no report for May.
  const auto pub_on = [](int m, int d) {
    PublicationRecord p;
    p.published = EventTime{Date{std::chrono::year{2016} / m / d}, -1};
    return p;
  };
  TaskRecord t;
  t.id = "W", t.rule = "每周", t.line = 2;
  CheckOptions o;
  o.as_of = Date{std::chrono::year{2016} / 5 / 31};
  o.year = 2016;
  std::vector<PublicationRecord> log{pub_on(4, 29), pub_on(5, 13), pub_on(5, 20), pub_on(5, 27)};
  for (auto& p : log) p.task_id = "W";
  std::map<std::string, std::string> by_due;
  check({t}, log, o, [&](const Finding& f) { by_due[due_string(f)] = to_string(f.verdict); });
  EXPECT_EQ(by_due["2016-05-01"], "on_time");
  EXPECT_EQ(by_due["2016-05-08"], "missing");
  EXPECT_EQ(by_due["2016-05-15"], "on_time");
  o.as_of = Date{std::chrono::year{2016} / 12 / 31};
  log.push_back(pub_on(5, 10));  // Tuesday after the empty week: late for it, before the next due (5/15)
  log.back().task_id = "W";
  check({t}, log, o, [&](const Finding& f) { by_due[due_string(f)] = to_string(f.verdict); });
  // 5/10 and 5/13 are both inside the week of 5/15: the later is that week's,
  // the earlier the empty week's late report.
  EXPECT_EQ(by_due["2016-05-08"], "late");
  EXPECT_EQ(by_due["2016-05-15"], "on_time");
}

}  // namespace
}  // namespace shixian
