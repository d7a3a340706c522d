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

// Who conform is on the target. Every request conform sends is built here, and carries
// Authorization as its AuthMode says and every identity header: a site-level API key is refused
// without wix-site-id, so a request that left them out would be judged as refused by the server.
struct Credentials {
  std::string token;
  std::string readonly_token;
  std::string wrong_token = "conform-wrong-token-0000";
  Headers identity;  // wix-site-id or wix-account-id, and the config file's headers
};

// The identity headers a Wix API key needs one of (docs/contract.md section 5).
constexpr char kSiteIdHeader[] = "wix-site-id";
constexpr char kAccountIdHeader[] = "wix-account-id";

// The identity headers of --site-id, --account-id and a config file's headers: Wix takes a site
// or an account id, never both (docs/contract.md section 5). false with *err naming the flags.
bool MakeIdentity(const std::string& site_id, const std::string& account_id, const Headers& config_headers,
                  Headers* identity, std::string* err);

// Authorization for `auth` (none for AuthMode::kNone) and every identity header, each unless
// `headers` already has it.
void AddCredentials(AuthMode auth, const Credentials& credentials, Headers* headers);

// GET of the collection: one page of `limit` from `offset`, with the run's token.
HttpRequest ListRequest(const std::string& base_url, long limit, long offset, const Credentials& credentials);

// POST of the collection with `body` (JSON text), with the run's token.
HttpRequest CreateRequest(const std::string& base_url, const std::string& body, const Credentials& credentials);

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
