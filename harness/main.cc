// argv -> options -> command -> exit code. The only place that picks real implementations.
#include <curl/curl.h>

#include <iostream>
#include <string>

#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "commands/cleanup_command.h"
#include "commands/config_file.h"
#include "commands/lint_command.h"
#include "commands/load_command.h"
#include "commands/merge_command.h"
#include "commands/mock_command.h"
#include "commands/openapi_command.h"
#include "commands/profile_command.h"
#include "commands/list_command.h"
#include "commands/run_command.h"
#include "run/boundary.h"

namespace {

// conform list and lint show what run would take: their flags, then the config file's selection.
int RunSelectionCommand(const conform::CommandLine& command_line) {
  conform::Selection selection = command_line.list;
  std::string err;
  if (!conform::ApplyConfigSelection(command_line.list_config, command_line.list_schemas_dir, command_line.list_given,
                                     &selection, &err)) {
    std::cerr << "conform: " << err << "\n";
    return conform::kExitUsage;
  }
  return command_line.command == conform::Command::kList
             ? conform::RunListCommand(selection, command_line.list_schemas_dir)
             : conform::RunLintCommand(selection, command_line.list_schemas_dir);
}

int RunCommand(const conform::CommandLine& command_line) {
  int code = conform::kExitUsage;
  {
    switch (command_line.command) {
      case conform::Command::kMock: code = conform::RunMockCommand(command_line.mock); break;
      case conform::Command::kRun: code = conform::RunRunCommand(command_line.run); break;
      case conform::Command::kList:
      case conform::Command::kLint: code = RunSelectionCommand(command_line); break;
      case conform::Command::kMerge:
        code = conform::RunMergeCommand(command_line.merge);
        break;
      case conform::Command::kLoad: code = conform::RunLoadCommand(command_line.load); break;
      case conform::Command::kCleanup: code = conform::RunCleanupCommand(command_line.cleanup); break;
      case conform::Command::kProfile: code = conform::RunProfileCommand(command_line.profile); break;
      case conform::Command::kFaults: code = conform::RunFaultsCommand(); break;
      case conform::Command::kOpenApi:
        code = conform::RunOpenApiCommand(command_line.list_schemas_dir, command_line.openapi_output);
        break;
      default: code = conform::kExitUsage; break;
    }
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  conform::CommandLine command_line;
  int code = conform::ParseCommandLine(argc, argv, &command_line);
  // Each unit of work has its own boundary (run/boundary.h); this one catches a bug outside them,
  // so even then the exit code is the documented one.
  std::string internal;
  if (code < 0 && !conform::RunGuarded("this command", [&] { code = RunCommand(command_line); }, &internal)) {
    std::cerr << "conform: " << internal << "\n";
    code = conform::kExitFailed;
  }
  curl_global_cleanup();
  return code;
}
