// Reads the choice a probe's answers show (ChoiceSpec) from what the run recorded of it. Pure:
// the answers are already bounded and redacted by the run that sent them.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "load/case.h"
#include "run/choice.h"
#include "run/results.h"

namespace conform {

// The value meaning "not in the answer" (a missing header, pointer or key).
extern const char* const kAbsent;

Choice ReadChoice(const ChoiceSpec& spec, const CaseResult& result);

// What a limit search's tries (results carrying search_size) found, each judged by JudgeTry:
// {"accepted": the largest size accepted or null, "refused": the smallest refused or null,
// "refused_with": its status, or "connection-reset"}. The evidence is the smallest refusal, or the
// largest acceptance when nothing was refused. A try that showed nothing of the size (a
// timeout, a 409) makes the row a problem: no limit is known.
Choice ReadSearch(const SearchSpec& spec, const std::vector<const CaseResult*>& tries);

// The statuses (429, 503) that were answered and retried in any of `results`: how a server sheds
// load, as far as the profile saw it.
Choice ReadRetriedStatuses(const std::vector<CaseResult>& results);

ChoiceEvidence EvidenceOf(const Exchange& exchange);

}  // namespace conform
