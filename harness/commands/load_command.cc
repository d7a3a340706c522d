// Parses the load flags, starts the embedded mock when no target is given, runs the load loop,
// prints and writes the result, judges budgets.
#include "commands/load_command.h"

#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "commands/mock_command.h"
#include "http/target_url.h"
#include "mock/mock_server.h"
#include "report/latency_summary.h"
#include "report/report_files.h"
#include "run/load_body.h"
#include "run/load_generator.h"
#include "run/suite_runner.h"
#include "stats/latency_budget.h"
#include "text/json_text.h"
#include "text/quantities.h"

namespace conform {
namespace {

constexpr int64_t kMaxDuration = 3600LL * 1'000'000;  // an hour: a load run always ends

int Usage(const std::string& message) {
  std::cerr << "conform: " << message << "\n";
  return kExitUsage;
}

nlohmann::json ResultJson(const LoadResult& r, const LoadOptions& o, const std::vector<LatencyCheck>& checks) {
  nlohmann::json latency = LatencySummary(r.latency);
  latency["p99.9_ms"] = static_cast<double>(r.latency.Percentile(99.9)) / 1000.0;
  latency["histogram"] = r.latency.ToJson();
  nlohmann::json j = {{"tool", "conform"},
                      {"mode", "load"},
                      {"target", o.base_url},
                      {"target_rate", o.rate_per_second > 0 ? nlohmann::json(o.rate_per_second) : nlohmann::json("max")},
                      {"connections", o.connections},
                      {"sent", r.sent},
                      {"completed", r.completed},
                      {"seconds", r.seconds},
                      {"achieved_rate", r.achieved_rate},
                      {"errors", r.errors},
                      {"oracle_checks", r.oracle_checks},
                      {"retries", r.retries},
                      {"latency_from_intended", latency},
                      {"service_time", LatencySummary(r.service_time)},
                      {"peak_rss_kb", r.peak_rss_kb},
                      {"leftovers", r.leftovers}};
  j["latency_checks"] = nlohmann::json::array();
  for (const LatencyCheck& c : checks) j["latency_checks"].push_back({{"name", c.name}, {"passed", c.passed}, {"message", c.message}});
  return j;
}

void PrintRow(const std::string& label, const Histogram& h) {
  std::cout << "  " << label;
  for (const auto& [name, p] : ReportedPercentiles()) std::cout << "  " << name << " " << FormatMs(static_cast<double>(h.Percentile(p)));
  std::cout << "  p99.9 " << FormatMs(static_cast<double>(h.Percentile(99.9))) << "  max "
            << FormatMs(static_cast<double>(h.max())) << " ms\n";
}

void PrintResult(const LoadResult& r, const LoadOptions& o, const std::vector<LatencyCheck>& checks, bool quiet) {
  std::cout << "load: " << r.completed << " PUTs in " << FormatFixed(r.seconds, 2) << " s against " << o.base_url << ": "
            << FormatFixed(r.achieved_rate, 1) << "/s achieved (target "
            << (o.rate_per_second > 0 ? FormatFixed(o.rate_per_second, 1) + "/s" : std::string("max")) << "), "
            << o.connections << " connections, " << r.ErrorCount() << " errors\n";
  if (quiet) return;
  PrintRow("latency from intended send (ms):", r.latency);
  PrintRow("service time (ms):              ", r.service_time);
  std::cout << "  errors:";
  if (r.errors.empty()) std::cout << " none";
  for (const auto& [kind, count] : r.errors) std::cout << " " << kind << "=" << count;
  for (const auto& [kind, count] : r.errors) {
    if (!ReadBackErrorMeaning(kind).empty()) std::cout << "\n    " << kind << ": " << ReadBackErrorMeaning(kind);
  }
  std::cout << "\n  read-back checks: " << r.oracle_checks << ", retried after 429/503: " << r.retries
            << ", peak memory: " << r.peak_rss_kb << " KB\n";
  for (const LatencyCheck& c : checks) std::cout << (c.passed ? "PASS  " : "FAIL  ") << c.name << ": " << c.message << "\n";
  if (!r.leftovers.empty()) std::cout << "  leftovers (could not delete): " << r.leftovers.size() << "\n";
}

bool ParseLoadOptions(const LoadCommandOptions& in, LoadOptions* out, std::vector<LatencyBudget>* budgets,
                      std::string* err) {
  std::string detail;
  if (in.rate == "max") {
    out->rate_per_second = 0;
  } else if (!ParseRate(in.rate, &out->rate_per_second, &detail)) {
    *err = "--rate " + detail;
    return false;
  }
  if (!ParseDuration(in.duration, &out->duration_us, &detail) || out->duration_us <= 0 ||
      out->duration_us > kMaxDuration) {
    *err = "--duration " + in.duration + ": " + (detail.empty() ? "must be between 1us and 1h" : detail);
    return false;
  }
  for (const std::string& text : in.latency_budgets) {
    LatencyBudget budget;
    if (!ParseLatencyBudget(text, &budget, err)) return false;
    if (budget.kind && *budget.kind != CallKind::kUpdate) {
      *err = "--latency-budget " + text + ": load sends only PUTs (use put. or total.)";
      return false;
    }
    budgets->push_back(budget);
  }
  out->max_requests = in.requests;
  out->connections = in.connections;
  out->timeout_ms = in.timeout_ms;
  out->oracle_every = in.oracle_every;
  out->max_retries = in.max_retries;
  out->credentials.token = in.token;
  if (!MakeIdentity(in.site_id, in.account_id, {}, &out->credentials.identity, err)) return false;
  out->run_id = in.run_id.empty() ? NewRunId() : in.run_id;
  return true;
}

}  // namespace

int RunLoadCommand(const LoadCommandOptions& options) {
  LoadOptions load;
  std::vector<LatencyBudget> budgets;
  std::string err;
  if (!ParseLoadOptions(options, &load, &budgets, &err)) return Usage(err);

  const EmbeddedMockFlags mock_flags{options.mock_faults, options.mock_delays, options.mock_jitter};
  MockOptions mock_options;
  if (!PlanEmbeddedMock(mock_flags, !options.target.empty(), &mock_options, &err)) return Usage(err);
  if (!options.target.empty()) {
    if (!NormaliseTarget(options.target, &load.base_url, &err)) return Usage(err);
    if (!IsLoopbackTarget(load.base_url) && !options.allow_mutations) {
      return Usage("--target " + load.base_url + " is not this machine; load creates, updates and deletes " +
                   std::to_string(load.connections) + " connections named " + NamePrefix(load.run_id) +
                   "load-N there. Add --allow-mutations if that is what you want.");
    }
  }
  std::unique_ptr<MockServer> mock;
  if (options.target.empty()) {
    std::string unused_readonly_token;
    if (!StartEmbeddedMock(mock_options, &load.credentials.token, &unused_readonly_token, &mock, &err)) {
      return Usage(err);
    }
    load.base_url = mock->base_url();
  }

  LoadResult result = RunLoad(load);
  if (mock) mock->Stop();
  if (!result.setup_error.empty()) {
    std::cerr << "conform: load could not start: " << result.setup_error << "\n";
    return result.unreachable ? kExitUnreachable : kExitFailed;
  }
  LatencyByKind latency = {{CallKind::kUpdate, result.latency}};
  std::vector<LatencyCheck> checks;
  for (const LatencyBudget& budget : budgets) checks.push_back(JudgeBudget(budget, latency));
  PrintResult(result, load, checks, options.quiet);
  if (!options.json_path.empty()) {
    const std::string text = DumpJson(ResultJson(result, load, checks), 2) + "\n";
    if (!WriteReportFile(options.json_path, text, &err)) std::cerr << "conform: " << err << "\n";
  }
  const bool budgets_met = std::all_of(checks.begin(), checks.end(), [](const LatencyCheck& c) { return c.passed; });
  return result.ErrorCount() == 0 && result.leftovers.empty() && budgets_met ? kExitOk : kExitFailed;
}

}  // namespace conform
