// Coreference within one document (see coreference_internal.h).
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "extract/relate/coreference_internal.h"
#include "extract/recognize/mention_index_internal.h"
#include "extract/work_count_internal.h"

namespace govkg::internal {
namespace {

// Equality of names. operator== of std::u32string compares whole strings
// character by character even when their lengths differ; this tests the
// lengths first and compares the bytes at once (a draft's aliases are asked
// once a mention).
bool Same(std::u32string_view a, std::u32string_view b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(char32_t)) == 0;
}

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && Same(s.substr(s.size() - suffix.size()), suffix);
}
bool StartsWith(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && Same(s.substr(0, prefix.size()), prefix);
}
bool IsSubsequence(std::u32string_view a, std::u32string_view b) {
  size_t j = 0;
  for (size_t i = 0; i < b.size() && j < a.size(); ++i) {
    if (b[i] == a[j]) ++j;
  }
  return j == a.size();
}

// Whether `prefix` (what a longer name has before a shorter one) is only
// regions, level words and bodies: 内蒙古自治区, 内蒙古自治区公安厅.
bool IsQualifyingPrefix(std::u32string_view prefix, const LexiconSet& lexicon) {
  size_t i = 0;
  while (i < prefix.size()) {
    const auto m = lexicon.trie().LongestAt(prefix, i);
    if (m.length == 0 || (m.payload->roles & (kRegionName | kRegionLevel)) == 0) break;
    i += m.length;
  }
  if (i == prefix.size()) return true;
  // The rest must end in an agency kind word (a parent body).
  for (size_t k = i; k < prefix.size(); ++k) {
    const auto* e = lexicon.trie().Find(prefix.substr(k));
    if (e != nullptr && (e->roles & (kAgencyKind | kAgencyName)) != 0) return true;
  }
  return false;
}

// The divisions the regions at the start of a name spell (河南省平顶山市
// 市场监督管理局 → 河南省, 平顶山市), in order.
std::vector<int> LeadingDivisions(std::u32string_view name, const LexiconSet& lexicon) {
  std::vector<int> out;
  for (size_t i = 0; i < name.size();) {
    const auto m = lexicon.trie().LongestAt(name, i);
    if (m.length == 0 || (m.payload->roles & (kRegionName | kRegionLevel)) == 0) break;
    if ((m.payload->roles & kRegionName) != 0 && !m.payload->divisions.empty()) {
      out.push_back(m.payload->divisions.front());
    }
    i += m.length;
  }
  return out;
}

// (type, name) keys hashed: trees of them compared whole strings at every
// level, a tenth of coreference on a text naming one body over and over.
// Looked up by (type, view) too: a key string built per mention cost an
// allocation each for a name met again.
using TypedName = std::pair<EntityType, std::u32string>;
using TypedView = std::pair<EntityType, std::u32string_view>;
struct TypedNameHash {
  using is_transparent = void;
  size_t operator()(const TypedView& k) const {
    return std::hash<std::u32string_view>{}(k.second) ^
           (static_cast<size_t>(k.first) * 0x9E3779B97F4A7C15ull);
  }
  size_t operator()(const TypedName& k) const { return (*this)(TypedView(k.first, k.second)); }
};
struct TypedNameEq {
  using is_transparent = void;
  static TypedView View(const TypedName& k) { return {k.first, k.second}; }
  static TypedView View(const TypedView& k) { return k; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    const TypedView x = View(a), y = View(b);
    return x.first == y.first && Same(x.second, y.second);
  }
};
template <typename V>
using TypedNameMap = std::unordered_map<TypedName, V, TypedNameHash, TypedNameEq>;

// The drafts that may be a longer form of a name (see Resolver::Run).
//
// Which drafts are asked is settled by the drafts ending like a short form
// (same type, same last one or two characters), the longer ones shortest
// first, at most kMaxPerName of them: a document names a few dozen bodies
// ending in one kind word; a list of thousands is not searched from every
// one of its names. Of those, only the ones a rule of Abbreviates can take
// are visited, found by what that rule asks of them (a longer agency or
// document ends with the whole short name; an agency of the second rule
// has its first and last three characters; a program its opening and its
// kind word): visiting all of them and asking each cost 256 questions per
// name once a list of thousands had names of two lengths (issue 21).
// The longest unit name after its parent's that a shortened unit name may
// stand for (刑侦总队 for 刑事侦查总队): the candidates' index keys so many.
constexpr size_t kMaxUnitKeyed = 16;

class Candidates {
 public:
  static constexpr size_t kMaxPerName = 256;

  // `by_size`: the drafts shortest first, ties in index order; a draft's
  // place in it is its rank. Each list of drafts is filled in that order,
  // so it comes out sorted as a stable sort by length would leave it.
  Candidates(const std::vector<EntityDraft>& drafts, const std::vector<int>& by_size)
      : drafts_(drafts), by_size_(by_size), rank_(drafts.size()), longer_(by_size.size()) {
    for (size_t r = by_size.size(); r-- > 0;) {
      const int b = by_size[r];
      rank_[b] = static_cast<uint32_t>(r);
      const bool tie = r + 1 < by_size.size() &&
                       drafts[by_size[r + 1]].name.size() == drafts[b].name.size();
      longer_[r] = tie ? longer_[r + 1] : static_cast<uint32_t>(r + 1);
    }
    for (size_t r = 0; r < by_size.size(); ++r) {
      const EntityDraft& d = drafts[by_size[r]];
      for (size_t k = 1; k <= 2 && k <= d.name.size(); ++k) {
        by_ending_[EndingKey(d.type, d.name, k)].push_back(static_cast<uint32_t>(r));
      }
    }
    // Sized first: the table of a list of thousands of named programs grew
    // by rehashing through all its nodes again and again.
    size_t aliases = 0;
    for (const EntityDraft& d : drafts) aliases += d.aliases.size();
    by_alias_.reserve(aliases);
    for (size_t b = 0; b < drafts.size(); ++b) AddAliases(drafts[b], static_cast<int>(b), 0);
  }

