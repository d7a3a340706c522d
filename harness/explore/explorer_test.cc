// Exploration against the in-process mock: no finding against the correct one over many seeds,
// and a divergence naming its rule against broken ones the sequence reaches.
#include "explore/explorer.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/curl_transport.h"
#include "mock/mock_front_for_tests.h"
#include "mock/mock_server.h"
#include "mock/wix_error.h"
#include "run/proof_depth_for_tests.h"

namespace conform {
namespace {

class ExplorerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  }
  // One exploration against the in-process mock with `faults`; `adjust` changes the settings
  // first, and `wrap` (when given) wraps the CurlTransport every request goes through. Both
  // transports end before the mock, which otherwise waits out their idle keep-alive connections.
  using Adjust = std::function<void(RunSettings*, ExploreSettings*)>;
  using Wrap = std::function<std::unique_ptr<Transport>(Transport& curl)>;
  ExploreOutcome Run(FaultSet faults, uint64_t seed, int operations, const Adjust& adjust = {}, const Wrap& wrap = {}) {
    MockOptions options;
    options.token = "T";
    options.faults = std::move(faults);
    MockServer mock(options);
    std::string err;
    EXPECT_TRUE(mock.Start(&err)) << err;
    ExploreOutcome out = ExploreAt(mock.base_url(), seed, operations, adjust, wrap);
    EXPECT_EQ(mock.store().Size(), 0u) << "exploration cleans up after itself";
    return out;
  }
  // The same against any server at `base_url` (token T).
  ExploreOutcome ExploreAt(const std::string& base_url, uint64_t seed, int operations, const Adjust& adjust = {},
                           const Wrap& wrap = {}) {
    RunSettings settings;
    settings.base_url = base_url;
    settings.run_id = "ex" + std::to_string(seed);
    settings.credentials.token = "T";
    ExploreSettings explore;
    explore.seed = seed;
    explore.operations = operations;
    if (adjust) adjust(&settings, &explore);
    CurlTransport curl{CurlOptions{}};
    const std::unique_ptr<Transport> wrapped = wrap ? wrap(curl) : nullptr;
    RequestGate gate;
    Redactor redactor;
    return Explore(explore, settings, schemas_, wrapped ? *wrapped : curl, gate, &redactor);
  }
  SchemaRegistry schemas_;
};

TEST(StatusMeaning, ClassesAndExactly404) {
  EXPECT_TRUE(SameStatusMeaning(200, 201));
  EXPECT_TRUE(SameStatusMeaning(400, 422));
  EXPECT_TRUE(SameStatusMeaning(409, 400));
  EXPECT_FALSE(SameStatusMeaning(404, 400));
  EXPECT_FALSE(SameStatusMeaning(400, 404));
  EXPECT_FALSE(SameStatusMeaning(200, 404));
  EXPECT_FALSE(SameStatusMeaning(400, 500));
}

TEST_F(ExplorerTest, CorrectMockHasNoFindingOverTwentySeeds) {
  const uint64_t seeds = ByProofDepth<uint64_t>(5, 20, 20);  // the sanitizers: a sample
  for (uint64_t seed = 1; seed <= seeds; ++seed) {
    const ExploreOutcome out = Run({}, seed, 150);
    EXPECT_EQ(out.result.outcome, Outcome::kPassed)
        << "seed " << seed << ": " << (out.result.findings.empty() ? out.result.error_message : FindingLine(out.result.findings[0]));
    EXPECT_EQ(out.sent, 150);
    EXPECT_EQ(out.result.title, "exploration: 150 operations, seed " + std::to_string(seed)) << "all were sent";
    EXPECT_EQ(out.classes_covered, AllValueClasses().size()) << "seed " << seed;
  }
}

