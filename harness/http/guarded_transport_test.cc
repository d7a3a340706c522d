// The gate and the guarded transport with a scripted transport: retries as Retry-After says,
// the breaker and its one cleanup chance, the deadline cutting timeouts short.
#include "http/guarded_transport.h"

#include <chrono>
#include <ctime>
#include <deque>
#include <thread>

#include <curl/curl.h>
#include <gtest/gtest.h>

#include "http/retry_after.h"

namespace conform {
namespace {

// Answers from a script, in order; records what it was asked.
class ScriptedTransport : public Transport {
 public:
  explicit ScriptedTransport(std::deque<HttpResponse> answers) : answers_(std::move(answers)) {}
  HttpResponse Send(const HttpRequest& request) override {
    sent.push_back(request);
    if (answers_.empty()) return Status(200);
    HttpResponse r = answers_.front();
    answers_.pop_front();
    return r;
  }
  static HttpResponse Status(int status, const std::string& retry_after = "") {
    HttpResponse r;
    r.status = status;
    if (!retry_after.empty()) r.headers = {{"Retry-After", retry_after}};
    return r;
  }
  static HttpResponse NoAnswer() {
    HttpResponse r;
    r.error = TransportError::kTimeout;
    r.error_message = "GET http://127.0.0.1:1/x: response-timeout";
    return r;
  }
  std::vector<HttpRequest> sent;