  // Aliases of draft `b` from the `from`-th on.
  void AddAliases(const EntityDraft& d, int b, size_t from) {
    for (size_t i = from; i < d.aliases.size(); ++i) by_alias_[{d.type, d.aliases[i]}].push_back(b);
  }

  // Calls visit(b) for each candidate b of draft `a`, in no order and
  // perhaps twice (the caller sorts the few that match: sorting all asked
  // cost more than asking them); returns how many visits.
  template <typename Visit>
  size_t ForEach(int a, Visit visit) {
    const EntityDraft& s = drafts_[a];
    size_t visits = 0;
    if (s.name.empty()) {  // ends like everything: every draft of the type
      for (size_t b = 0; b < drafts_.size(); ++b) {
        if (drafts_[b].type == s.type) {
          visit(static_cast<int>(b));
          ++visits;
        }
      }
      return visits;
    }
    const size_t k = std::min<size_t>(2, s.name.size());
    if (const auto it = by_ending_.find(EndingKey(s.type, s.name, k));
        it != by_ending_.end() && HasRule(s)) {
      // The longer drafts: ranks searched, not names (a list of a
      // hundred thousand drafts missed the cache at every step).
      const std::vector<uint32_t>& list = it->second;
      const auto from = std::lower_bound(list.begin(), list.end(), longer_[rank_[a]]);
      if (s.name.size() <= 2) {
        // The drafts ending like the name are those ending with it.
        for (auto at = from; at != list.end() && at - from < static_cast<ptrdiff_t>(kMaxPerName); ++at) {
          visit(by_size_[*at]);
          ++visits;
        }
      } else {
        // The last of the drafts asked, by rank.
        const size_t asked = std::min<size_t>(list.end() - from, kMaxPerName);
        const uint32_t last = asked == 0 ? 0 : *(from + static_cast<ptrdiff_t>(asked) - 1);
        if (asked != 0) {
          if (!indexed_) IndexByRule();
          RuleKeys(s, Role::kShort,
                   [&](uint64_t key) { visits += VisitKeyed(s, key, *from, last, visit); });
        }
      }
    }
    if (by_alias_.empty()) return visits;
    if (const auto it = by_alias_.find(TypedView(s.type, s.name)); it != by_alias_.end()) {
      const size_t n = std::min(it->second.size(), kMaxPerName);
      for (size_t j = 0; j < n; ++j) visit(it->second[j]);
      visits += n;
    }
    return visits;
  }

 private:
  // The characters a rule's key reads at most: a longer name is keyed by
  // that much of it, and the rule tells the rest.
  static constexpr size_t kMaxKeyed = 24;
  static_assert(kMaxKeyed < 32, "lengths are bits of a uint32_t");

  // A rule's key and its drafts, keyed_ranks_[begin, end). While the index
  // is built, `begin` is the length of the shortest name asking the key.
  struct Slot {
    uint64_t key = 0;  // 0: free
    uint32_t begin = 0, end = 0;
  };
  // The slots by key, open addressing: a node per key cost more than the
  // rest of the index.
  class KeyTable {
   public:
    void Reserve(size_t keys) {
      size_t n = 16;
      while (n < 2 * keys) n *= 2;
      slots_.assign(n, Slot{});
    }
    Slot& Insert(uint64_t key) {
      Slot* s = Probe(key);
      s->key = Nonzero(key);
      return *s;
    }
    Slot* Find(uint64_t key) {
      Slot* s = slots_.empty() ? nullptr : Probe(key);
      return s == nullptr || s->key == 0 ? nullptr : s;
    }
    std::vector<Slot>& slots() { return slots_; }

   private:
    static uint64_t Nonzero(uint64_t key) { return key == 0 ? 1 : key; }
    Slot* Probe(uint64_t key) {
      key = Nonzero(key);
      const size_t mask = slots_.size() - 1;
      for (size_t i = (key ^ (key >> 29)) & mask;; i = (i + 1) & mask) {
        if (slots_[i].key == key || slots_[i].key == 0) return &slots_[i];
      }
    }
    std::vector<Slot> slots_;
  };

  enum class Role { kShort, kLong };
  enum Rule : uint64_t { kEndsWith = 1, kEndsWithCut, kFirstAndLast3, kHead, kHeadCut, kUnit };

  // Whether a rule of Abbreviates other than an alias can take a longer form of `s`.
  static bool HasRule(const EntityDraft& s) {
    switch (s.type) {
      case EntityType::kAgency:
      case EntityType::kDocument:
        return true;
      case EntityType::kProgram:
        return s.name.size() >= 4;
      default:
        return false;
    }
  }

  // A running hash of the rule, the type and characters fed one by one.
  static uint64_t Seed(EntityType type, Rule rule) {
    return Mix(0x243F6A8885A308D3ull, uint64_t{static_cast<uint8_t>(type)} << 8 | rule);
  }
  static uint64_t Mix(uint64_t h, uint64_t c) {
    h = (h ^ c) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }

