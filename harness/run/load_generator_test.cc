// What `conform load` puts on the wire: the load loop trims its requests for speed, so these tests
// pin what a PUT must still carry (method, path, JSON content type, credentials, a full body).
#include "run/load_generator.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <nlohmann/json.hpp>

#include "http/fault_server_for_tests.h"

namespace conform {
namespace {

struct Recorded {
  std::string head;
  std::string body;
};

// Lower-cased copy, for finding header names whatever their case.
std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

size_t ContentLength(const std::string& head) {
  const std::string lower = Lower(head);
  const size_t at = lower.find("\r\ncontent-length:");
  return at == std::string::npos ? 0 : std::stoul(head.substr(at + 17));
}

// A keep-alive HTTP/1.1 server that records every request and answers each with 200 "{}".
class RecordingServer {
 public:
  RecordingServer() : server_([this](int fd) { Serve(fd); }) {}
  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }
  std::vector<Recorded> Requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  void Serve(int fd) {
    timeval timeout{5, 0};  // a test never waits longer than this for a silent client
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    std::string buffer;
    char chunk[4096];
    while (true) {
      const size_t end = buffer.find("\r\n\r\n");
      if (end != std::string::npos) {
        const std::string head = buffer.substr(0, end + 2);
        const size_t length = ContentLength(head);
        if (buffer.size() >= end + 4 + length) {
          Record({head, buffer.substr(end + 4, length)});
          buffer.erase(0, end + 4 + length);
          Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
          continue;
        }
      }
      const ssize_t n = recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0) return;
      buffer.append(chunk, static_cast<size_t>(n));
    }
  }
  void Record(Recorded request) {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(std::move(request));
  }

  std::mutex mutex_;
  std::vector<Recorded> requests_;
  FaultServer server_;  // last: it stops (and joins its threads) before the members above go
};

TEST(LoadGeneratorTest, EveryPutIsAJsonFullReplaceWithCredentials) {
  RecordingServer server;
  LoadOptions options;
  options.base_url = server.BaseUrl();
  options.credentials.token = "T-load-test";
  options.run_id = "wiretest";
  options.rate_per_second = 0;
  options.max_requests = 6;
  options.connections = 2;
  options.oracle_every = 0;
  options.timeout_ms = 3000;
  const LoadResult result = RunLoad(options);
  ASSERT_TRUE(result.setup_error.empty()) << result.setup_error;
  EXPECT_EQ(result.completed, 6u);
  EXPECT_EQ(result.ErrorCount(), 0u);

  int puts = 0;
  for (const Recorded& request : server.Requests()) {
    if (request.head.rfind("PUT ", 0) != 0) continue;
    ++puts;
    const std::string head = Lower(request.head);
    EXPECT_EQ(request.head.find("PUT /wix-data/v1/external-database-connections/conform-wiretest-load-"), 0u)
        << request.head;
    EXPECT_NE(head.find("\r\ncontent-type: application/json\r\n"), std::string::npos) << request.head;
    EXPECT_NE(request.head.find("\r\nAuthorization: T-load-test\r\n"), std::string::npos) << request.head;
    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << request.body;
    const nlohmann::json& connection = body["externalDatabaseConnection"];
    EXPECT_TRUE(connection["endpoint"].is_string()) << request.body;
    EXPECT_TRUE(connection["configuration"]["sequence"].is_number()) << request.body;
  }
  EXPECT_EQ(puts, 6);
}

}  // namespace
}  // namespace conform
