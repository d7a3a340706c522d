// Servers that refuse what the docs leave open ([I] facts) warn, and never fail a run: a server
// that will not hold a name with '/', and one that keeps deleted names for good. Each is the
// correct mock behind a front that makes that one choice.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"
#include "mock/mock_front_for_tests.h"
#include "mock/wix_error.h"

namespace conform {
namespace {

class RefusingServerTest : public TempDirTest {
 protected:
  std::string Run(const std::string& url, const std::string& args, int* exit_code) {
    const std::string explore = args.find("--explore") == std::string::npos ? " --explore 0" : "";
    Ran r = RunConformBinary("run -q" + explore + " --target " + url + " --token T --json " + Path("report.json") +
                             " --junit " + Path("junit.xml") + " --found " + Path("found") + " " + args);
    *exit_code = r.exit_code;
    return r.output;
  }
  // The outcome and the rules of one case in the last report.
  std::pair<std::string, std::set<std::string>> CaseOutcome(const std::string& id) {
    const nlohmann::json report = Json("report.json");
    for (const auto& c : report["cases"]) {
      if (c["id"] != id) continue;
      std::set<std::string> rules;
      for (const auto& f : c["findings"]) rules.insert(f["level"].get<std::string>() + ":" + f["rule"].get<std::string>());
      return {c["outcome"].get<std::string>(), rules};
    }
    return {};
  }
};

void Refuse(httplib::Response& res, int status, const std::string& code) {
  res.status = status;
  res.set_content(ApplicationErrorBody(code, "refused by this server's choice").dump(), "application/json");
}

TEST_F(RefusingServerTest, ANameWithASlashRefusedAtCreateWarns) {
  MockFront server([](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "POST") return false;
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    const std::string name = body.value("externalDatabaseConnection", nlohmann::json::object()).value("name", "");
    if (name.find('/') == std::string::npos) return false;
    Refuse(res, 400, "INVALID_ARGUMENT");
    return true;
  });
  int exit_code = -1;
  const std::string out = Run(server.BaseUrl(), "--filter encoding-slash-in-name", &exit_code);
  EXPECT_EQ(exit_code, 0) << out;
  const auto [outcome, rules] = CaseOutcome("encoding-slash-in-name");
  EXPECT_EQ(outcome, "warned") << out;
  EXPECT_EQ(rules.count("should:setup.refused"), 1u);
}

TEST_F(RefusingServerTest, AOneCharacterNameKeptByAnEarlierRunWarns) {
  std::mutex mutex;
  std::set<std::string> ever;  // names created once stay taken, deleted or not
  MockFront server([&](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "POST") return false;
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.value("externalDatabaseConnection", nlohmann::json()).is_object()) return false;
    const std::string name = body["externalDatabaseConnection"].value("name", "");
    std::lock_guard<std::mutex> lock(mutex);
    if (ever.insert(name).second) return false;
    Refuse(res, 409, "ALREADY_EXISTS");
    return true;
  });
  int exit_code = -1;
  std::string out = Run(server.BaseUrl(), "--filter name-one-character --run-id a0000001", &exit_code);
  EXPECT_EQ(exit_code, 0) << out;
  EXPECT_EQ(CaseOutcome("name-one-character").first, "passed");
  // The next run's one-character name is the same "a", deleted but kept.
  out = Run(server.BaseUrl(), "--filter name-one-character --run-id a0000002", &exit_code);
  EXPECT_EQ(exit_code, 0) << out;
  const auto [outcome, rules] = CaseOutcome("name-one-character");
  EXPECT_EQ(outcome, "warned");
  EXPECT_EQ(rules, std::set<std::string>{"should:name-reuse-refused"});
}

// Tomcat's default: a path holding %2F is refused 400 before the API sees it, though the name
// is taken in a create's body. The case that rests on '/' warns; nothing is must, exploration's
// included.
TEST_F(RefusingServerTest, ARouterRefusingSlashesInThePathWarns) {
  MockFront server([](const httplib::Request& req, httplib::Response& res) {
    if (req.target.find("%2F") == std::string::npos) return false;
    Refuse(res, 400, "INVALID_ARGUMENT");
    return true;
  });
  int exit_code = -1;
  const std::string out = Run(server.BaseUrl(), "--filter 'encoding-*' --explore 300 --seed 10", &exit_code);
  EXPECT_EQ(exit_code, 0) << out;
  const auto [outcome, rules] = CaseOutcome("encoding-slash-in-name");
  EXPECT_EQ(outcome, "warned") << out;
  EXPECT_EQ(rules.count("should:replace.precondition"), 1u) << out;
  const nlohmann::json report = Json("report.json");  // held: a loop over a temporary's member reads freed memory
  for (const auto& c : report["cases"]) {
    for (const auto& f : c["findings"]) EXPECT_NE(f["level"], "must") << c["id"] << ": " << f.dump();
  }
}

// A server that holds no name with a character beyond ASCII (docs/contract.md section 6 allows
// it): the 255 two-byte letters case warns at its short name, and is no must failure.
TEST_F(RefusingServerTest, NamesBeyondAsciiRefusedWarn) {
  const auto beyond_ascii = [](const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  };
  MockFront server([&](const httplib::Request& req, httplib::Response& res) {
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    const nlohmann::json connection =
        body.is_object() ? body.value("externalDatabaseConnection", nlohmann::json::object()) : nlohmann::json::object();
    const std::string name = connection.is_object() && connection.value("name", nlohmann::json()).is_string()
                                 ? connection["name"].get<std::string>()
                                 : "";
    if (!beyond_ascii(req.path) && !(req.method == "POST" && beyond_ascii(name))) return false;
    Refuse(res, 400, "INVALID_ARGUMENT");
    return true;
  });
  int exit_code = -1;
  const std::string out = Run(server.BaseUrl(), "--filter 'name-255-two-byte-characters'", &exit_code);
  EXPECT_EQ(exit_code, 0) << out;
  const auto [outcome, rules] = CaseOutcome("name-255-two-byte-characters");
  EXPECT_EQ(outcome, "warned") << out;
  EXPECT_EQ(rules, std::set<std::string>{"should:setup.refused"}) << out;
}

}  // namespace
}  // namespace conform
