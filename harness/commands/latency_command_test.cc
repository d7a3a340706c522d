// Latency end to end through the binary, against a mock delayed on purpose: budgets and
// baselines fail runs when they should, and `conform load` is bounded and checks what it sends.
#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"

namespace conform {
namespace {


class LatencyCommandTest : public TempDirTest {
 protected:
  std::string Reports(const std::string& stem) const {
    return " --junit " + Path(stem + ".xml") + " --json " + Path(stem + ".json") + " --found " + Path("found");
  }
};

TEST_F(LatencyCommandTest, ReportedLatencyIncludesTheInjectedDelay) {
  Ran r = RunConformBinary("run -q --explore 0 --filter 'replace-*' --mock-delay put=20ms" + Reports("r"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json latency = Json("r.json")["latency"];
  EXPECT_GE(latency["update"]["p50_ms"].get<double>(), 20.0);
  EXPECT_LT(latency["get"]["p50_ms"].get<double>(), 20.0);
  EXPECT_TRUE(latency["update"]["histogram"]["buckets"].is_array());
  EXPECT_NE(Text("r.xml").find("<property name=\"latency.update.p95_ms\""), std::string::npos);
}

TEST_F(LatencyCommandTest, MissedBudgetFailsTheRunAsItsOwnTestcase) {
  Ran missed = RunConformBinary("run -q --explore 0 --filter 'replace-*' --mock-delay put=20ms --latency-budget put.p50=10ms" + Reports("m"));
  EXPECT_EQ(missed.exit_code, 1) << missed.output;
  const std::string junit = Text("m.xml");
  EXPECT_NE(junit.find("<testcase name=\"budget update.p50&lt;=10.000 ms\" classname=\"conform.latency\""),
            std::string::npos) << junit;
  EXPECT_NE(junit.find("exceeds the budget of 10.000 ms"), std::string::npos);
  EXPECT_EQ(Json("m.json")["summary"]["failed"], 0);  // the functional cases still pass

  Ran met = RunConformBinary("run -q --explore 0 --filter 'replace-*' --mock-delay put=20ms --latency-budget put.p50=10s" + Reports("k"));
  EXPECT_EQ(met.exit_code, 0) << met.output;
}

TEST_F(LatencyCommandTest, BaselineRegressionFailsTheRun) {
  ASSERT_EQ(RunConformBinary("run -q --explore 0 --filter 'replace-*' --repeat 2" + Reports("base")).exit_code, 0);
  const std::string baseline = " --baseline " + Path("base.json");
  Ran slower = RunConformBinary("run -q --explore 0 --filter 'replace-*' --repeat 2 --mock-delay put=5ms" + baseline + Reports("slow"));
  EXPECT_EQ(slower.exit_code, 1) << slower.output;
  EXPECT_NE(Text("slow.xml").find("<testcase name=\"baseline update\""), std::string::npos);
  EXPECT_NE(slower.output.find("(REGRESSED)"), std::string::npos) << slower.output;

  // A generous noise floor makes the same comparison pass: the rule, not luck, decides.
  Ran same = RunConformBinary("run -q --explore 0 --filter 'replace-*' --repeat 2 --regression-noise 1s" + baseline + Reports("same"));
  EXPECT_EQ(same.exit_code, 0) << same.output;
  EXPECT_NE(RunConformBinary("run -q --baseline /nonexistent/report.json").output.find("/nonexistent/report.json: cannot read"),
            std::string::npos);
}

TEST_F(LatencyCommandTest, RepeatCountsEveryRun) {
  Ran r = RunConformBinary("run -q --filter replace-documented-example --repeat 5 --warmup 2" + Reports("rep"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json report = Json("rep.json");
  EXPECT_EQ(report["repeat"], 5);
  EXPECT_EQ(report["latency"]["update"]["count"], 5);
  EXPECT_EQ(RunConformBinary("run --repeat 0").exit_code, 2);
}

TEST_F(LatencyCommandTest, LoadIsBoundedAndReportsWhatItSent) {
  const std::string json = Path("load.json");
  Ran r = RunConformBinary("load --rate 200/s --duration 1s --connections 4 --oracle-every 5 --json " + json);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json result = Json("load.json");
  EXPECT_EQ(result["completed"], 200);
  EXPECT_TRUE(result["errors"].empty());
  EXPECT_GT(result["oracle_checks"].get<int>(), 0);
  EXPECT_TRUE(result["leftovers"].empty());
  EXPECT_LT(result["seconds"].get<double>(), 10.0);
}

TEST_F(LatencyCommandTest, LoadCatchesABrokenServerAndAMissedBudget) {
  Ran broken = RunConformBinary("load -q --rate max --requests 500 --connections 2 --oracle-every 5 --mock-fault echo-without-storing");
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  Ran slow = RunConformBinary("load --rate 100/s --duration 1s --mock-delay 20ms --latency-budget put.p50=10ms");
  EXPECT_EQ(slow.exit_code, 1) << slow.output;
  EXPECT_NE(slow.output.find("FAIL  budget update.p50"), std::string::npos) << slow.output;
}

TEST_F(LatencyCommandTest, MutatingAnotherMachineNeedsExplicitConsent) {
  Ran run = RunConformBinary("run --target https://www.wixapis.com --token t" + Reports("x"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("Add --allow-mutations"), std::string::npos) << run.output;
  Ran load = RunConformBinary("load --target https://www.wixapis.com --token t");
  EXPECT_EQ(load.exit_code, 2);
  EXPECT_NE(load.output.find("conform-"), std::string::npos) << load.output;
  EXPECT_EQ(RunConformBinary("load --rate fast").exit_code, 2);
  EXPECT_EQ(RunConformBinary("load --duration 2h").exit_code, 2);
}

}  // namespace
}  // namespace conform
