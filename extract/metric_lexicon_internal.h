// extract/metric_lexicon_internal.h (private to extract/): the word lists of
// the metric recogniser and the small matchers built on them.
//
// Loaded once from extract/lexicon/metric_*.txt (each file documents its
// fields): measure words with base unit and scale, metric verbs, qualifiers,
// change cues, period words, name trimming words and target cues. Every
// lookup is a Trie lookup; "ending at" lookups try each length up to the
// longest term, which is a handful of exact trie lookups.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "extract/trie_internal.h"
#include "model/status.h"

namespace govkg::internal {

struct UnitEntry {
  std::string base;  // the unit reported; empty = not a metric (个月, 部门)
  double scale = 1;
};

enum class VerbKind { kVerb, kNotVerb };

struct QualifierEntry {
  bool before_number = true;  // pre (近820处) or post (6100余个)
  std::string canonical;      // empty = dropped without a qualifier (达到)
};

enum class ChangeKind { kUp, kDown, kCue };

enum class PeriodKind { kWord, kBoth, kPrefix, kSuffix, kConnector, kTimeUnit };

// A term of a trie that ends at some position.
template <typename Payload>
struct EndingMatch {
  size_t length = 0;  // 0 = none
  const Payload* payload = nullptr;
};

struct MetricLexicon {
  Trie<UnitEntry> units;
  Trie<VerbKind> verbs;
  Trie<QualifierEntry> qualifiers;
  Trie<ChangeKind> changes;
  Trie<PeriodKind> periods;
  Trie<int> period_clause_ends;  // metric_period_clauses.txt
  // metric_name_trim.txt, one trie per kind (a word may be both lead and trail)
  Trie<int> lead_trims;
  Trie<int> trail_trims;
  Trie<int> distribute_cues;
  Trie<std::string> implied_units;  // name ending → unit (点击量 → 次)
  // metric_target_cues.txt: payload 1 = the cue needs a metric verb after it
  // (将建成, 计划投资), 0 = always a cue (确保, 力争)
  Trie<int> targets;
  size_t longest_term = 1;  // over all tries, bounds the "ending at" lookups

  // Reads the metric_*.txt files of `dir`. IOError / InvalidArgument naming
  // the file and line when a file is missing or a field is malformed.
  [[nodiscard]] static Result<MetricLexicon> Load(const std::string& dir);

  // The longest term of `trie` that ends exactly at text[end - 1] and starts
  // at or after `floor`.
  template <typename Payload>
  EndingMatch<Payload> LongestEndingAt(const Trie<Payload>& trie, std::u32string_view text,
                                       size_t end, size_t floor = 0) const {
    for (size_t len = std::min(longest_term, end - std::min(end, floor)); len > 0; --len) {
      if (const Payload* p = trie.Find(text.substr(end - len, len))) return {len, p};
    }
    return {};
  }

  // The length of the time phrase starting at text[pos] (今年1至8月,
  // 2023年6月25日至8月31日, 三年来, 截至目前), 0 if none. Grammar in
  // metric_periods.txt.
  size_t MatchPeriodAt(std::u32string_view text, size_t pos) const;
};

// UTF-8 ⇄ code points for lexicon terms and metric names (the lexicon lines
// are checked to be valid UTF-8 by LoadLexiconFile).
std::u32string MetricDecodeUtf8(std::string_view utf8);
std::string MetricEncodeUtf8(std::u32string_view text);

}  // namespace govkg::internal
