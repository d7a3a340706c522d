// Exploration's judging where no mock fault reaches: a create answer that differs from the model,
// and a list whose first or a later page fails. A transport changes one kind of answer from the
// in-process mock on the way back, and a short hand-written sequence is replayed through it, so
// the finding can only come from the answer that was changed.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include <gtest/gtest.h>

#include "explore/exploration_run.h"
#include "explore/explorer.h"
#include "http/curl_transport.h"
#include "mock/mock_server.h"

namespace conform {
namespace {

// The mock's answers, with those that `tamper` picks changed as a broken server would answer.
class TamperingTransport : public Transport {
 public:
  using Tamper = std::function<void(const HttpRequest&, HttpResponse*)>;
  explicit TamperingTransport(Tamper tamper) : tamper_(std::move(tamper)) {}
  HttpResponse Send(const HttpRequest& request) override {
    HttpResponse response = inner_.Send(request);
    if (response.ok()) tamper_(request, &response);
    return response;
  }

 private:
  CurlTransport inner_{CurlOptions{}};
  Tamper tamper_;
};

Operation Create(int slot) {
  Operation op;
  op.slot = slot;
  op.what = "create";
  op.request.call = CallKind::kCreate;
  nlohmann::json connection = {{"name", "${name}-x" + std::to_string(slot)},
                               {"endpoint", "https://example.com/explore/" + std::to_string(slot)},
                               {"configuration", {{"secretKey", "conform-secret-${run_id}"}}}};
  op.request.body = nlohmann::json{{"externalDatabaseConnection", connection}, {"connectionType", "STANDALONE"}};
  return op;
}

Operation List() {
  Operation op;
  op.what = "list";
  op.request.call = CallKind::kList;
  op.request.query = {{"paging.limit", "100"}};
  return op;
}

// An update of x<slot> with a body the contract refuses (a non-URL endpoint).
Operation InvalidUpdate(int slot) {
  Operation op;
  op.slot = slot;
  op.what = "update with an invalid body";
  op.invalid = true;
  op.request.call = CallKind::kUpdate;
  op.request.name = "${name}-x" + std::to_string(slot);
  op.request.body = nlohmann::json{{"externalDatabaseConnection",
                                    {{"name", "${name}-x" + std::to_string(slot)}, {"endpoint", "not a url"}}}};
  return op;
}

bool IsList(const HttpRequest& r) { return r.method == "GET" && r.url.find("paging.limit=") != std::string::npos; }
bool IsLaterPage(const HttpRequest& r) { return IsList(r) && r.url.find("paging.offset=") != std::string::npos; }

// A 400 with Wix's standard error: nothing in it but its status is wrong.
void AnswerBadRequest(HttpResponse* response) {
  response->status = 400;
  response->headers = {{"Content-Type", "application/json"}};
  response->body = R"({"message":"paging is broken","details":{"validationError":{"fieldViolations":[)"
                   R"({"field":"paging","description":"broken","violatedRule":"OTHER"}]}}})";
}

const Finding* WithRule(const std::vector<Finding>& findings, const std::string& rule) {
  for (const Finding& f : findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

std::string Lines(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += "\n  " + FindingLine(f);
  return out.empty() ? " (none)" : out;
}

class ExplorerGapsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(schemas_.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  }
  // Replays `sequence` against the correct mock (pages of at most max_page; 0: no cap), with the
  // answers `tamper` changes, judged against the contract's model.
  ExploreOutcome Replay(const std::vector<Operation>& sequence, TamperingTransport::Tamper tamper, int max_page = 0) {
    MockOptions options;
    options.token = "T";
    options.max_page = max_page;
    MockServer mock(options);
    std::string err;
    EXPECT_TRUE(mock.Start(&err)) << err;
    RunSettings settings;
    settings.base_url = mock.base_url();
    settings.run_id = "gaps";
    settings.credentials.token = "T";
    TamperingTransport transport(std::move(tamper));
    RequestGate gate;
    Redactor redactor;
    ExploreOutcome out = conform::Replay(sequence, ExploreSettings{}, settings, schemas_, transport, gate, &redactor);
    EXPECT_EQ(mock.store().Size(), 0u) << "exploration cleans up after itself";
    return out;
  }
  SchemaRegistry schemas_;
};

TEST_F(ExplorerGapsTest, UntamperedSequenceHasNoFinding) {
  const ExploreOutcome out = Replay({Create(0), Create(1), List()}, [](const HttpRequest&, HttpResponse*) {}, 1);
  EXPECT_EQ(out.result.outcome, Outcome::kPassed) << out.result.error_message << Lines(out.result.findings);
  EXPECT_EQ(out.sent, 3);
}

TEST_F(ExplorerGapsTest, CreateAnswerOtherThanTheModelsIsAnAnswerDivergence) {
  // Arrange: the mock stores the create as sent, but answers with another endpoint.
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (request.method != "POST" || response->status != 200) return;
    nlohmann::json body = nlohmann::json::parse(response->body);
    body["externalDatabaseConnection"]["endpoint"] = "https://example.com/answered";
    response->body = body.dump();
  };
  // Act
  const ExploreOutcome out = Replay({Create(0)}, tamper);
  // Assert
  const Finding* f = WithRule(out.result.findings, "explore.answer-diverged");
  ASSERT_NE(f, nullptr) << "the create answer was not compared with the model; findings:" << Lines(out.result.findings);
  EXPECT_EQ(f->step, "operation 1 (create)");
  EXPECT_EQ(f->pointer, "/externalDatabaseConnection/endpoint");
  EXPECT_EQ(f->expected, "\"https://example.com/explore/0\"");
  EXPECT_EQ(f->actual, "\"https://example.com/answered\"");
  EXPECT_EQ(out.result.id, "explore/explore.answer-diverged");
}

TEST_F(ExplorerGapsTest, FirstListPageAnsweringAnErrorIsAStatusDivergenceNotAList) {
  // Arrange: one connection, then a list the target answers 404 (a 400 is a note: see below).
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (!IsList(request)) return;
    AnswerBadRequest(response);
    response->status = 404;
  };
  // Act
  const ExploreOutcome out = Replay({Create(0), List()}, tamper);
  // Assert: the status says it; the error body is not read as a list that leaves x0 out.
  const Finding* f = WithRule(out.result.findings, "explore.status-diverged");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->step, "operation 2 (list)");
  EXPECT_EQ(f->expected, "200");
  EXPECT_EQ(f->actual, "404");
  EXPECT_EQ(WithRule(out.result.findings, "explore.list-diverged"), nullptr)
      << "an error answer was judged as a list:" << Lines(out.result.findings);
}

