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
  // Keys (start, index) sorted as integers: the order of a stable sort by
  // start, without a comparison reaching into two Mentions of 200 bytes
  // each (a cache miss apiece once there are thousands of them); mentions
  // mostly arrive in text order, and then nothing is sorted at all.
  std::vector<uint64_t> keys;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (type == nullptr || mentions[i].type == *type) {
      keys.push_back(uint64_t{mentions[i].start} << 32 | i);
    }
  }
  if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
  order_.reserve(keys.size());
  starts_.reserve(keys.size());
  max_end_.reserve(keys.size());
  uint32_t running = 0;
  for (const uint64_t key : keys) {
    const auto i = static_cast<uint32_t>(key);
    order_.push_back(static_cast<int>(i));
    starts_.push_back(static_cast<uint32_t>(key >> 32));
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
