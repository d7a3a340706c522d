// Reads files and parses JSON, turning every failure into a one-line message naming the file.
// Touches the disk; no network.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// Reads the whole file. On failure returns false and sets *err to "path: reason".
bool ReadTextFile(const std::string& path, std::string* out, std::string* err);

// Parses JSON text. On failure sets *err to "<label>: invalid JSON at line L, column C: detail".
bool ParseJson(const std::string& text, const std::string& label, nlohmann::json* out, std::string* err);

// ReadTextFile followed by ParseJson.
bool ReadJsonFile(const std::string& path, nlohmann::json* out, std::string* err);

}  // namespace conform