// A 5xx in exploration is server-error (must), whatever the model says of the status.
TEST_F(ExplorerGapsTest, A5xxAnswerIsAServerErrorFinding) {
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (request.method != "POST") return;
    response->status = 500;
    response->headers = {{"Content-Type", "application/json"}};
    response->body = R"({"message":"","details":{}})";
  };
  const ExploreOutcome out = Replay({Create(0)}, tamper);
  const Finding* f = WithRule(out.result.findings, "server-error");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->step, "operation 1 (create)");
}

// A create of a valid body answered 400 is a limit the docs don't state: a note, not a status
// divergence. (This fake only rewrites the answer and the mock did store it, so the GET after
// rightly finds a state divergence: the model forgot the refused create.)
TEST_F(ExplorerGapsTest, AValidCreateRefusedIsANoteNotAStatusDivergence) {
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (request.method == "POST") AnswerBadRequest(response);
  };
  const ExploreOutcome out = Replay({Create(0)}, tamper);
  const Finding* f = WithRule(out.result.findings, "explore.valid-body-refused");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->level, Level::kNote);
  EXPECT_EQ(WithRule(out.result.findings, "explore.status-diverged"), nullptr) << Lines(out.result.findings);
  const Finding* state = WithRule(out.result.findings, "explore.state-diverged");
  ASSERT_NE(state, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(state->expected, "404");
}

// An invalid body on an unknown name: the model validates first (400), this target looks the name
// up first (404). Which check comes first is the server's choice: a note, not a divergence.
TEST_F(ExplorerGapsTest, LookingUpBeforeValidatingIsANote) {
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (request.method != "PUT") return;
    response->status = 404;
    response->headers = {{"Content-Type", "application/json"}};
    response->body = R"({"message":"no such connection","details":{"applicationError":{"code":"NOT_FOUND","description":"d","data":{}}}})";
  };
  const ExploreOutcome out = Replay({InvalidUpdate(0)}, tamper);
  const Finding* f = WithRule(out.result.findings, "order.looked-up-before-validation");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->level, Level::kNote);
  EXPECT_EQ(f->expected, "400");
  EXPECT_EQ(f->actual, "404");
  EXPECT_EQ(FirstMust(out.result.findings), nullptr) << Lines(out.result.findings);
}

