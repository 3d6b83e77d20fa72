#include "cli/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <iterator>

#include "cli/output_file.hpp"

namespace shixian::cli {

namespace {

std::string shown(const std::string& path) { return path == "-" ? std::string("<stdin>") : path; }

std::string wide_message(const std::string& path, const std::string& bom) {
  return shown(path) + "：文件是" + bom + "编码（以字节顺序标记BOM开头），不是UTF-8或GB18030；请另存为UTF-8";
}

// The reason `path` cannot be read as a file, or "" when it can be tried.
std::string not_a_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "无法读取文件 " + path + "：" + failure_reason(errno);
  if (S_ISDIR(st.st_mode)) return path + "：是目录，不是文件";
  return {};
}

}  // namespace

std::string wide_bom(std::string_view head) {
  if (head.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (head.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (head.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (head.starts_with("\xFE\xFF")) return "UTF-16BE";
  return {};
}

expected<std::string, std::string> read_input(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    if (std::string why = not_a_file(path); !why.empty()) return unexpected(std::move(why));
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return unexpected("无法读取文件 " + path + "：" + failure_reason(errno));
    char buf[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int e = errno;
        ::close(fd);
        return unexpected("无法读取文件 " + path + "：" + failure_reason(e));
      }
      if (n == 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
  }
  if (const std::string bom = wide_bom(text); !bom.empty()) return unexpected(wide_message(path, bom));
  return text;
}

std::optional<std::string> check_input(const std::string& path) {
  if (path == "-") return std::nullopt;
  if (std::string why = not_a_file(path); !why.empty()) return why;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;  // a FIFO: not peeked at
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "无法读取文件 " + path + "：" + failure_reason(errno);
  char head[4];
  const ssize_t n = ::read(fd, head, sizeof head);
  ::close(fd);
  if (n > 0) {
    if (const std::string bom = wide_bom(std::string_view(head, static_cast<std::size_t>(n))); !bom.empty()) {
      return wide_message(path, bom);
    }
  }
  return std::nullopt;
}

std::string library_path(const std::string& path) { return path == "-" ? std::string("/dev/stdin") : path; }

}  // namespace shixian::cli
