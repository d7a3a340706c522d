// Runs the selected cases one after another, each on its own transport (so one connection is
// reused within a case), and gathers the run's result and latency.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "http/transport.h"
#include "run/case_runner.h"

namespace conform {

using TransportFactory = std::function<std::unique_ptr<Transport>()>;
using CaseListener = std::function<void(const CaseResult&, size_t index, size_t total)>;

RunResult RunSuite(const std::vector<Case>& cases, const RunSettings& settings, const SchemaRegistry& schemas,
                   const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case);

// A random run id of 8 lowercase hex digits.
std::string NewRunId();

// UTC "YYYY-MM-DDTHH:MM:SS" for now.
std::string UtcTimestamp();

}  // namespace conform
