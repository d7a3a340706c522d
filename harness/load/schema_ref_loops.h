// Finds "$ref" chains that lead back to themselves ({"$ref": "#/a"} where /a is that same
// object, or a ring of them across files). valijson follows such a chain until the stack
// overflows (found by the schema fuzz target), so the registry refuses them first. Pure but for
// reading sibling files a $ref names.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// false with *err = "file: /pointer: $ref ... loops back to itself" when doc (read from `file`)
// holds a $ref chain that never reaches a schema, or "file: $ref \"x\": ..." when a $ref names a
// file that is not a readable sibling.
bool CheckNoRefLoops(const nlohmann::json& doc, const std::string& file, std::string* err);

}  // namespace conform