TEST_F(ExplorerTest, BrokenMocksDivergeNamingTheRule) {
  std::printf("seed 1\n");
  // The answer is judged before the GET after it, so a merge shows first in the answer.
  const std::vector<std::pair<Fault, std::string>> faults = {
      {Fault::kMergeConfiguration, "explore/explore.answer-diverged"},
      {Fault::kStaleResponse, "explore/explore.answer-diverged"},
      {Fault::kEchoWithoutStoring, "explore/explore.state-diverged"},
      {Fault::kUpsert, "explore/explore.status-diverged"},
      {Fault::kDropArrays, "explore/explore.answer-diverged"},
      {Fault::kListShowsDeleted, "explore/explore.list-diverged"},
      {Fault::kStaleListView, "explore/explore.list-view-diverged"},
  };
  for (const auto& [fault, id] : faults) {
    const ExploreOutcome out = Run({fault}, 1, 300);
    EXPECT_EQ(out.result.outcome, Outcome::kFailed) << id;
    EXPECT_EQ(out.result.id, id);
    EXPECT_LT(out.sequence.size(), 300u) << "the sequence stops at the first divergence";
    EXPECT_FALSE(out.result.exchanges.empty());
  }
}

// A finding shows what the model expected and what the target stored: a secretKey stored
// otherwise than sent is hidden there too, not only in the exchanges.
class SecretBendingTransport : public Transport {
 public:
  explicit SecretBendingTransport(Transport& inner) : inner_(inner) {}
  HttpResponse Send(const HttpRequest& request) override {
    HttpResponse response = inner_.Send(request);
    for (size_t at = response.body.find("conform-secret-"); at != std::string::npos;
         at = response.body.find("conform-secret-", at + 16)) {
      response.body.insert(at + 15, "X");
    }
    return response;
  }

 private:
  Transport& inner_;
};

TEST_F(ExplorerTest, FindingsHideTheSecretKeysTheyShow) {
  const ExploreOutcome out = Run({}, 1, 300, {}, [](Transport& curl) { return std::make_unique<SecretBendingTransport>(curl); });
  ASSERT_EQ(out.result.outcome, Outcome::kFailed);
  bool shown = false;
  for (const Finding& f : out.result.findings) {
    const std::string text = f.message + f.expected + f.actual;
    EXPECT_EQ(text.find("conform-secret-ex1"), std::string::npos) << FindingLine(f);
    shown = shown || f.pointer.find("secretKey") != std::string::npos;
  }
  EXPECT_TRUE(shown) << "a finding is about the secretKey";
}

// A PUT answered from a cache of the bodies seen for its name (write X, write Y, write X: Y
// stays) needs three updates in a row; the coverage phase sends them on every seed.
TEST_F(ExplorerTest, APutAnsweredFromABodyCacheIsCaughtOnEverySeed) {
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    const ExploreOutcome out = Run({Fault::kPutBodyCache}, seed, 300);
    EXPECT_EQ(out.result.id, "explore/explore.state-diverged") << "seed " << seed;
    ASSERT_FALSE(out.sequence.empty());
    EXPECT_EQ(out.sequence.back().pair, "update→update, the first body again") << "seed " << seed;
    const size_t covered = CoveredCount(out.coverage);
    EXPECT_EQ(covered, 5u) << "seed " << seed;
    EXPECT_EQ(out.coverage.back().reason, "the exploration ended at its first divergence");
  }
}

// Every request exploration sends, its reads and its cleanup included, carries the run's
// identity: a site-level API key is refused without wix-site-id.
class RecordingTransport : public Transport {
 public:
  RecordingTransport(Transport& inner, std::vector<HttpRequest>* sent) : inner_(inner), sent_(sent) {}
  HttpResponse Send(const HttpRequest& request) override {
    Record(request);
    return inner_.Send(request);
  }

 protected:
  void Record(const HttpRequest& request) { sent_->push_back(request); }

 private:
  Transport& inner_;
  std::vector<HttpRequest>* sent_;
};

TEST_F(ExplorerTest, EveryRequestCarriesTheIdentityHeaders) {
  std::vector<HttpRequest> sent;
  const ExploreOutcome out = Run({}, 3, 60, [](RunSettings* settings, ExploreSettings*) {
    std::string err;
    ASSERT_TRUE(MakeIdentity("site-1", "", {{"X-Team", "blue"}}, &settings->credentials.identity, &err)) << err;
  }, [&sent](Transport& curl) { return std::make_unique<RecordingTransport>(curl, &sent); });
  EXPECT_EQ(out.result.outcome, Outcome::kPassed) << (out.result.findings.empty() ? out.result.error_message : FindingLine(out.result.findings[0]));
  ASSERT_GT(sent.size(), 60u);
  size_t cleanup = 0;
  for (const HttpRequest& r : sent) {
    cleanup += r.cleanup ? 1 : 0;
    const auto has = [&](const std::string& name, const std::string& value) {
      return std::count(r.headers.begin(), r.headers.end(), std::make_pair(name, value)) == 1;
    };
    EXPECT_TRUE(has("wix-site-id", "site-1")) << r.method << " " << r.url;
    EXPECT_TRUE(has("X-Team", "blue")) << r.method << " " << r.url;
  }
  EXPECT_GT(cleanup, 0u);
}

