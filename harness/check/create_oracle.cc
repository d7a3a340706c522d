// What a create must leave behind, judged on the writable state like the replace oracle:
// read-only fields are the server's, null/absent/empty configuration are alike.
#include "check/create_oracle.h"

#include "contract/connection_rules.h"

namespace conform {
namespace {

void JudgeAccepted(const CreateInput& in, const std::string& step, std::vector<Finding>* out) {
  if (!in.create_connection) {
    Finding f = MakeFinding(Level::kMust, step, "create.no-connection", "create answered 2xx without the created connection");
    f.pointer = "/externalDatabaseConnection";
    f.expected = "the created connection";
    f.actual = "(absent)";
    out->push_back(f);
  }
  if (in.after.status != 200 || !in.after.connection) {
    Finding f = MakeFinding(Level::kMust, step, "create.lost", "after a 2xx create the connection cannot be read back");
    f.expected = "200";
    f.actual = std::to_string(in.after.status);
    out->push_back(f);
    return;
  }
  if (in.sent) {
    nlohmann::json wanted = WritableState(*in.sent);
    wanted["name"] = in.name;
    for (const Mismatch& m : WritableDifferences(wanted, StateOf(in.after))) {
      Finding f = MakeFinding(Level::kMust, step, "create.stored-differs", "the stored connection is not what the create sent");
      f.pointer = "/externalDatabaseConnection" + m.pointer;
      f.expected = m.expected;
      f.actual = m.actual;
      out->push_back(f);
    }
  }
  if (!in.create_connection) return;
  if (auto m = FirstDifference(StateOf(in.after), WritableState(*in.create_connection))) {
    Finding f = MakeFinding(Level::kMust, step, "create.response-differs-from-stored",
                     "the create answered a connection the following GET does not show");
    f.pointer = "/externalDatabaseConnection" + m->pointer;
    f.expected = m->expected + " (as stored)";
    f.actual = m->actual;
    out->push_back(f);
  }
}

}  // namespace

std::vector<Finding> JudgeCreate(const CreateInput& in, const std::string& step) {
  std::vector<Finding> out;
  if (in.before.status != 404) {
    // A 2xx or 409 shows the name taken; a 400 or anything else, that the GET did not tell.
    const bool taken = in.before.status / 100 == 2 || in.before.status == 409;
    Finding f = MakeFinding(Level::kMust, step, "create.precondition",
                            std::string("GET before the create did not answer 404: ") +
                                (taken ? "the name was taken" : "the name was refused or not looked up"));
    f.expected = "404";
    f.actual = std::to_string(in.before.status);
    out.push_back(f);
    return out;
  }
  if (in.create_status >= 200 && in.create_status < 300) {
    JudgeAccepted(in, step, &out);
  } else if (in.create_status >= 400 && in.create_status < 500 && in.after.status != 404) {
    Finding f = MakeFinding(Level::kMust, step, "create.partial-apply",
                     "the create was refused (" + std::to_string(in.create_status) + ") but the name now exists");
    f.expected = "404 (as before)";
    f.actual = std::to_string(in.after.status);
    out.push_back(f);
  }
  return out;
}

}  // namespace conform
