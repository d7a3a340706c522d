// The "pattern" keywords of a schema, checked before valijson sees them. valijson matches them
// with std::regex, and libstdc++'s std::regex both compiles and matches recursively: a pattern
// that nests hundreds of groups overflows the stack while compiling, and `x*` or `x+` takes one
// stack frame per character matched, so a 100 000-character string overflows it while matching
// (both found by the schema fuzz target). A pattern that does not compile would only throw at
// validation time. Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace conform {

// Why std::regex cannot be trusted with this pattern; empty when it can: it compiles, nests at
// most 16 groups, repeats nothing without a bound (no *, + or {n,}), no bound above 1000, and has
// at most 16 quantifiers (? and {n,m}), since backtracking can try 2^quantifiers paths.
std::string PatternProblem(const std::string& pattern);

// false with *err = "file: /pointer: ..." for the first "pattern" (or "patternProperties" key)
// of doc with a problem. Values of data keywords (enum, const, default, examples) are skipped.
bool CheckSchemaPatterns(const nlohmann::json& doc, const std::string& file, std::string* err);

}  // namespace conform
