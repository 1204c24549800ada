// extract/vocabulary/trie_internal.h (private to extract/): the multi-pattern matcher.
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
    for (size_t k = 0; k < pattern.size(); ++k) {
      const uint32_t child = Child(node, pattern[k]);
      if (child != kNone) {
        node = child;
        continue;
      }
      const auto added = static_cast<uint32_t>(payload_of_.size());
      payload_of_.push_back(-1);
      AddEdge(node, pattern[k], added);
      if (k == 1) AddPair(pattern[0], pattern[1]);  // a new second level edge
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
    if (pos >= text.size()) return;
    uint32_t node = Child(0, text[pos]);
    if (node == kNone) return;
    if (payload_of_[node] >= 0) f(Match{1, &payloads_[payload_of_[node]]});
    if (pos + 1 >= text.size() || !MayContinue(text[pos], text[pos + 1])) return;
    for (size_t i = pos + 1; i < text.size(); ++i) {
      node = Child(node, text[i]);
      if (node == kNone) break;
      if (payload_of_[node] >= 0) {
        f(Match{i - pos + 1, &payloads_[payload_of_[node]]});
      }
    }
  }

  // Calls f(Match) for every pattern that matches text read backwards from
  // text[end - 1], not reaching before `floor`, shortest first. A trie of
  // reversed patterns so answers "which terms end at `end`" in one walk.
  template <typename F>
  void ForEachBackwardFrom(std::u32string_view text, size_t end, size_t floor, F&& f) const {
    uint32_t node = 0;
    for (size_t i = end; i > floor; --i) {
      node = Child(node, text[i - 1]);
      if (node == kNone) break;
      if (payload_of_[node] >= 0) f(Match{end - i + 1, &payloads_[payload_of_[node]]});
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
  // 12 bytes, not 16: the table is what a scan misses the cache on.
  struct Slot {
    uint32_t parent = kNone;
    char32_t c = 0;
    uint32_t child = kNone;  // kNone = empty
  };
  // The root's children of the BMP sit in a direct table: a whole-text scan
  // asks the root once per position, and the table's lines for the text's
  // common characters stay cached where hashed slots spread over the table.
  static constexpr char32_t kRootDirect = 0x10000;
  static uint64_t EdgeKey(uint32_t parent, char32_t c) { return (uint64_t{parent} << 32) | c; }
  size_t SlotOf(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1);
  }

  uint32_t Child(uint32_t parent, char32_t c) const {
    if (parent == 0 && c < kRootDirect) return root_children_[c];
    for (size_t i = SlotOf(EdgeKey(parent, c));; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (slot.parent == parent && slot.c == c) return slot.child;
      if (slot.child == kNone) return kNone;
    }
  }

  void AddEdge(uint32_t parent, char32_t c, uint32_t child) {
    if (parent == 0 && c < kRootDirect) {
      root_children_[c] = child;
      return;
    }
    if (2 * (edges_ + 1) > slots_.size()) Grow();
    Place(Slot{parent, c, child});
    ++edges_;
  }

  void Place(const Slot& slot) {
    size_t i = SlotOf(EdgeKey(slot.parent, slot.c));
    while (slots_[i].child != kNone) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.child != kNone) Place(s);
    }
  }

  // A filter over the first two characters of the patterns: at most
  // positions of a text no pattern goes on past the first character, and the
  // filter (small enough to stay cached) says so without a probe of slots_.
  static size_t PairBit(char32_t a, char32_t b, size_t bits) {
    return static_cast<size_t>(((uint64_t{a} << 21 | b) * 0x9E3779B97F4A7C15ull) >> 40) & (bits - 1);
  }
  bool MayContinue(char32_t a, char32_t b) const {
    const size_t bit = PairBit(a, b, pair_filter_.size() * 64);
    return (pair_filter_[bit >> 6] >> (bit & 63)) & 1;
  }
  void AddPair(char32_t a, char32_t b) {
    pairs_.push_back(EdgeKey(a, b));
    if (pairs_.size() * 16 > pair_filter_.size() * 64) {  // keep it about 1/16 full
      pair_filter_.assign(pair_filter_.size() * 2, 0);
      for (const uint64_t p : pairs_) SetPair(static_cast<char32_t>(p >> 32), static_cast<char32_t>(p));
    } else {
      SetPair(a, b);
    }
  }
  void SetPair(char32_t a, char32_t b) {
    const size_t bit = PairBit(a, b, pair_filter_.size() * 64);
    pair_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }

  std::vector<uint64_t> pairs_;  // (first << 32) | second, each once: the filter's rebuilds
  std::vector<uint64_t> pair_filter_ = std::vector<uint64_t>(1024, 0);  // 64K bits to start
  std::vector<uint32_t> root_children_ = std::vector<uint32_t>(kRootDirect, kNone);
  std::vector<Slot> slots_;             // size a power of two, at most half full
  size_t edges_ = 0;
  std::vector<int32_t> payload_of_;     // per node: index into payloads_, or -1
  std::vector<Payload> payloads_;
  size_t size_ = 0;
};

}  // namespace govkg::internal
