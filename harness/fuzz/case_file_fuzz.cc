// Case files: any bytes as a case document, through the loader's schema check and parse, then
// every request of the case built with its variables expanded, as a run would.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "load/json_file.h"
#include "load/case_loader.h"
#include "run/request_builder.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Read as conform reads a file (load/json_file.h): nesting is bounded before anything recurses.
  nlohmann::json doc;
  std::string parse_err;
  if (!ParseJson(Text(data, size), "fuzz.json", &doc, &parse_err)) return 0;
  Case c;
  std::vector<std::string> errors;
  if (!ParseCase(doc, "fuzz.json", ShippedSchemas(), &c, &errors)) {
    Require(!errors.empty(), "a refused case says why");
    return 0;
  }
  const Variables vars = StandInVariables(c, "fuzz");
  std::vector<const RequestSpec*> specs;
  for (const RequestSpec& s : c.setup) specs.push_back(&s);
  for (const Step& s : c.steps) specs.push_back(&s.request);
  for (const RequestSpec* spec : specs) {
    HttpRequest request;
    std::optional<nlohmann::json> body;
    std::string err;
    if (BuildRequest(*spec, vars, "http://127.0.0.1:1", Credentials{}, &request, &body, &err)) {
      Require(request.url.rfind("http://127.0.0.1:1/", 0) == 0, "a built request stays on the target");
    }
  }
  return 0;
}
