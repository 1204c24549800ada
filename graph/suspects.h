// graph/suspects.h: nodes that are likely wrong (`govkg suspects`), for a
// user to settle with `govkg same` / `govkg distinct`.
//
// Duplicates: two nodes of one type and one scope whose names are alike (one
// contains the other, or they share most character pairs) and that share
// neighbours. Collisions: one node, not scoped to a region, mentioned by
// documents about several provinces (a generic name that the extractor
// could not scope). Each comes with its score and the evidence behind it.
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"

namespace govkg {

struct SuspectOptions {
  size_t limit = 50;         // 0: all
  double min_score = 0.35;   // duplicates below this are not listed
};

struct Suspect {
  enum class Kind { kDuplicate, kCollision };
  Kind kind = Kind::kDuplicate;
  double score = 0;                    // higher first; in [0, 1]
  std::vector<NameCandidate> nodes;    // two for a duplicate, one for a collision
  std::vector<std::string> evidence;   // "name 内蒙古公安厅 inside 内蒙古自治区公安厅", …
};

// Ranked: score, then the first node's name.
[[nodiscard]] Result<std::vector<Suspect>> FindSuspects(const Store& store, const SuspectOptions& options);

}  // namespace govkg
