// The shipped credential matrix: every call kind without a token, with a wrong one and with the
// read-only token, each a case of its own named after its cell, so a hole shows in the report.
#include <algorithm>

#include <gtest/gtest.h>

#include "load/case_loader.h"
#include "load/json_file.h"
#include "load/schema_registry.h"

namespace conform {
namespace {

const Step* StepWith(const Case& c, CallKind call, AuthMode auth) {
  for (const Step& step : c.steps) {
    if (step.request.call == call && step.request.auth == auth) return &step;
  }
  return nullptr;
}

TEST(CredentialMatrix, EveryCallKindHasACaseForEveryCredential) {
  SchemaRegistry schemas;
  std::string err;
  ASSERT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  const std::pair<const char*, AuthMode> modes[] = {
      {"no-token", AuthMode::kNone}, {"wrong-token", AuthMode::kWrong}, {"readonly-token", AuthMode::kReadonly}};
  for (CallKind call : AllCallKinds()) {
    for (const auto& [word, auth] : modes) {
      const std::string id = std::string("auth-") + word + "-" + CallKindName(call);
      SCOPED_TRACE(id);
      const std::string file = std::string(CONFORM_SOURCE_DIR) + "/cases/" + id + ".json";
      nlohmann::json doc;
      ASSERT_TRUE(ReadJsonFile(file, &doc, &err)) << err;
      Case c;
      std::vector<std::string> errors;
      ASSERT_TRUE(ParseCase(doc, file, schemas, &c, &errors)) << (errors.empty() ? "" : errors[0]);
      EXPECT_EQ(c.id, id);
      const Step* step = StepWith(c, call, auth);
      ASSERT_NE(step, nullptr) << "no " << CallKindName(call) << " step with those credentials";
      ASSERT_TRUE(step->expect.has_value());
      // Refused with the contract's status, or served: the read-only token may read.
      const int refused = CredentialRefusal(auth, call);
      const int wanted = refused ? refused : 200;
      const auto& statuses = step->expect->status;
      EXPECT_TRUE(std::any_of(statuses.begin(), statuses.end(), [&](const StatusMatcher& m) { return m.Matches(wanted); }))
          << "expects no " << wanted;
      // The case's must level takes exactly the statuses the docs give the refusal (the table in
      // load/case.h, which exploration and found cases judge by too), and no other.
      const std::vector<int> allowed = AllowedCredentialRefusals(auth, call);
      for (int status = 100; refused && status < 600; ++status) {
        const bool expected = std::any_of(statuses.begin(), statuses.end(), [&](const StatusMatcher& m) { return m.Matches(status); });
        EXPECT_EQ(expected, std::count(allowed.begin(), allowed.end(), status) == 1) << status;
      }
      if (refused && IsWriteCall(call)) {
        // The state after: an oracle on the step, or a step after it that reads.
        EXPECT_TRUE(step->oracle != Oracle::kNone || step != &c.steps.back()) << "a refused write must be shown to change nothing";
      }
    }
  }
}

}  // namespace
}  // namespace conform
