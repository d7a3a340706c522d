// How a server can take one connection name for another: the classes of name bugs exploration
// looks for (an unanchored lookup, trimmed whitespace, a second decoding, a name cut short) and
// the conflations the docs leave open (letter case, Unicode normalization). Names are exact
// strings in the contract.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "check/finding.h"

namespace conform {

enum class NameConflation { kNone, kPrefix, kWhitespace, kDecoding, kTruncation, kCase, kNormalization };

// Why `sent` might have reached the connection named `reached` (kNone: no relation conform knows).
NameConflation ConflationBetween(const std::string& sent, const std::string& reached);

// The finding for an operation on `sent` that reached the connection `reached`: must for the
// bug classes, should for case and normalization (docs/contract.md section 1), under a rule of
// its own per class: explore.name-prefix-matched, explore.name-whitespace-ignored,
// explore.name-decoded-twice, explore.name-truncated, explore.name-case-folded,
// explore.name-normalized, and explore.name-conflated for any other pair.
Finding ConflationFinding(const std::string& step, const std::string& sent, const std::string& reached);

// The precomposed (NFC) and decomposed (NFD) spellings of the accented letters exploration's
// names use: the only normalization pairs conform generates, so the only ones it must recognise.
const std::vector<std::pair<std::string, std::string>>& NormalizationPairs();

}  // namespace conform
