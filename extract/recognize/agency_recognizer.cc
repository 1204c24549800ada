// The Agency recogniser: kind words (总队, 公安厅, 部门) extended leftwards
// over name characters to a boundary, split at inner kind words into parent
// and sub-unit, region level prefixes noted for coreference.
#include <algorithm>

#include "extract/recognize/mention_index_internal.h"
#include "extract/recognize/mention_internal.h"

namespace govkg::internal {
namespace {

constexpr uint32_t kMaxAgencyChars = 24;
const std::u32string_view kMeasureChars = U"个级项支批类家名年月日";

// A kind hit that really ends a name here: not inside 格局/处理, not the
// start of a title (总队长), and a one-character kind has two Han
// characters before it that are not numerals (550余处 is a count).
bool ValidKind(const DocContext& ctx, const LexHit& h) {
  // 查处 cancels 处 unless a title follows (调查处处长).
  // A longer kind word only yields to a word over its first character
  // (机构改革), not to one that starts at its end (管理局|部署 is not 局部).
  const uint32_t cover_end = h.end - h.start > 1 ? h.start + 1 : h.end;
  if (ctx.StartingAt(h.end, kTitle) == nullptr && ctx.Overlapped(h.start, cover_end, kNotKind, 0)) {
    return false;
  }
  if (ctx.Overlapped(h.start, h.end, kTitle, h.end + 1)) return false;
  if (h.entry->single_char_kind && (h.roles() & kAgencyName) == 0) {
    if (h.start < 2) return false;
    for (uint32_t i = h.start - 2; i < h.start; ++i) {
      const char32_t c = ctx.text()[i];
      if (!IsHan(c) || IsChineseNumeral(c) || c == U'余' || c == U'多') return false;
    }
  }
  return true;
}

// Whether boundary word `b` opens a city's two-character short form
// (无锡海关: 无 is no stop word there). Other short forms hide in words
// (公安, 和政 are counties'), so only prefectures' count.
bool OpensCityShortForm(const DocContext& ctx, const LexHit& b) {
  const LexHit* r = ctx.StartingAt(b.start, kRegionShort);
  return r != nullptr && r->end > b.end && r->entry->prefecture_short;
}

// Start of the name that ends at `pos`, walking left over name characters
// until punctuation, a boundary word, or the length limit.
uint32_t ExtendLeft(const DocContext& ctx, uint32_t pos, uint32_t boundary_roles) {
  uint32_t s = pos;
  while (s > 0 && pos - s < kMaxAgencyChars) {
    if (!IsNameChar(ctx.text()[s - 1])) break;
    const LexHit* b = ctx.EndingAt(s, boundary_roles);
    // A boundary inside a longer lexicon name (发展和改革) does not count.
    if (b != nullptr &&
        !ctx.InsideLonger(*b, kAgencyKind | kAgencyName | kRegionName | kRegionLevel | kNameWord |
                                  kGenericModifier) &&
        !OpensCityShortForm(ctx, *b)) {
      break;
    }
    --s;
  }
  return s;
}

// Cuts a candidate name after its last collective level word (盟市, 旗县)
// or count (三级, 8个): 调整充实市县两级平安建设工作领导小组 → 平安建设工作领导小组.
uint32_t SkipLeadingNoise(const DocContext& ctx, uint32_t s, uint32_t limit) {
  uint32_t cut = s;
  for (uint32_t p = s; p < limit; ++p) {
    const LexHit* lv = ctx.LevelAt(p);
    // A counted set of regions is part of the name (沿黄9省区公安机关).
    if (lv != nullptr && lv->entry->generic_level && lv->end <= limit &&
        (p == 0 || !IsDigitChar(ctx.text()[p - 1]))) {
      cut = lv->end;
      continue;
    }
    const char32_t c = ctx.text()[p];
    if ((IsDigitChar(c) || IsChineseNumeral(c)) && (p == s || !IsChineseNumeral(ctx.text()[p - 1]))) {
      uint32_t k = p;
      while (k < limit && (IsDigitChar(ctx.text()[k]) || IsChineseNumeral(ctx.text()[k]))) ++k;
      if (k < limit && kMeasureChars.find(ctx.text()[k]) != std::u32string_view::npos) cut = k + 1;
    }
  }
  return cut;
}

// The last valid kind word inside [s, limit): the parent's end.
const LexHit* InnerKind(const DocContext& ctx, uint32_t s, uint32_t limit) {
  for (uint32_t e = limit; e > s + 1; --e) {
    const LexHit* h = ctx.EndingAt(e, kAgencyKind | kAgencyName);
    if (h != nullptr && h->start >= s && ValidKind(ctx, *h)) return h;
  }
  return nullptr;
}

void SetLevelPrefix(const DocContext& ctx, Mention* m) {
  const LexHit* region = ctx.StartingAt(m->start, kRegionName);
  const LexHit* level = ctx.LevelAt(m->start);
  // 全市市场监管部门: after a scope word the level word opening a longer
  // word (市场监管) is no level of the name; the scope was the level. (A
  // bare 市场监管局 keeps its 市: the city's bureau.)
  if (const LexHit* word = ctx.StartingAt(m->start, kNameWord);
      level != nullptr && word != nullptr && word->end > level->end &&
      ctx.EndingAt(m->start, kScopeWord) != nullptr) {
    return;
  }
  if (level != nullptr && (region == nullptr || region->end <= level->end)) {
    m->level_prefix = ctx.text().substr(level->start, level->end - level->start);
  }
}

// Whether an agency mention spans exactly [s, e) among the latest ones.
bool NamedAgencyAt(const DocContext& ctx, uint32_t s, uint32_t e) {
  constexpr size_t kMaxLookBack = 64;
  const size_t n = ctx.mentions.size();
  for (size_t k = n > kMaxLookBack ? n - kMaxLookBack : 0; k < n; ++k) {
    const Mention& c = ctx.mentions[k];
    if (c.type == EntityType::kAgency && c.start <= s && c.end >= e) return true;
  }
  return false;
}

// "会同教育等部门", "公安机关治安、刑侦、网安等部门": items of a list that
// end in 等(N个)KIND name one body each (教育部门, 治安部门 …). After a
// cooperation verb they are partners; otherwise they are units of the body
// the text places them in: the agency right before the list, else the last
// one named earlier in the sentence (…领导小组，增设A、B等8个专项组).
void ListDepartments(DocContext* ctx, uint32_t deng, const std::u32string& kind) {
  const std::u32string_view t = ctx->text();
  std::vector<std::pair<uint32_t, uint32_t>> items;
  uint32_t end = deng;
  bool partners = false;
  int parent = -1;
  while (true) {
    uint32_t s = end;
    while (s > 0 && IsNameChar(t[s - 1]) && end - s < 10 &&
           ctx->EndingAt(s, kBoundaryRoles) == nullptr &&
           (s == end || ctx->EndingAt(s, kAgencyKind | kAgencyName) == nullptr)) {
      --s;
    }
    if (s == end) return;
    items.push_back({s, end});
    if (s > 0 && t[s - 1] == U'、') {
      end = s - 1;
      continue;
    }
    partners = ctx->EndingAt(s, kCoopVerb) != nullptr;
    if (!partners && items.size() < 2) return;
    if (!partners) {
      // The agency ending right before the list, else the sentence's last one before it.
      const int sentence = ctx->SentenceAt(s);
      const uint32_t floor = sentence >= 0 ? ctx->seg().sentences[sentence].range.start : s;
      // The latest mentions only (they arrive in text order): linear time.
      constexpr size_t kMaxLookBack = 64;
      const size_t n = ctx->mentions.size();
      for (size_t k = n > kMaxLookBack ? n - kMaxLookBack : 0; k < n; ++k) {
        const Mention& c = ctx->mentions[k];
        if (c.type != EntityType::kAgency || c.end > s || c.start < floor) continue;
        if (parent < 0 || c.end > ctx->mentions[parent].end ||
            (c.end == ctx->mentions[parent].end && c.start < ctx->mentions[parent].start)) {
          parent = static_cast<int>(k);
        }
      }
      if (parent < 0) return;
    }
    break;
  }
  for (const auto& [s, e] : items) {
    // Already a named body, or the end of one the walk cut at its 和
    // (工业和信息化部、中国人民银行等部门: no 信息化部部门). A bare kind
    // word that names no body alone (会同边防、海关等部门) is the body
    // of that kind in the list.
    const LexHit* body = ctx->EndingAt(e, kAgencyKind | kAgencyName);
    const bool bare = body != nullptr && body->start == s && partners && !NamedAgencyAt(*ctx, s, e);
    if (body != nullptr && !bare) continue;
    if (ctx->StartingAt(s, kGenericModifier) != nullptr) continue;
    Mention m;
    m.type = EntityType::kAgency;
    m.start = s;
    m.end = e;
    m.name = bare ? ctx->Slice(s, e) : ctx->Slice(s, e) + kind;
    if (parent >= 0) {
      m.parent_start = ctx->mentions[parent].start;
      m.parent_end = ctx->mentions[parent].end;
    }
    ctx->mentions.push_back(std::move(m));
  }
}

// The places (hits with `roles` naming divisions) listed right before `at`,
// each followed by one of `separators`, nearest first, at most 16 (a list,
// not a page: linear time).
std::vector<const LexHit*> PlacesListedBefore(const DocContext& ctx, uint32_t at, uint32_t roles,
                                              std::u32string_view separators) {
  constexpr size_t kMaxPlaces = 16;
  const std::u32string_view t = ctx.text();
  std::vector<const LexHit*> places;
  while (places.size() < kMaxPlaces && at > 1 && separators.find(t[at - 1]) != std::u32string_view::npos) {
    const LexHit* place = ctx.EndingAt(at - 1, roles);
    if (place == nullptr || place->entry->divisions.empty()) break;
    places.push_back(place);
    at = place->start;
  }
  return places;
}

// "广州市、深圳市、佛山市市场监管局": divisions of one level listed before
// a body's name each have that body (广州市市场监管局 …).
void ListedRegionTwins(DocContext* ctx, const Mention& m) {
  const std::u32string_view t = ctx->text();
  const LexHit* own = ctx->StartingAt(m.start, kRegionName | kRegionShort);
  if (own == nullptr || own->entry->divisions.empty() || own->end >= m.end) return;
  // The place's name with its level word: 昭通市, or 红河 + 州.
  uint32_t own_end = own->end;
  const LexHit* own_level = ctx->EndingAt(own_end, kRegionLevel);
  if (own_level == nullptr) {
    own_level = ctx->StartingAt(own_end, kRegionLevel);
    if (own_level == nullptr || own_level->end - own_level->start != 1 || own_level->end >= m.end) return;
    own_end = own_level->end;
  } else if ((own->roles() & kRegionName) == 0) {
    return;
  }
  const char32_t level = t[own_end - 1];
  const bool prefecture = own_level->entry->prefecture_level;
  const std::u32string rest = ctx->Slice(own_end, m.end);
  for (const LexHit* other : PlacesListedBefore(*ctx, m.start, kRegionName, U"、")) {
    // One level, or one tier (曲靖市、红河州: a city and a prefecture).
    const LexHit* other_level = ctx->EndingAt(other->end, kRegionLevel);
    const bool same_tier = prefecture && other_level != nullptr && other_level->entry->prefecture_level;
    if (t[other->end - 1] != level && !same_tier) return;
    Mention twin;
    twin.type = EntityType::kAgency;
    twin.start = other->start;
    twin.end = other->end;
    twin.name = ctx->Slice(other->start, other->end) + rest;
    ctx->mentions.push_back(std::move(twin));
  }
}

// "南宁、柳州、桂林三市公安机关": places listed before a count of their level
// (三市, 两县) or 等 and it (等市) and a body each have that body: 南宁市公安机关 … Returns
// whether `m` was such a list (its mentions are then pushed here).
bool CountedRegionList(DocContext* ctx, const Mention& m, uint32_t kind_start) {
  const std::u32string_view t = ctx->text();
  // Short forms too (柳州, 桂林): the count after the list says they are places.
  constexpr uint32_t kPlaceRoles = kRegionName | kRegionShort;
  const LexHit* last = nullptr;  // the list's last place
  uint32_t p = m.start;          // where the level word should start
  if (m.start > 1 && t[m.start - 1] == U'等') {
    last = ctx->EndingAt(m.start - 1, kPlaceRoles);  // 等 ended the name: 咸阳等|市应急管理局
  } else {
    last = ctx->StartingAt(m.start, kPlaceRoles);
    p = last != nullptr ? last->end : m.start;
    while (p < kind_start && (IsChineseNumeral(t[p]) || IsDigitChar(t[p]))) ++p;
    if (last == nullptr || p == last->end) return false;
  }
  if (last == nullptr || last->entry->divisions.empty() || p >= kind_start) return false;
  const LexHit* level = ctx->StartingAt(p, kRegionLevel);
  if (level == nullptr || level->end - level->start != 1 || level->end > kind_start) return false;
  // 2州市文旅部门: levels mixed (but 三市|市场监管局 is the body's name)
  if (level->end < kind_start && ctx->StartingAt(level->end, kRegionLevel) != nullptr) return false;
  const char32_t level_char = t[p];
  const std::u32string body = ctx->Slice(level->end, m.end);
  std::vector<const LexHit*> places = PlacesListedBefore(*ctx, last->start, kPlaceRoles, U"、和");
  if (places.empty()) return false;
  places.insert(places.begin(), last);
  for (const LexHit* place : places) {
    Mention member;
    member.type = EntityType::kAgency;
    member.start = place->start;
    member.end = place == last ? m.end : place->end;
    member.name = ctx->Slice(place->start, place->end);
    if (member.name.back() != level_char) member.name += level_char;
    member.name += body;
    ctx->mentions.push_back(std::move(member));
  }
  return true;
}

// Mentions [first, end) inside a longer one of them are not actors on their
// own. In order of start (longest first at one start), a mention is inside a
// longer one when an earlier-starting mention reaches its end, or a longer
// one shares its start.
void MarkNonMaximal(DocContext* ctx, size_t first) {
  std::vector<Mention>& ms = ctx->mentions;
  // Sorted by start, longest first, as (start, end, index) triples: the
  // comparisons stay in one small array instead of reaching into the Mentions.
  // Mentions of one span get the same mark, so their order does not matter.
  struct Key {
    uint32_t start, end;
    size_t index;
  };
  std::vector<Key> keys(ms.size() - first);
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = {ms[first + i].start, ms[first + i].end, first + i};
  const auto before = [](const Key& a, const Key& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  };
  // The keys come as a few ascending runs (names in text order, then the
  // parents created for them): merging the runs is linear, where a sort of
  // a hundred thousand keys was a tenth of a text naming one body.
  constexpr size_t kMaxRuns = 8;
  std::vector<size_t> runs{0};
  for (size_t i = 1; i < keys.size() && runs.size() <= kMaxRuns; ++i) {
    if (before(keys[i], keys[i - 1])) runs.push_back(i);
  }
  if (runs.size() > kMaxRuns) {
    std::sort(keys.begin(), keys.end(), before);
  } else {
    runs.push_back(keys.size());
    for (size_t r = 1; r + 1 < runs.size(); ++r) {
      std::inplace_merge(keys.begin(), keys.begin() + static_cast<ptrdiff_t>(runs[r]),
                         keys.begin() + static_cast<ptrdiff_t>(runs[r + 1]), before);
    }
  }
  uint32_t reach_before = 0;  // the furthest end of mentions starting earlier
  bool any_before = false;
  for (size_t g = 0; g < keys.size();) {
    const uint32_t start = keys[g].start;
    const uint32_t group_end = keys[g].end;  // the longest at this start
    size_t h = g;
    for (; h < keys.size() && keys[h].start == start; ++h) {
      if ((any_before && reach_before >= keys[h].end) || group_end > keys[h].end) {
        ms[keys[h].index].maximal = false;
      }
    }
    reach_before = any_before ? std::max(reach_before, group_end) : group_end;
    any_before = true;
    g = h;
  }
}

// The agencies recognised so far by where they end: what 厅党组 and 该局
// point back at.
class BodiesNamedBefore {
 public:
  BodiesNamedBefore(const DocContext& ctx, size_t first) : ctx_(ctx) {
    for (size_t i = first; i < ctx.mentions.size(); ++i) {
      if (ctx.mentions[i].type == EntityType::kAgency) by_end_.push_back(static_cast<int>(i));
    }
    std::stable_sort(by_end_.begin(), by_end_.end(),
                     [&](int a, int b) { return ctx.mentions[a].end < ctx.mentions[b].end; });
  }

