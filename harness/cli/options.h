// What the command line asks for, as plain data. Parsing lives in command_line.cc.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "load/selection.h"

namespace conform {

struct RunOptions {
  Selection selection;
  std::string schemas_dir;
  std::string target;              // empty: start the embedded mock
  std::string token;               // flag, else CONFORM_TOKEN
  std::string readonly_token;
  std::vector<std::string> mock_faults;  // embedded mock only
  std::vector<std::string> mock_delays;  // embedded mock only: "20ms" or "put=20ms"
  std::string mock_jitter;
  int repeat = 1;
  int warmup = 0;
  std::vector<std::string> latency_budgets;  // "put.p95=200ms"
  std::string baseline_path;
  std::string max_regression = "20%";
  std::string regression_noise = "0.5ms";
  std::string junit_path = "reports/junit.xml";
  std::string json_path = "reports/report.json";
  bool strict = false;
  long timeout_ms = 10000;
  long connect_timeout_ms = 5000;
  std::string run_id;              // empty: random
  bool verbose = false;
  bool quiet = false;
  bool allow_mutations = false;    // needed for a target that is not this machine
  std::vector<std::string> redact_headers;
  std::vector<std::string> redact_pointers;
  std::string save_requests_dir;   // empty: don't save exchanges
  std::string html_path = "reports/report.html";
  std::string junit_profile = "strict";  // or "rich"
  std::string shard;               // "i/n"; empty: all
  std::string site_id;             // wix-site-id header (flag, else CONFORM_SITE_ID)
  std::string account_id;          // wix-account-id header (flag, else CONFORM_ACCOUNT_ID)
  std::string cacert;
  bool insecure = false;
  std::string proxy;
  std::string rate;                // pacing, e.g. "150/m"; empty: none on loopback, 150/m elsewhere
  int max_retries = 3;
  std::string max_retry_wait = "10s";  // the longest Retry-After honoured
  std::string list_settle = "500ms";   // how long a failing list check is walked again (kDefaultListSettleUs)
  int explore = -1;          // operations of exploration after the cases; 0: none; -1: 300 on loopback, 40 elsewhere
  std::string seed = "random";  // exploration's seed: a whole number, or "random" (fresh each run)
  std::string found_dir = "reports/found";  // divergences written as case files, replayed before exploring
  std::string reference;     // exploration compares with this target instead of the contract's model
  int max_transport_errors = 3;    // consecutive unanswered requests that stop the run; 0: never
  std::string deadline;            // "10m"; empty: none
  bool no_preflight = false;       // skip the list call that checks the target before the cases
  std::string max_body = "8MB";
  std::string config_path;         // --config; empty: ./conform.json if it exists
  std::string progress = "auto";   // the live line on a terminal: auto, on, off
  bool silent = false;             // no summary either (conform profile -q prints its own)
  bool read_config = true;         // conform profile: its own flags say everything; no conform.json
  std::set<std::string> given;     // flags given on the command line (they beat the config file)
};

struct MockCommandOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  std::string readonly_token;
  std::string site_id;  // requests without this wix-site-id are refused, as a site-level API key's
  std::vector<std::string> faults;
  std::vector<std::string> delays;  // "20ms" or "put=20ms"
  std::string jitter;
  int throttle_every = 0;  // every Nth request answers 429 with Retry-After
  int retry_after_s = 1;
  int max_page = 0;  // a conformant variant: no list page holds more (0: as asked)
  bool tls = false;          // HTTPS, with a CA and certificate made at start unless tls_cert is given
  std::string tls_cert;      // PEM certificate and key of your own (imply --tls)
  std::string tls_key;
  std::string tls_dir;       // where the made CA, certificate and key go; empty: a new temporary folder
  std::string state_file;    // the store, loaded at start and saved at stop; empty: memory only
  std::vector<std::string> variants;  // conformant differences: how answers are written (mock/wire_style.h), what a server may do (mock/freedoms.h)
  bool verbose = false;
};

struct LoadCommandOptions {
  std::string target;                 // empty: the embedded mock
  std::string token;                  // flag, else CONFORM_TOKEN
  std::string site_id;                // wix-site-id header (flag, else CONFORM_SITE_ID)
  std::string account_id;             // wix-account-id header (flag, else CONFORM_ACCOUNT_ID)
  std::string rate = "100/s";         // or "max": closed loop, as fast as the connections go
  std::string duration = "10s";
  uint64_t requests = 0;              // 0: rate x duration
  int connections = 8;
  long timeout_ms = 10000;
  int oracle_every = 50;
  int max_retries = 3;
  std::vector<std::string> latency_budgets;
  std::string json_path;              // empty: no JSON file
  bool allow_mutations = false;
  std::vector<std::string> mock_faults;
  std::vector<std::string> mock_delays;
  std::string mock_jitter;
  std::string run_id;
  bool quiet = false;
};

// `conform cleanup`: leftovers of interrupted runs.
struct CleanupOptions {
  std::string target;
  std::string token;
  std::string site_id;
  std::string account_id;
  std::string prefix = "conform-";
  bool yes = false;
  bool allow_mutations = false;
  long timeout_ms = 10000;
};

// `conform profile`: the choices a server made where the contract leaves it free.
struct ProfileOptions {
  std::string target;            // empty: the embedded mock
  std::string token;             // flag, else CONFORM_TOKEN
  std::string reference;         // profile this target too and compare the two
  std::string reference_token;   // empty: the same token
  std::vector<std::string> diff;  // two profile files to compare; nothing is sent
  std::string output = "reports/profile.json";
  std::string reference_output = "reports/profile-reference.json";
  std::string reports_dir = "reports/profile";  // the probes' run: junit.xml, report.json, report.html
  std::string probes_dir;
  std::string schemas_dir;
  std::string site_id;
  std::string account_id;
  std::string rate;              // as conform run: none on loopback, 150/m elsewhere
  std::string cacert;
  bool insecure = false;
  bool allow_mutations = false;
  long timeout_ms = 10000;
  int max_retries = 3;
  // Each probe's run stops starting probes after this long (as conform run --deadline): a slow
  // server's limit searches are bounded in time, not only in tries.
  std::string deadline = "10m";
  bool quiet = false;
};

struct MergeCommandOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string junit;
  std::string html;
};

enum class Command { kNone, kRun, kMock, kList, kFaults, kLoad, kMerge, kLint, kCleanup, kOpenApi, kProfile };

struct CommandLine {
  Command command = Command::kNone;
  RunOptions run;
  MockCommandOptions mock;
  LoadCommandOptions load;
  MergeCommandOptions merge;
  CleanupOptions cleanup;
  ProfileOptions profile;
  Selection list;
  std::string list_schemas_dir;
  std::string list_config;               // conform list/lint --config; empty: ./conform.json if present
  std::set<std::string> list_given;      // their selection flags given (they beat the config file)
  std::string openapi_output;  // conform openapi -o; empty: stdout
};

}  // namespace conform
