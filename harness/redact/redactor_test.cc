// Secrets disappear from headers, JSON and text.
#include "redact/redactor.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(RedactorTest, HidesAuthorizationAndTokensEverywhere) {
  Redactor r;
  r.AddSecret("tok-12345");
  Headers h = r.RedactHeaders({{"authorization", "tok-12345"}, {"X-Echo", "saw tok-12345"}});
  EXPECT_EQ(h[0].second, kRedacted);
  EXPECT_EQ(h[1].second, std::string("saw ") + kRedacted);
  EXPECT_EQ(r.Text("a tok-12345 b tok-12345"), std::string("a ") + kRedacted + " b " + kRedacted);
}

TEST(RedactorTest, HidesSecretKeyValuesInJsonAndLearnsThem) {
  Redactor r;
  nlohmann::json body = {{"externalDatabaseConnection", {{"configuration", {{"secretKey", "s3cr3t-value"}}}}}};
  r.LearnFromJson(body);
  EXPECT_EQ(r.Json(body)["externalDatabaseConnection"]["configuration"]["secretKey"], kRedacted);
  EXPECT_EQ(r.Text("expected {\"secretKey\":\"s3cr3t-value\"}"), std::string("expected {\"secretKey\":\"") + kRedacted + "\"}");
  EXPECT_EQ(r.Body("not json s3cr3t-value"), std::string("not json ") + kRedacted);
  EXPECT_EQ(r.Body(body.dump()).find("s3cr3t"), std::string::npos);
}

TEST(RedactorTest, IgnoresTooShortSecrets) {
  Redactor r;
  r.AddSecret("");
  r.AddSecret("ab");
  EXPECT_EQ(r.Text("abc"), "abc");
}

// A found case keeps a secretKey as the marker: replaying it must not make the marker a secret
// that every report then "leaks".
TEST(RedactorTest, TheMarkerIsNoSecret) {
  Redactor r;
  r.LearnFromJson({{"externalDatabaseConnection", {{"configuration", {{"secretKey", kRedacted}}}}}});
  EXPECT_TRUE(r.secrets().empty());
}

}  // namespace
}  // namespace conform
