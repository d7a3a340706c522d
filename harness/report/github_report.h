// GitHub Actions output: a Markdown job summary (for $GITHUB_STEP_SUMMARY) and ::error
// workflow commands that annotate failed cases. Pure: returns text.
#pragma once

#include <string>

#include "run/results.h"

namespace conform {

std::string GithubStepSummary(const RunResult& run);

// One "::error file=...,title=...::message" line per failed or errored case and failed latency check.
std::string GithubAnnotations(const RunResult& run);

}  // namespace conform
