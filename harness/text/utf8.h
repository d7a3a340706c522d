// UTF-8 checks for bodies that come off the wire (a response that is not valid UTF-8 is an
// environment error, and report writers replace what XML cannot carry), and the one place that
// cuts text: by characters, never inside one. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace conform {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid (overlong forms,
// surrogates, code points past U+10FFFF, and U+FFFE/U+FFFF, which XML cannot carry, count as invalid).
size_t Utf8SequenceLength(const std::string& s, size_t i);

// Every byte belongs to such a sequence.
bool IsValidUtf8(const std::string& text);

// The longest prefix of text of at most max_bytes bytes that does not end inside a UTF-8
// sequence: a cut never splits a character (invalid bytes count as one character each).
std::string Utf8Prefix(const std::string& text, size_t max_bytes);

// The first n characters (code points) of text; invalid bytes count as one character each.
std::string Utf8Head(const std::string& text, size_t n);

// How many characters (code points) text holds; invalid bytes count as one each.
size_t Utf8Length(const std::string& text);

// The characters of text, one string each, in order; invalid bytes count as one each.
std::vector<std::string> Utf8Characters(const std::string& text);

// Utf8Prefix, then "..." when something was cut (the whole is at most max_bytes).
std::string Utf8Shorten(const std::string& text, size_t max_bytes);

// ASCII letters lowered; every other byte kept, so UTF-8 stays UTF-8 (header names, media
// types, names under a case-insensitive collation).
std::string AsciiLower(std::string text);

}  // namespace conform
