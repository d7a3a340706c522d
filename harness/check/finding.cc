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

Finding MakeFinding(Level level, std::string step, std::string rule, std::string message) {
  Finding f;
  f.level = level;
  f.step = std::move(step);
  f.rule = std::move(rule);
  f.message = std::move(message);
  return f;
}

Finding UnavailableNote(const std::string& step, const HttpResponse& answer) {
  const std::string after = answer.Header("Retry-After");
  Finding f = MakeFinding(Level::kNote, step, "transient.unavailable",
                          "answered 503 and conform retried" +
                              (after.empty() ? std::string() : " (Retry-After: " + after + ")") +
                              "; the case is judged by the answer after the retry");
  f.expected = "an answer";
  f.actual = "503, then retried";
  return f;
}

const Finding* FirstMust(const std::vector<Finding>& findings, size_t from) {
  for (size_t i = from; i < findings.size(); ++i) {
    if (findings[i].level == Level::kMust) return &findings[i];
  }
  return nullptr;
}

}  // namespace conform
