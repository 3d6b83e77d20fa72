// Calendar layer: shixian's O(1) rank/select tables side by side with a naive
// hash-set + day-loop calendar and, when built with it, QuantLib's
// China(China::IB) (the same 调休 idea: SSE holidays plus working weekends).
// Inputs: 4096 start dates drawn uniformly from 2003–2025 (splitmix64, seed
// 42; ±250 working days never leave the calendar's years), the same for every
// implementation, NumPy's included (bench/numpy_peer.py draws them with the
// same generator). Run via scripts/bench, which prints ratios.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "naive_calendar.hpp"
#include "shixian/calendar.hpp"

#ifdef SHIXIAN_BENCH_QUANTLIB
#include <ql/time/calendars/china.hpp>
#endif

namespace {

using shixian::Date;

constexpr std::size_t kDates = 4096;  // power of two: index with a mask

// splitmix64 (Steele, Lea, Flood 2014): fully specified, unlike the standard
// distributions, so that a Python peer can reproduce the sample.
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = state += 0x9E3779B97F4A7C15u;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

const std::vector<Date>& start_dates() {
  static const std::vector<Date> dates = [] {
    std::uint64_t state = 42;
    const Date first = shixian::parse_iso_date("2003-01-01").value();
    const Date last = shixian::parse_iso_date("2025-12-31").value();
    const auto span = static_cast<std::uint64_t>(last - first + 1);
    std::vector<Date> out(kDates);
    for (Date& d : out) d = first + static_cast<int>(splitmix64(state) % span);
    return out;
  }();
  return dates;
}

const shixian::bench::NaiveCalendar& naive() {
  static const shixian::bench::NaiveCalendar cal(shixian::Calendar::china());
  return cal;
}

void BM_IsWorkday_Shixian(benchmark::State& state) {
  const auto& cal = shixian::Calendar::china();
  const auto& dates = start_dates();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = cal.is_workday(dates[i++ & (kDates - 1)]);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["table_bytes"] = static_cast<double>(cal.table_bytes());
}
BENCHMARK(BM_IsWorkday_Shixian);

void BM_IsWorkday_Naive(benchmark::State& state) {
  const auto& dates = start_dates();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(naive().is_workday(dates[i++ & (kDates - 1)]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkday_Naive);

void BM_AddWorkdays_Shixian(benchmark::State& state) {
  const auto& cal = shixian::Calendar::china();
  const auto& dates = start_dates();
  const int n = static_cast<int>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = cal.add_workdays(dates[i++ & (kDates - 1)], n);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkdays_Shixian)->Arg(3)->Arg(20)->Arg(250)->Arg(-3)->Arg(-20)->Arg(-250);

void BM_AddWorkdays_Naive(benchmark::State& state) {
  const auto& dates = start_dates();
  const int n = static_cast<int>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(naive().add_workdays(dates[i++ & (kDates - 1)], n));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkdays_Naive)->Arg(3)->Arg(20)->Arg(250)->Arg(-3)->Arg(-20)->Arg(-250);

void BM_WorkdaysBetween_Shixian(benchmark::State& state) {
  const auto& cal = shixian::Calendar::china();
  const auto& dates = start_dates();
  const int span = static_cast<int>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) {
    const Date a = dates[i++ & (kDates - 1)];
    auto r = cal.workdays_between(a, a + span);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkdaysBetween_Shixian)->Arg(365)->Arg(3652);

void BM_WorkdaysBetween_Naive(benchmark::State& state) {
  const auto& dates = start_dates();
  const int span = static_cast<int>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) {
    const Date a = dates[i++ & (kDates - 1)];
    benchmark::DoNotOptimize(naive().workdays_between(a, a + span));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkdaysBetween_Naive)->Arg(365)->Arg(3652);

#ifdef SHIXIAN_BENCH_QUANTLIB
// QuantLib serial numbers: 1899-12-30 is serial 0 (Excel convention), 1970-01-01 is 25569.
QuantLib::Date to_ql(Date d) { return QuantLib::Date(static_cast<QuantLib::Date::serial_type>(d.days_since_epoch() + 25569)); }

const std::vector<QuantLib::Date>& ql_dates() {
  static const std::vector<QuantLib::Date> dates = [] {
    std::vector<QuantLib::Date> out;
    for (Date d : start_dates()) out.push_back(to_ql(d));
    return out;
  }();
  return dates;
}

void BM_IsWorkday_QuantLib(benchmark::State& state) {
  const QuantLib::China cal(QuantLib::China::IB);
  const auto& dates = ql_dates();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cal.isBusinessDay(dates[i++ & (kDates - 1)]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkday_QuantLib);

void BM_AddWorkdays_QuantLib(benchmark::State& state) {
  const QuantLib::China cal(QuantLib::China::IB);
  const auto& dates = ql_dates();
  const auto n = static_cast<QuantLib::Integer>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cal.advance(dates[i++ & (kDates - 1)], n, QuantLib::Days));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkdays_QuantLib)->Arg(3)->Arg(20)->Arg(250)->Arg(-3)->Arg(-20)->Arg(-250);

void BM_WorkdaysBetween_QuantLib(benchmark::State& state) {
  const QuantLib::China cal(QuantLib::China::IB);
  const auto& dates = ql_dates();
  const int span = static_cast<int>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) {
    const QuantLib::Date a = dates[i++ & (kDates - 1)];
    // (a, b] as shixian counts: exclude the first day, include the last.
    benchmark::DoNotOptimize(cal.businessDaysBetween(a, a + span, false, true));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkdaysBetween_QuantLib)->Arg(365)->Arg(3652);
#endif

}  // namespace
