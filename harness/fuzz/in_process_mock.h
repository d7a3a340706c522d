// A Transport that hands each request to a MockServer's Handle, without a socket: the engine's
// fuzz target runs thousands of explorations a minute this way. Header-only, for fuzz targets.
#pragma once

#include <algorithm>

#include "http/transport.h"
#include "mock/mock_server.h"

namespace conform {

class InProcessMock : public Transport {
 public:
  explicit InProcessMock(MockServer& mock) : mock_(mock) {}

  // The base URL the requests are built with; only the path and query after it matter.
  static std::string BaseUrl() { return "http://127.0.0.1:1"; }

  HttpResponse Send(const HttpRequest& request) override {
    MockRequest r;
    r.method = request.method;
    r.target = request.url.substr(std::min(request.url.size(), BaseUrl().size()));
    for (const auto& [name, value] : request.headers) {
      if (name == "Authorization") r.authorization = value;
    }
    r.body = request.body;
    ReadPagingQuery(&r);
    const MockAnswer answer = mock_.Handle(r);
    HttpResponse response;
    response.status = answer.status;
    response.body = answer.body;
    response.headers.emplace_back("Content-Type", answer.content_type);
    if (!answer.retry_after.empty()) response.headers.emplace_back("Retry-After", answer.retry_after);
    return response;
  }

 private:
  MockServer& mock_;
};

}  // namespace conform
