// Discourse structure for the relation rules (see discourse_internal.h).
#include <algorithm>

#include "extract/discourse_internal.h"

namespace govkg::internal {
namespace {

// Rank of an enumeration marker by its style, outermost first.
int MarkerRank(std::u32string_view marker) {
  if (marker.empty()) return 5;
  if (marker.back() == U'、') return 0;
  if (marker.front() == '(' || marker.front() == U'（') {
    return IsChineseNumeral(marker[1]) ? 1 : 4;
  }
  if (marker.back() == U'是') return 2;
  return 3;
}

bool Contains(const TextRange& r, uint32_t pos) { return r.start <= pos && pos < r.end; }

}  // namespace

Discourse::Discourse(const DocContext& ctx, const std::vector<EntityDraft>& entities)
    : ctx_(ctx) {
  (void)entities;
  for (size_t i = 0; i < ctx.mentions.size(); ++i) {
    const Mention& m = ctx.mentions[i];
    if (m.type == EntityType::kAgency && m.maximal && m.entity >= 0) {
      agencies_.push_back(static_cast<int>(i));
    }
  }
  std::sort(agencies_.begin(), agencies_.end(),
            [&](int a, int b) { return ctx.mentions[a].start < ctx.mentions[b].start; });
  // Turns.
  const Segmentation& seg = ctx.seg();
  for (const SpeakerTurn& st : seg.turns) {
    TurnInfo t;
    t.label = st.label;
    t.range = {st.label.start, std::max(st.start_to_end.end, st.label.end)};
    for (const int mi : agencies_) {
      const Mention& m = ctx.mentions[mi];
      if (Contains(st.label, m.start)) t.speaker_agencies.push_back(m.entity);
    }
    if (t.speaker_agencies.size() > 1) {
      t.speaker_agencies.erase(t.speaker_agencies.begin(), t.speaker_agencies.end() - 1);
    }
    // The collective actor: an agency right after a scope word (全区…).
    for (const int mi : agencies_) {
      const Mention& m = ctx.mentions[mi];
      if (m.start < st.label.end || m.start >= t.range.end) continue;
      if (ctx.EndingAt(m.start, kScopeWord) != nullptr && !Blocked(m)) {
        t.collective = GroupOf(mi);
        break;
      }
    }
    // The main program: the last credited program of the turn's first paragraph.
    const int para = ctx.ParagraphAt(st.label.end);
    if (para >= 0) {
      const TextRange pr = seg.paragraphs[para].range;
      for (const Mention& m : ctx.mentions) {
        if (m.type == EntityType::kProgram && m.credited && m.conducted && m.start >= st.label.end &&
            m.end <= pr.end && m.entity >= 0) {
          t.main_program = m.entity;
        }
      }
    }
    turns_.push_back(std::move(t));
  }
  // Items: extent up to the next item of the same or an outer rank.
  for (const EnumerationItem& it : seg.items) {
    ItemExtent x;
    x.heading = it.heading;
    // A program far into a long first sentence is not what the item is about.
    x.heading.end = std::min(x.heading.end, it.marker.end + 40);
    x.rank = MarkerRank(ctx.text().substr(it.marker.start, it.marker.end - it.marker.start));
    x.range = {it.marker.start, static_cast<uint32_t>(ctx.text().size())};
    const int para = ctx.ParagraphAt(it.marker.start);
    x.opens_paragraph = para >= 0 && seg.paragraphs[para].range.start == it.marker.start;
    items_.push_back(x);
  }
  for (size_t i = 0; i < items_.size(); ++i) {
    const int turn = TurnAt(items_[i].range.start);
    uint32_t end = turn >= 0 ? turns_[turn].range.end : static_cast<uint32_t>(ctx.text().size());
    for (size_t k = i + 1; k < items_.size(); ++k) {
      if (items_[k].rank <= items_[i].rank) {
        end = std::min(end, items_[k].range.start);
        break;
      }
    }
    // An item ends with its paragraph unless the next paragraphs open deeper items.
    int para = ctx.ParagraphAt(items_[i].range.start);
    while (para >= 0) {
      const uint32_t pend = seg.paragraphs[para].range.end;
      const int next = para + 1 < static_cast<int>(seg.paragraphs.size()) ? para + 1 : -1;
      bool deeper = false;
      if (next >= 0) {
        for (size_t k = i + 1; k < items_.size(); ++k) {
          if (items_[k].range.start == seg.paragraphs[next].range.start) {
            deeper = items_[k].rank > items_[i].rank;
          }
        }
      }
      if (!deeper) {
        end = std::min(end, pend);
        break;
      }
      para = next;
    }
    items_[i].range.end = std::max(end, items_[i].range.start);
    for (size_t k = i; k > 0; --k) {
      if (items_[k - 1].rank < items_[i].rank && Contains(items_[k - 1].range, items_[i].range.start)) {
        items_[i].parent = static_cast<int>(k - 1);
        break;
      }
    }
  }
}

int Discourse::ItemAt(uint32_t pos) const {
  int best = -1;
  for (size_t i = 0; i < items_.size(); ++i) {
    if (Contains(items_[i].range, pos)) best = static_cast<int>(i);  // later = inner
  }
  return best;
}

int Discourse::TurnAt(uint32_t pos) const {
  for (size_t i = 0; i < turns_.size(); ++i) {
    if (Contains(turns_[i].range, pos)) return static_cast<int>(i);
  }
  return -1;
}

bool Discourse::Blocked(const Mention& m) const {
  const TextRange clause = ctx_.ClauseAt(m.start);
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
  const auto it = std::find(agencies_.begin(), agencies_.end(), mention);
  if (it == agencies_.end()) return {ctx_.mentions[mention].entity};
  auto joined = [&](int a, int b) {  // a right before b, joined by 、/和/及
    const Mention& x = ctx_.mentions[a];
    const Mention& y = ctx_.mentions[b];
    if (y.start != x.end + 1) return false;
    const char32_t c = ctx_.text()[x.end];
    return c == U'、' || c == U'和' || c == U'及' || c == U'与';
  };
  auto first = it, last = it;
  while (first != agencies_.begin() && joined(*(first - 1), *first)) --first;
  while (last + 1 != agencies_.end() && joined(*last, *(last + 1))) ++last;
  std::vector<int> out;
  for (auto k = first; k <= last; ++k) {
    const int e = ctx_.mentions[*k].entity;
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  }
  return out;
}

std::vector<int> Discourse::FirstActorIn(uint32_t start, uint32_t end) const {
  for (const int mi : agencies_) {
    const Mention& m = ctx_.mentions[mi];
    if (m.start < start || m.end > end) continue;
    if (!Blocked(m)) return GroupOf(mi);
  }
  return {};
}

std::vector<int> Discourse::ActorsAt(uint32_t pos, int depth) const {
  // 1. The nearest actor before pos in its clause.
  const TextRange clause = ctx_.ClauseAt(pos);
  for (auto it = agencies_.rbegin(); it != agencies_.rend(); ++it) {
    const Mention& m = ctx_.mentions[*it];
    if (m.end > pos || m.start < clause.start) continue;
    if (!Blocked(m)) return GroupOf(*it);
  }
  // 2. The first actor of the sentence before pos.
  const int s = ctx_.SentenceAt(pos);
  if (s >= 0) {
    std::vector<int> a = FirstActorIn(ctx_.seg().sentences[s].range.start, pos);
    if (!a.empty()) return a;
  }
  if (depth <= 2) return {};
  // 3. The first actor of the enclosing items, innermost first.
  for (int i = ItemAt(pos); i >= 0; i = items_[i].parent) {
    std::vector<int> a = FirstActorIn(items_[i].range.start, pos);
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
