// A load read-back told apart: the body sent, an older one, another connection's, or a mix.
#include "run/load_body.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

using nlohmann::json;

json StateOf(uint64_t endpoint_sequence, uint64_t configuration_sequence, const std::string& connection) {
  return {{"name", connection},
          {"endpoint", "https://example.com/load/" + std::to_string(endpoint_sequence)},
          {"configuration", {{"secretKey", "s"}, {"sequence", configuration_sequence}, {"connection", connection}}}};
}

TEST(LoadBody, TheBodySentReadsBackAsItself) {
  const json body = json::parse(LoadPutBody("s", "\"conform-r-load-1\"", 42));
  json state = body["externalDatabaseConnection"];
  state["name"] = "conform-r-load-1";
  EXPECT_EQ(JudgeReadBack(state, "s", "conform-r-load-1", 42), "");
}

// The body carries the path's name, as Wix's SDK sends every update; a server may write the
// sequence back as 42.0 (numbers compare as JSON values).
TEST(LoadBody, NameInTheBodyAndNumbersAsJsonValues) {
  const json body = json::parse(LoadPutBody("s", "\"conform-r-load-1\"", 42));
  EXPECT_EQ(body["externalDatabaseConnection"]["name"], "conform-r-load-1");
  json state = body["externalDatabaseConnection"];
  state["configuration"]["sequence"] = 42.0;
  EXPECT_EQ(JudgeReadBack(state, "s", "conform-r-load-1", 42), "");
  state["configuration"]["sequence"] = 41.5;
  EXPECT_EQ(JudgeReadBack(state, "s", "conform-r-load-1", 42), "oracle-torn");
}

TEST(LoadBody, StaleCrossedAndTornAreToldApart) {
  EXPECT_EQ(JudgeReadBack(StateOf(41, 41, "a"), "s", "a", 42), "oracle-stale");
  EXPECT_EQ(JudgeReadBack(StateOf(42, 42, "b"), "s", "a", 42), "oracle-crossed");
  EXPECT_EQ(JudgeReadBack(StateOf(41, 42, "a"), "s", "a", 42), "oracle-torn");
  json merged = StateOf(42, 42, "a");
  merged["configuration"]["left-over"] = 1;  // a merge, not a replace: no body sent had this
  EXPECT_EQ(JudgeReadBack(merged, "s", "a", 42), "oracle-torn");
  EXPECT_EQ(JudgeReadBack(json::object(), "s", "a", 42), "oracle-torn");
  EXPECT_NE(ReadBackErrorMeaning("oracle-torn").find("no body that was sent"), std::string::npos);
  EXPECT_EQ(ReadBackErrorMeaning("status-500"), "");
}

}  // namespace
}  // namespace conform
