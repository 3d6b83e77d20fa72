// The CLI's one output layer (issue 15, src/cli/output_file.hpp), through the
// built binary: what is at -o already is respected (a symlink followed, a
// FIFO or device written in place, a file's mode and owner kept), a signal
// leaves no temporary behind, and output that cannot be written — to -o or
// to stdout — is exit 2 with the reason, for every command.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.hpp"

namespace shixian {
namespace {

namespace fs = std::filesystem;
using testing_cli::quote;
using testing_cli::run_cli_shell;
using testing_cli::slurp;

const std::string kDoc = "名单形成文件后3个工作日公开\n";
const std::string kTasks = "id,title,lead,rule,year,events\nT1,名单,区工商局,形成文件后3个工作日公开,2016,形成文件=2016-09-30\n";
const std::string kPublications = "task_id,published\nT1,2016-10-09\n";
const std::string kNotice = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/notices/2016.txt";

class CliOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shixian-output-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write("d.txt", kDoc);
    write("t.csv", kTasks);
    write("p.csv", kPublications);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& content) { std::ofstream(dir_ / name, std::ios::binary) << content; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::size_t temporaries() const {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir_)) n += e.path().filename().string().find(".tmp.") != std::string::npos;
    return n;
  }
  fs::path dir_;
};

