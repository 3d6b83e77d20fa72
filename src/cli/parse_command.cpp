// `shixian parse RULE [--json]` and `shixian explain RULE`.
#include <iostream>

#include "cli/commands.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian::cli {

namespace {

int report(const std::string& rule_text, const ParseError& e, const char* command) {
  std::cerr << "shixian " << command << ":\n"
            << render_error(rule_text, e.error, e.length) << "(" << e.message_en << ")\n";
  return kExitUsage;
}

}  // namespace

int parse_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first, {{"--json", false}});
  if (!args || args->positional.size() != 1) {
    std::cerr << "shixian parse: " << (args ? "用法：shixian parse RULE [--json]" : args.error()) << "\n";
    return kExitUsage;
  }
  const std::string& text = args->positional[0];
  auto rule = parse(text);
  if (!rule) return report(text, rule.error(), "parse");
  if (args->has("--json")) {
    std::cout << to_json(*rule) << "\n";
  } else {
    std::cout << canonical(*rule) << "\n" << to_json(*rule) << "\n";
  }
  return kExitOk;
}

int explain_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first,
                         {{"--year", true}, {"--event", true}, {"--policy", true}, {"--overlay", true},
                          {"--holidays", true}, {"--strict", false}});
  if (!args || args->positional.size() != 1) {
    std::cerr << "shixian explain: "
              << (args ? "用法：shixian explain RULE [--year Y] [--event NAME=DATE]... [--policy KEY=VALUE]..."
                       : args.error())
              << "\n";
    return kExitUsage;
  }
  const std::string& text = args->positional[0];
  auto rule = parse(text);
  if (!rule) return report(text, rule.error(), "explain");
  // Bad options (a date that does not exist, an unknown policy) fail before
  // anything is printed: exit 2 never comes with half an explanation.
  auto setup = eval_setup_from_args(*args);
  if (!setup) {
    std::cerr << "shixian explain: " << setup.error() << "\n";
    return kExitUsage;
  }
  // Exit codes as `due`'s: 2 when the deadline cannot be computed from what
  // was given (a strict refusal, outside the calendar) — then nothing on
  // stdout; 3 when context is missing — then the explanation still shows the
  // reading, and stderr says what to give.
  const Evaluator evaluator = compile(*rule, setup->calendar, setup->policy);
  const auto schedule = evaluator.evaluate(setup->context);
  if (!schedule && schedule.error().error.code != ErrorCode::missing_context) {
    std::cerr << "shixian explain: " << schedule.error().error.message << "\n";
    return kExitUsage;
  }
  std::cout << "规范形式：" << canonical(*rule) << "\n类型：" << to_string(rule->kind) << "\n";
  const auto lines = describe(*rule);
  for (std::size_t i = 0; i < rule->items.size(); ++i) {
    std::cout << "  " << i + 1 << ". " << canonical(Rule{rule->kind, {rule->items[i]}}) << "\n     " << lines[i]
              << "\n";
  }
  const auto notes = policy_notes(*rule);
  if (!notes.empty()) {
    std::cout << "说明：\n";
    for (const auto& n : notes) std::cout << "  - " << n << "\n";
  }
  // The computation, step by step (issue 4), with whatever context was given.
  std::cout << "计算：\n" << evaluator.explain(setup->context);
  if (!schedule) {
    const EvalError& e = schedule.error();
    const bool year = e.needed.size() == 1 && e.needed[0] == "计划年度";
    std::cerr << "shixian explain: " << e.error.message
              << (year ? "（用 --year 给出）" : "（用 --event NAME=YYYY-MM-DD 给出）") << "\n";
    return kExitMissingContext;
  }
  return kExitOk;
}

}  // namespace shixian::cli
