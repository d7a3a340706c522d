#include "load/schema_ref_loops.h"

#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "load/json_file.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxSteps = 10000;  // refs followed for one starting $ref: beyond this, call it a loop

// Follows $ref chains from every $ref in a document, the way valijson resolves them: a pointer
// is walked token by token, and a $ref met on the way is followed before the walk goes on.
class RefWalker {
 public:
  RefWalker(const nlohmann::json& doc, const std::string& file) : dir_(fs::path(file).parent_path()) {
    docs_[""] = &doc;
  }

  // The first problem with a $ref under node, as "pointer: what"; empty if none: a $ref naming a
  // file that is not a readable sibling (valijson recursed forever on a top-level one: schema
  // fuzz target), or a chain that loops.
  std::string FindProblem(const nlohmann::json& node, const std::string& at) {
    if (node.is_object()) {
      if (auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
        const std::string target = ref->get<std::string>();
        std::string file, pointer;
        Split(target, "", &file, &pointer);
        if (!file.empty() && (file.find('/') != std::string::npos || file.find("..") != std::string::npos)) {
          return "$ref \"" + target + "\" must name a file in the same directory";
        }
        if (!file.empty() && !Doc(file)) return "$ref \"" + target + "\": " + read_errors_[file];
        if (Loops(target)) return (at.empty() ? "/" : at) + ": $ref loops back to itself without reaching a schema";
      }
      for (auto it = node.begin(); it != node.end(); ++it) {
        std::string found = FindProblem(it.value(), at + (nlohmann::json::json_pointer() / it.key()).to_string());
        if (!found.empty()) return found;
      }
    } else if (node.is_array()) {
      for (size_t i = 0; i < node.size(); ++i) {
        std::string found = FindProblem(node[i], at + "/" + std::to_string(i));
        if (!found.empty()) return found;
      }
    }
    return "";
  }

 private:
  // A chain from this $ref that comes back to where it has been.
  bool Loops(const std::string& start) {
    std::set<std::pair<std::string, std::string>> seen;
    std::string file, pointer;
    Split(start, "", &file, &pointer);
    for (int step = 0; step < kMaxSteps; ++step) {
      if (!seen.insert({file, pointer}).second) return true;
      const nlohmann::json* target = Resolve(file, pointer, &step);
      if (!target) return step >= kMaxSteps;
      auto ref = target->is_object() ? target->find("$ref") : target->end();
      if (!target->is_object() || ref == target->end() || !ref->is_string()) return false;  // a schema at last
      Split(ref->get<std::string>(), file, &file, &pointer);
    }
    return true;
  }

  // "other.schema.json#/a" -> file and pointer; "#/a" stays in `current`.
  static void Split(const std::string& ref, const std::string& current, std::string* file, std::string* pointer) {
    const size_t hash = ref.find('#');
    *file = hash == 0 ? current : ref.substr(0, hash);
    *pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
  }

  // The node at pointer in file, following $refs met on the way; null when it does not resolve
  // (valijson reports that itself) or the step budget ran out.
  const nlohmann::json* Resolve(const std::string& file, const std::string& pointer, int* steps) {
    const nlohmann::json* node = Doc(file);
    if (!node || pointer.empty()) return node;
    nlohmann::json::json_pointer parsed;
    try {
      parsed = nlohmann::json::json_pointer(pointer);
    } catch (const nlohmann::json::exception&) {
      return nullptr;
    }
    std::vector<std::string> tokens;
    for (nlohmann::json::json_pointer p = parsed; !p.empty(); p = p.parent_pointer()) tokens.insert(tokens.begin(), p.back());
    std::string current_file = file;
    for (const std::string& token : tokens) {
      while (node->is_object() && !node->contains(token) && node->contains("$ref") && (*node)["$ref"].is_string()) {
        if (++*steps >= kMaxSteps) return nullptr;
        std::string next_file, next_pointer;
        Split((*node)["$ref"].get<std::string>(), current_file, &next_file, &next_pointer);
        node = Resolve(next_file, next_pointer, steps);
        current_file = next_file;
        if (!node) return nullptr;
      }
      if (node->is_object() && node->contains(token)) {
        node = &(*node)[token];
      } else if (node->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
                 token.size() < 10 && std::stoul(token) < node->size()) {
        node = &(*node)[std::stoul(token)];
      } else {
        return nullptr;
      }
    }
    return node;
  }

  const nlohmann::json* Doc(const std::string& file) {
    if (auto it = docs_.find(file); it != docs_.end()) return it->second;
    if (file.find('/') != std::string::npos || file.find("..") != std::string::npos) return nullptr;
    auto doc = std::make_unique<nlohmann::json>();
    std::string err;
    const nlohmann::json* out = ReadJsonFile((dir_ / file).string(), doc.get(), &err) ? doc.get() : nullptr;
    if (out) owned_.push_back(std::move(doc));
    if (!out) read_errors_[file] = err;
    docs_[file] = out;
    return out;
  }

  fs::path dir_;
  std::map<std::string, const nlohmann::json*> docs_;
  std::map<std::string, std::string> read_errors_;  // file -> why it could not be read
  std::vector<std::unique_ptr<nlohmann::json>> owned_;
};

}  // namespace

bool CheckNoRefLoops(const nlohmann::json& doc, const std::string& file, std::string* err) {
  RefWalker walker(doc, file);
  const std::string problem = walker.FindProblem(doc, "");
  if (problem.empty()) return true;
  *err = file + ": " + problem;
  return false;
}

}  // namespace conform
