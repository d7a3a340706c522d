// Schema folders: any bytes as one more schema file beside the shipped ones (so its $refs may
// reach them), then a few bodies validated against it.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"

using namespace conform;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const nlohmann::json doc = nlohmann::json::parse(Text(data, size), nullptr, false);
  if (doc.is_discarded()) return 0;
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
