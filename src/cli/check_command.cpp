// `shixian check TASKS --publications LOG [--as-of D] [--year Y] [--format text|csv|jsonl] [-o FILE]`
// `shixian ics TASKS [--publications LOG] [--from D] [--to D] [-o FILE]`
//
// The contract (issue 6; scripts and tests depend on it):
//   check: text = the report a person reads; csv / jsonl = one row per
//          deadline (shixian/check.hpp: csv_header(), append_jsonl()). One
//          summary line on stderr, then the input problems (bad rows, unknown
//          task ids) as file:line:column: message.
//   exit:  0 nothing late, missing, too short or short of count; 1 something
//          is; 2 unusable input (a file that cannot be read, bad encoding,
//          no header, bad arguments, or no usable task row at all).
//   -o FILE is written whole or not at all (cli/output_file.hpp: the one
//          output layer; -o naming an input is refused).
//   A progress bar goes to stderr only when stderr is a terminal and the
//   register is large; never otherwise.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/input_file.hpp"
#include "cli/output_file.hpp"
#include "common/escape.hpp"
#include "common/text.hpp"
#include "shixian/check.hpp"

namespace shixian::cli {

namespace {

constexpr std::string_view kCheckUsage =
    "用法：shixian check TASKS --publications LOG [--as-of YYYY-MM-DD] [--year Y] [--format text|csv|jsonl] "
    "[-o FILE] [--encoding utf-8|gb18030] [--publications-encoding utf-8|gb18030] [--policy KEY=VALUE]... "
    "[--holidays FILE]... [--overlay FILE]... [--strict]";
constexpr std::string_view kIcsUsage =
    "用法：shixian ics TASKS [--publications LOG] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--as-of YYYY-MM-DD] "
    "[--year Y] [--remind DAYS] [-o FILE] [--encoding …] [--publications-encoding …] [--policy KEY=VALUE]... "
    "[--holidays FILE]... [--overlay FILE]... [--strict]";

// "[##########..........]  52%  512000 项" on a terminal, redrawn at most 10 times a second.
class Progress {
 public:
  explicit Progress(std::uint64_t total) : total_(total), enabled_(isatty(STDERR_FILENO) == 1 && total > (4u << 20)) {
    start_ = std::chrono::steady_clock::now();
  }
  void update(std::uint64_t done_bytes, std::uint64_t tasks) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::milliseconds(500) || now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const unsigned pct = static_cast<unsigned>(std::min<std::uint64_t>(100, done_bytes * 100 / total_));
    std::string bar(pct / 5, '#');
    bar.resize(20, '.');
    std::fprintf(stderr, "\r检查中 [%s] %3u%%  %llu 项", bar.c_str(), pct, static_cast<unsigned long long>(tasks));
    std::fflush(stderr);
    drawn_ = true;
  }
  void done() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }

 private:
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

Date today_utc8() {
  using namespace std::chrono;
  return Date{floor<days>(system_clock::now() + hours{8})};
}

int usage(const char* command, const std::string& message) {
  std::cerr << "shixian " << command << ": " << message << "\n";
  return kExitUsage;
}

struct Common {
  EvalSetup setup;
  CheckOptions options;
  ReadOptions tasks_read, publications_read;
};

// The options both commands share. Error: the message (exit 2).
expected<Common, std::string> common_from_args(const Args& args) {
  auto setup = eval_setup_from_args(args);
  if (!setup) return unexpected(setup.error());
  Common c{std::move(*setup), {}, {}, {}};
  if (args.has("--as-of")) {
    auto d = parse_iso_date(args.value("--as-of"));
    if (!d) return unexpected("--as-of " + args.value("--as-of") + "：" + d.error().message);
    c.options.as_of = *d;
  } else {
    c.options.as_of = today_utc8();
  }
  c.options.year = c.setup.context.plan_year;
  c.options.policy = c.setup.policy;
  for (auto [name, target] : {std::pair{"--encoding", &c.tasks_read}, std::pair{"--publications-encoding", &c.publications_read}}) {
    if (!args.has(name)) continue;
    auto e = parse_encoding(args.value(name));
    if (!e) return unexpected(std::string(name) + "：" + e.error().message);
    target->encoding = *e;
  }
  return c;
}

// The reader's hint names --encoding, the option for the register; for the
// publication log the option is --publications-encoding.
std::string hint_for(std::string message, bool publications) {
  static constexpr std::string_view kHint = "--encoding gb18030";
  if (const auto at = message.find(kHint); publications && at != std::string::npos) {
    message.replace(at, kHint.size(), "--publications-encoding gb18030");
  }
  return message;
}

// Everything printed from the files goes through escape_for_terminal: a cell
// holding ESC ] 0 ; … must not retitle the user's terminal.
std::string describe(const Error& e, const std::string& log_path = {}) {
  std::string out = e.source;
  if (e.where.line) out += ":" + std::to_string(e.where.line);
  if (e.where.line && e.where.column) out += ":" + std::to_string(e.where.column);
  const bool publications = !log_path.empty() && e.source == library_path(log_path);
  return detail::escape_for_terminal((out.empty() ? "" : out + ": ") + hint_for(e.message, publications));
}

void print_problems(const Report& report) {
  constexpr std::size_t kShown = 20;
  const auto& problems = report.problems;
  for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) {
    std::cerr << "  " << detail::escape_for_terminal(problems[i].to_string()) << "\n";
  }
  const std::uint64_t total = std::max<std::uint64_t>(report.problems_total, problems.size());
  if (total > kShown) std::cerr << "  …另有 " << total - kShown << " 处输入问题\n";
}

