#include "check/name_relations.h"

#include <algorithm>

#include "text/json_text.h"
#include "text/percent.h"
#include "text/utf8.h"

namespace conform {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string WithoutWhitespace(const std::string& text) {
  std::string out;
  std::copy_if(text.begin(), text.end(), std::back_inserter(out), [](char c) { return !IsSpace(c); });
  return out;
}

std::string Composed(std::string text) {
  for (const auto& [nfc, nfd] : NormalizationPairs()) {
    for (size_t at = text.find(nfd); at != std::string::npos; at = text.find(nfd, at + nfc.size())) {
      text.replace(at, nfd.size(), nfc);
    }
  }
  return text;
}

// What a server that decodes the path once more, or reads '+' as a space, makes of a name.
bool DecodesTo(const std::string& from, const std::string& to) {
  std::string plus_as_space = from;
  std::replace(plus_as_space.begin(), plus_as_space.end(), '+', ' ');
  return PercentDecode(from) == to || plus_as_space == to;
}

bool ProperPrefix(const std::string& a, const std::string& b) {
  return a.size() < b.size() && b.compare(0, a.size(), a) == 0;
}

struct Rule {
  Level level;
  const char* id;
  const char* what;
};

Rule RuleFor(NameConflation kind) {
  switch (kind) {
    case NameConflation::kWhitespace:
      return {Level::kMust, "explore.name-whitespace-ignored", "names that differ only in whitespace were taken as one"};
    case NameConflation::kDecoding:
      return {Level::kMust, "explore.name-decoded-twice",
              "the name was decoded once more than it was encoded (or '+' was read as a space)"};
    case NameConflation::kPrefix:
      return {Level::kMust, "explore.name-prefix-matched", "a name reached a connection whose name only begins like it"};
    case NameConflation::kTruncation:
      return {Level::kMust, "explore.name-truncated", "a long name was cut short, or compared only as far as a shorter one"};
    case NameConflation::kCase:
      return {Level::kShould, "explore.name-case-folded",
              "names that differ only in letter case were taken as one; the docs do not say they are distinct [I]"};
    case NameConflation::kNormalization:
      return {Level::kShould, "explore.name-normalized",
              "names that differ only in Unicode normalization were taken as one; the docs do not say they are distinct [I]"};
    case NameConflation::kNone: break;
  }
  return {Level::kMust, "explore.name-conflated", "an operation on one name reached a connection of another"};
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& NormalizationPairs() {
  static const std::vector<std::pair<std::string, std::string>> kPairs = {
      {"\xC3\xA9", "e\xCC\x81"},  // é
      {"\xC3\xB1", "n\xCC\x83"},  // ñ
      {"\xC3\x85", "A\xCC\x8A"},  // Å
  };
  return kPairs;
}

NameConflation ConflationBetween(const std::string& sent, const std::string& reached) {
  if (sent == reached) return NameConflation::kNone;
  // The relations go one way: what the server made of `sent`. "-w" reaching "-w " is a lookup by
  // prefix, "-w " reaching "-w" is trimming; "-%25" reaching "-%" is a second decoding, "-%"
  // reaching "-%25" a prefix again.
  if (ProperPrefix(sent, reached)) return NameConflation::kPrefix;
  if (WithoutWhitespace(sent) == WithoutWhitespace(reached)) return NameConflation::kWhitespace;
  if (DecodesTo(sent, reached)) return NameConflation::kDecoding;
  if (AsciiLower(sent) == AsciiLower(reached)) return NameConflation::kCase;
  if (Composed(sent) == Composed(reached)) return NameConflation::kNormalization;
  // A cut the server shows: the name it reached is the one sent, cut short. How many bytes two
  // names share proves nothing (every name of a run shares a prefix as long as --run-id and
  // --shard make it); names alike for a column's width that reach each other are conflated, must
  // either way, under the rule that claims no more than the server showed.
  if (ProperPrefix(reached, sent)) return NameConflation::kTruncation;
  return NameConflation::kNone;
}

Finding ConflationFinding(const std::string& step, const std::string& sent, const std::string& reached) {
  const Rule rule = RuleFor(ConflationBetween(sent, reached));
  Finding f = MakeFinding(rule.level, step, rule.id, rule.what);
  f.pointer = "/externalDatabaseConnection/name";
  f.expected = DumpJson(sent);
  f.actual = DumpJson(reached);
  return f;
}

}  // namespace conform
