// Exploration proved both ways against the in-process mock. No false alarm: the correct mock
// over 200 seeds. Each storage, name and credential fault is caught for the default seed and for
// at least 19 of 20 other seeds (under the rule that names its class), shrunk to a few
// operations, and written as a case file that fails against the fault and passes against the
// correct mock.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include "explore/exploration_run.h"
#include "http/curl_transport.h"
#include "load/case_loader.h"
#include "load/json_file.h"
#include "mock/mock_server.h"
#include "run/proof_depth_for_tests.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

// The full proof: no finding over 200 seeds, each fault caught by 19 of 20 other seeds. The test
// command takes 50 and 10; the sanitizers 5 and 2 (run/proof_depth_for_tests.h).
const uint64_t kCorrectSeeds = ByProofDepth<uint64_t>(5, 50, 200);
const uint64_t kOtherSeeds = ByProofDepth<uint64_t>(2, 10, 20);
constexpr int kOperations = 300;

class ExplorationProofTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
    found_ = std::filesystem::temp_directory_path() / ("conform-found-" + std::to_string(::getpid()));
  }
  void TearDown() override { std::filesystem::remove_all(found_); }

  std::unique_ptr<MockServer> Mock(FaultSet faults) {
    MockOptions options;
    options.token = "T";
    options.faults = std::move(faults);
    auto mock = std::make_unique<MockServer>(options);
    std::string err;
    EXPECT_TRUE(mock->Start(&err)) << err;
    return mock;
  }
  RunSettings Settings(const MockServer& mock, const std::string& run_id) {
    RunSettings settings;
    settings.base_url = mock.base_url();
    settings.run_id = run_id;
    settings.credentials.token = "T";
    return settings;
  }
  ExplorationReport Explore(MockServer& mock, uint64_t seed) {
    ExploreSettings explore;
    explore.seed = seed;
    explore.operations = kOperations;
    CurlTransport transport{CurlOptions{}};
    RequestGate gate;
    Redactor redactor;
    // A run's default budget (5 s) is too short under the sanitizers for the longer sequences;
    // the test judges how far shrinking gets, not how fast an instrumented build is.
    ShrinkLimits limits;
    limits.budget = std::chrono::milliseconds(ByProofDepth(60000, 5000, 5000));
    return ExploreShrinkAndWrite(explore, Settings(mock, "s" + std::to_string(seed)), schemas_, transport, gate, &redactor,
                                 found_.string(), limits);
  }
  // The found case run as an ordinary case against `mock`.
  Outcome Replay(const std::string& file, MockServer& mock) {
    std::vector<Case> cases;
    std::vector<std::string> errors;
    Case c;
    nlohmann::json doc;
    std::string err;
    EXPECT_TRUE(ReadJsonFile(file, &doc, &err)) << err;
    EXPECT_TRUE(ParseCase(doc, file, schemas_, &c, &errors)) << (errors.empty() ? "" : errors[0]);
    Redactor redactor;
    const RunResult run = RunSuite({c}, Settings(mock, "replay"), schemas_,
                                   [] { return std::make_unique<CurlTransport>(CurlOptions{}); }, &redactor, nullptr);
    return run.cases.at(0).outcome;
  }

  SchemaRegistry schemas_;
  std::filesystem::path found_;
};

TEST_F(ExplorationProofTest, CorrectMockHasNoFindingOverManySeeds) {
  auto mock = Mock({});
  for (uint64_t seed = 1; seed <= kCorrectSeeds; ++seed) {
    const ExplorationReport r = Explore(*mock, seed);
    ASSERT_EQ(r.outcome.result.outcome, Outcome::kPassed)
        << "seed " << seed << ": " << (r.outcome.result.findings.empty() ? r.outcome.result.error_message
                                                                         : FindingLine(r.outcome.result.findings[0]));
  }
  std::printf("seeds 1 to %lu: no finding\n", static_cast<unsigned long>(kCorrectSeeds));
  EXPECT_EQ(mock->store().Size(), 0u);
}

// Each fault with the rule exploration must name it by ("" when the storage rules decide).
const std::vector<std::pair<Fault, std::string>>& ExplorationFaults() {
  static const std::vector<std::pair<Fault, std::string>> kFaults = {
      {Fault::kTruncateLongStrings, ""}, {Fault::kDropDottedKeys, ""}, {Fault::kCutAtNul, ""},
      {Fault::kDropNullsInArrays, ""}, {Fault::kDedupeArrays, ""}, {Fault::kDepthLimit16, ""},
      {Fault::kKeysLimit500, ""}, {Fault::kInt32Numbers, ""}, {Fault::kRecreateKeepsOld, ""},
      // Names and credentials: dimensions a bug hides in besides the values.
      {Fault::kPrefixLookup, "explore.name-prefix-matched"}, {Fault::kTrimNames, "explore.name-whitespace-ignored"},
      {Fault::kAnyToken, "explore.credentials-ignored"},
      // A list that shows each connection as it was created.
      {Fault::kStaleListView, "explore.list-view-diverged"},
      // A PUT answered from a cache of bodies seen for the name: a sequence bug, met by the
      // coverage phase's write X, write Y, write X.
      {Fault::kPutBodyCache, "explore.state-diverged"},
  };
  return kFaults;
}

TEST_F(ExplorationProofTest, EachStorageFaultIsFoundShrunkAndReplayed) {
  auto correct = Mock({});
  size_t index = 0;
  for (const auto& [fault, rule] : ExplorationFaults()) {
    if (SanitizerSkips(index++)) continue;  // shrinking and replay are slow under the sanitizers
    std::string name;
    for (const FaultInfo& info : AllFaults()) name = info.fault == fault ? info.name : name;
    SCOPED_TRACE(name);
    auto broken = Mock({fault});
    const ExplorationReport first = Explore(*broken, 1);
    ASSERT_EQ(first.outcome.result.outcome, Outcome::kFailed) << "the default seed must catch it";
    if (!rule.empty()) {
      EXPECT_EQ(first.outcome.result.id, "explore/" + rule);
    }
    ASSERT_FALSE(first.found_file.empty()) << first.write_error;
    EXPECT_LE(first.outcome.sequence.size(), 4u) << "shrunk to a few operations";
    EXPECT_EQ(Replay(first.found_file, *broken), Outcome::kFailed) << first.found_file;
    EXPECT_EQ(Replay(first.found_file, *correct), Outcome::kPassed) << first.found_file;
    int caught = 0;
    for (uint64_t seed = 2; seed < 2 + kOtherSeeds; ++seed) {
      const ExplorationReport other = Explore(*broken, seed);
      const bool named = rule.empty() || other.outcome.result.id == "explore/" + rule;
      caught += other.outcome.result.outcome == Outcome::kFailed && named;
      if (!(other.outcome.result.outcome == Outcome::kFailed && named)) {
        std::printf("%s: seed %lu missed: %s\n", name.c_str(), static_cast<unsigned long>(seed),
                    other.outcome.result.findings.empty() ? other.outcome.result.id.c_str()
                                                          : FindingLine(other.outcome.result.findings[0]).c_str());
      }
    }
    std::printf("%s: seed 1 shrunk to %zu operations (%s); caught by %d of %lu other seeds\n", name.c_str(),
                first.outcome.sequence.size(), first.outcome.result.id.c_str(), caught, static_cast<unsigned long>(kOtherSeeds));
    EXPECT_GE(caught, static_cast<int>(kOtherSeeds) - 1);
  }
}

}  // namespace
}  // namespace conform
