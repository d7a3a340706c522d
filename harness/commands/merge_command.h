// `conform merge`: combines shard reports. JSON reports merge fully (cases, counts, latency
// histograms merged bucket by bucket, not averaged); JUnit XML files merge testcases and recount.
#pragma once

#include "cli/options.h"

namespace conform {

// --junit and --html apply to JSON inputs only.
int RunMergeCommand(const MergeCommandOptions& options);

}  // namespace conform
