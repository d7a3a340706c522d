// The HTML report's structure, checked without a browser.
#include "report/html_report.h"

#include <regex>

#include <gtest/gtest.h>

namespace conform {
namespace {

int Count(const std::string& text, const std::string& pattern) {
  std::regex re(pattern);
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

RunResult ReportedRun() {
  RunResult run;
  run.target = "http://127.0.0.1:1";
  run.timestamp = "2026-01-01T00:00:00";
  for (int i = 0; i < 3; ++i) {
    CaseResult c;
    c.id = "case-" + std::to_string(i);
    c.title = i == 2 ? "<script>alert(1)</script>" : "title";
    c.tags = {"replace", i ? "auth" : "errors"};
    c.outcome = i == 1 ? Outcome::kFailed : Outcome::kPassed;
    run.cases.push_back(c);
  }
  Finding f;
  f.rule = "replace.field-survived";
  f.step = "step 1 (update)";
  f.pointer = "/externalDatabaseConnection/endpoint";
  run.cases[1].findings.push_back(f);
  Exchange x;
  x.step = "step 1 (update)";
  x.request.method = "PUT";
  x.request.url = "http://127.0.0.1:1/x";
  x.response.status = 200;
  x.curl = "curl -sS -X PUT 'http://127.0.0.1:1/x' -H \"Authorization: $CONFORM_TOKEN\"";
  run.cases[1].exchanges.push_back(x);
  for (int v : {100, 200, 5000}) run.latency[CallKind::kUpdate].Record(v);
  run.latency[CallKind::kGet].Record(50);
  run.latency_checks.push_back({"budget update.p95<=1.000 ms", false, "update.p95 = 5.000 ms exceeds ..."});
  return run;
}

TEST(HtmlReportTest, IsSelfContained) {
  const std::string html = HtmlReport(ReportedRun());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(Count(html, R"(<(script|img|iframe|link)[^>]*(src|href)=)"), 0);
  EXPECT_EQ(Count(html, R"((src|href)=\"(https?:)?//)"), 0);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(HtmlReportTest, HasSummaryChartsTableAndFailureDetails) {
  const std::string html = HtmlReport(ReportedRun());
  EXPECT_NE(html.find("<span class=\"verdict failed\">failed</span>"), std::string::npos);
  EXPECT_EQ(Count(html, "<svg "), 2);  // one chart per call kind
  EXPECT_EQ(Count(html, "<tr class=\"case\""), 3);
  EXPECT_EQ(Count(html, "data-outcome=\"failed\""), 1);
  EXPECT_NE(html.find("id=\"outcome-filter\""), std::string::npos);
  EXPECT_NE(html.find("<option>auth</option>"), std::string::npos);
  EXPECT_NE(html.find("<article id=\"case-case-1\">"), std::string::npos);
  EXPECT_NE(html.find("/externalDatabaseConnection/endpoint"), std::string::npos);
  EXPECT_NE(html.find("<details open>"), std::string::npos);  // the failing step's exchange
  EXPECT_NE(html.find("<pre class=\"curl\">curl -sS -X PUT"), std::string::npos);
  EXPECT_NE(html.find("id=\"latency-checks\""), std::string::npos);
}

TEST(HtmlReportTest, EscapesEverythingItShows) {
  const std::string html = HtmlReport(ReportedRun());
  EXPECT_EQ(html.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(EscapeHtml("a\"b'c<d>&"), "a&quot;b&#39;c&lt;d&gt;&amp;");
}

}  // namespace
}  // namespace conform
