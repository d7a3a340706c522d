// Flags and subcommands (CLI11). The only file that knows flag spellings.
#include "cli/command_line.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"
#include "mock/freedoms.h"
#include "mock/wire_style.h"

namespace conform {
namespace {

CLI::App* run_command_ = nullptr;  // to read which run flags were given, after parsing
std::vector<CLI::App*> selection_commands_;  // list and lint: the same, for their selection flags

void AddSelectionFlags(CLI::App* app, Selection* selection) {
  app->add_option("--cases", selection->cases_dir, "Folder of case files (*.json)")->capture_default_str();
  app->add_option("--filter", selection->filter, "Run only cases whose id matches this glob (e.g. 'replace-*')");
  app->add_option("--tag", selection->tags, "Run only cases carrying this tag (repeatable: all must match)");
  app->add_option("--exclude", selection->excludes, "Leave out cases whose id matches this glob (repeatable)");
  app->add_option("--exclude-tag", selection->exclude_tags, "Leave out cases carrying this tag (repeatable)");
}

// CLI::Range, but a value that is no whole number is called that: Range alone answers
// "--repeat abc" with "Value abc not in range 1 to 100000".
template <typename T>
CLI::Validator WholeNumberIn(T min, T max) {
  const std::string bounds = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, bounds](std::string& text) -> std::string {
        T value{};
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (error != std::errc() || stop != end) return "\"" + text + "\" is not a whole number";
        if (value < min || value > max) return text + " is outside " + bounds;
        return "";
      },
      "INT in [" + std::to_string(min) + " - " + std::to_string(max) + "]");
}

CLI::Validator RunIdValidator() {
  return CLI::Validator(
      [](std::string& s) {
        return s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos && !s.empty() &&
                       s.size() <= 32
                   ? std::string()
                   : std::string("use 1-32 of a-z, 0-9 and '-'");
      },
      "RUNID");
}

const char* kRunExample =
    "\nExamples:\n"
    "  conform run                                  # whole suite against the embedded mock\n"
    "  conform run --target http://127.0.0.1:8080 --token T\n"
    "  conform run --filter 'replace-*' --tag configuration\n"
    "\nExit codes: 0 passed, 1 a check failed, 2 usage/case/schema error, 3 target unreachable or stopped answering,\n"
    "4 a secret reached a file (deleted), 130 interrupted.\n";

