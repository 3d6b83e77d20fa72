#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace shixian::cli {

namespace {

// ---- the temporary file a signal must not leave behind -------------------
// Async-signal-safe: the handler reads a fixed buffer and calls unlink(2),
// then re-raises with the default action (SA_RESETHAND).
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_registered = 0;

extern "C" void remove_temp_and_reraise(int sig) {
  if (g_temp_registered) ::unlink(g_temp_path);
  std::signal(sig, SIG_DFL);
  ::raise(sig);
}

void register_temp(const std::string& path) {
  static bool installed = false;
  g_temp_registered = 0;
  if (path.size() >= sizeof g_temp_path) return;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
  g_temp_registered = 1;
  if (installed) return;
  installed = true;
  struct sigaction action {};
  action.sa_handler = remove_temp_and_reraise;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    struct sigaction old {};
    // A signal the user's shell ignores (nohup, a background job) stays ignored.
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(sig, &action, nullptr);
  }
}

void unregister_temp() { g_temp_registered = 0; }

std::string dir_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// `path` with every symlink at its end followed (a dangling link gives the
// path it points to, which is then created). At most 40 links, as the kernel.
std::string follow_links(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) break;
    std::string link(4096, '\0');
    const ssize_t n = ::readlink(path.c_str(), link.data(), link.size());
    if (n <= 0) break;
    link.resize(static_cast<std::size_t>(n));
    path = link.starts_with("/") ? link : dir_of(path) + "/" + link;
  }
  return path;
}

bool write_all(int fd, std::string_view data, int& error) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::string failure_reason(int e) {
  switch (e) {
    case ENOSPC: return "设备上没有空间";
    case EDQUOT: return "超出磁盘配额";
    case EACCES: return "权限不够";
    case EPERM: return "不允许的操作";
    case ENOENT: return "没有那个文件或目录";
    case EISDIR: return "是一个目录";
    case EROFS: return "只读文件系统";
    case EIO: return "输入/输出错误";
    case EPIPE: return "管道已关闭";
    default: return std::strerror(e);
  }
}

std::optional<std::string> OutputFile::open(const std::string& path, const std::vector<std::string>& inputs) {
  abandon();
  shown_ = path;
  errno_ = 0;
  if (path.empty() || path == "-") {
    stdout_ = true;
    return std::nullopt;
  }
  const std::string fail = "无法写入 " + path + "：";
  target_ = follow_links(path);
  struct stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists) {
    for (const std::string& input : inputs) {
      struct stat in {};
      if (input.empty() || input == "-" || ::stat(input.c_str(), &in) != 0) continue;
      if (in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
        return "输出文件 " + path + " 就是输入文件 " + input + "；写出会毁掉输入，请换一个输出文件";
      }
    }
    if (S_ISDIR(st.st_mode)) return fail + "是一个目录";
    if (!S_ISREG(st.st_mode)) {
      // A device, FIFO or terminal: written in place; renaming over it would
      // replace the node itself (as root, /dev/full became a regular file).
      fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd_ < 0) return fail + failure_reason(errno);
      return std::nullopt;
    }
  }
  std::string temp = target_ + ".tmp.XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    if (errno == ENOENT) return "目录不存在：" + dir_of(target_);
    return fail + failure_reason(errno);
  }
  register_temp(temp);
  temp_ = std::move(temp);
  fd_ = fd;
  if (exists) {
    // Keep the file what it was: its permission bits, its owner and group
    // (fchown fails for an unprivileged user giving a file away: then the
    // owner is the user, as with any editor's save).
    if (::fchown(fd_, st.st_uid, st.st_gid) != 0) (void)::fchown(fd_, static_cast<uid_t>(-1), st.st_gid);
    ::fchmod(fd_, st.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
  }
  return std::nullopt;
}

bool OutputFile::write(std::string_view data) {
  if (errno_ != 0) return false;
  if (stdout_) {
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) errno_ = errno ? errno : EIO;
    return errno_ == 0;
  }
  if (fd_ < 0) return false;
  return write_all(fd_, data, errno_);
}

std::optional<std::string> OutputFile::commit() {
  const std::string fail = "无法写入 " + (stdout_ ? std::string("标准输出") : shown_) + "：";
  if (stdout_) {
    stdout_ = false;
    if (errno_ == 0 && std::fflush(stdout) != 0) errno_ = errno;
    if (errno_ != 0) return fail + failure_reason(errno_);
    return std::nullopt;
  }
  if (fd_ < 0) return fail + "未打开";
  if (errno_ == 0 && !temp_.empty() && ::fsync(fd_) != 0) errno_ = errno;
  if (::close(fd_) != 0 && errno_ == 0) errno_ = errno;
  fd_ = -1;
  if (errno_ == 0 && !temp_.empty() && ::rename(temp_.c_str(), target_.c_str()) != 0) errno_ = errno;
  if (errno_ != 0) {
    const int e = errno_;
    abandon();
    return fail + failure_reason(e);
  }
  unregister_temp();
  temp_.clear();
  return std::nullopt;
}

void OutputFile::abandon() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  stdout_ = false;
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    unregister_temp();
    temp_.clear();
  }
}

std::optional<std::string> write_whole(const std::string& path, std::string_view content,
                                       const std::vector<std::string>& inputs) {
  OutputFile out;
  if (auto error = out.open(path, inputs)) return error;
  out.write(content);
  return out.commit();
}

std::optional<std::string> finish_stdout() {
  std::cout.flush();
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  int e = errno;
  if (flushed && !std::ferror(stdout) && std::cout.good()) return std::nullopt;
  if (flushed) {
    // An earlier write failed and its errno is gone (stdio kept only the
    // error flag). Ask the descriptor once more for the reason: the output is
    // incomplete already, so one more byte cannot make it worse.
    if (::write(STDOUT_FILENO, "\n", 1) < 0) e = errno;
  }
  return "无法写出标准输出：" + (e != 0 ? failure_reason(e) : std::string("写入失败"));
}

}  // namespace shixian::cli