  // Calls key(k) with each key a rule asks of a draft: as the short form
  // (one a rule) or as a longer form (one for each short length the rule
  // may take, among the lengths of drafts of its type: `lengths` bit n).
  template <typename Key>
  static void RuleKeys(const EntityDraft& d, Role role, Key key, uint32_t lengths = 0) {
    const std::u32string& name = d.name;
    const size_t n = name.size();
    const bool as_short = role == Role::kShort;
    switch (d.type) {
      case EntityType::kAgency:
        // 公安刑侦部门 ⊂ 公安机关刑侦部门: the first and the last three.
        if (as_short ? n >= 4 : n >= 5) {
          uint64_t h = Mix(Seed(d.type, kFirstAndLast3), name[0]);
          for (size_t i = n - 3; i < n; ++i) h = Mix(h, name[i]);
          key(h);
        }
        // 刑侦总队 ⊂ …公安厅刑事侦查总队: the first character of the unit and
        // its two-character kind; a longer form offers each start of a unit
        // of five to kMaxUnitKeyed characters.
        if (as_short ? n >= 4 : n >= 6) {
          const uint64_t kind = Mix(Mix(Seed(d.type, kUnit), name[n - 2]), name[n - 1]);
          if (as_short) {
            key(Mix(kind, name[0]));
          } else {
            for (size_t j = n > kMaxUnitKeyed ? n - kMaxUnitKeyed : 1; j + 5 <= n; ++j) key(Mix(kind, name[j]));
          }
        }
        [[fallthrough]];
      case EntityType::kDocument: {
        // The whole short name at the end, read from the end.
        if (n < 3) return;
        uint64_t h = Seed(d.type, kEndsWith);
        const size_t read = std::min(as_short ? n : n - 1, kMaxKeyed);
        for (size_t m = 1; m <= read; ++m) {
          h = Mix(h, name[n - m]);
          if (m >= 3 && (as_short ? m == n : ((lengths >> m) & 1) != 0)) key(h);
        }
        if (as_short ? n > kMaxKeyed : n >= kMaxKeyed + 2) {
          uint64_t cut = Seed(d.type, kEndsWithCut);
          for (size_t m = 1; m <= kMaxKeyed; ++m) cut = Mix(cut, name[n - m]);
          key(cut);
        }
        return;
      }
      case EntityType::kProgram: {
        // 夏季行动 → 夏季治安打击整治行动: the opening, then the last two.
        if (n < 4 || (!as_short && n < 5)) return;
        uint64_t h = Mix(Mix(Seed(d.type, kHead), name[n - 2]), name[n - 1]);
        const size_t read = std::min(as_short ? n - 2 : n - 3, kMaxKeyed);
        for (size_t p = 1; p <= read; ++p) {
          h = Mix(h, name[p - 1]);
          if (p >= 2 && (as_short ? p == n - 2 : ((lengths >> (p + 2)) & 1) != 0)) key(h);
        }
        if (as_short ? n - 2 > kMaxKeyed : n - 3 >= kMaxKeyed + 1) {
          uint64_t cut = Mix(Mix(Seed(d.type, kHeadCut), name[n - 2]), name[n - 1]);
          for (size_t p = 1; p <= kMaxKeyed; ++p) cut = Mix(cut, name[p - 1]);
          key(cut);
        }
        return;
      }
      default:
        return;
    }
  }

  // Each draft filed under the keys it offers as a longer form that some
  // shorter draft asks, in the order of by_size_. Built when first asked:
  // a list of names of one length has no longer form to find.
  void IndexByRule() {
    indexed_ = true;
    uint32_t lengths[8] = {};  // bit n: a draft of the type has n characters
    size_t longest[8] = {};    // of a draft of the type
    for (const EntityDraft& d : drafts_) {
      const size_t t = static_cast<uint8_t>(d.type) & 7;
      if (d.name.size() < 32) lengths[t] |= uint32_t{1} << d.name.size();
      longest[t] = std::max(longest[t], d.name.size());
    }
    // Only a draft some draft of its type is longer than asks: of a list of
    // names of two lengths, only the shorter ones.
    const auto asks = [&](const EntityDraft& d) {
      return d.name.size() < longest[static_cast<uint8_t>(d.type) & 7];
    };
    size_t asking = 0;
    for (const EntityDraft& d : drafts_) {
      if (asks(d)) RuleKeys(d, Role::kShort, [&](uint64_t) { ++asking; });
    }
    keyed_.Reserve(asking);
    for (const EntityDraft& d : drafts_) {
      if (!asks(d)) continue;
      RuleKeys(d, Role::kShort, [&](uint64_t key) {
        Slot& slot = keyed_.Insert(key);
        const auto n = static_cast<uint32_t>(d.name.size());
        slot.begin = slot.end == 0 ? n : std::min(slot.begin, n);
        slot.end = 1;  // asked
      });
    }
    for (Slot& slot : keyed_.slots()) slot.end = 0;
    std::vector<std::pair<Slot*, uint32_t>> filed;  // slot, rank
    size_t offered = 0;
    for (size_t r = 0; r < by_size_.size(); ++r) {
      const EntityDraft& d = drafts_[by_size_[r]];
      RuleKeys(d, Role::kLong, [&](uint64_t key) {
        ++offered;
        Slot* slot = keyed_.Find(key);
        if (slot == nullptr || d.name.size() <= slot->begin) return;  // no shorter name asks
        ++slot->end;  // counted first, placed below
        filed.emplace_back(slot, static_cast<uint32_t>(r));
      }, lengths[static_cast<uint8_t>(d.type) & 7]);
    }
    CountWork(asking + offered);
    uint32_t at = 0;
    for (Slot& slot : keyed_.slots()) {
      slot.begin = at;
      at += slot.end;
      slot.end = slot.begin;
    }
    keyed_ranks_.resize(at);
    for (const auto& [slot, r] : filed) keyed_ranks_[slot->end++] = r;
  }

  // Visits the drafts filed under `key` that end like `s` and rank from
  // `first` (the first longer than s) to `last`; returns how many.
  template <typename Visit>
  size_t VisitKeyed(const EntityDraft& s, uint64_t key, uint32_t first, uint32_t last, Visit& visit) {
    const Slot* slot = keyed_.Find(key);
    if (slot == nullptr) return 0;
    const auto begin = keyed_ranks_.begin() + slot->begin;
    const auto end = keyed_ranks_.begin() + slot->end;
    const size_t n = s.name.size();
    size_t visits = 0;
    for (auto at = std::lower_bound(begin, end, first); at != end && *at <= last; ++at) {
      // A key another key's hash happened to equal: only drafts the
      // ending asks.
      const int b = by_size_[*at];
      const EntityDraft& l = drafts_[b];
      if (l.type != s.type || l.name[l.name.size() - 1] != s.name[n - 1] ||
          l.name[l.name.size() - 2] != s.name[n - 2]) {
        continue;
      }
      visit(b);
      ++visits;
    }
    return visits;
  }

