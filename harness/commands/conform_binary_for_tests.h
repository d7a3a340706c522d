// Test support: runs the built conform binary as a user would, and gives each test a temporary
// folder of its own. Header-only, for the end-to-end tests in this folder.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "load/json_file.h"
#include "run/proof_depth_for_tests.h"

extern char** environ;

namespace conform {

struct Ran {
  int exit_code = -1;
  bool signaled = false;
  std::string output;  // stdout and stderr together
};

// Runs `env conform args` (in cwd if given) and collects its output.
// How many case files ship in cases/: every case a default run reports.
inline int ShippedCaseCount() {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CONFORM_SOURCE_DIR) + "/cases")) {
    if (entry.path().extension() == ".json") ++count;
  }
  return count;
}

inline Ran RunConformBinary(const std::string& args, const std::string& env = "", const std::string& cwd = "") {
  Ran result;
  const std::string command =
      (cwd.empty() ? "" : "cd " + cwd + " && ") + env + " " + std::string(CONFORM_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  size_t n;
  while (pipe && (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = pipe ? pclose(pipe) : -1;
  result.signaled = WIFSIGNALED(status);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A `conform mock --port 0 args...` child process, stopped with SIGTERM when destroyed.
class MockProcess {
 public:
  explicit MockProcess(const std::vector<std::string>& args) {
    int fds[2];
    if (pipe(fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> all = {CONFORM_BINARY, "mock", "--port", "0"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn(&pid_, CONFORM_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    FILE* out = fdopen(fds[0], "r");
    char line[512] = {0};
    if (out && fgets(line, sizeof(line), out)) first_line_ = line;
    if (out) fclose(out);
  }
  ~MockProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status;
      waitpid(pid_, &status, 0);
    }
  }
  // "http(s)://127.0.0.1:PORT" from "conform mock listening on http://127.0.0.1:PORT/wix-data/...".
  std::string BaseUrl() const {
    size_t start = first_line_.find("http");
    size_t end = first_line_.find("/wix-data");
    return start == std::string::npos || end == std::string::npos ? "" : first_line_.substr(start, end - start);
  }
 private:
  pid_t pid_ = -1;
  std::string first_line_;
};

// Starts conform with args, its output going to out_path; returns the pid.
inline pid_t SpawnConform(const std::vector<std::string>& args, const std::string& out_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<std::string> all = {CONFORM_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  posix_spawn(&pid, CONFORM_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Waits at most `seconds` for pid; returns its exit code, or -1 (and kills it) on timeout.
inline int WaitBounded(pid_t pid, int seconds) {
  for (int i = 0; i < seconds * 20; ++i) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    usleep(50000);
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return -1;
}

// A fixture with a fresh temporary folder per test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("conform-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Text(const std::string& name) const {
    std::string text, err;
    ReadTextFile(Path(name), &text, &err);
    return text;
  }
  nlohmann::json Json(const std::string& name) const {
    nlohmann::json j;
    std::string err;
    EXPECT_TRUE(ReadJsonFile(Path(name), &j, &err)) << err;
    return j;
  }

  std::filesystem::path dir_;
};

}  // namespace conform
