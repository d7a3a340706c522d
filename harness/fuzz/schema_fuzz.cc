// Schema folders: any bytes as one more schema file beside the shipped ones (so its $refs may
// reach them), then a few bodies validated against it.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "load/json_file.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Read as conform reads a file (load/json_file.h): nesting is bounded before anything recurses.
  nlohmann::json doc;
  std::string parse_err;
  if (!ParseJson(Text(data, size), "fuzz.json", &doc, &parse_err)) return 0;
  SchemaRegistry registry;
  std::string err;
  const std::string file = std::string(CONFORM_SOURCE_DIR) + "/schemas/fuzz.schema.json";
  if (!registry.Add("fuzz", doc, file, &err)) {
    Require(!err.empty(), "a refused schema says why");
    return 0;
  }
  static const nlohmann::json kBodies[] = {
      nullptr, 0, "x", nlohmann::json::array({1, "a", nullptr}), nlohmann::json::object(),
      {{"externalDatabaseConnection", {{"name", "n"}, {"endpoint", "https://e"}, {"configuration", {{"k", 1}}}}}},
  };
  for (const nlohmann::json& body : kBodies) registry.Validate("fuzz", body);
  return 0;
}