  // (type, the name's last k <= 2 characters) as one integer: a key string
  // per draft and per question cost an allocation each.
  static uint64_t EndingKey(EntityType type, const std::u32string& name, size_t k) {
    const uint64_t last = name.back();
    const uint64_t before = k == 2 ? uint64_t{name[name.size() - 2]} + 1 : 0;
    return uint64_t{static_cast<uint8_t>(type)} << 56 | before << 28 | last;
  }

  const std::vector<EntityDraft>& drafts_;
  const std::vector<int>& by_size_;
  std::vector<uint32_t> rank_;    // by draft: its place in by_size_
  std::vector<uint32_t> longer_;  // by rank: the rank of the first longer draft
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_ending_;  // ranks
  bool indexed_ = false;  // keyed_ built (IndexByRule)
  KeyTable keyed_;        // a rule's key → its drafts in keyed_ranks_
  std::vector<uint32_t> keyed_ranks_;
  TypedNameMap<std::vector<int>> by_alias_;
};

class Resolver {
 public:
  Resolver(DocContext* ctx, const LexiconSet& lexicon) : ctx_(ctx), lexicon_(lexicon) {}

  // Remembered by mention (full_ is sized by Run() before the first call).
  const std::u32string& FullAgencyName(int i) {
    Mention& m = ctx_->mentions[i];
    if (full_[i] != nullptr) return *full_[i];
    // 该局: the body named before, whose name is settled already.
    if (m.parent >= 0 && m.parent != i && m.anaphor) {
      full_[i] = &FullAgencyName(m.parent);
      return *full_[i];
    }
    std::u32string full = m.name;
    // The parent is part of the name only where the text writes it so: a
    // listed unit (公安机关组织治安、刑侦等部门) keeps its own name.
    if (m.parent >= 0 && m.parent != i && m.head_names_parent) {
      // 厅党组 → 福建省交通运输厅党组: the head stands for the body named before.
      full = FullAgencyName(m.parent) + m.name.substr(1);
    } else if (m.parent >= 0 && m.parent != i && ctx_->mentions[m.parent].end > m.start) {
      const Mention& p = ctx_->mentions[m.parent];
      const size_t cut = p.end - m.start;
      full = FullAgencyName(m.parent) + (cut < m.name.size() ? m.name.substr(cut) : U"");
    } else if (!m.level_prefix.empty()) {
      // 自治区公安厅 → 内蒙古自治区公安厅; 市委 → 巴彦淖尔市委.
      const auto by_level = ctx_->region_by_level.find(std::u32string(m.level_prefix));
      const std::u32string none;
      const std::u32string& inferred = by_level == ctx_->region_by_level.end() ? none : by_level->second;
      const std::u32string* regions[] = {&ctx_->main_region_full, &ctx_->main_city_full, &inferred};
      for (const std::u32string* region : regions) {
        if (!region->empty() && EndsWith(*region, m.level_prefix) && *region != m.level_prefix) {
          full = region->substr(0, region->size() - m.level_prefix.size()) + m.name;
          break;
        }
      }
      if (Same(full, m.name)) full = SentenceRegion(m) + m.name;
    } else if (!ctx_->main_region_full.empty() && EndsWith(m.name, U"厅")) {
      // A provincial department named alone (公安厅) is the document's province's.
      const LexEntry* e = lexicon_.trie().Find(m.name);
      if (e != nullptr && e->alone) full = ctx_->main_region_full + m.name;
    }
    full_[i] = &Canonical(full);
    return *full_[i];
  }

  // CanonicalKind(FullRegion(name)), remembered: a document names its bodies
  // again and again, and each answer costs a dozen trie walks.
  const std::u32string& Canonical(const std::u32string& name) {
    auto [it, fresh] = canonical_.try_emplace(name);
    if (fresh) it->second = CanonicalKind(FullRegion(name));
    return it->second;
  }

  // The region of the level m's prefix names, from the agency named last
  // before m in its sentence (成都市生态环境局联合市公安局 → 成都市), or "".
  // For a level the document's region does not settle (a city in a text
  // about a province). A fixed number of mentions back: linear time.
  std::u32string SentenceRegion(const Mention& m) {
    constexpr size_t kMaxLookBack = 16;
    const int sentence = ctx_->SentenceAt(m.start);
    if (sentence < 0) return U"";
    const uint32_t floor = ctx_->seg().sentences[sentence].range.start;
    if (agencies_by_end_.empty()) {
      for (size_t k = 0; k < ctx_->mentions.size(); ++k) {
        if (ctx_->mentions[k].type == EntityType::kAgency) agencies_by_end_.push_back(static_cast<int>(k));
      }
      std::stable_sort(agencies_by_end_.begin(), agencies_by_end_.end(),
                       [&](int a, int b) { return ctx_->mentions[a].end < ctx_->mentions[b].end; });
    }
    // The agencies ending at or before m starts, nearest first.
    auto it = std::upper_bound(agencies_by_end_.begin(), agencies_by_end_.end(), m.start,
                               [&](uint32_t pos, int k) { return pos < ctx_->mentions[k].end; });
    const Mention* best = nullptr;
    for (size_t n = 0; it != agencies_by_end_.begin() && n < kMaxLookBack; ++n) {
      const Mention& c = ctx_->mentions[*--it];
      if (c.end <= floor) break;
      if (c.start >= floor && c.level_prefix.empty()) {
        best = &c;
        break;
      }
    }
    if (best == nullptr) return U"";
    const auto r = lexicon_.trie().LongestAt(best->name, 0);
    if (r.length == 0 || r.length >= best->name.size() || (r.payload->roles & kRegionName) == 0) {
      return U"";
    }
    const std::u32string full = FullRegion(best->name);
    const std::u32string region = full.substr(0, full.size() - (best->name.size() - r.length));
    return EndsWith(region, m.level_prefix) && region != m.level_prefix
               ? region.substr(0, region.size() - m.level_prefix.size())
               : U"";
  }

