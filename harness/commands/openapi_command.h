// `conform openapi [-o FILE] [--schemas DIR]`: the contract as an OpenAPI 3.1 document, generated
// from the schemas folder, for Prism, Schemathesis, Postman, Redocly and friends.
#pragma once

#include <string>

namespace conform {

// Writes the document to `output` (stdout when empty). Exit 0, or 2 with one line naming the problem.
int RunOpenApiCommand(const std::string& schemas_dir, const std::string& output);

}  // namespace conform
