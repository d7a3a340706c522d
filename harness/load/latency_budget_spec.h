// A latency budget as a flag or a case file writes it ("update.p95=200ms"), read into plain data.
// stats/latency_budget.h judges one against histograms. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "load/call_kind.h"

namespace conform {

struct LatencyBudget {
  std::string text;               // as given, e.g. "put.p95=200ms"
  std::optional<CallKind> kind;   // nullopt: all calls ("total")
  std::string statistic;          // "p50", "p99.9", "max", "mean"
  int64_t limit_us = 0;
};

// "kind.stat=duration": kind is create|get|list|update|put|delete|total; stat is pNN[.N], max
// or mean.
bool ParseLatencyBudget(const std::string& text, LatencyBudget* out, std::string* err);

// "p95" -> 95, "p99.9" -> 99.9; false if not a percentile in (0, 100].
bool PercentileOf(const std::string& statistic, double* p);

}  // namespace conform