  // The name with its leading region spelled out (内蒙古公安厅 → 内蒙古自治区
  // 公安厅, 呼市商务局 → 呼和浩特市商务局), so that both forms are one body.
  std::u32string FullRegion(const std::u32string& name) const {
    const auto m = lexicon_.trie().LongestAt(name, 0);
    if (m.length == 0 || m.length >= name.size() || (m.payload->roles & kRegionName) == 0) return name;
    const std::u32string& full = m.payload->full_name;
    const std::u32string_view term = std::u32string_view(name).substr(0, m.length);
    const std::u32string_view rest = std::u32string_view(name).substr(m.length);
    if (full.empty() || full == term) return name;
    // 北京大学, 四川师范大学: a university named after its region keeps the
    // short form; it is no body of the region's government.
    for (const std::u32string& school : lexicon_.institution_words()) {
      if (rest.starts_with(school)) return name;
    }
    // 内蒙古 + 自治区…: the level word follows anyway.
    if (full.starts_with(term) && rest.starts_with(std::u32string_view(full).substr(term.size()))) {
      return name;
    }
    return full + std::u32string(rest);
  }

  // A head that is a division's name or short form, as the division's full
  // name (杭州 → 杭州市); any other head as it is (省, 大理州).
  std::u32string RegionSpelledOut(std::u32string_view head) const {
    const LexEntry* r = lexicon_.trie().Find(head);
    if (r == nullptr || r->divisions.empty()) return std::u32string(head);
    return lexicon_.divisions().all()[r->divisions.front()].name;
  }

  // The name with an abbreviated kind word at its end spelled out
  // (省市场监管局 → 省市场监督管理局), so that both forms are one body.
  std::u32string CanonicalKind(const std::u32string& name) const {
    for (size_t k = std::min<size_t>(name.size(), 10); k >= 2; --k) {
      const LexEntry* e = lexicon_.trie().Find(std::u32string_view(name).substr(name.size() - k));
      if (e == nullptr || (e->roles & kAgencyKind) == 0) continue;
      const std::u32string_view head = std::u32string_view(name).substr(0, name.size() - k);
      if (!e->canonical_kind_after.empty()) {
        // The level is the region's (杭州法院: 杭州市, a city), not a
        // character its name ends with (州).
        const std::u32string region = RegionSpelledOut(head);
        for (const auto& [level, full] : e->canonical_kind_after) {
          if (region.ends_with(level)) return region + full;
        }
      }
      if (e->canonical_kind.empty()) return name;
      return std::u32string(head) + e->canonical_kind;
    }
    return name;
  }

  std::vector<EntityDraft> Run() {
    TypedNameMap<int> by_key;
    std::vector<EntityDraft> drafts;
    full_.assign(ctx_->mentions.size(), nullptr);
    // Sized for a name a mention: a list of a hundred thousand names grew
    // both tables by rehashing, each time through every node again.
    by_key.reserve(ctx_->mentions.size());
    canonical_.reserve(ctx_->mentions.size());
    for (size_t i = 0; i < ctx_->mentions.size(); ++i) {
      const Mention& m = ctx_->mentions[i];
      if (m.type == EntityType::kMetric) continue;
      const std::u32string& key =
          m.type == EntityType::kAgency ? FullAgencyName(static_cast<int>(i)) : m.name;
      auto it = by_key.find(TypedView(m.type, key));
      if (it == by_key.end()) {
        it = by_key.try_emplace({m.type, key}, static_cast<int>(drafts.size())).first;
        EntityDraft d;
        d.type = m.type;
        d.name = key;
        drafts.push_back(std::move(d));
      }
      EntityDraft& d = drafts[it->second];
      d.mentions.push_back(static_cast<int>(i));
      AddName(&d, m.name);
      for (const auto& a : m.aliases) AddName(&d, a);
    }
    JoinKindless(by_key, &drafts);
    // Shorter forms join the single longer form they abbreviate.
    const std::vector<int> order = ByLength(drafts);
    // Candidates are of the same type and longer, and either end in the
    // short form's last two characters (every rule of Abbreviates asks that)
    // or hold it as an alias: with all pairs of a type asked, thousands of
    // names sharing a kind word made this loop quadratic (issue 21).
    Candidates candidates(drafts, order);
    for (const int a : order) {
      EntityDraft& short_form = drafts[a];
      std::vector<int> targets;
      CountWork(candidates.ForEach(a, [&](int b) {
        if (drafts[b].dropped || drafts[b].name.size() <= short_form.name.size()) return;
        if (Abbreviates(short_form, drafts[b])) targets.push_back(b);
      }));
      if (targets.empty()) continue;
      // In index order, as the rules expect (the first target wins).
      std::sort(targets.begin(), targets.end());
      targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
      int target = targets.front();
      if (targets.size() > 1) {
        if (short_form.type != EntityType::kProgram) continue;  // ambiguous
        target = NearestBefore(short_form, drafts, targets);
      }
      const size_t known = drafts[target].aliases.size();
      Merge(&short_form, &drafts[target]);
      candidates.AddAliases(drafts[target], target, known);
    }
    std::vector<EntityDraft> out;
    for (EntityDraft& d : drafts) {
      if (d.dropped) continue;
      // Canonical: the most complete name.
      std::u32string best = d.name;
      for (const auto& a : d.aliases) {
        if (a.size() > best.size() && d.type != EntityType::kPlace &&
            d.type != EntityType::kDocument) {
          best = a;
        }
      }
      if (!Same(best, d.name)) {
        std::swap(d.name, best);
        AddName(&d, best);
      }
      d.aliases.erase(std::remove_if(d.aliases.begin(), d.aliases.end(),
                                     [&](const std::u32string& a) { return Same(a, d.name); }),
                      d.aliases.end());
      for (const int mi : d.mentions) ctx_->mentions[mi].entity = static_cast<int>(out.size());
      out.push_back(std::move(d));
    }
    return out;
  }

