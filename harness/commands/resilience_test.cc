// A run never stalls a pipeline and never drops its verdict: targets that hang, drip, reset,
// die mid-run or throttle; the deadline; report paths checked before anything is sent.
// Each test is bounded: the servers are on 127.0.0.1, the timeouts short.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commands/conform_binary_for_tests.h"
#include "http/fault_server_for_tests.h"
#include "mock/mock_server.h"

namespace conform {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

class ResilienceTest : public TempDirTest {
 protected:
  // The report flags, each pointing into the test's folder; `instead` replaces one flag's path.
  std::string Reports(const std::string& flag = "", const std::string& instead = "") const {
    std::string args;
    for (const auto& [f, file] : {std::pair{"--junit", "junit.xml"}, {"--json", "report.json"}, {"--html", "report.html"}}) {
      args += std::string(" ") + f + " " + (flag == f ? instead : Path(file));
    }
    return args + " --found " + Path("found");
  }
  static std::string ErrorOf(const nlohmann::json& c, const std::string& field) {
    return c.contains("error") ? c["error"].value(field, "") : "";
  }

  // Runs conform against a target that never answers properly; checks the run stopped early,
  // every case is reported, and the JSON report names the cause.
  void ExpectStoppedEarly(const std::string& url, const std::string& cause) {
    const auto start = Clock::now();
    // --no-preflight: the preflight would stop it after one request; this is about the breaker.
    Ran r = RunConformBinary("run -q --no-preflight --timeout 400 --target " + url + " --token t" + Reports());
    const double seconds = SecondsSince(start);
    EXPECT_EQ(r.exit_code, 3) << r.output;
    // (K + 1) timeouts with K = 3, plus start-up and reports: far from every case x 400 ms.
    EXPECT_LT(seconds, 5.0) << r.output;
    EXPECT_NE(r.output.find(cause), std::string::npos) << r.output;
    const nlohmann::json report = Json("report.json");
    EXPECT_EQ(report["summary"]["total"], ShippedCaseCount());
    EXPECT_EQ(report["verdict"], "error");
    EXPECT_EQ(report["stopped"]["reason"], "target-stopped-answering") << report["stopped"];
    int not_run = 0;
    for (const auto& c : report["cases"]) {
      if (ErrorOf(c, "message").rfind("not run: the target stopped answering", 0) == 0) ++not_run;
    }
    EXPECT_GE(not_run, 58);
    EXPECT_NE(Text("junit.xml").find("not run: the target stopped answering"), std::string::npos);
  }
};

TEST_F(ResilienceTest, HangingTargetStopsAfterThreeUnansweredRequests) {
  FaultServer hang([](int fd) {
    ReadRequest(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // far beyond the timeout
  });
  ExpectStoppedEarly(hang.Url(""), "response-timeout");
}

// One request, not three (the breaker's count): judged by what the server saw, not by the clock,
// which a loaded machine and the sanitizers stretch. The time bound only guards against a hang.
TEST_F(ResilienceTest, HangingTargetFailsThePreflightAfterOneTimeout) {
  std::atomic<int> requests{0};
  FaultServer hang([&requests](int fd) {
    ReadRequest(fd);
    ++requests;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  });
  const auto start = Clock::now();
  Ran r = RunConformBinary("run -q --timeout 400 --target " + hang.Url("") + " --token t" + Reports());
  EXPECT_EQ(requests.load(), 1) << r.output;
  EXPECT_LT(SecondsSince(start), 10) << r.output;
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_EQ(r.output.rfind("conform: the target " + hang.Url("") + " could not be reached: GET ", 0), 0u) << r.output;
  EXPECT_NE(r.output.find("response-timeout"), std::string::npos) << r.output;
}

TEST_F(ResilienceTest, DrippingTargetIsBoundedByTheWholeRequestTimeout) {
  FaultServer drip([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
    for (int i = 0; i < 30; ++i) {  // one byte every 50 ms: alive, but never done in time
      Send(fd, " ");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  ExpectStoppedEarly(drip.Url(""), "response-timeout");
}

TEST_F(ResilienceTest, ResettingTargetStopsTheRun) {
  FaultServer reset([](int fd) {
    ReadRequest(fd);
    linger hard{1, 0};  // close with RST
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
  });
  ExpectStoppedEarly(reset.Url(""), "connection-reset");
}

TEST_F(ResilienceTest, TargetDyingMidRunKeepsWhatRanAndReportsTheRest) {
  MockOptions options;
  options.token = "T";
  options.delay_us[""] = 2000;
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  const std::string url = mock.base_url();
  auto run = std::async(std::launch::async, [&] {
    return RunConformBinary("run -q --timeout 1000 --target " + url + " --token T" + Reports());
  });
  for (int i = 0; i < 400 && mock.requests() < 40; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  mock.Stop();  // from now on: connection refused
  const auto start = Clock::now();
  ASSERT_EQ(run.wait_for(std::chrono::seconds(20)), std::future_status::ready);
  Ran r = run.get();
  EXPECT_LT(SecondsSince(start), 5.0);
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("stopped: the target stopped answering"), std::string::npos) << r.output;
  const nlohmann::json report = Json("report.json");
  EXPECT_EQ(report["summary"]["total"], ShippedCaseCount());
  EXPECT_GT(report["summary"]["passed"].get<int>(), 0) << "the cases before the death still count";
  EXPECT_EQ(report["stopped"]["reason"], "target-stopped-answering");
}

TEST_F(ResilienceTest, ThrottlingEveryFortiethRequestPassesWithRetriesCounted) {
  MockOptions options;
  options.token = "T";
  options.throttle_every = 40;  // setup, steps, oracle reads, cleanup DELETEs alike
  options.throttle_retry_after_s = 1;
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  // Every shipped case and some exploration: each 429 costs its Retry-After's second. Waiting is
  // no work for the sanitizers; the retry paths run under them in GuardedTransportTest.
  if (CurrentProofDepth() == ProofDepth::kSanitized) GTEST_SKIP() << "the optimised build runs it";
  Ran r = RunConformBinary("run -q --explore 60 --target " + mock.base_url() + " --token T" + Reports());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json report = Json("report.json");
  EXPECT_EQ(report["summary"]["error"], 0);
  EXPECT_GE(report["retries"].get<int>(), static_cast<int>(mock.requests() / 40) - 1);
  EXPECT_GT(report["retries"].get<int>(), 0);
  EXPECT_NE(r.output.find("requests retried after 429/503"), std::string::npos) << r.output;
  EXPECT_NE(Text("junit.xml").find("conform.retries"), std::string::npos);
  bool cleanup_retried = false;
  for (const auto& c : report["cases"]) {
    for (const auto& x : c["exchanges"]) cleanup_retried |= x["step"] == "cleanup (retried)";
  }
  EXPECT_TRUE(cleanup_retried) << "a cleanup DELETE answered 429 and was retried";
}

TEST_F(ResilienceTest, DeadlineStopsTheRunAndLeavesNothingBehind) {
  MockOptions options;
  options.token = "T";
  options.delay_us[""] = 500'000;
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  const auto start = Clock::now();
  Ran r = RunConformBinary("run -q --deadline 2s --run-id dl1 --target " + mock.base_url() + " --token T" + Reports());
  EXPECT_LT(SecondsSince(start), 5.0) << r.output;
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("stopped: the run's --deadline (2 s) was reached"), std::string::npos) << r.output;
  const nlohmann::json report = Json("report.json");
  EXPECT_EQ(report["summary"]["total"], ShippedCaseCount());
  EXPECT_EQ(report["stopped"]["reason"], "deadline");
  int not_run = 0;
  for (const auto& c : report["cases"]) not_run += ErrorOf(c, "type") == "deadline";
  EXPECT_GE(not_run, 55);
  const Reply list = mock.store().List("100", "0");
  EXPECT_EQ(list.body.dump().find("conform-dl1-"), std::string::npos) << list.body.dump();
}

TEST_F(ResilienceTest, UnwritableReportPathExits2BeforeAnyRequest) {
  MockOptions options;
  MockServer mock(options);
  std::string err;
  ASSERT_TRUE(mock.Start(&err)) << err;
  std::ofstream(Path("a-file")) << "in the way";
  for (const std::string flag : {"--junit", "--json", "--html", "--save-requests"}) {
    const std::string bad = Path("a-file/sub/out");
    Ran r = RunConformBinary("run --target " + mock.base_url() + " --token T" +
                             (flag == "--save-requests" ? Reports() + " " + flag + " " + bad : Reports(flag, bad)));
    EXPECT_EQ(r.exit_code, 2) << flag << "\n" << r.output;
    EXPECT_EQ(r.output.rfind("conform: " + Path("a-file/sub/out"), 0), 0u) << flag << "\n" << r.output;
  }
  EXPECT_EQ(mock.requests(), 0u);
}

// A throttled mock answering 429 with Retry-After: 0 to every `every`-th request.
std::unique_ptr<MockServer> ThrottledMock(int every) {
  MockOptions options;
  options.token = "T";
  options.throttle_every = every;
  options.throttle_retry_after_s = 0;
  auto mock = std::make_unique<MockServer>(options);
  std::string err;
  EXPECT_TRUE(mock->Start(&err)) << err;
  return mock;
}

TEST_F(ResilienceTest, LoadRetriesThrottledPutsReadBacksAndPoolRequests) {
  auto mock = ThrottledMock(7);
  Ran r = RunConformBinary("load --target " + mock->base_url() + " --token T --rate 400/s --requests 200 "
                           "--connections 4 --oracle-every 3 --json " + Path("load.json"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json load = Json("load.json");
  EXPECT_EQ(load["errors"].size(), 0u) << load["errors"];
  EXPECT_GT(load["retries"].get<int>(), 20) << "about one request in 7 was throttled";
  EXPECT_TRUE(load["leftovers"].empty());
}

TEST_F(ResilienceTest, CleanupCommandRetriesListPagesAndDeletes) {
  auto mock = ThrottledMock(3);
  for (int i = 0; i < 5; ++i) {
    const std::string name = "conform-old-" + std::to_string(i);
    const Reply created =
        mock->store().Create({{"externalDatabaseConnection", {{"name", name}}}, {"connectionType", "STANDALONE"}});
    ASSERT_EQ(created.status, 200) << created.body;
  }
  Ran r = RunConformBinary("cleanup --target " + mock->base_url() + " --token T --prefix conform-old- --yes");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("deleted 5 of 5 connections; "), std::string::npos) << r.output;
  EXPECT_EQ(mock->store().List("100", "0").body.dump().find("conform-old-"), std::string::npos);
}

}  // namespace
}  // namespace conform
