// A case as conform runs it: requests to send and expectations to evaluate, still holding
// ${variables}. Plain data, filled by case_loader.cc.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/call_kind.h"
#include "load/latency_budget_spec.h"

namespace conform {

// must and should come from the contract (docs/contract.md); a note records a choice the contract
// leaves to the server, or what a retry recovered from: shown in every report, never a failure.
enum class Level { kMust, kShould, kNote };
const char* LevelName(Level level);
// The level a report or case file names: "must", "should" or "note"; false for anything else.
bool LevelFromName(const std::string& name, Level* out);


enum class AuthMode { kToken, kNone, kWrong, kReadonly };
const char* AuthModeName(AuthMode auth);  // as case files write it: "token", "none", "wrong", "readonly"
// The status the contract answers a call sent with `auth` before anything else: 401 without a
// token or with a wrong one, 403 for the read-only token on a write, 0 when the call goes on.
int CredentialRefusal(AuthMode auth, CallKind kind);
// Every status the docs allow for that refusal (must): 401 alone for a missing or wrong token
// ("missing or incorrect Authorization header" [D: ERRORS]); 403, or 401, for the read-only
// token's write (401 is "occasionally returned when you don't have permissions" [D: ERRORS]).
// Empty when the call goes on. CredentialRefusal's status is the preferred one (should).
std::vector<int> AllowedCredentialRefusals(AuthMode auth, CallKind kind);

struct RequestSpec {
  CallKind call = CallKind::kGet;
  std::string name;                      // template; get, update, delete
  std::string path;                      // template; overrides the derived path when set
  std::optional<nlohmann::json> body;    // templates inside strings
  std::optional<std::string> raw_body;   // sent verbatim (after expansion)
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;
  AuthMode auth = AuthMode::kToken;
};

// One status a step may answer: an exact code, or a class like 4xx (code_class = 4).
struct StatusMatcher {
  int code = 0;
  int code_class = 0;
  bool Matches(int status) const { return code ? status == code : status / 100 == code_class; }
  std::string ToString() const { return code ? std::to_string(code) : std::to_string(code_class) + "xx"; }
};

struct Expectation {
  std::vector<StatusMatcher> status;
  std::string schema;
  std::optional<nlohmann::json> json_subset;
  std::map<std::string, nlohmann::json> pointers;
  std::vector<std::string> absent;
  std::map<std::string, std::string> headers;
  std::vector<std::string> violations;
  std::vector<std::string> listed;    // list steps: names the pages must show (the runner walks them)
  std::vector<std::string> unlisted;  // list steps: names no page may show
};

enum class Oracle { kNone, kReplace, kUnchanged, kCreated };

// The oracles over a group of concurrent requests (check/group_oracles.h).
enum class GroupOracle { kLinearizableReplace, kSingleWinner, kDeleteWinsOr404 };

// A count that depends on where the target is: more on this machine, few where --rate paces.
struct PerTarget {
  int loopback = 1;
  int remote = 1;
  int For(bool is_loopback) const { return is_loopback ? loopback : remote; }
};

// Requests sent at the same moment, round after round; ${writer} and ${round} inside.
struct ParallelGroup {
  std::vector<RequestSpec> prepare;   // before each round, one by one, each must answer 2xx
  std::vector<RequestSpec> requests;  // each sent `writers` times, all at once
  PerTarget writers;
  PerTarget rounds;
  GroupOracle oracle = GroupOracle::kLinearizableReplace;
};

struct Step {
  std::string title;
  RequestSpec request;
  std::optional<Expectation> expect;  // at the case's level
  std::optional<Expectation> should;  // always should-level
  Oracle oracle = Oracle::kNone;
  std::optional<ParallelGroup> parallel;  // a parallel step: request, expect and oracle unused
};

// What a probe (probes/, conform profile) reads from one step's last answer as the choice a server
// made where the contract leaves it free. `read` is one of: status, header (name), value, keys,
// keys-in-order, count (at a JSON pointer), present (which of the comma-separated pointers in
// `at` exist), literal (the raw text of the first value of key `name`), integer (that text
// without a trailing ".0"), connection (open or close).
struct ChoiceSpec {
  std::string id;       // the profile's row, e.g. "create.status"
  std::string freedom;  // what is free, in words
  int step = 1;         // 1-based
  std::string read;
  std::string at;
  std::string name;
  std::string answered;  // "2xx", "4xx": the class the answer must be in to be read; empty: any
};

// A probe that searches for a limit: step `step`'s body gets, at JSON pointer `at`, a value of a
// size between `from` and `to` (a string of that many characters, objects nested that deep, or an
// object with that many keys), and the run bisects for the largest size the server accepts
// (run/limit_search.h). The profile's row `id` reads what the tries found.
// An object of this many keys is about 1.6 MB: beyond, each try would be a body no limit search needs.
constexpr int64_t kMaxSearchKeys = 100000;

struct SearchSpec {
  std::string id;
  std::string freedom;
  int step = 1;  // 1-based
  std::string at;
  std::string grow;  // "characters", "nesting" or "keys"
  int64_t from = 1;
  int64_t to = 1;
};

struct Case {
  std::string id;
  std::string title;
  std::string file;
  std::string source;
  Level level = Level::kMust;
  std::vector<std::string> tags;
  std::vector<std::string> requires_values;  // "token", "readonly_token"
  bool name_may_be_refused = false;  // a setup create refused 400/413/422 is setup.refused, not an error
  std::vector<std::pair<std::string, std::string>> vars;  // values use built-ins only
  std::vector<LatencyBudget> budgets;  // "budget": {"update.p95": "200ms"}, parsed when loaded
  std::vector<RequestSpec> setup;
  std::vector<Step> steps;
  std::vector<ChoiceSpec> choices;  // a probe's; empty for a case
  std::optional<SearchSpec> search;  // a probe's that searches for a limit
};

}  // namespace conform
