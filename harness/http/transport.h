// The seam between the runner and the network: tests replace it with a fake.
#pragma once

#include <vector>

#include "http/http_types.h"

namespace conform {

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends one request and waits for the answer; never throws. Transport failures come back as
  // HttpResponse::error.
  virtual HttpResponse Send(const HttpRequest& request) = 0;
  // Sends a group of requests at the same moment and waits for every answer, in order. This
  // default sends them one after the other (enough for fakes); CurlTransport overlaps them.
  virtual std::vector<HttpResponse> SendAll(const std::vector<HttpRequest>& requests) {
    std::vector<HttpResponse> responses;
    for (const HttpRequest& request : requests) responses.push_back(Send(request));
    return responses;
  }
};

}  // namespace conform
