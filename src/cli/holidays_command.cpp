// `shixian holidays import NOTICE.txt [--onto YEARFILE] [--published DATE] [-o FILE]`:
// a State Council notice → the year file (holidays/README.md); a special notice
// (延长/调整/纪念日) → the year file it amends, with its `amended` line. Nothing is written unless the notice checks
// out, and the output appears whole or not at all (temp file + rename).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/input_file.hpp"
#include "cli/output_file.hpp"
#include "common/escape.hpp"
#include "cli/snippet.hpp"
#include "shixian/notice.hpp"

namespace shixian::cli {

namespace {

constexpr std::string_view kHolidaysUsage =
    "用法：shixian holidays import NOTICE.txt [--onto YEARFILE] [--published YYYY-MM-DD] [-o FILE]\n"
    "  读取国务院办公厅节假日安排通知（原文或转载文本，简繁体均可；NOTICE 为 - 时读标准输入），\n"
    "  检查后写成年份文件（holidays/README.md 的格式）；不加 -o 时输出到标准输出。\n"
    "  专项通知（延长、调整、纪念日放假）作为所改年份的修改导入：--onto 给出被修改的年份文件\n"
    "  （文本同时含该年全年通知时不需要），--published 给出专项通知的发布日期（amended 行的日期，\n"
    "  文本有“发布日期”时可省）。\n"
    "  通知有误时报告行、列与原因，退出码 2，不写任何文件。\n";

int import_command(const Args& args) {
  if (args.positional.size() != 2) {
    std::cerr << "shixian holidays import: 需要一个通知文件\n" << kHolidaysUsage;
    return kExitUsage;
  }
  const std::string& path = args.positional[1];
  auto text = read_input(path);
  if (!text) {
    std::cerr << "shixian holidays import: " << detail::escape_for_terminal(text.error()) << "\n";
    return kExitUsage;
  }
  NoticeImportOptions options;
  options.published = args.value("--published");
  if (const std::string onto = args.value("--onto"); !onto.empty()) {
    auto file = read_input(onto);
    if (!file) {
      std::cerr << "shixian holidays import: --onto " << detail::escape_for_terminal(file.error()) << "\n";
      return kExitUsage;
    }
    auto base = parse_year_file(*file, onto);
    if (!base) {
      std::cerr << describe(base.error(), *file);
      return kExitUsage;
    }
    options.onto = std::move(*base);
  }
  auto year = import_holiday_notice(*text, options, path == "-" ? "<stdin>" : path);
  if (!year) {
    std::cerr << describe(year.error(), *text);
    return kExitUsage;
  }
  const std::string output = args.value("-o");
  std::vector<std::string> inputs = {path};
  if (args.has("--onto")) inputs.push_back(args.value("--onto"));
  if (auto err = write_whole(output, format_year_file(*year), inputs)) {
    std::cerr << "shixian holidays import: " << *err << "\n";
    return kExitUsage;
  }
  if (output.empty() || output == "-") return kExitOk;
  std::cerr << "已写入 " << output << "（" << year->year << "年，" << year->entries.size() << "项）\n";
  return kExitOk;
}

}  // namespace

int holidays_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first, {{"-o", true}, {"--output", true}, {"--onto", true}, {"--published", true}});
  if (!args) {
    std::cerr << "shixian holidays: " << args.error() << "\n";
    return kExitUsage;
  }
  if (args->has("--output")) args->options.emplace("-o", args->value("--output"));
  if (args->positional.empty() || args->positional[0] != "import") {
    std::cerr << kHolidaysUsage;
    return kExitUsage;
  }
  return import_command(*args);
}

}  // namespace shixian::cli
