// Budgets and baselines.
#include "stats/latency_budget.h"

#include <cmath>
#include <sstream>

#include "text/quantities.h"

namespace conform {
namespace {

std::string Ms(int64_t us) { return FormatFixed(static_cast<double>(us) / 1000.0, 3) + " ms"; }

std::string KindName(const std::optional<CallKind>& kind) { return kind ? CallKindName(*kind) : "total"; }

}  // namespace

int64_t StatisticOf(const Histogram& h, const std::string& statistic) {
  if (statistic == "max") return h.max();
  if (statistic == "mean") return static_cast<int64_t>(std::llround(h.mean()));
  double p = 0;
  return PercentileOf(statistic, &p) ? h.Percentile(p) : 0;
}

LatencyCheck JudgeBudget(const LatencyBudget& budget, const LatencyByKind& latency) {
  Histogram h;
  if (budget.kind) {
    auto it = latency.find(*budget.kind);
    if (it != latency.end()) h = it->second;
  } else {
    h = MergedLatency(latency);
  }
  LatencyCheck check;
  const std::string label = KindName(budget.kind) + "." + budget.statistic;
  check.name = "budget " + label + "<=" + Ms(budget.limit_us);
  if (h.count() == 0) {
    check.passed = false;
    check.message = label + ": no " + KindName(budget.kind) + " requests were measured";
    return check;
  }
  const int64_t measured = StatisticOf(h, budget.statistic);
  check.passed = measured <= budget.limit_us;
  check.message = label + " = " + Ms(measured) + (check.passed ? " within " : " exceeds ") + "the budget of " +
                  Ms(budget.limit_us) + " (" + std::to_string(h.count()) + " samples)";
  return check;
}

bool LatencyFromReport(const nlohmann::json& report, LatencyByKind* out, std::string* err) {
  if (!report.is_object() || !report.contains("latency") || !report["latency"].is_object()) {
    *err = "no /latency object (is this a conform report.json?)";
    return false;
  }
  for (CallKind kind : AllCallKinds()) {
    const nlohmann::json& entry = report["latency"].value(CallKindName(kind), nlohmann::json());
    if (!entry.is_object() || !entry.contains("histogram")) continue;
    Histogram h;
    if (!Histogram::FromJson(entry["histogram"], &h)) {
      *err = "/latency/" + std::string(CallKindName(kind)) + "/histogram is not a conform histogram";
      return false;
    }
    (*out)[kind] = h;
  }
  return true;
}

std::vector<LatencyCheck> CompareWithBaseline(const LatencyByKind& current, const LatencyByKind& baseline,
                                              const BaselineRule& rule) {
  std::vector<LatencyCheck> checks;
  for (const auto& [kind, now] : current) {
    auto old = baseline.find(kind);
    if (old == baseline.end() || now.count() < rule.min_samples || old->second.count() < rule.min_samples) continue;
    LatencyCheck check;
    check.name = std::string("baseline ") + CallKindName(kind);
    std::string details;
    for (const char* statistic : {"p50", "p90", "p95", "p99"}) {
      const int64_t before = StatisticOf(old->second, statistic);
      const int64_t after = StatisticOf(now, statistic);
      const bool regressed = after - before > rule.noise_floor_us &&
                             static_cast<double>(after) > static_cast<double>(before) * (1.0 + rule.max_regression);
      if (regressed) check.passed = false;
      details += std::string(details.empty() ? "" : ", ") + statistic + " " + Ms(before) + " -> " + Ms(after) +
                 (regressed ? " (REGRESSED)" : "");
    }
    check.message = std::string(CallKindName(kind)) + ": " + details + "; limit +" +
                    FormatFixed(rule.max_regression * 100, 0) + "% (samples " +
                    std::to_string(old->second.count()) + " -> " + std::to_string(now.count()) + ")";
    checks.push_back(check);
  }
  return checks;
}

}  // namespace conform
