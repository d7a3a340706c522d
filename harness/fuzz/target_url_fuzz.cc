// Target URLs: any text as --target. An accepted URL is normalised for good: normalising it again
// changes nothing, and a connection path appended to it parses as a URL again.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "http/target_url.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = Text(data, size);
  std::string url, err;
  if (!NormaliseTarget(text, &url, &err)) {
    Require(!err.empty(), "a refused target says why");
    return 0;
  }
  std::string again;
  Require(NormaliseTarget(url, &again, &err), "a normalised target is accepted");
  Require(again == url, "normalising is idempotent");
  Require(url.empty() || url.back() != '/', "no trailing slash");
  IsLoopbackTarget(url);
  Require(!HostOf(url).empty(), "an accepted target has a host");
  return 0;
}
