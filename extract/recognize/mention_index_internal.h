// extract/recognize/mention_index_internal.h (private to extract/): look-ups over mentions.
//
// The recognisers and relation rules ask positional questions of the mention
// list ("the agency ending here", "programs inside this sentence", "is this
// span inside an agency?"). Answering them with a scan of every mention made
// extraction quadratic in the length of a document; these indexes answer
// them in logarithmic or constant time, so a 100 MB document costs what a
// hundred 1 MB documents cost.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "extract/recognize/mention_internal.h"

namespace govkg::internal {

// Mentions of one type by exact end position, kept current while a recogniser
// appends: each query first indexes the mentions added since the last one.
class EndIndex {
 public:
  EndIndex(const std::vector<Mention>& mentions, EntityType type)
      : mentions_(mentions), type_(type) {}

  // Indices of the mentions of the type that end at `pos`, in the order they
  // were added (empty when none).
  std::span<const int> EndingAt(uint32_t pos);

  // The last added mention of the type spanning exactly [start, end), or -1.
  int Exactly(uint32_t start, uint32_t end);

 private:
  void CatchUp();

  const std::vector<Mention>& mentions_;
  const EntityType type_;
  size_t seen_ = 0;
  std::unordered_map<uint32_t, std::vector<int>> by_end_;
};

// A snapshot of the mentions (optionally of one type) ordered by start, for
// range and containment questions once recognition of that type is done.
class StartIndex {
 public:
  explicit StartIndex(const std::vector<Mention>& mentions);
  StartIndex(const std::vector<Mention>& mentions, EntityType type);

  // Indices of the mentions that start in [lo, hi), in text order (ties in
  // the order they were added).
  std::span<const int> StartingIn(uint32_t lo, uint32_t hi) const;

  // Whether some mention covers [start, end): starts at or before `start`
  // and ends at or after `end`.
  bool Covers(uint32_t start, uint32_t end) const;

 private:
  void Build(const std::vector<Mention>& mentions, const EntityType* type);

  std::vector<int> order_;          // mention indices by start
  SortedStarts starts_;             // their starts, for bucketed search
  std::vector<uint32_t> max_end_;   // running maximum of their ends
};

}  // namespace govkg::internal
