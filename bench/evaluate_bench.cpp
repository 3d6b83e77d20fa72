// Evaluating compiled rules (issue 4): one Evaluator per rule kind, evaluated
// against contexts whose event dates cycle through 4096 days of 2002–2025
// (fixed seed), so that the calendar lookups are not one cached line.
// Targets: ≥ 50M evaluations/s/core for a working-day offset rule, a whole
// year of 每周 ≤ 2 µs, compile ≤ 1 µs for typical rules.
//
// Measured (GCC 12 -O3, Release; 2-core VM, shared; see README "Performance"):
//   BM_Evaluate/workdays       see the report in the commit message
#include <benchmark/benchmark.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace {

using shixian::Context;
using shixian::Date;

constexpr std::size_t kContexts = 4096;  // power of two: index with a mask

// Contexts with one event named `event`, the plan year of its date.
std::vector<Context> contexts(const std::string& event, bool with_time) {
  std::mt19937 rng(42);
  const Date first = shixian::parse_iso_date("2002-01-01").value();
  const Date last = shixian::parse_iso_date("2025-06-30").value();
  std::uniform_int_distribution<int> pick(0, last - first);
  std::vector<Context> out(kContexts);
  for (Context& c : out) {
    const Date d = first + pick(rng);
    c.year(d.year());
    if (with_time) c.event(event, d, 9, 30);
    else c.event(event, d);
  }
  return out;
}

void BM_Evaluate(benchmark::State& state, const char* rule, const char* event, bool with_time) {
  const auto parsed = shixian::parse_rule(rule).value();
  const shixian::Evaluator ev = shixian::compile(parsed);
  const std::vector<Context> ctx = contexts(event, with_time);
  if (!ev.evaluate(ctx[0])) {
    state.SkipWithError("rule does not evaluate");
    return;
  }
  std::size_t i = 0, deadlines = 0;
  for (auto _ : state) {
    auto s = ev.evaluate(ctx[i++ & (kContexts - 1)]);
    deadlines += s->size();
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["deadlines"] = static_cast<double>(deadlines) / static_cast<double>(state.iterations());
}
BENCHMARK_CAPTURE(BM_Evaluate, workdays, "形成文件后3个工作日公开", "形成文件", false);
BENCHMARK_CAPTURE(BM_Evaluate, workdays_alias, "文件形成后20个工作日内", "形成文件", false);
BENCHMARK_CAPTURE(BM_Evaluate, implicit_workdays, "3个工作日内", "信息形成", false);
BENCHMARK_CAPTURE(BM_Evaluate, calendar_days, "合同签订后3日内", "合同签订", false);
BENCHMARK_CAPTURE(BM_Evaluate, hours, "突发事件发生后24小时内", "突发事件发生", true);
BENCHMARK_CAPTURE(BM_Evaluate, months, "收到文件后2个月内", "收到文件", false);
BENCHMARK_CAPTURE(BM_Evaluate, backward_workdays, "检修前2个工作日", "检修", false);
BENCHMARK_CAPTURE(BM_Evaluate, timely, "收到文件后及时发布", "收到文件", false);
BENCHMARK_CAPTURE(BM_Evaluate, named_period, "复议期届满后5个工作日", "决定送达", false);
BENCHMARK_CAPTURE(BM_Evaluate, anchor, "9月底前", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, anchor_xun_next_year, "次年1月中旬前", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, milestones, "7月底前启动，9月底前完成", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, event_date, "系统投入使用前", "系统投入使用", false);
BENCHMARK_CAPTURE(BM_Evaluate, weekly_year, "每周", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, monthly_year, "每月", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, quarterly_offset, "每季度结束后15个工作日内", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, daily_year, "每日", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, holidays, "重大节日前", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, count, "年内至少2次", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, duration, "公示期不得少于5个工作日", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, continuous, "全年", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, ongoing, "长期推进", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, unspecified, "适时", "x", false);
BENCHMARK_CAPTURE(BM_Evaluate, external, "按预算法规定时限", "x", false);

// The same, reusing one Schedule (Evaluator::evaluate_into).
void BM_EvaluateInto(benchmark::State& state, const char* rule, const char* event, bool with_time) {
  const auto parsed = shixian::parse_rule(rule).value();
  const shixian::Evaluator ev = shixian::compile(parsed);
  const std::vector<Context> ctx = contexts(event, with_time);
  shixian::Schedule out;
  std::size_t i = 0;
  for (auto _ : state) {
    auto e = ev.evaluate_into(ctx[i++ & (kContexts - 1)], out);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_EvaluateInto, workdays, "形成文件后3个工作日公开", "形成文件", false);
BENCHMARK_CAPTURE(BM_EvaluateInto, anchor, "9月底前", "x", false);
BENCHMARK_CAPTURE(BM_EvaluateInto, weekly_year, "每周", "x", false);

// The calendar operation underneath a working-day rule, for scale.
void BM_AddWorkdaysAlone(benchmark::State& state) {
  const std::vector<Context> ctx = contexts("形成文件", false);
  const auto& cal = shixian::Calendar::china();
  std::size_t i = 0;
  for (auto _ : state) {
    auto d = cal.add_workdays(ctx[i++ & (kContexts - 1)].events()[0].time.date, 3);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkdaysAlone);

void BM_Compile(benchmark::State& state, const char* rule) {
  const auto parsed = shixian::parse_rule(rule).value();
  for (auto _ : state) {
    auto ev = shixian::compile(parsed);
    benchmark::DoNotOptimize(ev);
  }
  state.SetItemsProcessed(state.iterations());
}
// Typical rules for compile: one per shape.
constexpr std::array<const char*, 5> kCompileRules = {"形成文件后3个工作日公开", "9月底前", "7月底前启动，9月底前完成",
                                                      "每季度结束后15个工作日内", "收到文件后及时发布"};
BENCHMARK_CAPTURE(BM_Compile, workdays, kCompileRules[0]);
BENCHMARK_CAPTURE(BM_Compile, anchor, kCompileRules[1]);
BENCHMARK_CAPTURE(BM_Compile, milestones, kCompileRules[2]);
BENCHMARK_CAPTURE(BM_Compile, recurrence, kCompileRules[3]);
BENCHMARK_CAPTURE(BM_Compile, timely, kCompileRules[4]);

// The target's figure (compile ≤ 1 µs for typical rules): those rules in
// turn, one compile per item.
void BM_CompileTypicalMix(benchmark::State& state) {
  std::vector<shixian::Rule> rules;
  for (const char* text : kCompileRules) rules.push_back(shixian::parse_rule(text).value());
  while (state.KeepRunningBatch(static_cast<benchmark::IterationCount>(rules.size()))) {
    for (const auto& rule : rules) {
      auto ev = shixian::compile(rule);
      benchmark::DoNotOptimize(ev);
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CompileTypicalMix);

// The one-call convenience: parse + compile + evaluate.
void BM_Due(benchmark::State& state) {
  Context ctx;
  ctx.event("形成文件", shixian::parse_iso_date("2016-09-30").value());
  for (auto _ : state) benchmark::DoNotOptimize(shixian::due("形成文件后3个工作日公开", ctx));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Due);

}  // namespace
