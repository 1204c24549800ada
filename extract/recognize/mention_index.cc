// Look-ups over mentions (see mention_index_internal.h).
#include "extract/recognize/mention_index_internal.h"

#include <algorithm>
#include <numeric>

namespace govkg::internal {

void EndIndex::CatchUp() {
  for (; seen_ < mentions_.size(); ++seen_) {
    const Mention& m = mentions_[seen_];
    if (m.type == type_) by_end_[m.end].push_back(static_cast<int>(seen_));
  }
}

std::span<const int> EndIndex::EndingAt(uint32_t pos) {
  CatchUp();
  const auto it = by_end_.find(pos);
  if (it == by_end_.end()) return {};
  return it->second;
}

int EndIndex::Exactly(uint32_t start, uint32_t end) {
  int found = -1;
  for (const int i : EndingAt(end)) {
    if (mentions_[i].start == start) found = i;
  }
  return found;
}

StartIndex::StartIndex(const std::vector<Mention>& mentions) { Build(mentions, nullptr); }

StartIndex::StartIndex(const std::vector<Mention>& mentions, EntityType type) {
  Build(mentions, &type);
}

void StartIndex::Build(const std::vector<Mention>& mentions, const EntityType* type) {
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (type == nullptr || mentions[i].type == *type) order_.push_back(static_cast<int>(i));
  }
  std::stable_sort(order_.begin(), order_.end(),
                   [&](int a, int b) { return mentions[a].start < mentions[b].start; });
  starts_.reserve(order_.size());
  max_end_.reserve(order_.size());
  uint32_t running = 0;
  for (const int i : order_) {
    starts_.push_back(mentions[i].start);
    running = std::max(running, mentions[i].end);
    max_end_.push_back(running);
  }
}

std::span<const int> StartIndex::StartingIn(uint32_t lo, uint32_t hi) const {
  if (hi <= lo) return {};
  const auto first = std::lower_bound(starts_.begin(), starts_.end(), lo);
  const auto last = std::lower_bound(first, starts_.end(), hi);
  return std::span<const int>(order_).subspan(first - starts_.begin(), last - first);
}

bool StartIndex::Covers(uint32_t start, uint32_t end) const {
  // The mentions starting at or before `start` are a prefix of the order.
  const auto past = std::upper_bound(starts_.begin(), starts_.end(), start);
  if (past == starts_.begin()) return false;
  return max_end_[(past - starts_.begin()) - 1] >= end;
}

}  // namespace govkg::internal