TEST_F(CliOutput, SymlinkIsFollowedAndItsTargetReplaced) {
  write("target.txt", "old\n");
  fs::create_symlink("target.txt", dir_ / "link.txt");
  const auto r = run_cli_shell(" extract " + quote(path("d.txt")) + " -o " + quote(path("link.txt")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt")) << "the link itself was replaced";
  EXPECT_NE(slurp(dir_ / "target.txt").find("找到时限规则 1 条"), std::string::npos) << "the target was not written";
  EXPECT_EQ(temporaries(), 0u);
}

TEST_F(CliOutput, FifoIsWrittenInPlace) {
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  // A reader on the FIFO (bounded: a FIFO replaced by a file would leave it waiting).
  const std::string command = "(timeout 10 cat " + quote(path("fifo")) + " > " + quote(path("got")) + " &) ; " +
                              quote(SHIXIAN_CLI_PATH) + " extract " + quote(path("d.txt")) + " -o " + quote(path("fifo")) +
                              " 2>/dev/null; rc=$?; sleep 0.3; exit $rc";
  ASSERT_EQ(std::system(command.c_str()), 0);
  struct stat st {};
  ASSERT_EQ(::lstat(path("fifo").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced by a file";
  EXPECT_NE(slurp(dir_ / "got").find("找到时限规则 1 条"), std::string::npos) << "the FIFO's reader got nothing";
}

TEST_F(CliOutput, ExistingFileKeepsItsModeAndOwner) {
  write("out.csv", "old\n");
  ASSERT_EQ(::chmod(path("out.csv").c_str(), 0600), 0);
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown(path("out.csv").c_str(), 65534, 65534), 0);
  }
  const auto r = run_cli_shell(" check " + quote(path("t.csv")) + " --publications " + quote(path("p.csv")) +
                               " --as-of 2016-12-31 --format csv -o " + quote(path("out.csv")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(path("out.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  if (root) {
    EXPECT_EQ(st.st_uid, 65534u);
    EXPECT_EQ(st.st_gid, 65534u);
  }
  EXPECT_NE(slurp(dir_ / "out.csv").find("T1,"), std::string::npos);
}

TEST_F(CliOutput, NewFileFollowsTheUmask) {
  const std::string command = "umask 027; " + quote(SHIXIAN_CLI_PATH) + " extract " + quote(path("d.txt")) + " -o " +
                              quote(path("masked.txt")) + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  struct stat st {};
  ASSERT_EQ(::stat(path("masked.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST_F(CliOutput, DeviceIsWrittenNeverReplaced) {
  const auto r = run_cli_shell(" extract " + quote(path("d.txt")) + " -o /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("无法写入 /dev/full：设备上没有空间"), std::string::npos) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full is no longer a device";
  const auto null = run_cli_shell(" extract " + quote(path("d.txt")) + " -o /dev/null");
  EXPECT_EQ(null.exit_code, 0) << null.err;
  ASSERT_EQ(::lstat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(CliOutput, SigtermRemovesTheTemporaryFile) {
  // The publication log is a FIFO nobody writes: check opens -o first (its
  // temporary appears), then waits on the log until the signal comes.
  ASSERT_EQ(::mkfifo(path("log.csv").c_str(), 0600), 0);
  const std::string command = "cd " + quote(dir_.string()) + " && " + quote(SHIXIAN_CLI_PATH) +
                              " check t.csv --publications log.csv --as-of 2016-12-31 -o out.csv 2>err & pid=$!; "
                              "for i in $(seq 100); do ls " + quote(dir_.string()) + "/out.csv.tmp.* >/dev/null 2>&1 && break; sleep 0.05; done; "
                              "ls " + quote(dir_.string()) + " > " + quote(path("before")) + "; kill -TERM $pid; wait $pid; echo $? > " +
                              quote(path("rc"));
  std::system(command.c_str());
  EXPECT_NE(slurp(dir_ / "before").find("out.csv.tmp."), std::string::npos) << "no temporary appeared: the test saw nothing";
  EXPECT_EQ(slurp(dir_ / "rc"), "143\n") << "not ended by SIGTERM";
  EXPECT_EQ(temporaries(), 0u) << "SIGTERM left the temporary file";
  EXPECT_FALSE(fs::exists(dir_ / "out.csv"));
}

// Ctrl-C (issue 15): SIGINT really delivered. The test above uses SIGTERM
// because a shell's background job starts with SIGINT ignored (and the CLI
// keeps an ignored signal ignored); here check runs as a child in its own
// process group with SIGINT at its default action and unblocked, as a
// foreground job is, and the signal goes to the whole group, as a terminal
// sends it.
TEST_F(CliOutput, SigintToTheProcessGroupRemovesTheTemporaryFile) {
  ASSERT_EQ(::mkfifo(path("log.csv").c_str(), 0600), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setpgid(0, 0);
    std::signal(SIGINT, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    if (::chdir(dir_.c_str()) != 0) ::_exit(126);
    const int err = ::open("err", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = ::open("/dev/null", O_RDWR);
    if (err < 0 || null < 0) ::_exit(126);
    ::dup2(null, 0), ::dup2(null, 1), ::dup2(err, 2);
    ::execl(SHIXIAN_CLI_PATH, "shixian", "check", "t.csv", "--publications", "log.csv", "--as-of", "2016-12-31", "-o",
            "out.csv", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(child, child);  // also here: no race with the child's own call
  // check opens -o first (its temporary appears), then blocks opening the FIFO.
  bool appeared = false;
  for (int i = 0; i < 200 && !appeared; ++i) {
    appeared = temporaries() > 0;
    if (!appeared) ::usleep(25000);
  }
  EXPECT_TRUE(appeared) << "no temporary appeared: the test saw nothing";
  ASSERT_EQ(::kill(-child, SIGINT), 0);
  // A CLI that ignored the signal would wait on the FIFO for ever: 10 s, then SIGKILL and fail.
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 400 && done == 0; ++i) {
    done = ::waitpid(child, &status, WNOHANG);
    if (done == 0) ::usleep(25000);
  }
  if (done == 0) {
    ::kill(-child, SIGKILL);
    ::waitpid(child, &status, 0);
    FAIL() << "SIGINT did not end check";
  }
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT)
      << "not ended by SIGINT (status " << status << "): " << slurp(dir_ / "err");
  EXPECT_EQ(temporaries(), 0u) << "SIGINT left the temporary file";
  EXPECT_FALSE(fs::exists(dir_ / "out.csv"));
}

// Every command's stdout to a full disk: exit 2, the reason named.
class CliStdoutFull : public ::testing::TestWithParam<std::string> {};

TEST_P(CliStdoutFull, ExitTwoWithTheReason) {
  const auto dir = fs::temp_directory_path() / ("shixian-stdout-full-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "d.txt") << kDoc;
  std::ofstream(dir / "t.csv") << kTasks;
  std::ofstream(dir / "p.csv") << kPublications;
  const std::string full = "cd " + quote(dir.string()) + " && " + quote(SHIXIAN_CLI_PATH) + " " + GetParam() +
                           " >/dev/full 2>err; echo $? > rc";
  std::system(full.c_str());
  EXPECT_EQ(slurp(dir / "rc"), "2\n") << GetParam();
  EXPECT_NE(slurp(dir / "err").find("设备上没有空间"), std::string::npos) << slurp(dir / "err");
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    Commands, CliStdoutFull,
    ::testing::Values("calendar 2016", "calendar 2016 --format text", "due 12月底前 --year 2016", "due 12月底前 --year 2016 --json",
                      "parse 12月底前", "explain 12月底前 --year 2016", "extract d.txt", "extract d.txt --format jsonl", "demo",
                      "--help", "--version", "check --help", "holidays import " + quote(kNotice),
                      "check t.csv --publications p.csv --as-of 2016-12-31",
                      "check t.csv --publications p.csv --as-of 2016-12-31 --format csv",
                      "ics t.csv --from 2016-01-01"),
    [](const ::testing::TestParamInfo<std::string>& info) { return "Case" + std::to_string(info.index); });

}  // namespace
}  // namespace shixian
