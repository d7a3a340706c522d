// HTTP routes of the mock. Every answer is JSON in Wix's shapes; bad input is a 4xx, never a crash.
#include "mock/mock_server.h"

#include <sys/socket.h>

#include <chrono>
#include <iostream>
#include <random>

#include <httplib.h>

#include "mock/error_faults.h"
#include "mock/freedom_effects.h"
#include "mock/wix_error.h"
#include "text/json_text.h"
#include "text/percent.h"
#include "text/utf8.h"

namespace conform {
namespace {

// Far above the largest body conform sends (a 256 KB value in exploration).
constexpr size_t kMaxRequestBytes = 8 * 1024 * 1024;

// The API's path on www.wixapis.com, and the one Wix's JavaScript SDK builds for a host it
// does not know (a local one): "/_api/cloud-data" + "/v1/external-database-connections".
constexpr const char* kBasePaths[] = {"/wix-data/v1/external-database-connections",
                                      "/_api/cloud-data/v1/external-database-connections"};

// The name part of the request target, before any query string, still percent-encoded.
std::string RawNameFromTarget(const std::string& target) {
  const std::string path = target.substr(0, target.find('?'));
  for (const char* base : kBasePaths) {
    const std::string prefix = std::string(base) + "/";
    if (path.rfind(prefix, 0) == 0) return path.substr(prefix.size());
  }
  return "";
}

bool IsWrite(const std::string& method) { return method == "POST" || method == "PUT" || method == "DELETE"; }

// The call kind a request is, for --delay: create, list, get, update, delete.
std::string KindOf(const std::string& method, bool has_name) {
  if (method == "POST") return "create";
  if (method == "PUT") return "update";
  if (method == "DELETE") return "delete";
  return has_name ? "get" : "list";
}

constexpr size_t kWorkerThreads = 64;  // enough for delayed answers to overlap under load

}  // namespace

static std::unique_ptr<httplib::Server> NewServer(const MockOptions& options) {
  if (options.tls_cert.empty()) return std::make_unique<httplib::Server>();
  return std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
}

MockServer::MockServer(MockOptions options)
    : options_(std::move(options)),
      store_(options_.faults, options_.max_page, options_.freedoms),
      server_(NewServer(options_)) {
  InstallRoutes();
}

MockServer::~MockServer() { Stop(); }

std::string MockServer::base_url() const {
  const std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
  return (options_.tls_cert.empty() ? "http://" : "https://") + host + ":" + std::to_string(port_);
}

bool MockServer::Start(std::string* err) {
  if (!server_->is_valid()) {
    *err = "mock: cannot serve HTTPS with " + options_.tls_cert + " and " + options_.tls_key +
           " (not a PEM certificate and its key?)";
    return false;
  }
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
    if (port_ < 0) port_ = 0;
  } else if (server_->bind_to_port(options_.host, options_.port)) {
    port_ = options_.port;
  }
  if (port_ <= 0) {
    *err = "mock: cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
           " (address in use or not local?)";
    return false;
  }
  // httplib listens with a backlog of 5: eight connections opened at once (a parallel step)
  // overflow it, and the kernel drops SYNs that the client resends only a second later. A
  // second listen() on the same socket raises the backlog.
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() is a no-op until the loop runs (cpp-httplib 0.11), so wait for it, bounded.
  for (int i = 0; i < 2000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!server_->is_running()) {
    *err = "mock: server loop did not start on " + options_.host + ":" + std::to_string(port_);
    Stop();
    return false;
  }
  return true;
}

void MockServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

void MockServer::Wait() {
  if (thread_.joinable()) thread_.join();
}

void MockServer::Delay(const std::string& kind) {
  auto it = options_.delay_us.find(kind);
  if (it == options_.delay_us.end()) it = options_.delay_us.find("");
  int64_t delay = it == options_.delay_us.end() ? 0 : it->second;
  if (options_.jitter_us > 0) {
    thread_local std::mt19937_64 random(std::random_device{}());
    delay += std::uniform_int_distribution<int64_t>(0, options_.jitter_us)(random);
  }
  if (delay > 0) std::this_thread::sleep_for(std::chrono::microseconds(delay));
}

