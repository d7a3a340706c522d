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
  // A body with something hidden is written again on one line, as compact as JSON goes.
  EXPECT_EQ(r.Body("{\n  \"note\": \"s3cr3t-value\",\n  \"n\": [1, 2]\n}"), R"({"n":[1,2],"note":"[REDACTED]"})");
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

// A server may echo a key cut short, or show its first characters and mask the rest: the first or
// last eight characters of a credential, and as much more as matches, are hidden. A configuration
// value's fragments are not (they would be ordinary words).
TEST(RedactorTest, HidesTheFragmentsACredentialLeavesInAnAnswer) {
  Redactor r;
  r.AddNamedSecret("tok-SECRETabcdef0123456789XYZ", "CONFORM_TOKEN");
  const std::string hidden = kRedacted;
  EXPECT_EQ(r.Text("key tok-SECRETab is not valid"), "key " + hidden + " is not valid");
  EXPECT_EQ(r.Text("key tok-SEC****"), "key tok-SEC****") << "seven characters say nothing";
  EXPECT_EQ(r.Text("key tok-SECR**** and tok-SECRETabcd"), "key " + hidden + "**** and " + hidden);
  EXPECT_EQ(r.Text("ends ...0123456789XYZ."), "ends ..." + hidden + ".");
  EXPECT_EQ(r.Text("tok-SECRETabcdef0123456789XYZ"), hidden);
  r.AddCredential("X-Api-Key-value-123456");
  EXPECT_EQ(r.Text("got X-Api-Ke..."), "got " + hidden + "...");
  r.LearnFromJson({{"secretKey", "conform-secret-run-1"}});
  EXPECT_EQ(r.Text("conform-secret is a prefix"), "conform-secret is a prefix");
  // A fragment that reads as a word is conform's own text too: never hunted.
  r.AddNamedSecret("conform-readonly-Token-7-readonly", "CONFORM_READONLY_TOKEN");
  EXPECT_EQ(r.Text("conform-ab12 \"auth\": \"readonly\""), "conform-ab12 \"auth\": \"readonly\"");
  // A credential ending like the marker does not loop.
  r.AddCredential("abcdefgh[REDACTED]");
  EXPECT_EQ(r.Text("x [REDACTED] y"), "x [REDACTED] y");
}

}  // namespace
}  // namespace conform
