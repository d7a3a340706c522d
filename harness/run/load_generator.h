// Open-loop load against the PUT endpoint over libcurl's multi interface: a pool of connections
// (one connection name each) that conform creates and deletes itself; every request a
// full-replace PUT whose status is checked and, sampled, read back (the replace oracle).
// Latency is taken from each request's intended send time, so a stalled server cannot hide its
// queueing (coordinated omission, corrected as wrk2 does).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "run/request_builder.h"
#include "stats/histogram.h"

namespace conform {

struct LoadOptions {
  std::string base_url;
  Credentials credentials;
  std::string run_id;
  double rate_per_second = 100;  // 0: as fast as the connections go (closed loop)
  int64_t duration_us = 10'000'000;
  uint64_t max_requests = 0;      // 0: rate x duration (required when rate is 0 ... or duration bounds it)
  int connections = 8;
  long timeout_ms = 10000;
  int oracle_every = 50;          // read back every Nth PUT of each connection; 0: never
  int max_retries = 3;            // on 429 and 503, waiting as Retry-After says
  int64_t max_retry_wait_us = 10'000'000;
};

struct LoadResult {
  std::string setup_error;        // non-empty: the pool could not be created, nothing was measured
  bool unreachable = false;
  uint64_t sent = 0;
  uint64_t completed = 0;
  double seconds = 0;
  double achieved_rate = 0;
  std::map<std::string, uint64_t> errors;  // "status-500", "response-timeout", "oracle-torn", "oracle-stale", ... (run/load_body.h)
  Histogram latency;        // completion minus intended send time
  Histogram service_time;   // libcurl's total time of the request itself
  uint64_t oracle_checks = 0;
  uint64_t retries = 0;     // requests repeated after 429 or 503
  long peak_rss_kb = 0;
  std::vector<std::string> leftovers;  // pool names cleanup could not delete

  uint64_t ErrorCount() const;
};

LoadResult RunLoad(const LoadOptions& options);

}  // namespace conform