void AddRunCommand(CLI::App& app, CommandLine* out) {
  RunOptions& run = out->run;
  CLI::App* cmd = app.add_subcommand("run", "Run the cases against a target (default: the embedded mock)");
  cmd->footer(kRunExample);
  cmd->add_option("--target", run.target, "Base URL of the service, e.g. http://127.0.0.1:8080");
  cmd->add_option("--token", run.token, "Authorization value sent with every request (default: $CONFORM_TOKEN)");
  cmd->add_option("--readonly-token", run.readonly_token, "A token that may read but not write (enables 403 cases)");
  AddSelectionFlags(cmd, &run.selection);
  cmd->add_option("--schemas", run.schemas_dir, "Folder of JSON Schemas")->capture_default_str();
  cmd->add_option("--junit", run.junit_path, "JUnit XML report path")->capture_default_str();
  cmd->add_option("--json", run.json_path, "JSON report path")->capture_default_str();
  cmd->add_option("--html", run.html_path, "HTML report path (one self-contained file)")->capture_default_str();
  cmd->add_option("--junit-profile", run.junit_profile, "strict: valid against both JUnit XSDs; rich: adds file= and totals")
      ->capture_default_str()->check(CLI::IsMember({"strict", "rich"}));
  cmd->add_option("--redact-header", run.redact_headers, "Hide this header's value everywhere (repeatable)");
  cmd->add_option("--redact", run.redact_pointers,
                  "Hide the value at this JSON pointer in every body, e.g. /externalDatabaseConnection/configuration/password");
  cmd->add_option("--save-requests", run.save_requests_dir, "Write every exchange of the run, redacted, into this folder");
  cmd->add_option("--shard", run.shard, "Run only shard i of n (e.g. 2/4): a stable, balanced split by case id");
  cmd->add_option("--site-id", run.site_id, "Send wix-site-id (site-level API keys; default: $CONFORM_SITE_ID)");
  cmd->add_option("--account-id", run.account_id, "Send wix-account-id (default: $CONFORM_ACCOUNT_ID)");
  cmd->add_option("--cacert", run.cacert, "Trust this PEM bundle instead of the system CA store")->check(CLI::ExistingFile);
  cmd->add_flag("--insecure", run.insecure, "Skip TLS certificate checks (warned about, and noted in every report)");
  cmd->add_option("--proxy", run.proxy, "Proxy URL (default: the https_proxy / no_proxy environment)");
  cmd->add_option("--rate", run.rate, "Most requests per second or minute, e.g. 150/m (default: 150/m off loopback)");
  cmd->add_option("--explore", run.explore,
                  "After the cases, send N generated operations and judge each against the contract's model "
                  "(default: 300 on this machine, 40 elsewhere; 0: none)")
      ->check(WholeNumberIn(0, 100000));
  cmd->add_option("--seed", run.seed,
                  "Exploration's seed: random (a fresh one each run) or a whole number that replays a run; printed "
                  "first and last, and in every report")
      ->capture_default_str();
  cmd->add_option("--found", run.found_dir,
                  "Where exploration writes a divergence as a case file; the case files already there are replayed "
                  "before exploring, each its own testcase found/<file>")
      ->capture_default_str();
  cmd->add_option("--reference", run.reference,
                  "Exploration sends every operation to this target too and compares, instead of the contract's model");
  cmd->add_option("--max-retries", run.max_retries, "Retries after 429 or 503, honouring Retry-After")
      ->capture_default_str()->check(WholeNumberIn(0, 10));
  cmd->add_option("--max-retry-wait", run.max_retry_wait,
                  "Longest pause a Retry-After may ask for; a longer one is not retried early: the request ends as an error")
      ->capture_default_str();
  cmd->add_option("--list-settle", run.list_settle,
                  "How long a list check that fails (a name missing or listed, a stale view) is walked again before it "
                  "is reported, as a list may lag a write; 0: once more at once")
      ->capture_default_str();
  cmd->add_option("--max-transport-errors", run.max_transport_errors,
                  "Stop the run after this many requests in a row get no HTTP answer (0: never)")
      ->capture_default_str()->check(WholeNumberIn(0, 1000));
  cmd->add_option("--deadline", run.deadline,
                  "Stop starting cases after this long (e.g. 10m), clean up, report what did not run");
  cmd->add_flag("--no-preflight", run.no_preflight,
                "Skip the list call that checks target and credentials before the first case (for servers without list)");
  cmd->add_option("--max-body", run.max_body, "Largest response body read; bigger is an error")->capture_default_str();
  cmd->add_option("--config", run.config_path, "A JSON config file (default: ./conform.json if present)")
      ->check(CLI::ExistingFile);
  run_command_ = cmd;
  cmd->add_flag("--strict", run.strict, "Let should-level findings fail the run too");
  cmd->add_option("--timeout", run.timeout_ms, "Whole-request timeout in milliseconds")
      ->capture_default_str()->check(WholeNumberIn(1L, 3600000L));
  cmd->add_option("--connect-timeout", run.connect_timeout_ms, "Connect timeout in milliseconds")
      ->capture_default_str()->check(WholeNumberIn(1L, 600000L));
  cmd->add_option("--mock-fault", run.mock_faults, "Break the embedded mock on purpose (see 'conform faults')");
  cmd->add_option("--mock-delay", run.mock_delays, "Slow the embedded mock: 20ms, or put=20ms (repeatable)");
  cmd->add_option("--mock-jitter", run.mock_jitter, "Add up to this much random delay to the embedded mock");
  cmd->add_option("--repeat", run.repeat, "Run each selected case N times; every run counts")
      ->capture_default_str()->check(WholeNumberIn(1, 100000));
  cmd->add_option("--warmup", run.warmup, "Discarded runs of each case before the counted ones")
      ->capture_default_str()->check(WholeNumberIn(0, 100000));
  cmd->add_option("--latency-budget", run.latency_budgets,
                  "A latency goal as its own testcase: KIND.STAT=DURATION, e.g. put.p95=200ms (repeatable)");
  cmd->add_option("--baseline", run.baseline_path, "An earlier report.json to compare percentiles with");
  cmd->add_option("--max-regression", run.max_regression, "Allowed percentile growth over the baseline")
      ->capture_default_str();
  cmd->add_option("--regression-noise", run.regression_noise, "Differences below this never count as regressions")
      ->capture_default_str();
  cmd->add_option("--run-id", run.run_id, "Prefix part for connection names (default: random)")
      ->check(RunIdValidator());
  cmd->add_flag("--allow-mutations", run.allow_mutations,
                "Allow creating, updating and deleting connections on a target that is not this machine");
  cmd->add_flag("-v,--verbose", run.verbose, "Print every request and response (redacted)");
  cmd->add_flag("-q,--quiet", run.quiet, "Print only the summary");
  cmd->add_option("--progress", run.progress,
                  "A live line on a terminal (stderr): auto shows it when the run is paced or long, not under CI")
      ->capture_default_str()->check(CLI::IsMember({"auto", "on", "off"}));
  cmd->callback([out] { out->command = Command::kRun; });
}

