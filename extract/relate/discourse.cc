// Discourse structure for the relation rules (see discourse_internal.h).
#include <algorithm>
#include <climits>
#include <cstddef>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/relate/discourse_internal.h"
#include "extract/work_count_internal.h"

namespace govkg::internal {
namespace {

bool Contains(const TextRange& r, uint32_t pos) { return r.start <= pos && pos < r.end; }

}  // namespace

RangeLookup::RangeLookup(const std::vector<TextRange>& ranges, Prefer prefer) {
  // Sweep the range ends in order, keeping the set of ranges open there.
  std::vector<std::pair<uint32_t, int>> events;  // (position, +index+1 opens / -(index+1) closes)
  for (size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i].end <= ranges[i].start) continue;
    events.push_back({ranges[i].start, static_cast<int>(i) + 1});
    events.push_back({ranges[i].end, -(static_cast<int>(i) + 1)});
  }
  std::sort(events.begin(), events.end());
  std::set<int> open;
  for (size_t e = 0; e < events.size();) {
    const uint32_t pos = events[e].first;
    for (; e < events.size() && events[e].first == pos; ++e) {
      const int v = events[e].second;
      if (v > 0) {
        open.insert(v - 1);
      } else {
        open.erase(-v - 1);
      }
    }
    starts_.push_back(pos);
    values_.push_back(open.empty() ? -1 : prefer == Prefer::kLast ? *open.rbegin() : *open.begin());
  }
}

int RangeLookup::At(uint32_t pos) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), pos);
  if (it == starts_.begin()) return -1;
  return values_[(it - starts_.begin()) - 1];
}

Discourse::Discourse(const DocContext& ctx, const std::vector<EntityDraft>& entities)
    : ctx_(ctx), by_start_(ctx.mentions), programs_(ctx.mentions, EntityType::kProgram) {
  (void)entities;
  agency_slot_.assign(ctx.mentions.size(), -1);
  blocked_.assign(ctx.mentions.size(), -1);
  for (const int i : by_start_.StartingIn(0, UINT32_MAX)) {
    const Mention& m = ctx.mentions[i];
    if (m.type == EntityType::kAgency && m.maximal && m.entity >= 0) {
      agency_slot_[i] = static_cast<int>(agencies_.size());
      agencies_.push_back(i);
      agency_starts_.push_back(m.start);
    }
  }
  BuildTurns();
  BuildItems();
}

size_t Discourse::FirstAgencyFrom(uint32_t pos) const {
  return std::lower_bound(agency_starts_.begin(), agency_starts_.end(), pos) -
         agency_starts_.begin();
}

void Discourse::BuildTurns() {
  const Segmentation& seg = ctx_.seg();
  // Each person's post, from wherever the text gave it (副厅长赵卫国同志):
  // a label that names only the person (赵卫国：) speaks for that body.
  std::unordered_map<std::u32string, int> post_of;  // person's name → agency entity
  for (const Mention& m : ctx_.mentions) {
    if (m.type == EntityType::kPerson && m.post_agency >= 0 &&
        ctx_.mentions[m.post_agency].entity >= 0) {
      post_of.try_emplace(m.name, ctx_.mentions[m.post_agency].entity);
    }
  }
  std::vector<TextRange> ranges;
  for (const SpeakerTurn& st : seg.turns) {
    TurnInfo t;
    t.label = st.label;
    t.range = {st.label.start, std::max(st.start_to_end.end, st.label.end)};
    // The speaker's agency: the last one named in the label.
    for (size_t k = FirstAgencyFrom(st.label.start);
         k < agencies_.size() && agency_starts_[k] < st.label.end; ++k) {
      t.speaker_agencies.assign(1, ctx_.mentions[agencies_[k]].entity);
    }
    if (t.speaker_agencies.empty() && !post_of.empty()) {
      const std::u32string name = ctx_.Slice(st.speaker.start, st.speaker.end);
      if (const auto it = post_of.find(name); it != post_of.end()) t.speaker_agencies.assign(1, it->second);
    }
    // The collective actor: an agency right after a scope word (全区…).
    for (size_t k = FirstAgencyFrom(st.label.end);
         k < agencies_.size() && agency_starts_[k] < t.range.end; ++k) {
      const Mention& m = ctx_.mentions[agencies_[k]];
      if (ctx_.EndingAt(m.start, kScopeWord) != nullptr && !Blocked(m)) {
        t.collective = GroupOf(agencies_[k]);
        break;
      }
    }
    ranges.push_back(t.range);
    turns_.push_back(std::move(t));
  }
  turn_lookup_ = RangeLookup(ranges, RangeLookup::Prefer::kFirst);
  // The main program: the last program of the turn's first paragraph that
  // the turn's own actor (collective or speaker) conducts.
  for (size_t j = 0; j < turns_.size(); ++j) {
    TurnInfo& turn = turns_[j];
    const uint32_t label_end = seg.turns[j].label.end;
    const int para = ctx_.ParagraphAt(label_end);
    if (para < 0) continue;
    const TextRange pr = seg.paragraphs[para].range;
    for (const int i : programs_.StartingIn(label_end, pr.end)) {
      const Mention& m = ctx_.mentions[i];
      if (!m.credited || !m.conducted || m.end > pr.end || m.entity < 0) continue;
      for (const int a : ActorsAt(m.start, 4)) {
        const bool own = std::find(turn.collective.begin(), turn.collective.end(), a) !=
                             turn.collective.end() ||
                         std::find(turn.speaker_agencies.begin(), turn.speaker_agencies.end(),
                                   a) != turn.speaker_agencies.end();
        if (own) turn.main_program = m.entity;
      }
    }
  }
}

