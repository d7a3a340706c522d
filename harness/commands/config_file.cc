// Config file handling.
#include "commands/config_file.h"

#include <strings.h>

#include <filesystem>

#include "load/json_file.h"
#include "load/schema_registry.h"

namespace conform {
namespace {

constexpr char kDefaultConfig[] = "conform.json";

// Copies doc[key] into *field unless the flag was given.
template <typename T>
void Take(const nlohmann::json& doc, const char* key, const char* flag, const RunOptions& options, T* field) {
  if (doc.contains(key) && !options.given.count(flag)) *field = doc[key].get<T>();
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
  std::string path = options->config_path;
  std::error_code ec;
  if (path.empty() && std::filesystem::is_regular_file(kDefaultConfig, ec)) path = kDefaultConfig;
  if (path.empty()) return true;
  nlohmann::json doc;
  if (!ReadJsonFile(path, &doc, err)) return false;
  if (!CheckAgainstSchema(options->schemas_dir, path, doc, err)) return false;
  if (doc.contains("headers")) {
    for (auto it = doc["headers"].begin(); it != doc["headers"].end(); ++it) {
      if (strcasecmp(it.key().c_str(), "Authorization") == 0) {
        *err = path + ": /headers/" + it.key() + ": tokens don't belong in files; use --token or CONFORM_TOKEN";
        return false;
      }
      headers->emplace_back(it.key(), it.value().get<std::string>());
    }
  }
  Take(doc, "target", "--target", *options, &options->target);
  Take(doc, "site_id", "--site-id", *options, &options->site_id);
  Take(doc, "account_id", "--account-id", *options, &options->account_id);
  Take(doc, "cases", "--cases", *options, &options->selection.cases_dir);
  Take(doc, "schemas", "--schemas", *options, &options->schemas_dir);
  Take(doc, "filter", "--filter", *options, &options->selection.filter);
  Take(doc, "tags", "--tag", *options, &options->selection.tags);
  Take(doc, "strict", "--strict", *options, &options->strict);
  Take(doc, "timeout_ms", "--timeout", *options, &options->timeout_ms);
  Take(doc, "rate", "--rate", *options, &options->rate);
  Take(doc, "max_retries", "--max-retries", *options, &options->max_retries);
  Take(doc, "max_transport_errors", "--max-transport-errors", *options, &options->max_transport_errors);
  Take(doc, "deadline", "--deadline", *options, &options->deadline);
  Take(doc, "latency_budgets", "--latency-budget", *options, &options->latency_budgets);
  Take(doc, "junit", "--junit", *options, &options->junit_path);
  Take(doc, "json", "--json", *options, &options->json_path);
  Take(doc, "html", "--html", *options, &options->html_path);
  Take(doc, "cacert", "--cacert", *options, &options->cacert);
  Take(doc, "proxy", "--proxy", *options, &options->proxy);
  return true;
}

}  // namespace conform
