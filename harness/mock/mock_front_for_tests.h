// Test support: the correct mock behind an HTTP front (cpp-httplib on 127.0.0.1, a free port)
// that records every request and lets a test answer any of them itself (a hostile answer, say).
// Header-only, for tests.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mock/mock_server.h"

namespace conform {

class MockFront {
 public:
  // Answers a request itself and returns true, or returns false to let the mock answer.
  using Override = std::function<bool(const httplib::Request&, httplib::Response&)>;

  explicit MockFront(Override override = {}) : override_(std::move(override)), mock_(Options()) {
    auto handle = [this](const httplib::Request& req, httplib::Response& res) { Answer(req, res); };
    for (const char* pattern : {"/wix-data/v1/external-database-connections", "/wix-data/v1/external-database-connections/(.*)"}) {
      server_.Get(pattern, handle);
      server_.Post(pattern, handle);
      server_.Put(pattern, handle);
      server_.Delete(pattern, handle);
    }
    server_.set_tcp_nodelay(true);  // else each answer waits for the client's delayed ACK (~40 ms)
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~MockFront() {
    server_.stop();
    thread_.join();
  }
  MockFront(const MockFront&) = delete;
  MockFront& operator=(const MockFront&) = delete;

  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // "METHOD /path" of every request so far, in order.
  std::vector<std::string> Seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

 private:
  static MockOptions Options() {
    MockOptions options;
    options.token = "T";
    return options;
  }
  void Answer(const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      seen_.push_back(req.method + " " + req.path);
    }
    if (override_ && override_(req, res)) return;
    const MockAnswer answer = mock_.Handle(MockRequestOf(req));
    res.status = answer.status;
    res.set_content(answer.body, answer.content_type);
  }

  Override override_;
  MockServer mock_;  // not started: its Handle answers every request the front passes on
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> seen_;
};

}  // namespace conform
