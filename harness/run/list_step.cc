// List steps whose expectations name connections to find or miss: the walk through the pages.
#include "check/list_page.h"
#include "run/case_execution.h"

namespace conform {
namespace {

// A walk through the list stops here: 100 pages of a site's connections is far more than a site
// holds, and bounds the requests a list with a broken offset can cost.
constexpr int kMaxListPages = 100;

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
  const PageRequest asked = PageRequestOf(request.url);
  long offset = asked.offset;
  std::vector<std::string> page, previous;
  for (int number = 1;; ++number) {
    if (number > kMaxListPages) {
      walk->truncated = true;
      return true;
    }
    std::optional<nlohmann::json> body = number == 1 ? first : std::nullopt;
    if (!body) {
      const std::string step = label + " page " + std::to_string(number);
      HttpResponse response;
      if (!Send(step, CallKind::kList, ListPageRequest(request, offset), &response)) return false;
      const Observed observed = Observe(CallKind::kList, step, response);
      if (check_pages) CheckAnswer(observed, ListPageRequest(request, offset), "", false);
      if (response.status / 100 != 2 || !observed.body) {
        walk->truncated = true;  // the page's own findings say why
        return true;
      }
      body = observed.body;
    }
    previous = std::move(page);
    page = ListedNames(*body);
    if (!AddPage(page, previous, walk)) return true;
    const size_t shown = ListedConnections(*body).size();
    offset += static_cast<long>(shown);
    if (shown == 0 || ListEndsBy(*body, offset)) return true;
  }
}

}  // namespace conform