 private:
  static void AddName(EntityDraft* d, const std::u32string& n) {
    if (n.empty() || Same(n, d->name)) return;
    for (const std::u32string& a : d->aliases) {
      if (Same(a, n)) return;
    }
    d->aliases.push_back(n);
  }

  // The drafts' indices shortest name first, ties in index order (as a
  // stable sort leaves them): counted by length when the names are short,
  // as they nearly always are.
  static std::vector<int> ByLength(const std::vector<EntityDraft>& drafts) {
    constexpr size_t kMaxCounted = 1024;
    std::vector<int> order(drafts.size());
    size_t longest = 0;
    for (const EntityDraft& d : drafts) longest = std::max(longest, d.name.size());
    if (longest > kMaxCounted) {
      for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return drafts[a].name.size() < drafts[b].name.size();
      });
      return order;
    }
    std::vector<size_t> count(longest + 2, 0);
    for (const EntityDraft& d : drafts) ++count[d.name.size() + 1];
    for (size_t n = 1; n < count.size(); ++n) count[n] += count[n - 1];
    for (size_t i = 0; i < drafts.size(); ++i) {
      order[count[drafts[i].name.size()]++] = static_cast<int>(i);
    }
    return order;
  }

  // 安全生产大排查大整治 and 安全生产大排查大整治行动: a program named
  // without a kind word it has elsewhere in the text is that program (one
  // campaign, not two nodes split by a short name).
  void JoinKindless(const TypedNameMap<int>& by_key, std::vector<EntityDraft>* drafts) {
    constexpr size_t kMinBase = 4, kMaxKind = 4;
    for (size_t i = 0; i < drafts->size(); ++i) {
      EntityDraft& d = (*drafts)[i];
      if (d.type != EntityType::kProgram || d.dropped) continue;
      for (size_t k = 2; k <= kMaxKind && k + kMinBase <= d.name.size(); ++k) {
        const std::u32string_view name(d.name);
        const LexEntry* kind = lexicon_.trie().Find(name.substr(name.size() - k));
        if (kind == nullptr || (kind->roles & kProgramKind) == 0) continue;
        const auto it = by_key.find(TypedView(EntityType::kProgram, name.substr(0, name.size() - k)));
        if (it == by_key.end() || it->second == static_cast<int>(i) || (*drafts)[it->second].dropped) continue;
        Merge(&(*drafts)[it->second], &d);
      }
    }
  }

  void Merge(EntityDraft* from, EntityDraft* into) {
    AddName(into, from->name);
    for (const auto& a : from->aliases) AddName(into, a);
    into->mentions.insert(into->mentions.end(), from->mentions.begin(), from->mentions.end());
    from->dropped = true;
  }

  // 刑侦总队 ⊂ 海南省公安厅刑事侦查总队, 治安总队 ⊂ …治安管理总队: after a
  // parent's name, a unit's name shortened to some of its characters, with
  // the same first character and the same two-character kind.
  bool AbbreviatesUnit(std::u32string_view s, std::u32string_view l) const {
    constexpr size_t kKind = 2, kMinShort = 4;
    if (s.size() < kMinShort || !EndsWith(l, s.substr(s.size() - kKind))) return false;
    for (size_t j = 1; j + s.size() < l.size(); ++j) {
      if (l[j] != s[0]) continue;
      const std::u32string_view unit = l.substr(j);
      // a shortened name keeps at least half of the unit's characters
      if (unit.size() > 2 * s.size() || unit.size() > kMaxUnitKeyed || !IsSubsequence(s, unit)) continue;
      return IsQualifyingPrefix(l.substr(0, j), lexicon_);
    }
    return false;
  }

  bool Abbreviates(const EntityDraft& s, const EntityDraft& l) const {
    if (s.name.size() >= l.name.size()) return false;  // only a longer form is a target
    for (const std::u32string& a : l.aliases) {
      if (Same(a, s.name)) return true;
    }
    switch (s.type) {
      case EntityType::kAgency:
        if (EndsWith(l.name, s.name)) {
          return IsQualifyingPrefix(std::u32string_view(l.name).substr(0, l.name.size() -
                                                                            s.name.size()),
                                    lexicon_);
        }
        // 公安刑侦部门 ⊂ 公安机关刑侦部门: same start, same last three characters,
        // and no division the short form leaves out (河南省市场监督管理局 is
        // not 河南省平顶山市市场监督管理局: the province's body, not the city's).
        if (s.name.size() >= 4 && s.name[0] == l.name[0] &&
            EndsWith(l.name, std::u32string_view(s.name).substr(s.name.size() - 3)) &&
            IsSubsequence(s.name, l.name) && SpellsNoOtherDivision(l.name, s.name)) {
          return true;
        }
        return AbbreviatesUnit(s.name, l.name);
      case EntityType::kProgram: {
        // 夏季行动 → 夏季治安打击整治行动: same opening, same kind word.
        if (s.name.size() < 4) return false;  // before the substr: names can be one character
        // The string tests first: most candidates fail them, and cost less than the look-up.
        const std::u32string_view head = std::u32string_view(s.name).substr(0, s.name.size() - 2);
        if (!StartsWith(l.name, head) || !EndsWith(l.name, s.name.substr(s.name.size() - 2))) {
          return false;
        }
        const auto kind = lexicon_.trie().Find(std::u32string_view(s.name).substr(s.name.size() - 2));
        return kind != nullptr && (kind->roles & kProgramKind) != 0;
      }
      case EntityType::kDocument:
        // 反恐怖主义法 → 中华人民共和国反恐怖主义法; 自治区安全生产条例 → 内蒙古自治区….
        return EndsWith(l.name, s.name) &&
               (StartsWith(l.name, U"中华人民共和国") ||
                IsQualifyingPrefix(std::u32string_view(l.name).substr(0, l.name.size() -
                                                                        s.name.size()),
                                   lexicon_));
      default:
        return false;
    }
  }

  // Whether every division at the start of `longer` is one at the start of `shorter`.
  bool SpellsNoOtherDivision(std::u32string_view longer, std::u32string_view shorter) const {
    const std::vector<int> in_short = LeadingDivisions(shorter, lexicon_);
    for (const int d : LeadingDivisions(longer, lexicon_)) {
      if (std::find(in_short.begin(), in_short.end(), d) == in_short.end()) return false;
    }
    return true;
  }

  int NearestBefore(const EntityDraft& s, const std::vector<EntityDraft>& drafts,
                    const std::vector<int>& targets) const {
    uint32_t first = UINT32_MAX;
    for (const int mi : s.mentions) first = std::min(first, ctx_->mentions[mi].start);
    int best = targets.front();
    uint32_t best_pos = 0;
    for (const int t : targets) {
      for (const int mi : drafts[t].mentions) {
        const uint32_t p = ctx_->mentions[mi].start;
        if (p < first && p >= best_pos) {
          best_pos = p;
          best = t;
        }
      }
    }
    return best;
  }

  DocContext* ctx_;
  const LexiconSet& lexicon_;
  // By mention index: a vector, where a tree held a node per agency mention
  // (a text of a hundred thousand of them built and freed as many nodes).
  // Each points at its value in canonical_ (an unordered_map's values stay
  // where they are), instead of a copy per mention.
  std::vector<const std::u32string*> full_;
  std::vector<int> agencies_by_end_;  // agency mentions by end, built on first use
  std::unordered_map<std::u32string, std::u32string> canonical_;  // see Canonical()
};