void Discourse::BuildItems() {
  const Segmentation& seg = ctx_.seg();
  const std::u32string_view text = ctx_.text();
  // Items: the segmentation's, plus "二是…" markers that open a sentence
  // inside a paragraph it did not list (a whole answer in one paragraph).
  std::vector<EnumerationItem> all = seg.items;
  std::vector<const EnumerationItem*> listed;
  for (const EnumerationItem& it : seg.items) listed.push_back(&it);
  std::stable_sort(listed.begin(), listed.end(),
                   [](const EnumerationItem* a, const EnumerationItem* b) {
                     return a->marker.start < b->marker.start;
                   });
  size_t next = 0;
  int level = 0;  // the level of the last listed 一是-style item before the sentence
  for (const Sentence& s : seg.sentences) {
    const uint32_t p = s.range.start;
    for (; next < listed.size() && listed[next]->marker.start < p; ++next) {
      if (text[listed[next]->marker.end - 1] == U'是') level = listed[next]->level;
    }
    if (p + 2 >= text.size() || !IsChineseNumeral(text[p]) || text[p + 1] != U'是') continue;
    if (next < listed.size() && listed[next]->marker.start == p) continue;  // known
    EnumerationItem it;
    it.marker = {p, p + 2};
    it.heading = {p + 2, s.range.end};
    it.level = level;
    all.push_back(it);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const EnumerationItem& a, const EnumerationItem& b) {
                     return a.marker.start < b.marker.start;
                   });
  std::vector<uint32_t> starts;
  for (const EnumerationItem& it : all) {
    ItemExtent x;
    x.heading = it.heading;
    // A program far into a long first sentence is not what the item is about.
    x.heading.end = std::min(x.heading.end, it.marker.end + 40);
    x.rank = it.level;
    x.range = {it.marker.start, static_cast<uint32_t>(text.size())};
    const int para = ctx_.ParagraphAt(it.marker.start);
    x.opens_paragraph = para >= 0 && seg.paragraphs[para].range.start == it.marker.start;
    items_.push_back(x);
    starts.push_back(it.marker.start);
  }
  const size_t n = items_.size();
  // The next item of the same or an outer rank, by a stack from the right.
  std::vector<int> next_outer(n, -1);
  std::vector<int> stack;
  for (size_t i = n; i-- > 0;) {
    while (!stack.empty() && items_[stack.back()].rank > items_[i].rank) stack.pop_back();
    if (!stack.empty()) next_outer[i] = stack.back();
    stack.push_back(static_cast<int>(i));
  }
  // The last item starting at a position (the one an opening paragraph shows).
  auto last_item_at = [&](uint32_t pos) -> int {
    const auto it = std::upper_bound(starts.begin(), starts.end(), pos);
    if (it == starts.begin() || *(it - 1) != pos) return -1;
    return static_cast<int>(it - starts.begin()) - 1;
  };
  std::map<int, int> last_of_rank;  // rank → last item of that rank so far
  first_child_.assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const int turn = TurnAt(items_[i].range.start);
    uint32_t end = turn >= 0 ? turns_[turn].range.end : static_cast<uint32_t>(text.size());
    if (next_outer[i] >= 0) end = std::min(end, items_[next_outer[i]].range.start);
    // An item ends with its paragraph unless the next paragraphs open deeper items.
    int para = ctx_.ParagraphAt(items_[i].range.start);
    while (para >= 0) {
      const uint32_t pend = seg.paragraphs[para].range.end;
      const int next_para = para + 1 < static_cast<int>(seg.paragraphs.size()) ? para + 1 : -1;
      const int opener =
          next_para >= 0 ? last_item_at(seg.paragraphs[next_para].range.start) : -1;
      const bool deeper = opener > static_cast<int>(i) && items_[opener].rank > items_[i].rank;
      if (!deeper) {
        end = std::min(end, pend);
        break;
      }
      para = next_para;
    }
    items_[i].range.end = std::max(end, items_[i].range.start);
    // The parent: the latest item of an outer rank that holds this one. Of
    // each rank only the latest can: an item ends where the next of its rank starts.
    for (const auto& [rank, k] : last_of_rank) {
      if (rank >= items_[i].rank) break;
      if (Contains(items_[k].range, items_[i].range.start) && k > items_[i].parent) {
        items_[i].parent = k;
      }
    }
    if (items_[i].parent >= 0 && first_child_[items_[i].parent] < 0) {
      first_child_[items_[i].parent] = static_cast<int>(i);
    }
    last_of_rank[items_[i].rank] = static_cast<int>(i);
  }
  std::vector<TextRange> ranges;
  for (const ItemExtent& x : items_) ranges.push_back(x.range);
  item_lookup_ = RangeLookup(ranges, RangeLookup::Prefer::kLast);
}

