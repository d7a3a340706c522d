// UTF-8 checks for bodies that come off the wire: a response that is not valid UTF-8 is an
// environment error, and report writers replace what XML cannot carry. Pure.
#pragma once

#include <cstddef>
#include <string>

namespace conform {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid (overlong forms,
// surrogates, code points past U+10FFFF, and U+FFFE/U+FFFF, which XML cannot carry, count as invalid).
size_t Utf8SequenceLength(const std::string& s, size_t i);

// Every byte belongs to such a sequence.
bool IsValidUtf8(const std::string& text);

}  // namespace conform
