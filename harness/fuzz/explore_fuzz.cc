// The exploration engine, in-process against the embedded mock (no socket): the fuzz bytes choose
// the seed, how many operations, extra value classes put into the bodies, the mock's faults
// (including truncate-long-strings, which cuts stored strings byte-wise) and its freedoms. The
// engine generates, sends, judges, shrinks and writes the found case. Properties: nothing
// crashes and no exception escapes (no unit ends as an internal error); a must-level finding only
// when a must-level fault is on; every found case passes lint.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "commands/lint_command.h"
#include "explore/exploration_run.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/in_process_mock.h"
#include "mock/freedoms.h"
#include "run/boundary.h"

using namespace conform;

namespace {

// Faults exploration meets in a few operations, none that sleeps; each breaks a must-level rule.
const Fault kMustFaults[] = {Fault::kTruncateLongStrings, Fault::kDropDottedKeys, Fault::kCutAtNul,
                             Fault::kDropNullsInArrays,   Fault::kDedupeArrays,   Fault::kDepthLimit16,
                             Fault::kKeysLimit500,        Fault::kInt32Numbers,   Fault::kRecreateKeepsOld,
                             Fault::kBmpOnlyStrings,      Fault::kMergeConfiguration, Fault::kStaleResponse,
                             Fault::kUpsert,              Fault::kDropArrays,     Fault::kListShowsDeleted};
// Faults that break only should-level rules: with these alone, no must finding may appear.
const Fault kShouldFaults[] = {Fault::kBareErrors, Fault::kGenericErrorCodes, Fault::kBareViolations};

class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t Next() { return at_ < size_ ? data_[at_++] : 0; }
  uint64_t Next64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = v << 8 | Next();
    return v;
  }
  bool Empty() const { return at_ >= size_; }

 private:
  const uint8_t* data_;
  size_t size_, at_ = 0;
};

// Adds a value of a chosen class to some operations' configuration (bodies stay ones conform makes).
void AddChosenValues(Bytes* bytes, uint64_t seed, std::vector<Operation>* ops) {
  ValueGenerator values(seed ^ 0x5eed);
  for (int tag = 900; !bytes->Empty() && tag < 916; ++tag) {
    const ValueClass c = AllValueClasses()[bytes->Next() % AllValueClasses().size()];
    Operation& op = (*ops)[bytes->Next() % ops->size()];
    if (!op.request.body || !op.request.body->contains("externalDatabaseConnection")) continue;
    nlohmann::json& connection = (*op.request.body)["externalDatabaseConnection"];
    if (!connection.is_object() || !connection.contains("configuration")) continue;
    const ConfigEntry entry = values.Make(c, tag);
    connection["configuration"][entry.key] = entry.value;
  }
}

MockOptions ChosenMock(Bytes* bytes, bool* must_fault) {
  MockOptions options;
  options.token = "T";
  options.throttle_retry_after_s = 0;  // transient-503 dates say "now": retries cost nothing
  const uint16_t must_bits = static_cast<uint16_t>(bytes->Next() << 8 | bytes->Next());
  const uint8_t other_bits = bytes->Next();
  // About one input in four has a must-level fault: the other three prove "no false alarm".
  if ((must_bits & 3) == 0) {
    for (size_t i = 0; i < std::size(kMustFaults); ++i) {
      if (must_bits & (4u << i)) options.faults.insert(kMustFaults[i]);
    }
  }
  for (size_t i = 0; i < std::size(kShouldFaults); ++i) {
    if (other_bits & (1u << i)) options.faults.insert(kShouldFaults[i]);
  }
  const auto& freedoms = FreedomVariants();
  for (size_t i = 0; i < freedoms.size() && i < 5; ++i) {
    if (other_bits & (8u << i)) ApplyFreedom(freedoms[i].first, &options.freedoms);
  }
  *must_fault = !options.faults.empty() && (must_bits & 3) == 0 && (must_bits >> 2) != 0;
  return options;
}

const std::string& FoundDir() {
  static const std::string dir = (std::filesystem::temp_directory_path() / ("conform-explore-fuzz-" + std::to_string(getpid()))).string();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes bytes(data, size);
  const uint64_t seed = bytes.Next64();
  const int operations = 1 + bytes.Next() % 60;
  bool must_fault = false;
  MockServer mock(ChosenMock(&bytes, &must_fault));  // never started: InProcessMock calls Handle
  ValueGenerator values(seed);
  std::vector<Operation> ops = GenerateOperations(operations, &values, CredentialMix{true, false});
  AddChosenValues(&bytes, seed, &ops);

  RunSettings run;
  run.base_url = InProcessMock::BaseUrl();
  run.run_id = "fz";
  run.credentials.token = "T";
  // The in-process mock's list never lags: a settle window would only make each input that
  // meets list-shows-deleted half a second slower.
  run.list_settle_us = 0;
  ExploreSettings explore;
  explore.seed = seed;
  explore.operations = operations;
  InProcessMock transport(mock);
  GatePolicy policy;
  policy.max_retry_wait_us = 0;
  RequestGate gate(policy);
  Redactor redactor;
  std::filesystem::remove_all(FoundDir());
  std::filesystem::create_directories(FoundDir());
  ExplorationReport report;
  try {
    report = ReplayShrinkAndWrite(ops, explore, run, ShippedSchemas(), transport, gate, &redactor, FoundDir(),
                                  {40, std::chrono::seconds(2)});
  } catch (...) {
    Require(false, "no exception escapes the exploration");
  }
  const CaseResult& result = report.outcome.result;
  Require(result.error_type != kInternalErrorType, "no unit of the exploration ends in an internal error");
  if (!must_fault) Require(FirstMust(result.findings) == nullptr, "a must-level finding only when a must-level fault is on");
  if (!report.found_file.empty()) {
    Selection found;
    found.cases_dir = FoundDir();
    size_t count = 0;
    Require(LintCases(found, ShippedSchemas(), &count).empty() && count == 1, "every found case passes lint");
  }
  return 0;
}
