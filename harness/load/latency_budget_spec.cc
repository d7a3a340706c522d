#include "load/latency_budget_spec.h"

#include <sstream>

#include "text/quantities.h"

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

}  // namespace

// "p95" -> 95, "p99.9" -> 99.9; false if not a percentile in (0, 100].
bool PercentileOf(const std::string& statistic, double* p) {
  if (statistic.size() < 2 || statistic[0] != 'p') return false;
  std::istringstream in(statistic.substr(1));
  in.imbue(std::locale::classic());
  in >> *p;
  return !in.fail() && in.eof() && *p > 0 && *p <= 100;
}

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

}  // namespace conform