 private:
  std::deque<HttpResponse> answers_;
};

HttpRequest Get(bool cleanup = false) {
  HttpRequest r{"GET", "http://127.0.0.1:1/x", {}, false, ""};
  r.cleanup = cleanup;
  return r;
}

TEST(RetryAfterTest, SecondsDateAndBackoffAreBounded) {
  EXPECT_EQ(RetryDelayUs(ScriptedTransport::Status(429, "2"), 0, 10'000'000), 2'000'000);
  EXPECT_EQ(RetryDelayUs(ScriptedTransport::Status(429, "99999"), 0, 10'000'000), 10'000'000);
  EXPECT_EQ(RetryDelayUs(ScriptedTransport::Status(429), 0, 10'000'000), 500'000);
  EXPECT_EQ(RetryDelayUs(ScriptedTransport::Status(429), 3, 10'000'000), 4'000'000);
  EXPECT_EQ(RetryDelayUs(ScriptedTransport::Status(429, "garbage"), 0, 10'000'000), 500'000);
  // An HTTP date three seconds from now (RFC 9110's IMF-fixdate).
  char date[64];
  const std::time_t later = std::time(nullptr) + 3;
  std::tm utc{};
  gmtime_r(&later, &utc);
  std::strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &utc);
  const int64_t wait = RetryDelayUs(ScriptedTransport::Status(503, date), 0, 10'000'000);
  EXPECT_GE(wait, 2'000'000) << date;
  EXPECT_LE(wait, 3'000'000) << date;
}

TEST(GuardedTransportTest, RetriesThrottledAnswersAndTellsTheObserver) {
  ScriptedTransport inner({ScriptedTransport::Status(429, "0"), ScriptedTransport::Status(503, "0"),
                           ScriptedTransport::Status(200)});
  RequestGate gate;
  std::vector<int> seen;
  GuardedTransport transport(inner, gate, [&](const HttpRequest&, const HttpResponse& r) { seen.push_back(r.status); });
  EXPECT_EQ(transport.Send(Get()).status, 200);
  EXPECT_EQ(inner.sent.size(), 3u);
  EXPECT_EQ(seen, (std::vector<int>{429, 503}));
  EXPECT_EQ(gate.retries(), 2);
}

TEST(GuardedTransportTest, GivesUpAfterMaxRetriesWithTheLastAnswer) {
  ScriptedTransport inner({ScriptedTransport::Status(429, "0"), ScriptedTransport::Status(429, "0"),
                           ScriptedTransport::Status(429, "0")});
  GatePolicy policy;
  policy.max_retries = 2;
  RequestGate gate(policy);
  GuardedTransport transport(inner, gate);
  EXPECT_EQ(transport.Send(Get()).status, 429);
  EXPECT_EQ(inner.sent.size(), 3u);
}

TEST(GuardedTransportTest, BreakerOpensAfterKUnansweredAndCleanupGetsOneChance) {
  ScriptedTransport inner({ScriptedTransport::NoAnswer(), ScriptedTransport::Status(200), ScriptedTransport::NoAnswer(),
                           ScriptedTransport::NoAnswer(), ScriptedTransport::NoAnswer(), ScriptedTransport::NoAnswer()});
  RequestGate gate;  // K = 3
  GuardedTransport transport(inner, gate);
  EXPECT_FALSE(transport.Send(Get()).ok());
  EXPECT_EQ(transport.Send(Get()).status, 200);  // an answer resets the count
  for (int i = 0; i < 3; ++i) EXPECT_EQ(transport.Send(Get()).error, TransportError::kTimeout);
  EXPECT_EQ(gate.stop_reason(), StopReason::kBreaker);
  EXPECT_EQ(gate.StopType(), std::string("not-run"));
  EXPECT_NE(gate.StopMessage().find("response-timeout"), std::string::npos) << gate.StopMessage();

  const size_t before = inner.sent.size();
  HttpResponse refused = transport.Send(Get());
  EXPECT_EQ(refused.error, TransportError::kNotSent);
  EXPECT_NE(refused.error_message.find("not sent: the target stopped answering"), std::string::npos);
  EXPECT_EQ(inner.sent.size(), before) << "nothing goes out once the breaker is open";
  EXPECT_EQ(transport.Send(Get(/*cleanup=*/true)).error, TransportError::kTimeout) << "cleanup gets one more try";
  EXPECT_EQ(transport.Send(Get(/*cleanup=*/true)).error, TransportError::kNotSent) << "and no more";
  EXPECT_EQ(inner.sent.size(), before + 1);
}

TEST(GuardedTransportTest, ZeroDisablesTheBreaker) {
  std::deque<HttpResponse> answers(10, ScriptedTransport::NoAnswer());
  ScriptedTransport inner(answers);
  GatePolicy policy;
  policy.max_transport_errors = 0;
  RequestGate gate(policy);
  GuardedTransport transport(inner, gate);
  for (int i = 0; i < 10; ++i) transport.Send(Get());
  EXPECT_EQ(inner.sent.size(), 10u);
  EXPECT_EQ(gate.stop_reason(), StopReason::kNone);
}

TEST(GuardedTransportTest, DeadlineCutsTimeoutsAndRefusesAfterwardsButCleanupHasGrace) {
  ScriptedTransport inner({});
  GatePolicy policy;
  policy.deadline_us = 200'000;
  policy.cleanup_grace_us = 5'000'000;
  RequestGate gate(policy);
  GuardedTransport transport(inner, gate);
  EXPECT_EQ(transport.Send(Get()).status, 200);
  EXPECT_GT(inner.sent.back().timeout_ms, 0);
  EXPECT_LE(inner.sent.back().timeout_ms, 200) << "a request may not outlast the deadline";
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  HttpResponse late = transport.Send(Get());
  EXPECT_EQ(late.error, TransportError::kNotSent);
  EXPECT_EQ(gate.StopType(), std::string("deadline"));
  EXPECT_EQ(transport.Send(Get(/*cleanup=*/true)).status, 200) << "cleanup goes on within the grace period";
  EXPECT_GT(inner.sent.back().timeout_ms, 4000);
}

TEST(GuardedTransportTest, ATimeoutCausedByTheDeadlineIsNotHeldAgainstTheTarget) {
  ScriptedTransport inner({ScriptedTransport::NoAnswer()});
  GatePolicy policy;
  policy.deadline_us = 1;  // already over when the answer comes back
  RequestGate gate(policy);
  HttpRequest request = Get(/*cleanup=*/false);
  HttpResponse response = ScriptedTransport::NoAnswer();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  gate.Observe(request, &response);
  EXPECT_EQ(response.error, TransportError::kNotSent);
  EXPECT_EQ(gate.unanswered(), 0);
}

TEST(GuardedTransportTest, RetryWaitThatOutlastsTheDeadlineIsNotWaited) {
  ScriptedTransport inner({ScriptedTransport::Status(429, "30")});
  GatePolicy policy;
  policy.deadline_us = 1'000'000;
  policy.max_retry_wait_us = 60'000'000;  // the wait is allowed; the deadline is what forbids it
  RequestGate gate(policy);
  GuardedTransport transport(inner, gate);
  const auto start = std::chrono::steady_clock::now();
  HttpResponse r = transport.Send(Get());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
  EXPECT_EQ(r.error, TransportError::kNotSent);
  EXPECT_NE(r.error_message.find("outlasts"), std::string::npos) << r.error_message;
}

}  // namespace
}  // namespace conform

namespace conform {
namespace {

// A group: the gate admits each request, the inner transport sees them as one group, and an
// answer to retry is retried on its own; once the breaker is open nothing of a group is sent.
// A server that asks for longer than --max-retry-wait is not retried early (that would earn
// another 429 and blame the server): the request ends as an error saying how long it asked for.
// A second more than allowed is still honoured: an HTTP date counts whole seconds.
TEST(GuardedTransportTest, ALongerWaitThanAllowedIsNotRetriedEarly) {
  ScriptedTransport inner({ScriptedTransport::Status(429, "60")});
  GatePolicy policy;
  policy.max_retry_wait_us = 10'000'000;
  RequestGate gate(policy);
  int observed = 0;
  GuardedTransport transport(inner, gate, [&](const HttpRequest&, const HttpResponse&) { ++observed; });
  const HttpResponse answer = transport.Send(Get());
  EXPECT_EQ(answer.error, TransportError::kRetryWaitTooLong) << "sent and answered, so not 'not sent'";
  EXPECT_EQ(answer.status, 429) << "the answer is kept";
  EXPECT_NE(answer.error_message.find("asked to wait 60 s (Retry-After: 60), longer than --max-retry-wait allows (10 s)"),
            std::string::npos) << answer.error_message;
  EXPECT_EQ(inner.sent.size(), 1u) << "not sent again";
  EXPECT_EQ(observed, 0);

  ScriptedTransport lenient({ScriptedTransport::Status(503, "1"), ScriptedTransport::Status(200)});
  policy.max_retry_wait_us = 0;
  RequestGate zero(policy);
  GuardedTransport quick(lenient, zero);
  EXPECT_EQ(quick.Send(Get()).status, 200) << "1 s asked, 0 s allowed: within a date's second, retried at once";
}

TEST(GuardedGroupTest, RetriesOneMemberAndRefusesAfterTheBreaker) {
  ScriptedTransport inner({ScriptedTransport::Status(200), ScriptedTransport::Status(429, "0"),
                           ScriptedTransport::Status(409), ScriptedTransport::Status(200)});
  RequestGate gate;
  GuardedTransport guarded(inner, gate);
  const std::vector<HttpResponse> answers = guarded.SendAll({Get(), Get(), Get()});
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_EQ(answers[1].status, 200);  // the 429, retried after Retry-After: 0
  EXPECT_EQ(answers[2].status, 409);
  EXPECT_EQ(inner.sent.size(), 4u);
  EXPECT_EQ(gate.retries(), 1);

  ScriptedTransport dead({ScriptedTransport::NoAnswer(), ScriptedTransport::NoAnswer(), ScriptedTransport::NoAnswer()});
  RequestGate strict_gate;
  GuardedTransport guarded_dead(dead, strict_gate);
  guarded_dead.SendAll({Get(), Get(), Get()});
  EXPECT_EQ(strict_gate.stop_reason(), StopReason::kBreaker);
  const std::vector<HttpResponse> refused = guarded_dead.SendAll({Get(), Get()});
  EXPECT_EQ(dead.sent.size(), 3u);
  for (const HttpResponse& r : refused) EXPECT_EQ(r.error, TransportError::kNotSent);
}

}  // namespace
}  // namespace conform
