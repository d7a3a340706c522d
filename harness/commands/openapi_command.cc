#include "commands/openapi_command.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "load/openapi_document.h"
#include "report/report_files.h"

namespace conform {

int RunOpenApiCommand(const std::string& schemas_dir, const std::string& output) {
  nlohmann::json document;
  std::string err;
  if (!OpenApiDocument(schemas_dir, &document, &err)) {
    std::cerr << "conform: " << err << "\n";
    return kExitUsage;
  }
  const std::string text = document.dump(2) + "\n";
  if (output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  if (!WriteReportFile(output, text, &err)) {
    std::cerr << "conform: " << err << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace conform
