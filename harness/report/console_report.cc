// Console output.
#include "report/console_report.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "report/causes.h"
#include "report/json_report.h"
#include "report/latency_summary.h"
#include "text/utf8.h"

namespace conform {
namespace {

const char* Color(Outcome o) {
  switch (o) {
    case Outcome::kPassed: return "\033[32m";
    case Outcome::kWarned: return "\033[33m";
    case Outcome::kSkipped: return "\033[36m";
    default: return "\033[31m";
  }
}

const char* Label(Outcome o) {
  switch (o) {
    case Outcome::kPassed: return "PASS ";
    case Outcome::kWarned: return "WARN ";
    case Outcome::kFailed: return "FAIL ";
    case Outcome::kError: return "ERROR";
    case Outcome::kSkipped: return "SKIP ";
  }
  return "?";
}

std::string Paint(const std::string& text, const char* color, const ConsoleStyle& style) {
  return style.color ? std::string(color) + text + "\033[0m" : text;
}

std::string PadRight(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

void PrintExchanges(std::ostream& out, const CaseResult& c) {
  for (const Exchange& x : c.exchanges) {
    out << "      > " << x.step << ": " << x.request.method << " " << x.request.url << "\n";
    for (const auto& [name, value] : x.request.headers) out << "      >   " << name << ": " << value << "\n";
    if (x.request.has_body) out << "      >   " << Utf8Prefix(x.request.body, 400) << "\n";
    if (!x.response.ok() && x.response.status == 0) {
      out << "      < " << x.response.error_message << "\n";
      continue;
    }
    out << "      < " << x.response.status << " in " << FormatMs(static_cast<double>(x.response.timings.total_us))
        << " ms  " << Utf8Prefix(x.response.body, 400) << "\n";
  }
}

}  // namespace

ConsoleStyle DetectConsoleStyle(int fd, bool quiet, bool verbose) {
  ConsoleStyle style;
  const char* no_color = std::getenv("NO_COLOR");
  style.color = isatty(fd) && !(no_color && *no_color);
  style.quiet = quiet;
  style.verbose = verbose;
  return style;
}

void PrintCaseLine(std::ostream& out, const CaseResult& c, const ConsoleStyle& style) {
  if (style.quiet) return;
  out << Paint(Label(c.outcome), Color(c.outcome), style) << " " << PadRight(c.id, 44) << " " << c.title << "\n";
  if (c.outcome == Outcome::kSkipped) out << "      " << c.error_message << "\n";
}

namespace {

// Notes are never failures: one line per rule with how often, and the first where it was seen.
void PrintNotes(std::ostream& out, const RunResult& run) {
  std::map<std::string, std::pair<int, std::string>> by_rule;  // rule -> count, first example
  for (const CaseResult& c : run.cases) {
    for (const Finding& f : c.findings) {
      if (f.level != Level::kNote) continue;
      auto& [count, example] = by_rule[f.rule];
      if (count++ == 0) example = c.id + ", " + f.step + ": " + f.message;
    }
  }
  if (by_rule.empty()) return;
  out << "\nnotes (choices the contract leaves to the server; never a failure):\n";
  for (const auto& [rule, seen] : by_rule) {
    out << "  " << PadRight(rule, 36) << " " << seen.first << (seen.first == 1 ? " time" : " times") << ", e.g. " << seen.second
        << "\n";
  }
}

void PrintCaseDetails(std::ostream& out, const CaseResult& c, const ConsoleStyle& style) {
  out << Paint(Label(c.outcome), Color(c.outcome), style) << " " << PadRight(c.id, 44) << " " << c.title << "\n";
  if (c.outcome == Outcome::kError) out << "      " << c.error_message << "\n";
  for (const Finding& f : c.findings) out << "      " << FindingLine(f) << "\n";
  if ((c.outcome == Outcome::kFailed || c.outcome == Outcome::kError) && !c.file.empty()) {
    out << "      case file: " << c.file << "\n";
  }
  if (style.verbose) PrintExchanges(out, c);
}

}  // namespace

void PrintCauses(std::ostream& out, const RunResult& run, const ConsoleStyle& style) {
  const std::vector<Cause> causes = FindCauses(run);
  if (causes.empty()) return;
  out << "\n" << Paint("CAUSES", Color(Outcome::kFailed), style) << " of the " << FailedOrErrored(run)
      << " failed or errored cases:\n";
  for (const Cause& cause : causes) {
    out << "  " << PadRight(std::to_string(cause.cases) + " cases", 10) << cause.title << "\n"
        << "            e.g. " << cause.example_case << ": " << cause.example << "\n";
  }
}

void PrintDetails(std::ostream& out, const RunResult& run, const ConsoleStyle& style) {
  if (style.quiet) return;
  PrintCauses(out, run, style);
  bool header = false;
  for (const CaseResult& c : run.cases) {
    const bool shown = c.outcome == Outcome::kFailed || c.outcome == Outcome::kWarned ||
                       (c.outcome == Outcome::kError && !WasNotRun(c));
    if (!shown) continue;
    if (!header) out << "\n" << "details:\n";
    header = true;
    PrintCaseDetails(out, c, style);
  }
  PrintNotes(out, run);
}

void PrintSummary(std::ostream& out, const RunResult& run, const ConsoleStyle& style) {
  out << "\nlatency (ms)  " << PadRight("call", 8) << PadRight("count", 7);
  for (const auto& [label, p] : ReportedPercentiles()) out << PadRight(label, 9);
  out << "max\n";
  auto row = [&](const std::string& name, const Histogram& h) {
    out << "              " << PadRight(name, 8) << PadRight(std::to_string(h.count()), 7);
    for (const auto& [label, p] : ReportedPercentiles()) out << PadRight(FormatMs(static_cast<double>(h.Percentile(p))), 9);
    out << FormatMs(static_cast<double>(h.max())) << "\n";
  };
  for (const auto& [kind, h] : run.latency) row(CallKindName(kind), h);
  row("total", MergedLatency(run.latency));

  for (const LatencyCheck& check : run.latency_checks) {
    out << Paint(check.passed ? "PASS " : "FAIL ", Color(check.passed ? Outcome::kPassed : Outcome::kFailed), style)
        << " " << PadRight(check.name, 44) << " " << check.message << "\n";
  }
  const std::string verdict = Verdict(run);
  const Outcome color = verdict == "passed" ? Outcome::kPassed : Outcome::kFailed;
  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.2f", run.seconds);
  out << "\n" << Paint(verdict == "passed" ? "PASSED" : verdict == "failed" ? "FAILED" : "ERROR", Color(color), style)
      << ": " << run.cases.size() << " cases against " << run.target << " in " << seconds << " s: "
      << run.Count(Outcome::kPassed) << " passed, " << run.Count(Outcome::kWarned) << " warned (should), "
      << run.Count(Outcome::kFailed) << " failed, " << run.Count(Outcome::kError) << " errors, "
      << run.Count(Outcome::kSkipped) << " skipped";
  if (!run.latency_checks.empty()) {
    out << "; latency checks: " << run.latency_checks.size() - run.FailedLatencyChecks() << " passed, "
        << run.FailedLatencyChecks() << " failed";
  }
  if (run.repeat > 1) out << " (each case run " << run.repeat << " times)";
  if (run.Retries() > 0) out << "; " << run.Retries() << " requests retried after 429/503";
  if (!run.seed.empty()) out << "; exploration seed " << run.seed;
  if (run.stopped != RunStop::kNone) out << "; STOPPED: " << run.stop_message;
  if (const std::vector<Cause> causes = FindCauses(run); !causes.empty()) {
    out << "; main cause (" << causes.front().cases << " of " << FailedOrErrored(run) << "): " << causes.front().title;
  }
  if (run.insecure) out << "; TLS NOT VERIFIED (--insecure)";
  if (run.interrupted) out << "; INTERRUPTED";
  out << "\n";
}

}  // namespace conform
