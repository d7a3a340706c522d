// Cost of validating a PUT response against the shipped schema, and of loading the shipped cases.
#include <benchmark/benchmark.h>

#include "load/case_loader.h"
#include "load/schema_registry.h"

namespace conform {
namespace {

const SchemaRegistry& Schemas() {
  static SchemaRegistry* registry = [] {
    auto* r = new SchemaRegistry;
    std::string err;
    r->LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err);
    return r;
  }();
  return *registry;
}

void BM_ValidateUpdateResponse(benchmark::State& state) {
  const nlohmann::json response = nlohmann::json::parse(R"({"externalDatabaseConnection": {
    "name": "MyExternalDatabase", "endpoint": "https://example.com/my-external-database",
    "configuration": {"secretKey": "k", "tenantId": "t", "environment": "PRODUCTION", "collections": ["a", "b"]},
    "connectionStatus": {"successful": true, "causeOfFailure": "NONE", "hasCollections": "YES"},
    "capabilities": {"collectionModificationsSupported": false, "fieldTypes": ["TEXT", "NUMBER"]},
    "protocolVersion": "V2"}})");
  for (auto _ : state) {
    benchmark::DoNotOptimize(Schemas().Validate("update.response", response));
  }
}
BENCHMARK(BM_ValidateUpdateResponse);

void BM_LoadShippedCases(benchmark::State& state) {
  const std::string dir = std::string(CONFORM_SOURCE_DIR) + "/cases";
  for (auto _ : state) {
    std::vector<Case> cases;
    std::vector<std::string> errors;
    LoadCases(dir, Schemas(), &cases, &errors);
    benchmark::DoNotOptimize(cases.size());
  }
}
BENCHMARK(BM_LoadShippedCases)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace conform
