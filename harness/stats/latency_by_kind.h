// Latency histograms kept per call kind (create, get, list, update, delete).
#pragma once

#include <map>

#include "load/case.h"
#include "stats/histogram.h"

namespace conform {

using LatencyByKind = std::map<CallKind, Histogram>;

// Every kind merged into one.
Histogram MergedLatency(const LatencyByKind& latency);

}  // namespace conform
