// Shared objects used from many threads at once (run under ThreadSanitizer by
// scripts/test-hostile): one Calendar, one compiled Evaluator, rules parsed and
// compiled concurrently (the parser's per-thread buffers, the interned labels),
// and check_files, which reads the register on a second thread of its own.
// Queries must neither race nor disagree.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace shixian
