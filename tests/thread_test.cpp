// Shared objects used from many threads at once (run under ThreadSanitizer by
// scripts/test-hostile): one Calendar, one compiled Evaluator, rules parsed and
// compiled concurrently (the parser's per-thread buffers, the interned labels),
// and check_files, which reads the register on a second thread of its own.
// Queries must neither race nor disagree.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "shixian/calendar.hpp"
#include "shixian/check.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian {
namespace {

TEST(Threads, SharedCalendarFromManyThreads) {
  const Date start = parse_iso_date("2016-01-01").value();
  // First use happens concurrently too: china() must initialize once.
  std::vector<std::thread> threads;
  std::vector<long> sums(8, 0);
  for (std::size_t t = 0; t < sums.size(); ++t) {
    threads.emplace_back([&, t] {
      const Calendar& cal = Calendar::china();
      long sum = 0;
      for (int i = 0; i < 20000; ++i) {
        const Date d = start + (i % 3000);
        sum += cal.add_workdays(d, 1 + i % 30)->days_since_epoch();
        sum += *cal.workdays_between(d, d + 400);
        sum += cal.day(d)->festival.size();
      }
      sums[t] = sum;
    });
  }
  for (auto& th : threads) th.join();
  for (long s : sums) EXPECT_EQ(s, sums[0]);
}

// Runs body(t) on 8 threads at once and returns what each produced.
template <class Body>
std::vector<std::string> on_threads(Body body) {
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) threads.emplace_back([&, t] { results[t] = body(t); });
  for (auto& th : threads) th.join();
  return results;
}

TEST(Threads, SharedEvaluatorAndConcurrentCompiles) {
  const Evaluator shared = compile(parse_rule("每季度结束后15个工作日内公开").value());
  const auto results = on_threads([&](std::size_t t) {
    std::string out;
    for (int i = 0; i < 300; ++i) {
      Context ctx;
      ctx.year(2002 + (i % 20)).event("形成文件", Date{std::chrono::year{2016} / 1 / 1} + (i % 300));
      const auto schedule = shared.evaluate(ctx);
      for (const Deadline& d : *schedule) out += std::string(d.label) + to_string(d.due);
      // Each thread compiles rules of its own too (new labels and readings get interned).
      const std::string rule = "形成文件后" + std::to_string(1 + i % 9) + "个工作日" + (t % 2 ? "公示" : "发布");
      const auto own = compile(parse_rule(rule).value()).evaluate(ctx);
      for (const Deadline& d : *own) out += to_string(d.due);
    }
    return out;
  });
  // Threads of one parity ran the same rules: they must agree.
  for (std::size_t t = 2; t < results.size(); ++t) EXPECT_EQ(results[t], results[t % 2]) << t;
}

TEST(Threads, CheckFilesFromManyThreads) {
  const std::string dir = std::string(SHIXIAN_SOURCE_DIR) + "/examples/check/";
  CheckOptions options;
  options.as_of = Date{std::chrono::year{2016} / 12 / 31};
  options.year = 2016;
  const auto results = on_threads([&](std::size_t) {
    std::string rows;
    auto report = check_files(dir + "tasks.csv", dir + "publications.csv", options,
                              [&](const Finding& f) { append_csv(rows, f); });
    return report ? rows + report->summary_line() : report.error().to_string();
  });
  EXPECT_NE(results[0].find("按时率"), std::string::npos) << results[0].substr(0, 500);
  for (const auto& r : results) EXPECT_EQ(r, results[0]);
}

// A generated register of `tasks` rows (long titles: ~11 MB for 30,000, so
// that check_files cuts it in two) and its publication log (long URLs: read
// in two parts), as files and as the rows check() takes. `duplicate_every`:
// every so many rows repeat the id of a row from the first half.
struct Generated {
  std::string tasks_path, log_path;
  std::vector<TaskRecord> task_rows;
  std::vector<PublicationRecord> log_rows;
  ~Generated() {
    std::remove(tasks_path.c_str());
    std::remove(log_path.c_str());
  }
};

