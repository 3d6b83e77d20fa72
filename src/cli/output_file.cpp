#include "cli/output_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace shixian::cli {

std::optional<std::string> write_whole(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "目录不存在：" + dir.string();
  const fs::path temp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return "无法写入 " + temp.string();
    out << content;
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temp, ec);
      return "写入 " + temp.string() + " 失败";
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return "无法写入 " + path + "：" + ec.message();
  }
  return std::nullopt;
}

}  // namespace shixian::cli