// A list refused with 400 (a server that refuses a paging.limit over its cap, where another caps
// the page) is a note, and its body is not read as a list either.
TEST_F(ExplorerGapsTest, AListRefusedWith400IsANoteNotADivergence) {
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (IsList(request)) AnswerBadRequest(response);
  };
  const ExploreOutcome out = Replay({Create(0), List()}, tamper);
  const Finding* f = WithRule(out.result.findings, "explore.list-refused");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->level, Level::kNote);
  EXPECT_EQ(FirstMust(out.result.findings), nullptr) << Lines(out.result.findings);
  EXPECT_EQ(out.result.outcome, Outcome::kPassed);
}

TEST_F(ExplorerGapsTest, LaterListPageAnsweringAnErrorIsAStatusDivergenceNotAList) {
  // Arrange: pages of one connection, so x1 is on page 2, which the target refuses.
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (IsLaterPage(request)) AnswerBadRequest(response);
  };
  // Act
  const ExploreOutcome out = Replay({Create(0), Create(1), List()}, tamper, 1);
  // Assert
  const Finding* f = WithRule(out.result.findings, "explore.status-diverged");
  ASSERT_NE(f, nullptr) << "a later page's error went unreported; findings:" << Lines(out.result.findings);
  EXPECT_EQ(f->step, "operation 3 (list) page 2");
  EXPECT_EQ(f->expected, "200");
  EXPECT_EQ(f->actual, "400");
  EXPECT_EQ(WithRule(out.result.findings, "explore.list-diverged"), nullptr)
      << "an error answer was judged as a list page:" << Lines(out.result.findings);
  EXPECT_EQ(out.result.outcome, Outcome::kFailed);
}

TEST_F(ExplorerGapsTest, LaterListPageThatIsNotJsonIsAJsonBodyFindingNotAList) {
  // Arrange: page 2 answers 200 with a body that is not JSON.
  auto tamper = [](const HttpRequest& request, HttpResponse* response) {
    if (IsLaterPage(request)) response->body = "<html>page two</html>";
  };
  // Act
  const ExploreOutcome out = Replay({Create(0), Create(1), List()}, tamper, 1);
  // Assert
  const Finding* f = WithRule(out.result.findings, "json-body");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->step, "operation 3 (list) page 2");
  EXPECT_EQ(WithRule(out.result.findings, "explore.list-diverged"), nullptr) << Lines(out.result.findings);
}

// Changes every connection on a list page the way `change` says.
TamperingTransport::Tamper OnListedConnections(std::function<void(nlohmann::json*)> change) {
  return [change](const HttpRequest& request, HttpResponse* response) {
    if (!IsList(request) || response->status != 200) return;
    nlohmann::json body = nlohmann::json::parse(response->body);
    for (nlohmann::json& c : body["externalDatabaseConnections"]) change(&c);
    response->body = body.dump();
  };
}