std::unique_ptr<Generated> generate(const std::string& name, int tasks_count, int duplicate_every = 0) {
  const std::vector<std::string> rules = {
      "形成文件后3个工作日公开", "每季度末", "12月底前", "每月10日前", "7月底前启动，9月底前完成",
      "公示不得少于5个工作日", "年内至少3次", "每周", "收到文件后及时发布；形成文件后5日内公开", "适时公开"};
  auto g = std::make_unique<Generated>();
  std::string tasks = "id,title,lead,rule,year,events\n", log = "task_id,published,url\n";
  const std::string long_text(300, 'x');
  for (int i = 0; i < tasks_count; ++i) {
    const bool duplicate = duplicate_every > 0 && i > tasks_count / 2 && i % duplicate_every == 0;
    const std::string id = "T" + std::to_string(duplicate ? i / 97 : i);
    const std::string rule = rules[static_cast<std::size_t>(i) % rules.size()];
    const Date formed = Date{std::chrono::year{2016} / 1 / 1} + (i * 7) % 360;
    tasks += id + "," + long_text + ",单位" + std::to_string(i % 13) + "," + rule + ",2016,形成文件=" + to_string(formed) + "\n";
    TaskRecord t;
    t.id = id, t.title = long_text, t.lead = "单位" + std::to_string(i % 13), t.rule = rule, t.year = 2016;
    t.events = {{"形成文件", EventTime{formed, -1}}};
    t.line = static_cast<std::uint32_t>(i + 2);
    g->task_rows.push_back(t);
    for (int k = 0; k < i % 4 && !duplicate; ++k) {
      const Date published = formed + (i % 11) + k * 40;
      log += id + "," + to_string(published) + ",http://www.example.gov.cn/" + long_text + "\n";
      PublicationRecord p;
      p.task_id = id, p.published = EventTime{published, -1};
      p.line = static_cast<std::uint32_t>(g->log_rows.size() + 2);
      g->log_rows.push_back(p);
    }
  }
  const std::string dir = ::testing::TempDir();
  g->tasks_path = dir + "/" + name + "_tasks.csv", g->log_path = dir + "/" + name + "_log.csv";
  for (const auto& [path, text] : {std::pair{g->tasks_path, tasks}, std::pair{g->log_path, log}}) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    EXPECT_NE(f, nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  EXPECT_GT(tasks.size(), 8u << 20) << "the register must be long enough to be cut in two";
  EXPECT_GT(log.size(), 8u << 20) << "the log must be long enough to be read in two parts";
  return g;
}

CheckOptions options_2016() {
  CheckOptions options;
  options.as_of = Date{std::chrono::year{2016} / 12 / 31};
  return options;
}

// A register of many batches: check_files' reading thread prepares each
// batch, and the publication log is read in two parts. Every finding must be
// the one the single-threaded in-memory check() gives, in the same order.
TEST(Threads, CheckFilesManyBatchesEqualsInMemoryCheck) {
  const auto g = generate("many_batches", 30000);
  std::string expected;
  const Report in_memory =
      check(g->task_rows, g->log_rows, options_2016(), [&](const Finding& f) { append_csv(expected, f); });
  for (int run = 0; run < 2; ++run) {
    std::string rows;
    const auto report =
        check_files(g->tasks_path, g->log_path, options_2016(), [&](const Finding& f) { append_csv(rows, f); });
    ASSERT_TRUE(report.has_value()) << report.error().to_string();
    EXPECT_EQ(report->deadlines(), in_memory.deadlines());
    EXPECT_EQ(report->summary_line(), in_memory.summary_line());
    EXPECT_TRUE(rows == expected) << "run " << run << ": the findings differ from check()'s";
  }
}

// Without a per-finding callback the register is checked in two halves on
// two threads and the reports merged: the same report, to the byte, as the
// one pass (totals, units worst first, the listed items, problems); also
// when ids of the first half come again in the second (duplicates the
// second half's reader cannot see: the register is checked again in one
// pass), and with an item limit the halves must respect together.
TEST(Threads, CheckFilesInHalvesGivesTheOnePassReport) {
  for (const int duplicate_every : {0, 50}) {
    const auto g = generate("halves" + std::to_string(duplicate_every), 30000, duplicate_every);
    const auto one_pass = check_files(g->tasks_path, g->log_path, options_2016(), [](const Finding&) {});
    const auto halves = check_files(g->tasks_path, g->log_path, options_2016());
    ASSERT_TRUE(one_pass.has_value() && halves.has_value());
    EXPECT_EQ(halves->summary_line(), one_pass->summary_line());
    EXPECT_EQ(halves->rules_compiled, one_pass->rules_compiled);
    EXPECT_GT(one_pass->attention.size(), 100u);
    EXPECT_TRUE(render_text(*halves) == render_text(*one_pass)) << "duplicates every " << duplicate_every;
    if (duplicate_every > 0) {
      EXPECT_GT(one_pass->problems_total, 100u);
      EXPECT_NE(render_text(*one_pass).find("重复"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace shixian
