#include "run/limit_search.h"

#include <cmath>

#include "text/utf8.h"

namespace conform {

bool LimitBisection::Done() const {
  if (tries_ >= kMaxSearchTries) return true;
  if (accepted_ == to_) return true;    // it takes the largest size tried
  if (refused_ == from_) return true;   // it refuses even the smallest
  if (accepted_ == 0 || refused_ == 0) return false;
  return refused_ - accepted_ <= std::max<int64_t>(1, accepted_ / 256);
}

int64_t LimitBisection::Next() const {
  if (refused_ == 0) return to_;
  if (accepted_ == 0) return from_;
  // The geometric midpoint: a limit may be a few bytes or megabytes, and each try halves the
  // ratio between what was taken and what was refused.
  const int64_t mid = std::llround(std::sqrt(static_cast<double>(accepted_) * static_cast<double>(refused_)));
  return std::min(refused_ - 1, std::max(accepted_ + 1, mid));
}

void LimitBisection::Record(int64_t size, bool accepted) {
  ++tries_;
  if (accepted && size > accepted_) accepted_ = size;
  if (!accepted && (refused_ == 0 || size < refused_)) refused_ = size;
}

nlohmann::json GrownValue(const std::string& grow, int64_t size) {
  if (grow == "characters") return std::string(static_cast<size_t>(size), 'x');
  if (grow == "keys") {
    nlohmann::json object = nlohmann::json::object();
    for (int64_t i = 0; i < size; ++i) object["k" + std::to_string(i)] = i;
    return object;
  }
  nlohmann::json nested = {{"leaf", 1}};  // nesting: `size` objects, one inside the other
  for (int64_t level = 1; level < size; ++level) nested = nlohmann::json{{"d", std::move(nested)}};
  return nested;
}

Case SearchTry(const Case& probe, int64_t size) {
  Case c = probe;
  const SearchSpec& search = *probe.search;
  nlohmann::json& body = *c.steps[search.step - 1].request.body;
  body[nlohmann::json::json_pointer(search.at)] = GrownValue(search.grow, size);
  c.title = probe.title + " (" + search.grow + ": " + std::to_string(size) + ")";
  c.vars.emplace_back("name", "${name}-" + std::to_string(size));
  return c;
}

namespace {

// 4xx answers about who asks, when, or the name, not about the body: credentials (401, 403, a
// proxy's 407), a timeout (408), a name taken (409), the rate (429).
bool SaysNothingOfTheSize(int status) {
  return status == 401 || status == 403 || status == 407 || status == 408 || status == 409 || status == 429;
}

}  // namespace

TryVerdict JudgeTry(const CaseResult& result, int step) {
  const Exchange* answer = LastAnswerOf(result, step);
  if (!answer) return TryVerdict::kUnknown;
  const HttpResponse& r = answer->response;
  if (r.status / 100 == 2) return TryVerdict::kAccepted;
  if (r.status / 100 == 4) return SaysNothingOfTheSize(r.status) ? TryVerdict::kUnknown : TryVerdict::kRefused;
  if (r.status > 0) return TryVerdict::kUnknown;  // a 5xx is the server failing, not a limit
  return r.error == TransportError::kReset ? TryVerdict::kRefused : TryVerdict::kUnknown;
}

namespace {

void Cut(std::string* text) {
  if (text->size() > kTryBodyChars) *text = Utf8Prefix(*text, kTryBodyChars) + "...";
}

void CutBigBodies(CaseResult* result) {
  for (Exchange& x : result->exchanges) {
    Cut(&x.request.body);
    Cut(&x.response.body);
    Cut(&x.curl);
  }
}

}  // namespace

std::vector<CaseResult> RunLimitSearch(const Case& probe, const std::function<CaseResult(const Case&)>& run_try,
                                       const RequestGate& gate) {
  const SearchSpec& search = *probe.search;
  LimitBisection bisection(search.from, search.to);
  std::vector<CaseResult> tries;
  while (!bisection.Done() && gate.stop_reason() == StopReason::kNone && !Interrupted()) {
    const int64_t size = bisection.Next();
    CaseResult result = run_try(SearchTry(probe, size));
    result.search_size = size;
    const TryVerdict verdict = JudgeTry(result, search.step);
    CutBigBodies(&result);
    tries.push_back(std::move(result));
    if (verdict == TryVerdict::kUnknown) break;
    bisection.Record(size, verdict == TryVerdict::kAccepted);
  }
  return tries;
}

}  // namespace conform
