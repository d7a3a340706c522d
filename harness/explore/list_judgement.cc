#include "explore/list_judgement.h"

#include "check/list_view.h"

namespace conform {
namespace {

// A listed connection must show what the model holds (docs/contract.md section 1).
const ViewRule kListViewRule{"explore.list-view-diverged", "the contract's model holds it"};

// A name listed that the model does not hold, or held and not listed.
Finding Membership(const std::string& step, const std::string& name, bool held) {
  Finding f = MakeFinding(Level::kMust, step, "explore.list-diverged",
                          held ? "a connection the model holds is not listed" : "a connection the model does not hold is listed");
  f.pointer = "/externalDatabaseConnections";
  f.expected = "\"" + name + "\" " + (held ? "listed" : "not listed");
  f.actual = held ? "not listed" : "listed";
  return f;
}

}  // namespace

std::vector<Finding> ListDivergences(const std::string& step, const ListWalk& walk, const std::set<std::string>& names,
                                     const ModelState& model) {
  std::vector<Finding> out;
  for (const std::string& name : names) {
    const Reply& state = model(name);
    const bool held = state.status == 200;
    if (held != (walk.names.count(name) > 0)) {
      out.push_back(Membership(step, name, held));
    } else if (auto shown = walk.shown.find(name); held && shown != walk.shown.end()) {
      if (auto f = JudgeListedView(name, shown->second, MakeSnapshot(state.status, state.body), kListViewRule, step)) {
        out.push_back(std::move(*f));
      }
    }
  }
  return out;
}

}  // namespace conform
