// How exploration judges a status the target answered otherwise than the contract's model: a
// table of named rules, walked in order. The first rule whose condition holds decides; when none
// does, the divergence is must (explore.status-diverged). Credentials, same-meaning statuses and
// conflated names are judged before the table (explore/explorer.cc says where).
//
// Adding a rule: one condition, one ruling, one row in StatusRules() (its place in the order is a
// decision: a row only sees what the rows above it let through), and a test of each in
// status_rules_test.cc.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/case.h"

namespace conform {

// What a rule sees of one diverging operation.
struct StatusDivergence {
  CallKind call = CallKind::kGet;
  AuthMode auth = AuthMode::kToken;
  std::string name;        // the name the call reached ("" for a list)
  int expected = 0;        // the model's status
  int actual = 0;          // the target's
  bool model_holds = false;  // the model holds the name after the call
  bool reuse = false;        // a create of a name this sequence deleted
  std::string page_limit;    // a list's paging.limit ("(none)" when it sent none)
};

// The questions a rule may put to the target. Each returns false when the target gave no usable
// answer (the exploration ends there, as for any request).
class TargetProbes {
 public:
  virtual ~TargetProbes() = default;
  // Whether the target refuses to hold `name`, shown by a create of it.
  virtual bool RefusesName(const std::string& name, bool* refuses) = 0;
  // For a create of `name` the target refused: the same characters, fewer of them, that it took
  // while refusing `name` again ("" when it did not).
  virtual bool ShorterNameTaken(const std::string& name, std::string* shorter) = 0;
  // Whether the target refuses the fields of `connection` (a body's externalDatabaseConnection)
  // under a name of the exploration's own, shown by a create of them with the run's token.
  virtual bool RefusesBody(const nlohmann::json& connection, bool* refuses) = 0;
};

// What a rule decided.
struct StatusRuling {
  Level level = Level::kMust;
  std::string rule = "explore.status-diverged";
  std::string message = "the target answered otherwise than the contract's model";
  std::string pointer;
  bool forget_write = false;  // the model takes back the write the target refused
  bool unaligned = false;     // the model can no longer follow the target: the exploration ends
};

struct StatusRule {
  const char* name;    // the rule a finding names (the first, where a ruling names two)
  const char* source;  // where the contract says so
  bool (*applies)(const StatusDivergence&);
  // Fills the ruling; false when a probe got no usable answer.
  bool (*rule)(const StatusDivergence&, TargetProbes&, StatusRuling*);
};

// The rules, in the order they are tried.
const std::vector<StatusRule>& StatusRules();

// Walks the table for a divergence (a status whose meaning differs from the model's): the first
// rule that applies fills *ruling; none, and it stays must explore.status-diverged. false when a
// probe got no usable answer.
bool JudgeStatusDivergence(const StatusDivergence& d, TargetProbes& probes, StatusRuling* ruling);

// The name a probe creates to tell whether `name`'s length is why a create of it was refused: the
// same characters, half as many; "" when `name` is over the docs' 255 characters (its refusal is
// the contract's), too short to halve, or holds a character only its second half has (the probe
// would test that character, not the length). Half, not 255 bytes: a server that counts bytes
// may stop short of 255 of them, and its refusal is just as much a divergence.
std::string ShorterNameToProbe(const std::string& name);

// A read with the read-only token refused 401 or 403: what such a token may read depends on the
// site [I]. Also tells the explorer a call changed nothing.
bool ReadOnlyReadRefused(AuthMode auth, CallKind call, int status);

}  // namespace conform