void AddLoadCommand(CLI::App& app, CommandLine* out) {
  LoadCommandOptions& load = out->load;
  CLI::App* cmd = app.add_subcommand("load", "Open-loop load of full-replace PUTs, with latency from intended send time");
  cmd->footer(
      "\nExamples:\n"
      "  conform load --rate 500/s --duration 10s             # the embedded mock\n"
      "  conform load --target http://127.0.0.1:8080 --token T --rate max --requests 100000 --connections 1\n"
      "\nExit codes: 0 no errors and budgets met, 1 errors or a budget missed, 2 usage, 3 target unreachable.\n");
  cmd->add_option("--target", load.target, "Base URL of the service (default: the embedded mock)");
  cmd->add_option("--token", load.token, "Authorization value (default: $CONFORM_TOKEN)");
  cmd->add_option("--site-id", load.site_id, "Send wix-site-id (default: $CONFORM_SITE_ID)");
  cmd->add_option("--account-id", load.account_id, "Send wix-account-id (default: $CONFORM_ACCOUNT_ID)");
  cmd->add_option("--rate", load.rate, "Requests per second (500/s), or max for a closed loop")->capture_default_str();
  cmd->add_option("--duration", load.duration, "How long to send (10s, 1m)")->capture_default_str();
  cmd->add_option("--requests", load.requests, "Stop after this many requests (default: rate x duration)")
      ->check(WholeNumberIn(uint64_t{1}, uint64_t{100'000'000}));
  cmd->add_option("--connections", load.connections, "Connections, each with a connection name of its own")
      ->capture_default_str()->check(WholeNumberIn(1, 1024));
  cmd->add_option("--max-retries", load.max_retries, "Retries after 429 or 503, honouring Retry-After")
      ->capture_default_str()->check(WholeNumberIn(0, 10));
  cmd->add_option("--timeout", load.timeout_ms, "Per-request timeout in milliseconds")
      ->capture_default_str()->check(WholeNumberIn(1L, 600000L));
  cmd->add_option("--oracle-every", load.oracle_every, "Read back every Nth PUT of a connection (0: never)")
      ->capture_default_str()->check(WholeNumberIn(0, 1000000));
  cmd->add_option("--latency-budget", load.latency_budgets, "KIND.STAT=DURATION, e.g. put.p99=50ms (repeatable)");
  cmd->add_option("--json", load.json_path, "Write the result as JSON to this file");
  cmd->add_flag("--allow-mutations", load.allow_mutations, "Allow a target that is not this machine");
  cmd->add_option("--mock-fault", load.mock_faults, "Break the embedded mock on purpose");
  cmd->add_option("--mock-delay", load.mock_delays, "Slow the embedded mock: 20ms, or put=20ms");
  cmd->add_option("--mock-jitter", load.mock_jitter, "Random extra delay of the embedded mock");
  cmd->add_option("--run-id", load.run_id, "Prefix part for connection names (default: random)")->check(RunIdValidator());
  cmd->add_flag("-q,--quiet", load.quiet, "Print only the result line");
  cmd->callback([out] { out->command = Command::kLoad; });
}

