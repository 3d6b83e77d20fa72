// The subcommands of the `shixian` tool. Each takes argv after its own name
// and returns the process exit code (see cli/args.hpp).
#pragma once

#include <string>
#include <vector>

#include "cli/args.hpp"
#include "shixian/calendar.hpp"
#include "shixian/evaluate.hpp"

namespace shixian::cli {

int calendar_command(int argc, char** argv, int first);
int demo_command(int argc, char** argv, int first);
int holidays_command(int argc, char** argv, int first);
int parse_command(int argc, char** argv, int first);
int explain_command(int argc, char** argv, int first);
int due_command(int argc, char** argv, int first);
int check_command(int argc, char** argv, int first);
int ics_command(int argc, char** argv, int first);
int extract_command(int argc, char** argv, int first);

/// What `due` and `explain` evaluate with: the calendar options, --policy
/// KEY=VALUE, --year and --event NAME=YYYY-MM-DD[THH:MM]. Error: a one-line message.
struct EvalSetup {
  Calendar calendar;
  Policy policy;
  Context context;
  bool has_context = false;  ///< --year or --event given
};
expected<EvalSetup, std::string> eval_setup_from_args(const Args& args);

/// The calendar the options ask for: built-in, plus `--holidays FILE` year
/// files, `--overlay FILE` regional/custom overlays (holidays/OVERLAYS.md),
/// `--strict`. Every command that uses a calendar accepts these three options
/// (list them in its parse_args spec). Error: a one-line message.
/// `overlay_names`, when given, receives each overlay's name for display.
expected<Calendar, std::string> calendar_from_args(const Args& args, std::vector<std::string>* overlay_names = nullptr);

/// The whole-year month grid a person reads (rest days 休, make-up days 班),
/// followed by the year's holiday breaks.
std::string render_year_text(const Calendar& calendar, int year);

/// `text` with full-width digits (０–９) made ASCII.
std::string ascii_digits(std::string_view text);

/// Parses a plan/calendar year argument ("2016"); error message on failure.
expected<int, std::string> parse_year_arg(std::string_view text, const Calendar& calendar);

}  // namespace shixian::cli
