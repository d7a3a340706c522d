// The conform binary end to end, as a user runs it: exit codes, reports that pass both JUnit
// XSDs, every mock fault caught by the shipped suite, and no secret in any report.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/curl_transport.h"
#include "http/fault_server_for_tests.h"
#include "commands/conform_binary_for_tests.h"
#include "load/json_file.h"
#include "mock/faults.h"
#include "mock/mock_server.h"

extern char** environ;

namespace conform {
namespace {

namespace fs = std::filesystem;

Ran RunConform(const std::string& args) { return RunConformBinary(args); }

nlohmann::json ReadJson(const fs::path& path) {
  nlohmann::json j;
  std::string err;
  EXPECT_TRUE(ReadJsonFile(path.string(), &j, &err)) << err;
  return j;
}

std::string ReadText(const fs::path& path) {
  std::string text, err;
  ReadTextFile(path.string(), &text, &err);
  return text;
}

class ConformBinaryTest : public TempDirTest {
 protected:
  // The reports, and the found case database, in the test's own folder: a run replays the found
  // cases of earlier runs, and a test must not replay another test's.
  std::string Reports() const { return ReportFiles() + " --found " + (dir_ / "found").string(); }
  std::string ReportFiles() const {
    return "--junit " + (dir_ / "junit.xml").string() + " --json " + (dir_ / "report.json").string();
  }
  // xmllint's exit code for junit.xml against one of the XSDs vendored in testdata/junit/. A
  // missing xmllint or XSD fails the test: a check that cannot run must not pass.
  int XmlLint(const std::string& xsd) const {
    const std::string schema = std::string(CONFORM_SOURCE_DIR) + "/testdata/junit/" + xsd;
    EXPECT_TRUE(fs::exists(schema)) << schema;
    EXPECT_EQ(std::system("command -v xmllint >/dev/null"), 0) << "xmllint is missing (Debian: libxml2-utils)";
    const std::string command = "xmllint --noout --schema " + schema + " " + (dir_ / "junit.xml").string() + " 2>&1";
    return std::system(command.c_str());
  }
};

TEST_F(ConformBinaryTest, WholeSuitePassesAgainstTheEmbeddedMock) {
  Ran r = RunConform("run " + Reports());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json report = ReadJson(dir_ / "report.json");
  EXPECT_EQ(report["verdict"], "passed");
  EXPECT_GE(report["summary"]["total"].get<int>(), 40);
  EXPECT_EQ(report["summary"]["passed"], report["summary"]["total"]);
  EXPECT_GT(report["latency"]["update"]["count"].get<int>(), 0);
  EXPECT_NE(r.output.find("PASSED: "), std::string::npos);
  EXPECT_EQ(XmlLint("jenkins-xunit-junit-10.xsd"), 0);
  EXPECT_EQ(XmlLint("windyroad-JUnit.xsd"), 0);
}

// Failures, errors, skips, a stopped run and a preflight failure: every JUnit file stays valid.
TEST_F(ConformBinaryTest, JunitIsValidAgainstBothXsdsWhateverHappened) {
  const std::string dead = "http://127.0.0.1:" + std::to_string(ClosedLoopbackPort());
  for (const std::string& args : std::vector<std::string>{"--mock-fault merge-configuration --mock-fault plain-404",
                                 "--target " + dead + " --token t",
                                 "--target " + dead + " --token t --no-preflight"}) {
    RunConform("run -q " + args + " " + Reports());
    SCOPED_TRACE(args);
    EXPECT_EQ(XmlLint("jenkins-xunit-junit-10.xsd"), 0);
    EXPECT_EQ(XmlLint("windyroad-JUnit.xsd"), 0);
  }
}

// The rules each fault breaks: the run must report at least one of them at must level.
const std::map<std::string, std::set<std::string>>& ExpectedRules() {
  static const std::map<std::string, std::set<std::string>> kRules = {
      {"merge-fields", {"replace.field-survived"}},
      {"bmp-only-strings", {"replace.stored-differs"}},
      {"list-without-auth", {"status"}},
      {"delete-any-token", {"status", "state.changed"}},
      {"merge-configuration", {"replace.configuration-key-survived"}},
      {"upsert", {"state.changed"}},
      {"ok-for-unknown", {"status"}},
      {"plain-404", {"schema"}},
      {"500-on-malformed", {"server-error"}},
      {"echo-without-storing", {"replace.stored-differs", "replace.response-differs-from-stored"}},
      {"stale-response", {"replace.response-differs-from-stored"}},
      {"no-auth", {"status", "state.changed"}},
      {"any-token", {"status", "state.changed"}},
      {"readonly-writes", {"status", "state.changed"}},
      {"rename-on-body-name", {"name.renamed"}},
      {"create-answers-empty", {"create.no-connection"}},
      {"create-drops-configuration", {"create.stored-differs"}},
      {"create-without-name", {"status"}},
      {"short-names-rejected", {"status"}},
      {"list-wrong-key", {"list.missing"}},
      {"list-ignores-limit", {"list.limit"}},
      {"list-ignores-offset", {"list.offset"}},
      {"list-shows-deleted", {"list.unexpected"}},
      {"stale-list-view", {"list.view-stale"}},
      {"text-plain", {"header"}},
      {"no-decode", {"status", "replace.precondition"}},
      {"partial-apply", {"replace.partial-apply"}},
      {"500-on-invalid", {"server-error"}},
      {"drop-arrays", {"replace.stored-differs"}},
      {"two-step-writes", {"group.torn-state", "group.answer-not-own"}},
      {"unlocked-create", {"group.many-winners"}},
      {"update-resurrects", {"group.resurrected"}},
      {"name-bytes-limit", {"status"}},
      {"invalid-update-404", {"replace.not-found-but-exists"}},
      {"auth-403", {"status"}},
  };
  return kRules;
}

// Faults that break only what the docs leave to should level: a default run passes with
// warnings naming the rule; --strict fails.
const std::map<std::string, std::set<std::string>>& ShouldRules() {
  static const std::map<std::string, std::set<std::string>> kRules = {
      {"bare-errors", {"error.details"}},
      {"json-look-alike", {"media-type"}},
      {"create-answers-201", {"status"}},
      {"list-bare-paging", {"list.paging-count", "list.paging-total"}},
      {"bare-application-errors", {"error.application-error"}},
      {"bare-violations", {"error.field-violation"}},
      {"violation-wrong-field", {"violations"}},
      {"generic-error-codes", {"error.code"}},
      {"delete-404-code", {"error.code"}},
      {"no-name-reuse", {"explore.name-reuse-refused"}},
      {"case-insensitive-names", {"explore.name-case-folded"}},
  };
  return kRules;
}

// The shipped case written for a defect, which must be among the cases that catch its fault.
const std::map<std::string, std::string>& CaughtBy() {
  static const std::map<std::string, std::string> kCases = {
      {"readonly-writes", "auth-readonly-token-create"},
      {"bmp-only-strings", "replace-unicode-values"},
      {"list-without-auth", "auth-no-token-list"},
      {"delete-any-token", "auth-wrong-token-delete"},
      {"create-answers-empty", "create-returns-created"},
      {"create-drops-configuration", "create-returns-created"},
      {"create-without-name", "create-requires-name"},
      {"short-names-rejected", "name-one-character"},
      {"list-wrong-key", "list-shows-created"},
      {"list-ignores-limit", "list-limit-caps-page"},
      {"list-ignores-offset", "list-offset-pages-through"},
      {"list-shows-deleted", "list-omits-deleted"},
      {"stale-list-view", "list-shows-updated"},
      {"two-step-writes", "concurrent-updates-linearizable"},
      {"unlocked-create", "concurrent-creates-single-winner"},
      {"update-resurrects", "concurrent-update-and-delete"},
      {"create-answers-201", "create-returns-created"},
      {"list-bare-paging", "list-paging-metadata"},
      {"violation-wrong-field", "error-endpoint-not-url"},
      {"delete-404-code", "not-found-delete-unknown"},
      {"name-bytes-limit", "name-255-two-byte-characters"},
      {"invalid-update-404", "error-endpoint-not-url"},
      {"auth-403", "auth-no-token-update"},
  };
  return kCases;
}

// The outcome the report gives one case ("" if it is not there).
std::string OutcomeOf(const nlohmann::json& report, const std::string& id) {
  for (const auto& c : report["cases"]) {
    if (c["id"] == id) return c["outcome"].get<std::string>();
  }
  return "";
}

// The rules a report's findings name at one level.
std::set<std::string> RulesAt(const nlohmann::json& report, const std::string& level) {
  std::set<std::string> found;
  for (const auto& c : report["cases"]) {
    for (const auto& f : c["findings"]) {
      if (f["level"] == level) found.insert(f["rule"].get<std::string>());
    }
  }
  return found;
}

bool NamesAny(const std::set<std::string>& found, const std::set<std::string>& wanted) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& rule) { return found.count(rule) > 0; });
}

