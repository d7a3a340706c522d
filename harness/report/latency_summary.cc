// Latency figures from a histogram.
#include "report/latency_summary.h"

#include <cmath>

namespace conform {

const std::vector<std::pair<std::string, double>>& ReportedPercentiles() {
  static const std::vector<std::pair<std::string, double>> kPercentiles = {
      {"p50", 50}, {"p90", 90}, {"p95", 95}, {"p99", 99}};
  return kPercentiles;
}

namespace {

double Ms(double microseconds) { return std::round(microseconds) / 1000.0; }

}  // namespace

nlohmann::json LatencySummary(const Histogram& h) {
  nlohmann::json j = {{"count", h.count()}, {"min_ms", Ms(static_cast<double>(h.min()))}};
  for (const auto& [label, p] : ReportedPercentiles()) j[label + "_ms"] = Ms(static_cast<double>(h.Percentile(p)));
  j["max_ms"] = Ms(static_cast<double>(h.max()));
  j["mean_ms"] = std::round(h.mean()) / 1000.0;
  return j;
}

std::string FormatMs(double microseconds) {
  // Integer arithmetic keeps this independent of the C locale's decimal point.
  long long us = std::llround(microseconds);
  std::string fraction = std::to_string(us % 1000);
  return std::to_string(us / 1000) + "." + std::string(3 - fraction.size(), '0') + fraction;
}

}  // namespace conform
