// What a person sees in the terminal: a line per case as it finishes; then the causes several
// failures share, the findings of each failure, and a summary with latency per call kind. Colour only on a terminal and never with NO_COLOR.
#pragma once

#include <ostream>
#include <string>

#include "run/results.h"

namespace conform {

struct ConsoleStyle {
  bool color = false;
  bool quiet = false;    // summary only
  bool verbose = false;  // every exchange too
};

// Colour when the stream is a terminal and NO_COLOR is unset.
ConsoleStyle DetectConsoleStyle(int fd, bool quiet, bool verbose);

// One line per case as it finishes: outcome, id, title.
void PrintCaseLine(std::ostream& out, const CaseResult& c, const ConsoleStyle& style);
// After the run: the causes shared by several failures, then each failed, errored or warned case
// with its findings (and its exchanges with -v).
void PrintDetails(std::ostream& out, const RunResult& run, const ConsoleStyle& style);
// Just the causes (also part of PrintDetails).
void PrintCauses(std::ostream& out, const RunResult& run, const ConsoleStyle& style);
void PrintSummary(std::ostream& out, const RunResult& run, const ConsoleStyle& style);

}  // namespace conform
