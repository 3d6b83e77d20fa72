// The usage text: the program's (shixian --help) and each command's
// (shixian check --help), cut from the one text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shixian::cli {

std::string_view program_usage();

/// The usage of `command` (its lines of program_usage() and the exit codes); nullopt for an unknown command.
std::optional<std::string> command_usage(std::string_view command);

}  // namespace shixian::cli
