// GitHub Markdown and workflow commands.
#include "report/github_report.h"

#include "report/causes.h"
#include "report/json_report.h"
#include "report/latency_summary.h"

namespace conform {
namespace {

// Workflow command data: %, \r and \n must be escaped; properties also escape : and ,.
std::string EscapeData(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string EscapeProperty(const std::string& text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string EscapeCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string FirstProblem(const CaseResult& c) {
  for (const Finding& f : c.findings) {
    if (f.level == Level::kMust) return FindingLine(f);
  }
  if (!c.error_message.empty()) return c.error_type + ": " + c.error_message;
  return c.findings.empty() ? c.title : FindingLine(c.findings.front());
}

}  // namespace

std::string GithubStepSummary(const RunResult& run) {
  const std::string verdict = Verdict(run);
  std::string md = "## conform: " + std::string(verdict == "passed" ? "✅ passed" : verdict == "failed" ? "❌ failed" : "⚠️ error") +
                   "\n\nTarget `" + run.target + "`, " + std::to_string(run.cases.size()) + " cases: " +
                   std::to_string(run.Count(Outcome::kPassed)) + " passed, " + std::to_string(run.Count(Outcome::kWarned)) +
                   " warned, " + std::to_string(run.Count(Outcome::kFailed)) + " failed, " +
                   std::to_string(run.Count(Outcome::kError)) + " errors, " + std::to_string(run.Count(Outcome::kSkipped)) +
                   " skipped." + (run.seed.empty() ? "" : " Exploration seed `" + run.seed + "`.") + "\n\n";
  if (run.stopped != RunStop::kNone) md += "**Stopped early:** " + EscapeCell(run.stop_message) + "\n\n";
  if (const std::vector<Cause> causes = FindCauses(run); !causes.empty()) {
    md += "**Causes** (of " + std::to_string(FailedOrErrored(run)) + " failed or errored cases):\n\n";
    for (const Cause& cause : causes) {
      md += "- " + std::to_string(cause.cases) + " cases: " + EscapeCell(cause.title) + " (e.g. `" + cause.example_case +
            "`)\n";
    }
    md += "\n";
  }
  bool header = false;
  for (const CaseResult& c : run.cases) {
    if (c.outcome != Outcome::kFailed && c.outcome != Outcome::kError) continue;
    if (!header) md += "| case | outcome | first finding |\n| --- | --- | --- |\n";
    header = true;
    md += "| `" + c.id + "` | " + OutcomeName(c.outcome) + " | " + EscapeCell(FirstProblem(c)) + " |\n";
  }
  for (const LatencyCheck& check : run.latency_checks) {
    if (check.passed) continue;
    if (!header) md += "| case | outcome | first finding |\n| --- | --- | --- |\n";
    header = true;
    md += "| " + EscapeCell(check.name) + " | failed | " + EscapeCell(check.message) + " |\n";
  }
  md += "\n| call | count | p50 ms | p90 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& [kind, h] : run.latency) {
    md += std::string("| ") + CallKindName(kind) + " | " + std::to_string(h.count());
    for (const auto& [label, p] : ReportedPercentiles()) md += " | " + FormatMs(static_cast<double>(h.Percentile(p)));
    md += " | " + FormatMs(static_cast<double>(h.max())) + " |\n";
  }
  return md + "\n";
}

std::string GithubAnnotations(const RunResult& run) {
  std::string out;
  for (const CaseResult& c : run.cases) {
    if (c.outcome != Outcome::kFailed && c.outcome != Outcome::kError) continue;
    out += "::error file=" + EscapeProperty(c.file) + ",title=" + EscapeProperty("conform " + c.id) +
           "::" + EscapeData(FirstProblem(c)) + "\n";
  }
  for (const LatencyCheck& check : run.latency_checks) {
    if (!check.passed) out += "::error title=" + EscapeProperty("conform " + check.name) + "::" + EscapeData(check.message) + "\n";
  }
  return out;
}

}  // namespace conform
