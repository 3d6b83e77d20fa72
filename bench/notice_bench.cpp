// Notice import speed (issue 19: "import stays fast"). Two inputs: the clean
// notices of tests/data/notices/ (what import was tuned on) and the web
// reposts of tests/data/notices/web/ that import (pinyin, doubled punctuation,
// site text). Bytes processed are UTF-8 bytes of input.
//
// Issue 19, second round (special notices as amendments, month-less dates, newspaper headings, the
// local rule): the binary before and after, run alternately twice in one session (Release, GCC 12,
// 2 cores shared with other agents, load average ~3), CPU time per iteration:
//   BM_ImportCleanNotices       before 411 / 420 µs   after 410 / 420 µs   (after/before 1.00)
//   BM_ImportWebReposts         before 134 / 130 µs   after 132 / 133 µs   (0.98–1.02)
//   BM_ImportWebSet             after 846 / 820 µs (14 texts, ~26 MB/s)
//   BM_ImportYearWithAmendment  after 70 / 69 µs (the 2020 page: year + extension, ~27 MB/s)
// Before the item-head guard (grammar_def.hpp, at_item_head) the new grammar was 7–12% slower: perf
// showed an Item built and zeroed at every character where the item head was tried.
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

// The larger web set of issue 19 (one repost per year 2007–2026 that imports: junk lines, news
// forms, metadata blocks, traditional characters).
void BM_ImportWebSet(benchmark::State& state) {
  static const std::vector<std::string> texts = {
      load("web/2007-china-com-cn.txt"),      load("web/2010-forum-junk.txt"),      load("web/2011-newspaper.txt"),
      load("web/2012-traditional-no-intro.txt"), load("web/2013-forum-junk.txt"),   load("web/2014-site-note.txt"),
      load("web/2016-gov-metadata.txt"),      load("web/2017-source-line.txt"),     load("web/2018-county-repost.txt"),
      load("web/2022-beijing-metadata.txt"),  load("web/2023-traditional-big5.txt"), load("web/2024-saturday-wording.txt"),
      load("web/2025-gmw.txt"),               load("web/2026-traditional-forum.txt")};
  run(state, texts);
}
BENCHMARK(BM_ImportWebSet);

// The 2020 page with the yearly notice and its extension, imported as the year plus its amendment.
void BM_ImportYearWithAmendment(benchmark::State& state) {
  static const std::string page = load("web/2020-with-extension.txt");
  shixian::NoticeImportOptions options;
  options.published = "2020-01-27";
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto year = shixian::import_holiday_notice(page, options);
    benchmark::DoNotOptimize(year);
    bytes += page.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ImportYearWithAmendment);

}  // namespace
