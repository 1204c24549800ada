// extract/text/decode_internal.h (private to extract/): bytes → Unicode code points.
//
// Detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM,
// else GB18030/GBK when the bytes are not valid UTF-8 but decode as GB18030)
// with ICU, and reports every invalid byte sequence with its byte offset.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "model/status.h"

namespace govkg::internal {

struct DecodeProblem {
  size_t byte_offset = 0;   // into the raw bytes
  std::string description;  // "invalid UTF-8 byte 0xFF"
};

struct DecodedText {
  std::u32string text;       // code points; offsets in the contract count these
  std::string encoding;      // "UTF-8", "UTF-16LE", "GB18030" …
  std::vector<DecodeProblem> problems;  // replaced sequences (kReplace) or empty
};

// Decodes `bytes`. Under kSkip and kFail a document with invalid sequences is
// an InvalidArgument "extract: NAME: byte N: invalid UTF-8 byte 0xFF" (the first
// one); under kReplace each becomes U+FFFD and is listed in `problems`.
[[nodiscard]] Result<DecodedText> DecodeBytes(std::string_view doc_name, std::string_view bytes,
                                              BadInputPolicy policy);

// UTF-8 of a slice of code points (for names and quotes).
std::string ToUtf8(std::u32string_view text);
// The byte at which each code point starts in ToUtf8(text) (text.size() + 1
// entries, the last its length): a slice of code points [a, b) is the bytes
// [offsets[a], offsets[b]) of the whole text's UTF-8.
std::vector<uint32_t> Utf8Offsets(std::u32string_view text);
std::u32string FromUtf8(std::string_view utf8);  // REQUIRES: valid UTF-8
// The byte offset of the first invalid UTF-8 sequence (overlongs and
// surrogates included), npos when `bytes` is valid UTF-8.
size_t FirstInvalidUtf8(std::string_view bytes);

}  // namespace govkg::internal
