#include "run/target_preflight.h"

#include <algorithm>

#include "contract/error_body.h"
#include "http/target_url.h"
#include "run/request_builder.h"
#include "run/suite_runner.h"
#include "text/json_text.h"

namespace conform {
namespace {

// "the path /api" when the base URL has one after its host, for the 404/405 hint.
std::string PathOf(const std::string& base_url) {
  const size_t host = base_url.find("://");
  const size_t slash = host == std::string::npos ? std::string::npos : base_url.find('/', host + 3);
  return slash == std::string::npos ? "" : base_url.substr(slash);
}

std::string With(const std::string& code) { return code.empty() ? "" : " (" + code + ")"; }

// Why a target that answered cannot be tested as given; empty when it can.
std::string Diagnose(const Credentials& credentials, const HttpResponse& response, const std::string& base_url,
                     const std::string& where) {
  const bool request_had_token = !credentials.token.empty();
  const nlohmann::json body = ParseJsonText(response.body);
  const std::string code = ApplicationErrorCode(body);
  const std::string type = response.Header("Content-Type");
  if (response.error == TransportError::kRedirect) {
    return where + " was redirected (" + std::to_string(response.status) + " to " + response.Header("Location") +
           "): not the API (a login page, or http:// where https:// is needed?)";
  }
  if (response.status == 401 && !request_had_token) {
    return "the target refused a request without a token" + With(code.empty() ? "401" : code) +
           ": pass --token or set CONFORM_TOKEN";
  }
  if (response.status == 401) {
    // An API key is refused without the site (or account) it belongs to.
    const bool identified = std::any_of(credentials.identity.begin(), credentials.identity.end(), [](const auto& h) {
      return h.first == kSiteIdHeader || h.first == kAccountIdHeader;
    });
    return "the target refused the token" + With(code.empty() ? "401" : code) + ": check --token / CONFORM_TOKEN" +
           (identified ? " and --site-id / --account-id" : " (an API key also needs --site-id or --account-id)");
  }
  if (response.status == 403) {
    return "the target answered 403" + With(code) + " to " + where +
           " with the run's token: the token lacks the \"Manage External Database Connections\" permission, or "
           "--site-id / --account-id does not match it";
  }
  if (response.status == 404 || response.status == 405) {
    const std::string path = PathOf(base_url);
    return where + " answered " + std::to_string(response.status) + ": is --target the API's base URL (e.g. " +
           "https://www.wixapis.com)?" +
           (path.empty() ? " If the server has no list call, add --no-preflight." : " It ends in " + path + "; drop the path.");
  }
  if (!response.body.empty() && body.is_discarded()) {
    return where + " answered " + std::to_string(response.status) + " with " + (type.empty() ? "no Content-Type" : type) +
           ", not JSON: not the API (a proxy or login page?)";
  }
  return "";  // 2xx, 5xx and other 4xx: the cases will say what is wrong, if anything
}

}  // namespace

PreflightOutcome PreflightTarget(Transport& transport, const RunSettings& settings, const Redactor& redactor) {
  const HttpRequest request = ListRequest(settings.base_url, 1, 0, settings.credentials);
  const HttpResponse response = transport.Send(request);

  PreflightOutcome out;
  const nlohmann::json body = ParseJsonText(response.body);
  out.exchange = RedactedExchange("preflight (list)", CallKind::kList, request, response, body, redactor);
  out.answered = response.status > 0;
  const std::string where = "GET " + redactor.Text(request.url);
  if (!out.answered) {
    out.ok = false;
    out.cause = "the target " + settings.base_url + " could not be reached: " + redactor.Text(response.error_message);
    if (response.error == TransportError::kTls) {
      out.cause += "; if it uses a certificate of its own (conform mock --tls prints its CA file), pass --cacert FILE";
    }
    return out;
  }
  out.cause = redactor.Text(Diagnose(settings.credentials, response, settings.base_url, where));
  out.ok = out.cause.empty();
  return out;
}

RunResult PreflightFailedRun(const PreflightOutcome& outcome, const RunSettings& settings) {
  RunResult run;
  run.target = settings.base_url;
  run.run_id = settings.run_id;
  run.timestamp = UtcTimestamp();
  run.hostname = "localhost";
  run.strict = settings.strict;
  CaseResult c;
  c.id = "conform-preflight";
  c.title = "the target can be tested as given (a list with the run's credentials)";
  c.tags = {"preflight"};
  c.outcome = Outcome::kError;
  c.error_type = "preflight";
  c.error_message = outcome.cause;
  c.exchanges.push_back(outcome.exchange);
  run.cases.push_back(c);
  if (outcome.answered) ++run.responses; else ++run.transport_errors;
  return run;
}

}  // namespace conform
