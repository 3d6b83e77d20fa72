// Runs the built `shixian` binary for CLI contract tests.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace shixian::testing_cli {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// `shixian <shell_args>`: the arguments are shell text (quoting and a `< file`
/// redirection are the caller's); stdin is /dev/null unless redirected.
inline Run run_cli_shell(const std::string& shell_args) {
  const auto dir = std::filesystem::temp_directory_path() / ("shixian-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // </dev/null first: a `< file` in shell_args, coming later, overrides it.
  const std::string command = quote(SHIXIAN_CLI_PATH) + " </dev/null " + shell_args + " >" +
                              quote((dir / "out").string()) + " 2>" + quote((dir / "err").string());
  const int status = std::system(command.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return r;
}

/// `shixian args...`, each argument quoted; stdin from /dev/null.
inline Run run_cli(const std::vector<std::string>& args) {
  std::string shell_args;
  for (const auto& a : args) shell_args += " " + quote(a);
  return run_cli_shell(shell_args);
}

}  // namespace shixian::testing_cli
