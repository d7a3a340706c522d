#include "check/list_view.h"

#include "check/json_match.h"
#include "contract/connection_rules.h"

namespace conform {

std::optional<Finding> JudgeListedView(const std::string& name, const ListedConnection& listed, const Snapshot& truth,
                                       const ViewRule& rule, const std::string& step) {
  if (truth.status != 200 || !truth.connection) return std::nullopt;
  const std::optional<Mismatch> d = FirstDifference(StateOf(truth), WritableState(listed.connection));
  if (!d) return std::nullopt;
  Finding f = MakeFinding(Level::kMust, step, rule.rule,
                          "page " + std::to_string(listed.page) + " of the list shows \"" + name + "\" otherwise than " +
                              rule.truth + " (a stale or partial view)");
  f.pointer = "/externalDatabaseConnections/" + std::to_string(listed.index) + d->pointer;
  f.expected = d->expected;
  f.actual = d->actual;
  return f;
}

}  // namespace conform
