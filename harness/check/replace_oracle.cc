// Full replacement, judged field by field on the writable state (null, absent and an empty
// configuration are alike; read-only fields are the server's and never compared).
#include "check/replace_oracle.h"

#include "check/json_match.h"
#include "contract/connection_rules.h"

namespace conform {
namespace {

constexpr size_t kMaxDifferencesPerField = 10;

// Names the way a stored field differs from what the PUT asked for (m.pointer starts with the
// field; a second segment means a key inside it).
Finding FieldFinding(const std::string& step, const Mismatch& m) {
  Finding f;
  if (m.expected == "(absent)") {
    const bool nested = m.pointer.find('/', 1) != std::string::npos;
    f = MakeFinding(Level::kMust, step, nested ? "replace.configuration-key-survived" : "replace.field-survived",
             "left out of the PUT body but still stored: the update merged instead of replacing");
  } else {
    f = MakeFinding(Level::kMust, step, "replace.stored-differs", "the stored value is not what the PUT sent");
  }
  f.pointer = "/externalDatabaseConnection" + m.pointer;
  f.expected = m.expected;
  f.actual = m.actual;
  return f;
}

void CompareStoredToSent(const ReplaceInput& in, const std::string& step, std::vector<Finding>* out) {
  nlohmann::json expected = WritableState(*in.sent);
  expected["name"] = in.path_name;  // the name is the path's, whatever the body says
  for (const Mismatch& m : WritableDifferences(expected, StateOf(in.after))) out->push_back(FieldFinding(step, m));
}

void CompareResponseToStored(const ReplaceInput& in, const std::string& step, std::vector<Finding>* out) {
  if (!in.put_connection) return;  // the schema check reports a missing connection
  if (auto m = FirstDifference(StateOf(in.after), WritableState(*in.put_connection))) {
    Finding f = MakeFinding(Level::kMust, step, "replace.response-differs-from-stored",
                     "the PUT answered a state the following GET does not show (stale or unstored answer)");
    f.pointer = "/externalDatabaseConnection" + m->pointer;
    f.expected = m->expected + " (as stored)";
    f.actual = m->actual;
    out->push_back(f);
  }
}

void CheckNotRenamed(const ReplaceInput& in, const std::string& step, std::vector<Finding>* out) {
  if (in.body_name_after && in.body_name_after->status != 404) {
    Finding f = MakeFinding(Level::kMust, step, "name.renamed", "a connection exists under the body's name: name is immutable");
    f.expected = "GET of the body's name answers 404";
    f.actual = std::to_string(in.body_name_after->status);
    out->push_back(f);
  }
}

// 404 says the connection is not there (ERRORS [D]); the GETs before and after show it is. Which
// check comes first is a server's choice only for a name it does not hold (docs/contract.md
// section 4): a refused body for a name it holds is 400/413/422, never 404.
void CheckNotFoundOnlyWhenAbsent(const ReplaceInput& in, const std::string& step, std::vector<Finding>* out) {
  if (in.put_status != 404 || in.after.status != 200) return;
  Finding f = MakeFinding(Level::kMust, step, "replace.not-found-but-exists",
                          "the PUT answered 404 (not found) for a connection the GETs before and after it read");
  f.expected = "2xx, or a 4xx other than 404";
  f.actual = "404";
  out->push_back(f);
}

}  // namespace

std::vector<Mismatch> WritableDifferences(const nlohmann::json& wanted, const nlohmann::json& stored) {
  std::vector<Mismatch> out;
  for (const std::string& field : WritableFields()) {
    const nlohmann::json want = wanted.value(field, nlohmann::json());
    const nlohmann::json got = stored.value(field, nlohmann::json());
    for (Mismatch& m : Differences(want, got, kMaxDifferencesPerField)) {
      if (want.is_null()) m.expected = "(absent)";
      if (got.is_null()) m.actual = "(absent)";
      m.pointer = "/" + field + m.pointer;
      out.push_back(std::move(m));
    }
  }
  return out;
}

nlohmann::json StateOf(const Snapshot& s) {
  return s.connection ? WritableState(*s.connection) : nlohmann::json::object();
}

Snapshot MakeSnapshot(int status, const std::optional<nlohmann::json>& body) {
  Snapshot s;
  s.status = status;
  if (status >= 200 && status < 300 && body && body->is_object()) {
    auto it = body->find("externalDatabaseConnection");
    if (it != body->end() && it->is_object()) s.connection = *it;
  }
  return s;
}

std::vector<Finding> JudgeReplace(const ReplaceInput& in, const std::string& step) {
  std::vector<Finding> out;
  if (in.before.status != 200 || !in.before.connection) {
    Finding f = MakeFinding(Level::kMust, step, "replace.precondition", "GET before the PUT did not return the connection");
    f.expected = "200 with externalDatabaseConnection";
    f.actual = std::to_string(in.before.status);
    out.push_back(f);
    return out;
  }
  const bool accepted = in.put_status >= 200 && in.put_status < 300;
  if (accepted) {
    if (in.after.status != 200 || !in.after.connection) {
      Finding f = MakeFinding(Level::kMust, step, "replace.lost", "after a 2xx PUT the connection cannot be read back");
      f.expected = "200";
      f.actual = std::to_string(in.after.status);
      out.push_back(f);
    } else {
      if (in.sent) CompareStoredToSent(in, step, &out);
      CompareResponseToStored(in, step, &out);
    }
  } else if (in.put_status >= 400 && in.put_status < 500) {
    CheckNotFoundOnlyWhenAbsent(in, step, &out);
    std::vector<Finding> changed = JudgeUnchanged(in.before, in.after, step);
    for (Finding& f : changed) {
      f.rule = "replace.partial-apply";
      f.message = "the PUT was rejected (" + std::to_string(in.put_status) + ") but the stored state changed";
      out.push_back(f);
    }
  }
  CheckNotRenamed(in, step, &out);
  return out;
}

std::vector<Finding> JudgeUnchanged(const Snapshot& before, const Snapshot& after, const std::string& step) {
  std::vector<Finding> out;
  if (before.status != after.status) {
    Finding f = MakeFinding(Level::kMust, step, "state.changed", "GET answers differently after the request");
    f.expected = std::to_string(before.status) + " (as before)";
    f.actual = std::to_string(after.status);
    out.push_back(f);
    return out;
  }
  if (auto m = FirstDifference(StateOf(before), StateOf(after))) {
    Finding f = MakeFinding(Level::kMust, step, "state.changed", "the stored connection changed");
    f.pointer = "/externalDatabaseConnection" + m->pointer;
    f.expected = m->expected + " (as before)";
    f.actual = m->actual;
    out.push_back(f);
  }
  return out;
}

}  // namespace conform
