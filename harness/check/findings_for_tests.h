// What the check tests compare findings by: their rule names, each expected at one level.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "check/finding.h"

namespace conform {

// The rules, in order.
inline std::vector<std::string> RuleNames(const std::vector<Finding>& findings) {
  std::vector<std::string> rules;
  for (const Finding& f : findings) rules.push_back(f.rule);
  return rules;
}

// The rules, each expected at `level`.
inline std::vector<std::string> RulesAt(Level level, const std::vector<Finding>& findings) {
  for (const Finding& f : findings) EXPECT_EQ(f.level, level) << f.rule;
  return RuleNames(findings);
}

// "rule /pointer" (or "rule" where a finding has no pointer), each expected to be must.
inline std::vector<std::string> MustRulesAndPointers(const std::vector<Finding>& findings) {
  std::vector<std::string> rules;
  for (const Finding& f : findings) {
    EXPECT_EQ(f.level, Level::kMust) << f.rule;
    rules.push_back(f.rule + (f.pointer.empty() ? "" : " " + f.pointer));
  }
  return rules;
}

}  // namespace conform
