#include "run/load_body.h"

#include "load/json_numbers.h"

namespace conform {
namespace {

constexpr char kEndpointPrefix[] = "https://example.com/load/";

// The sequence number a state's configuration claims, if it has the load body's shape.
bool ClaimedSequence(const nlohmann::json& configuration, uint64_t* out) {
  if (!configuration.is_object()) return false;
  auto it = configuration.find("sequence");
  if (it == configuration.end()) return false;
  // Numbers compare as JSON values: a server may write 5 as 5.0 (docs/contract.md section 6).
  const std::optional<uint64_t> whole = AsWhole<uint64_t>(*it);
  if (!whole) return false;
  *out = *whole;
  return true;
}

}  // namespace

std::string LoadPutBody(const std::string& secret, const std::string& quoted_name, uint64_t sequence) {
  const std::string seq = std::to_string(sequence);
  // The name in the body as well as the path, as Wix's SDK sends every update.
  return "{\"externalDatabaseConnection\":{\"name\":" + quoted_name + ",\"endpoint\":\"" + std::string(kEndpointPrefix) + seq +
         "\",\"configuration\":{\"secretKey\":\"" + secret + "\",\"sequence\":" + seq + ",\"connection\":" + quoted_name + "}}}";
}

std::string JudgeReadBack(const nlohmann::json& state, const std::string& secret, const std::string& name,
                          uint64_t sequence) {
  const nlohmann::json configuration = state.value("configuration", nlohmann::json());
  uint64_t claimed = 0;
  const bool whole = ClaimedSequence(configuration, &claimed) &&
                     state.value("endpoint", nlohmann::json()) == kEndpointPrefix + std::to_string(claimed) &&
                     configuration.size() == 3 && configuration.value("secretKey", nlohmann::json()) == secret &&
                     configuration.value("connection", nlohmann::json()).is_string();
  if (!whole) return "oracle-torn";
  if (configuration["connection"] != name) return "oracle-crossed";
  return claimed == sequence ? "" : "oracle-stale";
}

std::string ReadBackErrorMeaning(const std::string& kind) {
  if (kind == "oracle-torn") return "a read-back equal to no body that was sent: fields of different PUTs were mixed";
  if (kind == "oracle-stale") return "a read-back showing an older PUT of the connection: the last PUT was lost";
  if (kind == "oracle-crossed") return "a read-back showing another connection's PUT: writes crossed between names";
  if (kind == "oracle-read-failed") return "a read-back that did not answer 200";
  return "";
}

}  // namespace conform
