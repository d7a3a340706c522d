// The machine-readable report: every case with outcome, findings and exchanges, and latency per
// call kind with histogram buckets (so a later run can compare). Pure: returns the JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "run/results.h"

namespace conform {

nlohmann::json JsonReport(const RunResult& run);

// One exchange as report.json shows it.
nlohmann::json JsonReportExchange(const Exchange& x);

// "passed", "failed" or "error" for the run as a whole.
std::string Verdict(const RunResult& run);

}  // namespace conform
