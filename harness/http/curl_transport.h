// Transport over libcurl: one easy handle, so one connection reused across the requests of a
// case, and the multi interface for a group sent at once. Every request is bounded by connect
// and total timeouts and a body-size cap.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "http/transport.h"

typedef void CURL;
typedef void CURLM;


namespace conform {

struct CurlOptions {
  long connect_timeout_ms = 5000;
  long timeout_ms = 10000;
  size_t max_body_bytes = 8 * 1024 * 1024;
  std::string cacert;     // PEM bundle to trust instead of the system store
  bool insecure = false;  // skip TLS verification (conform warns, and says so in reports)
  std::string proxy;      // empty: libcurl's own rules (https_proxy, no_proxy, ...)
};

class CurlTransport : public Transport {
 public:
  explicit CurlTransport(CurlOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResponse Send(const HttpRequest& request) override;
  // All at once, each over a connection of its own (libcurl's multi interface).
  std::vector<HttpResponse> SendAll(const std::vector<HttpRequest>& requests) override;

 private:
  struct Exchange;
  void Configure(CURL* handle, const HttpRequest& request, Exchange* x) const;
  HttpResponse Finish(CURL* handle, int curl_code, Exchange* x) const;  // curl_code: a CURLcode
  static HttpResponse NoHandle(const HttpRequest& request);

  CurlOptions options_;
  CURL* handle_;
  CURLM* multi_ = nullptr;            // made by the first SendAll
  std::vector<CURL*> group_handles_;  // SendAll's handles, kept for their connections
};

}  // namespace conform