// A should-level conflation stays should-level under any prefix: a shard's and a long --run-id's
// names share 40 characters and more, which once read as a truncation (must).
TEST_F(ExplorerTest, CaseFoldingUnderALongPrefixIsShouldLevel) {
  for (uint64_t seed = 1; seed <= ByProofDepth<uint64_t>(2, 5, 5); ++seed) {
    const ExploreOutcome out = Run({Fault::kCaseInsensitiveNames}, seed, 300, [seed](RunSettings* settings, ExploreSettings* explore) {
      settings->run_id = "a-run-id-long-enough-to-share-forty-characters-" + std::to_string(seed);
      explore->names = explore->label = "explore-shard-1";
    });
    const Finding* must = FirstMust(out.result.findings);
    EXPECT_EQ(must, nullptr) << "seed " << seed << ": " << FindingLine(*must);
    EXPECT_NE(out.result.outcome, Outcome::kFailed) << "seed " << seed;
  }
}

// Three bugs the cases catch, caught by exploration on its own too, each at must level: a status
// for bad credentials the docs do not give (403 without a token), a 404 to an invalid update of a
// connection that exists (no order excuse for a name the model holds), and names limited in bytes
// (255 two-byte letters refused, shown by the probes).
TEST_F(ExplorerTest, ExplorationCatchesTheStatusesTheDocsSettle) {
  const std::vector<std::pair<Fault, std::string>> faults = {
      {Fault::kAuth403, "explore.credentials-status"},
      {Fault::kInvalidUpdate404, "explore.status-diverged"},
      {Fault::kNameBytesLimit, "explore.name-length-refused"},
  };
  for (const auto& [fault, rule] : faults) {
    for (uint64_t seed = 1; seed <= ByProofDepth<uint64_t>(1, 3, 3); ++seed) {
      const ExploreOutcome out = Run({fault}, seed, 300);
      const Finding* must = FirstMust(out.result.findings);
      ASSERT_NE(must, nullptr) << rule << " seed " << seed;
      EXPECT_EQ(must->rule, rule) << "seed " << seed << ": " << FindingLine(*must);
    }
  }
}

// A probe that gets no usable answer ends the exploration there, as any request does: nothing
// but cleanup is sent after it, and the result says why.
class ProbeResettingTransport : public RecordingTransport {
 public:
  using RecordingTransport::RecordingTransport;
  HttpResponse Send(const HttpRequest& request) override {
    if (request.body.find("https://example.com/probe") == std::string::npos) return RecordingTransport::Send(request);
    RecordingTransport::Record(request);
    HttpResponse reset;
    reset.error = TransportError::kReset;
    reset.error_message = request.method + " " + request.url + ": connection-reset";
    return reset;
  }
};

TEST_F(ExplorerTest, AProbeWithoutAnAnswerEndsTheExploration) {
  std::vector<HttpRequest> sent;
  const ExploreOutcome out = Run({Fault::kNameBytesLimit}, 1, 300, {}, [&sent](Transport& curl) {
    return std::make_unique<ProbeResettingTransport>(curl, &sent);
  });
  EXPECT_EQ(out.result.error_type, "connection-reset") << out.result.error_message;
  const auto probe = std::find_if(sent.begin(), sent.end(), [](const HttpRequest& r) {
    return r.body.find("https://example.com/probe") != std::string::npos;
  });
  ASSERT_NE(probe, sent.end()) << "the fault makes exploration probe a refused name";
  for (auto after = probe + 1; after != sent.end(); ++after) EXPECT_TRUE(after->cleanup) << after->method << " " << after->url;
}

