// `shixian demo`: the quick-start job. Prints the 2016 working-day calendar
// and works SPEC §2's example (形成文件后3个工作日) step by step.
#include <absl/strings/str_format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "common/escape.hpp"

namespace shixian::cli {

namespace {

std::string describe(const DayInfo& day) {
  std::string kind(chinese_name(day.kind));
  if (!day.festival.empty()) kind = std::string(day.festival) + "，" + kind;
  return absl::StrFormat("%s（%s，%s）", to_string(day.date), weekday_name(day.date), kind);
}

// 形成文件 on `trigger`; due the n-th working day strictly after it.
std::string worked_example(const Calendar& calendar, Date trigger, int n) {
  std::string out = absl::StrFormat("规则：形成文件后%d个工作日内公开　形成文件：%s\n", n,
                                    describe(calendar.day(trigger).value()));
  out += "  起算日不计入（民法典第201条），从次日起数工作日：\n";
  int counted = 0;
  for (Date d = trigger + 1; counted < n; d += 1) {
    const DayInfo day = calendar.day(d).value();
    if (day.workday) {
      ++counted;
      out += absl::StrFormat("    %s　第%d个工作日\n", describe(day), counted);
    } else {
      out += absl::StrFormat("    %s　休息日，不计\n", describe(day));
    }
  }
  const Date due = calendar.add_workdays(trigger, n).value();
  out += absl::StrFormat("  期限：%s（%s）当日结束前\n", to_string(due), weekday_name(due));
  return out;
}

}  // namespace

int demo_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first, {});
  if (!args) {
    std::cerr << "shixian demo: " << args.error() << "\n";
    return kExitUsage;
  }
  if (!args->positional.empty()) {
    std::cerr << "shixian demo: 不接受参数（得到“" << detail::escape_for_terminal(args->positional[0])
              << "”）；用法：shixian demo\n";
    return kExitUsage;
  }
  const Calendar& calendar = Calendar::china();
  std::cout << render_year_text(calendar, 2016) << "\n";
  using namespace std::chrono;
  std::cout << worked_example(calendar, Date{2016y / September / 30d}, 3) << "\n";
  std::cout << worked_example(calendar, Date{2016y / February / 5d}, 3);
  return kExitOk;
}

}  // namespace shixian::cli
