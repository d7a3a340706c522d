// How exploration judges a connection the target shows against the model's: in the answer to a
// create or update, and in a GET. Pure: the caller has already told a conflation (a connection
// under another name) apart, and sent whatever was needed.
#pragma once

#include <optional>
#include <string>

#include "check/finding.h"
#include "check/replace_oracle.h"

namespace conform {

// A 2xx create or update answers with the connection as now stored: the model's `want` (200).
// explore.answer-diverged (must) at the first field that differs.
std::optional<Finding> AnswerFinding(const std::string& step, const Snapshot& want, const Snapshot& answered);

// A GET of `name` shows the model's state: the same status (404 or 200), the same connection.
// explore.state-diverged (must); explore.name-with-slash-lost (should, and *unaligned: the model
// can no longer follow) for a name holding '/' the target cannot show (404, or 400/413/422). A name the server will
// not hold, refused 400/413/422 on the GET too, shows that nothing exists.
std::optional<Finding> StoredStateFinding(const std::string& step, const std::string& name, const Snapshot& want,
                                          const Snapshot& got, bool* unaligned);

}  // namespace conform
