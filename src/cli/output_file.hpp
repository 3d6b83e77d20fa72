// The one output layer of the CLI (every -o, and stdout): a file appears whole
// or not at all, and what is there already is respected.
//   - A regular file is replaced atomically: a temporary `TARGET.tmp.XXXXXX`
//     beside it, renamed over it after the last byte; it keeps the old file's
//     mode (and owner, where allowed). A new file gets 0666 & ~umask.
//   - A symlink is followed: its target is replaced, the link stays.
//   - Anything else that exists (device, FIFO, /dev/stdout, a terminal) is
//     written directly, never replaced.
//   - "" or "-" is stdout.
//   - -o naming one of the command's inputs (the same file, by st_dev/st_ino,
//     whatever the name) is refused before anything is written.
//   - SIGINT/SIGTERM/SIGHUP/SIGQUIT remove the temporary file, then the
//     signal does what it does by default.
// Messages name the path the user gave and the reason (设备上没有空间), never
// the temporary's name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shixian::cli {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() { abandon(); }

  /// nullopt when open; else a one-line message (nothing at `path` changed).
  /// `inputs`: the paths the command reads ("-" and "" are skipped).
  std::optional<std::string> open(const std::string& path, const std::vector<std::string>& inputs = {});
  /// Appends; false once any write failed (the reason is kept for commit()).
  bool write(std::string_view data);
  /// Makes the output final (rename, or flush). nullopt on success; else the
  /// message, and nothing at the path changed (for a replaced file).
  std::optional<std::string> commit();
  /// Drops a half-written output: the temporary file is removed.
  void abandon();

 private:
  std::string shown_;   // the path as the user gave it
  std::string target_;  // what is replaced: the path with symlinks followed
  std::string temp_;    // the temporary beside target_, or "" when written directly
  int fd_ = -1;         // -1 and !stdout_: not open
  bool stdout_ = false;
  int errno_ = 0;       // the first write failure
};

/// `content` to `path` through OutputFile. nullopt on success, else the message.
std::optional<std::string> write_whole(const std::string& path, std::string_view content,
                                       const std::vector<std::string>& inputs = {});

/// Why a system call failed, in words a user reads (ENOSPC: 设备上没有空间).
std::string failure_reason(int error_number);

/// Exit-time check of stdout: flushes it; nullopt when everything written to
/// it arrived, else the message (say /dev/full: 设备上没有空间).
std::optional<std::string> finish_stdout();

}  // namespace shixian::cli
