#include "explore/shrink.h"

#include "text/utf8.h"

namespace conform {
namespace {

class Shrinker {
 public:
  Shrinker(const std::string& rule, const Replayer& replay, ShrinkLimits limits)
      : rule_(rule), replay_(replay), limits_(limits), start_(std::chrono::steady_clock::now()) {}

  ShrinkResult Run(std::vector<Operation> failing) {
    result_.sequence = std::move(failing);
    DropOperations();
    SimplifyBodies();
    return result_;
  }

 private:
  bool OutOfBudget() {
    const bool out = result_.attempts >= limits_.max_attempts || std::chrono::steady_clock::now() - start_ > limits_.budget;
    result_.cut_short = result_.cut_short || out;
    return out;
  }

  // Tries a candidate; keeps it when it still diverges by the same rule.
  bool Try(const std::vector<Operation>& candidate) {
    if (OutOfBudget()) return false;
    ++result_.attempts;
    if (replay_(candidate) != rule_) return false;
    result_.sequence = candidate;
    return true;
  }

  // Delta debugging (Zeller's ddmin): remove ever smaller chunks while the divergence stays.
  void DropOperations() {
    size_t chunks = 2;
    while (result_.sequence.size() >= 2 && !OutOfBudget()) {
      const std::vector<Operation> current = result_.sequence;
      const size_t size = current.size(), step = (size + chunks - 1) / chunks;
      bool reduced = false;
      for (size_t from = 0; from < size && !reduced; from += step) {
        std::vector<Operation> without(current.begin(), current.begin() + static_cast<long>(from));
        without.insert(without.end(), current.begin() + static_cast<long>(std::min(size, from + step)), current.end());
        reduced = !without.empty() && Try(without);
      }
      if (reduced) {
        chunks = std::max<size_t>(chunks - 1, 2);
      } else if (chunks >= size) {
        return;
      } else {
        chunks = std::min(chunks * 2, size);
      }
    }
  }

  void SimplifyBodies() {
    for (size_t i = 0; i < result_.sequence.size() && !OutOfBudget(); ++i) {
      if (!result_.sequence[i].request.body) continue;
      SimplifyConfiguration(i);
    }
  }

  nlohmann::json* ConfigurationOf(std::vector<Operation>& sequence, size_t i) {
    nlohmann::json& body = *sequence[i].request.body;
    if (!body.is_object() || !body.contains("externalDatabaseConnection")) return nullptr;
    nlohmann::json& c = body["externalDatabaseConnection"];
    return c.is_object() && c.contains("configuration") && c["configuration"].is_object() ? &c["configuration"] : nullptr;
  }

  void SimplifyConfiguration(size_t i) {
    std::vector<std::string> keys;
    if (nlohmann::json* configuration = ConfigurationOf(result_.sequence, i)) {
      for (auto it = configuration->begin(); it != configuration->end(); ++it) keys.push_back(it.key());
    }
    for (const std::string& key : keys) {
      std::vector<Operation> without = result_.sequence;
      ConfigurationOf(without, i)->erase(key);
      if (Try(without)) continue;
      SimplifyValue(i, key);
    }
  }

  // Replaces the value at key by simpler forms while the divergence stays.
  void SimplifyValue(size_t i, const std::string& key) {
    for (bool simpler = true; simpler && !OutOfBudget();) {
      simpler = false;
      const nlohmann::json value = (*ConfigurationOf(result_.sequence, i))[key];
      for (const nlohmann::json& candidate : SimplerValues(value)) {
        std::vector<Operation> next = result_.sequence;
        (*ConfigurationOf(next, i))[key] = candidate;
        if (Try(next)) {
          simpler = true;
          break;
        }
      }
    }
  }

  const std::string rule_;
  const Replayer& replay_;
  const ShrinkLimits limits_;
  const std::chrono::steady_clock::time_point start_;
  ShrinkResult result_;
};

}  // namespace

std::vector<nlohmann::json> SimplerValues(const nlohmann::json& value) {
  std::vector<nlohmann::json> out;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (!text.empty()) out.push_back("");
    // Halved by characters: a cut inside one would make a body no JSON library can write.
    const size_t characters = Utf8Length(text);
    if (characters > 1) out.push_back(Utf8Head(text, characters / 2));
  } else if (value.is_array() && !value.empty()) {
    out.push_back(nlohmann::json::array());
    if (value.size() > 1) out.push_back(nlohmann::json(std::vector<nlohmann::json>(value.begin(), value.begin() + static_cast<long>(value.size() / 2))));
  } else if (value.is_object() && !value.empty()) {
    out.push_back(nlohmann::json::object());
    if (value.size() > 1) {
      nlohmann::json half = nlohmann::json::object();
      size_t n = 0;
      for (auto it = value.begin(); it != value.end() && n < value.size() / 2; ++it, ++n) half[it.key()] = it.value();
      out.push_back(half);
    }
  } else if (value.is_number() && value != 0) {
    out.push_back(0);
  }
  return out;
}

ShrinkResult Shrink(std::vector<Operation> failing, const std::string& rule, const Replayer& replay, ShrinkLimits limits) {
  return Shrinker(rule, replay, limits).Run(std::move(failing));
}

}  // namespace conform