// Quoted short names of known programs (“护校安园”的主力军) are mentions too.
void AddQuotedProgramMentions(DocContext* ctx) {
  // Views of the names, hashed: a list of thousands of quoted names asked a
  // tree of copied strings once a quote. The mentions found are appended
  // after the scan, so the views stay valid.
  size_t names = 0;
  for (const Mention& m : ctx->mentions) {
    if (m.type == EntityType::kProgram) names += 1 + m.aliases.size();
  }
  if (names == 0) return;
  std::unordered_set<std::u32string_view> known;
  known.reserve(names);  // not grown by rehashing through every node again
  for (const Mention& m : ctx->mentions) {
    if (m.type != EntityType::kProgram) continue;
    known.insert(m.name);
    for (const auto& a : m.aliases) known.insert(a);
  }
  if (known.empty()) return;
  const std::u32string_view t = ctx->text();
  // The programs before any are added, indexed when a quote first names one.
  std::optional<StartIndex> programs;
  std::vector<Mention> added;
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (!IsOpenQuote(t[i])) continue;
    uint32_t k = i + 1;
    while (k < t.size() && !IsCloseQuote(t[k]) && k - i < 20) ++k;
    if (k >= t.size() || !IsCloseQuote(t[k])) continue;
    const std::u32string_view name = t.substr(i + 1, k - (i + 1));
    if (known.count(name) != 0) {
      if (!programs) programs.emplace(ctx->mentions, EntityType::kProgram);
      if (programs->Covers(i + 1, k)) {
        i = k;
        continue;
      }
      Mention m;
      m.type = EntityType::kProgram;
      m.start = i + 1;
      m.end = k;
      m.name = std::u32string(name);
      m.credited = false;
      added.push_back(std::move(m));
    }
    i = k;
  }
  for (Mention& m : added) ctx->mentions.push_back(std::move(m));
}

}  // namespace

namespace {

// Counts by the entry's full name, first by the name's address (one entry,
// one string) and only then by its text: a tree of strings compared at every
// region hit cost more than the rest of the look-up.
class NameCounts {
 public:
  void Add(const std::u32string& name) { ++by_address_[&name]; }
  std::map<std::u32string, int> ByName() const {
    std::map<std::u32string, int> out;
    for (const auto& [p, n] : by_address_) out[*p] += n;
    return out;
  }

 private:
  std::unordered_map<const std::u32string*, int> by_address_;
};

}  // namespace

std::u32string MainRegion(const DocContext& ctx) {
  NameCounts named;
  for (const LexHit& h : ctx.hits()) {
    if ((h.roles() & kRegionName) != 0 && h.entry->province) named.Add(h.entry->full_name);
  }
  const std::map<std::u32string, int> counts = named.ByName();
  std::u32string best;
  int n = 0;
  for (const auto& [name, c] : counts) {
    if (c > n) {
      best = name;
      n = c;
    }
  }
  return best;
}

std::u32string MainCity(const DocContext& ctx) {
  NameCounts named;
  for (const LexHit& h : ctx.hits()) {
    if ((h.roles() & kRegionName) != 0 && !h.entry->province && !h.entry->full_name.empty() &&
        ctx.StartingAt(h.start, kRegionName) == &h) {
      named.Add(h.entry->full_name);
    }
  }
  const std::map<std::u32string, int> counts = named.ByName();
  std::u32string best;
  int n = 1;
  for (const auto& [name, c] : counts) {
    if (c > n) {
      best = name;
      n = c;
    }
  }
  return best;
}