// Storage and name bugs no shipped case meets: the cases pass, and exploration finds each one.
const std::set<std::string>& ExplorationFaults() {
  static const std::set<std::string> kFaults = {"truncate-long-strings", "drop-dotted-keys", "cut-at-nul",
                                                "drop-nulls-in-arrays", "dedupe-arrays", "depth-limit-16",
                                                "keys-limit-500", "int32-numbers", "recreate-keeps-old",
                                                "prefix-lookup", "trim-names", "put-body-cache"};
  return kFaults;
}

TEST_F(ConformBinaryTest, ExplorationFindsWhatNoShippedCaseMeets) {
  size_t index = 0, tried = 0;
  for (const std::string& fault : ExplorationFaults()) {
    if (SanitizerSkips(index++)) continue;
    ++tried;
    SCOPED_TRACE(fault);
    Ran cases_only = RunConform("run -q --explore 0 --mock-fault " + fault + " " + Reports());
    EXPECT_EQ(cases_only.exit_code, 0) << cases_only.output;
    // A default run explores: 300 operations against the embedded mock; seed 1 is proven to find each fault.
    Ran explored = RunConform("run -q --seed 1 --mock-fault " + fault + " " + Reports());
    EXPECT_EQ(explored.exit_code, 1) << explored.output;
    const nlohmann::json report = ReadJson(dir_ / "report.json");
    const nlohmann::json& last = report["cases"].back();
    EXPECT_EQ(last["id"].get<std::string>().rfind("explore/explore.", 0), 0u) << last["id"];
    EXPECT_EQ(last["outcome"], "failed");
    EXPECT_NE(last["title"].get<std::string>().find("seed 1"), std::string::npos) << last["title"];
    EXPECT_TRUE(fs::exists(last["file"].get<std::string>())) << last["file"];
  }
  Ran lint = RunConform("lint --cases " + (dir_ / "found").string());
  EXPECT_EQ(lint.exit_code, 0) << lint.output;
  EXPECT_NE(lint.output.find("lint: " + std::to_string(tried) + " cases"), std::string::npos) << lint.output;
}

