// Tests of extract/trie_internal.h and the EndingTrie of
// metric_lexicon_internal.h: every answer is checked against a brute-force
// search over the same patterns, on fixed cases and on random text.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "extract/vocabulary/metric_lexicon_internal.h"
#include "extract/vocabulary/trie_internal.h"

namespace govkg::internal {
namespace {

// Patterns over a small alphabet (BMP Han, ASCII and one astral character)
// so that random text hits them often, and prefixes of each other.
const std::vector<std::u32string> kPatterns = {
    U"公安", U"公安厅", U"公安厅长", U"厅", U"安厅", U"a", U"ab", U"abc", U"𠀀",
    U"𠀀公", U"以来", U"来", U"开展以来"};
constexpr std::u32string_view kAlphabet = U"公安厅长以来开展abc𠀀x";

std::u32string RandomText(std::mt19937& rng, size_t n) {
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
  std::u32string s;
  for (size_t i = 0; i < n; ++i) s += kAlphabet[pick(rng)];
  return s;
}

// Brute force: the longest pattern equal to text[start, start+len).
size_t LongestStartingBrute(std::u32string_view text, size_t pos) {
  size_t best = 0;
  for (const auto& p : kPatterns) {
    if (text.substr(pos).substr(0, p.size()) == p && p.size() > best) best = p.size();
  }
  return best;
}

size_t LongestEndingBrute(std::u32string_view text, size_t end, size_t floor) {
  size_t best = 0;
  for (const auto& p : kPatterns) {
    if (p.size() <= end - floor && text.substr(end - p.size(), p.size()) == p &&
        p.size() > best) {
      best = p.size();
    }
  }
  return best;
}

TEST_CASE("Trie finds the longest pattern at each start, as a brute-force search does") {
  Trie<int> trie;
  for (size_t i = 0; i < kPatterns.size(); ++i) trie.Insert(kPatterns[i], static_cast<int>(i));
  CHECK(trie.size() == kPatterns.size());
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const std::u32string text = RandomText(rng, 40);
    for (size_t pos = 0; pos < text.size(); ++pos) {
      const auto m = trie.LongestAt(text, pos);
      REQUIRE(m.length == LongestStartingBrute(text, pos));
      if (m.length > 0) CHECK(kPatterns[static_cast<size_t>(*m.payload)] == text.substr(pos, m.length));
    }
  }
}

TEST_CASE("Trie lists every pattern at a start, shortest first") {
  Trie<int> trie;
  for (size_t i = 0; i < kPatterns.size(); ++i) trie.Insert(kPatterns[i], static_cast<int>(i));
  const std::u32string text = U"公安厅长说";
  std::vector<size_t> lengths;
  for (const auto& m : trie.AllAt(text, 0)) lengths.push_back(m.length);
  CHECK(lengths == std::vector<size_t>{2, 3, 4});
  CHECK(trie.Find(U"公安厅") != nullptr);
  CHECK(trie.Find(U"公") == nullptr);  // a prefix only
  CHECK(trie.LongestAt(text, text.size()).length == 0);
}

TEST_CASE("EndingTrie finds the longest term ending at a position, within the floor") {
  EndingTrie<int> trie;
  for (size_t i = 0; i < kPatterns.size(); ++i) trie.Insert(kPatterns[i], static_cast<int>(i));
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    const std::u32string text = RandomText(rng, 30);
    for (size_t end = 0; end <= text.size(); ++end) {
      for (size_t floor = 0; floor <= end; floor += 3) {
        const auto m = trie.LongestEndingAt(text, end, floor);
        REQUIRE(m.length == LongestEndingBrute(text, end, floor));
        if (m.length > 0) {
          CHECK(kPatterns[static_cast<size_t>(*m.payload)] ==
                text.substr(end - m.length, m.length));
        }
      }
    }
  }
  // The forward half still works, and a later insert overwrites both halves.
  CHECK(trie.LongestAt(U"开展以来，", 0).length == 4);
  trie.Insert(U"以来", 99);
  CHECK(*trie.LongestEndingAt(U"三年以来", 4, 0).payload == 99);
  CHECK(*trie.Find(U"以来") == 99);
  CHECK(trie.LongestEndingAt(U"三年以来", 5, 0).length == 0);  // past the end
}

}  // namespace
}  // namespace govkg::internal
