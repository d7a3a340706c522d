#include "explore/state_judgement.h"

#include "check/json_match.h"
#include "contract/connection_rules.h"

namespace conform {
namespace {

// A finding at the first field where the two connections' states differ, if any.
std::optional<Finding> Differs(Finding f, const Snapshot& want, const Snapshot& got) {
  const auto d = FirstDifference(StateOf(want), StateOf(got));
  if (!d) return std::nullopt;
  f.pointer = "/externalDatabaseConnection" + d->pointer;
  f.expected = d->expected;
  f.actual = d->actual;
  return f;
}

}  // namespace

std::optional<Finding> AnswerFinding(const std::string& step, const Snapshot& want, const Snapshot& answered) {
  if (want.status != 200 || !answered.connection) return std::nullopt;  // a status finding, or the schema's, says it
  return Differs(MakeFinding(Level::kMust, step, "explore.answer-diverged",
                             "the answer does not show the connection as the contract's model stores it"),
                 want, answered);
}

std::optional<Finding> StoredStateFinding(const std::string& step, const std::string& name, const Snapshot& want,
                                          const Snapshot& got, bool* unaligned) {
  if (want.status == 404 && IsBodyRefusal(got.status)) return std::nullopt;
  if (want.status == 200 && (got.status == 404 || IsBodyRefusal(got.status)) && name.find('/') != std::string::npos) {
    // That a name may hold '/' is read from the path template {name=**} [I]: a router may take
    // %2F for a separator (404) or refuse it (400).
    *unaligned = true;
    return MakeFinding(Level::kShould, step, "explore.name-with-slash-lost",
                       "a connection whose name holds '/' cannot be read back: conform reads the docs' {name=**} as "
                       "allowing '/' [I]");
  }
  if (want.status != got.status) {
    Finding f = MakeFinding(Level::kMust, step, "explore.state-diverged",
                            "the connection exists for one and not the other of the target and the contract's model");
    f.expected = std::to_string(want.status);
    f.actual = std::to_string(got.status);
    return f;
  }
  return Differs(MakeFinding(Level::kMust, step, "explore.state-diverged",
                             "the stored connection is not what the contract's model holds after the same calls"),
                 want, got);
}

}  // namespace conform