TEST_F(ConformBinaryTest, EveryMockFaultIsCaughtAtItsLevel) {
  ASSERT_EQ(ExpectedRules().size() + ShouldRules().size() + ExplorationFaults().size(), AllFaults().size())
      << "a fault without a test";
  size_t index = 0;
  for (const FaultInfo& fault : AllFaults()) {
    if (ExpectedRules().count(fault.name) == 0 || SanitizerSkips(index++)) continue;
    // The cases alone: exploration's own catches are ExplorationFindsWhatNoShippedCaseMeets's.
    Ran r = RunConform("run -q --explore 0 --mock-fault " + std::string(fault.name) + " " + Reports());
    EXPECT_EQ(r.exit_code, 1) << fault.name << "\n" << r.output;
    const nlohmann::json report = ReadJson(dir_ / "report.json");
    EXPECT_TRUE(NamesAny(RulesAt(report, "must"), ExpectedRules().at(fault.name)))
        << fault.name << " was not caught by any of its rules";
    if (CaughtBy().count(fault.name)) {
      EXPECT_EQ(OutcomeOf(report, CaughtBy().at(fault.name)), "failed") << fault.name;
    }
  }
}

// A list that shows each connection as created: the case written for it fails, and so does
// exploration on its own (seed 1), against a case that the fault does not reach.
TEST_F(ConformBinaryTest, StaleListViewIsCaughtByItsCaseAndByExploration) {
  Ran cased = RunConform("run -q --explore 0 --filter 'list-shows-*' --mock-fault stale-list-view " + Reports());
  EXPECT_EQ(cased.exit_code, 1) << cased.output;
  nlohmann::json report = ReadJson(dir_ / "report.json");
  EXPECT_EQ(OutcomeOf(report, "list-shows-updated"), "failed");
  EXPECT_EQ(OutcomeOf(report, "list-shows-created"), "passed");
  EXPECT_EQ(RulesAt(report, "must"), std::set<std::string>{"list.view-stale"});

  Ran explored = RunConform("run -q --seed 1 --filter list-shows-created --mock-fault stale-list-view " + Reports());
  EXPECT_EQ(explored.exit_code, 1) << explored.output;
  report = ReadJson(dir_ / "report.json");
  EXPECT_EQ(report["cases"].back()["id"], "explore/explore.list-view-diverged") << explored.output;
  // The found case replays it with the cases' own rule.
  Ran replayed = RunConform("run -q --explore 0 --cases " + (dir_ / "found").string() + " --mock-fault stale-list-view " + Reports());
  EXPECT_EQ(replayed.exit_code, 1) << replayed.output;
  EXPECT_EQ(RulesAt(ReadJson(dir_ / "report.json"), "must"), std::set<std::string>{"list.view-stale"});
  Ran correct = RunConform("run -q --explore 0 --cases " + (dir_ / "found").string() + " " + Reports());
  EXPECT_EQ(correct.exit_code, 0) << correct.output;
}

