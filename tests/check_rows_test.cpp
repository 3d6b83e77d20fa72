// The rows of `shixian check` (issue 15, docs/CHECK.md "Rows"): what
// period_start/period_end mean for each rule kind, the publications a count
// row names, a 公示 row with no record (found unknown, not 0), and the wording
// of a lateness that is all rest days. Dates computed by hand on the 2016
// calendar (国庆节 10/1–10/7, make-up working days 10/8 and 10/9).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shixian/check.hpp"

namespace shixian {
namespace {

using namespace std::chrono;

// What a test needs of a Finding, copied out of the callback (the views and
// the span are valid only during it).
struct Row {
  std::string label, verdict, due, period_start, period_end, message, json, csv;
  std::uint32_t found = 0;
  std::vector<std::uint32_t> counted_lines;
};

std::vector<Row> rows_of(const std::string& rule, std::vector<std::pair<std::string, EventTime>> events,
                         const std::vector<EventTime>& published, Date as_of = Date{2016y / December / 31d}) {
  TaskRecord t;
  t.id = "T1", t.rule = rule, t.year = 2016, t.line = 2, t.events = std::move(events);
  std::vector<PublicationRecord> log;
  for (std::size_t i = 0; i < published.size(); ++i) {
    PublicationRecord p;
    p.task_id = "T1", p.published = published[i], p.line = static_cast<std::uint32_t>(i + 2);
    log.push_back(p);
  }
  CheckOptions o;
  o.as_of = as_of;
  std::vector<Row> out;
  check({t}, log, o, [&](const Finding& f) {
    Row r;
    r.label = f.label, r.verdict = to_string(f.verdict), r.due = due_string(f), r.message = f.message;
    if (f.has_due) r.period_start = to_string(f.period_start), r.period_end = to_string(f.period_end);
    r.found = f.found;
    for (const auto* e : f.counted) r.counted_lines.push_back(e->line);
    append_jsonl(r.json, f);
    append_csv(r.csv, f);
    out.push_back(std::move(r));
  });
  return out;
}

EventTime day(year_month_day d) { return EventTime{Date{d}, -1}; }

// ---- period_start / period_end: the window a publication must fall in ----

TEST(CheckRows, RelativeDeadlineWindowIsTriggerToDue) {
  const auto r = rows_of("形成文件后3个工作日公开", {{"形成文件", day(2016y / September / 30d)}}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].due, "2016-10-10");
  EXPECT_EQ(r[0].period_start, "2016-09-30");
  EXPECT_EQ(r[0].period_end, "2016-10-10");
}

TEST(CheckRows, OneOffAnchorWindowIsPlanYearToDue) {
  const auto r = rows_of("5月底前", {}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].period_start, "2016-01-01");
  EXPECT_EQ(r[0].period_end, "2016-05-31");
}

TEST(CheckRows, RecurrenceAfterPeriodEndsAtDueNotAtQuarterEnd) {
  // 每季度结束后15个工作日内: Q1's report is due 4/22; a publication of 4/20 is
  // on time for Q1, so the row's window runs to 4/22 (it said 3/31 before).
  const auto r = rows_of("每季度结束后15个工作日内", {}, {day(2016y / April / 20d)});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].due, "2016-04-22");
  EXPECT_EQ(r[0].verdict, "on_time");
  EXPECT_EQ(r[0].period_start, "2016-01-01");
  EXPECT_EQ(r[0].period_end, "2016-04-22");
  EXPECT_EQ(r[1].period_start, "2016-04-01");
  EXPECT_EQ(r[1].period_end, "2016-07-21");
}

TEST(CheckRows, BackwardDeadlineWindowIsYearStartToDue) {
  // 听证会前10日 with the hearing on 6/20: due 6/10. The matcher takes a
  // publication from January 1 of that year (6/1 is on time); the row said
  // [6/10, 6/20], the days after the due date, before.
  const auto r = rows_of("听证会前10日", {{"听证会", day(2016y / June / 20d)}}, {day(2016y / June / 1d)});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].verdict, "on_time");
  EXPECT_EQ(r[0].due, "2016-06-10");
  EXPECT_EQ(r[0].period_start, "2016-01-01");
  EXPECT_EQ(r[0].period_end, "2016-06-10");
}

TEST(CheckRows, EventDayAndTimelyWindows) {
  auto r = rows_of("收到文件后及时发布", {{"收到文件", day(2016y / March / 1d)}}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].period_start, "2016-03-01");  // 及时: 20 working days (policy) from the trigger
  EXPECT_EQ(r[0].period_end, "2016-03-29");
  r = rows_of("以批复时间为准", {{"批复", day(2016y / May / 5d)}}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].period_start, "2016-05-05");
  EXPECT_EQ(r[0].period_end, "2016-05-05");
}

TEST(CheckRows, CountAndYearLongPeriodIsThePeriodCounted) {
  auto r = rows_of("每月至少1次", {}, {});
  ASSERT_EQ(r.size(), 12u);
  EXPECT_EQ(r[1].period_start, "2016-02-01");
  EXPECT_EQ(r[1].period_end, "2016-02-29");
  r = rows_of("全年", {}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].period_start, "2016-01-01");
  EXPECT_EQ(r[0].period_end, "2016-12-31");
}

