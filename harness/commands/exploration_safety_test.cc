// What exploration makes must never cost the run its verdict: every generated and shrunk value is
// one the JSON library can write (valid UTF-8), and a shrunk secret never becomes a secret to
// hunt for in the reports (a fragment like "confor" is in every report's "conform").
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include "explore/exploration_run.h"
#include "explore/shrink.h"
#include "explore/value_domain.h"
#include "http/curl_transport.h"
#include "mock/mock_front_for_tests.h"
#include "mock/mock_server.h"
#include "report/report_set.h"
#include "run/proof_depth_for_tests.h"
#include "text/utf8.h"

namespace conform {
namespace {

// Every string inside value is valid UTF-8 (keys too), so dump() cannot throw.
bool AllStringsValid(const nlohmann::json& value) {
  if (value.is_string()) return IsValidUtf8(value.get_ref<const std::string&>());
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!IsValidUtf8(it.key()) || !AllStringsValid(it.value())) return false;
    }
  }
  if (value.is_array()) {
    for (const auto& item : value) {
      if (!AllStringsValid(item)) return false;
    }
  }
  return true;
}

// Property: every value class, for many seeds, and every value the shrinker derives from it down
// to the simplest, is valid UTF-8 and written by the JSON library without an exception.
TEST(ExplorationValues, GeneratedAndShrunkValuesStayWritable) {
  const uint64_t kSeeds = ByProofDepth<uint64_t>(60, 200, 200);  // the sanitizers: 60
  std::printf("seeds 1 to %llu\n", static_cast<unsigned long long>(kSeeds));
  size_t checked = 0;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    ValueGenerator values(seed);
    for (int tag = 0; tag < 60; ++tag) {
      std::vector<nlohmann::json> pending = {values.Next(tag).value};
      // Shrinks every way the shrinker may, to the end (a string halves about 17 times at most).
      for (size_t i = 0; i < pending.size() && i < 400; ++i) {
        ASSERT_TRUE(AllStringsValid(pending[i])) << "seed " << seed << " tag " << tag;
        ASSERT_NO_THROW((void)pending[i].dump()) << "seed " << seed << " tag " << tag;
        ++checked;
        for (nlohmann::json& simpler : SimplerValues(pending[i])) pending.push_back(std::move(simpler));
      }
    }
  }
  EXPECT_GT(checked, 20000u);
}

TEST(ExplorationValues, StringsHalveByCharactersNeverInsideOne) {
  // Four-byte characters: a byte-wise half of 3 of them (12 bytes) would end inside the second.
  const std::vector<nlohmann::json> simpler = SimplerValues("😀😀😀");
  ASSERT_EQ(simpler.size(), 2u);
  EXPECT_EQ(simpler[1], "😀");
  EXPECT_EQ(SimplerValues("é").size(), 1u) << "one character: only the empty string is simpler";
}

class ExplorationSecretsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
    dir_ = std::filesystem::temp_directory_path() / ("conform-secrets-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  RunSettings Settings(const MockServer& mock) const {
    RunSettings settings;
    settings.base_url = mock.base_url();
    settings.run_id = "sec";
    settings.credentials.token = "T";
    return settings;
  }
  // One create whose secretKey is `secret`: the only operation of the sequence.
  static std::vector<Operation> CreateWithSecret(const std::string& secret) {
    Operation op;
    op.request.call = CallKind::kCreate;
    op.what = "create";
    op.request.body = nlohmann::json{{"externalDatabaseConnection",
                                      {{"name", "${name}-x0"}, {"configuration", {{"secretKey", secret}}}}},
                                     {"connectionType", "STANDALONE"}};
    return {op};
  }

  SchemaRegistry schemas_;
  std::filesystem::path dir_;
};

