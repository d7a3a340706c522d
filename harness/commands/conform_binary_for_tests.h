// Test support: runs the built conform binary as a user would, and gives each test a temporary
// folder of its own. Header-only, for the end-to-end tests in this folder.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "load/json_file.h"

namespace conform {

struct Ran {
  int exit_code = -1;
  bool signaled = false;
  std::string output;  // stdout and stderr together
};

// Runs `env conform args` (in cwd if given) and collects its output.
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
