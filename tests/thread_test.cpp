// One shared Calendar used from many threads at once (run under ThreadSanitizer
// by scripts/test-hostile): queries must neither race nor disagree.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "shixian/calendar.hpp"

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

}  // namespace
}  // namespace shixian
