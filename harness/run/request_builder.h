// Turns a RequestSpec with ${variables} into the HttpRequest to send. Pure.
#pragma once

#include <string>

#include "http/http_types.h"
#include "http/transport.h"
#include "load/case.h"
#include "load/variables.h"

namespace conform {

constexpr char kCollectionPath[] = "/wix-data/v1/external-database-connections";

// The prefix of every connection name a run or a load creates: "conform-<run_id>-".
std::string NamePrefix(const std::string& run_id);

struct Credentials {
  std::string token;
  std::string readonly_token;
  std::string wrong_token = "conform-wrong-token-0000";
};

// base_url has no trailing slash. *expanded_body receives the expanded JSON body, if any.
bool BuildRequest(const RequestSpec& spec, const Variables& vars, const std::string& base_url,
                  const Credentials& credentials, HttpRequest* out, std::optional<nlohmann::json>* expanded_body,
                  std::string* err);

// GET or DELETE of one name, with the run's token: the oracle's reads and cleanup.
HttpRequest NameRequest(const std::string& method, const std::string& base_url, const std::string& name,
                        const Credentials& credentials);

// The same list request (auth, headers, paging.limit) asking for the page at `offset`.
HttpRequest ListPageRequest(const HttpRequest& first, long offset);

// A cleanup DELETE left nothing behind: it answered 2xx, or 404 (the name was already gone).
bool DeleteLeftNothing(const HttpResponse& response);

// Whether a cleanup DELETE left nothing: DeleteLeftNothing, or a 400, 413 or 422 (a server that refuses the
// name as invalid, a 256-character one say, which it cannot hold either) that a GET of the same
// URL confirms: the connection is not there.
bool CleanupLeftNothing(Transport& transport, const HttpRequest& delete_request, const HttpResponse& answer);

}  // namespace conform
