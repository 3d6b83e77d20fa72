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

/// `shixian args...` with stdin from /dev/null; stdout and stderr captured.
inline Run run_cli(const std::vector<std::string>& args) {
  const auto dir = std::filesystem::temp_directory_path() / ("shixian-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string command = quote(SHIXIAN_CLI_PATH);
  for (const auto& a : args) command += " " + quote(a);
  command += " </dev/null >" + quote((dir / "out").string()) + " 2>" + quote((dir / "err").string());
  const int status = std::system(command.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return r;
}

}  // namespace shixian::testing_cli
