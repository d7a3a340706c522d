// report.json layout (documented in docs/reports.md).
#include "report/json_report.h"

#include "text/utf8.h"

#include "report/causes.h"

#include "report/latency_summary.h"

namespace conform {
namespace {

constexpr size_t kMaxJsonBodyChars = 4096;

std::string CappedForJson(const std::string& body) {
  if (body.size() <= kMaxJsonBodyChars) return body;
  return Utf8Prefix(body, kMaxJsonBodyChars) + "... (" + std::to_string(body.size()) + " bytes in all)";
}

// Strings in reports must be valid UTF-8 for nlohmann's dump; the caller dumps with "replace".
nlohmann::json HeadersJson(const Headers& headers) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [name, value] : headers) out.push_back({name, value});
  return out;
}

}  // namespace

nlohmann::json JsonReportExchange(const Exchange& x) {
  nlohmann::json request = {{"method", x.request.method}, {"url", x.request.url},
                            {"headers", HeadersJson(x.request.headers)}};
  if (x.request.has_body) request["body"] = CappedForJson(x.request.body);
  nlohmann::json response = {{"status", x.response.status}};
  if (!x.response.ok()) {
    response["error"] = TransportErrorName(x.response.error);
    response["error_message"] = x.response.error_message;
  }
  response["headers"] = HeadersJson(x.response.headers);
  response["body"] = CappedForJson(x.response.body);
  const PhaseTimings& t = x.response.timings;
  response["timings_us"] = {{"dns", t.dns_us}, {"connect", t.connect_us}, {"tls", t.tls_us},
                            {"first_byte", t.first_byte_us}, {"total", t.total_us}};
  return {{"step", x.step}, {"call", CallKindName(x.call)}, {"request", request}, {"response", response},
          {"curl", CappedForJson(x.curl)}};
}

namespace {

nlohmann::json FindingJson(const Finding& f) {
  return {{"level", LevelName(f.level)}, {"rule", f.rule},         {"step", f.step},
          {"pointer", f.pointer},        {"expected", f.expected}, {"actual", f.actual},
          {"message", f.message}};
}

nlohmann::json LatencyJson(const LatencyByKind& latency, bool with_buckets) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [kind, histogram] : latency) {
    out[CallKindName(kind)] = LatencySummary(histogram);
    if (with_buckets) out[CallKindName(kind)]["histogram"] = histogram.ToJson();
  }
  const Histogram total = MergedLatency(latency);
  out["total"] = LatencySummary(total);
  if (with_buckets) out["total"]["histogram"] = total.ToJson();
  return out;
}

nlohmann::json CaseJson(const CaseResult& c) {
  nlohmann::json j = {{"id", c.id},         {"title", c.title},       {"file", c.file},
                      {"level", LevelName(c.level)}, {"tags", c.tags}, {"outcome", OutcomeName(c.outcome)},
                      {"seconds", c.seconds}, {"retries", c.retries}};
  if (!c.error_type.empty() || c.outcome == Outcome::kSkipped) {
    j["error"] = {{"type", c.error_type}, {"message", c.error_message}};
  }
  j["findings"] = nlohmann::json::array();
  for (const Finding& f : c.findings) j["findings"].push_back(FindingJson(f));
  if (!c.leftovers.empty()) j["leftovers"] = c.leftovers;
  j["latency"] = LatencyJson(c.latency, false);
  j["exchanges"] = nlohmann::json::array();
  for (const Exchange& x : c.exchanges) j["exchanges"].push_back(JsonReportExchange(x));
  return j;
}

}  // namespace

std::string Verdict(const RunResult& run) {
  if (run.Unreachable() || run.stopped == RunStop::kTargetStoppedAnswering) return "error";
  if (run.Count(Outcome::kFailed) > 0 || run.Count(Outcome::kError) > 0 || run.FailedLatencyChecks() > 0) {
    return "failed";
  }
  return "passed";
}

nlohmann::json JsonReport(const RunResult& run) {
  nlohmann::json j = {{"tool", "conform"},   {"version", CONFORM_VERSION}, {"run_id", run.run_id},
                      {"target", run.target}, {"timestamp", run.timestamp}, {"strict", run.strict},
                      {"seconds", run.seconds}, {"verdict", Verdict(run)}};
  j["summary"] = {{"total", run.cases.size()},
                  {"passed", run.Count(Outcome::kPassed)},
                  {"warned", run.Count(Outcome::kWarned)},
                  {"failed", run.Count(Outcome::kFailed)},
                  {"error", run.Count(Outcome::kError)},
                  {"skipped", run.Count(Outcome::kSkipped)}};
  // A string: --seed takes 18 digits, more than a JSON reader's double holds exactly.
  j["seed"] = run.seed.empty() ? nlohmann::json() : nlohmann::json(run.seed);
  j["insecure"] = run.insecure;
  j["interrupted"] = run.interrupted;
  j["stopped"] = run.stopped == RunStop::kNone ? nlohmann::json()
                                                : nlohmann::json{{"reason", run.StopName()}, {"message", run.stop_message}};
  j["retries"] = run.Retries();
  j["causes"] = nlohmann::json::array();
  for (const Cause& cause : FindCauses(run)) {
    j["causes"].push_back({{"cause", cause.title}, {"cases", cause.cases}, {"example_case", cause.example_case},
                           {"example", cause.example}});
  }
  j["repeat"] = run.repeat;
  j["warmup"] = run.warmup;
  j["latency"] = LatencyJson(run.latency, true);
  j["latency_checks"] = nlohmann::json::array();
  for (const LatencyCheck& c : run.latency_checks) {
    j["latency_checks"].push_back({{"name", c.name}, {"passed", c.passed}, {"message", c.message}});
  }
  j["choices"] = nlohmann::json::object();  // observed where the contract is free, never judged
  for (const Choice& c : run.choices) j["choices"][c.id] = ChoiceRowJson(c);
  j["coverage"] = nlohmann::json::array();  // what exploration sent and judged, and why not the rest
  for (const CoverageRow& row : run.coverage) {
    nlohmann::json r = {{"kind", row.kind}, {"name", row.name}, {"covered", row.covered}};
    if (!row.covered) r["reason"] = row.reason;
    j["coverage"].push_back(r);
  }
  j["cases"] = nlohmann::json::array();
  for (const CaseResult& c : run.cases) j["cases"].push_back(CaseJson(c));
  return j;
}

}  // namespace conform
