// Every run explores somewhere new, and remembers: the seed is fresh unless --seed pins it,
// printed first and last and kept in every report; the found cases of earlier runs are replayed
// before the new exploration, each its own testcase; and a found file that no longer loads stops
// the run before anything is sent.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"
#include "mock/mock_server.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

// One case keeps each run short; exploration runs after it as after the whole suite.
const std::string kOneCase = " --filter replace-documented-example";

// A case file as exploration writes them, small enough to write by hand.
void WriteHandMadeCase(const fs::path& path, const std::string& id) {
  std::ofstream(path) << R"({"id": ")" << id << R"(", "title": "a found case", "level": "must", "tags": ["found", "explore"],
    "steps": [{"call": "get", "name": "${name}", "expect": {"status": 404}}]})";
}

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

  std::vector<std::string> FoundFiles() const {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir_ / "found")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
  }

  // The found/ testcases of a report, with their outcomes.
  std::map<std::string, std::string> FoundOutcomes(const std::string& report = "report.json") const {
    std::map<std::string, std::string> outcomes;
    const nlohmann::json read = Json(report);
    for (const auto& c : read["cases"]) {
      const std::string id = c["id"];
      if (id.rfind("found/", 0) == 0) outcomes[id] = c["outcome"];
    }
    return outcomes;
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

TEST_F(SeedAndFoundTest, AFoundCaseIsReplayedAsItsOwnTestcaseFailingUntilTheServerIsFixed) {
  // Seed 1 finds keys-limit-500 (a server that keeps 500 configuration keys) and writes its case.
  Ran finding = Run("-q --seed 1 --mock-fault keys-limit-500");
  ASSERT_EQ(finding.exit_code, 1) << finding.output;
  ASSERT_EQ(FoundFiles().size(), 1u);
  EXPECT_TRUE(FoundOutcomes().empty()) << "nothing was found before this run";
  const std::string id = "found/" + fs::path(FoundFiles()[0]).stem().string();

  // Against the same fault the found case fails, as its own testcase before the new exploration,
  // which writes a case of its own (seed 2) that this run does not replay.
  Ran again = Run("--seed 2 --mock-fault keys-limit-500");
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("; first it replays 1 case found earlier in " + Path("found")), std::string::npos)
      << again.output;
  EXPECT_EQ(FoundOutcomes(), (std::map<std::string, std::string>{{id, "failed"}}));
  const nlohmann::json cases = Json("report.json")["cases"];
  ASSERT_GE(cases.size(), 2u);
  EXPECT_EQ(cases[cases.size() - 2]["id"], id) << "replayed after the cases, before exploring";
  EXPECT_EQ(cases[cases.size() - 2]["tags"][0], "found");
  EXPECT_EQ(cases.back()["id"].get<std::string>().rfind("explore/", 0), 0u) << cases.back()["id"];
  EXPECT_NE(Text("junit.xml").find("<testcase name=\"" + id + "\" classname=\"conform.found\""), std::string::npos);
  ASSERT_EQ(FoundFiles().size(), 2u);

  // Against the correct mock both pass: the bug is fixed.
  Ran fixed = Run("-q");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.output;
  const std::string other = FoundFiles()[0] == Path("found/" + id.substr(6) + ".json") ? FoundFiles()[1] : FoundFiles()[0];
  const std::string later = "found/" + fs::path(other).stem().string();
  EXPECT_EQ(FoundOutcomes(), (std::map<std::string, std::string>{{id, "passed"}, {later, "passed"}}));

  // `conform run --cases DIR` on the found folder itself runs them as cases, not twice.
  Ran as_cases = RunConformBinary("run -q --cases " + Path("found") + Reports());
  EXPECT_EQ(as_cases.exit_code, 0) << as_cases.output;
  EXPECT_TRUE(FoundOutcomes().empty());
  EXPECT_EQ(Json("report.json")["summary"]["total"], 3);  // the two found cases and the exploration
}

