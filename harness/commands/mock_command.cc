// Foreground mock: start, print where it listens, wait for a signal, stop.
#include "commands/mock_command.h"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/exit_codes.h"
#include "load/json_file.h"
#include "mock/mock_server.h"
#include "mock/tls_files.h"
#include "text/json_text.h"
#include "text/quantities.h"

namespace conform {

bool ParseFaults(const std::vector<std::string>& names, const std::string& flag, FaultSet* out, std::string* err) {
  for (const std::string& name : names) {
    Fault fault;
    if (!ParseFault(name, &fault)) {
      *err = flag + " " + name + ": unknown fault (conform faults lists them)";
      return false;
    }
    out->insert(fault);
  }
  return true;
}

bool ParseDelays(const std::vector<std::string>& specs, const std::string& jitter, const std::string& flag,
                 MockOptions* out, std::string* err) {
  for (const std::string& spec : specs) {
    const size_t equals = spec.find('=');
    std::string kind = equals == std::string::npos ? "" : spec.substr(0, equals);
    if (kind == "put") kind = "update";
    if (!kind.empty() && kind != "create" && kind != "get" && kind != "list" && kind != "update" && kind != "delete") {
      *err = flag + " " + spec + ": unknown call kind \"" + kind + "\" (create, get, list, update/put, delete)";
      return false;
    }
    int64_t us = 0;
    std::string duration_error;
    if (!ParseDuration(equals == std::string::npos ? spec : spec.substr(equals + 1), &us, &duration_error)) {
      *err = flag + " " + spec + ": " + duration_error;
      return false;
    }
    out->delay_us[kind] = us;
  }
  if (!jitter.empty()) {
    std::string duration_error;
    if (!ParseDuration(jitter, &out->jitter_us, &duration_error)) {
      const std::string jitter_flag = flag == "--delay" ? "--jitter" : "--mock-jitter";
      *err = jitter_flag + " " + jitter + ": " + duration_error;
      return false;
    }
  }
  return true;
}

bool PlanEmbeddedMock(const EmbeddedMockFlags& flags, bool has_target, MockOptions* out, std::string* err) {
  if (has_target) {
    if (flags.empty()) return true;
    *err = "--mock-fault, --mock-delay and --mock-jitter need the embedded mock (drop --target)";
    return false;
  }
  return ParseFaults(flags.faults, "--mock-fault", &out->faults, err) &&
         ParseDelays(flags.delays, flags.jitter, "--mock-delay", out, err);
}

bool StartEmbeddedMock(MockOptions options, std::string* token, std::string* readonly_token,
                       std::unique_ptr<MockServer>* out, std::string* err) {
  if (token->empty()) *token = "conform-embedded-token";
  if (readonly_token->empty()) *readonly_token = "conform-embedded-readonly-token";
  options.token = *token;
  options.readonly_token = *readonly_token;
  *out = std::make_unique<MockServer>(options);
  return (*out)->Start(err);
}

namespace {

// Every --variant name, wire styles first: "float-numbers, reversed-keys, ...".
std::string VariantNames() {
  std::string names;
  for (const auto* list : {&WireVariants(), &FreedomVariants()}) {
    for (const auto& variant : *list) names += (names.empty() ? "" : ", ") + variant.first;
  }
  return names;
}

// HTTPS: a certificate of the user's, or a CA and a certificate made now (*ca: the CA file).
bool PrepareTls(const MockCommandOptions& options, MockOptions* mock, std::string* ca, std::string* err) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    *err = options.tls_cert.empty() ? "--tls-key needs --tls-cert" : "--tls-cert needs --tls-key";
    return false;
  }
  if (!options.tls_cert.empty()) {
    mock->tls_cert = options.tls_cert;
    mock->tls_key = options.tls_key;
    return true;
  }
  if (!options.tls) return true;
  std::string dir = options.tls_dir;
  if (dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/conform-mock-tls-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      *err = "--tls: cannot make a folder like " + pattern + " for the certificates (set TMPDIR or --tls-dir)";
      return false;
    }
    dir = pattern;
  }
  TlsFiles files;
  if (!WriteTlsFiles(dir, &files, err)) {
    *err = "--tls: " + *err;
    return false;
  }
  mock->tls_cert = files.cert;
  mock->tls_key = files.key;
  *ca = files.ca;
  return true;
}

// The saved connections of --state, if the file exists yet.
bool LoadState(const std::string& path, ConnectionStore* store, std::string* err) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return true;
  nlohmann::json saved;
  if (!ReadJsonFile(path, &saved, err)) return false;
  std::string problem;
  if (store->Load(saved, &problem)) return true;
  *err = path + ": " + problem;
  return false;
}

// Written beside the file and renamed over it, so a crash never leaves half a state.
bool SaveState(const std::string& path, const ConnectionStore& store, std::string* err) {
  const std::string temporary = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temporary);
    out << DumpJson(store.Save(), 2) << "\n";
    if (!out) {
      *err = temporary + ": cannot be written";
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) *err = path + ": " + ec.message();
  return !ec;
}

}  // namespace

int RunFaultsCommand() {
  for (const FaultInfo& info : AllFaults()) std::cout << info.name << "\t" << info.what << "\n";
  return kExitOk;
}

int RunMockCommand(const MockCommandOptions& options) {
  MockOptions mock;
  mock.host = options.host;
  mock.port = options.port;
  mock.token = options.token;
  mock.readonly_token = options.readonly_token;
  mock.site_id = options.site_id;
  mock.log_requests = options.verbose;
  mock.throttle_every = options.throttle_every;
  mock.throttle_retry_after_s = options.retry_after_s;
  mock.max_page = options.max_page;
  std::string err, ca;
  for (const std::string& variant : options.variants) {
    if (!ApplyWireVariant(variant, &mock.wire) && !ApplyFreedom(variant, &mock.freedoms)) {
      std::cerr << "conform: --variant " << variant << ": unknown (" << VariantNames() << ")\n";
      return kExitUsage;
    }
  }
  if (!ParseFaults(options.faults, "--fault", &mock.faults, &err) ||
      !ParseDelays(options.delays, options.jitter, "--delay", &mock, &err) || !PrepareTls(options, &mock, &ca, &err)) {
    std::cerr << "conform: " << err << "\n";
    return kExitUsage;
  }

  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  MockServer server(mock);
  if (!LoadState(options.state_file, &server.store(), &err) || !server.Start(&err)) {
    std::cerr << "conform: " << err << "\n";
    return kExitUsage;
  }
  std::cout << "conform mock listening on " << server.base_url() << "/wix-data/v1/external-database-connections";
  if (!options.faults.empty()) {
    std::cout << " (faults:";
    for (const std::string& f : options.faults) std::cout << " " << f;
    std::cout << ")";
  }
  std::cout << std::endl;
  if (!ca.empty()) {
    std::cout << "conform mock CA certificate: " << ca << " (trust it: conform run --cacert FILE, NODE_EXTRA_CA_CERTS=FILE)"
              << std::endl;
  }
  if (!options.state_file.empty()) {
    std::cout << "conform mock state: " << options.state_file << " (" << server.store().Size()
              << " connections loaded; saved at stop)" << std::endl;
  }

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server.Stop();
  if (!options.state_file.empty() && !SaveState(options.state_file, server.store(), &err)) {
    std::cerr << "conform: --state: " << err << "\n";
    return kExitFailed;
  }
  std::cout << "conform mock stopped" << std::endl;
  return kExitOk;
}

}  // namespace conform
