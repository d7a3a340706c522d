// A group sent with CurlTransport::SendAll is in flight at once, over connections of its own,
// and its answers come back in the order of the requests; a dead port is one error among them.
#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "http/curl_transport.h"
#include "http/fault_server_for_tests.h"

namespace conform {
namespace {

// Counts how many requests are being handled at the same moment; each takes 50 ms.
class OverlapServer {
 public:
  OverlapServer() {
    server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server_.Get("/(\\d+)", [this](const httplib::Request& req, httplib::Response& res) {
      const int now = ++in_flight_;
      int seen = most_.load();
      while (now > seen && !most_.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      --in_flight_;
      res.set_content("{\"n\":" + req.matches[1].str() + "}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 2000 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~OverlapServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(int n) const { return "http://127.0.0.1:" + std::to_string(port_) + "/" + std::to_string(n); }
  int most() const { return most_.load(); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> in_flight_{0};
  std::atomic<int> most_{0};
};

TEST(SendAllTest, RequestsOverlapAndAnswersKeepTheirOrder) {
  OverlapServer server;
  CurlOptions options;
  options.timeout_ms = 3000;
  CurlTransport transport(options);
  std::vector<HttpRequest> group;
  for (int n = 0; n < 4; ++n) group.push_back({"GET", server.Url(n), {}, false, ""});
  const std::vector<HttpResponse> answers = transport.SendAll(group);
  ASSERT_EQ(answers.size(), 4u);
  for (int n = 0; n < 4; ++n) {
    EXPECT_EQ(answers[n].status, 200);
    EXPECT_EQ(answers[n].body, "{\"n\":" + std::to_string(n) + "}");
  }
  EXPECT_EQ(server.most(), 4) << "the group was not in flight at once";
}

TEST(SendAllTest, AnUnreachableMemberIsOneErrorAmongAnswers) {
  OverlapServer server;
  CurlOptions options;
  options.timeout_ms = 3000;
  CurlTransport transport(options);
  const std::string dead = "http://127.0.0.1:" + std::to_string(ClosedLoopbackPort()) + "/x";
  const std::vector<HttpResponse> answers =
      transport.SendAll({{"GET", server.Url(1), {}, false, ""}, {"GET", dead, {}, false, ""}});
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_EQ(answers[1].error, TransportError::kRefused);
  EXPECT_NE(answers[1].error_message.find(dead), std::string::npos);
  EXPECT_TRUE(transport.SendAll({}).empty());
}

}  // namespace
}  // namespace conform
