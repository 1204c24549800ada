// Look-ups over mentions (see mention_index_internal.h).
#include "extract/recognize/mention_index_internal.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace govkg::internal {
namespace {

// Sorts (start << 32 | index) keys generated in index order. A long list by
// a stable radix sort on the start, 16 bits a pass (a pass skipped when no
// start has those bits): ties keep their index order, as a full sort would
// give. Documents of tens of thousands of mentions build a dozen indexes.
void SortByStart(std::vector<uint64_t>* keys) {
  constexpr size_t kRadixFrom = 4096;
  if (keys->size() < kRadixFrom) {
    std::sort(keys->begin(), keys->end());
    return;
  }
  uint64_t any = 0;
  for (const uint64_t k : *keys) any |= k;
  std::vector<uint64_t> other(keys->size());
  std::vector<uint32_t> count(1 << 16);
  for (const int shift : {32, 48}) {
    if (((any >> shift) & 0xFFFF) == 0) continue;
    std::fill(count.begin(), count.end(), 0);
    for (const uint64_t k : *keys) ++count[(k >> shift) & 0xFFFF];
    uint32_t sum = 0;
    for (uint32_t& c : count) sum += std::exchange(c, sum);
    for (const uint64_t k : *keys) other[count[(k >> shift) & 0xFFFF]++] = k;
    keys->swap(other);
  }
}

}  // namespace

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
  if (!std::is_sorted(keys.begin(), keys.end())) SortByStart(&keys);
  order_.reserve(keys.size());
  std::vector<uint32_t> starts;
  starts.reserve(keys.size());
  max_end_.reserve(keys.size());
  uint32_t running = 0;
  for (const uint64_t key : keys) {
    const auto i = static_cast<uint32_t>(key);
    order_.push_back(static_cast<int>(i));
    starts.push_back(static_cast<uint32_t>(key >> 32));
    running = std::max(running, mentions[i].end);
    max_end_.push_back(running);
  }
  starts_.Assign(std::move(starts));
}

std::span<const int> StartIndex::StartingIn(uint32_t lo, uint32_t hi) const {
  if (hi <= lo) return {};
  const size_t first = starts_.CountBelow(lo);
  // The ranges asked hold a few mentions: a step or two past `first` finds
  // their end before a second search would.
  constexpr size_t kSteps = 8;
  const size_t n = starts_.size();
  size_t last = first;
  for (size_t k = 0; k < kSteps && last < n && starts_[last] < hi; ++k) ++last;
  if (last < n && starts_[last] < hi) last = starts_.CountBelow(hi);
  return std::span<const int>(order_).subspan(first, last - first);
}

bool StartIndex::Covers(uint32_t start, uint32_t end) const {
  // The mentions starting at or before `start` are a prefix of the order.
  const size_t past = start == UINT32_MAX ? starts_.size() : starts_.CountUpTo(start);
  if (past == 0) return false;
  return max_end_[past - 1] >= end;
}

}  // namespace govkg::internal