std::optional<Reply> MockServer::Refusal(const MockRequest& req, const std::string& raw_name, uint64_t number,
                                         MockAnswer* answer) const {
  const std::string& auth = req.authorization;
  const bool list = req.method == "GET" && raw_name.empty();
  const bool any_value = Has(Fault::kAnyToken) || (Has(Fault::kDeleteAnyToken) && req.method == "DELETE");
  const bool authenticated =
      Has(Fault::kNoAuth) || (Has(Fault::kListWithoutAuth) && list) ||
      (!auth.empty() && (options_.token.empty() || any_value || auth == options_.token ||
                         (!options_.readonly_token.empty() && auth == options_.readonly_token)));
  const bool read_only = !options_.readonly_token.empty() && auth == options_.readonly_token &&
                         auth != options_.token && !Has(Fault::kReadonlyWrites);
  const auto every = [number](int n) { return n > 0 && number % static_cast<uint64_t>(n) == 0; };
  const Freedoms& freedoms = options_.freedoms;
  if (every(options_.throttle_every)) {
    answer->retry_after = std::to_string(options_.throttle_retry_after_s);
    return Reply{429, ApplicationErrorBody("RESOURCE_EXHAUSTED", "rate limit reached; retry later")};
  }
  if (every(freedoms.unavailable_every)) {
    // A moment's unavailability, as a load balancer answers it: nothing done, come back at a date
    // (a second ahead by default; --retry-after 0 lets tests retry at once).
    answer->retry_after = HttpDate(std::chrono::system_clock::now() + std::chrono::seconds(options_.throttle_retry_after_s));
    return Reply{503, SystemErrorBody()};
  }
  if (!authenticated && Has(Fault::kAuth403)) {
    return Reply{403, ApplicationErrorBody("PERMISSION_DENIED", "missing or invalid Authorization header")};
  }
  if (!authenticated) return Reply{401, ApplicationErrorBody("UNAUTHENTICATED", "missing or invalid Authorization header")};
  if (!options_.site_id.empty() && req.site_id != options_.site_id) {
    return Reply{401, ApplicationErrorBody("UNAUTHENTICATED", "this API key needs the wix-site-id header of its site")};
  }
  if (read_only && IsWrite(req.method)) {
    return Reply{403, ApplicationErrorBody("PERMISSION_DENIED", "this identity may not modify connections")};
  }
  if (freedoms.validate_first && req.body.size() > freedoms.max_body_bytes) {
    // Refused unread: a server does not parse what it will not take.
    return Reply{413, ApplicationErrorBody("PAYLOAD_TOO_LARGE", "request body over " +
                                                                   std::to_string(freedoms.max_body_bytes) + " bytes")};
  }
  return std::nullopt;
}

Reply MockServer::Route(const MockRequest& req, const std::string& raw_name, const nlohmann::json& body) {
  const std::string name = Has(Fault::kNoDecode) ? raw_name : PercentDecode(raw_name);
  if (raw_name.empty() && req.method == "POST") return store_.Create(body);
  if (raw_name.empty() && req.method == "GET") return store_.List(req.paging_limit, req.paging_offset);
  if (raw_name.empty()) return {405, ApplicationErrorBody("METHOD_NOT_ALLOWED", "method not allowed here")};
  if (req.method == "GET") return store_.Get(name);
  if (req.method == "PUT") return store_.Update(name, body);
  if (req.method == "DELETE") return store_.Delete(name);
  return {405, ApplicationErrorBody("METHOD_NOT_ALLOWED", "method not allowed here")};
}

void MockServer::Write(const MockRequest& req, Reply reply, MockAnswer* answer) const {
  BendErrorBody(options_.faults, req.method, &reply);
  if (options_.freedoms.proto3_omissions && reply.status / 100 == 2) OmitProto3Defaults(&reply.body);
  answer->status = reply.status;
  // A name or value that is not valid UTF-8 (a path of %FF) is echoed with U+FFFD, not thrown over.
  answer->body = WriteJson(reply.body, options_.wire);
  if (options_.freedoms.lowercase_headers) answer->content_type = "application/json;charset=UTF-8";
  if (Has(Fault::kTextPlain)) answer->content_type = "text/plain";
  if (Has(Fault::kJsonLookAlike)) answer->content_type = "application/json_x";
}

