// What a person sees in the terminal: a line per case as it finishes, findings under failures,
// and a summary with latency per call kind. Colour only on a terminal and never with NO_COLOR.
#pragma once

#include <ostream>
#include <string>

#include "run/results.h"

namespace conform {

struct ConsoleStyle {
  bool terminal = false;  // a person is watching: show a progress line
  bool color = false;
  bool quiet = false;    // summary only
  bool verbose = false;  // every exchange too
};

// Colour when the stream is a terminal and NO_COLOR is unset.
ConsoleStyle DetectConsoleStyle(int fd, bool quiet, bool verbose);

void PrintCaseLine(std::ostream& out, const CaseResult& c, const ConsoleStyle& style);
void PrintSummary(std::ostream& out, const RunResult& run, const ConsoleStyle& style);

}  // namespace conform
