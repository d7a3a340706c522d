// Latency budgets ("update.p95=200ms") and baseline comparisons, judged against histograms.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/case.h"
#include "load/latency_budget_spec.h"
#include "stats/latency_by_kind.h"

namespace conform {

// The outcome of one budget or baseline comparison: a testcase of its own in the reports.
struct LatencyCheck {
  std::string name;     // e.g. "budget update.p95<=200ms", "baseline update"
  bool passed = true;
  std::string message;  // states the measured value(s) and the sample count
};

LatencyCheck JudgeBudget(const LatencyBudget& budget, const LatencyByKind& latency);

// The statistic's value in microseconds (0 for an empty histogram).
int64_t StatisticOf(const Histogram& h, const std::string& statistic);

// Histograms per call kind from a report.json written by an earlier run; false with *err if the
// file has none.
bool LatencyFromReport(const nlohmann::json& report, LatencyByKind* out, std::string* err);

struct BaselineRule {
  double max_regression = 0.20;  // fraction
  int64_t noise_floor_us = 500;  // smaller absolute differences never count
  uint64_t min_samples = 5;      // kinds with fewer samples on either side are not compared
};

// One check per call kind present in both: fails if a percentile grew beyond the rule.
std::vector<LatencyCheck> CompareWithBaseline(const LatencyByKind& current, const LatencyByKind& baseline,
                                              const BaselineRule& rule);

}  // namespace conform
