#include "commands/list_command.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "commands/run_plan.h"

namespace conform {

int RunListCommand(const Selection& selection, const std::string& schemas_dir) {
  SchemaRegistry schemas;
  std::vector<Case> cases;
  std::vector<std::string> errors;
  if (!LoadInputs(selection, schemas_dir, &schemas, &cases, &errors)) {
    for (const std::string& e : errors) std::cerr << "conform: " << e << "\n";
    return kExitUsage;
  }
  for (const Case& c : cases) {
    std::string tags;
    for (const std::string& t : c.tags) tags += (tags.empty() ? "" : ",") + t;
    std::cout << c.id << "\t" << LevelName(c.level) << "\t" << tags << "\t" << c.title << "\n";
  }
  std::cout << cases.size() << " cases in " << selection.cases_dir << "\n";
  return kExitOk;
}

}  // namespace conform
