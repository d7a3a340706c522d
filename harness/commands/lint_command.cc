// Lint: the case files load, and every request body a case expects to be accepted (setup
// requests, steps whose expected status is only 2xx, the requests of a parallel step) passes the
// contract's request schema.
#include "commands/lint_command.h"

#include <algorithm>
#include <iostream>

#include "cli/exit_codes.h"
#include "load/case_loader.h"
#include "load/variables.h"

namespace conform {
namespace {

std::string RequestSchemaFor(CallKind call) {
  if (call == CallKind::kCreate) return "create.request";
  if (call == CallKind::kUpdate) return "update.request";
  return "";
}

bool ExpectsOnly2xx(const Step& step) {
  return step.expect && !step.expect->status.empty() &&
         std::all_of(step.expect->status.begin(), step.expect->status.end(), [](const StatusMatcher& m) {
           return m.code ? m.code / 100 == 2 : m.code_class == 2;
         });
}

void CheckBody(const Case& c, const RequestSpec& r, const std::string& where, const SchemaRegistry& schemas,
               std::vector<std::string>* problems) {
  const std::string schema = RequestSchemaFor(r.call);
  if (schema.empty() || !r.body) return;
  nlohmann::json body;
  std::string err;
  if (!StandInVariables(c, "lint").ExpandJson(*r.body, &body, &err)) return;  // the loader reports variables
  for (const Violation& v : schemas.Validate(schema, body)) {
    problems->push_back(c.file + ": " + where + "/body" + v.pointer + ": a body expected to be accepted violates " +
                        schema + ": " + v.message);
  }
}

}  // namespace

std::vector<std::string> LintCases(const Selection& selection, const SchemaRegistry& schemas, size_t* count) {
  std::vector<std::string> problems;
  std::vector<Case> cases;
  LoadCases(selection.cases_dir, schemas, &cases, &problems);
  // Every file must load; the bodies are checked for the cases the selection takes.
  const std::vector<Case> selected = SelectCases(cases, selection);
  if (count) *count = selected.size();
  if (selected.empty() && !cases.empty()) problems.push_back(selection.cases_dir + ": no case matches the selection");
  for (const Case& c : selected) {
    for (size_t i = 0; i < c.setup.size(); ++i) CheckBody(c, c.setup[i], "/setup/" + std::to_string(i), schemas, &problems);
    for (size_t i = 0; i < c.steps.size(); ++i) {
      const std::string at = "/steps/" + std::to_string(i);
      if (ExpectsOnly2xx(c.steps[i])) CheckBody(c, c.steps[i].request, at, schemas, &problems);
      if (!c.steps[i].parallel) continue;
      // A group's requests are meant to be accepted (the race is the point, not the body).
      const ParallelGroup& group = *c.steps[i].parallel;
      for (size_t j = 0; j < group.prepare.size(); ++j) {
        CheckBody(c, group.prepare[j], at + "/parallel/prepare/" + std::to_string(j), schemas, &problems);
      }
      for (size_t j = 0; j < group.requests.size(); ++j) {
        CheckBody(c, group.requests[j], at + "/parallel/requests/" + std::to_string(j), schemas, &problems);
      }
    }
  }
  return problems;
}

int RunLintCommand(const Selection& selection, const std::string& schemas_dir) {
  SchemaRegistry schemas;
  std::vector<std::string> problems;
  std::string err;
  size_t cases = 0;
  if (!schemas.LoadDirectory(schemas_dir, &err)) problems.push_back(err);
  if (problems.empty()) problems = LintCases(selection, schemas, &cases);
  for (const std::string& p : problems) std::cerr << "conform: " << p << "\n";
  if (!problems.empty()) {
    std::cerr << "conform: lint found " << problems.size() << " problem(s)\n";
    return kExitUsage;
  }
  std::cout << "lint: " << cases << " cases and " << schemas.Names().size() << " schemas are valid\n";
  return kExitOk;
}

}  // namespace conform
