// `shixian due RULE [--year Y] [--event NAME=YYYY-MM-DD[THH:MM]]... [--policy KEY=VALUE]...
//                   [--overlay FILE]... [--holidays FILE]... [--strict] [--json]`
//
// The contract (issue 4; scripts and tests depend on it):
//   plain:  one line per deadline, label<TAB>yyyy-mm-dd[THH:MM], then flags as
//           further tab-separated tokens (provisional, assumed=…, count>=N, …);
//           notes on stderr prefixed 注：
//   --json: {"rule","canonical","kind","classification","deadlines":[{"label","due",
//           "period_start","period_end","provisional","assumed":[…],"type",…}],"notes":[…]}
//   exit:   0 ok; 2 parse error or bad arguments (also a refused projected year in
//           strict mode); 3 missing context. Errors on stderr, and as
//           {"error":{…}} on stdout with --json.
#include <cstring>
#include <iostream>
#include <type_traits>

#include "cli/commands.hpp"
#include "common/text.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian::cli {

namespace {

constexpr std::string_view kUsage =
    "用法：shixian due RULE [--year Y] [--event NAME=YYYY-MM-DD[THH:MM]]... [--policy KEY=VALUE]... "
    "[--overlay FILE]... [--holidays FILE]... [--strict] [--json]";

using detail::append_json_string;

struct ErrorOut {
  std::string code;
  std::string message;
  std::vector<std::string> needed;
  std::vector<std::string> expected;
  Location where;
};

int fail(const char* command, bool json, int exit_code, const ErrorOut& e, const std::string& stderr_text) {
  std::cerr << "shixian " << command << ": " << stderr_text;
  if (!stderr_text.empty() && stderr_text.back() != '\n') std::cerr << "\n";
  if (json) {
    std::string out = "{\"error\":{\"code\":";
    append_json_string(out, e.code);
    out += ",\"message\":";
    append_json_string(out, e.message);
    if (e.where.column != 0) {
      out += ",\"line\":" + std::to_string(e.where.line) + ",\"column\":" + std::to_string(e.where.column) +
             ",\"offset\":" + std::to_string(e.where.offset);
    }
    if (!e.expected.empty()) {
      out += ",\"expected\":[";
      for (std::size_t i = 0; i < e.expected.size(); ++i) (i ? out += "," : out), append_json_string(out, e.expected[i]);
      out += "]";
    }
    if (!e.needed.empty()) {
      out += ",\"needed\":[";
      for (std::size_t i = 0; i < e.needed.size(); ++i) (i ? out += "," : out), append_json_string(out, e.needed[i]);
      out += "]";
    }
    out += "}}\n";
    std::cout << out;
  }
  return exit_code;
}

int usage_error(const char* command, bool json, const std::string& message) {
  return fail(command, json, kExitUsage, {"invalid_argument", message, {}, {}, {}}, message);
}

bool wants_json(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0) return true;
    if (std::strcmp(argv[i], "--") == 0) return false;
  }
  return false;
}

std::string policy_list() {
  std::string out;
  for (const auto& [k, v] : policy_keys()) out += (out.empty() ? "" : ", ") + k + "=" + v;
  return out;
}

}  // namespace

expected<EvalSetup, std::string> eval_setup_from_args(const Args& args) {
  auto calendar = calendar_from_args(args);
  if (!calendar) return unexpected(calendar.error());
  EvalSetup setup{std::move(*calendar), {}, {}, false};
  for (const std::string& setting : args.values("--policy")) {
    const auto eq = setting.find('=');
    if (eq == std::string::npos || eq == 0) {
      return unexpected("--policy 应为 KEY=VALUE，得到“" + setting + "”（可用：" + policy_list() + "）");
    }
    auto ok = set_policy(setup.policy, std::string_view(setting).substr(0, eq), std::string_view(setting).substr(eq + 1));
    if (!ok.has_value()) return unexpected(ok.error().message);
  }
  if (args.has("--year")) {
    auto year = parse_year_arg(args.value("--year"), setup.calendar);
    if (!year) return unexpected(year.error());
    setup.context.year(*year);
    setup.has_context = true;
  }
  for (const std::string& event : args.values("--event")) {
    const auto eq = event.rfind('=');
    if (eq == std::string::npos || eq == 0) {
      return unexpected("--event 应为 NAME=YYYY-MM-DD[THH:MM]，得到“" + event + "”");
    }
    auto time = parse_event_time(std::string_view(event).substr(eq + 1));
    if (!time) return unexpected("--event " + event + "：" + time.error().message);
    setup.context.event(std::string_view(event).substr(0, eq), *time);
    setup.has_context = true;
  }
  return setup;
}

