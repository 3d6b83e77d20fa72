// Notice import speed (issue 19: "import stays fast"). Two inputs: the clean
// notices of tests/data/notices/ (what import was tuned on) and the web
// reposts of tests/data/notices/web/ that import (pinyin, doubled punctuation,
// site text). Bytes processed are UTF-8 bytes of input.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shixian/notice.hpp"

namespace {

std::string load(const std::string& name) {
  std::ifstream in(std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void run(benchmark::State& state, const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      auto year = shixian::parse_holiday_notice(text);
      benchmark::DoNotOptimize(year);
      bytes += text.size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_ImportCleanNotices(benchmark::State& state) {
  static const std::vector<std::string> texts = {load("2007.txt"), load("2012.txt"), load("2016.txt"),
                                                 load("2016-traditional.txt"), load("2016-reposted.txt"),
                                                 load("2020.txt"), load("2024.txt"), load("2025.txt"),
                                                 load("2026.txt")};
  run(state, texts);
}
BENCHMARK(BM_ImportCleanNotices);

void BM_ImportWebReposts(benchmark::State& state) {
  static const std::vector<std::string> texts = {load("web/2019-footer.txt"),
                                                 load("web/2021-traditional-pinyin-doubled.txt"),
                                                 load("web/2021-pinyin-no-signature.txt")};
  run(state, texts);
}
BENCHMARK(BM_ImportWebReposts);

}  // namespace
