// extract/trie_internal.h (private to extract/): the multi-pattern matcher.
//
// Every lexicon lookup goes through one structure: a trie over code points
// with a payload per pattern. Longest-match at a position is O(length of the
// match); scanning a text for all matches is one pass per start position,
// which is what the recognisers need (they want the longest entry starting
// at each point). Build once, then read-only and safe to share across threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace govkg::internal {

template <typename Payload>
class Trie {
 public:
  struct Match {
    size_t length = 0;             // in code points; 0 = no match
    const Payload* payload = nullptr;
  };

  Trie() {
    payload_of_.push_back(-1);  // the root
    slots_.assign(16, Slot{});
  }

  // Adds (or overwrites) a pattern. Empty patterns are ignored.
  void Insert(std::u32string_view pattern, Payload payload) {
    if (pattern.empty()) return;
    uint32_t node = 0;
    for (const char32_t c : pattern) {
      const uint32_t child = Child(node, c);
      if (child != kNone) {
        node = child;
        continue;
      }
      const auto added = static_cast<uint32_t>(payload_of_.size());
      payload_of_.push_back(-1);
      AddEdge(node, c, added);
      node = added;
    }
    if (payload_of_[node] < 0) {
      payload_of_[node] = static_cast<int32_t>(payloads_.size());
      payloads_.push_back(std::move(payload));
      ++size_;
    } else {
      payloads_[payload_of_[node]] = std::move(payload);
    }
  }

  // The longest pattern that starts at text[pos].
  Match LongestAt(std::u32string_view text, size_t pos) const {
    Match best;
    ForEachAt(text, pos, [&](const Match& m) { best = m; });
    return best;
  }

  // Every pattern that starts at text[pos], shortest first.
  std::vector<Match> AllAt(std::u32string_view text, size_t pos) const {
    std::vector<Match> out;
    ForEachAt(text, pos, [&](const Match& m) { out.push_back(m); });
    return out;
  }

  // Calls f(Match) for every pattern that starts at text[pos], shortest
  // first, without allocating (the hot loop of a whole-text scan).
  template <typename F>
  void ForEachAt(std::u32string_view text, size_t pos, F&& f) const {
    uint32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      node = Child(node, text[i]);
      if (node == kNone) break;
      if (payload_of_[node] >= 0) {
        f(Match{i - pos + 1, &payloads_[payload_of_[node]]});
      }
    }
  }

  // Exact lookup of a whole string.
  const Payload* Find(std::u32string_view key) const {
    const Match m = LongestAt(key, 0);
    return m.length == key.size() ? m.payload : nullptr;
  }

  size_t size() const { return size_; }

 private:
  // Edges live in one open-addressing table keyed by (parent, code point):
  // a lookup is one multiply and, nearly always, one probe (a hash map per
  // node cost a division and two pointer hops per character).
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  struct Slot {
    uint64_t key = ~uint64_t{0};  // (parent << 32) | code point; ~0 = empty
    uint32_t child = kNone;
  };
  static uint64_t EdgeKey(uint32_t parent, char32_t c) { return (uint64_t{parent} << 32) | c; }
  size_t SlotOf(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1);
  }

  uint32_t Child(uint32_t parent, char32_t c) const {
    const uint64_t key = EdgeKey(parent, c);
    for (size_t i = SlotOf(key);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.child;
      if (slot.child == kNone) return kNone;
    }
  }

  void AddEdge(uint32_t parent, char32_t c, uint32_t child) {
    if (4 * (edges_ + 1) > slots_.size()) Grow();
    Place(EdgeKey(parent, c), child);
    ++edges_;
  }

  void Place(uint64_t key, uint32_t child) {
    size_t i = SlotOf(key);
    while (slots_[i].child != kNone) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = Slot{key, child};
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.child != kNone) Place(s.key, s.child);
    }
  }

  std::vector<Slot> slots_;             // size a power of two, at most a quarter full
  size_t edges_ = 0;
  std::vector<int32_t> payload_of_;     // per node: index into payloads_, or -1
  std::vector<Payload> payloads_;
  size_t size_ = 0;
};

}  // namespace govkg::internal
