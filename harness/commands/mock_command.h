// `conform mock` and `conform faults`: serve the mock in the foreground; list its faults.
#pragma once

#include "cli/options.h"
#include "mock/faults.h"
#include "mock/mock_server.h"

#include <memory>
#include <string>
#include <vector>

namespace conform {

// Serves until SIGINT or SIGTERM; returns the exit code.
int RunMockCommand(const MockCommandOptions& options);

int RunFaultsCommand();

// Turns "--delay" values ("20ms" for every call, "put=20ms" for one kind) into MockOptions.
bool ParseDelays(const std::vector<std::string>& specs, const std::string& jitter, const std::string& flag,
                 MockOptions* out, std::string* err);

// The --mock-fault, --mock-delay and --mock-jitter flags of `run` and `load`.
struct EmbeddedMockFlags {
  std::vector<std::string> faults;
  std::vector<std::string> delays;
  std::string jitter;
  bool empty() const { return faults.empty() && delays.empty() && jitter.empty(); }
};

// The embedded mock's options from the --mock-* flags, before anything starts. Given a --target
// there is no embedded mock for them to act on: false with a one-line *err.
bool PlanEmbeddedMock(const EmbeddedMockFlags& flags, bool has_target, MockOptions* out, std::string* err);

// Starts the embedded mock on a free loopback port with these options and tokens (the tokens get
// built-in values when empty, so the auth cases can run). false with a one-line *err.
bool StartEmbeddedMock(MockOptions options, std::string* token, std::string* readonly_token,
                       std::unique_ptr<MockServer>* out, std::string* err);

// Turns fault names into a FaultSet; on an unknown name returns false with a one-line *err.
bool ParseFaults(const std::vector<std::string>& names, const std::string& flag, FaultSet* out, std::string* err);

}  // namespace conform
