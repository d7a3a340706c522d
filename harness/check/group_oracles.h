// The oracles over a group of requests sent at the same moment to one connection name: what a
// full-replace contract means when writes overlap, as a linearizability check of one register.
// Whatever order the server put the group in, the outcome must be one that some order of the
// requests, each applied whole, could give. Pure: the runner sends and reads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "check/replace_oracle.h"
#include "load/case.h"

namespace conform {

// One request of the group and its answer.
struct GroupMember {
  std::string label;                       // "writer 3 (update)": how findings name it
  CallKind call = CallKind::kUpdate;
  std::optional<nlohmann::json> sent;      // the body's externalDatabaseConnection, if an object
  int status = 0;
  std::optional<nlohmann::json> answered;  // the answer's externalDatabaseConnection, on 2xx
};

struct GroupInput {
  std::string name;  // the connection every member touched
  Snapshot before;   // a GET just before the group
  std::vector<GroupMember> members;
  Snapshot after;    // a GET just after every member answered
};

// Rules (all must): group.torn-state (the stored connection mixes bodies), group.lost-update
// (nothing changed though an update answered 2xx), group.refused-write-stored (a refused body is
// stored), group.answer-not-own (a 2xx answer shows another body than its own).
std::vector<Finding> JudgeLinearizableReplace(const GroupInput& in, const std::string& step);

// Rules (all must): group.many-winners, group.no-winner, group.loser-status (a loser answered
// other than 4xx), group.winner-not-stored.
std::vector<Finding> JudgeSingleWinner(const GroupInput& in, const std::string& step);

// Rules (all must): group.resurrected (a 2xx delete, yet the name reads back), group.delete-lost
// (the delete answered 404 though the connection existed).
std::vector<Finding> JudgeDeleteWinsOr404(const GroupInput& in, const std::string& step);

std::vector<Finding> JudgeGroup(GroupOracle oracle, const GroupInput& in, const std::string& step);

// "endpoint from writer 2, configuration from writer 5": which member each writable field of
// `state` came from ("from none" when no body had it). Used to explain a torn state.
std::string Attribution(const nlohmann::json& state, const std::vector<GroupMember>& members, const std::string& name);

}  // namespace conform
