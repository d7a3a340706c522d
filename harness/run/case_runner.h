// Runs one case: variables, setup, steps with their checks and oracles, and cleanup of every
// name the case touched, also when it fails. Talks to the network only through Transport.
#pragma once

#include <string>

#include "http/interrupt.h"
#include "http/request_gate.h"
#include "http/transport.h"
#include "load/case.h"
#include "load/schema_registry.h"
#include "redact/redactor.h"
#include "run/list_settle.h"
#include "run/request_builder.h"
#include "run/results.h"

namespace conform {

struct RunSettings {
  std::string base_url;  // no trailing slash
  Credentials credentials;
  std::string run_id;
  bool strict = false;
  GatePolicy gate;  // pacing, retries, breaker, deadline: one RequestGate per run
  int64_t list_settle_us = kDefaultListSettleUs;  // how long a failing list check is walked again (--list-settle)
};

// The names created and not yet deleted, readable from a signal handler (see run_command.cc).
const std::string* LedgerSnapshot();
// Publishes the names a unit of work may leave behind (a case's, the exploration's); {} when
// they are cleaned up.
void PublishLedger(const std::vector<std::string>& names);

class CaseRunner {
 public:
  // redactor learns the secrets the case sends and hides them in what the result keeps.
  CaseRunner(const RunSettings& settings, const SchemaRegistry& schemas, Redactor* redactor)
      : settings_(settings), schemas_(schemas), redactor_(redactor) {}

  // Every request goes through `gate` (paced, retried on 429/503, stopped by breaker or deadline).
  CaseResult Run(const Case& c, Transport& transport, RequestGate& gate);

 private:
  const RunSettings& settings_;
  const SchemaRegistry& schemas_;
  Redactor* redactor_;
};

}  // namespace conform
