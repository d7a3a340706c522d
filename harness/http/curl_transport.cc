// The only file that calls libcurl's easy interface. Its error codes become TransportError.
#include "http/curl_transport.h"

#include <strings.h>

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

namespace conform {

// What the body callback fills. Not in the anonymous namespace: CurlTransport::Exchange holds one,
// and a member of an internal type is what GCC warns of when a unity build joins the files.
struct CurlReceiveState {
  HttpResponse* response;
  size_t cap;
  bool too_large = false;
};

namespace {

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<CurlReceiveState*>(user);
  size_t bytes = size * count;
  if (state->response->body.size() + bytes > state->cap) {
    state->too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR: the read stops at the cap
  }
  state->response->body.append(data, bytes);
  return bytes;
}

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  return s.substr(start);
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<CurlReceiveState*>(user);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    state->response->headers.clear();  // a new response (after 100-continue) starts over
  } else if (size_t colon = line.find(':'); colon != std::string::npos) {
    state->response->headers.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return size * count;
}

TransportError Classify(CURLcode code, bool too_large) {
  if (too_large) return TransportError::kTooLarge;
  switch (code) {
    case CURLE_COULDNT_CONNECT: return TransportError::kRefused;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportError::kResolve;
    case CURLE_OPERATION_TIMEDOUT: return TransportError::kTimeout;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE: return TransportError::kReset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: return TransportError::kTls;
    default: return TransportError::kOther;
  }
}

void ReadTimings(CURL* handle, PhaseTimings* t) {
  curl_off_t value = 0;
  if (curl_easy_getinfo(handle, CURLINFO_NAMELOOKUP_TIME_T, &value) == CURLE_OK) t->dns_us = value;
  if (curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &value) == CURLE_OK) t->connect_us = value;
  if (curl_easy_getinfo(handle, CURLINFO_APPCONNECT_TIME_T, &value) == CURLE_OK) t->tls_us = value;
  if (curl_easy_getinfo(handle, CURLINFO_STARTTRANSFER_TIME_T, &value) == CURLE_OK) t->first_byte_us = value;
  if (curl_easy_getinfo(handle, CURLINFO_TOTAL_TIME_T, &value) == CURLE_OK) t->total_us = value;
}

}  // namespace

CurlTransport::CurlTransport(CurlOptions options) : options_(options), handle_(curl_easy_init()) {}

CurlTransport::~CurlTransport() {
  if (handle_) curl_easy_cleanup(handle_);
  for (CURL* handle : group_handles_) curl_easy_cleanup(handle);
  if (multi_) curl_multi_cleanup(multi_);
}

// Everything one request needs while libcurl works on it.
struct CurlTransport::Exchange {
  const HttpRequest* request = nullptr;
  HttpResponse response;
  CurlReceiveState state{nullptr, 0};
  curl_slist* headers = nullptr;
  Exchange() = default;
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;
  ~Exchange() { curl_slist_free_all(headers); }
};

void CurlTransport::Configure(CURL* handle, const HttpRequest& request, Exchange* x) const {
  x->request = &request;
  x->state = CurlReceiveState{&x->response, options_.max_body_bytes};
  const std::string* accept_encoding = nullptr;
  for (const auto& header : request.headers) {
    if (strcasecmp(header.first.c_str(), "Accept-Encoding") == 0) {
      accept_encoding = &header.second;
      continue;
    }
    x->headers = curl_slist_append(x->headers, (header.first + ": " + header.second).c_str());
  }
  // Without a body, curl would otherwise send "Expect:"/chunked quirks; say nothing extra.
  x->headers = curl_slist_append(x->headers, "Expect:");

  curl_easy_reset(handle);  // keeps the connection cache, forgets the last request's options
  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  // The URL as built, byte for byte: libcurl would otherwise squash "." and ".." segments, and
  // conform must address exactly the name it means.
  curl_easy_setopt(handle, CURLOPT_PATH_AS_IS, 1L);
  curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, x->headers);
  // A request that accepts compressed answers (as browsers and Node's fetch do) asks through
  // libcurl, which sends the header and decodes what comes back: checks see the JSON, the
  // headers still say how it came, and the decoded size is what max_body_bytes bounds.
  if (accept_encoding) curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, accept_encoding->c_str());
  if (request.has_body) {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else if (request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
    // Say "Content-Length: 0" so a server need not wait for a body that never comes.
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, "");
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(0));
  } else if (request.method == "GET") {
    curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  // The whole request is bounded, however slowly a server trickles its answer.
  const long timeout_ms = request.timeout_ms > 0 ? std::min(request.timeout_ms, options_.timeout_ms) : options_.timeout_ms;
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, std::min(options_.connect_timeout_ms, timeout_ms));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);  // HTTP/2 when TLS offers it
  if (!options_.cacert.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, options_.cacert.c_str());
  if (options_.insecure) {
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!options_.proxy.empty()) curl_easy_setopt(handle, CURLOPT_PROXY, options_.proxy.c_str());
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &x->state);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &x->state);
}

