// Budgets and baselines.
#include "stats/latency_budget.h"

#include <cmath>
#include <sstream>

#include "cli/quantities.h"

namespace conform {
namespace {

bool ParseKind(const std::string& text, std::optional<CallKind>* out) {
  if (text == "total") {
    out->reset();
    return true;
  }
  if (text == "put") {
    *out = CallKind::kUpdate;
    return true;
  }
  for (CallKind kind : AllCallKinds()) {
    if (text == CallKindName(kind)) {
      *out = kind;
      return true;
    }
  }
  return false;
}

// "p95" -> 95, "p99.9" -> 99.9; false if not a percentile in (0, 100].
bool PercentileOf(const std::string& statistic, double* p) {
  if (statistic.size() < 2 || statistic[0] != 'p') return false;
  std::istringstream in(statistic.substr(1));
  in.imbue(std::locale::classic());
  in >> *p;
  return !in.fail() && in.eof() && *p > 0 && *p <= 100;
}

std::string Ms(int64_t us) { return FormatFixed(static_cast<double>(us) / 1000.0, 3) + " ms"; }

std::string KindName(const std::optional<CallKind>& kind) { return kind ? CallKindName(*kind) : "total"; }

}  // namespace

bool ParseLatencyBudget(const std::string& text, LatencyBudget* out, std::string* err) {
  const size_t dot = text.find('.');
  const size_t equals = text.find('=');
  if (dot == std::string::npos || equals == std::string::npos || equals < dot) {
    *err = "--latency-budget " + text + ": expected KIND.STAT=DURATION, e.g. put.p95=200ms";
    return false;
  }
  LatencyBudget b;
  b.text = text;
  b.statistic = text.substr(dot + 1, equals - dot - 1);
  double p = 0;
  if (!ParseKind(text.substr(0, dot), &b.kind)) {
    *err = "--latency-budget " + text + ": unknown call kind (create, get, list, update/put, delete, total)";
    return false;
  }
  if (b.statistic != "max" && b.statistic != "mean" && !PercentileOf(b.statistic, &p)) {
    *err = "--latency-budget " + text + ": unknown statistic (p50, p95, p99.9, max, mean)";
    return false;
  }
  std::string duration_error;
  if (!ParseDuration(text.substr(equals + 1), &b.limit_us, &duration_error)) {
    *err = "--latency-budget " + text + ": " + duration_error;
    return false;
  }
  *out = b;
  return true;
}

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