// A shrink that halves secretKey ten times (a server that cuts long strings diverges until the
// value is 255 characters or less) teaches the redactor none of the halves.
TEST_F(ExplorationSecretsTest, ShrinkingASecretTeachesNoFragment) {
  MockOptions options;
  options.token = "T";
  options.faults = {Fault::kTruncateLongStrings};
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  std::string secret;
  while (secret.size() < 256 * 1024) secret += "conform";
  secret.resize(256 * 1024);
  ExploreSettings explore;
  explore.operations = 1;
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  redactor.LearnFromJson(nlohmann::json{{"secretKey", secret}});  // as the first exploration does
  // The found case's sequence is the shrunk one: its secretKey was halved while it still diverged.
  const ExploreOutcome first = Replay(CreateWithSecret(secret), explore, Settings(mock), schemas_, transport, gate, &redactor);
  ASSERT_EQ(first.result.outcome, Outcome::kFailed);
  int halvings = 0;
  const Replayer replay = [&](const std::vector<Operation>& candidate) {
    ExploreSettings names = explore;
    names.names = "explore-s" + std::to_string(++halvings);
    names.learn_secrets = false;
    const ExploreOutcome o = Replay(candidate, names, Settings(mock), schemas_, transport, gate, &redactor);
    const Finding* f = FirstMust(o.result.findings);
    return f ? f->rule : std::string();
  };
  const ShrinkResult shrunk = Shrink(first.sequence, FirstMust(first.result.findings)->rule, replay, {400, std::chrono::seconds(60)});
  const std::string kept =
      shrunk.sequence.at(0).request.body->at("externalDatabaseConnection").at("configuration").at("secretKey");
  EXPECT_EQ(kept.size(), 256u) << "halved ten times: 256 KB to 256 characters";
  EXPECT_EQ(redactor.secrets(), std::set<std::string>({secret}));
}

// Ten replays, each with half the secret of the one before down to "co": every report is written
// and none is deleted as leaking (the old behaviour: "confor" was found in every "conform").
TEST_F(ExplorationSecretsTest, ReplaysOfHalvedSecretsLeaveEveryReport) {
  MockOptions options;
  options.token = "T";
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  std::string secret = "conform-secret-0123456789abcdef-0123456789abcdef-0123456789abcdef-0123456789abcdef-01234567";
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  redactor.LearnFromJson(nlohmann::json{{"secretKey", secret}});
  RunResult run;
  for (int i = 0; i < 10 && secret.size() > 1; ++i) {
    secret = secret.substr(0, secret.size() / 2);
    ExploreSettings replay;
    replay.names = "explore-s" + std::to_string(i);
    replay.learn_secrets = false;
    ExploreOutcome o = Replay(CreateWithSecret(secret), replay, Settings(mock), schemas_, transport, gate, &redactor);
    run.cases.push_back(o.result);
  }
  ReportPaths paths;
  paths.junit = (dir_ / "junit.xml").string();
  paths.json = (dir_ / "report.json").string();
  paths.html = (dir_ / "report.html").string();
  const ReportOutcome written = WriteReports(run, paths, redactor.secrets());
  EXPECT_TRUE(written.leaked.empty()) << written.leaked.front();
  for (const std::string& path : {paths.junit, paths.json, paths.html}) EXPECT_TRUE(std::filesystem::exists(path)) << path;
}

// --reference mode: list operations name no connection, so neither target nor reference is ever
// sent a DELETE (or PUT) of the collection URL, and every name exploration touched is deleted.
TEST(ExplorationReference, NothingButGetAndPostReachesTheCollection) {
  SchemaRegistry schemas;
  std::string err;
  ASSERT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  MockFront target, reference;
  RunSettings run;
  run.base_url = target.BaseUrl();
  run.run_id = "ref";
  run.credentials.token = "T";
  ExploreSettings explore;
  explore.operations = 120;  // seed 1: lists among creates, updates and deletes
  explore.reference_url = reference.BaseUrl();
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  const ExploreOutcome out = Explore(explore, run, schemas, transport, gate, &redactor);
  EXPECT_EQ(out.result.outcome, Outcome::kPassed) << (out.result.findings.empty() ? out.result.error_message : FindingLine(out.result.findings[0]));
  const std::string collection = "/wix-data/v1/external-database-connections";
  size_t lists = 0;
  for (MockFront* server : {&target, &reference}) {
    for (const std::string& request : server->Seen()) {
      const size_t space = request.find(' ');
      const std::string method = request.substr(0, space), path = request.substr(space + 1);
      if (path != collection && path != collection + "/") continue;
      EXPECT_TRUE(method == "GET" || method == "POST") << request;
      lists += method == "GET";
    }
  }
  EXPECT_GT(lists, 0u) << "the sequence lists";
}

}  // namespace
}  // namespace conform