TEST_F(ConformBinaryTest, ShouldLevelFaultsWarnAndFailOnlyWithStrict) {
  size_t index = 0;
  for (const auto& [fault, rules] : ShouldRules()) {
    if (SanitizerSkips(index++)) continue;
    SCOPED_TRACE(fault);
    // Seed 1's exploration reuses a deleted name (no-name-reuse).
    Ran lenient = RunConform("run -q --seed 1 --mock-fault " + fault + " " + Reports());
    EXPECT_EQ(lenient.exit_code, 0) << lenient.output;
    nlohmann::json report = ReadJson(dir_ / "report.json");
    EXPECT_GT(report["summary"]["warned"].get<int>(), 0);
    EXPECT_EQ(report["summary"]["failed"], 0);
    EXPECT_TRUE(NamesAny(RulesAt(report, "should"), rules)) << RulesAt(report, "should").size();
    if (CaughtBy().count(fault)) {
      EXPECT_EQ(OutcomeOf(report, CaughtBy().at(fault)), "warned");
    }
    EXPECT_NE(ReadText(dir_ / "junit.xml").find("should-level findings (fail only with --strict)"), std::string::npos);

    Ran strict = RunConform("run -q --seed 1 --strict --mock-fault " + fault + " " + Reports());
    EXPECT_EQ(strict.exit_code, 1) << strict.output;
    EXPECT_NE(ReadText(dir_ / "junit.xml").find("type=\"should:"), std::string::npos);
  }
}

// Content-Type is compared as a media type: application/json_x is not JSON (should-level).
TEST_F(ConformBinaryTest, JsonLookAlikeMediaTypeIsNamedInTheConsole) {
  Ran strict = RunConform("run -q --strict --mock-fault json-look-alike " + Reports());
  EXPECT_EQ(strict.exit_code, 1) << strict.output;
  EXPECT_GT(ReadJson(dir_ / "report.json")["summary"]["failed"].get<int>(), 50);
  EXPECT_NE(ReadText(dir_ / "junit.xml").find("type=\"should:media-type\""), std::string::npos);
  EXPECT_NE(strict.output.find("application/json_x"), std::string::npos) << strict.output;
}

// Starts `conform mock` as a child process and reads the port it prints.
TEST_F(ConformBinaryTest, SeparatelyStartedMockWithTokenPasses) {
  MockProcess mock({"--token", "sekret-token-123", "--readonly-token", "readonly-token-456"});
  ASSERT_FALSE(mock.BaseUrl().empty());
  Ran r = RunConform("run --target " + mock.BaseUrl() +
                               "/ --token sekret-token-123 --readonly-token readonly-token-456 " + Reports());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(ReadJson(dir_ / "report.json")["summary"]["skipped"], 0);

  // Without a token the preflight's list is refused: one line says so, no case runs.
  Ran no_token = RunConform("run -q --target " + mock.BaseUrl() + " " + Reports());
  EXPECT_EQ(no_token.exit_code, 3) << no_token.output;
  EXPECT_NE(no_token.output.find("no --token or CONFORM_TOKEN"), std::string::npos);
  EXPECT_NE(no_token.output.find("the target refused a request without a token (UNAUTHENTICATED): pass --token or set CONFORM_TOKEN"),
            std::string::npos) << no_token.output;
}

