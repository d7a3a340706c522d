// The latency figures every report shows: count, min, p50, p90, p95, p99, max, mean, in ms. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stats/histogram.h"

namespace conform {

// The percentiles reported, as (label, percentile).
const std::vector<std::pair<std::string, double>>& ReportedPercentiles();

// {"count":..,"min_ms":..,"p50_ms":..,...,"max_ms":..,"mean_ms":..}
nlohmann::json LatencySummary(const Histogram& h);

// Microseconds as milliseconds with three decimals, locale-independent: "12.345".
std::string FormatMs(double microseconds);

}  // namespace conform