MockAnswer MockServer::Handle(const MockRequest& req) {
  const uint64_t number = ++requests_;
  const std::string raw_name = RawNameFromTarget(req.target);
  Delay(KindOf(req.method, !raw_name.empty()));
  MockAnswer answer;
  std::optional<Reply> reply = Refusal(req, raw_name, number, &answer);
  nlohmann::json body;
  if (!reply && (req.method == "POST" || req.method == "PUT") && !req.body.empty()) {
    JsonTextError error = JsonTextError::kNone;
    body = ParseJsonText(req.body, &error);
    if (error != JsonTextError::kNone) {
      reply = Has(Fault::k500OnMalformed)
                  ? Reply{500, SystemErrorBody()}
                  : Reply{400, ApplicationErrorBody("INVALID_ARGUMENT", error == JsonTextError::kTooDeep
                                                                            ? "request body " + TooDeepMessage()
                                                                            : "request body is not valid JSON")};
    }
  }
  if (!reply) reply = Route(req, raw_name, body);
  Write(req, std::move(*reply), &answer);
  return answer;
}

MockRequest MockRequestOf(const httplib::Request& req) {
  return {req.method,
          req.target,
          req.get_header_value("Authorization"),
          req.body,
          req.get_param_value("paging.limit"),
          req.get_param_value("paging.offset"),
          req.get_header_value("wix-site-id")};
}

void MockServer::InstallRoutes() {
  // Every route goes through Handle, so auth, parsing and faults apply everywhere alike.
  auto handle = [this](const httplib::Request& req, httplib::Response& res) {
    const MockAnswer answer = Handle(MockRequestOf(req));
    res.status = answer.status;
    if (!answer.retry_after.empty()) res.set_header("Retry-After", answer.retry_after);
    if (options_.wire.connection_close) res.set_header("Connection", "close");
    if (options_.wire.chunked) {
      // Two chunks: the first half of the body, then the rest.
      res.set_chunked_content_provider(answer.content_type, [body = answer.body](size_t, httplib::DataSink& sink) {
        sink.write(body.data(), body.size() / 2);
        sink.write(body.data() + body.size() / 2, body.size() - body.size() / 2);
        sink.done();
        return true;
      });
    } else {
      res.set_content(answer.body, answer.content_type);
    }
    if (options_.log_requests) {
      std::cerr << "mock: " << req.method << " " << req.target << " -> " << answer.status << "\n";
    }
  };
  for (const char* path : kBasePaths) {
    const std::string base = path;
    const std::string item = base + "/(.+)";
    server_->Post(base, handle);
    server_->Get(base, handle);
    server_->Get(item, handle);
    server_->Put(item, handle);
    server_->Delete(item, handle);
    server_->Post(item, handle);
    server_->Put(base, handle);
    server_->Patch(item, handle);
  }
  const std::string error_type = options_.freedoms.lowercase_headers ? "application/json;charset=UTF-8" : "application/json";
  server_->set_error_handler([error_type](const httplib::Request&, httplib::Response& res) {
    // A route answered already (a chunked answer has no body here, only its content type).
    if (!res.body.empty() || res.has_header("Content-Type")) return;
    nlohmann::json body = res.status == 404   ? ApplicationErrorBody("NOT_FOUND", "no such route")
                          : res.status == 413 ? ApplicationErrorBody("INVALID_ARGUMENT", "request body too large")
                                              : ApplicationErrorBody("INVALID_ARGUMENT", "request not understood");
    res.set_content(body.dump(), error_type);
  });
  // A request body is read whole before it is routed: bounded, so one client cannot exhaust the
  // memory every other client relies on. httplib answers a bigger one 413.
  server_->set_payload_max_length(kMaxRequestBytes);
  if (options_.freedoms.lowercase_headers) {
    // Called once httplib has added its own headers (Content-Length, Keep-Alive), just before
    // they are written: every name goes out in lower case, as HTTP/2 servers and some proxies send them.
    server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      httplib::Headers lowered;
      for (const auto& [name, value] : res.headers) {
        lowered.emplace(AsciiLower(name), value);
      }
      res.headers = std::move(lowered);
    });
  }
  server_->set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes; without this, Nagle's algorithm holds the body
  // back until the client's delayed ACK (~40 ms) and every latency figure would be a lie.
  server_->set_tcp_nodelay(true);
  server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  // httplib's default also sets SO_REUSEPORT, which lets a second mock bind a port already in
  // use and silently share it. Keep SO_REUSEADDR only, so "port in use" is an error.
  server_->set_socket_options([this](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_socket_ = sock;
  });
}

void ReadPagingQuery(MockRequest* request) {
  const size_t query = request->target.find('?');
  if (query == std::string::npos) return;
  httplib::Params params;
  httplib::detail::parse_query_text(request->target.substr(query + 1), params);
  if (auto it = params.find("paging.limit"); it != params.end()) request->paging_limit = it->second;
  if (auto it = params.find("paging.offset"); it != params.end()) request->paging_offset = it->second;
}

}  // namespace conform
