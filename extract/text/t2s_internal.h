// extract/text/t2s_internal.h (private to extract/): traditional → simplified with
// OpenCC's own dictionaries, without calling OpenCC per text.
//
// OpenCC's converter walks marisa tries through UTF-8 strings and was 30% of
// extracting the samples (one of five is traditional). This class loads the
// dictionaries an OpenCC config names (t2s.json: TSPhrases for segmentation,
// the group TSPhrases + TSCharacters for conversion) into our code-point
// tries once and applies OpenCC's algorithm to them: maximum-match
// segmentation, then each segment converted by the chain, where a group takes
// the longest match of the first of its dictionaries that matches at all.
// tests/extract/normalize_test.cc checks it against OpenCC on many texts.
// Read-only after Load: safe to share across threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/vocabulary/trie_internal.h"
#include "model/status.h"

namespace govkg::internal {

class T2sConverter {
 public:
  // Loads the OpenCC config `config` (found on OpenCC's data path).
  // NotSupported when it uses a segmentation or dictionary kind this class
  // does not reproduce (the caller then keeps calling OpenCC).
  [[nodiscard]] static Result<std::unique_ptr<T2sConverter>> Load(const std::string& config);

  std::u32string Convert(std::u32string_view text) const;
  // False when Convert() leaves `c` alone for certain (no dictionary of the
  // chain has it as a key); true when it may change it. A test per character
  // of the Han blocks when the normaliser starts, cheaper than a conversion.
  bool MayChange(char32_t c) const;

 private:
  // One dictionary: key → its default (first) value.
  using Dict = Trie<std::u32string>;
  // A group: the first dictionary with a match at a point decides.
  using Group = std::vector<Dict>;

  T2sConverter() = default;
  // Appends the conversion of one segment to *out.
  void ConvertSegment(std::u32string_view segment, std::u32string* out) const;
  static void ApplyGroup(const Group& group, std::u32string_view in, std::u32string* to);

  Dict segmentation_;
  std::vector<Group> chain_;
};

}  // namespace govkg::internal
