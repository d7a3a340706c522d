#include "explore/status_rules.h"

#include <set>

#include "contract/connection_rules.h"
#include "text/utf8.h"

namespace conform {
namespace {

bool Writes(const StatusDivergence& d) { return d.call == CallKind::kCreate || d.call == CallKind::kUpdate; }
bool Success(int status) { return status / 100 == 2; }

// --- explore.readonly-read-refused (should; docs/contract.md section 5 [I]) ---
bool ReadOnlyRead(const StatusDivergence& d) { return ReadOnlyReadRefused(d.auth, d.call, d.actual); }
bool RuleReadOnlyRead(const StatusDivergence&, TargetProbes&, StatusRuling* r) {
  r->level = Level::kShould;
  r->rule = "explore.readonly-read-refused";
  r->message = "a read with the read-only token was refused; conform expects it to be served [I]";
  return true;
}

// --- order.* (note; section 4) ---
// A name the model does not hold and a body the server refuses: which check comes first is the
// server's choice. The answer is a 4xx either way (its schema and the state after are still
// judged). For a name the model holds, 404 is wrong: this rule does not apply.
bool WriteOrderChoice(const StatusDivergence& d) {
  const bool one_says_missing_other_refuses = (d.expected == 404 && IsBodyRefusal(d.actual)) ||
                                              (IsBodyRefusal(d.expected) && d.actual == 404);
  return Writes(d) && one_says_missing_other_refuses && !d.model_holds;
}
bool RuleWriteOrderChoice(const StatusDivergence& d, TargetProbes&, StatusRuling* r) {
  r->level = Level::kNote;
  if (d.actual == 404) {
    r->rule = "order.looked-up-before-validation";
    r->message = "the name was looked up before the body was validated (conform's model validates first)";
  } else {
    r->rule = "order.validated-before-lookup";
    r->message = "the body was validated before the name was looked up: " + std::to_string(d.actual) + ", not 404";
  }
  return true;
}

// --- order.validated-before-lookup for a get or delete (note, else must; section 6) ---
// Only a name the server will not hold may be refused before it is looked up: one the contract
// forbids, or one the server refuses to create. A probe asks which.
bool ReadOfNameRefused(const StatusDivergence& d) {
  const bool get_or_delete = d.call == CallKind::kGet || d.call == CallKind::kDelete;
  return get_or_delete && d.expected == 404 && IsBodyRefusal(d.actual);
}
bool RuleReadOfNameRefused(const StatusDivergence& d, TargetProbes& probes, StatusRuling* r) {
  const bool forbidden = CheckName(d.name).has_value();
  bool refused = false;
  if (!forbidden && !probes.RefusesName(d.name, &refused)) return false;
  const std::string actual = std::to_string(d.actual);
  if (forbidden || refused) {
    r->level = Level::kNote;
    r->rule = "order.validated-before-lookup";
    r->message = "the name, which the server will not hold, was validated before it was looked up: " + actual + ", not 404";
  } else if (d.name.find('/') != std::string::npos) {
    // Taken in a create's body and refused in the path: a router that will not take %2F (Tomcat's
    // default refuses it with 400). That the path may hold one is [I], read from {name=**}.
    r->level = Level::kShould;
    r->rule = "explore.name-with-slash-lost";
    r->message = "a " + std::string(CallKindName(d.call)) + " of a name holding '/' answered " + actual +
                 ", though the server takes the name in a create: conform reads the docs' {name=**} as allowing '/' [I]";
    r->unaligned = true;
  } else {
    r->message = "a " + std::string(CallKindName(d.call)) + " of a name the server holds none of, and takes in a create, " +
                 "answered " + actual + ": only a name it will not hold may be refused before the lookup";
  }
  return true;
}

// --- explore.name-with-slash-lost (should; section 6 [I]: '/' read from {name=**}) ---
bool SlashNameLost(const StatusDivergence& d) {
  return Writes(d) && Success(d.expected) && d.actual == 404 && d.name.find('/') != std::string::npos;
}
bool RuleSlashNameLost(const StatusDivergence&, TargetProbes&, StatusRuling* r) {
  r->level = Level::kShould;
  r->rule = "explore.name-with-slash-lost";
  r->message = "a write of a name holding '/' answered 404: conform reads the docs' {name=**} as allowing '/' [I]";
  r->unaligned = true;
  return true;
}

// --- explore.list-refused (note; section 1) ---
// A server may cap its pages; refusing a paging.limit over its cap, rather than capping the page,
// is its choice too. The cases' lists ask for 10 or less.
bool ListRefused(const StatusDivergence& d) { return d.call == CallKind::kList && d.expected == 200 && d.actual == 400; }
bool RuleListRefused(const StatusDivergence& d, TargetProbes&, StatusRuling* r) {
  r->level = Level::kNote;
  r->rule = "explore.list-refused";
  r->message = "a list with paging.limit " + d.page_limit + " was refused (400): a server may cap its pages";
  return true;
}

// --- explore.name-reuse-refused (should; section 6 [I]) ---
// "A deleted connection can't be restored" [D] does not say its name can't be used again [I].
bool NameReuseRefused(const StatusDivergence& d) { return d.reuse && Success(d.expected) && d.actual == 409; }
bool RuleNameReuseRefused(const StatusDivergence&, TargetProbes&, StatusRuling* r) {
  r->level = Level::kShould;
  r->rule = "explore.name-reuse-refused";
  r->message = "a name was refused after its connection was deleted; conform expects names to be reusable [I]";
  r->forget_write = true;
  return true;
}

// --- explore.name-length-refused (must; section 1 [D]), else explore.valid-body-refused (note; section 4) ---
// A limit the docs don't state is a note, and the model forgets the write the target refused. The
// name's length is stated (255 characters [D]): a create refused for it is must.
bool ValidBodyRefused(const StatusDivergence& d) { return Writes(d) && Success(d.expected) && IsBodyRefusal(d.actual); }
bool RuleValidBodyRefused(const StatusDivergence& d, TargetProbes& probes, StatusRuling* r) {
  std::string shorter;
  if (d.call == CallKind::kCreate && !probes.ShorterNameTaken(d.name, &shorter)) return false;
  r->forget_write = true;
  if (shorter.empty()) {
    r->level = Level::kNote;
    r->rule = "explore.valid-body-refused";
    r->message = "a body the contract allows was refused; the state must still be unchanged";
    return true;
  }
  r->rule = "explore.name-length-refused";
  r->message = "a name of " + std::to_string(Utf8Length(d.name)) + " characters (" + std::to_string(d.name.size()) +
               " bytes) was refused, and the same name cut to " + std::to_string(Utf8Length(shorter)) +
               " characters was taken: the docs allow 255 characters [D]";
  r->pointer = "/externalDatabaseConnection/name";
  return true;
}

}  // namespace

std::string ShorterNameToProbe(const std::string& name) {
  const size_t length = Utf8Length(name);
  if (length > kMaxNameLength || length < 2) return "";
  const std::string cut = Utf8Head(name, length / 2);
  const std::vector<std::string> all = Utf8Characters(name), kept = Utf8Characters(cut);
  const bool same_characters = std::set<std::string>(all.begin(), all.end()) == std::set<std::string>(kept.begin(), kept.end());
  return same_characters ? cut : "";
}

bool ReadOnlyReadRefused(AuthMode auth, CallKind call, int status) {
  return auth == AuthMode::kReadonly && !IsWriteCall(call) && (status == 401 || status == 403);
}

const std::vector<StatusRule>& StatusRules() {
  static const std::vector<StatusRule> rules = {
      {"explore.readonly-read-refused", "docs/contract.md section 5 [I]", ReadOnlyRead, RuleReadOnlyRead},
      {"order.looked-up-before-validation", "docs/contract.md section 4", WriteOrderChoice, RuleWriteOrderChoice},
      {"order.validated-before-lookup", "docs/contract.md section 6", ReadOfNameRefused, RuleReadOfNameRefused},
      {"explore.name-with-slash-lost", "docs/contract.md section 6 [I]", SlashNameLost, RuleSlashNameLost},
      {"explore.list-refused", "docs/contract.md section 1", ListRefused, RuleListRefused},
      {"explore.name-reuse-refused", "docs/contract.md section 6 [I]", NameReuseRefused, RuleNameReuseRefused},
      {"explore.name-length-refused", "docs/contract.md sections 1 [D] and 4", ValidBodyRefused, RuleValidBodyRefused},
  };
  return rules;
}

bool JudgeStatusDivergence(const StatusDivergence& d, TargetProbes& probes, StatusRuling* ruling) {
  for (const StatusRule& row : StatusRules()) {
    if (row.applies(d)) return row.rule(d, probes, ruling);
  }
  return true;
}

}  // namespace conform
