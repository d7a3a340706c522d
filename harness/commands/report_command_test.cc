// Reports end to end through the binary: planted secrets reach no file, shards merge back into
// the unsharded run, GitHub output, the rich JUnit profile, lint.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"
#include "report/leak_scan.h"

namespace conform {
namespace {

namespace fs = std::filesystem;


int Count(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

class ReportCommandTest : public TempDirTest {
 protected:
  std::string Reports(const std::string& stem) const {
    return " --junit " + Path(stem + ".xml") + " --json " + Path(stem + ".json") + " --html " + Path(stem + ".html") +
           " --found " + Path("found");
  }
};

TEST_F(ReportCommandTest, PlantedSecretsReachNoFileAndNoConsole) {
  fs::create_directories(dir_ / "cases");
  std::ofstream(dir_ / "cases" / "plant.json") << R"({"id": "plant", "title": "planted secrets", "level": "must", "tags": ["x"],
    "setup": [{"call": "create", "body": {"externalDatabaseConnection": {"name": "${name}",
               "configuration": {"secretKey": "planted-secret-key-1", "password": "planted-password-2"}}}}],
    "steps": [
      {"call": "update", "name": "${name}", "headers": {"X-Api-Secret": "planted-header-3"},
       "body": {"externalDatabaseConnection": {"configuration": {"secretKey": "planted-secret-key-1", "password": "planted-password-2"}}},
       "expect": {"status": 200, "pointers": {"/externalDatabaseConnection/configuration/password": "not-the-password"}}},
      {"call": "get", "name": "${name}-${token}", "expect": {"status": 200}}]})";
  Ran r = RunConformBinary("run -v --explore 0 --cases " + Path("cases") + " --token planted-token-4 --redact /externalDatabaseConnection/configuration/password "
                  "--redact-header X-Api-Secret --save-requests " + Path("saved") + Reports("r"));
  EXPECT_EQ(r.exit_code, 1) << r.output;  // the case fails; nothing leaked (that would be exit 4)
  std::vector<std::string> files = {Path("r.xml"), Path("r.json"), Path("r.html")};
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "saved")) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  EXPECT_EQ(files.size(), 6u);  // three reports, three saved exchanges
  const std::set<std::string> planted = {"planted-secret-key-1", "planted-password-2", "planted-header-3", "planted-token-4"};
  EXPECT_TRUE(FilesContainingSecrets(files, planted).empty());
  for (const std::string& secret : planted) EXPECT_EQ(r.output.find(secret), std::string::npos) << secret;
  // The failure is still explained, and the reproduction uses a variable for the token.
  EXPECT_NE(Text("r.json").find("not-the-password"), std::string::npos);
  EXPECT_NE(Text("r.json").find("Authorization: $CONFORM_TOKEN"), std::string::npos);
}

TEST(LeakScanTest, FindsASecretInAFile) {
  const std::string path = fs::temp_directory_path() / ("conform-leak-" + std::to_string(::getpid()));
  std::ofstream(path) << "header\nvalue=hunter2-secret\n";
  EXPECT_EQ(FilesContainingSecrets({path}, {"hunter2-secret"}), std::vector<std::string>({path}));
  EXPECT_TRUE(FilesContainingSecrets({path}, {"other-secret"}).empty());
  fs::remove(path);
}

