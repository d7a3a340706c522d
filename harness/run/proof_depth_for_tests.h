// Test support: how many runs, seeds and faults the proof tests take. A proof test shows a rate
// (a correct server passes run after run; a broken one is caught nearly every time), and the
// depth is a trade of certainty for time:
//   - full (CONFORM_PROOF=full, scripts/prove): the rates the docs quote, e.g. 1 000 correct runs;
//   - the test command's (CI): enough runs to catch a regression of the rate, within CI's time;
//   - under the sanitizers, a sample: each run is several times slower there, and the point of
//     that build is memory and undefined-behaviour errors on every path, not the rates.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string>

namespace conform {

enum class ProofDepth { kSanitized, kCi, kFull };

inline ProofDepth CurrentProofDepth() {
#ifdef CONFORM_SANITIZED
  return ProofDepth::kSanitized;
#else
  const char* depth = std::getenv("CONFORM_PROOF");
  return depth && std::string(depth) == "full" ? ProofDepth::kFull : ProofDepth::kCi;
#endif
}

template <typename T>
T ByProofDepth(T sanitized, T ci, T full) {
  switch (CurrentProofDepth()) {
    case ProofDepth::kSanitized: return sanitized;
    case ProofDepth::kCi: return ci;
    case ProofDepth::kFull: break;
  }
  return full;
}

// A test that repeats one check over many faults takes every fifth under the sanitizers (the
// optimised build takes them all): the checks and the paths the faults share still run under
// AddressSanitizer, within CI's time (docs/development.md, CI time).
inline bool SanitizerSkips(size_t index) {
  return CurrentProofDepth() == ProofDepth::kSanitized && index % 5 != 0;
}

}  // namespace conform
