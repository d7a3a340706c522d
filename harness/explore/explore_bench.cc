// Exploration's speed: values drawn per second (goal: 100 000), operations per second against
// the in-process mock including the GET after each mutation and the comparison (goal: 2 500),
// and shrinking a failing 60-operation sequence that carries a 64 KB value (goal: 2 s).
// scripts/bench prints each beside its goal.
#include <benchmark/benchmark.h>

#include "explore/explorer.h"
#include "explore/shrink.h"
#include "http/curl_transport.h"
#include "load/schema_registry.h"
#include "mock/mock_server.h"

namespace conform {
namespace {

void BM_ValueGenerator(benchmark::State& state) {
  ValueGenerator values(1);
  int tag = 0;
  for (auto _ : state) benchmark::DoNotOptimize(values.Next(tag++));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValueGenerator);

struct Target {
  explicit Target(FaultSet faults) : mock(Options(std::move(faults))) {
    std::string err;
    mock.Start(&err);
    schemas.LoadDirectory(std::string(CONFORM_SOURCE_DIR) + "/schemas", &err);
    settings.base_url = mock.base_url();
    settings.credentials.token = "T";
  }
  static MockOptions Options(FaultSet faults) {
    MockOptions o;
    o.token = "T";
    o.faults = std::move(faults);
    return o;
  }
  MockServer mock;
  SchemaRegistry schemas;
  RunSettings settings;
};

void BM_ExploreOperations(benchmark::State& state) {
  Target target({});
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  uint64_t seed = 1;
  int64_t sent = 0;
  for (auto _ : state) {
    ExploreSettings explore;
    explore.seed = seed++;
    explore.operations = 300;
    target.settings.run_id = "bench" + std::to_string(seed);
    sent += Explore(explore, target.settings, target.schemas, transport, gate, &redactor).sent;
  }
  state.SetItemsProcessed(sent);
}
BENCHMARK(BM_ExploreOperations)->Unit(benchmark::kMillisecond)->UseRealTime();

Operation Noise(int i) {
  Operation op;
  const CallKind kinds[] = {CallKind::kGet, CallKind::kList, CallKind::kUpdate, CallKind::kDelete};
  op.request.call = kinds[i % 4];
  if (op.request.call != CallKind::kList) op.request.name = "${name}-x" + std::to_string(i % 3);
  if (op.request.call == CallKind::kList) op.request.query = {{"paging.limit", "100"}};
  if (op.request.call == CallKind::kUpdate) {
    op.request.body = nlohmann::json{{"externalDatabaseConnection", {{"endpoint", "https://e.example/n"}, {"configuration", {{"i", i}}}}}};
  }
  return op;
}

// 60 operations: a create, 58 that change nothing, and an update carrying a 64 KB string that
// the broken mock cuts to 255 characters. The minimum is the create and the update, with the
// string shortened to 256 characters.
std::vector<Operation> FailingSixty() {
  std::vector<Operation> ops;
  Operation create;
  create.request.call = CallKind::kCreate;
  create.request.body = nlohmann::json{{"externalDatabaseConnection", {{"name", "${name}-x9"}, {"endpoint", "https://e.example/a"}}},
                                       {"connectionType", "STANDALONE"}};
  ops.push_back(create);
  for (int i = 0; i < 58; ++i) ops.push_back(Noise(i));
  Operation update;
  update.request.call = CallKind::kUpdate;
  update.request.name = "${name}-x9";
  update.request.body = nlohmann::json{{"externalDatabaseConnection",
                                        {{"endpoint", "https://e.example/b"},
                                         {"configuration", {{"big", std::string(65536, 'v')}, {"n", 1}, {"s", "x"}}}}}};
  ops.push_back(update);
  return ops;
}

void BM_ShrinkSixtyOperationsWith64KB(benchmark::State& state) {
  Target target({Fault::kTruncateLongStrings});
  CurlTransport transport{CurlOptions{}};
  RequestGate gate;
  Redactor redactor;
  const std::vector<Operation> failing = FailingSixty();
  int attempt = 0;
  size_t smallest = 0, value = 0;
  for (auto _ : state) {
    const Replayer replay = [&](const std::vector<Operation>& candidate) {
      ExploreSettings explore;
      explore.names = "s" + std::to_string(++attempt);
      target.settings.run_id = "shrink";
      const ExploreOutcome o = Replay(candidate, explore, target.settings, target.schemas, transport, gate, &redactor);
      for (const Finding& f : o.result.findings) {
        if (f.level == Level::kMust) return f.rule;
      }
      return std::string();
    };
    const std::string rule = replay(failing);
    const ShrinkResult r = Shrink(failing, rule, replay, {});
    smallest = r.sequence.size();
    value = (*r.sequence.back().request.body)["externalDatabaseConnection"]["configuration"].value("big", std::string()).size();
  }
  state.counters["operations_left"] = static_cast<double>(smallest);
  state.counters["value_chars_left"] = static_cast<double>(value);
}
BENCHMARK(BM_ShrinkSixtyOperationsWith64KB)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace
}  // namespace conform
