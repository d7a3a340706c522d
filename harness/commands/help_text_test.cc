// The flags a user reads about are the flags the program takes: docs/usage.md's table for
// `conform run` and `conform run --help` (which the manual page is written from) name the same set.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"

namespace conform {
namespace {

// Every flag in the first cell of the table under "## conform run": `--a X`, `--b Y` -> --a, --b.
std::set<std::string> UsageTableFlags() {
  std::ifstream in(std::string(CONFORM_SOURCE_DIR) + "/docs/usage.md");
  std::set<std::string> flags;
  std::string line;
  bool in_section = false;
  const std::regex flag("`(-{1,2}[a-z][a-z0-9-]*)");
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## conform run";
    if (!in_section || line.rfind("| `-", 0) != 0) continue;
    const std::string first_cell = line.substr(1, line.find(" | ") - 1);
    for (std::sregex_iterator it(first_cell.begin(), first_cell.end(), flag), end; it != end; ++it) {
      flags.insert((*it)[1]);
    }
  }
  return flags;
}

// Every flag `conform run --help` lists: "  -q,--quiet ...", "  --target TEXT ...".
std::set<std::string> HelpFlags(const std::string& help) {
  std::set<std::string> flags;
  std::istringstream lines(help);
  std::string line;
  const std::regex flag("^  (-[a-z])?,?(--[a-z][a-z0-9-]*)");
  std::smatch m;
  while (std::getline(lines, line)) {
    if (!std::regex_search(line, m, flag)) continue;
    if (m[1].matched) flags.insert(m[1]);
    flags.insert(m[2]);
  }
  flags.erase("-h");
  flags.erase("--help");
  return flags;
}

TEST(HelpTextTest, RunHelpAndTheUsageTableNameTheSameFlags) {
  const std::set<std::string> documented = UsageTableFlags();
  ASSERT_GT(documented.size(), 40u) << "the table under '## conform run' in docs/usage.md was not found";
  const Ran help = RunConformBinary("run --help");
  ASSERT_EQ(help.exit_code, 0) << help.output;
  const std::set<std::string> listed = HelpFlags(help.output);
  ASSERT_GT(listed.size(), 40u) << help.output;
  for (const std::string& f : documented) {
    EXPECT_TRUE(listed.count(f)) << f << " is in docs/usage.md but not in --help";
  }
  for (const std::string& f : listed) {
    // -v and -q are documented by their short spelling, as people type them.
    const bool long_of_short = (f == "--verbose" && documented.count("-v")) || (f == "--quiet" && documented.count("-q"));
    EXPECT_TRUE(documented.count(f) || long_of_short) << f << " is in conform run --help but not in docs/usage.md";
  }
}

}  // namespace
}  // namespace conform