TEST_F(ConformBinaryTest, SecretsNeverReachReportsOrConsole) {
  const std::string token = "sekret-token-abcdef";
  Ran r = RunConform("run -v --run-id leak1 --mock-fault stale-response --token " + token + " " + Reports());
  EXPECT_EQ(r.exit_code, 1);
  const std::string secret_key = "conform-secret-leak1";  // the cases' configuration.secretKey
  for (const std::string& text : {ReadText(dir_ / "junit.xml"), ReadText(dir_ / "report.json"), r.output}) {
    EXPECT_EQ(text.find(token), std::string::npos);
    EXPECT_EQ(text.find(secret_key), std::string::npos);
    EXPECT_EQ(text.find("conform-embedded-readonly-token"), std::string::npos);
  }
  EXPECT_NE(r.output.find("[REDACTED]"), std::string::npos);
}

TEST_F(ConformBinaryTest, InterruptMidRunCleansUpAndReports) {
  MockProcess mock({"--token", "T-sig", "--delay", "20ms"});
  ASSERT_FALSE(mock.BaseUrl().empty());
  const std::string out = (dir_ / "out.txt").string();
  pid_t pid = SpawnConform({"run", "--target", mock.BaseUrl(), "--token", "T-sig", "--run-id", "sigtest", "--junit",
                            (dir_ / "junit.xml").string(), "--json", (dir_ / "report.json").string(), "--html",
                            (dir_ / "report.html").string(), "--found", (dir_ / "found").string()},
                           out);
  ASSERT_GT(pid, 0);
  usleep(1500000);  // well into the run: every case at 20 ms a request takes about 8 s
  kill(pid, SIGINT);
  EXPECT_EQ(WaitBounded(pid, 20), 130) << ReadText(out);
  EXPECT_NE(ReadText(out).find("interrupted; cleaning up"), std::string::npos) << ReadText(out);
  nlohmann::json report = ReadJson(dir_ / "report.json");
  EXPECT_TRUE(report["interrupted"].get<bool>());
  EXPECT_LT(report["summary"]["total"].get<int>(), ShippedCaseCount());

  CurlTransport transport{CurlOptions{}};
  HttpResponse list = transport.Send({"GET", mock.BaseUrl() + "/wix-data/v1/external-database-connections?paging.limit=100",
                                      {{"Authorization", "T-sig"}}, false, ""});
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("conform-sigtest-"), std::string::npos) << list.body;
}

