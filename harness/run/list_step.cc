// List steps whose expectations name connections to find or miss: the walk through the pages.
#include "check/list_page.h"
#include "run/case_execution.h"
#include "run/list_walker.h"

namespace conform {

bool Execution::JudgeList(const std::string& label, const HttpRequest& request, const Observed& first, const Step& step) {
  std::vector<std::pair<Expectation, Level>> wanted;
  for (const auto& [e, level] : {std::pair{&step.expect, s_->kase->level}, std::pair{&step.should, Level::kShould}}) {
    if (!*e || ((*e)->listed.empty() && (*e)->unlisted.empty())) continue;
    Expectation expanded;
    std::string err;
    if (!ExpandExpectation(**e, s_->vars, &expanded, &err)) return Error("setup", err);
    wanted.emplace_back(std::move(expanded), level);
  }
  if (wanted.empty()) return true;
  std::vector<Finding> findings;
  for (int walk_number = 1; walk_number <= 2; ++walk_number) {
    ListWalk walk;
    const std::optional<nlohmann::json>& body = walk_number == 1 ? first.body : std::nullopt;
    if (!WalkList(label + (walk_number == 1 ? "" : " again"), request, body, walk_number == 1, &walk)) return false;
    findings.clear();
    for (const auto& [e, level] : wanted) Append(JudgeListContents(walk, e.listed, e.unlisted, level, label), &findings);
    if (findings.empty()) return true;
  }
  Append(std::move(findings));
  return true;
}

bool Execution::WalkList(const std::string& label, const HttpRequest& request, std::optional<nlohmann::json> first,
                         bool check_pages, ListWalk* walk) {
  const PageFetcher fetch = [&](const std::string& step, const HttpRequest& page, std::optional<nlohmann::json>* body) {
    HttpResponse response;
    if (!Send(step, CallKind::kList, page, &response)) return false;
    const Observed observed = Observe(CallKind::kList, step, response);
    if (check_pages) CheckAnswer(observed, page, "", false);
    if (response.status / 100 == 2 && observed.body) *body = observed.body;
    return true;
  };
  return conform::WalkList(label, request, std::move(first), fetch, walk);
}

}  // namespace conform
