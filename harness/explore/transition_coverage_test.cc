// The coverage phase plans every transition pair, in order, before the random phase; the rows say
// which were sent and judged, and why any other was not.
#include "explore/transition_coverage.h"

#include <set>

#include <gtest/gtest.h>

namespace conform {
namespace {

std::vector<Operation> Planned(int count, CredentialMix credentials = {true, true}) {
  ValueGenerator values(7);
  return GenerateOperations(count, &values, credentials);
}

std::set<std::string> PairNames() {
  std::set<std::string> names;
  for (const TransitionPair& pair : TransitionPairs()) names.insert(pair.name);
  return names;
}

TEST(TransitionCoverage, TheCoveragePhasePlansEveryPairOnceOnOneNameBeforeTheRandomPhase) {
  const std::vector<Operation> planned = Planned(300);
  std::vector<std::string> pairs;
  size_t last = 0;
  for (size_t i = 0; i < planned.size(); ++i) {
    if (planned[i].pair.empty()) continue;
    pairs.push_back(planned[i].pair);
    EXPECT_EQ(planned[i].slot, 0) << planned[i].pair;
    last = i;
  }
  ASSERT_EQ(pairs.size(), TransitionPairs().size());
  for (size_t i = 0; i < pairs.size(); ++i) EXPECT_EQ(pairs[i], TransitionPairs()[i].name) << "in the table's order";
  EXPECT_LT(last, 25u) << "the random phase spends the rest";
  const std::vector<CoverageRow> rows = TransitionCoverage(planned, 300, true, "ended");
  EXPECT_EQ(CoveredCount(rows), rows.size());
  for (const CoverageRow& row : rows) EXPECT_TRUE(row.reason.empty()) << row.name;
}

// Write X, write Y, write X: the bodies of the three updates that meet a cache keyed by the body.
TEST(TransitionCoverage, TheFirstBodyComesBackAfterAnother) {
  const std::vector<Operation> planned = Planned(300);
  std::vector<nlohmann::json> updates;
  for (const Operation& op : planned) {
    if (op.request.call == CallKind::kUpdate && !op.invalid && op.request.auth == AuthMode::kToken) {
      updates.push_back(op.request.body.value_or(nlohmann::json()));
    }
    if (op.pair == "update→update, the first body again") break;
  }
  ASSERT_GE(updates.size(), 4u);
  const size_t n = updates.size();
  EXPECT_EQ(updates[n - 1], updates[n - 3]) << "the first body again";
  EXPECT_NE(updates[n - 1], updates[n - 2]) << "after another";
  EXPECT_EQ(updates[n - 3], updates[n - 4]) << "the same body twice before it";
}

TEST(TransitionCoverage, WithoutATokenToBeWrongAboutTheCredentialPairsAreNamedAsSuch) {
  const std::vector<Operation> planned = Planned(300, {false, false});
  const std::vector<CoverageRow> rows = TransitionCoverage(planned, 300, false, "ended");
  EXPECT_EQ(CoveredCount(rows), rows.size() - 2);
  for (const CoverageRow& row : rows) {
    if (row.covered) continue;
    EXPECT_NE(row.name.find("without credentials"), std::string::npos) << row.name;
    EXPECT_EQ(row.reason, "no token to be wrong about (--token)");
  }
}

TEST(TransitionCoverage, ASmallBudgetAndAnEarlyEndAreTheReasonsGiven) {
  const std::vector<Operation> planned = Planned(8);
  ASSERT_EQ(planned.size(), 8u);
  std::vector<CoverageRow> rows = TransitionCoverage(planned, 8, true, "ended");
  EXPECT_EQ(CoveredCount(rows), 7u) << "the first operation completes no pair";
  EXPECT_EQ(rows.back().reason, "the budget ran out (--explore 8)");

  rows = TransitionCoverage(Planned(300), 4, true, "the exploration ended at its first divergence");
  EXPECT_EQ(CoveredCount(rows), 3u);
  EXPECT_TRUE(rows[2].covered);
  EXPECT_FALSE(rows[3].covered);
  EXPECT_EQ(rows[3].reason, "the exploration ended at its first divergence");
  EXPECT_EQ(PairNames().size(), rows.size()) << "each pair once";
}

}  // namespace
}  // namespace conform
