// DocContext: one trie pass over the text, hits indexed by start and end.
#include <algorithm>

#include "extract/recognize/mention_internal.h"

namespace govkg::internal {

DocContext::DocContext(std::u32string_view text, const Segmentation& seg,
                       const LexiconSet& lexicon)
    : text_(text), seg_(seg) {
  const auto n = static_cast<uint32_t>(text.size());
  const Trie<LexEntry>& trie = lexicon.trie();
  start_index_.reset(new uint32_t[n + 2]);
  starting_roles_.reset(new uint32_t[n + 2]);
  // A long text reserves a hit a character (ordinary text has a third of
  // that): pages never written cost nothing, and growth by doubling copied
  // and touched every hit again.
  constexpr uint32_t kReserveHitsFrom = 16384;
  if (n >= kReserveHitsFrom) hits_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    start_index_[i] = static_cast<uint32_t>(hits_.size());
    uint32_t roles = 0;
    if (IsNameChar(text[i]) && lexicon.MayStart(text[i])) {
      trie.ForEachAt(text, i, [&](const Trie<LexEntry>::Match& m) {
        hits_.push_back({i, static_cast<uint32_t>(i + m.length), m.payload, m.payload->roles});
        roles |= m.payload->roles;
      });
    }
    starting_roles_[i] = roles;
  }
  start_index_[n] = start_index_[n + 1] = static_cast<uint32_t>(hits_.size());
  starting_roles_[n] = starting_roles_[n + 1] = 0;
  // Room for the recognisers' mentions in a long text: fewer than half the
  // hits in every text measured (a sixteenth in ordinary text, a half in a
  // run of one agency name). A Mention is some 200 bytes, and a vector of a
  // hundred thousand grown by doubling spent a quarter of such a text's time
  // moving them. An ordinary article (a thousand hits) grows its few dozen.
  constexpr size_t kReserveFromHits = 16384;
  if (hits_.size() >= kReserveFromHits) mentions.reserve(hits_.size() / 2);
  // Counting sort of hits by end, without a copy of the index: counted one
  // slot further on, the prefix sums put bucket e's start at e + 1, and
  // placing each hit moves that start to the bucket's end, which is where
  // bucket e + 1 starts: end_index_[e] is then bucket e's start.
  end_index_.assign(n + 3, 0);
  for (const LexHit& h : hits_) ++end_index_[h.end + 2];
  for (uint32_t i = 1; i < n + 3; ++i) end_index_[i] += end_index_[i - 1];
  by_end_.assign(hits_.size(), 0);
  for (uint32_t k = 0; k < hits_.size(); ++k) by_end_[end_index_[hits_[k].end + 1]++] = k;
  end_index_.pop_back();
  ending_roles_.assign(n + 2, 0);
  for (const LexHit& h : hits_) ending_roles_[h.end] |= h.roles();
  // Clauses: from after a break to the next break (its end), cut every
  // kMaxClauseChars when longer.
  std::vector<uint32_t> clause_starts;
  auto add_clause = [&](uint32_t s, uint32_t e) {
    for (; e - s > kMaxClauseChars; s += kMaxClauseChars) {
      clause_starts.push_back(s);
      clause_ends_.push_back(s + kMaxClauseChars);
    }
    clause_starts.push_back(s);
    clause_ends_.push_back(e);
  };
  uint32_t clause = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (IsClauseBreak(text[i])) {
      add_clause(clause, i);
      clause = i + 1;
    }
  }
  add_clause(clause, n);
  clause_starts_.Assign(std::move(clause_starts));
  std::vector<uint32_t> sentence_starts;
  sentence_starts.reserve(seg.sentences.size());
  for (const Sentence& x : seg.sentences) sentence_starts.push_back(x.range.start);
  sentence_starts_.Assign(std::move(sentence_starts));
}

void SortedStarts::Assign(std::vector<uint32_t> starts) {
  starts_ = std::move(starts);
  const size_t buckets = starts_.empty() ? 1 : (starts_.back() >> kBucketShift) + 2;
  bucket_.resize(buckets);
  uint32_t k = 0;
  for (size_t b = 0; b < buckets; ++b) {
    while (k < starts_.size() && (starts_[k] >> kBucketShift) < b) ++k;
    bucket_[b] = k;
  }
}

std::pair<SortedStarts::Iterator, SortedStarts::Iterator> SortedStarts::BucketOf(uint32_t pos) const {
  const size_t b = pos >> kBucketShift;
  const auto from = starts_.begin() + bucket_[std::min(b, bucket_.size() - 1)];
  const auto to = b + 1 < bucket_.size() ? starts_.begin() + bucket_[b + 1] : starts_.end();
  return {from, to};
}