// The list shows the pool's connection otherwise than the model holds it (a list that lags, or
// was never updated): a divergence at the listed field, after the settle window.
TEST_F(ExplorerGapsTest, AListedConnectionOtherThanTheModelsIsAListViewDivergence) {
  const auto tamper = OnListedConnections([](nlohmann::json* c) { (*c)["endpoint"] = "https://example.com/listed"; });
  const ExploreOutcome out = Replay({Create(0), Create(1), List()}, tamper, 1);
  const Finding* f = WithRule(out.result.findings, "explore.list-view-diverged");
  ASSERT_NE(f, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(f->level, Level::kMust);
  EXPECT_EQ(f->step, "operation 3 (list)");
  EXPECT_EQ(f->pointer, "/externalDatabaseConnections/0/endpoint");
  EXPECT_EQ(f->expected, "\"https://example.com/explore/0\"");
  EXPECT_EQ(f->actual, "\"https://example.com/listed\"");
  EXPECT_EQ(out.result.id, "explore/explore.list-view-diverged");
  EXPECT_EQ(WithRule(out.result.findings, "explore.list-diverged"), nullptr) << Lines(out.result.findings);
}

// What the server owns on a listed connection (read-only fields, revisions, dates) and how it
// writes the client's (key order, a null configuration member) never count.
TEST_F(ExplorerGapsTest, ServerFieldsOnListedConnectionsAreNoDivergence) {
  const auto tamper = OnListedConnections([](nlohmann::json* c) {
    (*c)["connectionStatus"] = {{"successful", false}, {"causeOfFailure", "UNKNOWN"}};
    (*c)["capabilities"] = {{"collectionModificationsSupported", true}, {"fieldTypes", {"TEXT"}}};
    (*c)["revision"] = "42";
    (*c)["_updatedDate"] = "2026-01-01T00:00:00.000Z";
    (*c)["configuration"]["dropped"] = nullptr;
    c->erase("protocolVersion");
  });
  const ExploreOutcome out = Replay({Create(0), Create(1), List()}, tamper, 1);
  EXPECT_EQ(out.result.outcome, Outcome::kPassed) << out.result.error_message << Lines(out.result.findings);
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// A create whose body is `bytes` long in its endpoint's path.
Operation BigCreate(int slot, size_t bytes) {
  Operation op = Create(slot);
  (*op.request.body)["externalDatabaseConnection"]["endpoint"] = "https://example.com/" + std::string(bytes, 'e');
  return op;
}

// The last exchanges stay in the result (a divergence shows the calls that led to it): twelve.
TEST_F(ExplorerGapsTest, TheLastTwelveExchangesAreKept) {
  std::vector<Operation> creates;
  for (int slot = 0; slot < 8; ++slot) creates.push_back(Create(slot));  // each a create and a GET after
  const ExploreOutcome out = Replay(creates, [](const HttpRequest&, HttpResponse*) {});
  EXPECT_EQ(out.result.outcome, Outcome::kPassed) << Lines(out.result.findings);
  EXPECT_EQ(out.result.exchanges.size(), 12u);
}

// Against a second target, a body the target refuses and the reference took cannot be taken back:
// the exploration ends there rather than compare states that no longer start alike.
TEST_F(ExplorerGapsTest, AReferenceThatCannotUndoARefusedWriteEndsTheExploration) {
  MockOptions target_options, reference_options;
  target_options.token = reference_options.token = "T";
  target_options.freedoms.validate_first = true;
  target_options.freedoms.max_body_bytes = 2000;  // refuses the big create with 413; the reference takes it
  MockServer target(target_options), reference(reference_options);
  std::string err;
  ASSERT_TRUE(target.Start(&err)) << err;
  ASSERT_TRUE(reference.Start(&err)) << err;
  RunSettings settings;
  settings.base_url = target.base_url();
  settings.run_id = "gapsref";
  settings.credentials.token = "T";
  ExploreSettings explore;
  explore.reference_url = reference.base_url();
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  // After the refused create the two differ on x0: a GET of it would be a state divergence.
  Operation get;
  get.what = "get";
  get.request.call = CallKind::kGet;
  get.request.name = "${name}-x0";
  const ExploreOutcome out =
      conform::Replay({BigCreate(0, 4000), get, Create(1)}, explore, settings, schemas_, transport, gate, &redactor);
  EXPECT_EQ(FirstMust(out.result.findings), nullptr) << Lines(out.result.findings);
  ASSERT_NE(WithRule(out.result.findings, "explore.valid-body-refused"), nullptr) << Lines(out.result.findings);
  EXPECT_EQ(out.sequence.size(), 1u) << "ended at the refused write";
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// A 409 for a name the sequence never made nor deleted is no reuse refused (a should): the status
// diverged (must).
TEST_F(ExplorerGapsTest, AConflictOnAFreshNameIsNoReuseRefused) {
  const ExploreOutcome out = Replay({Create(0)}, [](const HttpRequest& r, HttpResponse* response) {
    if (r.method != "POST") return;
    response->status = 409;
    response->body = R"({"message":"exists","details":{"applicationError":{"code":"ALREADY_EXISTS","description":"exists"}}})";
  });
  EXPECT_EQ(WithRule(out.result.findings, "explore.name-reuse-refused"), nullptr) << Lines(out.result.findings);
  const Finding* first = FirstMust(out.result.findings);
  ASSERT_NE(first, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(first->rule, "explore.status-diverged");
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

Operation OnName(CallKind call, const std::string& name) {
  Operation op;
  op.what = CallKindName(call);
  op.request.call = call;
  op.request.name = name;
  return op;
}

// A delete that took a relative of its name with it names that relative: a name the model never
// held answers 404 too, and is not the one the delete reached.
TEST_F(ExplorerGapsTest, ADeleteThatTookARelativeNamesTheRelativeItTook) {
  MockOptions options;
  options.token = "T";
  options.faults = {Fault::kPrefixLookup};
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  RunSettings settings;
  settings.base_url = mock.base_url();
  settings.run_id = "gapsdel";
  settings.credentials.token = "T";
  Operation create = Create(0);
  (*create.request.body)["externalDatabaseConnection"]["name"] = "${name}-p-2";
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  // "-p-1" is related to "-p" and never held; "-p-2" is held, and the delete of "-p" takes it.
  const ExploreOutcome out =
      conform::Replay({OnName(CallKind::kGet, "${name}-p-1"), create, OnName(CallKind::kDelete, "${name}-p")}, ExploreSettings{},
                      settings, schemas_, transport, gate, &redactor);
  const Finding* first = FirstMust(out.result.findings);
  ASSERT_NE(first, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(first->rule, "explore.name-prefix-matched");
  EXPECT_NE(first->actual.find("-p-2\""), std::string::npos) << first->actual;
}

// A target that diverges once and never again (a flaky answer): the divergence still fails the
// exploration, no case file is written, and a note says why there is none.
TEST_F(ExplorerGapsTest, ADivergenceThatDoesNotRecurIsKeptWithANoteAndNoFile) {
  int creates = 0;
  auto once = [&creates](const HttpRequest& request, HttpResponse* response) {
    if (request.method != "POST" || response->status != 200 || ++creates > 1) return;
    nlohmann::json body = nlohmann::json::parse(response->body);
    body["externalDatabaseConnection"]["endpoint"] = "https://example.com/answered";
    response->body = body.dump();
  };
  MockOptions options;
  options.token = "T";
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  RunSettings settings;
  settings.base_url = mock.base_url();
  settings.run_id = "flaky";
  settings.credentials.token = "T";
  TamperingTransport transport(once);
  RequestGate gate;
  Redactor redactor;
  const std::filesystem::path found = std::filesystem::temp_directory_path() / ("conform-flaky-" + std::to_string(::getpid()));
  const ExplorationReport report = ReplayShrinkAndWrite({Create(0), Create(1)}, ExploreSettings{}, settings, schemas_,
                                                        transport, gate, &redactor, found.string(), ShrinkLimits{});
  EXPECT_NE(WithRule(report.outcome.result.findings, "explore.answer-diverged"), nullptr) << Lines(report.outcome.result.findings);
  const Finding* note = WithRule(report.outcome.result.findings, "explore.not-recurring");
  ASSERT_NE(note, nullptr) << Lines(report.outcome.result.findings);
  EXPECT_EQ(note->level, Level::kNote);
  EXPECT_EQ(report.found_file, "");
  EXPECT_FALSE(std::filesystem::exists(found) && !std::filesystem::is_empty(found)) << "no case file";
  std::filesystem::remove_all(found);
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// A request of the sequence that gets no usable answer ends the exploration there: the answer is
// not judged, the count of operations sent leaves it out, and nothing but cleanup follows it.
TEST_F(ExplorerGapsTest, AnOperationWithoutAnAnswerEndsTheExploration) {
  std::vector<HttpRequest> sent;
  int posts = 0;
  const ExploreOutcome out = Replay({Create(0), Create(1), List()}, [&](const HttpRequest& r, HttpResponse* response) {
    sent.push_back(r);
    if (r.method != "POST" || ++posts != 2) return;
    *response = HttpResponse{};
    response->error = TransportError::kReset;
    response->error_message = r.method + " " + r.url + ": connection-reset";
  });
  EXPECT_EQ(out.result.error_type, "connection-reset") << out.result.error_message;
  EXPECT_EQ(out.sent, 1);
  EXPECT_EQ(out.result.findings.size(), 0u) << Lines(out.result.findings);
  size_t second_post = 0;
  for (size_t i = 0, seen = 0; i < sent.size() && second_post == 0; ++i) {
    if (sent[i].method == "POST" && ++seen == 2) second_post = i;
  }
  ASSERT_GT(second_post, 0u);
  for (size_t i = second_post + 1; i < sent.size(); ++i) EXPECT_TRUE(sent[i].cleanup) << sent[i].method << " " << sent[i].url;
}

// A call without a token, or with a wrong one, answered 404 for a name the model does not hold:
// the server looked the name up for a caller it should have refused (must, with its own rule).
TEST_F(ExplorerGapsTest, ANameLookedUpBeforeTheTokenIsCredentialsIgnored) {
  Operation get = OnName(CallKind::kGet, "${name}-never-made");
  get.request.auth = AuthMode::kWrong;
  const ExploreOutcome out = Replay({get}, [](const HttpRequest& r, HttpResponse* response) {
    if (r.method != "GET" || response->status != 401) return;
    response->status = 404;
    response->body = R"({"message":"no such name","details":{"applicationError":{"code":"NOT_FOUND","description":"no such name","data":{}}}})";
  });
  const Finding* must = FirstMust(out.result.findings);
  ASSERT_NE(must, nullptr) << Lines(out.result.findings);
  EXPECT_EQ(must->rule, "explore.credentials-ignored") << Lines(out.result.findings);
  EXPECT_NE(must->message.find("the name was looked up"), std::string::npos) << must->message;
}

}  // namespace
}  // namespace conform