int due_command(int argc, char** argv, int first) {
  const bool json = wants_json(argc, argv, first);
  auto args = parse_args(argc, argv, first,
                         {{"--year", true}, {"--event", true}, {"--policy", true}, {"--overlay", true},
                          {"--holidays", true}, {"--strict", false}, {"--json", false}});
  if (!args) return usage_error("due", json, args.error());
  if (args->positional.size() != 1) return usage_error("due", json, std::string(kUsage));
  const std::string& text = args->positional[0];

  auto rule = parse(text);
  if (!rule) {
    const ParseError& e = rule.error();
    return fail("due", json, kExitUsage,
                {to_string(e.error.code), e.error.message, {}, e.expected, e.error.where},
                "\n" + render_error(text, e.error, e.length) + "(" + e.message_en + ")\n");
  }
  auto setup = eval_setup_from_args(*args);
  if (!setup) return usage_error("due", json, setup.error());

  const Evaluator evaluator = compile(*rule, setup->calendar, setup->policy);
  auto schedule = evaluator.evaluate(setup->context);
  if (!schedule) {
    const EvalError& e = schedule.error();
    const int code = e.error.code == ErrorCode::missing_context ? kExitMissingContext : kExitUsage;
    std::string hint;
    if (e.error.code == ErrorCode::missing_context) {
      hint = e.needed.size() == 1 && e.needed[0] == "计划年度" ? "（用 --year 给出）" : "（用 --event NAME=YYYY-MM-DD 给出）";
    }
    return fail("due", json, code, {to_string(e.error.code), e.error.message, e.needed, {}, {}}, e.error.message + hint);
  }

  if (json) {
    std::string out = "{\"rule\":";
    append_json_string(out, text);
    out += ",\"canonical\":";
    append_json_string(out, canonical(*rule));
    out += ",\"kind\":";
    append_json_string(out, to_string(rule->kind));
    out += ",\"classification\":";
    append_json_string(out, to_string(schedule->classification));
    out += ",\"deadlines\":[";
    bool first_deadline = true;
    for (const Deadline& d : *schedule) {
      out += first_deadline ? "{" : ",{";
      first_deadline = false;
      out += "\"label\":";
      append_json_string(out, d.label);
      out += ",\"due\":";
      if (d.has_due) append_json_string(out, d.due_string());
      else out += "null";
      out += ",\"period_start\":";
      if (d.has_due) append_json_string(out, to_string(d.period_start));
      else out += "null";
      out += ",\"period_end\":";
      if (d.has_due) append_json_string(out, to_string(d.period_end));
      else out += "null";
      out += ",\"provisional\":";
      out += d.provisional ? "true" : "false";
      out += ",\"assumed\":[";
      bool first_flag = true;
      for (auto a : assumption_names(d.assumed)) {
        if (!first_flag) out += ",";
        first_flag = false;
        append_json_string(out, a);
      }
      out += "],\"type\":";
      append_json_string(out, to_string(d.type));
      if (d.type == Obligation::count) out += ",\"at_least\":" + std::to_string(d.at_least);
      if (d.type == Obligation::min_duration) {
        out += ",\"min_days\":" + std::to_string(d.min_days) +
               ",\"min_working_days\":" + std::to_string(d.min_working_days);
      }
      out += ",\"item\":" + std::to_string(d.item) + "}";
    }
    out += "],\"notes\":[";
    bool first_note = true;
    for (const std::string& n : schedule->readings) {
      if (!first_note) out += ",";
      first_note = false;
      append_json_string(out, n);
    }
    for (const std::string& n : schedule->notes) {
      if (!first_note) out += ",";
      first_note = false;
      append_json_string(out, n);
    }
    out += "]}\n";
    std::cout << out;
    return kExitOk;
  }

  std::string out;
  for (const Deadline& d : *schedule) {
    out += std::string(d.label) + "\t" + (d.has_due ? d.due_string() : std::string("-"));
    switch (d.type) {
      case Obligation::by: break;
      case Obligation::count:
        out += "\tcount>=" + std::to_string(d.at_least) + "\tperiod=" + to_string(d.period_start) + "/" +
               to_string(d.period_end);
        break;
      case Obligation::min_duration:
        if (d.min_days) out += "\tmin_days=" + std::to_string(d.min_days);
        if (d.min_working_days) out += "\tmin_working_days=" + std::to_string(d.min_working_days);
        break;
      case Obligation::continuous:
        out += "\tcontinuous\tperiod=" + to_string(d.period_start) + "/" + to_string(d.period_end);
        break;
    }
    if (d.provisional) out += "\tprovisional";
    const auto assumed = assumption_names(d.assumed);
    if (!assumed.empty()) {
      out += "\tassumed=";
      for (std::size_t i = 0; i < assumed.size(); ++i) (i ? out += "," : out) += assumed[i];
    }
    out += "\n";
  }
  std::cout << out;
  if (schedule->empty()) {
    std::cerr << "注：无可检查的期限（" << to_string(rule->kind) << "，" << to_string(schedule->classification) << "）\n";
  }
  for (const auto& n : schedule->readings) std::cerr << "注：" << n << "\n";
  for (const auto& n : schedule->notes) std::cerr << "注：" << n << "\n";
  return kExitOk;
}

}  // namespace shixian::cli
