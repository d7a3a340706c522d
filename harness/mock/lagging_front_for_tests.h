// Test support: the correct mock behind an HTTP front (cpp-httplib on 127.0.0.1, a free port)
// whose list lags the writes, as an eventually consistent server's index may: a list page shows
// the store as it was `lag` ago, while gets and writes see the store itself. Conformant once the
// lag has passed, so conform must wait it out (--list-settle). Header-only, for tests.
#pragma once

#include <httplib.h>

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mock/mock_server.h"

namespace conform {

class LaggingFront {
 public:
  // pause_before_put holds each update back first, so that what it replaces has been listed for
  // longer than the lag: the list then shows a stale view, not a missing name.
  LaggingFront(std::chrono::milliseconds lag, std::chrono::milliseconds pause_before_put)
      : lag_(lag), pause_before_put_(pause_before_put), mock_(Options()) {
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
  ~LaggingFront() {
    server_.stop();
    thread_.join();
  }
  LaggingFront(const LaggingFront&) = delete;
  LaggingFront& operator=(const LaggingFront&) = delete;

  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // List answers that showed the past: a test proves with it that the lag was met.
  int StaleLists() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stale_lists_;
  }
  ConnectionStore& store() { return mock_.store(); }

 private:
  using Clock = std::chrono::steady_clock;
  struct Past {
    Clock::time_point written;
    nlohmann::json before;  // ConnectionStore::Save() just before that write
  };

  static MockOptions Options() {
    MockOptions options;
    options.token = "T";
    return options;
  }

  // One request at a time: the history and the store move together.
  void Answer(const httplib::Request& req, httplib::Response& res) {
    if (req.method == "PUT") std::this_thread::sleep_for(pause_before_put_);
    std::lock_guard<std::mutex> lock(mutex_);
    if (req.method != "GET") history_.push_back({Clock::now(), mock_.store().Save()});
    MockAnswer answer = mock_.Handle(MockRequestOf(req));
    const bool list = req.method == "GET" && req.path == "/wix-data/v1/external-database-connections";
    if (list && answer.status == 200) Lag(req, &answer);
    res.status = answer.status;
    res.set_content(answer.body, answer.content_type);
  }

  // The page as the store was `lag` ago: before the oldest write that is more recent than that.
  void Lag(const httplib::Request& req, MockAnswer* answer) {
    while (!history_.empty() && history_.front().written <= Clock::now() - lag_) history_.pop_front();
    if (history_.empty()) return;
    ConnectionStore past;
    std::string err;
    if (!past.Load(history_.front().before, &err)) return;
    answer->body = past.List(req.get_param_value("paging.limit"), req.get_param_value("paging.offset")).body.dump();
    ++stale_lists_;
  }

  const std::chrono::milliseconds lag_;
  const std::chrono::milliseconds pause_before_put_;
  MockServer mock_;  // not started: its Handle answers every request the front passes on
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::deque<Past> history_;
  int stale_lists_ = 0;
};

}  // namespace conform
