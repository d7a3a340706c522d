// The run loop.
#include "run/suite_runner.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <random>

namespace conform {

std::string NewRunId() {
  std::random_device device;
  std::uniform_int_distribution<unsigned> digit(0, 15);
  std::string id;
  for (int i = 0; i < 8; ++i) id += "0123456789abcdef"[digit(device)];
  return id;
}

std::string UtcTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &utc);
  return buffer;
}

namespace {

std::string HostName() {
  char buffer[256] = {0};
  if (gethostname(buffer, sizeof(buffer) - 1) != 0 || buffer[0] == '\0') return "localhost";
  return buffer;
}

}  // namespace

RunResult RunSuite(const std::vector<Case>& cases, const RunSettings& settings, const SchemaRegistry& schemas,
                   const TransportFactory& make_transport, Redactor* redactor, const CaseListener& on_case) {
  RunResult run;
  run.target = settings.base_url;
  run.run_id = settings.run_id;
  run.strict = settings.strict;
  run.timestamp = UtcTimestamp();
  run.hostname = HostName();
  const auto start = std::chrono::steady_clock::now();
  CaseRunner runner(settings, schemas, redactor);
  for (size_t i = 0; i < cases.size(); ++i) {
    std::unique_ptr<Transport> transport = make_transport();
    CaseResult result = runner.Run(cases[i], *transport);
    for (const Exchange& x : result.exchanges) {
      if (x.response.status > 0) ++run.responses;
      if (!x.response.ok() && x.response.status == 0) ++run.transport_errors;
    }
    for (const auto& [kind, histogram] : result.latency) run.latency[kind].Merge(histogram);
    if (on_case) on_case(result, i, cases.size());
    run.cases.push_back(std::move(result));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

}  // namespace conform
