#include "cli/args.hpp"

namespace shixian::cli {

std::string Args::value(std::string_view name, std::string fallback) const {
  auto [first, last] = options.equal_range(std::string(name));
  if (first == last) return fallback;
  return std::prev(last)->second;
}

std::vector<std::string> Args::values(std::string_view name) const {
  std::vector<std::string> out;
  auto [first, last] = options.equal_range(std::string(name));
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

expected<Args, std::string> parse_args(int argc, char** argv, int first, std::initializer_list<OptionSpec> specs) {
  Args args;
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (options_done || arg.size() < 2 || arg[0] != '-' || (arg.size() > 1 && arg[1] >= '0' && arg[1] <= '9')) {
      args.positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string_view name = arg;
    std::string_view inline_value;
    bool has_inline = false;
    if (const auto eq = arg.find('='); eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
      has_inline = true;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (spec == nullptr) {
      std::string known;
      for (const OptionSpec& s : specs) known += (known.empty() ? "" : ", ") + std::string(s.name);
      return unexpected("未知选项 " + std::string(name) + (known.empty() ? "（此命令没有选项）" : "（可用：" + known + "）"));
    }
    if (!spec->takes_value) {
      if (has_inline) return unexpected("选项 " + std::string(name) + " 不接受值");
      args.options.emplace(std::string(name), "");
      continue;
    }
    if (has_inline) {
      args.options.emplace(std::string(name), std::string(inline_value));
    } else if (i + 1 < argc) {
      args.options.emplace(std::string(name), argv[++i]);
    } else {
      return unexpected("选项 " + std::string(name) + " 缺少值");
    }
  }
  return args;
}

}  // namespace shixian::cli
