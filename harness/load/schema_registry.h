// Loads the JSON Schemas in schemas/ (draft-07, with $ref between files) and validates documents
// against them by name. Reads files at load; validation is pure.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace valijson {
class Schema;
}

namespace conform {

// One reason a document does not match a schema.
struct Violation {
  std::string pointer;  // JSON pointer into the validated document ("" = the root)
  std::string message;
};

// "file: /pointer: message", the one-line form every schema complaint takes.
std::string DescribeViolation(const std::string& file, const Violation& violation);

class SchemaRegistry {
 public:
  SchemaRegistry();
  ~SchemaRegistry();
  SchemaRegistry(const SchemaRegistry&) = delete;
  SchemaRegistry& operator=(const SchemaRegistry&) = delete;

  // Loads every "<name>.schema.json" in dir, resolving "$ref": "other.schema.json#/..." inside dir.
  // On the first broken file returns false with *err = "file: /pointer: what is wrong".
  bool LoadDirectory(const std::string& dir, std::string* err);

  // Loads one "<name>.schema.json", registered under <name>; its $refs resolve in its own folder.
  bool LoadFile(const std::string& file, std::string* err);

  // Registers one schema from a parsed document; file names the origin in messages and is the
  // directory against which its $refs resolve.
  bool Add(const std::string& name, const nlohmann::json& doc, const std::string& file, std::string* err);

  bool Has(const std::string& name) const;
  std::vector<std::string> Names() const;

  // Empty result: doc is valid. Unknown schema names are a programming error and yield one violation.
  std::vector<Violation> Validate(const std::string& name, const nlohmann::json& doc) const;

 private:
  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas_;
};

// The name a file is registered under: "update.response.schema.json" -> "update.response".
std::string SchemaNameFromFile(const std::string& file_name);

}  // namespace conform