// Lists that differ where the contract allows pass: a server that caps its pages below the
// limit asked for, and a site holding many connections that are not conform's (the walk pages
// past them and judges only the case's own).
TEST_F(ConformBinaryTest, ConformantListVariantsPass) {
  {
    MockProcess capped({"--token", "T", "--readonly-token", "R", "--max-page", "2"});
    ASSERT_FALSE(capped.BaseUrl().empty());
    Ran r = RunConform("run -q --target " + capped.BaseUrl() + " --token T --readonly-token R " + Reports());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(ReadJson(dir_ / "report.json")["summary"]["warned"], 0);
  }
  MockProcess crowded({"--token", "T", "--readonly-token", "R"});
  ASSERT_FALSE(crowded.BaseUrl().empty());
  CurlTransport transport{CurlOptions{}};
  for (int i = 0; i < 120; ++i) {  // more than two default pages, sorted before and after conform's names
    const std::string name = (i % 2 ? "aaa-site-" : "zzz-site-") + std::to_string(i);
    HttpResponse created = transport.Send(
        {"POST", crowded.BaseUrl() + "/wix-data/v1/external-database-connections",
         {{"Authorization", "T"}, {"Content-Type", "application/json"}}, true,
         R"({"externalDatabaseConnection":{"name":")" + name + R"(","endpoint":"https://e.example/db"},"connectionType":"STANDALONE"})"});
    ASSERT_EQ(created.status, 200) << created.body;
  }
  Ran r = RunConform("run -q --target " + crowded.BaseUrl() + " --token T --readonly-token R " + Reports());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(ReadJson(dir_ / "report.json")["summary"]["warned"], 0);
}

// Servers that write their answers differently where the contract allows pass the cases and
// exploration without a warning: numbers as 5.0, keys reversed, \u escapes, chunked bodies,
// Connection: close, pages of 2, a 429 with Retry-After now and then.
TEST_F(ConformBinaryTest, ConformantWireVariantsPassCasesAndExploration) {
  const std::vector<std::vector<std::string>> variants = {
      {"--variant", "float-numbers"}, {"--variant", "reversed-keys"}, {"--variant", "ascii-escapes"},
      {"--variant", "chunked"},       {"--variant", "connection-close"}, {"--max-page", "2"},
      {"--throttle-every", "25", "--retry-after", "0"}};
  size_t index = 0;
  for (const std::vector<std::string>& variant : variants) {
    if (SanitizerSkips(index++)) continue;
    SCOPED_TRACE(variant[0] + " " + variant[1]);
    std::vector<std::string> args = {"--token", "T", "--readonly-token", "R"};
    args.insert(args.end(), variant.begin(), variant.end());
    MockProcess mock(args);
    ASSERT_FALSE(mock.BaseUrl().empty());
    Ran r = RunConform("run -q --explore 300 --target " + mock.BaseUrl() + " --token T --readonly-token R " + Reports());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    const nlohmann::json report = ReadJson(dir_ / "report.json");
    EXPECT_EQ(report["summary"]["warned"], 0);
    EXPECT_EQ(report["cases"].back()["id"], "explore");
  }
}

// Bad exploration input is one line and exit 2 (3 for a reference that does not answer), and
// nothing reaches the target.
TEST_F(ConformBinaryTest, BadExplorationInputSendsNothing) {
  MockOptions options;
  options.token = "T";
  MockServer target(options);
  std::string err;
  ASSERT_TRUE(target.Start(&err)) << err;
  const std::string dead = "http://127.0.0.1:" + std::to_string(ClosedLoopbackPort());
  const std::vector<std::tuple<std::string, int, std::string>> inputs = {
      {"--seed abc", 2, "conform: --seed abc: a whole number, or random"},
      {"--explore -1", 2, "conform: --explore: -1 is outside 0 to 100000"},
      {"--found /proc/conform-nope", 2, "conform: --found /proc/conform-nope: "},
      {"--reference " + dead, 3, "conform: --reference " + dead + ": the target " + dead + " could not be reached"},
  };
  for (const auto& [flags, code, message] : inputs) {
    const std::string reports = flags.rfind("--found ", 0) == 0 ? ReportFiles() : Reports();  // one --found only
    Ran r = RunConform("run -q --target " + target.base_url() + " --token T " + flags + " " + reports);
    EXPECT_EQ(r.exit_code, code) << flags << "\n" << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << flags << "\n" << r.output;
    EXPECT_EQ(target.requests(), 0u) << flags << ": something was sent to the target";
  }
}

// --reference: a second target that writes differently where the contract allows agrees with a
// correct one; a broken target disagrees with a correct reference, and the case file is written.
TEST_F(ConformBinaryTest, ReferenceModeComparesTwoTargets) {
  MockProcess correct({"--token", "T", "--readonly-token", "R"});
  MockProcess variant({"--token", "T", "--readonly-token", "R", "--variant", "float-numbers", "--variant", "reversed-keys"});
  MockProcess broken({"--token", "T", "--readonly-token", "R", "--fault", "keys-limit-500"});
  Ran agree = RunConform("run -q --target " + correct.BaseUrl() + " --reference " + variant.BaseUrl() +
                         " --token T --readonly-token R " + Reports());
  EXPECT_EQ(agree.exit_code, 0) << agree.output;
  Ran differ = RunConform("run --seed 1 --target " + broken.BaseUrl() + " --reference " + correct.BaseUrl() +
                          " --token T --readonly-token R " + Reports());
  EXPECT_EQ(differ.exit_code, 1) << differ.output;
  const nlohmann::json last = ReadJson(dir_ / "report.json")["cases"].back();
  EXPECT_EQ(last["id"].get<std::string>().rfind("explore/", 0), 0u) << last["id"];
  EXPECT_TRUE(fs::exists(last["file"].get<std::string>()));
  EXPECT_EQ(ReadText(last["file"].get<std::string>()).find("\"T\""), std::string::npos) << "the token is not in the case";
}

TEST_F(ConformBinaryTest, UnreachableTargetExits3WithReports) {
  const std::string url = "http://127.0.0.1:" + std::to_string(ClosedLoopbackPort());
  Ran r = RunConform("run -q --timeout 2000 --target " + url + " --token t " + Reports());
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("could not be reached"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(url), std::string::npos);
  nlohmann::json report = ReadJson(dir_ / "report.json");
  EXPECT_EQ(report["verdict"], "error");
  EXPECT_EQ(report["cases"][0]["error"]["type"], "preflight");
  EXPECT_NE(report["cases"][0]["error"]["message"].get<std::string>().find("connection-refused"), std::string::npos);
  EXPECT_NE(ReadText(dir_ / "junit.xml").find("<error "), std::string::npos);
}

TEST_F(ConformBinaryTest, UsageErrorsExit2WithOneLine) {
  for (const std::string args : {"run --timeout -1", "run --bogus", "run --target ftp://x", "run --mock-fault nope",
                                 "run --filter 'nothing-matches-*'", "run --run-id UPPER", "frobnicate"}) {
    Ran r = RunConform(args + " " + Reports());
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
    EXPECT_EQ(r.output.rfind("conform: ", 0), 0u) << args << "\n" << r.output;
  }
  EXPECT_EQ(RunConform("--version").exit_code, 0);
  EXPECT_EQ(RunConform("run --help").exit_code, 0);
  EXPECT_NE(RunConform("run --help").output.find("--target"), std::string::npos);
}

TEST_F(ConformBinaryTest, BrokenCaseFileExits2NamingFileAndPointerAndStillWritesReports) {
  fs::create_directories(dir_ / "cases");
  std::ofstream(dir_ / "cases" / "bad.json")
      << R"({"id": "bad", "title": "t", "level": "must", "tags": [], "steps": [{"call": "update", "name": "${nope}"}]})";
  Ran r = RunConform("run --cases " + (dir_ / "cases").string() + " " + Reports());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("bad.json: /steps/0/name: unknown variable ${nope}"), std::string::npos) << r.output;
  EXPECT_NE(ReadText(dir_ / "junit.xml").find("unknown variable"), std::string::npos);
}

TEST_F(ConformBinaryTest, ListSendsNothingAndHonoursTags) {
  Ran r = RunConform("list --tag auth");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("auth-no-token-update\tmust\t"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("replace-shortens-array"), std::string::npos);
}

TEST_F(ConformBinaryTest, ListAndRunHonourExclusions) {
  Ran r = RunConform("list --tag auth --exclude 'auth-wrong-*' --exclude-tag siblings");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("auth-no-token-update\tmust\t"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("auth-readonly-token-update\t"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("auth-wrong-token-update"), std::string::npos) << "excluded by glob: " << r.output;
  EXPECT_EQ(r.output.find("auth-no-token-delete"), std::string::npos) << "excluded by tag: " << r.output;
  // A run takes the same selection: only the cases left are testcases.
  r = RunConform("run --tag auth --exclude 'auth-no-token-*' --exclude 'auth-wrong-token-*' --explore 0 " + Reports());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const std::string junit = ReadText(dir_ / "junit.xml");
  EXPECT_EQ(junit.find("auth-no-token-"), std::string::npos);
  EXPECT_EQ(junit.find("auth-wrong-token-"), std::string::npos);
  EXPECT_NE(junit.find("auth-readonly-token-update"), std::string::npos) << junit;
  // Excluding everything is a usage error that says why, and sends nothing.
  r = RunConform("run --exclude '*' " + Reports());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("no case matches the selection"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1 --exclude"), std::string::npos) << r.output;
}

TEST_F(ConformBinaryTest, ListAndLintShowWhatRunWouldTakeFromTheConfigFile) {
  const fs::path config = dir_ / "conform.json";
  std::ofstream(config) << R"({"tags": ["auth"], "exclude": ["auth-wrong-*"], "exclude_tags": ["siblings"]})";
  Ran r = RunConform("list --config " + config.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("auth-no-token-update\t"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("auth-readonly-token-update\t"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("auth-wrong-token-update"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("auth-no-token-delete"), std::string::npos) << r.output;
  // A flag beats the file key by key: --exclude-tag replaces the file's, its exclude stands.
  r = RunConform("list --config " + config.string() + " --exclude-tag none-such");
  EXPECT_NE(r.output.find("auth-no-token-delete\t"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("auth-wrong-token-"), std::string::npos) << r.output;
  // ./conform.json is read without --config, as run reads it.
  r = RunConformBinary("lint", "", dir_.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("lint: 3 cases"), std::string::npos) << r.output;
  r = RunConform("lint --exclude '*'");
  EXPECT_EQ(r.exit_code, 2) << "an empty selection checks nothing: " << r.output;
}

}  // namespace
}  // namespace conform
