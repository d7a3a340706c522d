// A report read back keeps every finding at its level: a merge must neither harden a note nor
// soften a must.
#include "report/json_report_reader.h"

#include <gtest/gtest.h>

#include "report/html_report.h"
#include "report/json_report.h"

namespace conform {
namespace {

RunResult RunWithOneFindingOfEachLevel() {
  RunResult run;
  run.target = "http://127.0.0.1:1";
  run.timestamp = "2026-12-07T00:00:00Z";
  run.hostname = "localhost";
  CaseResult c;
  c.id = "explore";
  c.title = "exploration";
  c.level = Level::kShould;
  c.outcome = Outcome::kWarned;
  c.findings.push_back(MakeFinding(Level::kNote, "operation 1 (update)", "order.looked-up-before-validation", "a note"));
  c.findings.push_back(MakeFinding(Level::kShould, "operation 2 (get)", "explore.name-case-folded", "a should"));
  c.findings.push_back(MakeFinding(Level::kMust, "operation 3 (list)", "explore.list-diverged", "a must"));
  run.cases.push_back(c);
  return run;
}

TEST(JsonReportReaderTest, EveryLevelSurvivesTheRoundTrip) {
  RunResult read;
  std::string err;
  ASSERT_TRUE(RunResultFromJson(JsonReport(RunWithOneFindingOfEachLevel()), &read, &err)) << err;
  ASSERT_EQ(read.cases.size(), 1u);
  EXPECT_EQ(read.cases[0].level, Level::kShould);
  ASSERT_EQ(read.cases[0].findings.size(), 3u);
  EXPECT_EQ(read.cases[0].findings[0].level, Level::kNote);
  EXPECT_EQ(read.cases[0].findings[1].level, Level::kShould);
  EXPECT_EQ(read.cases[0].findings[2].level, Level::kMust);
  // The HTML report of what was read still shows the note among the notes.
  const std::string html = HtmlReport(read);
  const size_t notes = html.find("<section id=\"notes\">");
  ASSERT_NE(notes, std::string::npos);
  EXPECT_NE(html.find("order.looked-up-before-validation", notes), std::string::npos);
}

TEST(JsonReportReaderTest, AnUnknownLevelIsReadAsMust) {
  nlohmann::json report = JsonReport(RunWithOneFindingOfEachLevel());
  report["cases"][0]["findings"][0]["level"] = "advisory";
  RunResult read;
  std::string err;
  ASSERT_TRUE(RunResultFromJson(report, &read, &err)) << err;
  EXPECT_EQ(read.cases[0].findings[0].level, Level::kMust);
}

}  // namespace
}  // namespace conform