// Every file the command reads: -o must not name one of them.
std::vector<std::string> input_paths(const Args& args, std::initializer_list<std::string> files) {
  std::vector<std::string> out(files);
  for (const auto* option : {"--holidays", "--overlay"}) {
    for (const std::string& p : args.values(option)) out.push_back(p);
  }
  return out;
}

// Reads the log into an index; error message for unusable input.
expected<bool, std::string> load_publications(const std::string& path, const ReadOptions& read, PublicationIndex& index,
                                              Report& report) {
  if (auto bad = check_input(path)) return unexpected(detail::escape_for_terminal(*bad));
  auto reader = PublicationReader::open(library_path(path), read);
  if (!reader) return unexpected(describe(reader.error(), path));
  PublicationRecord p;
  while (reader->next(p, report.problems)) index.add(p), ++report.publications, report.trim_problems();
  report.trim_problems();
  index.finish();
  return true;
}

const std::initializer_list<OptionSpec> kCheckOptions = {
    {"--publications", true}, {"--as-of", true},    {"--year", true},     {"--format", true},
    {"-o", true},             {"--output", true},   {"--encoding", true}, {"--publications-encoding", true},
    {"--policy", true},       {"--holidays", true}, {"--overlay", true},  {"--strict", false}};

}  // namespace

int check_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first, kCheckOptions);
  if (!args) return usage("check", args.error());
  if (args->positional.size() != 1 || !args->has("--publications")) return usage("check", std::string(kCheckUsage));
  const std::string format = args->value("--format", "text");
  if (format != "text" && format != "csv" && format != "jsonl") {
    return usage("check", "--format 应为 text、csv 或 jsonl，得到“" + format + "”");
  }
  auto common = common_from_args(*args);
  if (!common) return usage("check", common.error());
  common->options.calendar = &common->setup.calendar;
  const std::string tasks_path = args->positional[0];
  const std::string log_path = args->value("--publications");

  for (const std::string* input : {&tasks_path, &log_path}) {
    if (auto bad = check_input(*input)) return usage("check", detail::escape_for_terminal(*bad));
  }
  // Open the output first: an unwritable -o fails before the work, and never leaves a file.
  OutputFile output;
  if (auto error = output.open(args->value("-o", args->value("--output")), input_paths(*args, {tasks_path, log_path}))) {
    return usage("check", *error);
  }
  std::string buffer;
  const bool rows = format != "text";
  if (format == "csv") buffer = csv_header();
  // The text report needs no rows, and without a per-row sink check_files
  // may check the register in two halves at once.
  Checker::Sink sink;
  if (rows) {
    sink = [&](const Finding& f) {
      if (format == "csv") append_csv(buffer, f);
      else append_jsonl(buffer, f);
      if (buffer.size() >= (1 << 16)) output.write(buffer), buffer.clear();
    };
  }
  std::optional<Progress> progress;
  auto result = check_files(library_path(tasks_path), library_path(log_path), common->options, sink, common->tasks_read, common->publications_read,
                            [&](std::uint64_t done, std::uint64_t total, std::uint64_t tasks) {
                              if (!progress) progress.emplace(total);
                              progress->update(done, tasks);
                            });
  if (progress) progress->done();
  if (!result) {
    output.abandon();
    return usage("check", describe(result.error(), log_path));
  }
  Report& report = *result;
  if (report.tasks == 0 && !report.problems.empty()) {
    output.abandon();
    std::cerr << "shixian check: " << detail::escape_for_terminal(tasks_path) << "：没有可用的任务行\n";
    print_problems(report);
    return kExitUsage;
  }
  const std::uint64_t invalid = report.counts[static_cast<std::size_t>(Verdict::invalid_rule)];
  if (invalid > 0 && invalid == report.deadlines()) {  // nothing at all was checked: unusable input
    output.abandon();
    std::cerr << "shixian check: " << detail::escape_for_terminal(tasks_path) << "：" << report.summary_line() << "\n";
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < report.unresolved.size() && i < kShown; ++i) {
      const auto& item = report.unresolved[i];
      std::cerr << "  "
                << detail::escape_for_terminal(tasks_path + ":" + std::to_string(item.line) + ": 任务" + item.task_id +
                                               " 规则“" + detail::clip(item.rule, 40) + "”：" + item.message)
                << "\n";
    }
    if (invalid > kShown) std::cerr << "  …另有 " << invalid - kShown << " 条规则无法解析\n";
    print_problems(report);
    return kExitUsage;
  }
  // The report a person reads shows the titles from the files: escaped, as on stderr.
  if (!rows) buffer = detail::escape_for_terminal(render_text(report), "\n\t");
  output.write(buffer);
  if (auto error = output.commit()) return usage("check", *error);
  std::cerr << report.summary_line() << "\n";
  print_problems(report);
  return report.failures() > 0 ? kExitFindings : kExitOk;
}

