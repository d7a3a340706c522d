#include "explore/transition_coverage.h"

#include <set>

namespace conform {

const std::vector<TransitionPair>& TransitionPairs() {
  static const std::vector<TransitionPair> kPairs = {
      {"create→get", "a create that answers the body it was sent but stores something else"},
      {"get→update", "an update that a read just before sends to a stale copy"},
      {"update→update, the same body", "a PUT skipped as a no-op that then forgets to store"},
      {"update→update, another body", "a lost update when writes follow each other"},
      {"update→update, the first body again", "a PUT answered from a cache of the bodies seen for the name"},
      {"update→list", "a list served from an index that updates never reach"},
      {"list→get", "a read that a list has left stale"},
      {"get→refused update", "an invalid body half applied before it is refused"},
      {"refused update→get", "a refused write that changed something"},
      {"get→update without credentials", "a write served without a token"},
      {"update without credentials→get", "a refused write without a token that changed something"},
      {"update→delete", "a delete that misses a connection just updated"},
      {"delete→delete", "a second delete of a name that answers 2xx"},
      {"delete→get", "a delete acknowledged but not applied"},
      {"get→update, the name deleted", "an update of a deleted name that revives it (an upsert)"},
      {"update→create, the name deleted", "a create of a deleted name that revives the old connection"},
      {"create→list", "a list that misses a new connection"},
      {"list→delete", "a delete that a list has left stale"},
      {"delete→list", "a list that still shows a deleted connection"},
  };
  return kPairs;
}

namespace {

std::string UncoveredPairReason(const std::string& pair, const std::set<std::string>& planned_pairs, size_t planned,
                   bool bad_credentials, const std::string& unsent_reason) {
  if (planned_pairs.count(pair)) return unsent_reason;
  if (!bad_credentials && pair.find("without credentials") != std::string::npos) {
    return "no token to be wrong about (--token)";
  }
  return "the budget ran out (--explore " + std::to_string(planned) + ")";
}

}  // namespace

std::vector<CoverageRow> TransitionCoverage(const std::vector<Operation>& planned, int sent, bool bad_credentials,
                                            const std::string& unsent_reason) {
  std::set<std::string> planned_pairs, covered;
  for (size_t i = 0; i < planned.size(); ++i) {
    if (planned[i].pair.empty()) continue;
    planned_pairs.insert(planned[i].pair);
    if (static_cast<int>(i) < sent) covered.insert(planned[i].pair);
  }
  std::vector<CoverageRow> rows;
  for (const TransitionPair& pair : TransitionPairs()) {
    CoverageRow row;
    row.kind = "transition pair";
    row.name = pair.name;
    row.covered = covered.count(pair.name) > 0;
    if (!row.covered) row.reason = UncoveredPairReason(row.name, planned_pairs, planned.size(), bad_credentials, unsent_reason);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace conform
