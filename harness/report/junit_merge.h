// Merges JUnit XML files (e.g. from CI shards) into one, recounting every total from the
// testcases themselves. Uses libxml2 to read them: reports from other tools are welcome too.
#pragma once

#include <string>
#include <vector>

namespace conform {

// false with *err naming the file on unreadable or non-JUnit input.
bool MergeJunitFiles(const std::vector<std::string>& inputs, std::string* merged, std::string* err);

// One JUnit document: the name it is known by (its file) and its text.
struct JunitInput {
  std::string name;
  std::string text;
};

// The same, from texts already read.
bool MergeJunitTexts(const std::vector<JunitInput>& inputs, std::string* merged, std::string* err);

}  // namespace conform
