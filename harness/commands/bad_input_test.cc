// The bad-input corpus (testdata/bad-input/): every malformed case file and bad command line
// gives "conform: ..." lines naming the file and JSON pointer, or the flag, exit 2, and no crash.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"
#include "run/proof_depth_for_tests.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(CONFORM_SOURCE_DIR) / "testdata" / "bad-input";

Ran ConformIn(const std::string& args, const fs::path& cwd) { return RunConformBinary(args, "", cwd.string()); }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

class BadInputTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    work_ = dir_;
  }
  std::filesystem::path work_;
};

TEST_F(BadInputTest, CorpusHasAtLeastThirtyInputs) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus / "cases")) files += entry.is_regular_file();
  std::ifstream flags(kCorpus / "flags.txt");
  int lines = 0;
  for (std::string line; std::getline(flags, line);) lines += !line.empty() && line[0] != '#';
  EXPECT_GE(files + lines, 30);
}

TEST_F(BadInputTest, EveryBadCaseFileNamesFileAndPointer) {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(kCorpus / "cases")) inputs.push_back(entry.path());
  ASSERT_GE(inputs.size(), 30u);
  std::sort(inputs.begin(), inputs.end());
  size_t index = 0;
  for (const fs::path& input : inputs) {
    if (SanitizerSkips(index++)) continue;  // every fifth under the sanitizers (and the case-file fuzz target)
    const fs::path dir = work_ / input.stem();
    fs::create_directories(dir);
    if (fs::is_directory(input)) {
      fs::copy(input, dir);
    } else {
      fs::copy_file(input, dir / input.filename());
    }
    Ran r = ConformIn("run --cases " + dir.string() + " --junit j.xml --json r.json --html r.html", work_);
    SCOPED_TRACE(input.filename().string() + "\n" + r.output);
    EXPECT_FALSE(r.signaled);
    EXPECT_EQ(r.exit_code, 2);
    std::vector<std::string> lines = Lines(r.output);
    ASSERT_FALSE(lines.empty());
    for (const std::string& line : lines) {
      EXPECT_EQ(line.rfind("conform: " + dir.string() + "/", 0), 0u);
      const bool located = line.find(".json: /") != std::string::npos || line.find("invalid JSON at line") != std::string::npos;
      EXPECT_TRUE(located);
    }
    EXPECT_TRUE(fs::exists(work_ / "j.xml"));  // reports are still written
  }
}

TEST_F(BadInputTest, EveryBadFlagNamesTheFlag) {
  std::ifstream flags(kCorpus / "flags.txt");
  int lines_read = 0, checked = 0;
  for (std::string line; std::getline(flags, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (SanitizerSkips(lines_read++)) continue;  // every fifth under the sanitizers; the optimised build all
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string args = line.substr(0, tab), expected = line.substr(tab + 1);
    // Reports go to the work folder, unless the line itself is about a report flag.
    std::string reports;
    for (const std::string flag : {"--junit j.xml", "--json r.json", "--html r.html"}) {
      if (args.rfind("run", 0) == 0 && args.find(flag.substr(0, flag.find(' ')) + " ") == std::string::npos) {
        reports += " " + flag;
      }
    }
    Ran r = ConformIn(args + reports, work_);
    SCOPED_TRACE(args + "\n" + r.output);
    EXPECT_FALSE(r.signaled);
    EXPECT_EQ(r.exit_code, 2);
    std::vector<std::string> lines = Lines(r.output);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].rfind("conform: ", 0), 0u);
    EXPECT_NE(lines[0].find(expected), std::string::npos);
    ++checked;
  }
  EXPECT_GE(lines_read, 25);
  EXPECT_GE(checked, lines_read / 5);
}

TEST_F(BadInputTest, ConfigFileProblemsNameFileAndPointer) {
  std::ofstream(work_ / "conform.json") << R"({"target": "http://127.0.0.1:9", "timeout_ms": "soon"})";
  Ran r = ConformIn("run --junit j.xml --json r.json --html r.html", work_);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("conform: conform.json: /timeout_ms: "), std::string::npos) << r.output;

  std::ofstream(work_ / "conform.json") << R"({"headers": {"authorization": "secret-in-a-file"}})";
  r = ConformIn("run --junit j.xml --json r.json --html r.html", work_);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("/headers/authorization: tokens don't belong in files"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("secret-in-a-file"), std::string::npos);
}

TEST_F(BadInputTest, ConfigFileSettingsApplyAndFlagsWin) {
  std::ofstream(work_ / "conform.json") << R"({"filter": "replace-documented-*", "json": "from-config.json"})";
  Ran r = ConformIn("run -q --explore 0 --junit j.xml --html r.html", work_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("PASSED: 1 cases"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(work_ / "from-config.json"));
  r = ConformIn("run -q --explore 0 --filter 'auth-no-token-*' --junit j.xml --html r.html", work_);
  EXPECT_NE(r.output.find("PASSED: 5 cases"), std::string::npos) << r.output;  // create, delete, get, list, update
}

}  // namespace
}  // namespace conform
