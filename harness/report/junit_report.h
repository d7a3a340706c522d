// The JUnit XML report: one <testcase> per case with a unique classname+name, at most one
// <failure> or <error>, valid against both XSDs in testdata/junit/. Pure: returns the text.
#pragma once

#include <string>

#include "run/results.h"

namespace conform {

enum class JunitProfile {
  kStrict,  // valid against both XSDs in testdata/junit/
  kRich,    // adds testsuites totals and testcase file= for readers that accept more
};

std::string JunitReport(const RunResult& run, JunitProfile profile = JunitProfile::kStrict);

}  // namespace conform
