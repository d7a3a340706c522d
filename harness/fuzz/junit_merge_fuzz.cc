// The JUnit merger: the input is two XML documents separated by "\n==\n", merged as two shards.
// Whatever it accepts, its output is XML it can read back.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "report/junit_merge.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input = Text(data, size);
  const size_t split = input.find("\n==\n");
  std::vector<JunitInput> inputs = {{"a.xml", input.substr(0, split)}};
  if (split != std::string::npos) inputs.push_back({"b.xml", input.substr(split + 4)});
  std::string merged, err;
  if (!MergeJunitTexts(inputs, &merged, &err)) {
    Require(err.find(".xml: ") != std::string::npos, "a refused input is named");
    return 0;
  }
  std::string again, err2;
  Require(MergeJunitTexts({{"merged.xml", merged}}, &again, &err2), "merged output merges again");
  return 0;
}