// The --variant names with what each does, from the mock's own lists so help never drifts from them.
std::string MockVariantsFooter() {
  std::string footer = "Variants (--variant NAME), each conformant:\n  how answers are written:\n";
  for (const auto& [name, what] : WireVariants()) footer += "    " + name + ": " + what + "\n";
  footer += "  what a server may refuse, add or leave out:\n";
  for (const auto& [name, what] : FreedomVariants()) footer += "    " + name + ": " + what + "\n";
  return footer;
}

void AddMockCommand(CLI::App& app, CommandLine* out) {
  MockCommandOptions& mock = out->mock;
  CLI::App* cmd = app.add_subcommand("mock", "Serve the embedded mock of the API until interrupted");
  cmd->add_option("--host", mock.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", mock.port, "Port to listen on (0: any free port)")
      ->capture_default_str()->check(WholeNumberIn(0, 65535));
  cmd->add_option("--token", mock.token, "The only Authorization value accepted (default: any non-empty)");
  cmd->add_option("--readonly-token", mock.readonly_token, "A token that may read but gets 403 on writes");
  cmd->add_option("--site-id", mock.site_id, "Refuse (401) requests without this wix-site-id, as a site-level API key");
  cmd->add_option("--fault", mock.faults, "Break a rule on purpose (repeatable; see 'conform faults')");
  cmd->add_option("--delay", mock.delays, "Answer this much later: 20ms, or put=20ms for one call kind (repeatable)");
  cmd->add_option("--jitter", mock.jitter, "Add up to this much random delay (e.g. 5ms)");
  cmd->add_option("--throttle-every", mock.throttle_every,
                  "Answer every Nth request with 429 and Retry-After, as a rate-limited Wix does (0: never)")
      ->capture_default_str()->check(WholeNumberIn(0, 1000000));
  cmd->add_option("--retry-after", mock.retry_after_s, "Seconds the 429 and transient-503 answers ask clients to wait")
      ->capture_default_str()->check(WholeNumberIn(0, 3600));
  cmd->add_option("--max-page", mock.max_page,
                  "Hold at most N connections on a list page, whatever paging.limit asks (a server's own cap; 0: none)")
      ->capture_default_str()->check(WholeNumberIn(0, 100));
  cmd->add_flag("--tls", mock.tls, "Serve HTTPS with a certificate made at start; prints the CA file to trust");
  cmd->add_option("--tls-cert", mock.tls_cert, "Serve HTTPS with this PEM certificate (with --tls-key)")->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", mock.tls_key, "The PEM private key of --tls-cert")->check(CLI::ExistingFile);
  cmd->add_option("--tls-dir", mock.tls_dir, "Where --tls writes ca.pem, cert.pem and key.pem (default: a new temporary folder)");
  cmd->add_option("--variant", mock.variants,
                  "Answer differently where the contract allows (repeatable; the variants are listed below)");
  cmd->add_option("--state", mock.state_file, "Load the connections from FILE at start (if it exists) and save them there at stop");
  cmd->add_flag("-v,--verbose", mock.verbose, "Log each request (method, path, status) on stderr");
  cmd->footer(MockVariantsFooter());
  cmd->callback([out] { out->command = Command::kMock; });
}

void AddListCommand(CLI::App& app, CommandLine* out) {
  CLI::App* cmd = app.add_subcommand("list", "List the selected cases; sends nothing");
  CLI::App* lint = app.add_subcommand("lint", "Check schemas and case files, listing every problem; sends nothing");
  for (CLI::App* command : {cmd, lint}) {
    AddSelectionFlags(command, &out->list);
    command->add_option("--schemas", out->list_schemas_dir, "Folder of JSON Schemas")->capture_default_str();
    command->add_option("--config", out->list_config,
                        "A JSON config file whose selection (filter, tags, exclude, ...) applies, as for run "
                        "(default: ./conform.json if present)");
    selection_commands_.push_back(command);
  }
  cmd->callback([out] { out->command = Command::kList; });
  lint->callback([out] { out->command = Command::kLint; });
}

void AddCleanupCommand(CLI::App& app, CommandLine* out) {
  CleanupOptions& cleanup = out->cleanup;
  CLI::App* cmd = app.add_subcommand("cleanup", "List (and with --yes delete) leftovers of interrupted runs");
  cmd->add_option("--target", cleanup.target, "Base URL of the service")->required();
  cmd->add_option("--token", cleanup.token, "Authorization value (default: $CONFORM_TOKEN)");
  cmd->add_option("--site-id", cleanup.site_id, "Send wix-site-id (default: $CONFORM_SITE_ID)");
  cmd->add_option("--account-id", cleanup.account_id, "Send wix-account-id (default: $CONFORM_ACCOUNT_ID)");
  cmd->add_option("--prefix", cleanup.prefix, "Only names starting with this (must start with conform-)")
      ->capture_default_str();
  cmd->add_flag("--yes", cleanup.yes, "Delete them (default: only list)");
  cmd->add_flag("--allow-mutations", cleanup.allow_mutations, "Allow deleting on a target that is not this machine");
  cmd->callback([out] { out->command = Command::kCleanup; });
}

const char* kProfileExample =
    "\nExamples:\n"
    "  conform profile                                        # the embedded mock's choices\n"
    "  conform profile --target http://127.0.0.1:8080 --token T -o mine.json\n"
    "  conform profile --diff wix.json mine.json             # exit 1 when a choice differs\n"
    "  conform profile --target http://127.0.0.1:8080 --reference http://127.0.0.1:9090 --token T\n";

void AddProfileCommand(CLI::App& app, CommandLine* out) {
  ProfileOptions& profile = out->profile;
  CLI::App* cmd = app.add_subcommand(
      "profile", "The choices a server made where the contract leaves it free; compare two servers' choices");
  cmd->footer(kProfileExample);
  cmd->add_option("--target", profile.target, "Base URL of the service (default: the embedded mock)");
  cmd->add_option("--token", profile.token, "Authorization value sent with every request (default: $CONFORM_TOKEN)");
  cmd->add_option("--reference", profile.reference, "Profile this target too, and compare (exit 1 when a choice differs)");
  cmd->add_option("--reference-token", profile.reference_token, "Authorization for --reference (default: --token)");
  CLI::Option* diff =
      cmd->add_option("--diff", profile.diff, "Compare two profile files; sends nothing (exit 1 when a choice differs)")
          ->expected(2)->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", profile.output, "Where the profile is written")->capture_default_str();
  cmd->add_option("--reference-output", profile.reference_output, "Where the reference's profile is written")
      ->capture_default_str();
  cmd->add_option("--reports", profile.reports_dir, "Folder for the probes' run reports (JUnit, JSON, HTML)")
      ->capture_default_str();
  cmd->add_option("--probes", profile.probes_dir, "Folder of probe files (*.json)")->capture_default_str();
  cmd->add_option("--schemas", profile.schemas_dir, "Folder of JSON Schemas")->capture_default_str();
  cmd->add_option("--site-id", profile.site_id, "Send wix-site-id (default: $CONFORM_SITE_ID)");
  cmd->add_option("--account-id", profile.account_id, "Send wix-account-id (default: $CONFORM_ACCOUNT_ID)");
  cmd->add_option("--rate", profile.rate, "Pace requests, e.g. 150/m (default: none on loopback, 150/m elsewhere)");
  cmd->add_option("--cacert", profile.cacert, "Trust this CA bundle");
  cmd->add_flag("--insecure", profile.insecure, "Skip TLS certificate checks");
  cmd->add_option("--timeout", profile.timeout_ms, "Bound on each whole request (ms)")
      ->capture_default_str()->check(WholeNumberIn(1L, 3600000L));
  cmd->add_option("--max-retries", profile.max_retries, "Retries after 429 or 503")
      ->capture_default_str()->check(WholeNumberIn(0, 20));
  cmd->add_flag("--allow-mutations", profile.allow_mutations,
                "Allow creating, updating and deleting connections on a target that is not this machine");
  cmd->add_option("--deadline", profile.deadline, "Stop starting probes after this long, clean up, report the rows not read")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", profile.quiet, "Print only the profile or the differences");
  // --diff compares files and sends nothing: a flag about sending beside it is a mistake to say.
  for (const char* sending : {"--target", "--token", "--reference", "--reference-token", "--rate", "--deadline", "--allow-mutations",
                              "--site-id", "--account-id", "--probes", "--reports", "-o"}) {
    diff->excludes(cmd->get_option(sending));
  }
  cmd->get_option("--reference-token")->needs(cmd->get_option("--reference"));
  cmd->get_option("--reference-output")->needs(cmd->get_option("--reference"));
  cmd->callback([out] { out->command = Command::kProfile; });
}

void AddMergeCommand(CLI::App& app, CommandLine* out) {
  MergeCommandOptions& merge = out->merge;
  CLI::App* cmd = app.add_subcommand("merge", "Combine shard reports: report.json files, or JUnit XML files");
  cmd->add_option("inputs", merge.inputs, "Reports to merge (all .json or all .xml)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", merge.output, "The merged report (.json or .xml)")->required();
  cmd->add_option("--junit", merge.junit, "JSON inputs: also write the merged run as JUnit XML");
  cmd->add_option("--html", merge.html, "JSON inputs: also write the merged run as HTML");
  cmd->callback([out] { out->command = Command::kMerge; });
}

void AddOpenApiCommand(CLI::App& app, CommandLine* out) {
  CLI::App* cmd = app.add_subcommand("openapi", "Print the contract as an OpenAPI 3.1 document, generated from the schemas");
  cmd->add_option("-o,--output", out->openapi_output, "Write it to this file instead of stdout");
  cmd->add_option("--schemas", out->list_schemas_dir, "Folder of JSON Schemas")->capture_default_str();
  cmd->callback([out] { out->command = Command::kOpenApi; });
}

void AddFaultsCommand(CLI::App& app, CommandLine* out) {
  CLI::App* cmd = app.add_subcommand("faults", "List the mock's deliberate faults");
  cmd->callback([out] { out->command = Command::kFaults; });
}

}  // namespace

