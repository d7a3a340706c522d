// A probe that searches for a limit (SearchSpec): the largest string, nesting or key count a server
// accepts, found by bisection over sizes, each size one run of the probe through the case runner
// (so each try is paced, retried, cleaned up and reported like any case).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "run/case_runner.h"

namespace conform {

// Never more tries than this per search, whatever the range.
constexpr int kMaxSearchTries = 16;

constexpr size_t kTryBodyChars = 64 * 1024;

// Which size to try next, from what the tries so far showed. The largest size first (a server
// that takes it is done in one try), then the smallest, then geometric midpoints until the gap is
// within 1/256 of what was accepted (exact below 256). Deterministic: the same answers, the same
// tries, so two profiles of one server agree.
class LimitBisection {
 public:
  LimitBisection(int64_t from, int64_t to) : from_(from), to_(to) {}
  bool Done() const;
  int64_t Next() const;
  void Record(int64_t size, bool accepted);
  int tries() const { return tries_; }

 private:
  int64_t from_, to_;
  int64_t accepted_ = 0;  // the largest size accepted; 0 while none was
  int64_t refused_ = 0;   // the smallest size refused; 0 while none was
  int tries_ = 0;
};

// The value a search puts at its pointer: `size` x's, objects nested `size` deep, or an object
// of `size` keys.
nlohmann::json GrownValue(const std::string& grow, int64_t size);

// The probe with the search's step body grown to `size`, under a name of its own (a try a slow
// server commits late must not collide with the next); its title says which size it tries.
Case SearchTry(const Case& probe, int64_t size);

// What a try's grown step showed. Accepted: a 2xx (also when the answer was too big for conform
// to keep). Refused: a 4xx about the body (400, 413, 422, ...), or a connection the server reset.
// Unknown: no answer in time, a 5xx, or a 4xx about something else (401, 403, 407, 408, 409 a
// name taken, 429 the rate), which says nothing of the size: the search stops, and the row says
// what the try answered.
enum class TryVerdict { kAccepted, kRefused, kUnknown };
TryVerdict JudgeTry(const CaseResult& result, int step);

// Runs a probe's search: one result per try, in the order sent, each with its search_size.
// `run_try` runs one try (a fresh transport each, as the suite runs a case); the search stops
// early at an unknown try, or when the gate stops the run. The tries' big bodies are cut to
// kTryBodyChars once judged: reports show 4 KiB of them, and 16 tries of 4 MiB would otherwise
// be held to the end of the run.
std::vector<CaseResult> RunLimitSearch(const Case& probe, const std::function<CaseResult(const Case&)>& run_try,
                                       const RequestGate& gate);

}  // namespace conform
