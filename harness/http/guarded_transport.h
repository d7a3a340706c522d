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
  // The group goes out at once after the gate admitted each of its requests (so the pace is
  // kept on average, and the requests still overlap); an answer to retry is retried on its own.
  // A request the gate stops gets a kNotSent answer, and so does every request after it.
  std::vector<HttpResponse> SendAll(const std::vector<HttpRequest>& requests) override;

 private:
  // The answer after the retries 429/503 ask for (each admitted by the gate again).
  HttpResponse Retried(const HttpRequest& request, HttpRequest admitted, HttpResponse response);
  HttpResponse TooLongAWait(const HttpResponse& answer) const;

  Transport& inner_;
  RequestGate& gate_;
  RetryObserver on_retry_;
};

}  // namespace conform
