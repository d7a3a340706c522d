// A Transport that sends through a RequestGate and repeats a request the server asked us to
// repeat (429, 503), waiting as Retry-After says. Every sender of a run uses one, so setup,
// steps, oracle reads, list paging and cleanup are paced, retried and stopped alike.
#pragma once

#include <functional>

#include "http/request_gate.h"
#include "http/transport.h"

namespace conform {

// Told of each answer that is about to be retried (to record it, or to report a 503).
using RetryObserver = std::function<void(const HttpRequest& sent, const HttpResponse& answer)>;

class GuardedTransport : public Transport {
 public:
  GuardedTransport(Transport& inner, RequestGate& gate, RetryObserver on_retry = {})
      : inner_(inner), gate_(gate), on_retry_(std::move(on_retry)) {}

  // The final answer: the first that is not 429/503, or the last retry's. When the gate stops
  // the request (breaker, deadline, signal), a kNotSent answer saying why.
  HttpResponse Send(const HttpRequest& request) override;

 private:
  Transport& inner_;
  RequestGate& gate_;
  RetryObserver on_retry_;
};

}  // namespace conform