namespace {

// NAME + level word at the start of an agency name, when NAME is two or three
// Han characters the lexicon does not know as a region. Empty: none.
const LexHit* UnknownRegionLevel(const DocContext& ctx, const Mention& m) {
  if (!m.level_prefix.empty() || m.name.size() < 5) return nullptr;
  for (uint32_t k = 2; k <= 3; ++k) {
    const LexHit* level = ctx.LevelAt(m.start + k);
    if (level == nullptr || level->entry->generic_level) continue;
    // A word holds the level word (农业农村局: 农村, no village 农业农村).
    if (ctx.Overlapped(level->start, level->end, kNotKind, 0)) continue;
    // Two-character levels other than a province's (地区) follow common words
    // too often (边境地区): only 省, 市, 县, 旗 … and 自治区 infer a region.
    if (level->end - level->start > 1 && !level->entry->province) continue;
    bool unknown = true;
    for (uint32_t p = m.start; p < m.start + k; ++p) {
      unknown &= IsHan(ctx.text()[p]) && ctx.StartingAt(p, kRegionName | kRegionLevel |
                                                          kAgencyKind | kAgencyName | kScopeWord |
                                                          kStopWord) == nullptr;
    }
    if (unknown && level->end < m.end) return level;
  }
  return nullptr;
}

// A hash of a short name cheaper than the standard one over its bytes.
struct ViewHash {
  size_t operator()(std::u32string_view v) const {
    uint64_t h = v.size();
    for (const char32_t c : v) h = (h ^ c) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

size_t Occurrences(std::u32string_view text, std::u32string_view what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != text.npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

// A region name read off agency names: its level, the count of its
// occurrences and, while counting, the next position it may start at.
struct Seen {
  bool province = false;
  std::u32string_view level;
  size_t count = 0;
  size_t next = 0;
};
using SeenNames = std::unordered_map<std::u32string_view, Seen, ViewHash>;

// Sets the count of every name of `names` to Occurrences(). A search of the
// whole text per name is quadratic when a text names thousands of regions;
// past a few names one pass per name length counts them all, left to right
// without overlap as Occurrences() does.
void CountOccurrences(std::u32string_view text, SeenNames* names) {
  constexpr size_t kFewNames = 8;
  if (names->size() <= kFewNames) {
    for (auto& [name, s] : *names) s.count = Occurrences(text, name);
    CountWork(names->size() * text.size());
    return;
  }
  std::vector<size_t> lengths;
  // The names' first characters: most positions start none, and are passed
  // over without hashing what follows them.
  std::vector<uint64_t> first(0x10000 / 64, 0);
  for (const auto& [name, unused] : *names) {
    if (name.empty()) continue;
    lengths.push_back(name.size());
    if (name[0] < 0x10000) first[name[0] >> 6] |= uint64_t{1} << (name[0] & 63);
  }
  std::sort(lengths.begin(), lengths.end());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  const auto may_start = [&](char32_t c) {
    return c >= 0x10000 || ((first[c >> 6] >> (c & 63)) & 1) != 0;
  };
  // A bit per hash of a name, eight bits a name: of the positions starting
  // like a name, most start none, and pass without a look-up in the table
  // (with tens of thousands of names it missed the cache at each).
  size_t bits = 64;
  while (bits < 8 * names->size()) bits *= 2;
  std::vector<uint64_t> hashed(bits / 64, 0);
  const ViewHash hash;
  for (const auto& [name, unused] : *names) {
    const size_t h = hash(name) & (bits - 1);
    hashed[h >> 6] |= uint64_t{1} << (h & 63);
  }
  const auto may_be = [&](std::u32string_view v) {
    const size_t h = hash(v) & (bits - 1);
    return ((hashed[h >> 6] >> (h & 63)) & 1) != 0;
  };
  for (const size_t len : lengths) {
    CountWork(text.size());
    for (size_t p = 0; p + len <= text.size(); ++p) {
      if (!may_start(text[p]) || !may_be(text.substr(p, len))) continue;
      const auto it = names->find(text.substr(p, len));
      if (it == names->end() || p < it->second.next) continue;
      ++it->second.count;
      it->second.next = p + len;
    }
  }
}

}  // namespace

void InferRegions(DocContext* ctx) {
  // Gathered as views of the text, hashed and then sorted once: a text of
  // thousands of agency mentions names a few regions, each over and over,
  // and a list of thousands of unknown places filled trees of copied names.
  SeenNames seen;
  const std::u32string_view t = ctx->text();
  for (const Mention& m : ctx->mentions) {
    if (m.type != EntityType::kAgency) continue;
    if (const LexHit* level = UnknownRegionLevel(*ctx, m); level != nullptr) {
      Seen& s = seen[t.substr(m.start, level->end - m.start)];
      s.province = level->entry->province;
      s.level = t.substr(level->start, level->end - level->start);
    }
  }
  CountOccurrences(t, &seen);
  // In the order of the names, as ties are settled by the first.
  std::vector<std::pair<std::u32string_view, const Seen*>> names;
  names.reserve(seen.size());
  for (const auto& [name, s] : seen) names.emplace_back(name, &s);
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::unordered_map<std::u32string_view, size_t, ViewHash> best_of_level;
  for (const auto& [name, s] : names) {
    const size_t n = s->count;
    if (n < 2) continue;
    size_t& best = best_of_level[s->level];
    if (n > best) {
      best = n;
      ctx->region_by_level[std::u32string(s->level)] = std::u32string(name);
    }
  }
  // A province named once is enough to complete 省应急管理厅 (the level says
  // which); a city, and a place mention, need two. The inferred regions
  // come out sorted, as `names` are.
  size_t best_province = 0, best_city = 1;
  std::u32string_view province, city;
  for (const auto& [name, s] : names) {
    const size_t n = s->count;
    if (n >= 2) ctx->inferred_regions.emplace_back(name);
    size_t& best = s->province ? best_province : best_city;
    if (n > best) {
      best = n;
      (s->province ? province : city) = name;
    }
  }
  if (ctx->main_region_full.empty()) ctx->main_region_full = province;
  if (ctx->main_city_full.empty()) ctx->main_city_full = city;
}

std::vector<EntityDraft> ResolveCoreference(DocContext* ctx, const LexiconSet& lexicon) {
  AddQuotedProgramMentions(ctx);
  Resolver r(ctx, lexicon);
  return r.Run();
}

}  // namespace govkg::internal
