// Parser throughput over typical plan phrases (issue 3: ≥ 1 million parses
// per second per core for typical phrases, ≤ 1 µs each).
//
// Baseline (Release, GCC 12 -O2, Intel Xeon @ 2.50 GHz VM, CPU time, medians
// of 5, machine shared with other builds; details in grammar/README.md):
//   BM_Parse/relative 1240 ns   BM_Parse/anchor 488 ns   BM_Parse/milestones 1281 ns
//   BM_Parse/recurrence 699 ns  BM_Parse/seed_cell 3395 ns  BM_Parse/error 1925 ns
//   BM_ParseTypicalMix 898 ns (1.11M items/s)   BM_Canonical 934 ns
#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

#include "shixian/parse.hpp"

namespace {

constexpr std::array<std::string_view, 8> kTypical = {
    "形成文件后3个工作日公开", "7月底前启动，9月底前完成", "每季度",         "年内至少5次",
    "收到文件后及时发布",     "2016年12月底前完成",      "3个工作日内",    "公示不得少于3个工作日",
};

void BM_Parse(benchmark::State& state, std::string_view text) {
  for (auto _ : state) {
    auto r = shixian::parse(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(BM_Parse, relative, std::string_view("形成文件后3个工作日公开"));
BENCHMARK_CAPTURE(BM_Parse, anchor, std::string_view("12月底前"));
BENCHMARK_CAPTURE(BM_Parse, milestones, std::string_view("7月底前启动，9月底前完成"));
BENCHMARK_CAPTURE(BM_Parse, recurrence, std::string_view("每季度"));
BENCHMARK_CAPTURE(BM_Parse, seed_cell,
                  std::string_view("形成文件后3个工作日公开；收到文件后及时发布；复议期届满后5个工作日公开"));
BENCHMARK_CAPTURE(BM_Parse, error, std::string_view("形成文件后3个工作"));

// A mix of phrases, cctz-style batches over a fixed phrase array.
template <std::size_t N>
void BM_ParseMix(benchmark::State& state, const std::array<std::string_view, N>& phrases) {
  while (state.KeepRunningBatch(phrases.size())) {
    for (std::string_view text : phrases) {
      auto r = shixian::parse(text);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(state.iterations());
}

// The language of 2019–2025 基本目录 and plans (SPEC §8): alternatives,
// weekday and working-day recurrences, rates, bare amounts.
constexpr std::array<std::string_view, 8> kField = {
    "信息形成或者变更之日起20个工作日内", "每周五前",          "每月最后一个工作日", "每季度首月10日前",
    "1次/年",                             "20个工作日",        "按季更新",           "中标候选人公示不得少于3个工作日",
};

void BM_ParseTypicalMix(benchmark::State& state) { BM_ParseMix(state, kTypical); }
BENCHMARK(BM_ParseTypicalMix);
void BM_ParseFieldMix(benchmark::State& state) { BM_ParseMix(state, kField); }
BENCHMARK(BM_ParseFieldMix);

void BM_Canonical(benchmark::State& state) {
  const auto rule = *shixian::parse("形成文件后3个工作日公开；收到文件后及时发布");
  for (auto _ : state) {
    auto s = shixian::canonical(rule);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Canonical);

}  // namespace
