// Config files: any bytes as conform.json, checked against config.schema.json and applied; and
// applied without the schema too (a --schemas folder may lack it), which must never throw.
#include <cstddef>
#include <cstdint>

#include "commands/config_file.h"
#include "fuzz/fuzz_support.h"
#include "load/json_file.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Read as conform reads a file (load/json_file.h): nesting is bounded before anything recurses.
  nlohmann::json doc;
  std::string parse_err;
  if (!ParseJson(Text(data, size), "fuzz.json", &doc, &parse_err)) return 0;
  RunOptions unchecked;
  Headers headers;
  std::string err;
  if (!ApplyConfigDocument(doc, "conform.json", &unchecked, &headers, &err)) {
    Require(err.rfind("conform.json: /", 0) == 0, "a refused config names the file and pointer");
  }
  if (!ShippedSchemas().Validate("config", doc).empty()) return 0;
  RunOptions options;
  headers.clear();
  err.clear();
  const bool applied = ApplyConfigDocument(doc, "conform.json", &options, &headers, &err);
  for (const auto& header : headers) Require(header.first != "Authorization", "no token comes from a file");
  (void)applied;
  return 0;
}
