// The JSON report reader (conform merge): any bytes as a shard's report.json; what it accepts is
// rendered again by every report writer, as the merge does.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "load/json_file.h"
#include "report/github_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/json_report_reader.h"
#include "report/junit_report.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Read as conform reads a file (load/json_file.h): nesting is bounded before anything recurses.
  nlohmann::json doc;
  std::string parse_err;
  if (!ParseJson(Text(data, size), "fuzz.json", &doc, &parse_err)) return 0;
  RunResult run;
  std::string err;
  if (!RunResultFromJson(doc, &run, &err)) {
    Require(!err.empty(), "a refused report says why");
    return 0;
  }
  const std::string json = JsonReport(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  Require(!nlohmann::json::parse(json, nullptr, false).is_discarded(), "the JSON report is JSON");
  JunitReport(run, JunitProfile::kStrict);
  JunitReport(run, JunitProfile::kRich);
  HtmlReport(run);
  GithubStepSummary(run);
  return 0;
}
