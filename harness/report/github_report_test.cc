// GitHub step summary and annotations.
#include "report/github_report.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

RunResult AnnotatedRun() {
  RunResult run;
  run.target = "http://t";
  CaseResult ok;
  ok.id = "fine";
  run.cases.push_back(ok);
  CaseResult bad;
  bad.id = "broken";
  bad.file = "cases/broken.json";
  bad.outcome = Outcome::kFailed;
  Finding f;
  f.rule = "status";
  f.message = "multi\nline | with pipe, and: colon";
  bad.findings.push_back(f);
  run.cases.push_back(bad);
  run.latency[CallKind::kUpdate].Record(1500);
  return run;
}

TEST(GithubReportTest, SummaryHasVerdictFailuresAndLatency) {
  const std::string md = GithubStepSummary(AnnotatedRun());
  EXPECT_NE(md.find("## conform: ❌ failed"), std::string::npos);
  EXPECT_NE(md.find("| `broken` | failed | [must] status: multi line \\| with pipe, and: colon |"), std::string::npos) << md;
  EXPECT_NE(md.find("| update | 1 | 1.500"), std::string::npos) << md;
}

TEST(GithubReportTest, AnnotationsAreOneEscapedLineEach) {
  const std::string lines = GithubAnnotations(AnnotatedRun());
  EXPECT_EQ(lines, "::error file=cases/broken.json,title=conform broken::[must] status: multi%0Aline | with pipe, and: colon\n");
}

}  // namespace
}  // namespace conform
