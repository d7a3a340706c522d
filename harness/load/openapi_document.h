// An OpenAPI 3.1 document generated from the schemas folder (not a second hand-written copy of
// the contract): the five calls with their paths, the name parameter, request bodies, success
// answers and the standard error answers, every body's schema taken from schemas/. Pure but for
// reading that folder.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// false with *err = "file: what is wrong" when a schema the document needs is missing or unreadable.
bool OpenApiDocument(const std::string& schemas_dir, nlohmann::json* out, std::string* err);

}  // namespace conform