// A router in front of the correct mock that answers every path holding %2F itself, with
// `status` and Wix's standard error body.
MockFront::Override SlashRouter(int status, const std::string& code) {
  return [status, code](const httplib::Request& req, httplib::Response& res) {
    if (req.target.find("%2F") == std::string::npos) return false;
    res.status = status;
    res.set_content(ApplicationErrorBody(code, "no such route").dump(), "application/json");
    return true;
  };
}

// A server whose router takes %2F for a path separator loses every name holding '/': that a
// name may hold one is [I] (from {name=**}), so the loss is should-level, and it ends the
// exploration (the model would hold names the target can never show again).
TEST_F(ExplorerTest, LosingNamesWithASlashIsShouldLevelAndEndsTheExploration) {
  MockFront front(SlashRouter(404, "NOT_FOUND"));
  int lost = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    const ExploreOutcome out = ExploreAt(front.BaseUrl(), seed, 300);
    const Finding* must = FirstMust(out.result.findings);
    EXPECT_EQ(must, nullptr) << "seed " << seed << ": " << FindingLine(*must);
    const long slash = std::count_if(out.result.findings.begin(), out.result.findings.end(),
                                     [](const Finding& f) { return f.rule == "explore.name-with-slash-lost"; });
    EXPECT_LE(slash, 1) << "seed " << seed << ": the first loss ends the exploration";
    if (slash == 1) {
      EXPECT_EQ(out.result.findings.back().rule, "explore.name-with-slash-lost") << "seed " << seed;
    }
    lost += static_cast<int>(slash);
  }
  EXPECT_GE(lost, 1) << "a seed that writes a name holding '/' is among the first ten";
}

// A router that refuses %2F with 400 (Tomcat's default) refuses every path to a name holding '/',
// though the server takes the name in a create's body: should-level, never must.
TEST_F(ExplorerTest, ARouterRefusingSlashesWith400IsShouldLevel) {
  MockFront front(SlashRouter(400, "INVALID_ARGUMENT"));
  int lost = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    const ExploreOutcome out = ExploreAt(front.BaseUrl(), seed, 300);
    const Finding* must = FirstMust(out.result.findings);
    EXPECT_EQ(must, nullptr) << "seed " << seed << ": " << FindingLine(*must);
    lost += static_cast<int>(std::count_if(out.result.findings.begin(), out.result.findings.end(),
                                           [](const Finding& f) { return f.rule == "explore.name-with-slash-lost"; }));
  }
  EXPECT_GE(lost, 1) << "a seed that sends a name holding '/' in a path is among the first ten";
}

// A server that holds names of at most 254 bytes refuses 255 two-byte letters, and 255 bytes of
// them too: the probes halve a refused name, so each refusal within 255 characters is must (it
// was once a note when the cut kept 255 bytes), never a note on the way to another.
TEST_F(ExplorerTest, ALimitOfTwoHundredFiftyFourBytesIsMustOnItsFirstRefusal) {
  MockFront front([](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "POST" || req.get_header_value("Authorization") != "T") return false;
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    const nlohmann::json* name = body.is_object() && body.contains("externalDatabaseConnection") &&
                                         body["externalDatabaseConnection"].is_object() &&
                                         body["externalDatabaseConnection"].contains("name")
                                     ? &body["externalDatabaseConnection"]["name"]
                                     : nullptr;
    if (name == nullptr || !name->is_string() || name->get<std::string>().size() <= 254) return false;
    res.status = 400;
    res.set_content(R"({"message":"name too long","details":{"applicationError":{"code":"INVALID_ARGUMENT","description":"name too long","data":{}}}})",
                    "application/json");
    return true;
  });
  int caught = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    const ExploreOutcome out = ExploreAt(front.BaseUrl(), seed, 300);
    for (const Finding& f : out.result.findings) EXPECT_NE(f.rule, "explore.valid-body-refused") << "seed " << seed << ": " << FindingLine(f);
    const Finding* must = FirstMust(out.result.findings);
    if (must == nullptr) continue;
    EXPECT_EQ(must->rule, "explore.name-length-refused") << "seed " << seed << ": " << FindingLine(*must);
    ++caught;
  }
  EXPECT_GE(caught, 8) << "of 10 seeds";
}

}  // namespace
}  // namespace conform
