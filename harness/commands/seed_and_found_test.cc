// Every run explores somewhere new: the seed is fresh unless --seed pins it, printed first and
// last and kept in every report.
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"

namespace conform {
namespace {

// One case keeps each run short; exploration runs after it as after the whole suite.
const std::string kOneCase = " --filter replace-documented-example";

class SeedAndFoundTest : public TempDirTest {
 protected:
  std::string Reports() const {
    return " --junit " + Path("junit.xml") + " --json " + Path("report.json") + " --html " + Path("report.html") +
           " --found " + Path("found");
  }
  Ran Run(const std::string& flags) { return RunConformBinary("run" + kOneCase + " " + flags + Reports()); }

  // The seed a run printed before its first case; empty (and a failure) when it printed none.
  static std::string PrintedSeed(const Ran& r) {
    static const std::regex line("exploration seed (\\d+) \\(--seed \\1 replays it\\)");
    std::smatch m;
    if (!std::regex_search(r.output, m, line)) {
      ADD_FAILURE() << "no seed line:\n" << r.output;
      return "";
    }
    EXPECT_LT(static_cast<size_t>(m.position(0)), r.output.find("PASS ")) << "the seed comes before the cases:\n" << r.output;
    return m[1];
  }

  // The seed is the last thing the verdict line says, and every report holds it.
  void ExpectSeedEverywhere(const Ran& r, const std::string& seed) {
    const size_t verdict = r.output.find("PASSED: ");
    ASSERT_NE(verdict, std::string::npos) << r.output;
    const std::string line = r.output.substr(verdict, r.output.find('\n', verdict) - verdict);
    const std::string last = "; exploration seed " + seed;
    EXPECT_EQ(line.compare(line.size() - last.size(), last.size(), last), 0) << line;
    EXPECT_EQ(Json("report.json")["seed"], seed);
    EXPECT_NE(Text("junit.xml").find("<property name=\"conform.seed\" value=\"" + seed + "\"/>"), std::string::npos);
    EXPECT_NE(Text("report.html").find("<td>exploration seed</td><td>" + seed + "</td>"), std::string::npos);
  }
};

TEST_F(SeedAndFoundTest, EveryRunExploresWithAFreshSeedPrintedFirstAndLastAndInEveryReport) {
  Ran one = Run("");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const std::string first = PrintedSeed(one);
  ExpectSeedEverywhere(one, first);
  Ran two = Run("");
  ASSERT_EQ(two.exit_code, 0) << two.output;
  const std::string second = PrintedSeed(two);
  ExpectSeedEverywhere(two, second);
  std::printf("seeds drawn: %s, %s\n", first.c_str(), second.c_str());
  EXPECT_NE(first, second) << "two runs explored with one seed (a chance of one in 10^9)";
}

TEST_F(SeedAndFoundTest, SeedFlagPinsItAndAShardSaysHowToReplayIt) {
  Ran pinned = Run("--seed 7");
  ASSERT_EQ(pinned.exit_code, 0) << pinned.output;
  EXPECT_EQ(PrintedSeed(pinned), "7");
  ExpectSeedEverywhere(pinned, "7");
  EXPECT_NE(Json("report.json")["cases"].back()["title"].get<std::string>().find("seed 7"), std::string::npos);

  // A shard explores with its own seed; what replays it names the shard too.
  Ran shard = RunConformBinary("run --filter 'replace-*' --seed 7 --shard 2/4" + Reports());
  ASSERT_EQ(shard.exit_code, 0) << shard.output;
  EXPECT_NE(shard.output.find("exploration seed 7 (--seed 7 --shard 2/4 replays it)"), std::string::npos) << shard.output;
  EXPECT_NE(shard.output.find("exploration: seed 1000010 (--seed 7 --shard 2/4 replays it)"), std::string::npos)
      << shard.output;
  EXPECT_EQ(Json("report.json")["seed"], "7");
}

TEST_F(SeedAndFoundTest, WithoutExplorationNoSeedIsShownOrKept) {
  Ran r = Run("--explore 0");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find("seed"), std::string::npos) << r.output;
  EXPECT_TRUE(Json("report.json")["seed"].is_null());
  EXPECT_EQ(Text("junit.xml").find("conform.seed"), std::string::npos);
  EXPECT_NE(Text("report.html").find("<td>exploration seed</td><td>none: nothing was explored</td>"), std::string::npos);
}

}  // namespace
}  // namespace conform