HttpResponse CurlTransport::Finish(CURL* handle, int curl_code, Exchange* x) const {
  const CURLcode code = static_cast<CURLcode>(curl_code);
  HttpResponse& response = x->response;
  const HttpRequest& request = *x->request;
  ReadTimings(handle, &response.timings);
  if (code != CURLE_OK || x->state.too_large) {
    response.error = Classify(code, x->state.too_large);
    if (response.error == TransportError::kTimeout) {
      // No connect time recorded and no byte of the request sent: the timeout struck before the
      // connection was up. A reused keep-alive connection records no connect time either, but
      // its request went out.
      curl_off_t connected = 0;
      long request_bytes = 0;
      curl_easy_getinfo(handle, CURLINFO_CONNECT_TIME_T, &connected);
      curl_easy_getinfo(handle, CURLINFO_REQUEST_SIZE, &request_bytes);
      if (connected == 0 && request_bytes == 0) response.error = TransportError::kConnectTimeout;
    }
    response.error_message = request.method + " " + request.url + ": " + TransportErrorName(response.error) + " (" +
                             (x->state.too_large ? "body larger than " + std::to_string(options_.max_body_bytes) + " bytes"
                                                 : std::string(curl_easy_strerror(code))) +
                             ")";
    response.body.clear();
    if (x->state.too_large) {
      // The server did answer, with a status it meant: a limit search counts a 2xx too big to
      // keep as accepted. The error still marks the exchange as one conform could not judge.
      long status = 0;
      curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
      response.status = static_cast<int>(status);
    }
    return response;
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  if (status >= 300 && status < 400) {
    response.error = TransportError::kRedirect;
    response.error_message = request.method + " " + request.url + ": redirect (" + std::to_string(status) + " to " +
                             response.Header("Location") + "), not followed";
  }
  return response;
}

HttpResponse CurlTransport::Send(const HttpRequest& request) {
  if (!handle_) return NoHandle(request);
  Exchange x;
  Configure(handle_, request, &x);
  const CURLcode code = curl_easy_perform(handle_);
  return Finish(handle_, code, &x);
}

// libcurl's multi interface: a handle per request, all started before any is waited for. The
// handles and the multi handle live as long as the transport, so the next group reuses the
// connections of this one (with multiplexing off, each request still has a connection of its
// own). Each request is bounded by its own timeouts, so the loop ends.
std::vector<HttpResponse> CurlTransport::SendAll(const std::vector<HttpRequest>& requests) {
  std::vector<HttpResponse> responses(requests.size());
  if (!multi_) {
    multi_ = curl_multi_init();
    if (multi_) curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_NOTHING);
  }
  while (multi_ && group_handles_.size() < requests.size()) {
    CURL* handle = curl_easy_init();
    if (!handle) break;
    group_handles_.push_back(handle);
  }
  std::vector<Exchange> exchanges(requests.size());
  size_t started = 0;
  for (; started < requests.size() && started < group_handles_.size(); ++started) {
    Configure(group_handles_[started], requests[started], &exchanges[started]);
    curl_easy_setopt(group_handles_[started], CURLOPT_PRIVATE, reinterpret_cast<char*>(started));
    curl_multi_add_handle(multi_, group_handles_[started]);
  }
  for (size_t i = started; i < requests.size(); ++i) responses[i] = NoHandle(requests[i]);
  int running = started > 0 ? 1 : 0;
  while (running > 0) {
    if (curl_multi_perform(multi_, &running) != CURLM_OK) break;
    if (running > 0) curl_multi_poll(multi_, nullptr, 0, 100, nullptr);
  }
  int left = 0;
  while (CURLMsg* message = started > 0 ? curl_multi_info_read(multi_, &left) : nullptr) {
    if (message->msg != CURLMSG_DONE) continue;
    char* index = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &index);
    const size_t i = reinterpret_cast<size_t>(index);
    responses[i] = Finish(message->easy_handle, message->data.result, &exchanges[i]);
  }
  for (size_t i = 0; i < started; ++i) curl_multi_remove_handle(multi_, group_handles_[i]);
  return responses;
}

HttpResponse CurlTransport::NoHandle(const HttpRequest& request) {
  HttpResponse response;
  response.error = TransportError::kOther;
  response.error_message = request.url + ": libcurl could not create a handle";
  return response;
}

}  // namespace conform
