// Paths, headers and bodies of the requests a case sends.
#include "run/request_builder.h"

#include <strings.h>

#include <algorithm>

#include "contract/connection_rules.h"
#include "text/json_text.h"
#include "text/percent.h"

namespace conform {
namespace {

const char* MethodOf(CallKind call) {
  switch (call) {
    case CallKind::kCreate: return "POST";
    case CallKind::kUpdate: return "PUT";
    case CallKind::kDelete: return "DELETE";
    default: return "GET";
  }
}

void SetHeader(Headers* headers, const std::string& name, const std::string& value) {
  for (auto& header : *headers) {
    if (strcasecmp(header.first.c_str(), name.c_str()) == 0) {
      header.second = value;
      return;
    }
  }
  headers->emplace_back(name, value);
}

bool HasHeader(const Headers& headers, const std::string& name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return strcasecmp(h.first.c_str(), name.c_str()) == 0; });
}

}  // namespace

bool MakeIdentity(const std::string& site_id, const std::string& account_id, const Headers& config_headers,
                  Headers* identity, std::string* err) {
  if (!site_id.empty() && !account_id.empty()) {
    *err = "--site-id and --account-id: Wix takes one or the other, not both";
    return false;
  }
  identity->clear();
  if (!site_id.empty()) identity->emplace_back(kSiteIdHeader, site_id);
  if (!account_id.empty()) identity->emplace_back(kAccountIdHeader, account_id);
  for (const auto& header : config_headers) {
    if (!HasHeader(*identity, header.first)) identity->push_back(header);
  }
  return true;
}

void AddCredentials(AuthMode auth, const Credentials& c, Headers* headers) {
  const std::string* value = nullptr;
  switch (auth) {
    case AuthMode::kToken: value = &c.token; break;
    case AuthMode::kWrong: value = &c.wrong_token; break;
    case AuthMode::kReadonly: value = &c.readonly_token; break;
    case AuthMode::kNone: break;
  }
  if (value && !value->empty() && !HasHeader(*headers, "Authorization")) headers->emplace_back("Authorization", *value);
  for (const auto& header : c.identity) {
    if (!HasHeader(*headers, header.first)) headers->push_back(header);
  }
}

bool BuildRequest(const RequestSpec& spec, const Variables& vars, const std::string& base_url,
                  const Credentials& credentials, HttpRequest* out, std::optional<nlohmann::json>* expanded_body,
                  std::string* err) {
  HttpRequest r;
  r.method = MethodOf(spec.call);
  std::string path;
  if (!spec.path.empty()) {
    if (!vars.Expand(spec.path, &path, err)) return false;
  } else if (spec.call == CallKind::kCreate || spec.call == CallKind::kList) {
    path = kCollectionPath;
  } else {
    std::string name;
    if (!vars.Expand(spec.name, &name, err)) return false;
    path = std::string(kCollectionPath) + "/" + UrlEncode(name);
  }
  std::string query;
  for (const auto& [key, value_template] : spec.query) {
    std::string value;
    if (!vars.Expand(value_template, &value, err)) return false;
    query += (query.empty() ? "?" : "&") + UrlEncode(key) + "=" + UrlEncode(value);
  }
  r.url = base_url + path + query;

  r.headers.emplace_back("Accept", "application/json");
  expanded_body->reset();
  if (spec.body) {
    nlohmann::json body;
    if (!vars.ExpandJson(*spec.body, &body, err)) return false;
    r.has_body = true;
    r.body = DumpJson(body);
    *expanded_body = body;
  } else if (spec.raw_body) {
    if (!vars.Expand(*spec.raw_body, &r.body, err)) return false;
    r.has_body = true;
  }
  if (r.has_body) r.headers.emplace_back("Content-Type", "application/json");
  // The case's own headers first: they win over the run's credentials and identity.
  for (const auto& [name, value_template] : spec.headers) {
    std::string value;
    if (!vars.Expand(value_template, &value, err)) return false;
    SetHeader(&r.headers, name, value);
  }
  AddCredentials(spec.auth, credentials, &r.headers);
  *out = std::move(r);
  return true;
}

HttpRequest NameRequest(const std::string& method, const std::string& base_url, const std::string& name,
                        const Credentials& credentials) {
  HttpRequest r;
  r.method = method;
  r.url = base_url + kCollectionPath + "/" + UrlEncode(name);
  r.headers.emplace_back("Accept", "application/json");
  AddCredentials(AuthMode::kToken, credentials, &r.headers);
  return r;
}

HttpRequest ListRequest(const std::string& base_url, long limit, long offset, const Credentials& credentials) {
  HttpRequest r;
  r.method = "GET";
  r.url = base_url + kCollectionPath + "?paging.limit=" + std::to_string(limit);
  if (offset > 0) r.url += "&paging.offset=" + std::to_string(offset);
  r.headers.emplace_back("Accept", "application/json");
  AddCredentials(AuthMode::kToken, credentials, &r.headers);
  return r;
}

HttpRequest CreateRequest(const std::string& base_url, const std::string& body, const Credentials& credentials) {
  HttpRequest r;
  r.method = "POST";
  r.url = base_url + kCollectionPath;
  r.headers.emplace_back("Accept", "application/json");
  r.headers.emplace_back("Content-Type", "application/json");
  r.has_body = true;
  r.body = body;
  AddCredentials(AuthMode::kToken, credentials, &r.headers);
  return r;
}

HttpRequest ListPageRequest(const HttpRequest& first, long offset) {
  HttpRequest r = first;
  const size_t q = first.url.find('?');
  std::string query;
  if (q != std::string::npos) {
    size_t start = q + 1;
    while (start <= first.url.size()) {
      size_t end = first.url.find('&', start);
      if (end == std::string::npos) end = first.url.size();
      const std::string pair = first.url.substr(start, end - start);
      if (!pair.empty() && pair.rfind("paging.offset=", 0) != 0) query += (query.empty() ? "" : "&") + pair;
      start = end + 1;
    }
  }
  query += (query.empty() ? "" : "&") + std::string("paging.offset=") + std::to_string(offset);
  r.url = first.url.substr(0, q) + "?" + query;
  return r;
}

std::string NamePrefix(const std::string& run_id) { return "conform-" + run_id + "-"; }

bool CleanupLeftNothing(Transport& transport, const HttpRequest& delete_request, const HttpResponse& answer) {
  if (DeleteLeftNothing(answer)) return true;
  if (!answer.ok() || !IsBodyRefusal(answer.status)) return false;
  HttpRequest get = delete_request;
  get.method = "GET";
  const HttpResponse shown = transport.Send(get);
  return shown.ok() && (shown.status == 404 || IsBodyRefusal(shown.status));
}

bool DeleteLeftNothing(const HttpResponse& response) {
  return response.ok() && (response.status / 100 == 2 || response.status == 404);
}

}  // namespace conform
