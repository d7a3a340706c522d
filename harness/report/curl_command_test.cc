// Reproduction commands: runnable, quoted, and without secrets.
#include "redact/curl_command.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(CurlCommandTest, TokensBecomeVariablesAndBodiesAreRedacted) {
  Redactor redactor;
  redactor.AddNamedSecret("tok-secret-1", "CONFORM_TOKEN");
  redactor.AddHeader("X-Api-Secret");
  HttpRequest r{"PUT", "http://h/x?q='1'", {{"Authorization", "tok-secret-1"}, {"X-Api-Secret", "s3"}}, true,
                R"({"externalDatabaseConnection": {"configuration": {"secretKey": "k-123", "note": "it's"}}})"};
  const std::string command = CurlCommand(r, redactor);
  EXPECT_EQ(command.find("tok-secret-1"), std::string::npos);
  EXPECT_EQ(command.find("k-123"), std::string::npos);
  EXPECT_NE(command.find("-H \"Authorization: $CONFORM_TOKEN\""), std::string::npos) << command;
  EXPECT_NE(command.find("-H 'X-Api-Secret: [REDACTED]'"), std::string::npos) << command;
  EXPECT_NE(command.find("'http://h/x?q='\\''1'\\'''"), std::string::npos) << command;
  EXPECT_NE(command.find("it'\\''s"), std::string::npos) << command;
}

}  // namespace
}  // namespace conform