int ics_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first,
                         {{"--publications", true}, {"--from", true}, {"--to", true}, {"--as-of", true},
                          {"--year", true}, {"--remind", true}, {"-o", true}, {"--output", true},
                          {"--encoding", true}, {"--publications-encoding", true}, {"--policy", true},
                          {"--holidays", true}, {"--overlay", true}, {"--strict", false}});
  if (!args) return usage("ics", args.error());
  if (args->positional.size() != 1) return usage("ics", std::string(kIcsUsage));
  auto common = common_from_args(*args);
  if (!common) return usage("ics", common.error());
  common->options.calendar = &common->setup.calendar;
  IcsOptions ics;
  ics.stamp = today_utc8();
  ics.from = common->options.as_of;
  if (args->has("--from")) {
    auto d = parse_iso_date(args->value("--from"));
    if (!d) return usage("ics", "--from " + args->value("--from") + "：" + d.error().message);
    // --from only narrows the window: verdicts are as of --as-of (today by
    // default, as in check), so a deadline met before --from is not exported.
    ics.from = *d;
  }
  ics.to = ics.from + 365;
  if (args->has("--to")) {
    auto d = parse_iso_date(args->value("--to"));
    if (!d) return usage("ics", "--to " + args->value("--to") + "：" + d.error().message);
    ics.to = *d;
  }
  if (ics.to < ics.from) return usage("ics", "--to 早于 --from");
  // A window outside the calendar has no deadline to export: say so rather than write an empty calendar.
  const Calendar& calendar = common->setup.calendar;
  const auto outside = [&](Date d) { return d < calendar.first_day() || d > calendar.last_day(); };
  const auto out_of_range = [&](const char* name, Date d) {
    return usage("ics", std::string(name) + " " + to_string(d) + " 超出日历范围（" + to_string(calendar.first_day()) +
                            " 至 " + to_string(calendar.last_day()) + "）");
  };
  if (outside(ics.from)) return out_of_range("--from", ics.from);
  if (args->has("--to") && outside(ics.to)) return out_of_range("--to", ics.to);
  if (args->has("--remind")) {
    const std::string r = args->value("--remind");
    if (r.empty() || r.size() > 3 || r.find_first_not_of("0123456789") != std::string::npos) {
      return usage("ics", "--remind 应为提前提醒的天数（0–999），得到“" + r + "”");
    }
    ics.remind_days = std::stoi(r);
  }
  Report report;
  PublicationIndex index;
  if (args->has("--publications")) {
    if (auto ok = load_publications(args->value("--publications"), common->publications_read, index, report); !ok.has_value()) {
      return usage("ics", ok.error());
    }
  } else {
    index.finish();
  }
  if (auto bad = check_input(args->positional[0])) return usage("ics", detail::escape_for_terminal(*bad));
  auto tasks = TaskReader::open(library_path(args->positional[0]), common->tasks_read);
  if (!tasks) return usage("ics", describe(tasks.error()));
  IcsWriter writer(ics);
  Checker checker(common->options, index);
  const Checker::Sink sink = [&](const Finding& f) { writer.add(f); };
  TaskRecord task;
  std::uint64_t count = 0;
  while (tasks->next(task, report.problems)) checker.check(task, sink), ++count, report.trim_problems();
  if (count == 0 && !report.problems.empty()) {
    std::cerr << "shixian ics: " << detail::escape_for_terminal(args->positional[0]) << "：没有可用的任务行\n";
    print_problems(report);
    return kExitUsage;
  }
  std::vector<std::string> inputs = input_paths(*args, {args->positional[0]});
  if (args->has("--publications")) inputs.push_back(args->value("--publications"));
  OutputFile output;
  if (auto error = output.open(args->value("-o", args->value("--output")), inputs)) return usage("ics", *error);
  output.write(writer.render());
  if (auto error = output.commit()) return usage("ics", *error);
  std::cerr << "导出 " << writer.size() << " 个期限（" << to_string(ics.from) << " 至 " << to_string(ics.to) << "）\n";
  print_problems(report);
  return kExitOk;
}

}  // namespace shixian::cli
