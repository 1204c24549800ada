// extract/text/normalize_internal.h (private to extract/): the text the recognisers read.
//
// Traditional → simplified (OpenCC, skipped when the text has no traditional
// characters), full-width → half-width, NFKC (ICU). Keeps, for every code
// point of the normalised text, the offset of the original code point it came
// from, so that spans found in normalised text map back to the input.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"

namespace govkg::internal {

struct NormalizedText {
  std::u32string text;
  // to_original[i] = offset in the original of normalised code point i;
  // to_original[text.size()] = original length. Monotonic non-decreasing.
  std::vector<uint32_t> to_original;

  // Maps a span of the normalised text to a span of the original.
  Span ToOriginal(size_t start, size_t end) const {
    return Span{to_original[start], to_original[end]};
  }
};

// Thread-safe after Create(): Normalize() may be called concurrently.
class Normalizer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Normalizer>> Create();
  virtual ~Normalizer() = default;
  virtual NormalizedText Normalize(std::u32string_view original) const = 0;
  // Normalises a short string (a lexicon entry, a name typed by a user).
  virtual std::string NormalizeUtf8(std::string_view utf8) const = 0;
};

}  // namespace govkg::internal
