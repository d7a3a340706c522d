// The inverse of json_report.cc, for the fields a merged report needs.
#include "report/json_report_reader.h"

#include "load/json_numbers.h"
#include "stats/latency_budget.h"

namespace conform {
namespace {

Outcome OutcomeFrom(const std::string& name) {
  for (Outcome o : {Outcome::kPassed, Outcome::kWarned, Outcome::kFailed, Outcome::kError, Outcome::kSkipped}) {
    if (name == OutcomeName(o)) return o;
  }
  return Outcome::kError;
}

// A level the reader does not know stays must: a merge must never soften a finding.
Level LevelFrom(const nlohmann::json& j) {
  Level level = Level::kMust;
  LevelFromName(j.value("level", "must"), &level);
  return level;
}

CallKind KindFrom(const std::string& name) {
  for (CallKind kind : AllCallKinds()) {
    if (name == CallKindName(kind)) return kind;
  }
  return CallKind::kGet;
}

Headers HeadersFrom(const nlohmann::json& j) {
  Headers out;
  for (const auto& pair : j) {
    if (pair.is_array() && pair.size() == 2) out.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return out;
}

Exchange ExchangeFrom(const nlohmann::json& j) {
  Exchange x;
  x.step = j.value("step", "");
  x.call = KindFrom(j.value("call", "get"));
  x.curl = j.value("curl", "");
  const nlohmann::json& request = j.at("request");
  x.request.method = request.value("method", "");
  x.request.url = request.value("url", "");
  x.request.headers = HeadersFrom(request.value("headers", nlohmann::json::array()));
  x.request.has_body = request.contains("body");
  x.request.body = request.value("body", "");
  const nlohmann::json& response = j.at("response");
  x.response.status = WholeOr<int>(response, "status", 0);
  x.response.headers = HeadersFrom(response.value("headers", nlohmann::json::array()));
  x.response.body = response.value("body", "");
  x.response.error_message = response.value("error_message", "");
  if (!x.response.error_message.empty()) x.response.error = TransportError::kOther;
  const nlohmann::json timings = response.value("timings_us", nlohmann::json::object());
  x.response.timings.total_us = WholeOr<int64_t>(timings, "total", 0);
  return x;
}

Finding FindingFrom(const nlohmann::json& j) {
  Finding f;
  f.level = LevelFrom(j);
  f.rule = j.value("rule", "");
  f.step = j.value("step", "");
  f.pointer = j.value("pointer", "");
  f.expected = j.value("expected", "");
  f.actual = j.value("actual", "");
  f.message = j.value("message", "");
  return f;
}

CaseResult CaseFrom(const nlohmann::json& j) {
  CaseResult c;
  c.id = j.at("id").get<std::string>();
  c.title = j.value("title", "");
  c.file = j.value("file", "");
  c.level = LevelFrom(j);
  c.tags = j.value("tags", std::vector<std::string>());
  c.outcome = OutcomeFrom(j.value("outcome", "error"));
  c.seconds = j.value("seconds", 0.0);
  if (j.contains("error")) {
    c.error_type = j["error"].value("type", "");
    c.error_message = j["error"].value("message", "");
  }
  for (const auto& f : j.value("findings", nlohmann::json::array())) c.findings.push_back(FindingFrom(f));
  c.leftovers = j.value("leftovers", std::vector<std::string>());
  for (const auto& x : j.value("exchanges", nlohmann::json::array())) c.exchanges.push_back(ExchangeFrom(x));
  return c;
}

// The choices the run observed; a report from before they were kept has none.
bool ChoicesFromReport(const nlohmann::json& report, std::vector<Choice>* out, std::string* err) {
  const nlohmann::json choices = report.value("choices", nlohmann::json::object());
  for (auto it = choices.begin(); choices.is_object() && it != choices.end(); ++it) {
    if (!it.value().is_object() || !it.value().contains("choice")) continue;
    try {
      out->push_back(ChoiceFromRowJson(it.key(), it.value()));
    } catch (const nlohmann::json::exception& e) {
      *err = "/choices/" + it.key() + ": " + e.what();
      return false;
    }
  }
  return true;
}

}  // namespace

bool RunResultFromJson(const nlohmann::json& report, RunResult* out, std::string* err) {
  if (!report.is_object() || report.value("tool", "") != "conform" || !report.contains("cases") ||
      !report["cases"].is_array()) {
    *err = "/: not a conform report.json (needs tool: conform and cases[])";
    return false;
  }
  RunResult run;
  try {
    run.target = report.value("target", "");
    run.run_id = report.value("run_id", "");
    if (report.contains("seed") && report["seed"].is_string()) run.seed = report["seed"].get<std::string>();
    run.timestamp = report.value("timestamp", "");
    run.strict = report.value("strict", false);
    run.seconds = report.value("seconds", 0.0);
    run.repeat = WholeOr<int>(report, "repeat", 1);
    run.warmup = WholeOr<int>(report, "warmup", 0);
    run.hostname = "merged";
    for (const auto& c : report["cases"]) run.cases.push_back(CaseFrom(c));
    for (const auto& c : report.value("latency_checks", nlohmann::json::array())) {
      run.latency_checks.push_back({c.value("name", ""), c.value("passed", false), c.value("message", "")});
    }
    for (const auto& r : report.value("coverage", nlohmann::json::array())) {  // none before it was kept
      run.coverage.push_back({r.value("kind", ""), r.value("name", ""), r.value("covered", false), r.value("reason", "")});
    }
  } catch (const nlohmann::json::exception& e) {
    *err = "/cases: " + std::string(e.what());
    return false;
  }
  if (!ChoicesFromReport(report, &run.choices, err)) return false;
  if (!LatencyFromReport(report, &run.latency, err)) return false;
  for (const CaseResult& c : run.cases) {
    for (const Exchange& x : c.exchanges) {
      if (x.response.status > 0) ++run.responses;
    }
  }
  *out = std::move(run);
  return true;
}

}  // namespace conform
