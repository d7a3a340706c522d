// Config file handling.
#include "commands/config_file.h"

#include <strings.h>

#include <filesystem>

#include "load/json_file.h"
#include "load/json_numbers.h"
#include "load/schema_registry.h"

namespace conform {
namespace {

constexpr char kDefaultConfig[] = "conform.json";

// Copies doc[key] into *field unless the flag was given. A value of the wrong type (possible
// when the schemas folder has no config schema) is an error naming the key, never a throw.
template <typename T>
bool Take(const nlohmann::json& doc, const char* key, const char* flag, const RunOptions& options, T* field,
          const std::string& path, std::string* err) {
  if (!doc.contains(key) || options.given.count(flag)) return true;
  try {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      const std::optional<T> whole = AsWhole<T>(doc[key]);
      if (!whole) throw nlohmann::json::type_error::create(302, "not a whole number in range", nullptr);
      *field = *whole;
    } else {
      *field = doc[key].get<T>();
    }
    return true;
  } catch (const nlohmann::json::exception&) {
    *err = path + ": /" + key + ": has the wrong type for " + flag;
    return false;
  }
}

bool TakeHeaders(const nlohmann::json& doc, const std::string& path, Headers* headers, std::string* err) {
  if (!doc.contains("headers")) return true;
  const nlohmann::json& given = doc["headers"];
  if (!given.is_object()) {
    *err = path + ": /headers: must be an object of header names to string values";
    return false;
  }
  for (auto it = given.begin(); it != given.end(); ++it) {
    if (strcasecmp(it.key().c_str(), "Authorization") == 0) {
      *err = path + ": /headers/" + it.key() + ": tokens don't belong in files; use --token or CONFORM_TOKEN";
      return false;
    }
    if (!it.value().is_string()) {
      *err = path + ": /headers/" + it.key() + ": must be a string";
      return false;
    }
    headers->emplace_back(it.key(), it.value().get<std::string>());
  }
  return true;
}

// Checks doc against config.schema.json of the schemas folder, when that folder has one. Only this
// file is loaded: the rest of the folder is loaded once, for the cases, after the config applies
// (it may name another schemas folder).
bool CheckAgainstSchema(const std::string& schemas_dir, const std::string& path, const nlohmann::json& doc,
                        std::string* err) {
  const std::string schema_file = (std::filesystem::path(schemas_dir) / "config.schema.json").string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(schema_file, ec)) return true;
  SchemaRegistry schemas;
  if (!schemas.LoadFile(schema_file, err)) return false;
  std::vector<Violation> violations = schemas.Validate("config", doc);
  if (violations.empty()) return true;
  *err = DescribeViolation(path, violations[0]);
  return false;
}

}  // namespace

bool ApplyConfigFile(RunOptions* options, Headers* headers, std::string* err) {
  if (!options->read_config) return true;
  std::string path = options->config_path;
  std::error_code ec;
  if (path.empty() && std::filesystem::is_regular_file(kDefaultConfig, ec)) path = kDefaultConfig;
  if (path.empty()) return true;
  nlohmann::json doc;
  if (!ReadJsonFile(path, &doc, err)) return false;
  if (!CheckAgainstSchema(options->schemas_dir, path, doc, err)) return false;
  return ApplyConfigDocument(doc, path, options, headers, err);
}

bool ApplyConfigSelection(const std::string& config_path, const std::string& schemas_dir,
                          const std::set<std::string>& given, Selection* selection, std::string* err) {
  RunOptions options;
  options.selection = *selection;
  options.schemas_dir = schemas_dir;
  options.config_path = config_path;
  options.given = given;
  Headers headers;
  if (!ApplyConfigFile(&options, &headers, err)) return false;
  *selection = options.selection;
  return true;
}

bool ApplyConfigDocument(const nlohmann::json& doc, const std::string& path, RunOptions* options, Headers* headers,
                         std::string* err) {
  if (!doc.is_object()) {
    *err = path + ": /: a config file is a JSON object";
    return false;
  }
  const RunOptions& o = *options;
  return TakeHeaders(doc, path, headers, err) &&
         Take(doc, "target", "--target", o, &options->target, path, err) &&
         Take(doc, "site_id", "--site-id", o, &options->site_id, path, err) &&
         Take(doc, "account_id", "--account-id", o, &options->account_id, path, err) &&
         Take(doc, "cases", "--cases", o, &options->selection.cases_dir, path, err) &&
         Take(doc, "schemas", "--schemas", o, &options->schemas_dir, path, err) &&
         Take(doc, "filter", "--filter", o, &options->selection.filter, path, err) &&
         Take(doc, "tags", "--tag", o, &options->selection.tags, path, err) &&
         Take(doc, "exclude", "--exclude", o, &options->selection.excludes, path, err) &&
         Take(doc, "exclude_tags", "--exclude-tag", o, &options->selection.exclude_tags, path, err) &&
         Take(doc, "strict", "--strict", o, &options->strict, path, err) &&
         Take(doc, "timeout_ms", "--timeout", o, &options->timeout_ms, path, err) &&
         Take(doc, "rate", "--rate", o, &options->rate, path, err) &&
         Take(doc, "max_retries", "--max-retries", o, &options->max_retries, path, err) &&
         Take(doc, "max_retry_wait", "--max-retry-wait", o, &options->max_retry_wait, path, err) &&
         Take(doc, "list_settle", "--list-settle", o, &options->list_settle, path, err) &&
         Take(doc, "max_transport_errors", "--max-transport-errors", o, &options->max_transport_errors, path, err) &&
         Take(doc, "deadline", "--deadline", o, &options->deadline, path, err) &&
         Take(doc, "latency_budgets", "--latency-budget", o, &options->latency_budgets, path, err) &&
         Take(doc, "junit", "--junit", o, &options->junit_path, path, err) &&
         Take(doc, "json", "--json", o, &options->json_path, path, err) &&
         Take(doc, "html", "--html", o, &options->html_path, path, err) &&
         Take(doc, "cacert", "--cacert", o, &options->cacert, path, err) &&
         Take(doc, "proxy", "--proxy", o, &options->proxy, path, err);
}

}  // namespace conform
