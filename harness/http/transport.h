// The seam between the runner and the network: tests replace it with a fake.
#pragma once

#include "http/http_types.h"

namespace conform {

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends one request and waits for the answer; never throws. Transport failures come back as
  // HttpResponse::error.
  virtual HttpResponse Send(const HttpRequest& request) = 0;
};

}  // namespace conform
