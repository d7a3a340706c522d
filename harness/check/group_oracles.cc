// Judged on writable state only (read-only fields are the server's; null, absent and an empty
// configuration are alike), as every oracle is.
#include "check/group_oracles.h"

#include "check/json_match.h"
#include "contract/connection_rules.h"

namespace conform {
namespace {

bool Is2xx(int status) { return status / 100 == 2; }

// The writable state a member asked for, under the group's name.
nlohmann::json Wanted(const GroupMember& m, const std::string& name) {
  nlohmann::json wanted = m.sent ? WritableState(*m.sent) : nlohmann::json::object();
  wanted["name"] = name;
  return wanted;
}

bool Same(const nlohmann::json& a, const nlohmann::json& b) { return !FirstDifference(a, b).has_value(); }

// The first member (of `call`, answered as `accepted` says) whose body the state equals.
const GroupMember* MemberStored(const nlohmann::json& state, const GroupInput& in, CallKind call, bool accepted) {
  for (const GroupMember& m : in.members) {
    if (m.call == call && Is2xx(m.status) == accepted && Same(state, Wanted(m, in.name))) return &m;
  }
  return nullptr;
}

void CheckAnswersOwnBody(const GroupInput& in, const std::string& step, std::vector<Finding>* out) {
  for (const GroupMember& m : in.members) {
    if (!Is2xx(m.status) || !m.answered) continue;
    if (auto d = FirstDifference(Wanted(m, in.name), WritableState(*m.answered))) {
      Finding f = MakeFinding(Level::kMust, step, "group.answer-not-own", m.label + " answered 2xx with another state than its own body");
      f.pointer = "/externalDatabaseConnection" + d->pointer;
      f.expected = d->expected + " (its own body)";
      f.actual = d->actual + " (" + Attribution(WritableState(*m.answered), in.members, in.name) + ")";
      out->push_back(f);
    }
  }
}

std::string StatusList(const GroupInput& in) {
  std::string out;
  for (const GroupMember& m : in.members) out += (out.empty() ? "" : ", ") + m.label + " " + std::to_string(m.status);
  return out;
}

// After concurrent updates: the body of one that answered 2xx, or, if none did, the state before.
std::optional<Finding> JudgeStoredState(const GroupInput& in, const std::string& step) {
  if (in.after.status != 200 || !in.after.connection) {
    Finding f = MakeFinding(Level::kMust, step, "group.torn-state", "after the concurrent updates the connection cannot be read");
    f.expected = "200";
    f.actual = std::to_string(in.after.status);
    return f;
  }
  const nlohmann::json stored = StateOf(in.after);
  bool any_accepted = false;
  for (const GroupMember& m : in.members) any_accepted = any_accepted || Is2xx(m.status);
  if (MemberStored(stored, in, CallKind::kUpdate, true)) return std::nullopt;
  const bool as_before = Same(stored, StateOf(in.before));
  if (!any_accepted && as_before) return std::nullopt;
  Finding f;
  if (as_before) {
    f = MakeFinding(Level::kMust, step, "group.lost-update", "updates answered 2xx, yet the connection is as it was before them");
  } else if (const GroupMember* refused = MemberStored(stored, in, CallKind::kUpdate, false)) {
    f = MakeFinding(Level::kMust, step, "group.refused-write-stored", "the stored connection is the body of " + refused->label +
                                                     ", whose update was refused (" + std::to_string(refused->status) + ")");
  } else {
    f = MakeFinding(Level::kMust, step, "group.torn-state", "the stored connection is no body that was sent: concurrent updates were mixed");
  }
  f.pointer = "/externalDatabaseConnection";
  f.expected = "exactly the body of one update that answered 2xx (" + StatusList(in) + ")";
  f.actual = Shorten(stored) + " (" + Attribution(stored, in.members, in.name) + ")";
  return f;
}

}  // namespace

std::string Attribution(const nlohmann::json& state, const std::vector<GroupMember>& members, const std::string& name) {
  std::string out;
  for (const std::string& field : WritableFields()) {
    if (field == "name") continue;
    const nlohmann::json value = state.value(field, nlohmann::json());
    std::string from = "none";
    for (const GroupMember& m : members) {
      if (Wanted(m, name).value(field, nlohmann::json()) == value) {
        from = m.label;
        break;
      }
    }
    out += (out.empty() ? "" : ", ") + field + " from " + from;
  }
  return out;
}

// The stored state first (what a user of the connection sees), then the answers.
std::vector<Finding> JudgeLinearizableReplace(const GroupInput& in, const std::string& step) {
  std::vector<Finding> out;
  if (std::optional<Finding> state = JudgeStoredState(in, step)) out.push_back(*state);
  CheckAnswersOwnBody(in, step, &out);
  return out;
}

std::vector<Finding> JudgeSingleWinner(const GroupInput& in, const std::string& step) {
  std::vector<Finding> out;
  std::vector<const GroupMember*> winners;
  for (const GroupMember& m : in.members) {
    if (Is2xx(m.status)) {
      winners.push_back(&m);
    } else if (m.status / 100 != 4) {
      Finding f = MakeFinding(Level::kMust, step, "group.loser-status", m.label + " lost the race but did not answer 4xx");
      f.expected = "4xx (409 ALREADY_EXISTS)";
      f.actual = std::to_string(m.status);
      out.push_back(f);
    }
  }
  if (winners.size() != 1) {
    Finding f = MakeFinding(Level::kMust, step, winners.empty() ? "group.no-winner" : "group.many-winners",
                     winners.empty() ? "no create of the name answered 2xx"
                                     : std::to_string(winners.size()) + " creates of one name answered 2xx");
    f.expected = "exactly one 2xx";
    f.actual = StatusList(in);
    out.push_back(f);
  }
  if (winners.empty()) return out;
  const nlohmann::json stored = StateOf(in.after);
  for (const GroupMember* w : winners) {
    if (in.after.status == 200 && Same(stored, Wanted(*w, in.name))) return out;
  }
  Finding f = MakeFinding(Level::kMust, step, "group.winner-not-stored", "the stored connection is not the winning create's body");
  f.pointer = "/externalDatabaseConnection";
  f.expected = "the body of " + winners.front()->label;
  f.actual = in.after.status == 200 ? Shorten(stored) + " (" + Attribution(stored, in.members, in.name) + ")"
                                    : "GET answered " + std::to_string(in.after.status);
  out.push_back(f);
  return out;
}

std::vector<Finding> JudgeDeleteWinsOr404(const GroupInput& in, const std::string& step) {
  std::vector<Finding> out;
  for (const GroupMember& m : in.members) {
    if (m.call != CallKind::kDelete) continue;
    if (Is2xx(m.status) && in.after.status != 404) {
      Finding f = MakeFinding(Level::kMust, step, "group.resurrected", "the delete answered 2xx, yet the connection reads back afterwards");
      f.expected = "GET answers 404";
      f.actual = std::to_string(in.after.status) + " (" + StatusList(in) + ")";
      out.push_back(f);
    } else if (m.status == 404 && in.before.status == 200) {
      Finding f = MakeFinding(Level::kMust, step, "group.delete-lost", "the delete answered 404 though the connection existed and nothing else deletes");
      f.expected = "2xx";
      f.actual = "404 (" + StatusList(in) + ")";
      out.push_back(f);
    }
  }
  return out;
}

std::vector<Finding> JudgeGroup(GroupOracle oracle, const GroupInput& in, const std::string& step) {
  switch (oracle) {
    case GroupOracle::kLinearizableReplace: return JudgeLinearizableReplace(in, step);
    case GroupOracle::kSingleWinner: return JudgeSingleWinner(in, step);
    case GroupOracle::kDeleteWinsOr404: return JudgeDeleteWinsOr404(in, step);
  }
  return {};
}

}  // namespace conform
