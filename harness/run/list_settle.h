// A list may lag a write for a moment (an eventually consistent server's index), and other
// clients' writes shift the pages: a list judgement that finds something is made again before it
// is reported. Shared by the cases' list steps and exploration, so both wait alike.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "check/finding.h"
#include "http/request_gate.h"

namespace conform {

// The default settle window (--list-settle): long enough for a list that lags by a few hundred
// milliseconds, short enough that a broken list costs little.
constexpr int64_t kDefaultListSettleUs = 500'000;

// One walk through the list and its judgement (walk 1 may reuse the step's own answer): false
// when no usable answer came (the caller stops); what it found goes in *findings.
using ListJudgement = std::function<bool(int walk, std::vector<Finding>* findings)>;

// Runs `judge` until a walk finds nothing: once, again at once, then after waits that double
// from 25 ms until `settle_us` has passed since the first walk began, not counting the waits a
// Retry-After asked for meanwhile. *findings holds the last
// walk's, which are the verdict; a list that is right the first time costs one walk. A wait the
// gate refuses (deadline, signal) ends the settling with what the walks showed. false when
// `judge` said so.
bool JudgeSettled(int64_t settle_us, RequestGate& gate, const ListJudgement& judge, std::vector<Finding>* findings);

// The step label of walk n: "step", "step again", "step again (3)", ...
std::string WalkLabel(const std::string& step, int walk);

}  // namespace conform
