// A concurrency check that cries wolf is worse than none. The shipped concurrent cases run 1 000
// times in a row against the correct mock (in this process, on loopback) with no finding at
// all, and each concurrency fault of the mock is caught in at least 99 of 100 default runs.
#include <chrono>
#include <cstdio>

#include <gtest/gtest.h>

#include "http/curl_transport.h"
#include "load/case_loader.h"
#include "mock/mock_server.h"
#include "run/proof_depth_for_tests.h"
#include "run/suite_runner.h"

namespace conform {
namespace {

// The full proof: 1 000 correct runs in a row, each fault caught in 99 of 100. The test command
// checks 200 runs and 48 of 50; the sanitizers, which stretch every race window unevenly, check
// 10 correct runs and 10 of each fault for memory and UB errors (each fault caught at least once).
const int kCorrectRuns = ByProofDepth(10, 200, 1000);
const int kFaultRuns = ByProofDepth(10, 50, 100);
const int kFaultCaught = ByProofDepth(1, 48, 99);

class ConcurrencyProofTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
    std::vector<Case> all;
    std::vector<std::string> errors;
    ASSERT_TRUE(LoadCases(std::string(CONFORM_SOURCE_DIR) + "/cases", schemas_, &all, &errors));
    Selection concurrency;
    concurrency.tags = {"concurrency"};
    cases_ = SelectCases(all, concurrency);
    ASSERT_EQ(cases_.size(), 3u);
  }

  // Runs the concurrent cases once against `mock`; returns the run.
  RunResult RunOnce(MockServer& mock, const std::string& run_id) {
    RunSettings settings;
    settings.base_url = mock.base_url();
    settings.run_id = run_id;
    settings.credentials.token = "T";
    Redactor redactor;
    return RunSuite(cases_, settings, schemas_, [] { return std::make_unique<CurlTransport>(CurlOptions{}); },
                    &redactor, nullptr);
  }

  std::unique_ptr<MockServer> StartMock(FaultSet faults) {
    MockOptions options;
    options.token = "T";
    options.faults = std::move(faults);
    auto mock = std::make_unique<MockServer>(options);
    std::string err;
    EXPECT_TRUE(mock->Start(&err)) << err;
    return mock;
  }

  SchemaRegistry schemas_;
  std::vector<Case> cases_;
};

TEST_F(ConcurrencyProofTest, CorrectMockPassesEveryRunInARow) {
  std::printf("race pause seed of the mock: %u\n", kRacePauseSeed);
  auto mock = StartMock({});
  const auto start = std::chrono::steady_clock::now();
  size_t findings = 0;
  int failed_runs = 0, runs = 0;
  for (int run = 0; run < kCorrectRuns && std::chrono::steady_clock::now() - start < std::chrono::seconds(280); ++run) {
    const RunResult result = RunOnce(*mock, "proof-" + std::to_string(run));
    for (const CaseResult& c : result.cases) {
      findings += c.findings.size();
      if (c.outcome != Outcome::kPassed) {
        ++failed_runs;
        ADD_FAILURE() << "run " << run << ": " << c.id << " "
                      << (c.findings.empty() ? c.error_message : FindingLine(c.findings.front()));
      }
    }
    ASSERT_LT(failed_runs, 3) << "stopping early";
    ++runs;
  }
  std::printf("%d runs in a row\n", runs);
  EXPECT_EQ(runs, kCorrectRuns) << "the runs did not fit in 280 s";
  EXPECT_EQ(findings, 0u);
  EXPECT_EQ(mock->store().Size(), 0u) << "every run cleans up after itself";
}

// The share of default runs that catch each concurrency fault.
TEST_F(ConcurrencyProofTest, EachConcurrencyFaultIsCaughtInNearlyEveryRun) {
  std::printf("race pause seed of the mock: %u\n", kRacePauseSeed);
  const std::vector<std::pair<Fault, std::string>> faults = {{Fault::kTwoStepWrites, "concurrent-updates-linearizable"},
                                                             {Fault::kUnlockedCreate, "concurrent-creates-single-winner"},
                                                             {Fault::kUpdateResurrects, "concurrent-update-and-delete"}};
  for (const auto& [fault, id] : faults) {
    auto mock = StartMock({fault});
    int caught = 0;
    for (int run = 0; run < kFaultRuns; ++run) {
      const RunResult result = RunOnce(*mock, "fault-" + std::to_string(run));
      for (const CaseResult& c : result.cases) caught += c.id == id && c.outcome == Outcome::kFailed;
    }
    std::printf("%s caught in %d of %d runs\n", id.c_str(), caught, kFaultRuns);
    EXPECT_GE(caught, kFaultCaught) << id;
  }
}

}  // namespace
}  // namespace conform
