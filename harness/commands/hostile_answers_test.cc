// A server whose answers are valid HTTP but hostile JSON: every GET of a connection answers one
// payload (deep nesting, numbers past a double, bad UTF-8, 50 MB, ...), everything else is the
// correct mock's. Each run must end in a verdict with all three reports, never a crash or hang,
// and say precisely what was wrong.
#include <chrono>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"
#include "mock/mock_front_for_tests.h"
#include "text/json_text.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

#ifdef CONFORM_SANITIZED
// The sanitizers make parsing 100 000 keys a hundred times slower: one replace case and a short
// exploration there still send every payload through the case runner, shrinking and the writers.
const std::string kCases = "'replace-documented-*'", kExploreOperations = "10";
#else
const std::string kCases = "'replace-*'", kExploreOperations = "60";
#endif

struct Hostile {
  std::string name;
  std::string body;
  std::string content_type = "application/json";
  bool chunked = false;  // no Content-Length: the body ends when the connection does
  std::string evidence;  // text the report must hold: a rule, an error type or a parser's words
};

std::string Wrapped(const std::string& connection) { return R"({"externalDatabaseConnection":)" + connection + "}"; }

std::string ManyKeys(int n) {
  std::string text = "{";
  for (int i = 0; i < n; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  return text + "}";
}

std::vector<Hostile> Payloads() {
  const std::string big(50 * 1024 * 1024, ' ');
  return {
      {"deep-100000", Wrapped(std::string(100000, '[') + std::string(100000, ']')), "application/json", false, "json-depth"},
      {"number-1e400", Wrapped(R"({"name":"x","configuration":{"n":1e400}})"), "application/json", false, "number overflow"},
      {"negative-zero", Wrapped(R"({"name":"x","configuration":{"n":-0}})"), "application/json", false, "explore"},
      {"long-integer", Wrapped(R"({"name":"x","configuration":{"n":123456789012345678901234567890}})"), "application/json", false,
       "explore"},
      {"invalid-utf8", Wrapped("{\"name\":\"\xff\xfe\"}"), "application/json", false, "invalid-utf8"},
      {"lone-surrogate", Wrapped(R"({"name":"\ud800"})"), "application/json", false, "surrogate"},
      {"escaped-nul", Wrapped(R"({"name":"a\u0000b"})"), "application/json", false, "explore"},
      {"duplicate-keys", Wrapped(R"({"name":"a","name":"b"})"), "application/json", false, "explore"},
      {"100000-keys", Wrapped(ManyKeys(100000)), "application/json", false, "explore"},
      {"50MB-with-length", "{" + big + "}", "application/json", false, "larger than"},
      {"50MB-chunked", "{" + big + "}", "application/json", true, "larger than"},
      {"latin1", Wrapped("{\"name\":\"caf\xe9\"}"), "application/json; charset=latin1", false, "invalid-utf8"},
      {"ends-mid-string", R"({"externalDatabaseConnection":{"name":"abc)", "application/json", false, "non-json-response"},
  };
}

// The correct mock, except that every GET of one connection answers `hostile`.
MockFront::Override AnswerGetsWith(const Hostile& hostile) {
  return [&hostile](const httplib::Request& req, httplib::Response& res) {
    const bool get_of_name = req.method == "GET" && req.matches.size() > 1 && !req.matches[1].str().empty();
    if (!get_of_name) return false;
    if (!hostile.chunked) {
      res.set_content(hostile.body, hostile.content_type);
      return true;
    }
    res.set_chunked_content_provider(hostile.content_type, [&hostile](size_t offset, httplib::DataSink& sink) {
      const size_t n = std::min<size_t>(1 << 20, hostile.body.size() - offset);
      if (!sink.write(hostile.body.data() + offset, n)) return false;
      if (offset + n == hostile.body.size()) sink.done();
      return true;
    });
    return true;
  };
}

class HostileAnswersTest : public TempDirTest {
 protected:
  std::string Reports() const {
    return "--junit " + Path("junit.xml") + " --json " + Path("report.json") + " --html " + Path("report.html") +
           " --found " + Path("found");
  }
};

TEST_F(HostileAnswersTest, EveryHostileAnswerEndsInAVerdictWithItsReports) {
  for (const Hostile& hostile : Payloads()) {
    SCOPED_TRACE(hostile.name);
    MockFront server(AnswerGetsWith(hostile));
    fs::remove_all(dir_ / "found");
    const auto start = std::chrono::steady_clock::now();
    Ran r = RunConformBinary("run -q --filter " + kCases + " --explore " + kExploreOperations + " --target " + server.BaseUrl() +
                             " --token T " + Reports());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(r.signaled) << r.output.substr(0, 2000);
    EXPECT_EQ(r.exit_code, 1) << r.output.substr(0, 2000);
    std::printf("%-18s exit %d in %.1f s\n", hostile.name.c_str(), r.exit_code, seconds);
    EXPECT_LT(seconds, 120);
    for (const char* file : {"junit.xml", "report.json", "report.html"}) EXPECT_TRUE(fs::exists(dir_ / file)) << file;
    const std::string report = Text("report.json");
    EXPECT_NE(report.find(hostile.evidence), std::string::npos) << "no " << hostile.evidence << " in the report";
    EXPECT_EQ(report.find("conform internal error"), std::string::npos);
  }
}

// A server that stores characters outside the Basic Multilingual Plane as '?' (MySQL's utf8):
// the case that meets it fails, exploration finds and shrinks it (a string of four-byte
// characters halved by characters), and all three reports are written.
TEST_F(HostileAnswersTest, AstralCharactersStoredAsQuestionMarksEndInAVerdict) {
  Ran r = RunConformBinary("run -q --seed 1 --mock-fault bmp-only-strings " + Reports());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  for (const char* file : {"junit.xml", "report.json", "report.html"}) EXPECT_TRUE(fs::exists(dir_ / file)) << file;
  const nlohmann::json report = Json("report.json");
  std::map<std::string, std::string> outcomes;
  for (const auto& c : report["cases"]) outcomes[c["id"]] = c["outcome"];
  EXPECT_EQ(outcomes["replace-unicode-values"], "failed");
  const nlohmann::json& last = report["cases"].back();
  EXPECT_EQ(last["id"].get<std::string>().rfind("explore/", 0), 0u) << last["id"];
  EXPECT_EQ(last["outcome"], "failed");
  EXPECT_TRUE(fs::exists(last["file"].get<std::string>()));
}

// The mock keeps serving after a request nested 200 000 deep: a 400 with the standard body.
TEST_F(HostileAnswersTest, MockSurvivesADeeplyNestedRequest) {
  MockProcess mock({"--token", "T"});
  ASSERT_FALSE(mock.BaseUrl().empty());
  httplib::Client client(mock.BaseUrl());
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  const std::string body = R"({"externalDatabaseConnection":{"name":"deep","configuration":{"x":)" + deep + "}},"
                           R"("connectionType":"STANDALONE"})";
  auto answer = client.Post("/wix-data/v1/external-database-connections", {{"Authorization", "T"}}, body, "application/json");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 400);
  const nlohmann::json error = nlohmann::json::parse(answer->body);
  EXPECT_NE(error["details"]["applicationError"]["description"].get<std::string>().find("nests deeper than"), std::string::npos);
  auto list = client.Get("/wix-data/v1/external-database-connections", {{"Authorization", "T"}});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
}

}  // namespace
}  // namespace conform