TEST_F(SeedAndFoundTest, FoundCasesAreDealtToShardsLikeCasesAndTheShardsMerge) {
  fs::create_directories(dir_ / "found");
  for (const std::string id : {"found-a", "found-b", "found-c", "found-d"}) WriteHandMadeCase(dir_ / "found" / (id + ".json"), id);
  std::map<std::string, int> replayed;
  for (const std::string shard : {"1", "2"}) {
    const std::string stem = "shard" + shard;
    Ran r = RunConformBinary("run -q --filter 'replace-*' --seed 5 --shard " + shard + "/2 --found " + Path("found") +
                             " --junit " + Path(stem + ".xml") + " --json " + Path(stem + ".json"));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    for (const auto& [id, outcome] : FoundOutcomes(stem + ".json")) {
      ++replayed[id];
      EXPECT_EQ(outcome, "passed") << id;
    }
  }
  EXPECT_EQ(replayed, (std::map<std::string, int>{{"found/found-a", 1}, {"found/found-b", 1}, {"found/found-c", 1}, {"found/found-d", 1}}));
  Ran merged = RunConformBinary("merge " + Path("shard1.json") + " " + Path("shard2.json") + " -o " + Path("merged.json"));
  EXPECT_EQ(merged.exit_code, 0) << merged.output;
  EXPECT_EQ(Json("merged.json")["seed"], "5");
}

// Found cases are written redacted: a secretKey conform hid is replayed as the marker, which is no
// secret to hide (else every report would "leak" it and be deleted, exit 4).
TEST_F(SeedAndFoundTest, AFoundCaseWhoseSecretWasHiddenReplaysWithoutALeak) {
  fs::create_directories(dir_ / "found");
  std::ofstream(dir_ / "found" / "found-hidden.json") << R"({"id": "found-hidden", "title": "t", "level": "must", "tags": ["found"],
    "steps": [{"call": "create", "oracle": "created", "expect": {"status": "2xx"},
               "body": {"connectionType": "STANDALONE", "externalDatabaseConnection": {"name": "${name}-x0",
                        "endpoint": "https://example.com/explore/0", "configuration": {"secretKey": "[REDACTED]"}}}}]})";
  Ran r = Run("-q");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  for (const char* file : {"junit.xml", "report.json", "report.html"}) EXPECT_TRUE(fs::exists(dir_ / file)) << file;
  EXPECT_EQ(FoundOutcomes(), (std::map<std::string, std::string>{{"found/found-hidden", "passed"}}));
}

TEST_F(SeedAndFoundTest, AFoundFileThatDoesNotLoadIsOneLineNamingItAndNothingIsSent) {
  MockOptions options;
  options.token = "T";
  MockServer target(options);
  std::string err;
  ASSERT_TRUE(target.Start(&err)) << err;
  fs::create_directories(dir_ / "found");
  WriteHandMadeCase(dir_ / "found" / "found-good.json", "found-good");
  const std::vector<std::pair<std::string, std::string>> corrupt = {
      {R"({"id": "x",)", ": invalid JSON at line 1, column 12: "},
      {R"({"id": "x", "title": "t", "level": "must", "tags": [], "steps": [{"call": "get", "name": "${nope}"}]})",
       ": /steps/0/name: unknown variable ${nope} (fix or delete the file)"},
  };
  for (const auto& [text, problem] : corrupt) {
    std::ofstream(dir_ / "found" / "corrupt.json") << text;
    Ran r = RunConformBinary("run -q --target " + target.base_url() + " --token T" + Reports());
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_EQ(r.output.rfind("conform: --found: " + Path("found/corrupt.json") + problem, 0), 0u) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << "one line:\n" << r.output;
    EXPECT_EQ(target.requests(), 0u) << "something was sent";
    EXPECT_NE(Text("junit.xml").find("corrupt.json"), std::string::npos) << "the reports name it too";
  }
  // Without exploration nothing is replayed, so the folder is not read.
  Ran off = RunConformBinary("run -q --explore 0 --target " + target.base_url() + " --token T" + kOneCase + Reports());
  EXPECT_EQ(off.exit_code, 0) << off.output;
}

}  // namespace
}  // namespace conform
