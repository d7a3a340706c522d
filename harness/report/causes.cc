#include "report/causes.h"

#include <algorithm>
#include <map>

#include "contract/error_body.h"

namespace conform {
namespace {

// Checks of a case's own expectations: symptoms. The contract's oracle rules say more.
bool IsExpectationRule(const std::string& rule) {
  return rule == "status" || rule == "absent" || rule == "pointer" || rule == "json" || rule == "header" ||
         rule == "violations" || rule == "schema";
}

// What a rule means, when several rules are one cause seen from different sides.
std::string TitleOfRule(const Finding& f) {
  if (f.rule == "replace.field-survived" || f.rule == "replace.configuration-key-survived") {
    return "the update merged instead of replacing: fields or configuration keys left out of a PUT survived";
  }
  if (f.rule == "status") return "status " + f.actual + " where " + f.expected + " was expected";
  if (f.rule == "media-type") return "JSON bodies labelled Content-Type: " + f.actual;
  if (f.rule == "schema") return "answers that break the schema: " + f.message;
  return "rule " + f.rule;
}

// The finding that failed the case and says most about why.
const Finding* DecidingFinding(const CaseResult& c, bool strict) {
  const Finding* first = nullptr;
  for (const Finding& f : c.findings) {
    if (f.level != Level::kMust && !strict) continue;
    if (!first) first = &f;
    if (!IsExpectationRule(f.rule)) return &f;
  }
  return first;
}

// "setup answered 401 (UNAUTHENTICATED)" from the setup exchange that failed.
std::string SetupTitle(const CaseResult& c) {
  for (auto x = c.exchanges.rbegin(); x != c.exchanges.rend(); ++x) {
    if (x->step.rfind("setup", 0) != 0 || x->response.status < 300) continue;
    const std::string code = ApplicationErrorCode(nlohmann::json::parse(x->response.body, nullptr, false));
    return "setup " + std::string(CallKindName(x->call)) + " answered " + std::to_string(x->response.status) +
           (code.empty() ? "" : " (" + code + ")");
  }
  return "setup failed";
}

std::string TitleOfError(const CaseResult& c) {
  if (c.error_type == "setup") return SetupTitle(c);
  if (WasNotRun(c)) return c.error_message;
  return c.error_type;
}

}  // namespace

int FailedOrErrored(const RunResult& run) { return run.Count(Outcome::kFailed) + run.Count(Outcome::kError); }

std::vector<Cause> FindCauses(const RunResult& run) {
  std::map<std::string, Cause> by_title;
  std::vector<std::string> order;  // first seen first, among equal counts
  for (const CaseResult& c : run.cases) {
    std::string title, example;
    if (c.outcome == Outcome::kError) {
      title = TitleOfError(c);
      example = c.error_message;
    } else if (c.outcome == Outcome::kFailed) {
      const Finding* f = DecidingFinding(c, run.strict);
      if (!f) continue;  // failed by a latency budget alone
      title = TitleOfRule(*f);
      example = FindingLine(*f);
    } else {
      continue;
    }
    Cause& cause = by_title[title];
    if (cause.cases++ == 0) {
      cause.title = title;
      cause.example_case = c.id;
      cause.example = example;
      order.push_back(title);
    }
  }
  std::vector<Cause> causes;
  for (const std::string& title : order) {
    if (by_title[title].cases >= 2) causes.push_back(by_title[title]);
  }
  std::stable_sort(causes.begin(), causes.end(), [](const Cause& a, const Cause& b) { return a.cases > b.cases; });
  return causes;
}

}  // namespace conform
