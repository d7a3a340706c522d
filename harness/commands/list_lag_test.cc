// A list that lags its writes by about 200 ms, as an eventually consistent server's may: within
// the default settle window conform waits it out (the cases and exploration pass), and with
// --list-settle 0 it reports what the list showed.
#include <chrono>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"
#include "explore/explorer.h"
#include "http/curl_transport.h"
#include "mock/lagging_front_for_tests.h"

namespace conform {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kLag{200};
// Longer than the lag: the create is listed by the time the update comes, so the lagging list
// shows the connection as created (a stale view), not a missing name.
constexpr milliseconds kPauseBeforePut{250};

std::set<std::string> MustRules(const nlohmann::json& report) {
  std::set<std::string> rules;
  for (const auto& c : report["cases"]) {
    for (const auto& f : c["findings"]) {
      if (f["level"] == "must") rules.insert(f["rule"].get<std::string>());
    }
  }
  return rules;
}

class ListLagTest : public TempDirTest {
 protected:
  Ran RunCase(LaggingFront& front, const std::string& extra) {
    return RunConformBinary("run -q --explore 0 --filter list-shows-updated --target " + front.BaseUrl() +
                            " --token T --json " + Path("report.json") + " --junit " + Path("junit.xml") + " " + extra);
  }
  nlohmann::json Report() const {
    nlohmann::json report;
    std::string err;
    EXPECT_TRUE(ReadJsonFile(Path("report.json"), &report, &err)) << err;
    return report;
  }
};

TEST_F(ListLagTest, TheCasePassesWithinTheDefaultWindowAndFailsWithoutOne) {
  {
    LaggingFront front(kLag, kPauseBeforePut);
    const Ran settled = RunCase(front, "");
    EXPECT_EQ(settled.exit_code, 0) << settled.output;
    EXPECT_GT(front.StaleLists(), 0) << "the list never lagged: the test proves nothing";
  }
  LaggingFront front(kLag, kPauseBeforePut);
  const Ran unsettled = RunCase(front, "--list-settle 0");
  EXPECT_EQ(unsettled.exit_code, 1) << unsettled.output;
  EXPECT_EQ(MustRules(Report()), std::set<std::string>{"list.view-stale"}) << unsettled.output;
}

Operation Write(CallKind call, const std::string& endpoint) {
  Operation op;
  op.slot = 0;
  op.what = CallKindName(call);
  op.request.call = call;
  nlohmann::json connection = {{"name", "${name}-x0"}, {"endpoint", endpoint}, {"configuration", {{"k", endpoint}}}};
  nlohmann::json body = {{"externalDatabaseConnection", connection}};
  if (call == CallKind::kCreate) body["connectionType"] = "STANDALONE";
  op.request.body = body;
  if (call == CallKind::kUpdate) op.request.name = "${name}-x0";
  return op;
}

Operation List() {
  Operation op;
  op.what = "list";
  op.request.call = CallKind::kList;
  op.request.query = {{"paging.limit", "100"}};
  return op;
}

ExploreOutcome ExploreLagging(LaggingFront& front, int64_t settle_us) {
  SchemaRegistry schemas;
  std::string err;
  EXPECT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  RunSettings run;
  run.base_url = front.BaseUrl();
  run.run_id = "lag";
  run.credentials.token = "T";
  run.list_settle_us = settle_us;
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  const std::vector<Operation> sequence = {Write(CallKind::kCreate, "https://example.com/created"),
                                           Write(CallKind::kUpdate, "https://example.com/updated"), List()};
  ExploreOutcome out = Replay(sequence, ExploreSettings{}, run, schemas, transport, gate, &redactor);
  EXPECT_EQ(front.store().Size(), 0u) << "exploration cleans up after itself";
  return out;
}

TEST_F(ListLagTest, ExplorationPassesWithinTheDefaultWindowAndDivergesWithoutOne) {
  {
    LaggingFront front(kLag, kPauseBeforePut);
    const ExploreOutcome settled = ExploreLagging(front, kDefaultListSettleUs);
    EXPECT_EQ(settled.result.outcome, Outcome::kPassed)
        << (settled.result.findings.empty() ? settled.result.error_message : FindingLine(settled.result.findings[0]));
    EXPECT_GT(front.StaleLists(), 0) << "the list never lagged: the test proves nothing";
  }
  LaggingFront front(kLag, kPauseBeforePut);
  const ExploreOutcome unsettled = ExploreLagging(front, 0);
  EXPECT_EQ(unsettled.result.id, "explore/explore.list-view-diverged");
  const Finding* f = FirstMust(unsettled.result.findings);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->pointer, "/externalDatabaseConnections/0/configuration/k");
  EXPECT_EQ(f->expected, "\"https://example.com/updated\"");
  EXPECT_EQ(f->actual, "\"https://example.com/created\"");
}

}  // namespace
}  // namespace conform
