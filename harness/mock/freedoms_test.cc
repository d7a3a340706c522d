// Each semantic freedom of the mock (mock/freedoms.h) through MockServer::Handle: the exact status,
// body or header that makes it, and what the mock without it answers instead.
#include "mock/freedoms.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <ctime>

#include <curl/curl.h>
#include <gtest/gtest.h>

#include "mock/freedom_effects.h"
#include "mock/mock_server.h"
#include "mock/wire_style.h"

namespace conform {
namespace {

using nlohmann::json;

constexpr char kPath[] = "/wix-data/v1/external-database-connections";

std::unique_ptr<MockServer> Mock(const std::string& variant) {
  MockOptions options;
  options.token = "T";
  if (!variant.empty()) {
    EXPECT_TRUE(ApplyFreedom(variant, &options.freedoms)) << variant;
  }
  return std::make_unique<MockServer>(options);
}

MockAnswer Call(MockServer& mock, const std::string& method, const std::string& suffix, const json& body = nullptr,
                const std::string& limit = "", const std::string& offset = "") {
  return mock.Handle({method, kPath + suffix, "T", body.is_null() ? "" : body.dump(), limit, offset, ""});
}

json Connection(const std::string& name, const json& configuration = {{"secretKey", "s"}}) {
  json c = {{"endpoint", "https://example.com/db"}, {"configuration", configuration}};
  if (!name.empty()) c["name"] = name;
  return c;
}

MockAnswer Create(MockServer& mock, const std::string& name, const json& configuration = {{"secretKey", "s"}}) {
  return Call(mock, "POST", "", {{"externalDatabaseConnection", Connection(name, configuration)}, {"connectionType", "STANDALONE"}});
}

MockAnswer Update(MockServer& mock, const std::string& path_name, const json& connection) {
  return Call(mock, "PUT", "/" + path_name, {{"externalDatabaseConnection", connection}});
}

json Parsed(const MockAnswer& answer) { return json::parse(answer.body); }

// The single field violation of a 400 answer.
std::string ViolatedField(const MockAnswer& answer) {
  const json body = Parsed(answer);
  EXPECT_TRUE(body.contains("message")) << answer.body;
  return body["details"]["validationError"]["fieldViolations"].at(0)["field"];
}

TEST(FreedomsTest, EveryVariantIsKnownAndNoneIsAWireStyle) {
  for (const auto& [name, what] : FreedomVariants()) {
    Freedoms freedoms;
    WireStyle style;
    EXPECT_TRUE(ApplyFreedom(name, &freedoms)) << name;
    EXPECT_FALSE(ApplyWireVariant(name, &style)) << name;
    EXPECT_FALSE(what.empty()) << name;
  }
  Freedoms freedoms;
  EXPECT_FALSE(ApplyFreedom("float-numbers", &freedoms));
  EXPECT_FALSE(ApplyFreedom("nope", &freedoms));
}

// The plain mock is as strict as the docs: code tested against it must not pass there and fail on Wix.
TEST(FreedomsTest, ThePlainMockRefusesAnUpdateWithoutBodyNameBeforeLookingTheNameUp) {
  auto mock = Mock("");
  ASSERT_EQ(Create(*mock, "db").status, 200);
  const json before = Parsed(Call(*mock, "GET", "/db"));
  const MockAnswer unnamed = Update(*mock, "db", Connection("", {{"k", 2}}));
  EXPECT_EQ(unnamed.status, 400) << unnamed.body;
  EXPECT_EQ(ViolatedField(unnamed), "externalDatabaseConnection.name");
  EXPECT_EQ(Parsed(Call(*mock, "GET", "/db")), before) << "a refused update changes nothing";
  const MockAnswer unknown = Update(*mock, "ghost", Connection(""));
  EXPECT_EQ(unknown.status, 400) << "the body is judged before the name is looked up";
  EXPECT_EQ(ViolatedField(unknown), "externalDatabaseConnection.name");
  EXPECT_EQ(Update(*mock, "ghost", Connection("ghost")).status, 404);
  EXPECT_EQ(Update(*mock, "db", Connection("db", {{"k", 2}})).status, 200);
  auto lenient = Mock("body-name-optional");
  ASSERT_EQ(Create(*lenient, "db").status, 200);
  EXPECT_EQ(Update(*lenient, "db", Connection("")).status, 200) << "with the freedom the name may be left out";
}

TEST(FreedomsTest, ValidateFirstAnswers413ForABodyOverTheLimitWhateverTheName) {
  auto mock = Mock("validate-first");
  const std::string big(kValidateFirstBodyLimit, 'z');
  for (const auto& [method, suffix] : {std::pair<std::string, std::string>{"POST", ""}, {"PUT", "/ghost"}}) {
    SCOPED_TRACE(method);
    json body = {{"externalDatabaseConnection", Connection(suffix.empty() ? "db" : "", {{"big", big}})}};
    const MockAnswer answer = Call(*mock, method, suffix, body);
    EXPECT_EQ(answer.status, 413);
    EXPECT_EQ(Parsed(answer)["details"]["applicationError"]["code"], "PAYLOAD_TOO_LARGE") << answer.body.substr(0, 200);
    EXPECT_TRUE(Parsed(answer)["message"].is_string());
  }
  EXPECT_EQ(mock->store().Size(), 0u);
  // Exploration's largest value class (256 KB), with room to spare, is still taken.
  EXPECT_EQ(Create(*mock, "db", {{"big", std::string(256 * 1024, 'z')}, {"more", std::string(64 * 1024, 'y')}}).status, 200);
  EXPECT_EQ(Create(*Mock(""), "db", {{"big", big}}).status, 200) << "without the freedom there is no limit";
}

TEST(FreedomsTest, ValidateFirstRefusesDollarAndDottedKeysOnCreateAndUpdateKnownOrNot) {
  auto mock = Mock("validate-first");
  EXPECT_EQ(ViolatedField(Create(*mock, "db", {{"$k", 1}})), "externalDatabaseConnection.configuration.$k");
  EXPECT_EQ(Create(*mock, "db", {{"$k", 1}}).status, 400);
  ASSERT_EQ(Create(*mock, "db").status, 200);
  const json before = Parsed(Call(*mock, "GET", "/db"));
  const MockAnswer known = Update(*mock, "db", Connection("db", {{"outer", {{"a.b", 1}}}}));
  EXPECT_EQ(known.status, 400);
  EXPECT_EQ(ViolatedField(known), "externalDatabaseConnection.configuration.outer.a.b");
  EXPECT_EQ(Parsed(Call(*mock, "GET", "/db")), before);
  const MockAnswer unknown = Update(*mock, "ghost", Connection("ghost", {{"list", {json{{"$in", 1}}}}}));
  EXPECT_EQ(unknown.status, 400) << "400 before 404: " << unknown.body;
  EXPECT_EQ(ViolatedField(unknown), "externalDatabaseConnection.configuration.list.$in");
  EXPECT_EQ(Update(*mock, "ghost", Connection("ghost", {{"endpoint-ish", "x"}})).status, 404);
  EXPECT_EQ(Update(*mock, "db", Connection("db", {{"k$", 1}, {"k/with/slashes", 2}})).status, 200) << "only these two shapes";
  auto plain = Mock("");
  ASSERT_EQ(Create(*plain, "db").status, 200);
  EXPECT_EQ(Update(*plain, "db", Connection("db", {{"$k", 1}, {"a.b", 2}})).status, 200);
}

// Every mock, with or without the freedom, judges the body before looking the name up.
TEST(FreedomsTest, AnInvalidBodyForAnUnknownNameIs400WithAndWithoutValidateFirst) {
  for (const std::string variant : {"", "validate-first"}) {
    auto mock = Mock(variant);
    const MockAnswer answer = Update(*mock, "ghost", {{"endpoint", "not a url"}});
    EXPECT_EQ(answer.status, 400) << variant;
    EXPECT_EQ(ViolatedField(answer), "externalDatabaseConnection.endpoint");
  }
}

TEST(FreedomsTest, Transient503EverySeventhRequestDoesNothingAndTheRetrySucceeds) {
  auto mock = Mock("transient-503");
  for (int i = 1; i <= 6; ++i) ASSERT_EQ(Call(*mock, "GET", "").status, 200) << i;
  const std::time_t now = std::time(nullptr);
  const MockAnswer refused = Create(*mock, "db");  // the 7th
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.body, R"({"details":{},"message":""})");
  EXPECT_EQ(mock->store().Size(), 0u) << "a 503 does nothing";
  const std::string& after = refused.retry_after;
  EXPECT_EQ(after.size(), 29u) << after;  // "Sun, 06 Nov 1994 08:49:37 GMT"
  EXPECT_EQ(after.substr(after.size() - 4), " GMT") << after;
  const time_t when = curl_getdate(after.c_str(), nullptr);
  EXPECT_GE(when, now) << after;
  EXPECT_LE(when, now + 2) << after;
  EXPECT_EQ(Create(*mock, "db").status, 200) << "the retry (the 8th) succeeds";
  for (int i = 9; i <= 13; ++i) EXPECT_EQ(Call(*mock, "GET", "/db").status, 200) << i;
  EXPECT_EQ(Call(*mock, "GET", "/db").status, 503) << "the 14th";
}

TEST(FreedomsTest, HttpDateIsImfFixdate) {
  EXPECT_EQ(HttpDate(std::chrono::system_clock::from_time_t(784111777)), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(IsoTimestamp(784111777123), "1994-11-06T08:49:37.123Z");
  EXPECT_EQ(IsoTimestamp(-5), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(IsoTimestamp(INT64_MAX), "9999-12-31T23:59:59.999Z");
}

TEST(FreedomsTest, DoubleNumbersRoundsIntegersBeyond2To53AndWritesIntegralDoublesAsIntegers) {
  auto mock = Mock("double-numbers");
  const std::string body =
      R"({"externalDatabaseConnection":{"name":"db","configuration":{"big":9007199254740993,"exact":9007199254740992,)"
      R"("five":5,"fivePointO":5.0,"tenth":0.1,"negativeZero":-0.0,"huge":18446744073709551615,)"
      R"("nested":[{"n":-9007199254740995}]}},"connectionType":"STANDALONE"})";
  const MockAnswer created = mock->Handle({"POST", kPath, "T", body, "", "", ""});
  ASSERT_EQ(created.status, 200) << created.body;
  const std::string got = Call(*mock, "GET", "/db").body;
  for (const char* expected : {R"("big":9007199254740992,)", R"("exact":9007199254740992,)", R"("five":5,)",
                               R"("fivePointO":5,)", R"("tenth":0.1)", R"("negativeZero":-0.0)",
                               R"("huge":1.8446744073709552e+19,)", R"("n":-9.007199254740996e+15})"}) {
    EXPECT_NE(got.find(expected), std::string::npos) << expected << " in " << got;
  }
  EXPECT_EQ(Parsed(created)["externalDatabaseConnection"]["configuration"], Parsed(Call(*mock, "GET", "/db"))["externalDatabaseConnection"]["configuration"]);
  const std::string plain = Call(*Mock(""), "POST", "", json::parse(body)).body;
  EXPECT_NE(plain.find(R"("big":9007199254740993)"), std::string::npos) << "without the freedom integers are exact";
}

TEST(FreedomsTest, Proto3OmissionsLeavesOutDefaultsButKeepsConfiguration) {
  auto mock = Mock("proto3-omissions");
  EXPECT_EQ(Call(*mock, "GET", "").body, R"({"pagingMetadata":{}})") << "an empty page: no array, no zero count";
  const json configuration = {{"f", false}, {"z", 0}, {"e", ""}, {"a", json::array()}, {"o", json::object()}};
  json unreachable = {{"name", "db"}, {"configuration", configuration}};  // no endpoint: successful is false
  const MockAnswer created = Call(*mock, "POST", "", {{"externalDatabaseConnection", unreachable}});
  ASSERT_EQ(created.status, 200) << created.body;
  const json expected = {{"name", "db"},
                         {"configuration", configuration},
                         {"connectionStatus", {{"causeOfFailure", "DESTINATION_ENDPOINT_NOT_DEFINED"}, {"hasCollections", "UNKNOWN"}}},
                         {"capabilities", json::object()},
                         {"protocolVersion", "V2"}};
  EXPECT_EQ(Parsed(created)["externalDatabaseConnection"], expected);
  EXPECT_EQ(Parsed(Call(*mock, "GET", "/db"))["externalDatabaseConnection"], expected);
  EXPECT_EQ(Parsed(Call(*mock, "GET", "", nullptr, "10", "0")),
            json({{"externalDatabaseConnections", {expected}}, {"pagingMetadata", {{"count", 1}, {"total", 1}}}}));
  EXPECT_EQ(Parsed(Call(*mock, "GET", "", nullptr, "10", "1")), json({{"pagingMetadata", {{"offset", 1}, {"total", 1}}}}));
  EXPECT_EQ(Parsed(Call(*mock, "DELETE", "/db")), json::object());
  const json plain = Parsed(Call(*Mock(""), "GET", ""));
  EXPECT_EQ(plain["externalDatabaseConnections"], json::array());
  EXPECT_EQ(plain["pagingMetadata"]["count"], 0);
}

TEST(FreedomsTest, MovingRevisionMovesOnEveryWrite) {
  auto mock = Mock("moving-revision");
  const json created = Parsed(Create(*mock, "db"))["externalDatabaseConnection"];
  EXPECT_EQ(created["revision"], "1");
  const std::string created_date = created["_createdDate"];
  EXPECT_EQ(created_date.size(), 24u) << created_date;  // 2026-11-28T10:00:00.123Z
  EXPECT_EQ(created_date.back(), 'Z');
  EXPECT_EQ(created["_updatedDate"], created_date);
  std::string last = created_date;
  for (const std::string revision : {"2", "3"}) {
    const json updated = Parsed(Update(*mock, "db", Connection("db", {{"k", revision}})))["externalDatabaseConnection"];
    EXPECT_EQ(updated["revision"], revision);
    EXPECT_EQ(updated["_createdDate"], created_date);
    EXPECT_GT(updated["_updatedDate"].get<std::string>(), last) << "even within a millisecond";
    last = updated["_updatedDate"];
    EXPECT_EQ(Parsed(Call(*mock, "GET", "/db"))["externalDatabaseConnection"], updated);
    EXPECT_EQ(Parsed(Call(*mock, "GET", ""))["externalDatabaseConnections"][0], updated);
  }
  EXPECT_EQ(Update(*mock, "db", {{"endpoint", "not a url"}}).status, 400);
  EXPECT_EQ(Parsed(Call(*mock, "GET", "/db"))["externalDatabaseConnection"]["revision"], "3") << "a refused write moves nothing";
  ASSERT_EQ(Call(*mock, "DELETE", "/db").status, 200);
  EXPECT_EQ(Parsed(Create(*mock, "db"))["externalDatabaseConnection"]["revision"], "1") << "a new connection";
  EXPECT_FALSE(Parsed(Create(*Mock(""), "db"))["externalDatabaseConnection"].contains("revision"));
}

// The raw answer to one GET over a plain socket: curl would hide how header names are spelled.
std::string RawGet(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  std::string out;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) {
    const std::string request = std::string("GET ") + kPath + "/ghost HTTP/1.1\r\nHost: x\r\nAuthorization: T\r\nConnection: close\r\n\r\n";
    (void)!write(fd, request.data(), request.size());
    char buffer[4096];
    for (ssize_t n; out.size() < 65536 && (n = read(fd, buffer, sizeof(buffer))) > 0;) out.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

TEST(FreedomsTest, LowercaseHeadersWritesEveryHeaderNameInLowerCase) {
  auto mock = Mock("lowercase-headers");
  EXPECT_EQ(Call(*mock, "GET", "").content_type, "application/json;charset=UTF-8");
  std::string err;
  ASSERT_TRUE(mock->Start(&err)) << err;
  const std::string raw = RawGet(mock->port());
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  ASSERT_EQ(head.rfind("HTTP/1.1 404", 0), 0u) << raw;
  int headers = 0;
  for (size_t at = head.find("\r\n"); at != std::string::npos; at = head.find("\r\n", at + 2)) {
    const std::string name = head.substr(at + 2, head.find(':', at) - at - 2);
    ++headers;
    for (char c : name) EXPECT_FALSE(std::isupper(static_cast<unsigned char>(c))) << name << " in\n" << head;
  }
  EXPECT_GE(headers, 3) << head;  // content-type, content-length, connection at least
  EXPECT_NE(head.find("\r\ncontent-type: application/json;charset=UTF-8"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\ncontent-length: "), std::string::npos) << head;
  EXPECT_EQ(Call(*Mock(""), "GET", "").content_type, "application/json");
}

}  // namespace
}  // namespace conform
