// extract/vocabulary/metric_lexicon_internal.h (private to extract/): the word lists of
// the metric recogniser and the small matchers built on them.
//
// Loaded once from extract/lexicon/metric_*.txt (each file documents its
// fields): measure words with base unit and scale, metric verbs, qualifiers,
// change cues, period words, name trimming words and target cues. Every
// lookup is a Trie lookup; "ending at" lookups are one backward walk of a
// trie of the reversed terms.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "extract/vocabulary/trie_internal.h"
#include "model/status.h"

namespace govkg::internal {

struct UnitEntry {
  std::string base;  // the unit reported; empty = not a metric (个月, 部门)
  double scale = 1;
};

// kPartner: a verb whose object is who acts with the subject (联合, 会同);
// a verb after its partners heads the name instead (联合A、B检查食堂 → 检查食堂).
enum class VerbKind { kVerb, kNotVerb, kPartner };

struct QualifierEntry {
  bool before_number = true;  // pre (近820处) or post (6100余个)
  std::string canonical;      // empty = dropped without a qualifier (达到)
  bool word = false;          // a word that ends in one (行为): no qualifier at all
};

// kMonthCue compares with the period before (环比): a cue whose change is
// named …环比, not …同比.
enum class ChangeKind { kUp, kDown, kCue, kMonthCue };
inline bool IsChangeCue(ChangeKind k) { return k == ChangeKind::kCue || k == ChangeKind::kMonthCue; }

enum class PeriodKind { kWord, kBoth, kPrefix, kSuffix, kConnector, kTimeUnit };

// A term of a trie that ends at some position.
template <typename Payload>
struct EndingMatch {
  size_t length = 0;  // 0 = none
  const Payload* payload = nullptr;
};

// A Trie that also answers "the longest term ending here" in one backward
// walk, over a second trie of the reversed terms (trying each length with a
// forward lookup made that question quadratic in the longest term).
template <typename Payload>
class EndingTrie : public Trie<Payload> {
 public:
  void Insert(std::u32string_view term, Payload payload) {
    reversed_.Insert(std::u32string(term.rbegin(), term.rend()), payload);
    Trie<Payload>::Insert(term, std::move(payload));
  }

  // The longest term that ends exactly at text[end - 1] and starts at or
  // after `floor`.
  EndingMatch<Payload> LongestEndingAt(std::u32string_view text, size_t end,
                                       size_t floor = 0) const {
    EndingMatch<Payload> best;
    if (end > text.size()) return best;
    reversed_.ForEachBackwardFrom(text, end, floor, [&](const typename Trie<Payload>::Match& m) {
      best = {m.length, m.payload};
    });
    return best;
  }

 private:
  Trie<Payload> reversed_;
};

struct MetricLexicon {
  Trie<UnitEntry> units;
  Trie<VerbKind> verbs;
  EndingTrie<QualifierEntry> qualifiers;
  EndingTrie<ChangeKind> changes;
  Trie<PeriodKind> periods;
  EndingTrie<int> period_clause_ends;  // metric_period_clauses.txt
  // metric_name_trim.txt, one trie per kind (a word may be both lead and trail)
  Trie<int> lead_trims;
  EndingTrie<int> trail_trims;
  Trie<int> settings;  // the name starts after the last of these (在“百日行动”中破获…)
  EndingTrie<int> distribute_cues;
  std::set<std::u32string> totals;  // a bare total (总数) of the previous metric's object
  std::set<std::u32string> event_verbs;  // heads its own name, lent to no item after it (死亡)
  std::set<std::u32string> averages;  // a bare average (日均) of the previous metric's object
  std::set<std::u32string> bounds;    // a bare bound (控制在) after a figure: its limit, no figure
  std::u32string level_chars;       // one-character level words of region_levels.txt (省, 市, 县 …)
  EndingTrie<std::string> implied_units;  // name ending → unit (点击量 → 次)
  // metric_target_cues.txt: payload 1 = the cue needs a metric verb after it
  // (将建成, 计划投资), 0 = always a cue (确保, 力争)
  Trie<int> targets;

  // Reads the metric_*.txt files of `dir`. IOError / InvalidArgument naming
  // the file and line when a file is missing or a field is malformed.
  [[nodiscard]] static Result<MetricLexicon> Load(const std::string& dir);

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
