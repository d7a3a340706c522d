// Leftover cleanup: page through the list call, pick names with the prefix, delete them.
#include "commands/cleanup_command.h"

#include <iostream>
#include <vector>

#include "cli/exit_codes.h"
#include "contract/connection_rules.h"
#include "http/curl_transport.h"
#include "http/guarded_transport.h"
#include "http/target_url.h"
#include "run/request_builder.h"
#include "text/json_text.h"

namespace conform {
namespace {

constexpr int kPageSize = 100;
constexpr int kMaxPages = 1000;  // 100 000 connections: bounded even against a server that pages forever

int Fail(int code, const std::string& message) {
  std::cerr << "conform: " << message << "\n";
  return code;
}

// Collects the names with the prefix; false with *err if a page can't be read.
bool FindLeftovers(Transport& transport, const std::string& base, const CleanupOptions& options,
                   const Credentials& credentials, std::vector<std::string>* names, std::string* err) {
  for (int page = 0; page < kMaxPages; ++page) {
    const HttpRequest list = ListRequest(base, kPageSize, page * kPageSize, credentials);
    HttpResponse response = transport.Send(list);
    if (!response.ok()) {
      *err = response.error_message;
      return false;
    }
    nlohmann::json body = ParseJsonText(response.body);
    if (response.status != 200 || !body.is_object()) {
      *err = "GET " + list.url + " answered " + std::to_string(response.status);
      return false;
    }
    const nlohmann::json items = body.value("externalDatabaseConnections", nlohmann::json::array());
    for (const auto& item : items) {
      const std::string name = NameOf(item);
      if (name.rfind(options.prefix, 0) == 0) names->push_back(name);
    }
    if (items.size() < static_cast<size_t>(kPageSize)) return true;
  }
  return true;
}

}  // namespace

int RunCleanupCommand(const CleanupOptions& options) {
  std::string base, err;
  if (!NormaliseTarget(options.target, &base, &err)) return Fail(kExitUsage, err);
  if (options.prefix.rfind("conform-", 0) != 0) {
    return Fail(kExitUsage, "--prefix " + options.prefix + ": must start with conform- (cleanup touches only conform's names)");
  }
  if (options.yes && !IsLoopbackTarget(base) && !options.allow_mutations) {
    return Fail(kExitUsage, "--target " + base + " is not this machine; add --allow-mutations to delete there");
  }
  CurlOptions curl;
  curl.timeout_ms = options.timeout_ms;
  CurlTransport raw(curl);
  // Paced off this machine as a run is, and 429/503 answers retried as Retry-After says.
  GatePolicy policy;
  if (!IsLoopbackTarget(base)) policy.min_interval_us = 400'000;  // 150 a minute
  RequestGate gate(policy);
  GuardedTransport transport(raw, gate);
  Credentials credentials;
  credentials.token = options.token;
  if (!MakeIdentity(options.site_id, options.account_id, {}, &credentials.identity, &err)) return Fail(kExitUsage, err);
  std::vector<std::string> names;
  if (!FindLeftovers(transport, base, options, credentials, &names, &err)) return Fail(kExitUnreachable, err);
  for (const std::string& name : names) std::cout << name << "\n";
  if (!options.yes) {
    std::cout << names.size() << " connections start with " << options.prefix
              << (names.empty() ? "" : "; run again with --yes to delete them") << "\n";
    return kExitOk;
  }
  int failed = 0;
  for (const std::string& name : names) {
    HttpRequest request = NameRequest("DELETE", base, name, credentials);
    request.cleanup = true;
    HttpResponse response = transport.Send(request);
    if (DeleteLeftNothing(response)) continue;
    ++failed;
    std::cerr << "conform: could not delete " << name << ": "
              << (response.ok() ? "answered " + std::to_string(response.status) : response.error_message) << "\n";
  }
  std::cout << "deleted " << names.size() - failed << " of " << names.size() << " connections"
            << (gate.retries() ? "; " + std::to_string(gate.retries()) + " requests retried after 429/503" : "") << "\n";
  return failed ? kExitFailed : kExitOk;
}

}  // namespace conform