TEST(CheckRows, DurationPeriodIsItsShortestDisplay) {
  // 公示开始 Tuesday 3/1, 5 working days: 3/1–3/7 (3/5, 3/6 a weekend).
  auto r = rows_of("公示不得少于5个工作日", {{"公示开始", day(2016y / March / 1d)}}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].period_start, "2016-03-01");
  EXPECT_EQ(r[0].period_end, "2016-03-07");
  // Without a start: no period at all.
  r = rows_of("公示不得少于5个工作日", {}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].period_start, "");
  EXPECT_NE(r[0].json.find("\"period_start\":null,\"period_end\":null"), std::string::npos) << r[0].json;
}

// ---- count rows name what they counted ----

TEST(CheckRows, CountRowNamesThePublicationsItCounted) {
  const auto r = rows_of("年内至少3次", {}, {day(2016y / March / 1d), day(2016y / August / 1d), day(2017y / January / 3d)},
                         Date{2017y / January / 5d});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].verdict, "count_short");
  EXPECT_EQ(r[0].found, 2u);
  EXPECT_EQ(r[0].counted_lines, (std::vector<std::uint32_t>{2, 3}));  // not line 4: 2017 is outside the year
  EXPECT_NE(r[0].json.find("\"found\":2,\"counted\":[{\"published\":\"2016-03-01\",\"line\":2},"
                           "{\"published\":\"2016-08-01\",\"line\":3}]"),
            std::string::npos)
      << r[0].json;
  EXPECT_NE(r[0].message.find("：2016-03-01（第2行）、2016-08-01（第3行）"), std::string::npos) << r[0].message;
}

TEST(CheckRows, CountListIsClippedToFiveAndTheTotal) {
  std::vector<EventTime> log;
  for (unsigned d = 1; d <= 12; ++d) log.push_back(day(2016y / March / std::chrono::day{d}));
  const auto r = rows_of("年内至少2次", {}, log);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].verdict, "on_time");
  EXPECT_EQ(r[0].found, 12u);
  EXPECT_EQ(r[0].counted_lines.size(), 12u);  // the library gives all of them
  std::size_t listed = 0;
  for (std::size_t at = 0; (at = r[0].json.find("\"published\":\"2016-03", at)) != std::string::npos; ++at) ++listed;
  EXPECT_EQ(listed, 5u) << r[0].json;
  EXPECT_NE(r[0].message.find("2016-03-05（第6行）等12次"), std::string::npos) << r[0].message;
}

TEST(CheckRows, CountWithNothingCountedHasAnEmptyList) {
  const auto r = rows_of("年内至少1次", {}, {});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_NE(r[0].json.find("\"found\":0,\"counted\":[]"), std::string::npos) << r[0].json;
}

// ---- a 公示 with no record: found unknown ----

TEST(CheckRows, DurationWithoutRecordHasNoFoundValue) {
  for (const auto& events : {std::vector<std::pair<std::string, EventTime>>{},
                             std::vector<std::pair<std::string, EventTime>>{{"公示开始", day(2016y / March / 1d)}}}) {
    const auto r = rows_of("公示不得少于5个工作日", events, {});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_NE(r[0].json.find("\"required\":5,\"found\":null"), std::string::npos) << r[0].json;
    EXPECT_NE(r[0].csv.find(",5,,false,"), std::string::npos) << r[0].csv;  // required 5, found empty
    EXPECT_NE(r[0].message, "");
  }
  // Still pending with a start date not yet passed: the message says there is no record.
  const auto pending = rows_of("公示不得少于5个工作日", {{"公示开始", day(2016y / March / 1d)}}, {}, Date{2016y / February / 1d});
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].verdict, "pending");
  EXPECT_NE(pending[0].message.find("尚无公示记录"), std::string::npos) << pending[0].message;
  // With a record, found is what was measured, 0 included.
  const auto shown = rows_of("公示不得少于5个工作日", {}, {day(2016y / March / 1d)}, Date{2016y / March / 2d});
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_NE(shown[0].json.find("\"required\":5,\"found\":2"), std::string::npos) << shown[0].json;
}

// ---- lateness on rest days only ----

TEST(CheckRows, LateOnlyByARestDayIsWordedAsSuch) {
  // Formed Tuesday 10/11: 3 working days → Friday 10/14. Published Saturday
  // 10/15: one calendar day late, no working day late.
  const auto r = rows_of("形成文件后3个工作日公开", {{"形成文件", day(2016y / October / 11d)}}, {day(2016y / October / 15d)});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].verdict, "late");
  EXPECT_EQ(r[0].due, "2016-10-14");
  EXPECT_EQ(r[0].message, "逾期1日（发布日为休息日，0个工作日）");
  EXPECT_NE(r[0].json.find("\"late_workdays\":0,\"late_days\":1"), std::string::npos);
  EXPECT_NE(r[0].csv.find(",0,1,"), std::string::npos) << r[0].csv;
  // Sunday 10/16: two rest days.
  const auto two = rows_of("形成文件后3个工作日公开", {{"形成文件", day(2016y / October / 11d)}}, {day(2016y / October / 16d)});
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].message, "逾期2日（均为休息日，0个工作日）");
  // Monday 10/17: one working day.
  const auto monday = rows_of("形成文件后3个工作日公开", {{"形成文件", day(2016y / October / 11d)}}, {day(2016y / October / 17d)});
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0].message, "逾期1个工作日（3日）");
  for (const auto& row : {r[0], two[0], monday[0]}) {
    EXPECT_EQ(row.message.find("逾期0个工作日"), std::string::npos) << row.message;
  }
}

}  // namespace
}  // namespace shixian