size_t SortedStarts::CountBelow(uint32_t pos) const {
  const auto [from, to] = BucketOf(pos);
  return static_cast<size_t>(std::lower_bound(from, to, pos) - starts_.begin());
}

size_t SortedStarts::CountUpTo(uint32_t pos) const {
  const auto [from, to] = BucketOf(pos);
  return static_cast<size_t>(std::upper_bound(from, to, pos) - starts_.begin());
}

const LexHit* DocContext::LongestStartingAt(uint32_t pos, uint32_t roles) const {
  const LexHit* best = nullptr;
  for (uint32_t k = start_index_[pos]; k < start_index_[pos + 1]; ++k) {
    if ((hits_[k].roles() & roles) != 0) best = &hits_[k];  // shortest first
  }
  return best;
}

const LexHit* DocContext::LevelAt(uint32_t pos) const {
  const LexHit* level = StartingAt(pos, kRegionLevel);
  if (level == nullptr || !level->entry->generic_level) return level;
  bool broken = false;
  for (uint32_t p = level->start + 1; p < level->end && !broken; ++p) {
    const LexHit* k = StartingAt(p, kAgencyKind | kAgencyName | kNameWord);
    broken = k != nullptr && k->end > level->end;
  }
  if (!broken) return level;
  const LexHit* shorter = nullptr;  // the longest level word inside, from pos
  for (uint32_t k = start_index_[pos]; k < start_index_[pos + 1]; ++k) {
    const LexHit& h = hits_[k];
    if ((h.roles() & kRegionLevel) != 0 && h.end < level->end) shorter = &h;
  }
  return shorter;
}

const LexHit* DocContext::LongestEndingAt(uint32_t pos, uint32_t roles) const {
  const LexHit* best = nullptr;
  for (uint32_t k = end_index_[pos]; k < end_index_[pos + 1]; ++k) {
    const LexHit& h = hits_[by_end_[k]];
    if ((h.roles() & roles) != 0 && (best == nullptr || h.start < best->start)) best = &h;
  }
  return best;
}

bool DocContext::Overlapped(uint32_t start, uint32_t end, uint32_t roles,
                            uint32_t min_end_beyond) const {
  const uint32_t from = start >= 6 ? start - 6 : 0;
  for (uint32_t k = start_index_[from]; k < start_index_[std::min<uint32_t>(
                                                end, static_cast<uint32_t>(text_.size()))];
       ++k) {
    const LexHit& h = hits_[k];
    if ((h.roles() & roles) != 0 && h.start < end && h.end > start &&
        h.end >= min_end_beyond) {
      return true;
    }
  }
  return false;
}

bool DocContext::InsideLonger(const LexHit& h, uint32_t roles) const {
  const uint32_t from = h.start >= 8 ? h.start - 8 : 0;
  for (uint32_t k = start_index_[from]; k < start_index_[h.end]; ++k) {
    const LexHit& o = hits_[k];
    if ((o.roles() & roles) != 0 && o.start < h.end && o.end > h.start &&
        (o.start < h.start || o.end > h.end)) {
      // a collective level broken by a name (全省|市场监管) holds nothing
      const bool broken_level = (o.roles() & roles) == kRegionLevel && o.entry->generic_level &&
                                LevelAt(o.start) != &o;
      if (!broken_level) return true;
    }
  }
  return false;
}

int DocContext::SentenceAt(uint32_t pos) const {
  const size_t k = sentence_starts_.CountUpTo(pos);
  if (k == 0) return -1;
  return pos < seg_.sentences[k - 1].range.end ? static_cast<int>(k - 1) : -1;
}

int DocContext::ParagraphAt(uint32_t pos) const {
  const auto& s = seg_.paragraphs;
  auto it = std::upper_bound(s.begin(), s.end(), pos,
                             [](uint32_t p, const Paragraph& x) { return p < x.range.start; });
  if (it == s.begin()) return -1;
  --it;
  return pos <= it->range.end ? static_cast<int>(it - s.begin()) : -1;
}

TextRange DocContext::ClauseAt(uint32_t pos) const {
  // The last clause starting at or before pos: a break belongs to the clause
  // it closes, a cut to the clause it opens.
  const size_t count = clause_starts_.CountUpTo(pos);
  if (count == 0 || pos > text_.size()) return {pos, pos};
  const size_t k = count - 1;
  return {clause_starts_[k], clause_ends_[k]};
}

}  // namespace govkg::internal
