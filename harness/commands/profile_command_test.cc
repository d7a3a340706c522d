// conform profile end to end: the embedded mock's profile, a server profiled twice giving the
// same choices, each --variant of the mock differing in exactly its own choices, --reference and
// --diff, pacing and cleanup, and bad input.
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"
#include "load/case_loader.h"
#include "mock/mock_server.h"

namespace conform {
namespace {

class ProfileCommandTest : public TempDirTest {
 protected:
  // `conform profile` with its outputs in this test's folder.
  Ran Profile(const std::string& args, const std::string& out) const {
    const bool reference = args.find("--reference") != std::string::npos;
    return RunConformBinary("profile " + args + " -o " + Path(out) +
                            (reference ? " --reference-output " + Path(out + ".ref") : "") + " --reports " +
                            Path(out + ".reports"));
  }
  std::set<std::string> Differing(const std::string& a, const std::string& b) const {
    const Ran diff = RunConformBinary("profile --diff " + Path(a) + " " + Path(b));
    std::set<std::string> ids;
    const std::string marker = "\n  ";
    for (size_t at = diff.output.find(marker); at != std::string::npos; at = diff.output.find(marker, at + 1)) {
      const size_t end = diff.output.find(':', at);
      const std::string id = diff.output.substr(at + marker.size(), end - at - marker.size());
      if (id.find(' ') == std::string::npos) ids.insert(id);
    }
    EXPECT_EQ(diff.exit_code, ids.empty() ? 0 : 1) << diff.output;
    return ids;
  }
};

TEST_F(ProfileCommandTest, TheEmbeddedMocksProfileHasEveryRowWithItsEvidence) {
  const Ran r = Profile("", "mock.json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("create.status"), std::string::npos) << r.output;
  const nlohmann::json profile = Json("mock.json");
  ASSERT_TRUE(profile["choices"].is_object()) << profile.dump();
  EXPECT_GE(profile["choices"].size(), 18u);
  for (const auto& [id, row] : profile["choices"].items()) {
    EXPECT_FALSE(row.contains("problem")) << id << ": " << row.dump();
    if (id != "load.statuses-retried") {
      EXPECT_NE(row["evidence"]["request"], "") << id;
    }
  }
  EXPECT_EQ(profile["choices"]["create.status"]["choice"], 200);
  EXPECT_EQ(profile["choices"]["update.without-body-name"]["choice"], 400) << "as strict as the docs";
  EXPECT_EQ(profile["choices"]["numbers.beyond-2to53"]["choice"], "9007199254740993");
  EXPECT_EQ(profile["choices"]["list.page-at-limit-100"]["choice"], 12);
  // The limits searched for: the mock takes the largest string, key count and nesting tried.
  EXPECT_EQ(profile["choices"]["limits.largest-string"]["choice"], nlohmann::json({{"accepted", 4194304}, {"refused", nullptr}}));
  EXPECT_EQ(profile["choices"]["limits.most-keys"]["choice"], nlohmann::json({{"accepted", 10000}, {"refused", nullptr}}));
  EXPECT_EQ(profile["choices"]["limits.deepest-nesting"]["choice"],
            nlohmann::json({{"accepted", 250}, {"refused", nullptr}}));
  EXPECT_TRUE(profile["measurements"]["latency"].contains("create")) << profile["measurements"].dump();
  EXPECT_TRUE(std::filesystem::exists(Path("mock.json.reports/report.html"))) << "the probes' run has its reports";
}

TEST_F(ProfileCommandTest, OneServerProfiledTwiceDoesNotDiffer) {
  // 503s now and then (retried at once), so the two profiles meet them at other requests.
  MockProcess mock({"--token", "T", "--variant", "transient-503", "--retry-after", "0"});
  ASSERT_FALSE(mock.BaseUrl().empty());
  ASSERT_EQ(Profile("--target " + mock.BaseUrl() + " --token T", "one.json").exit_code, 0);
  ASSERT_EQ(Profile("--target " + mock.BaseUrl() + " --token T", "two.json").exit_code, 0);
  EXPECT_TRUE(Differing("one.json", "two.json").empty());
}

// Each variant of the mock is a choice the contract allows; the profile names it, and nothing else.
TEST_F(ProfileCommandTest, EachVariantDiffersInExactlyItsOwnChoices) {
  const std::map<std::string, std::set<std::string>> expected = {
      {"float-numbers", {"wire.integral-number"}},
      {"reversed-keys", {"wire.key-order"}},
      {"ascii-escapes", {"wire.non-ascii"}},
      {"chunked", {"wire.transfer-encoding"}},
      {"connection-close", {"wire.connection"}},
      {"body-name-optional", {"update.without-body-name"}},
      {"validate-first", {"order.refused-body-unknown-name", "order.overlong-name-get", "limits.largest-string"}},
      {"transient-503", {"load.statuses-retried"}},
      {"double-numbers", {"numbers.beyond-2to53"}},
      {"proto3-omissions", {"list.empty-page-fields"}},
      {"moving-revision", {"create.fields-answered"}},
      {"lowercase-headers", {"wire.content-type", "wire.content-encoding"}},
  };
  MockProcess plain({"--token", "T"});
  ASSERT_EQ(Profile("--target " + plain.BaseUrl() + " --token T", "plain.json").exit_code, 0);
  size_t index = 0;
  for (const auto& [variant, choices] : expected) {
    if (SanitizerSkips(index++)) continue;
    SCOPED_TRACE(variant);
    MockProcess mock({"--token", "T", "--variant", variant, "--retry-after", "0"});
    const Ran r = Profile("--target " + mock.BaseUrl() + " --token T", variant + ".json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(Differing("plain.json", variant + ".json"), choices);
    if (variant != "validate-first") continue;
    // It refuses bodies over 512 KB: the search ends within 1/256 below that.
    const nlohmann::json found = Json(variant + ".json")["choices"]["limits.largest-string"]["choice"];
    EXPECT_EQ(found["refused_with"], 413) << found.dump();
    EXPECT_GT(found["accepted"].get<int64_t>(), 524288 - 524288 / 256 - 400) << found.dump();
    EXPECT_LE(found["refused"].get<int64_t>(), 524288) << found.dump();
  }
  MockProcess capped({"--token", "T", "--max-page", "2"});
  ASSERT_EQ(Profile("--target " + capped.BaseUrl() + " --token T", "capped.json").exit_code, 0);
  EXPECT_EQ(Differing("plain.json", "capped.json"), std::set<std::string>{"list.page-at-limit-100"});
}

TEST_F(ProfileCommandTest, ReferenceComparesTwoServersInOneGo) {
  MockProcess plain({"--token", "T"});
  MockProcess doubles({"--token", "T", "--variant", "double-numbers"});
  Ran r = Profile("--target " + plain.BaseUrl() + " --reference " + doubles.BaseUrl() + " --token T", "a.json");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("1 of "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("numbers.beyond-2to53"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"9007199254740992\""), std::string::npos) << "as a double keeps it: " << r.output;
  EXPECT_NE(r.output.find("latency p50/p99"), std::string::npos) << r.output;
  r = Profile("--target " + plain.BaseUrl() + " --reference " + plain.BaseUrl() + " --token T", "b.json");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("no choice differs"), std::string::npos) << r.output;
}

TEST_F(ProfileCommandTest, PacedAndLeavesNothingBehind) {
  MockOptions options;
  options.token = "T";
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  const auto start = std::chrono::steady_clock::now();
  const Ran r = Profile("--target " + mock.base_url() + " --token T --rate 40/s", "paced.json");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_GE(seconds, (mock.requests() - 1) / 40.0) << mock.requests() << " requests";
  EXPECT_EQ(mock.store().Size(), 0u) << "every probe cleans up after itself";
}

TEST_F(ProfileCommandTest, AConfigFileInTheFolderDoesNotSteerTheProfile) {
  MockProcess plain({"--token", "T"});
  MockProcess lowercase({"--token", "T", "--variant", "lowercase-headers"});
  std::ofstream(Path("conform.json")) << R"({"target": ")" << lowercase.BaseUrl() << R"(", "rate": "1/m"})";
  const Ran r = RunConformBinary("profile --target " + plain.BaseUrl() + " --reference " + lowercase.BaseUrl() +
                                     " --token T -o a.json --reference-output b.json --reports r",
                                 "", dir_.string());
  EXPECT_EQ(r.exit_code, 1) << "the two targets given, not the config's twice: " << r.output;
  EXPECT_NE(r.output.find("wire.content-type"), std::string::npos) << r.output;
}

// A normal run's reports carry the choices its cases happened to observe, read as the profile
// reads them: each row the same as the same server's profile (on servers that choose otherwise
// too), and no choice fails the run.
TEST_F(ProfileCommandTest, ARunsReportsShowTheChoicesItsCasesObserved) {
  size_t index = 0;
  for (const std::string variant : {"", "lowercase-headers", "body-name-optional", "validate-first", "moving-revision"}) {
    if (SanitizerSkips(index++)) continue;
    SCOPED_TRACE(variant);
    std::vector<std::string> args = {"--token", "T"};
    if (!variant.empty()) args.insert(args.end(), {"--variant", variant});
    MockProcess mock(args);
    const std::string out = variant.empty() ? "plain" : variant;
    const Ran r = RunConformBinary("run --target " + mock.BaseUrl() + " --token T --explore 0 -q --json " +
                                   Path(out + ".json") + " --html " + Path(out + ".html") + " --junit " +
                                   Path(out + ".xml"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_EQ(Profile("--target " + mock.BaseUrl() + " --token T", out + ".profile.json").exit_code, 0);
    const nlohmann::json choices = Json(out + ".json")["choices"];
    const nlohmann::json profiled = Json(out + ".profile.json")["choices"];
    EXPECT_GE(choices.size(), 10u) << choices.dump();
    for (const auto& [id, row] : choices.items()) {
      if (id == "load.statuses-retried") continue;  // the whole run's, not one request's
      EXPECT_EQ(row["choice"], profiled[id]["choice"]) << id << ": the run saw " << row.dump();
      EXPECT_EQ(row["evidence"]["status"], profiled[id]["evidence"]["status"]) << id;
      EXPECT_EQ(row["freedom"], profiled[id]["freedom"]) << id;
    }
    EXPECT_EQ(choices["create.status"]["choice"], 200) << choices.dump();
    EXPECT_EQ(choices["update.without-body-name"]["choice"], variant == "body-name-optional" ? 200 : 400);
    EXPECT_EQ(choices["wire.content-type"]["choice"],
              variant == "lowercase-headers" ? "application/json;charset=UTF-8" : "application/json");
    EXPECT_EQ(choices["load.statuses-retried"]["choice"], nlohmann::json::array()) << choices.dump();
    const std::string html = Text(out + ".html");
    EXPECT_NE(html.find("<section id=\"choices\"><h2>Choices observed</h2>"), std::string::npos);
    EXPECT_NE(html.find("update.without-body-name"), std::string::npos);
  }
}

// A case may read a row the probes read: it must read it the same way, or the run's report and
// the profile would call two things by one name.
TEST_F(ProfileCommandTest, CasesReadTheProbesRowsAsTheProbesDo) {
  SchemaRegistry schemas;
  std::string err;
  ASSERT_TRUE(schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err)) << err;
  std::vector<Case> cases, probes;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadCases(std::string(CONFORM_SOURCE_DIR) + "/cases", schemas, &cases, &errors));
  ASSERT_TRUE(LoadCases(std::string(CONFORM_SOURCE_DIR) + "/probes", schemas, &probes, &errors));
  std::map<std::string, ChoiceSpec> rows;
  for (const Case& p : probes) {
    for (const ChoiceSpec& c : p.choices) rows[c.id] = c;
  }
  size_t read = 0;
  for (const Case& c : cases) {
    for (const ChoiceSpec& spec : c.choices) {
      SCOPED_TRACE(c.id + " reads " + spec.id);
      ASSERT_EQ(rows.count(spec.id), 1u) << "a row conform profile does not know";
      const ChoiceSpec& row = rows[spec.id];
      EXPECT_EQ(spec.freedom, row.freedom);
      EXPECT_EQ(spec.read + spec.at + "|" + spec.name + "|" + spec.answered, row.read + row.at + "|" + row.name + "|" + row.answered);
      ++read;
    }
  }
  EXPECT_GE(read, 10u);
}

TEST_F(ProfileCommandTest, BadInputIsOneLineAndSendsNothing) {
  std::ofstream(Path("not-a-profile.json")) << R"({"conform_profile": 1, "target": "x", "choices": {"a": 1}})";
  std::ofstream(Path("empty.json")) << R"({"conform_profile": 1, "target": "x", "choices": {}})";
  Ran r = RunConformBinary("profile --diff " + Path("not-a-profile.json") + " " + Path("empty.json"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("not-a-profile.json: /choices/a"), std::string::npos) << r.output;
  r = Profile("--target http://127.0.0.1:9 --token T", "unreachable.json");
  EXPECT_EQ(r.exit_code, 3) << r.output;
  r = RunConformBinary("profile --diff " + Path("empty.json") + " " + Path("empty.json") + " --target http://127.0.0.1:9");
  EXPECT_EQ(r.exit_code, 2) << "--diff sends nothing: a target beside it is a mistake " << r.output;
  r = RunConformBinary("profile --reference-token T");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  r = Profile("--target http://192.0.2.1:8080 --token T", "remote.json");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--allow-mutations"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace conform
