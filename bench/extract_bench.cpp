// Extraction throughput over real plan text (issue 7: ≥ 20 MB/s of document
// text per core). The corpus is the five annotated plans in
// tests/data/extract/ (three seeds and two written for the tests), ~160 KB;
// bytes processed are UTF-8 bytes of input.
//
// Baseline (Release, GCC 12 -O2, 2-core x86-64 VM shared with other builds at
// load 6.7–8.7, so CPU time per core is inflated by contention; median of 5):
//   BM_ExtractPlans        2.8–3.4 ms CPU   27–33 MB/s   439 findings
//   BM_ExtractSparseProse  5.8–7.0 ms CPU  143–170 MB/s  (scanner only, no anchors)
//   BM_DraftRegister       0.83–0.86 ms CPU  ~50 MB/s    (yuexiu, 90 tasks)
// After merging the grammar's keyword tables (load 6.7): Plans 2.17 ms CPU, 42 MB/s;
// SparseProse 247 MB/s; DraftRegister 67 MB/s.
// SPEC §8 characters and table cells (quiet machine, load ~3, alternating with
// the previous version): Plans 1.63 → 1.74 ms (~92 MB/s), SparseProse 1.42 →
// 1.73 ms (~600 MB/s), DraftRegister 0.50 → 0.53 ms; new: ExtractDirectories
// 0.27 ms (35 MB/s, 36 rules: a time cell is a full parse), DraftDirectories
// 0.23 ms (41 MB/s).

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "shixian/extract.hpp"

namespace {

std::string load(const char* name) {
  std::ifstream in(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/extract/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& corpus() {
  static const std::string text = load("anju-2016.txt") + load("yingkou-2016.txt") + load("yuexiu-2016.txt") +
                                  load("shi-2017-fengong.txt") + load("xian-2018-yaodian.txt");
  return text;
}

void BM_ExtractPlans(benchmark::State& state) {
  const std::string& text = corpus();
  std::size_t found = 0;
  for (auto _ : state) {
    auto x = shixian::extract_all(text);
    found = x.found.size();
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["rules"] = static_cast<double>(found);
}
BENCHMARK(BM_ExtractPlans)->Unit(benchmark::kMillisecond);

// Running text with few rules: the scanner's cost without the parser.
void BM_ExtractSparseProse(benchmark::State& state) {
  std::string text;
  const std::string para =
      "各级政府及部门要高度重视政务公开工作，把政务公开作为推进法治政府建设的重要内容，切实加强组织领导，"
      "明确分管负责同志和工作机构，配齐配强工作人员，确保各项任务落到实处。\n";
  while (text.size() < (1u << 20)) text += para;
  for (auto _ : state) {
    auto x = shixian::extract_all(text);
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExtractSparseProse)->Unit(benchmark::kMillisecond);

// The two 基本目录 tables (| and column gaps, 18 KB, dense with rules):
// cells and time columns; then --tasks over them.
const std::string& directories() {
  static const std::string text = load("xian-2021-mulu-web.txt") + load("zhen-2024-mulu-converted.txt");
  return text;
}

void BM_ExtractDirectories(benchmark::State& state) {
  std::size_t found = 0;
  for (auto _ : state) {
    auto x = shixian::extract_all(directories());
    found = x.found.size();
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * directories().size()));
  state.counters["rules"] = static_cast<double>(found);
}
BENCHMARK(BM_ExtractDirectories)->Unit(benchmark::kMillisecond);

void BM_DraftDirectories(benchmark::State& state) {
  for (auto _ : state) {
    auto tasks = shixian::extract_tasks(directories());
    benchmark::DoNotOptimize(tasks);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * directories().size()));
}
BENCHMARK(BM_DraftDirectories)->Unit(benchmark::kMillisecond);

void BM_DraftRegister(benchmark::State& state) {
  const std::string text = load("yuexiu-2016.txt");
  for (auto _ : state) {
    auto tasks = shixian::extract_tasks(text);
    benchmark::DoNotOptimize(tasks);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DraftRegister)->Unit(benchmark::kMillisecond);

}  // namespace