int Discourse::ItemAt(uint32_t pos) const { return item_lookup_.At(pos); }

int Discourse::TurnAt(uint32_t pos) const { return turn_lookup_.At(pos); }

bool Discourse::Blocked(const Mention& m) const {
  // Asked for the same agency from every position after it: remembered.
  const size_t index = static_cast<size_t>(&m - ctx_.mentions.data());
  if (index < blocked_.size() && blocked_[index] >= 0) return blocked_[index] != 0;
  const bool blocked = BlockedInClause(m);
  if (index < blocked_.size()) blocked_[index] = blocked ? 1 : 0;
  return blocked;
}

bool Discourse::BlockedInClause(const Mention& m) const {
  const TextRange clause = ctx_.ClauseAt(m.start);
  CountWork(m.start - clause.start);
  // An agency before 关于 is the author of what follows: not blocked.
  for (uint32_t p = clause.start + 1; p <= m.start; ++p) {
    const LexHit* h = ctx_.EndingAt(p, kBlocker | kCoopVerb | kReferenceVerb);
    if (h != nullptr && h->start >= clause.start) {
      if (ctx_.text().substr(m.end, 2) == U"关于") return false;
      return true;
    }
  }
  return false;
}

std::vector<int> Discourse::GroupOf(int mention) const {
  if (agency_slot_[mention] < 0) return {ctx_.mentions[mention].entity};
  const auto it = agencies_.begin() + agency_slot_[mention];
  auto joined = [&](int a, int b) {  // a right before b, joined by 、/和/及
    const Mention& x = ctx_.mentions[a];
    const Mention& y = ctx_.mentions[b];
    if (y.start != x.end + 1) return false;
    const char32_t c = ctx_.text()[x.end];
    return c == U'、' || c == U'和' || c == U'及' || c == U'与';
  };
  // Ordinary lists name a few dozen bodies at most; a list of thousands is
  // taken kMaxActorCandidates on each side of the mention, so that a group
  // asked for from every position of the list costs a constant.
  auto first = it, last = it;
  while (first != agencies_.begin() && it - first < static_cast<ptrdiff_t>(kMaxActorCandidates) &&
         joined(*(first - 1), *first)) {
    --first;
  }
  while (last + 1 != agencies_.end() && last - it < static_cast<ptrdiff_t>(kMaxActorCandidates) &&
         joined(*last, *(last + 1))) {
    ++last;
  }
  CountWork(static_cast<uint64_t>(last - first) + 1);
  std::vector<int> out;
  std::set<int> seen;  // a long list would make the search below quadratic
  const bool long_list = last - first > 16;
  for (auto k = first; k <= last; ++k) {
    const int e = ctx_.mentions[*k].entity;
    if (long_list ? seen.insert(e).second : std::find(out.begin(), out.end(), e) == out.end()) {
      out.push_back(e);
    }
  }
  return out;
}

