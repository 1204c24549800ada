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
#include <unordered_map>
#include <vector>

namespace govkg::internal {

template <typename Payload>
class Trie {
 public:
  struct Match {
    size_t length = 0;             // in code points; 0 = no match
    const Payload* payload = nullptr;
  };

  Trie() { nodes_.emplace_back(); }

  // Adds (or overwrites) a pattern. Empty patterns are ignored.
  void Insert(std::u32string_view pattern, Payload payload) {
    if (pattern.empty()) return;
    uint32_t node = 0;
    for (const char32_t c : pattern) {
      const auto it = nodes_[node].next.find(c);
      if (it != nodes_[node].next.end()) {
        node = it->second;
      } else {
        const auto child = static_cast<uint32_t>(nodes_.size());
        nodes_[node].next.emplace(c, child);
        nodes_.emplace_back();
        node = child;
      }
    }
    if (nodes_[node].payload_index < 0) {
      nodes_[node].payload_index = static_cast<int32_t>(payloads_.size());
      payloads_.push_back(std::move(payload));
      ++size_;
    } else {
      payloads_[nodes_[node].payload_index] = std::move(payload);
    }
  }

  // The longest pattern that starts at text[pos].
  Match LongestAt(std::u32string_view text, size_t pos) const {
    Match best;
    uint32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      const auto it = nodes_[node].next.find(text[i]);
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      if (nodes_[node].payload_index >= 0) {
        best.length = i - pos + 1;
        best.payload = &payloads_[nodes_[node].payload_index];
      }
    }
    return best;
  }

  // Every pattern that starts at text[pos], shortest first.
  std::vector<Match> AllAt(std::u32string_view text, size_t pos) const {
    std::vector<Match> out;
    uint32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      const auto it = nodes_[node].next.find(text[i]);
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      if (nodes_[node].payload_index >= 0) {
        out.push_back({i - pos + 1, &payloads_[nodes_[node].payload_index]});
      }
    }
    return out;
  }

  // Calls f(Match) for every pattern that starts at text[pos], shortest
  // first, without allocating (the hot loop of a whole-text scan).
  template <typename F>
  void ForEachAt(std::u32string_view text, size_t pos, F&& f) const {
    uint32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      const auto it = nodes_[node].next.find(text[i]);
      if (it == nodes_[node].next.end()) break;
      node = it->second;
      if (nodes_[node].payload_index >= 0) {
        f(Match{i - pos + 1, &payloads_[nodes_[node].payload_index]});
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
  struct Node {
    std::unordered_map<char32_t, uint32_t> next;
    int32_t payload_index = -1;
  };
  std::vector<Node> nodes_;
  std::vector<Payload> payloads_;
  size_t size_ = 0;
};

}  // namespace govkg::internal
