// The one place that calls valijson: its exceptions and result objects stop here.
#include "load/schema_registry.h"

// Without this, valijson prints and aborts on a bad schema instead of throwing.
#define VALIJSON_USE_EXCEPTIONS 1

#include <filesystem>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "load/json_file.h"
#include "load/schema_patterns.h"
#include "load/schema_ref_loops.h"

namespace conform {
namespace fs = std::filesystem;

namespace {

constexpr char kSchemaSuffix[] = ".schema.json";
// Every shipped schema's $id is this plus its file name, so other validators resolve $refs by id.
constexpr char kIdBase[] = "https://conform.invalid/schemas/";

// valijson names a location as ["<root>", "[key]", "[0]", ...]; we speak JSON pointer.
std::string ContextToPointer(const std::vector<std::string>& context) {
  nlohmann::json::json_pointer pointer;
  for (const std::string& part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') token = token.substr(1, token.size() - 2);
    pointer /= token;
  }
  return pointer.to_string();
}

// A $ref names a sibling file; anything that could climb out of the directory is refused.
bool IsPlainFileName(const std::string& uri) {
  return !uri.empty() && uri.find('/') == std::string::npos && uri.find("..") == std::string::npos;
}

}  // namespace

SchemaRegistry::SchemaRegistry() = default;
SchemaRegistry::~SchemaRegistry() = default;

std::string SchemaNameFromFile(const std::string& file_name) {
  const std::string suffix = kSchemaSuffix;
  if (file_name.size() > suffix.size() && file_name.compare(file_name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return file_name.substr(0, file_name.size() - suffix.size());
  }
  return "";
}

bool SchemaRegistry::LoadDirectory(const std::string& dir, std::string* err) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *err = dir + ": not a directory of schemas";
    return false;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!SchemaNameFromFile(entry.path().filename().string()).empty()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    *err = dir + ": no *" + std::string(kSchemaSuffix) + " files";
    return false;
  }
  for (const fs::path& file : files) {
    if (!LoadFile(file.string(), err)) return false;
  }
  return true;
}

bool SchemaRegistry::LoadFile(const std::string& file, std::string* err) {
  nlohmann::json doc;
  if (!ReadJsonFile(file, &doc, err)) return false;
  return Add(SchemaNameFromFile(fs::path(file).filename().string()), doc, file, err);
}

bool SchemaRegistry::Add(const std::string& name, const nlohmann::json& doc, const std::string& file,
                         std::string* err) {
  if (!doc.is_object()) {
    *err = file + ": /: a schema must be a JSON object";
    return false;
  }
  if (!CheckNoRefLoops(doc, file, err)) return false;
  if (!CheckSchemaPatterns(doc, file, err)) return false;
  const fs::path dir = fs::path(file).parent_path();
  std::string fetch_error;
  auto fetch = [&](const std::string& given) -> const nlohmann::json* {
    // A $ref by $id ("https://conform.invalid/schemas/x.schema.json") names a file of the folder too.
    const std::string uri = given.rfind(kIdBase, 0) == 0 ? given.substr(sizeof(kIdBase) - 1) : given;
    if (!IsPlainFileName(uri)) {
      fetch_error = "$ref \"" + uri + "\" must name a file in the same directory";
      return nullptr;
    }
    auto* fetched = new nlohmann::json;
    std::string read_error;
    if (!ReadJsonFile((dir / uri).string(), fetched, &read_error)) {
      delete fetched;
      fetch_error = "$ref \"" + uri + "\": " + read_error;
      return nullptr;
    }
    return fetched;
  };
  auto free_doc = [](const nlohmann::json* d) { delete d; };

  auto schema = std::make_unique<valijson::Schema>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, *schema, fetch, free_doc);
  } catch (const std::exception& e) {
    *err = file + ": " + (fetch_error.empty() ? e.what() : fetch_error);
    return false;
  }
  schemas_[name] = std::move(schema);
  return true;
}

bool SchemaRegistry::Has(const std::string& name) const { return schemas_.count(name) > 0; }

std::vector<std::string> SchemaRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& entry : schemas_) names.push_back(entry.first);
  return names;
}

std::vector<Violation> SchemaRegistry::Validate(const std::string& name, const nlohmann::json& doc) const {
  auto it = schemas_.find(name);
  if (it == schemas_.end()) return {{"", "no schema named \"" + name + "\""}};
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  try {
    if (validator.validate(*it->second, adapter, &results)) return {};
  } catch (const std::exception& e) {
    return {{"", "the schema \"" + name + "\" could not be applied: " + e.what()}};
  }
  std::vector<Violation> violations;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    violations.push_back({ContextToPointer(error.context), error.description});
  }
  return violations;
}

std::string DescribeViolation(const std::string& file, const Violation& violation) {
  return file + ": " + (violation.pointer.empty() ? "/" : violation.pointer) + ": " + violation.message;
}

}  // namespace conform
