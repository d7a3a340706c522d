// Every command that sends carries the run's identity: against a mock that stands in for a
// site-level API key (`conform mock --site-id S` refuses a request without wix-site-id: S), run
// (cases, found cases, exploration, preflight), cleanup, load and profile each pass with
// --site-id and are refused without it; and every request a run saves shows the header.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

constexpr char kSite[] = "site-4f2a";

class IdentityHeadersTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    mock_ = std::make_unique<MockProcess>(std::vector<std::string>{"--token", "T", "--site-id", kSite});
    ASSERT_FALSE(mock_->BaseUrl().empty());
  }
  std::string Target() const { return " --target " + mock_->BaseUrl() + " --token T "; }
  std::string Reports() const {
    return " --junit " + Path("junit.xml") + " --json " + Path("report.json") + " --html " + Path("report.html") +
           " --found " + Path("found");
  }
  std::unique_ptr<MockProcess> mock_;
};

TEST_F(IdentityHeadersTest, EveryRequestOfARunCarriesTheSiteId) {
  Ran r = RunConformBinary("run -q --explore 60 --seed 5 --site-id " + std::string(kSite) + Target() + Reports() +
                           " --save-requests " + Path("saved"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  int saved = 0, explored = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "saved")) {
    if (!entry.is_regular_file()) continue;
    ++saved;
    if (entry.path().parent_path().filename().string().rfind("explore", 0) == 0) ++explored;
    std::string text, err;
    ASSERT_TRUE(ReadTextFile(entry.path().string(), &text, &err)) << err;
    EXPECT_NE(text.find(std::string("wix-site-id: ") + kSite), std::string::npos) << entry.path();
  }
  EXPECT_GT(saved, ShippedCaseCount());
  EXPECT_GT(explored, 0);
}

TEST_F(IdentityHeadersTest, WithoutTheSiteIdThePreflightIsRefused) {
  Ran r = RunConformBinary("run -q" + Target() + Reports());
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("--site-id"), std::string::npos) << r.output;
}

TEST_F(IdentityHeadersTest, CleanupLoadAndProfileCarryTheSiteId) {
  const std::string site = " --site-id " + std::string(kSite);
  EXPECT_EQ(RunConformBinary("cleanup" + Target() + site + " --yes").exit_code, 0);
  EXPECT_EQ(RunConformBinary("cleanup" + Target()).exit_code, 3);
  Ran load = RunConformBinary("load -q" + Target() + site + " --rate max --requests 40 --connections 2");
  EXPECT_EQ(load.exit_code, 0) << load.output;
  EXPECT_NE(RunConformBinary("load -q" + Target() + " --rate max --requests 40 --connections 2").exit_code, 0);
  Ran profile = RunConformBinary("profile -q" + Target() + site + " -o " + Path("profile.json") + " --reports " +
                                 Path("profile"));
  EXPECT_EQ(profile.exit_code, 0) << profile.output;
  // No row of the profile of a server that accepted every request may be unreadable.
  const nlohmann::json rows = Json("profile.json")["choices"];
  ASSERT_TRUE(rows.is_object()) << Text("profile.json");
  for (const auto& [id, row] : rows.items()) EXPECT_FALSE(row.contains("problem")) << id << ": " << row.dump();
}

}  // namespace
}  // namespace conform
