// JUnit layout: testsuites > testsuite(properties, testcase*, system-out, system-err), the
// element order the strict (Ant) schema demands. Should-level findings that don't fail the run
// are listed in the suite's system-out, since a testcase there can't carry output.
#include "report/junit_report.h"

#include "report/latency_summary.h"
#include "report/xml_writer.h"

namespace conform {
namespace {

// FormatMs turns microseconds into milliseconds; fed milliseconds it gives seconds, 3 decimals.
std::string Seconds(double seconds) { return FormatMs(seconds * 1e3); }

std::string FindingsText(const CaseResult& c) {
  std::string text;
  for (const Finding& f : c.findings) text += FindingLine(f) + "\n";
  if (!c.leftovers.empty()) {
    text += "cleanup could not delete:";
    for (const std::string& n : c.leftovers) text += " " + n;
    text += "\n";
  }
  return c.file.empty() ? text : text + "case file: " + c.file + "\n";
}

const Finding* FirstFailing(const CaseResult& c, bool strict) {
  for (const Finding& f : c.findings) {
    if (f.level == Level::kMust || (strict && f.level == Level::kShould)) return &f;
  }
  return nullptr;
}

void WriteCase(const CaseResult& c, bool strict, JunitProfile profile, XmlWriter* xml) {
  const std::string classname = "conform." + (c.tags.empty() ? std::string("cases") : c.tags.front());
  XmlAttributes attributes = {{"name", c.id}, {"classname", classname}, {"time", Seconds(c.seconds)}};
  if (profile == JunitProfile::kRich && !c.file.empty()) attributes.emplace_back("file", c.file);
  switch (c.outcome) {
    case Outcome::kPassed:
    case Outcome::kWarned:
      xml->Empty("testcase", attributes);
      return;
    case Outcome::kSkipped:
      xml->Open("testcase", attributes);
      xml->Empty("skipped", {{"message", c.error_message}});
      xml->Close();
      return;
    case Outcome::kFailed: {
      const Finding* first = FirstFailing(c, strict);
      xml->Open("testcase", attributes);
      xml->Element("failure",
                   {{"message", first ? FindingLine(*first) : c.title},
                    {"type", first ? std::string(LevelName(first->level)) + ":" + first->rule : "failure"}},
                   c.title + "\n" + FindingsText(c));
      xml->Close();
      return;
    }
    case Outcome::kError:
      xml->Open("testcase", attributes);
      xml->Element("error", {{"message", c.error_message}, {"type", c.error_type}},
                   c.title + "\n" + c.error_message + "\n" + FindingsText(c));
      xml->Close();
      return;
  }
}

void WriteProperties(const RunResult& run, XmlWriter* xml) {
  xml->Open("properties");
  xml->Empty("property", {{"name", "conform.target"}, {"value", run.target}});
  xml->Empty("property", {{"name", "conform.run_id"}, {"value", run.run_id}});
  if (!run.seed.empty()) xml->Empty("property", {{"name", "conform.seed"}, {"value", run.seed}});
  xml->Empty("property", {{"name", "conform.strict"}, {"value", run.strict ? "true" : "false"}});
  if (run.insecure) xml->Empty("property", {{"name", "conform.insecure"}, {"value", "true: TLS certificates were not checked"}});
  if (run.interrupted) xml->Empty("property", {{"name", "conform.interrupted"}, {"value", "true"}});
  if (run.stopped != RunStop::kNone) xml->Empty("property", {{"name", "conform.stopped"}, {"value", run.stop_message}});
  if (run.Retries() > 0) xml->Empty("property", {{"name", "conform.retries"}, {"value", std::to_string(run.Retries())}});
  for (const auto& [kind, histogram] : run.latency) {
    const std::string prefix = std::string("latency.") + CallKindName(kind) + ".";
    xml->Empty("property", {{"name", prefix + "count"}, {"value", std::to_string(histogram.count())}});
    for (const auto& [label, p] : ReportedPercentiles()) {
      xml->Empty("property", {{"name", prefix + label + "_ms"},
                              {"value", FormatMs(static_cast<double>(histogram.Percentile(p)))}});
    }
    xml->Empty("property", {{"name", prefix + "max_ms"}, {"value", FormatMs(static_cast<double>(histogram.max()))}});
  }
  xml->Close();
}

// Budgets and baseline comparisons are testcases of their own, apart from the functional cases.
void WriteLatencyCheck(const LatencyCheck& check, XmlWriter* xml) {
  XmlAttributes attributes = {{"name", check.name}, {"classname", "conform.latency"}, {"time", "0.000"}};
  if (check.passed) {
    xml->Empty("testcase", attributes);
    return;
  }
  xml->Open("testcase", attributes);
  xml->Element("failure", {{"message", check.message}, {"type", "latency"}}, check.message + "\n");
  xml->Close();
}

std::string WarningsText(const RunResult& run) {
  std::string text;
  for (const CaseResult& c : run.cases) {
    if (c.outcome != Outcome::kWarned) continue;
    for (const Finding& f : c.findings) {
      if (f.level == Level::kShould) text += c.id + ": " + FindingLine(f) + "\n";
    }
  }
  std::string notes;
  for (const CaseResult& c : run.cases) {
    for (const Finding& f : c.findings) {
      if (f.level == Level::kNote) notes += c.id + ": " + FindingLine(f) + "\n";
    }
  }
  return (text.empty() ? "" : "should-level findings (fail only with --strict):\n" + text) +
         (notes.empty() ? "" : "notes (choices the contract leaves to the server; never a failure):\n" + notes);
}

}  // namespace

std::string JunitReport(const RunResult& run, JunitProfile profile) {
  XmlWriter xml;
  const std::string tests = std::to_string(run.cases.size() + run.latency_checks.size());
  const std::string failures = std::to_string(run.Count(Outcome::kFailed) + run.FailedLatencyChecks());
  if (profile == JunitProfile::kRich) {
    xml.Open("testsuites", {{"name", "conform"}, {"tests", tests}, {"failures", failures},
                            {"errors", std::to_string(run.Count(Outcome::kError))},
                            {"skipped", std::to_string(run.Count(Outcome::kSkipped))}, {"time", Seconds(run.seconds)},
                            {"timestamp", run.timestamp}});
  } else {
    xml.Open("testsuites");
  }
  xml.Open("testsuite", {{"name", "conform"},
                         {"package", "conform"},
                         {"id", "0"},
                         {"hostname", run.hostname.empty() ? "localhost" : run.hostname},
                         {"timestamp", run.timestamp},
                         {"tests", tests},
                         {"failures", failures},
                         {"errors", std::to_string(run.Count(Outcome::kError))},
                         {"skipped", std::to_string(run.Count(Outcome::kSkipped))},
                         {"time", Seconds(run.seconds)}});
  WriteProperties(run, &xml);
  for (const CaseResult& c : run.cases) WriteCase(c, run.strict, profile, &xml);
  for (const LatencyCheck& check : run.latency_checks) WriteLatencyCheck(check, &xml);
  xml.Element("system-out", {}, WarningsText(run));
  xml.Element("system-err", {}, "");
  return xml.Finish();
}

}  // namespace conform