std::string DefaultDataDir(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(name, ec)) return name;
  // Installed: <prefix>/bin/conform finds <prefix>/share/conform/<name>, wherever the prefix is.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "conform" / name;
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return std::string(CONFORM_SOURCE_DIR) + "/" + name;  // a build tree: the sources beside it
}

int ParseCommandLine(int argc, const char* const* argv, CommandLine* out) {
  out->run.selection.cases_dir = DefaultDataDir("cases");
  out->run.schemas_dir = DefaultDataDir("schemas");
  out->list.cases_dir = out->run.selection.cases_dir;
  out->list_schemas_dir = out->run.schemas_dir;
  out->profile.probes_dir = DefaultDataDir("probes");
  out->profile.schemas_dir = out->run.schemas_dir;
  if (const char* token = std::getenv("CONFORM_TOKEN")) {
    out->run.token = out->load.token = out->cleanup.token = out->profile.token = token;
  }
  if (const char* site = std::getenv("CONFORM_SITE_ID")) {
    out->run.site_id = out->load.site_id = out->cleanup.site_id = out->profile.site_id = site;
  }
  if (const char* account = std::getenv("CONFORM_ACCOUNT_ID")) {
    out->run.account_id = out->load.account_id = out->cleanup.account_id = out->profile.account_id = account;
  }

  CLI::App app("conform: contract tests for Wix Data's Update External Database Connection API", "conform");
  app.set_version_flag("--version", std::string("conform ") + CONFORM_VERSION);
  app.require_subcommand(1);
  AddRunCommand(app, out);
  AddMockCommand(app, out);
  AddListCommand(app, out);
  AddLoadCommand(app, out);
  AddMergeCommand(app, out);
  AddCleanupCommand(app, out);
  AddFaultsCommand(app, out);
  AddOpenApiCommand(app, out);
  AddProfileCommand(app, out);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "conform: " << e.what() << " (see conform --help)\n";
    return kExitUsage;
  }
  for (const CLI::Option* option : run_command_->get_options()) {
    if (option->count() > 0) out->run.given.insert(option->get_name());
  }
  for (const CLI::App* command : selection_commands_) {
    for (const CLI::Option* option : command->get_options()) {
      if (option->count() > 0) out->list_given.insert(option->get_name());
    }
  }
  return -1;
}

}  // namespace conform
