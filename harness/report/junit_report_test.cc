// JUnit output against a golden file (fixed clock and host); counts match the testcases.
#include "report/junit_report.h"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "load/json_file.h"

namespace conform {
namespace {

RunResult SampleRun() {
  RunResult run;
  run.target = "http://127.0.0.1:8080";
  run.run_id = "0badc0de";
  run.timestamp = "2026-01-02T03:04:05";
  run.hostname = "ci-host";
  run.seed = "424242";
  run.seconds = 1.5;
  auto add = [&](const std::string& id, Outcome outcome) -> CaseResult& {
    CaseResult c;
    c.id = id;
    c.title = "title of " + id;
    c.file = "cases/" + id + ".json";
    c.tags = {"replace"};
    c.outcome = outcome;
    c.seconds = 0.0125;
    run.cases.push_back(c);
    return run.cases.back();
  };
  add("passes", Outcome::kPassed);
  CaseResult& failed = add("fails", Outcome::kFailed);
  Finding f;
  f.rule = "replace.field-survived";
  f.step = "step 1 (update)";
  f.pointer = "/externalDatabaseConnection/endpoint";
  f.expected = "(absent)";
  f.actual = "\"https://old\"";
  f.message = "left out but <still> stored & \"merged\"";
  failed.findings.push_back(f);
  CaseResult& error = add("errs", Outcome::kError);
  error.error_type = "connection-refused";
  error.error_message = "GET http://127.0.0.1:1/x: connection-refused";
  CaseResult& warned = add("warns", Outcome::kWarned);
  Finding w = f;
  w.level = Level::kShould;
  w.rule = "status";
  warned.findings.push_back(w);
  CaseResult& skipped = add("skips", Outcome::kSkipped);
  skipped.error_message = "needs --readonly-token";
  skipped.tags.clear();
  for (int v : {100, 200, 300}) run.latency[CallKind::kUpdate].Record(v);
  return run;
}

TEST(JunitReportTest, MatchesGoldenFile) {
  const std::string golden = std::string(CONFORM_SOURCE_DIR) + "/testdata/junit/sample.xml";
  const std::string actual = JunitReport(SampleRun());
  if (std::getenv("CONFORM_UPDATE_GOLDEN")) std::ofstream(golden) << actual;
  std::string expected, err;
  ASSERT_TRUE(ReadTextFile(golden, &expected, &err)) << err;
  EXPECT_EQ(actual, expected);
}

int CountMatches(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

TEST(JunitReportTest, CountsEqualTheTestcasesOfEachOutcome) {
  const std::string xml = JunitReport(SampleRun());
  EXPECT_EQ(CountMatches(xml, "<testcase "), 5);
  EXPECT_NE(xml.find("tests=\"5\" failures=\"1\" errors=\"1\" skipped=\"1\""), std::string::npos);
  EXPECT_EQ(CountMatches(xml, "<failure "), 1);
  EXPECT_EQ(CountMatches(xml, "<error "), 1);
  EXPECT_EQ(CountMatches(xml, "<skipped "), 1);
}

TEST(JunitReportTest, StrictModeFailsOnShouldFindings) {
  RunResult run = SampleRun();
  run.strict = true;
  run.cases[3].outcome = Outcome::kFailed;
  const std::string xml = JunitReport(run);
  EXPECT_NE(xml.find("type=\"should:status\""), std::string::npos);
}

}  // namespace
}  // namespace conform
