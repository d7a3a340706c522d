#include "text/utf8.h"

namespace conform {

size_t Utf8SequenceLength(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  }
  if (length == 2 && c < 0xC2) return 0;  // overlong
  if (length == 3) {
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;  // overlong or surrogate
    if (c == 0xEF && c1 == 0xBF && static_cast<unsigned char>(s[i + 2]) >= 0xBE) return 0;  // U+FFFE/FFFF
  }
  if (length == 4) {
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
  }
  return length;
}

bool IsValidUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

namespace {

// The length of the character at s[i]: its UTF-8 sequence, or 1 for an invalid byte.
size_t CharLength(const std::string& s, size_t i) {
  const size_t length = Utf8SequenceLength(s, i);
  return length == 0 ? 1 : length;
}

}  // namespace

std::string Utf8Prefix(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = 0;
  while (end < text.size()) {
    const size_t next = end + CharLength(text, end);
    if (next > max_bytes) break;
    end = next;
  }
  return text.substr(0, end);
}

std::string Utf8Head(const std::string& text, size_t n) {
  size_t end = 0;
  for (size_t k = 0; k < n && end < text.size(); ++k) end += CharLength(text, end);
  return text.substr(0, end);
}

size_t Utf8Length(const std::string& text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); i += CharLength(text, i)) ++n;
  return n;
}

std::vector<std::string> Utf8Characters(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    const size_t length = CharLength(text, i);
    out.push_back(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string Utf8Shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return Utf8Prefix(text, max_bytes > 3 ? max_bytes - 3 : 0) + "...";
}

std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace conform