  // The body named last before `pos` whose name ends in `tail`, among the
  // few agencies ending nearest before it (a text names its bodies again:
  // linear time); nullptr if none.
  const Mention* LastEndingWith(uint32_t pos, std::u32string_view tail) const {
    constexpr size_t kMaxLookBack = 32;
    auto k = std::upper_bound(by_end_.begin(), by_end_.end(), pos,
                              [&](uint32_t p, int i) { return p < ctx_.mentions[i].end; });
    for (size_t n = 0; k != by_end_.begin() && n < kMaxLookBack; ++n) {
      const Mention& c = ctx_.mentions[*--k];
      if (!c.anaphor && !c.head_names_parent && std::u32string_view(c.name).ends_with(tail)) return &c;
    }
    return nullptr;
  }

 private:
  const DocContext& ctx_;
  std::vector<int> by_end_;
};

// 厅党组, 局党委: whether a one-character kind heads the name at `s`,
// right before its kind word at `kind_start` (then it stands for a body of
// that kind named before: ResolveHeads).
bool HeadIsOneCharKind(const DocContext& ctx, uint32_t s, uint32_t kind_start) {
  if (kind_start != s + 1) return false;
  const LexHit* head = ctx.StartingAt(s, kAgencyKind);
  return head != nullptr && head->end == kind_start && head->entry->single_char_kind;
}

// The parent of each name headed by a one-character kind: the body of that
// kind named last before it (福建省交通运输厅 … 厅党组书记、厅长); a name
// with none is a name as written.
void ResolveHeads(DocContext* ctx, size_t first, const BodiesNamedBefore& bodies) {
  for (size_t i = first; i < ctx->mentions.size(); ++i) {
    Mention& m = ctx->mentions[i];
    if (!m.head_names_parent) continue;
    const Mention* named = bodies.LastEndingWith(m.start, ctx->text().substr(m.start, 1));
    m.head_names_parent = named != nullptr;
    if (named != nullptr) {
      m.parent_start = named->start;
      m.parent_end = named->end;
    }
  }
}

// 该局, 该站, 该支队: the body named last before whose name ends in the
// characters after 该 (two, else one). Appended as anaphors of it.
void AddAnaphors(DocContext* ctx, const BodiesNamedBefore& bodies) {
  const std::u32string_view t = ctx->text();
  std::vector<Mention> found;
  for (uint32_t p = 0; p + 1 < t.size(); ++p) {
    if (t[p] != U'该') continue;
    for (uint32_t len = 2; len >= 1; --len) {
      if (p + 1 + len > t.size() || !IsHan(t[p + 1]) || !IsHan(t[p + len])) continue;
      // 该行动 is no 该行 (a bank): a longer word of another kind opens there.
      const LexHit* word = ctx->StartingAt(p + 1, kProgramKind | kDocumentKind | kAgencyKind);
      if (word != nullptr && word->end > p + 1 + len) continue;
      const Mention* antecedent = bodies.LastEndingWith(p, t.substr(p + 1, len));
      if (antecedent == nullptr) continue;
      Mention m;
      m.type = EntityType::kAgency;
      m.start = p;
      m.end = p + 1 + len;
      m.name = antecedent->name;  // no alias 该局 for the body
      m.parent_start = antecedent->start;
      m.parent_end = antecedent->end;
      m.anaphor = true;
      found.push_back(std::move(m));
      break;
    }
  }
  for (Mention& m : found) ctx->mentions.push_back(std::move(m));
}

}  // namespace

void RecognizeAgencies(DocContext* ctx) {
  const std::u32string_view t = ctx->text();
  const size_t first = ctx->mentions.size();
  for (uint32_t pos = 1; pos <= t.size(); ++pos) {
    const LexHit* h = ctx->EndingAt(pos, kAgencyKind | kAgencyName);
    if (h == nullptr || !ValidKind(*ctx, *h)) continue;
    // A longer kind word continuing past this one wins (委员会 over 委).
    if (ctx->Overlapped(h->start, h->end, kAgencyKind, h->end + 1)) continue;
    const bool full_name = (h->roles() & kAgencyName) != 0;
    uint32_t s = full_name && (h->roles() & kAgencyKind) == 0
                     ? h->start
                     : ExtendLeft(*ctx, h->start, (kBoundaryRoles & ~kBuildVerb) | kTitle);
    s = SkipLeadingNoise(*ctx, s, h->start);
    // Counted bodies (设立7个政务服务中心, 组建3支队伍) name a kind, not one body.
    if (s >= 2 && std::u32string_view(U"个家支批").find(t[s - 1]) != std::u32string_view::npos &&
        (IsDigitChar(t[s - 2]) || IsChineseNumeral(t[s - 2]))) {
      // …but a list before the count names its members (A、B等8个专项组).
      uint32_t d = s - 2;
      while (d > 0 && (IsDigitChar(t[d - 1]) || IsChineseNumeral(t[d - 1]))) --d;
      if (d > 0 && t[d - 1] == U'等' && s == h->start) ListDepartments(ctx, d - 1, ctx->Slice(h->start, h->end));
      continue;
    }
    // National level words before a full name join it (国家 + 移民局).
    if (full_name && s == h->start) {
      const LexHit* lv = ctx->EndingAt(s, kRegionLevel | kRegionName);
      if (lv != nullptr) s = lv->start;
    }
    if (s < h->start && ctx->StartingAt(s, kGenericModifier) != nullptr &&
        ctx->StartingAt(s, kRegionName | kRegionLevel) == nullptr) {
      continue;  // 相关部门, 有关单位
    }
    // A generic word inside (实时推送到相关技术机构) makes it a description.
    bool generic_inside = false;
    for (uint32_t p = s; p < h->start; ++p) {
      const LexHit* g = ctx->StartingAt(p, kGenericModifier);
      generic_inside |= g != nullptr && g->end - g->start >= 2 && g->end <= h->start &&
                        !ctx->InsideLonger(*g, kAgencyKind | kAgencyName | kRegionName);
    }
    if (generic_inside) continue;
    // Counted objects (检查定点医药机构1856家): a kind right before a figure
    // names what was counted, unless a region makes it one body.
    if (h->end < t.size() && IsDigitChar(t[h->end]) &&
        ctx->StartingAt(s, kRegionName | kRegionLevel) == nullptr) {
      continue;
    }
    const bool bare = s == h->start;
    if (h->entry->single_char_kind && h->start - s < 2) continue;
    Mention m;
    m.type = EntityType::kAgency;
    m.start = s;
    m.end = h->end;
    m.name = ctx->Slice(s, h->end);
    // 全省法院共受理…: a kind marked collective right after a scope word
    // (全省, 各级, 全国; not 等地 closing a list of places) names the bodies
    // of that kind together (as 全省公安机关 does); 全省部门 stays generic.
    const LexHit* scope = bare ? ctx->EndingAt(s, kScopeWord) : nullptr;
    const std::u32string_view scope_word =
        scope != nullptr ? t.substr(scope->start, scope->end - scope->start) : std::u32string_view();
    const bool collective = h->entry->collective && scope_word.size() >= 2 && scope_word != U"等地" &&
                            scope_word != U"本级";
    if (bare && !full_name && !h->entry->alone && !collective) {
      // "自治区党委、政府": a bare kind takes the prefix of the conjunct before it.
      const bool conj = s > 0 && (t[s - 1] == U'、' || t[s - 1] == U'和');
      const Mention* prev = nullptr;
      for (size_t k = ctx->mentions.size(); k > first; --k) {
        const Mention& c = ctx->mentions[k - 1];
        if (c.type == EntityType::kAgency && c.end + 1 == s) prev = &c;
        if (c.end + 1 < s) break;
      }
      if (conj && prev != nullptr && !prev->level_prefix.empty()) {
        m.level_prefix = prev->level_prefix;
        m.name.insert(0, prev->level_prefix);
        m.aliases.push_back(ctx->Slice(s, h->end));
        ctx->mentions.push_back(std::move(m));
      } else if (s > 0 && (t[s - 1] == U'等' || t[s - 1] == U'个')) {
        uint32_t deng = s - 1;
        while (deng > 0 && t[deng] != U'等' && s - deng < 6) --deng;
        if (t[deng] == U'等') ListDepartments(ctx, deng, ctx->Slice(h->start, h->end));
      }
      continue;
    }
    SetLevelPrefix(*ctx, &m);
    if (const LexHit* inner = InnerKind(*ctx, s, h->start); inner != nullptr) {
      m.parent_start = s;
      m.parent_end = inner->end;
      m.aliases.push_back(ctx->Slice(inner->end, h->end));
    } else {
      m.head_names_parent = HeadIsOneCharKind(*ctx, s, h->start);  // resolved by ResolveHeads
    }
    // "国家和自治区反恐怖工作领导小组": the first level word names a second body.
    if (!m.level_prefix.empty() && s > 1 && (t[s - 1] == U'和' || t[s - 1] == U'、')) {
      const LexHit* other = ctx->EndingAt(s - 1, kRegionLevel);
      if (other != nullptr && (other->start == 0 || !IsNameChar(t[other->start - 1]) ||
                               ctx->EndingAt(other->start, kBoundaryRoles) != nullptr)) {
        Mention twin;
        twin.type = EntityType::kAgency;
        twin.start = other->start;
        twin.end = other->end;
        twin.name = ctx->Slice(other->start, other->end) + m.name.substr(m.level_prefix.size());
        twin.level_prefix = ctx->text().substr(other->start, other->end - other->start);
        ctx->mentions.push_back(std::move(twin));
      }
    }
    if (CountedRegionList(ctx, m, h->start)) continue;
    ListedRegionTwins(ctx, m);
    ctx->mentions.push_back(std::move(m));
  }
  // Most texts hold neither 厅党组 nor 该局: no index of bodies then.
  const bool heads = std::any_of(ctx->mentions.begin() + static_cast<std::ptrdiff_t>(first), ctx->mentions.end(),
                                 [](const Mention& m) { return m.head_names_parent; });
  if (heads || t.find(U'该') != std::u32string_view::npos) {
    const BodiesNamedBefore bodies(*ctx, first);
    ResolveHeads(ctx, first, bodies);
    AddAnaphors(ctx, bodies);
  }
  // Parents: link each sub-unit to the mention of its parent span, creating
  // it when the parent was not recognised on its own.
  const size_t last = ctx->mentions.size();
  EndIndex agencies(ctx->mentions, EntityType::kAgency);  // only this recogniser's exist yet
  for (size_t i = first; i < last; ++i) {
    const Mention& m = ctx->mentions[i];
    if (m.parent_end == 0) continue;
    int found = agencies.Exactly(m.parent_start, m.parent_end);
    if (found < 0) {
      Mention p;
      p.type = EntityType::kAgency;
      p.start = m.parent_start;
      p.end = m.parent_end;
      p.name = ctx->Slice(p.start, p.end);
      SetLevelPrefix(*ctx, &p);
      ctx->mentions.push_back(std::move(p));
      found = static_cast<int>(ctx->mentions.size()) - 1;
    }
    ctx->mentions[i].parent = found;
  }
  MarkNonMaximal(ctx, first);
}

}  // namespace govkg::internal