std::vector<int> Discourse::FirstActorIn(uint32_t start, uint32_t end) const {
  const int k = FirstActorMention(start, end);
  return k >= 0 ? GroupOf(k) : std::vector<int>{};
}

int Discourse::FirstActorMention(uint32_t start, uint32_t end) const {
  const size_t first = FirstAgencyFrom(start);
  for (size_t k = first; k < agencies_.size() && agency_starts_[k] < end; ++k) {
    // A list of thousands of agencies all blocked (会同A、B、C…) would be
    // walked again for every position after it: look at the first few only.
    if (k - first >= kMaxActorCandidates) break;
    CountWork(1);
    const Mention& m = ctx_.mentions[agencies_[k]];
    if (m.end > end) continue;
    if (!Blocked(m)) return agencies_[k];
  }
  return -1;
}

uint32_t Discourse::IntroductionEnd(const Mention& m) const {
  const TextRange clause = ctx_.ClauseAt(m.start);
  if (clause.end >= ctx_.text().size() || !IsClauseBreak(ctx_.text()[clause.end])) return 0;
  const LexHit* cue = ctx_.EndingAt(clause.end, kPersonCue);
  if (cue == nullptr || !cue->entry->speech || cue->start < m.end) return 0;
  for (const int i : by_start_.StartingIn(m.end, cue->start)) {
    const Mention& x = ctx_.mentions[i];
    if (x.type == EntityType::kPerson && x.end == cue->start) return clause.end + 1;
  }
  return 0;
}

std::vector<int> Discourse::ActorsAt(uint32_t pos, int depth) const {
  // 1. The nearest actor before pos in its clause.
  const TextRange clause = ctx_.ClauseAt(pos);
  const size_t past = FirstAgencyFrom(pos + 1);
  for (size_t k = past; k-- > 0 && agency_starts_[k] >= clause.start;) {
    if (past - k > kMaxActorCandidates) break;  // as in FirstActorIn
    CountWork(1);
    const Mention& m = ctx_.mentions[agencies_[k]];
    if (m.end > pos) continue;
    if (!Blocked(m)) return GroupOf(agencies_[k]);
  }
  // 2. The first actor of the sentence before pos. A body that introduces
  // its official (省医保局党组成员、副局长甲介绍，…) is not the actor of what
  // the official reports when the report names one of its own.
  const int s = ctx_.SentenceAt(pos);
  if (s >= 0) {
    const int k = FirstActorMention(ctx_.seg().sentences[s].range.start, pos);
    if (k >= 0) {
      if (const uint32_t from = IntroductionEnd(ctx_.mentions[k]); from > 0 && from < pos) {
        if (const int own = FirstActorMention(from, pos); own >= 0) return GroupOf(own);
      }
      return GroupOf(k);
    }
  }
  if (depth <= 2) return {};
  // 3. The first actor of the enclosing items, innermost first.
  // An enclosing item's actor is named in its own opening, before its first
  // sub-item, not inside an earlier sibling's text.
  bool innermost = true;
  for (int i = ItemAt(pos); i >= 0; i = items_[i].parent) {
    uint32_t limit = pos;
    if (!innermost && first_child_[i] >= 0) {
      limit = std::min(limit, items_[first_child_[i]].range.start);
    }
    innermost = false;
    std::vector<int> a = FirstActorIn(items_[i].range.start, limit);
    if (!a.empty()) return a;
  }
  if (depth <= 3) return {};
  // 4. The turn's collective actor, else the speaker's agency.
  const int t = TurnAt(pos);
  if (t >= 0) {
    if (!turns_[t].collective.empty()) return turns_[t].collective;
    return turns_[t].speaker_agencies;
  }
  return {};
}

}  // namespace govkg::internal
