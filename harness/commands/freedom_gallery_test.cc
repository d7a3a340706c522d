// The freedom gallery (issue 21): a real, conformant server may take each semantic freedom of
// `conform mock --variant NAME` (mock/freedoms.h), so against each one the shipped cases, by
// default and with --strict, and exploration over many seeds must give no finding above a note.
// Every finding seen is printed with its case or seed, so a failure says what conform misjudged.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"
#include "explore/explorer.h"
#include "http/curl_transport.h"
#include "http/request_gate.h"
#include "load/json_file.h"
#include "load/schema_registry.h"
#include "mock/freedoms.h"
#include "mock/mock_server.h"
#include "redact/redactor.h"

namespace conform {
namespace {

// Exploration's seeds against each freedom: 200 in the full proof, 30 in the test command, 2
// under the sanitizers (run/proof_depth_for_tests.h).
const uint64_t kSeeds = ByProofDepth<uint64_t>(2, 30, 200);
constexpr int kOperations = 100;
// A failure message lists findings up to this many lines, then counts the rest.
constexpr size_t kMaxLines = 200;

std::vector<std::string> FreedomNames() {
  std::vector<std::string> names;
  for (const auto& variant : FreedomVariants()) names.push_back(variant.first);
  return names;
}

// Must and should are above a note (the level for what the docs leave open).
bool AboveNote(const std::string& level) { return level == "must" || level == "should"; }
bool AboveNote(Level level) { return level == Level::kMust || level == Level::kShould; }

// A line short enough to read: exploration's values run to 256 KB.
std::string Clipped(std::string line) {
  if (line.size() > 400) line = line.substr(0, 400) + "...";
  return line;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size() && i < kMaxLines; ++i) out += "  " + lines[i] + "\n";
  if (lines.size() > kMaxLines) out += "  ... and " + std::to_string(lines.size() - kMaxLines) + " more\n";
  return out;
}

// "case-id: [level] step: rule at pointer: message (expected E, got A)" for each finding above a
// note in a report.json.
std::vector<std::string> FindingsAboveNote(const nlohmann::json& report) {
  std::vector<std::string> lines;
  for (const nlohmann::json& c : report.value("cases", nlohmann::json::array())) {
    for (const nlohmann::json& f : c.value("findings", nlohmann::json::array())) {
      if (!AboveNote(f.value("level", ""))) continue;
      std::string line = c.value("id", "?") + ": [" + f.value("level", "") + "] " + f.value("step", "") + ": " + f.value("rule", "");
      if (!f.value("pointer", "").empty()) line += " at " + f.value("pointer", "");
      line += ": " + f.value("message", "") + " (expected " + f.value("expected", "") + ", got " + f.value("actual", "") + ")";
      lines.push_back(Clipped(line));
    }
    if (c.contains("error")) lines.push_back(c.value("id", "?") + ": error " + c["error"].dump());
  }
  return lines;
}

// A folder of its own per test; the parameter's '/' in the test's name would nest folders.
class FreedomGalleryTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '-');
    dir_ = std::filesystem::temp_directory_path() / ("conform-gallery-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // One seed's exploration against the in-process mock `mock`.
  ExploreOutcome ExploreSeed(MockServer& mock, const SchemaRegistry& schemas, uint64_t seed) {
    ExploreSettings explore;
    explore.seed = seed;
    explore.operations = kOperations;
    RunSettings run;
    run.base_url = mock.base_url();
    run.run_id = "g" + std::to_string(seed);
    run.credentials.token = "T";
    CurlTransport transport{CurlOptions{}};
    // Retries go at once (the mock's dates are "now", see below): a date a second ahead would cost
    // up to a second, thousands of times over 200 seeds. That conform waits as Retry-After says,
    // and refuses a longer wait than it allows, is proved in guarded_transport_test.
    GatePolicy policy;
    policy.max_retry_wait_us = 0;
    RequestGate gate(policy);
    Redactor redactor;
    return Explore(explore, run, schemas, transport, gate, &redactor);
  }

  std::filesystem::path dir_;
};

// The shipped cases through the conform binary, as a user runs them against `conform mock
// --variant NAME`. --retry-after 0: transient-503's dates are then not ahead, so the retries of
// about sixty 503s a run cost next to nothing (that the wait is honoured is proved elsewhere).
TEST_P(FreedomGalleryTest, ShippedCasesPassByDefaultAndStrict) {
  const std::vector<std::string> names = FreedomNames();
  const size_t index = std::find(names.begin(), names.end(), GetParam()) - names.begin();
  if (SanitizerSkips(index)) GTEST_SKIP() << "under the sanitizers every fifth variant (the optimised build runs all)";
  MockProcess mock({"--token", "T", "--readonly-token", "R", "--variant", GetParam(), "--retry-after", "0"});
  ASSERT_FALSE(mock.BaseUrl().empty()) << "conform mock --variant " << GetParam() << " did not start";
  for (const std::string mode : {"", "--strict"}) {
    SCOPED_TRACE(GetParam() + " " + mode);
    const std::string report = (dir_ / ("report" + mode + ".json")).string();
    const Ran r = RunConformBinary("run -q --explore 0 --target " + mock.BaseUrl() + " --token T --readonly-token R " +
                                   mode + " --json " + report);
    nlohmann::json parsed;
    std::string err;
    ASSERT_TRUE(ReadJsonFile(report, &parsed, &err)) << err << "\n" << r.output;
    const std::vector<std::string> findings = FindingsAboveNote(parsed);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(findings.empty()) << "--variant " << GetParam() << " " << mode << ": " << findings.size()
                                  << " findings above a note:\n" << Joined(findings);
  }
}

// Exploration in-process, many seeds: every finding above a note, with its seed.
TEST_P(FreedomGalleryTest, ExplorationFindsNothingOverManySeeds) {
  SchemaRegistry schemas;
  std::string err;
  ASSERT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  MockOptions options;
  options.token = "T";
  options.throttle_retry_after_s = 0;  // transient-503's Retry-After dates say "now"
  ASSERT_TRUE(ApplyFreedom(GetParam(), &options.freedoms));
  MockServer mock(options);
  ASSERT_TRUE(mock.Start(&err)) << err;
  std::vector<std::string> findings;
  uint64_t clean = 0;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const ExploreOutcome outcome = ExploreSeed(mock, schemas, seed);
    const size_t before = findings.size();
    for (const Finding& f : outcome.result.findings) {
      if (AboveNote(f.level)) findings.push_back(Clipped("seed " + std::to_string(seed) + ": " + FindingLine(f)));
    }
    if (!outcome.result.error_type.empty()) {
      findings.push_back("seed " + std::to_string(seed) + ": error " + outcome.result.error_type + ": " + outcome.result.error_message);
    }
    clean += findings.size() == before;
  }
  std::printf("--variant %s: seeds 1 to %lu, %d operations each: %lu without a finding above a note\n", GetParam().c_str(),
              static_cast<unsigned long>(kSeeds), kOperations, static_cast<unsigned long>(clean));
  EXPECT_TRUE(findings.empty()) << "--variant " << GetParam() << ": " << kSeeds - clean << " of " << kSeeds
                                << " seeds gave findings above a note:\n" << Joined(findings);
  EXPECT_EQ(mock.store().Size(), 0u) << "exploration cleans up after itself";
}

INSTANTIATE_TEST_SUITE_P(Freedoms, FreedomGalleryTest, ::testing::ValuesIn(FreedomNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace conform
