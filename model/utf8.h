// model/utf8.h: walking UTF-8 text one character at a time, for the stages
// after extraction that compare names character by character (extraction
// decodes to UTF-32 instead). Assumes valid UTF-8, which every stored name is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace govkg {

// Bytes of the UTF-8 sequence that starts with `lead`.
inline size_t Utf8Length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// The characters of `s`, each as its UTF-8 bytes.
inline std::vector<std::string> Utf8Chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8Length(static_cast<unsigned char>(s[i]));
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace govkg
