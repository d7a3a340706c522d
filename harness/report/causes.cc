#include "report/causes.h"

#include <algorithm>
#include <map>

#include "contract/error_body.h"
#include "text/json_text.h"

namespace conform {
namespace {

// Checks of a case's own expectations: symptoms. The contract's oracle rules say more.
bool IsExpectationRule(const std::string& rule) {
  return rule == "status" || rule == "absent" || rule == "pointer" || rule == "json" || rule == "header" ||
         rule == "violations" || rule == "schema";
}

// What a rule means, in the words of a cause; several rules may be one cause seen from
// different sides.
const std::map<std::string, std::string>& RuleTitles() {
  static const std::map<std::string, std::string> kTitles = {
      {"replace.field-survived", "the update merged instead of replacing: fields or configuration keys left out of a PUT survived"},
      {"replace.configuration-key-survived", "the update merged instead of replacing: fields or configuration keys left out of a PUT survived"},
      {"replace.stored-differs", "the update stored something other than the PUT sent"},
      {"replace.response-differs-from-stored", "the update answered a state the next GET does not show"},
      {"replace.partial-apply", "a refused update still changed the connection"},
      {"replace.lost", "after a 2xx update the connection cannot be read back"},
      {"replace.precondition", "a connection the case created cannot be read back before its update"},
      {"replace.not-found-but-exists", "an invalid update of a connection that exists answered 404 (not found)"},
      {"name.renamed", "an update renamed the connection (the name is immutable)"},
      {"explore.name-length-refused", "a name within 255 characters was refused for its length (counted in bytes?)"},
      {"explore.credentials-ignored", "a call with missing or wrong credentials was served"},
      {"explore.credentials-status", "a call with missing or wrong credentials was refused with another status than the docs give"},
      {"state.changed", "a refused request changed what is stored"},
      {"server-error", "the server answered 5xx"},
      {"json-body", "answers whose body is not JSON"},
      {"error-shape", "error answers with an empty body"},
      {"create.no-connection", "create answered 2xx without the created connection"},
      {"create.stored-differs", "create stored something other than the body sent"},
      {"create.response-differs-from-stored", "create answered a connection the next GET does not show"},
      {"create.lost", "after a 2xx create the connection cannot be read"},
      {"create.precondition", "the name a create case uses was already taken"},
      {"create.partial-apply", "a refused create still created the connection"},
      {"list.missing", "created connections are missing from the list"},
      {"list.unexpected", "deleted connections are still in the list"},
      {"list.limit", "list pages hold more than paging.limit connections"},
      {"list.offset", "paging.offset does not move the list's page"},
      {"list.paging-metadata", "list answers without pagingMetadata"},
      {"list.paging-count", "pagingMetadata.count is not the page's length"},
      {"list.paging-offset", "pagingMetadata.offset does not echo paging.offset"},
      {"list.paging-total", "pagingMetadata.total is missing or below what the pages show"},
      {"error.details", "error bodies without details (applicationError or validationError)"},
      {"error.application-error", "applicationError without code, description or data"},
      {"error.field-violation", "fieldViolations without field, description or violatedRule"},
      {"error.code", "applicationError.code is not the standard one for the status"},
      {"violations", "fieldViolations do not name the field at fault"},
      {"group.torn-state", "concurrent updates were mixed: the stored connection is no body that was sent"},
      {"group.lost-update", "concurrent updates answered 2xx but changed nothing"},
      {"group.refused-write-stored", "a refused concurrent update is what got stored"},
      {"group.answer-not-own", "a concurrent update answered with another writer's state"},
      {"group.many-winners", "several concurrent creates of one name all succeeded"},
      {"group.no-winner", "no concurrent create of a name succeeded"},
      {"group.loser-status", "a create that lost the race did not answer 4xx"},
      {"group.winner-not-stored", "the stored connection is not the winning create's body"},
      {"group.resurrected", "an update racing a delete brought the connection back"},
      {"group.delete-lost", "a delete racing an update answered 404 though the connection existed"},
  };
  return kTitles;
}

std::string TitleOfRule(const Finding& f) {
  if (f.rule == "status") return "status " + f.actual + " where " + f.expected + " was expected";
  if (f.rule == "media-type") return "JSON bodies labelled Content-Type: " + f.actual;
  if (f.rule == "schema") return "answers that break the schema: " + f.message;
  auto it = RuleTitles().find(f.rule);
  return it != RuleTitles().end() ? it->second : "rule " + f.rule;
}

// The finding that failed the case and says most about why.
const Finding* DecidingFinding(const CaseResult& c, bool strict) {
  const Finding* first = nullptr;
  for (const Finding& f : c.findings) {
    if (f.level == Level::kNote || (f.level != Level::kMust && !strict)) continue;
    if (!first) first = &f;
    if (!IsExpectationRule(f.rule)) return &f;
  }
  return first;
}

// "setup answered 401 (UNAUTHENTICATED)" from the setup exchange that failed.
std::string SetupTitle(const CaseResult& c) {
  for (auto x = c.exchanges.rbegin(); x != c.exchanges.rend(); ++x) {
    if (x->step.rfind("setup", 0) != 0 || x->response.status < 300) continue;
    const std::string code = ApplicationErrorCode(ParseJsonText(x->response.body));
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
