// `shixian`: a thin command-line front end over the library.
#include <cstring>
#include <iostream>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/output_file.hpp"

namespace {

using namespace shixian::cli;

// `shixian COMMAND … --help` (or -h, before any `--`): that command's usage on stdout.
bool wants_help(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return false;
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
  }
  return false;
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << program_usage();
    return kExitUsage;
  }
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << program_usage();
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "shixian 0.1.0\n";
    return kExitOk;
  }
  if (wants_help(argc, argv)) {
    if (auto usage = command_usage(command)) {
      std::cout << *usage;
      return kExitOk;
    }
  }
  if (command == "calendar") return calendar_command(argc, argv, 2);
  if (command == "demo") return demo_command(argc, argv, 2);
  if (command == "holidays") return holidays_command(argc, argv, 2);
  if (command == "parse") return parse_command(argc, argv, 2);
  if (command == "explain") return explain_command(argc, argv, 2);
  if (command == "due") return due_command(argc, argv, 2);
  if (command == "check") return check_command(argc, argv, 2);
  if (command == "ics") return ics_command(argc, argv, 2);
  if (command == "extract") return extract_command(argc, argv, 2);
  std::cerr << "shixian: 未知命令“" << command
            << "”（可用：demo, calendar, holidays, parse, explain, due, check, ics, extract；见 shixian --help）\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  const int code = run(argc, argv);
  // Output that did not arrive is a failure, whatever the command thought
  // (`shixian calendar 2016 > /dev/full` must not exit 0).
  if (auto error = finish_stdout()) {
    std::cerr << "shixian: " << *error << "\n";
    return code == kExitOk || code == kExitFindings || code == kExitMissingContext ? kExitUsage : code;
  }
  return code;
}
