// What the command line asks for, as plain data. Parsing lives in command_line.cc.
#pragma once

#include <string>
#include <vector>

namespace conform {

// Which cases to take: conform run and conform list share these.
struct Selection {
  std::string cases_dir;
  std::string filter;              // glob over case ids; empty = all
  std::vector<std::string> tags;   // a case must carry every one
};

struct RunOptions {
  Selection selection;
  std::string schemas_dir;
  std::string target;              // empty: start the embedded mock
  std::string token;               // flag, else CONFORM_TOKEN
  std::string readonly_token;
  std::vector<std::string> mock_faults;  // embedded mock only
  std::string junit_path = "reports/junit.xml";
  std::string json_path = "reports/report.json";
  bool strict = false;
  long timeout_ms = 10000;
  long connect_timeout_ms = 5000;
  std::string run_id;              // empty: random
  bool verbose = false;
  bool quiet = false;
};

struct MockCommandOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  std::string readonly_token;
  std::vector<std::string> faults;
  bool verbose = false;
};

enum class Command { kNone, kRun, kMock, kList, kFaults };

struct CommandLine {
  Command command = Command::kNone;
  RunOptions run;
  MockCommandOptions mock;
  Selection list;
};

}  // namespace conform
