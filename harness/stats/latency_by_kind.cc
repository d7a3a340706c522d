// Merging per-kind histograms.
#include "stats/latency_by_kind.h"

namespace conform {

Histogram MergedLatency(const LatencyByKind& latency) {
  Histogram total;
  for (const auto& entry : latency) total.Merge(entry.second);
  return total;
}

}  // namespace conform
