// Writes every artefact of a run (JUnit, JSON, HTML, saved exchanges, the GitHub summary), then
// scans what it wrote for secret values and deletes any file that leaked one.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "report/junit_report.h"
#include "run/results.h"

namespace conform {

struct ReportPaths {
  std::string junit;
  std::string json;
  std::string html;
  std::string save_requests_dir;  // empty: don't save exchanges
  std::string github_summary;     // $GITHUB_STEP_SUMMARY, appended to; empty: none
  JunitProfile junit_profile = JunitProfile::kStrict;
};

struct ReportOutcome {
  std::vector<std::string> written;
  std::vector<std::string> errors;   // one line each: "path: reason"
  std::vector<std::string> leaked;   // files that held a secret (now deleted)
};

ReportOutcome WriteReports(const RunResult& run, const ReportPaths& paths, const std::set<std::string>& secrets);

}  // namespace conform
