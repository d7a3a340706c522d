// The mock's HTTP layer (cpp-httplib): routes, auth, JSON parsing, content type, and the
// HTTP-level faults. Semantics live in ConnectionStore. Listens on loopback unless told otherwise.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "mock/faults.h"
#include "mock/freedoms.h"
#include "mock/store.h"
#include "mock/wire_style.h"

namespace httplib {
class Server;
struct Request;
}

namespace conform {

struct MockOptions {
  std::string host = "127.0.0.1";
  int port = 0;                // 0: any free port
  std::string token;           // empty: any non-empty Authorization is accepted
  std::string readonly_token;  // may read; 403 on create, update, delete
  // A site-level API key: every request must carry wix-site-id with this value, or is refused
  // 401 as unauthenticated (docs/contract.md section 5). Empty: wix-site-id is not looked at.
  std::string site_id;
  FaultSet faults;
  bool log_requests = false;   // one line per request on stderr (never the Authorization value)
  // Latency added on purpose, so reports can be checked against a known truth: per call kind
  // ("create", "get", "list", "update", "delete"), or "" for every call; plus up to jitter_us more.
  std::map<std::string, int64_t> delay_us;
  int64_t jitter_us = 0;
  // Rate limiting as Wix does it, which the contract allows: every Nth request (any call, auth
  // failures and cleanup included) answers 429 with Retry-After. 0: never.
  int throttle_every = 0;
  // The wait those 429s ask for in seconds; transient-503's Retry-After dates are this far ahead too.
  int throttle_retry_after_s = 1;
  // A cap on list pages below what paging.limit asks, as a server may have: conformant, and a
  // client that stops paging at the first short page misses connections. 0: none.
  int max_page = 0;
  // HTTPS with this certificate and key (PEM files); both empty: plain HTTP.
  std::string tls_cert;
  std::string tls_key;
  // How answers are written where the contract lets servers differ (mock/wire_style.h).
  WireStyle wire;
  // What a conformant server may refuse, add or leave out where the contract lets it (mock/freedoms.h).
  Freedoms freedoms;
};

// One request as the mock's route sees it, whatever parsed it off the wire.
struct MockRequest {
  std::string method;
  std::string target;         // path and query as sent, still percent-encoded
  std::string authorization;  // the Authorization header's value
  std::string body;
  std::string paging_limit;   // the decoded query values; empty when absent
  std::string paging_offset;
  std::string site_id;        // the wix-site-id header's value
};

// The MockRequest of a request cpp-httplib parsed: what every front of the mock hands Handle.
MockRequest MockRequestOf(const httplib::Request& req);

// Sets paging_limit and paging_offset from the query of request->target, decoded as cpp-httplib
// decodes it for the real server (for callers without a socket: the fuzz targets).
void ReadPagingQuery(MockRequest* request);

// The answer: status, JSON body text, its content type and any extra header.
struct MockAnswer {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::string retry_after;  // non-empty: a Retry-After header (seconds, or an HTTP date)
};

class MockServer {
 public:
  explicit MockServer(MockOptions options);
  ~MockServer();
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  // Binds and serves on a background thread; returns once the server accepts connections.
  bool Start(std::string* err);
  // Stops serving and joins the thread. Safe to call twice.
  void Stop();
  // Blocks until Stop() is called from elsewhere (a signal handler, say).
  void Wait();

  int port() const { return port_; }
  std::string base_url() const;
  ConnectionStore& store() { return store_; }
  // Requests received so far, of any kind (answered or not yet).
  uint64_t requests() const { return requests_.load(); }

  // The route every request takes: auth, parsing, faults, the store. Never throws; bad input is a
  // 4xx. Public so that tests and the fuzzer can drive it without a socket.
  MockAnswer Handle(const MockRequest& request);

 private:
  void InstallRoutes();
  void Delay(const std::string& kind);
  // The answer given before the body is parsed (429, 503, 401, 403, 413), with its Retry-After in
  // *answer; none: the request goes on.
  std::optional<Reply> Refusal(const MockRequest& req, const std::string& raw_name, uint64_t number,
                               MockAnswer* answer) const;
  // The call the request makes of the store, its body parsed.
  Reply Route(const MockRequest& req, const std::string& raw_name, const nlohmann::json& body);
  // The answer's text, content type and headers as the options write them.
  void Write(const MockRequest& req, Reply reply, MockAnswer* answer) const;
  bool Has(Fault f) const { return options_.faults.count(f) > 0; }

  MockOptions options_;
  ConnectionStore store_;
  std::atomic<uint64_t> requests_{0};
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  int listen_socket_ = -1;  // captured when httplib creates it, to raise its backlog
};

}  // namespace conform
