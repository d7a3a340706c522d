#include "http/guarded_transport.h"

#include "http/retry_after.h"

namespace conform {

HttpResponse GuardedTransport::Send(const HttpRequest& request) {
  const GatePolicy& policy = gate_.policy();
  for (int attempt = 0;; ++attempt) {
    HttpRequest admitted = request;
    HttpResponse response;
    if (!gate_.Admit(&admitted, &response)) return response;
    response = inner_.Send(admitted);
    gate_.Observe(admitted, &response);
    if (!IsRetryableStatus(response.status) || attempt >= policy.max_retries) return response;
    if (on_retry_) on_retry_(admitted, response);
    gate_.CountRetry();
    if (!gate_.WaitBeforeRetry(RetryDelayUs(response, attempt, policy.max_retry_wait_us), request.cleanup)) {
      return gate_.Refusal(request, "the wait Retry-After asks for outlasts the run's deadline");
    }
  }
}

}  // namespace conform
