#include "http/guarded_transport.h"

#include "http/retry_after.h"

namespace conform {

HttpResponse GuardedTransport::Send(const HttpRequest& request) {
  HttpRequest admitted = request;
  HttpResponse response;
  if (!gate_.Admit(&admitted, &response)) return response;
  response = inner_.Send(admitted);
  gate_.Observe(admitted, &response);
  return Retried(request, std::move(admitted), std::move(response));
}

std::vector<HttpResponse> GuardedTransport::SendAll(const std::vector<HttpRequest>& requests) {
  std::vector<HttpRequest> admitted;
  std::vector<HttpResponse> responses(requests.size());
  for (const HttpRequest& request : requests) {
    HttpRequest next = request;
    if (!gate_.Admit(&next, &responses[admitted.size()])) break;
    admitted.push_back(std::move(next));
  }
  for (size_t i = admitted.size() + 1; i < requests.size(); ++i) responses[i] = responses[admitted.size()];
  std::vector<HttpResponse> answers = inner_.SendAll(admitted);
  for (size_t i = 0; i < admitted.size(); ++i) {
    gate_.Observe(admitted[i], &answers[i]);
    responses[i] = Retried(requests[i], admitted[i], std::move(answers[i]));
  }
  return responses;
}

// The server asked for a longer pause than the run allows: not retried early (that would earn
// another 429 and blame the server for conform's impatience), and not sent again.
// The answer itself, kept (the request was sent and answered: its case ran), marked as one conform
// did not retry.
HttpResponse GuardedTransport::TooLongAWait(const HttpResponse& answer) const {
  HttpResponse refusal = answer;
  refusal.error = TransportError::kRetryWaitTooLong;
  refusal.error_message = "the target answered " + std::to_string(answer.status) + " and asked to wait " +
                          std::to_string(RetryAfterUs(answer) / 1'000'000) + " s (Retry-After: " +
                          answer.Header("Retry-After") + "), longer than --max-retry-wait allows (" +
                          std::to_string(gate_.policy().max_retry_wait_us / 1'000'000) + " s): not retried";
  return refusal;
}

HttpResponse GuardedTransport::Retried(const HttpRequest& request, HttpRequest admitted, HttpResponse response) {
  const GatePolicy& policy = gate_.policy();
  for (int attempt = 0;; ++attempt) {
    if (!IsRetryableStatus(response.status) || attempt >= policy.max_retries) return response;
    // An HTTP date counts whole seconds, and two clocks differ by about as much: a second more than
    // allowed is still honoured (cut to what is allowed).
    if (RetryAfterUs(response) > policy.max_retry_wait_us + 1'000'000) return TooLongAWait(response);
    if (on_retry_) on_retry_(admitted, response);
    gate_.CountRetry();
    if (!gate_.WaitForRetryAfter(RetryDelayUs(response, attempt, policy.max_retry_wait_us), request.cleanup)) {
      return gate_.Refusal(request, "the wait Retry-After asks for outlasts the run's deadline");
    }
    admitted = request;
    if (!gate_.Admit(&admitted, &response)) return response;
    response = inner_.Send(admitted);
    gate_.Observe(admitted, &response);
  }
}

}  // namespace conform
