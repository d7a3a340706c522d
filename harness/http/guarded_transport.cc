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

HttpResponse GuardedTransport::Retried(const HttpRequest& request, HttpRequest admitted, HttpResponse response) {
  const GatePolicy& policy = gate_.policy();
  for (int attempt = 0;; ++attempt) {
    if (!IsRetryableStatus(response.status) || attempt >= policy.max_retries) return response;
    if (on_retry_) on_retry_(admitted, response);
    gate_.CountRetry();
    if (!gate_.WaitBeforeRetry(RetryDelayUs(response, attempt, policy.max_retry_wait_us), request.cleanup)) {
      return gate_.Refusal(request, "the wait Retry-After asks for outlasts the run's deadline");
    }
    admitted = request;
    if (!gate_.Admit(&admitted, &response)) return response;
    response = inner_.Send(admitted);
    gate_.Observe(admitted, &response);
  }
}

}  // namespace conform
