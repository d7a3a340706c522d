// Text form of a finding.
#include "check/finding.h"

namespace conform {

std::string FindingLine(const Finding& f) {
  std::string line = std::string("[") + LevelName(f.level) + "] ";
  if (!f.step.empty()) line += f.step + ": ";
  line += f.rule;
  if (!f.pointer.empty()) line += " at " + f.pointer;
  line += ": " + f.message;
  if (!f.expected.empty() || !f.actual.empty()) line += " (expected " + f.expected + ", got " + f.actual + ")";
  return line;
}

}  // namespace conform
