// List steps whose expectations name connections to find or miss: the walk through the pages,
// and what the pages show of the case's own connections.
#include <set>

#include "check/list_page.h"
#include "check/list_view.h"
#include "run/case_execution.h"
#include "run/list_settle.h"
#include "run/list_walker.h"

namespace conform {
namespace {

// A listed connection must show what a GET of it shows at that moment (docs/contract.md §1).
const ViewRule kViewRule{"list.view-stale", "a GET of it"};

}  // namespace

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
  const std::set<std::string> own(s_->owned_names.begin(), s_->owned_names.end());
  // Only the first walk's answers get the checks every answer gets: a walk again would repeat them.
  const ListJudgement judge = [&](int walk_number, std::vector<Finding>* found) {
    ListWalk walk;
    const std::optional<nlohmann::json>& body = walk_number == 1 ? first.body : std::nullopt;
    if (!WalkList(WalkLabel(label, walk_number), request, body, walk_number == 1, own, &walk)) return false;
    for (const auto& [e, level] : wanted) Append(JudgeListContents(walk, e.listed, e.unlisted, level, label), found);
    return JudgeViews(label, walk, walk_number == 1, found);
  };
  std::vector<Finding> findings;
  if (!JudgeSettled(settings_.list_settle_us, gate_, judge, &findings)) return false;
  Append(std::move(findings));
  return true;
}

bool Execution::JudgeViews(const std::string& label, const ListWalk& walk, bool check, std::vector<Finding>* found) {
  for (const auto& [name, listed] : walk.shown) {
    Snapshot now;
    if (!Read(label + " GET of a listed connection", name, &now, check)) return false;
    if (auto f = JudgeListedView(name, listed, now, kViewRule, label)) found->push_back(std::move(*f));
  }
  return true;
}

bool Execution::WalkList(const std::string& label, const HttpRequest& request, std::optional<nlohmann::json> first,
                         bool check_pages, const std::set<std::string>& own, ListWalk* walk) {
  const PageFetcher fetch = [&](const std::string& step, const HttpRequest& page, std::optional<nlohmann::json>* body) {
    HttpResponse response;
    if (!Send(step, CallKind::kList, page, &response)) return false;
    const Observed observed = Observe(CallKind::kList, step, response);
    if (check_pages) CheckAnswer(observed, page, "", false);
    if (response.status / 100 == 2 && observed.body) *body = observed.body;
    return true;
  };
  return conform::WalkList(label, request, std::move(first), fetch, own, walk);
}

}  // namespace conform