TEST_F(ReportCommandTest, FourShardsMergeIntoTheUnshardedRun) {
  // Exploration is off here: each shard explores with its own seed, so only the cases compare.
  ASSERT_EQ(RunConformBinary("run -q --explore 0 --mock-fault merge-configuration" + Reports("whole")).exit_code, 1);
  std::string json_inputs, xml_inputs;
  for (int i = 1; i <= 4; ++i) {
    const std::string stem = "shard" + std::to_string(i);
    Ran r = RunConformBinary("run -q --explore 0 --shard " + std::to_string(i) + "/4 --mock-fault merge-configuration" + Reports(stem));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    json_inputs += " " + Path(stem + ".json");
    xml_inputs += " " + Path(stem + ".xml");
  }
  ASSERT_EQ(RunConformBinary("merge" + json_inputs + " -o " + Path("merged.json") + " --junit " + Path("merged-json.xml")).exit_code, 1);
  ASSERT_EQ(RunConformBinary("merge" + xml_inputs + " -o " + Path("merged.xml")).exit_code, 0);

  nlohmann::json whole = Json("whole.json"), merged = Json("merged.json");
  EXPECT_EQ(merged["summary"], whole["summary"]);
  std::set<std::string> whole_ids, merged_ids;
  for (const auto& c : whole["cases"]) whole_ids.insert(c["id"].get<std::string>());
  for (const auto& c : merged["cases"]) merged_ids.insert(c["id"].get<std::string>());
  EXPECT_EQ(merged_ids, whole_ids);
  EXPECT_EQ(merged["latency"]["update"]["count"], whole["latency"]["update"]["count"]);  // histograms merged
  // Each shard observed some choices; together they are the whole run's.
  ASSERT_GE(whole["choices"].size(), 5u) << whole["choices"].dump();
  for (const auto& [id, row] : whole["choices"].items()) EXPECT_EQ(merged["choices"][id]["choice"], row["choice"]) << id;
  EXPECT_EQ(merged["choices"].size(), whole["choices"].size());
  for (const std::string file : {"merged.xml", "merged-json.xml"}) {
    const std::string xml = Text(file);
    EXPECT_EQ(Count(xml, "<testcase "), whole["summary"]["total"].get<int>()) << file;
    EXPECT_EQ(Count(xml, "<failure "), whole["summary"]["failed"].get<int>()) << file;
    EXPECT_NE(xml.find("failures=\"" + std::to_string(whole["summary"]["failed"].get<int>()) + "\""), std::string::npos);
  }
  EXPECT_EQ(RunConformBinary("merge " + Path("whole.json") + " " + Path("whole.json") + " -o " + Path("dup.json")).exit_code, 2);
  EXPECT_EQ(RunConformBinary("run --shard 5/4").exit_code, 2);
}

TEST_F(ReportCommandTest, GithubSummaryAndAnnotations) {
  const std::string summary = Path("summary.md");
  Ran r = RunConformBinary("run -q --mock-fault text-plain" + Reports("g"), "GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=" + summary);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(Text("summary.md").find("## conform: ❌ failed"), std::string::npos);
  EXPECT_NE(Text("summary.md").find(" Exploration seed `"), std::string::npos);
  EXPECT_NE(Text("summary.md").find("| `content-type-update` | failed |"), std::string::npos);
  EXPECT_EQ(Count(r.output, "::error file=[^,]*cases/content-type-update.json,title=conform content-type-update::"), 1)
      << r.output;
  EXPECT_EQ(r.output.find("\033["), std::string::npos);  // not a terminal: no colour
}

TEST_F(ReportCommandTest, RichJunitProfileAddsFilesAndTotals) {
  ASSERT_EQ(RunConformBinary("run -q --explore 0 --junit-profile rich" + Reports("rich")).exit_code, 0);
  const std::string xml = Text("rich.xml");
  EXPECT_NE(xml.find("<testsuites name=\"conform\" tests=\""), std::string::npos);
  EXPECT_EQ(Count(xml, " file=\"[^\"]*cases/[a-z0-9-]+\\.json\""), Count(xml, "<testcase "));
  EXPECT_EQ(RunConformBinary("run --junit-profile fancy").exit_code, 2);
}

TEST_F(ReportCommandTest, LintListsEveryProblem) {
  EXPECT_EQ(RunConformBinary("lint").exit_code, 0);
  fs::create_directories(dir_ / "cases");
  std::ofstream(dir_ / "cases" / "a.json") << R"({"id": "a", "title": "t", "level": "must", "tags": [],
    "setup": [{"call": "create", "body": {"externalDatabaseConnection": {"endpoint": "not a url"}}}],
    "steps": [{"call": "update", "name": "${name}", "body": {"connection": {}}, "expect": {"status": 200}}]})";
  std::ofstream(dir_ / "cases" / "b.json") << R"({"id": "b"})";
  Ran r = RunConformBinary("lint --cases " + Path("cases"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("a.json: /setup/0/body/externalDatabaseConnection"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("a.json: /steps/0/body"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("b.json: /"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace conform
