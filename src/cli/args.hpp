// A small command-line parser shared by the subcommands: `--name value`,
// `--name=value` and flags, unknown options rejected with the list of known ones.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shixian/expected.hpp"

namespace shixian::cli {

struct OptionSpec {
  std::string_view name;  // "--format"
  bool takes_value;
};

struct Args {
  std::vector<std::string> positional;
  std::multimap<std::string, std::string> options;  // flags map to ""

  bool has(std::string_view name) const { return options.find(std::string(name)) != options.end(); }
  /// The last value given for an option, or `fallback`.
  std::string value(std::string_view name, std::string fallback = {}) const;
  std::vector<std::string> values(std::string_view name) const;
};

/// Error: a one-line message for stderr (the caller exits with 2).
expected<Args, std::string> parse_args(int argc, char** argv, int first, std::initializer_list<OptionSpec> specs);

/// Exit codes shared by every subcommand (the CLI contract).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitMissingContext = 3;

}  // namespace shixian::cli
