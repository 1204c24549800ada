// The document's region and the scopes of its entities (see region_internal.h).
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "extract/recognize/mention_index_internal.h"
#include "extract/relate/region_internal.h"
#include "extract/work_count_internal.h"

namespace govkg::internal {
namespace {

constexpr uint32_t kRegionRoles = kRegionName | kRegionShort;

// Whether the document speaks as a county (我县, 全县): a county's bare short
// form then names itself. One pass over the text for all six words (a
// search per word read it six times).
bool SpeaksAsCounty(std::u32string_view t) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const char32_t a = t[i], b = t[i + 1];
    if (a != U'我' && a != U'本' && a != U'全') continue;
    if (b == U'县' || (b == U'旗' && a != U'本') || (b == U'区' && a == U'我')) return true;
  }
  return false;
}

// The division a hit names: the one of its readings within `region`, else
// its commonest (fewest levels). -1 when it names none.
int Reading(const LexEntry& e, const Divisions& div, int region) {
  if (e.divisions.empty()) return -1;
  if (region >= 0) {
    for (const int d : e.divisions) {
      if (d == region) return d;
    }
    for (const int d : e.divisions) {
      if (div.Within(d, region) || div.Within(region, d)) return d;
    }
  }
  return e.divisions.front();
}

// Whether a hit starting at `pos` is preceded by a word boundary, or by the
// name of an ancestor of `d` (大连瓦房店).
bool BoundaryBefore(const DocContext& ctx, const Divisions& div, uint32_t pos, int d,
                    bool* after_parent) {
  *after_parent = false;
  const std::u32string_view t = ctx.text();
  if (pos == 0 || !IsNameChar(t[pos - 1])) return true;
  // A date ends right before (10月24日大连…).
  if (pos >= 2 && (t[pos - 1] == U'日' || t[pos - 1] == U'月') && IsDigitChar(t[pos - 2])) return true;
  if (const LexHit* p = ctx.EndingAt(pos, kRegionRoles); p != nullptr) {
    for (const int a : p->entry->divisions) {
      if (a != d && div.Within(d, a)) *after_parent = true;
    }
    if (*after_parent) return true;
  }
  return ctx.EndingAt(pos, kBoundaryRoles) != nullptr;
}

// Whether a mention of the index overlaps [start, end).
bool Overlaps(const StartIndex& index, uint32_t start, uint32_t end) {
  return !index.StartingIn(start, end).empty() || index.Covers(start, start + 1);
}

// The start of a town's name that ends at `level` (a 乡/镇 hit): back over Han
// characters to a boundary word, a region name or a non-Han character, at
// most four; `level` itself when the stem is not two to four characters.
// A town listed before another (开通镇、瞻榆镇, 三市镇、南江镇) may have a
// stem that is a word of its own or holds a level word: `listed`.
uint32_t TownStart(const DocContext& ctx, uint32_t level, bool listed, const LexHit** region_before) {
  const std::u32string_view t = ctx.text();
  *region_before = nullptr;
  uint32_t s = level;
  while (s > 0 && level - s < 5 && IsHan(t[s - 1]) && t[s - 1] != U'、') {
    if (const LexHit* r = ctx.EndingAt(s, kRegionName); r != nullptr && !r->entry->divisions.empty()) {
      *region_before = r;
      break;
    }
    // A village after its town (X镇Y村): the town's level word ends the stem.
    if (const LexHit* r = ctx.EndingAt(s, kRegionLevel); r != nullptr && r->entry->town_level) {
      *region_before = r;
      break;
    }
    if (const LexHit* b = ctx.EndingAt(s, kBoundaryRoles); b != nullptr && !(listed && s == level)) break;
    --s;
  }
  const uint32_t n = level - s;
  if (n < 2 || n > 4) return level;
  // The stem holds no vocabulary of another kind (城乡, 特色小镇).
  const uint32_t foreign = kAgencyKind | kProgramKind | kStopWord | (listed ? 0u : uint32_t{kRegionLevel});
  if (ctx.Overlapped(s, level, foreign, 0)) return level;
  return s;
}

// A project named right after a list of places (A镇、B乡道路改造工程): Han
// characters from `start` to a program kind word, four to sixteen of them,
// with no boundary word. Appended to `found` as a program the text carries out.
void ProjectAfter(const DocContext& ctx, uint32_t start, std::vector<Mention>* found) {
  constexpr uint32_t kMinName = 4, kMaxName = 16;
  const std::u32string_view t = ctx.text();
  for (uint32_t k = start; k < t.size() && k < start + kMaxName && IsHan(t[k]); ++k) {
    if (ctx.StartingAt(k, kBoundaryRoles | kAgencyKind) != nullptr) return;
    // a level word ends the name unless a word holds it (农村公路)
    if (const LexHit* level = ctx.StartingAt(k, kRegionLevel);
        level != nullptr && !ctx.Overlapped(level->start, level->end, kNotKind, 0)) {
      return;
    }
    const LexHit* kind = ctx.StartingAt(k, kProgramKind);
    if (kind == nullptr || kind->entry->weak_kind || kind->end - start < kMinName) continue;
    if (ctx.StartingAt(kind->end, kProgramKind) != nullptr) continue;  // 工程|项目: the longer
    Mention m;
    m.type = EntityType::kProgram;
    m.start = start;
    m.end = kind->end;
    m.name = ctx.Slice(start, kind->end);
    // Named as a place's project, not as work the sentence's subject takes
    // up (督导组查看了…工程): conducted by nobody the sentence names.
    m.conducted = false;
    found->push_back(std::move(m));
    return;
  }
}

// Whether [start, end) opens a clause that reports a figure (其中，城关镇改造
// 户厕1860户，杨桥镇…): a town as the subject of a breakdown.
bool SubjectOfFigure(std::u32string_view t, uint32_t start, uint32_t end) {
  constexpr uint32_t kMaxClause = 40;
  if (start > 0 && !IsClauseBreak(t[start - 1])) return false;
  for (uint32_t k = end; k < t.size() && k < end + kMaxClause; ++k) {
    if (IsClauseBreak(t[k]) || t[k] == U'、') return false;
    if (IsDigitChar(t[k])) return true;
  }
  return false;
}

// Towns (胡坨镇、马头营镇、古河乡; 五原县天吉泰镇): a list of two or more
// NAME乡/镇 items joined by 、, one right after its county's name, or one opening a
// clause that reports a figure.
void RecognizeTowns(DocContext* ctx, std::vector<Mention>* found) {
  const std::u32string_view t = ctx->text();
  struct Town {
    uint32_t start, end;
    bool after_region;
  };
  std::vector<Town> towns;
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kRegionLevel) == 0 || !h.entry->town_level) continue;
    if (ctx->StartingAt(h.start, kRegionLevel) != &h) continue;
    const LexHit* region = nullptr;
    const bool listed = h.end < t.size() && t[h.end] == U'、';
    const uint32_t s = TownStart(*ctx, h.start, listed, &region);
    if (s == h.start) continue;
    // 小镇, 乡村: words that hold the level word name no town.
    if (ctx->Overlapped(h.start, h.end, kNotKind, 0)) continue;
    towns.push_back({s, h.end, region != nullptr});
  }
  const StartIndex agencies(ctx->mentions, EntityType::kAgency);
  const StartIndex programs(ctx->mentions, EntityType::kProgram);
  const StartIndex places(ctx->mentions, EntityType::kPlace);
  for (size_t i = 0; i < towns.size(); ++i) {
    const Town& w = towns[i];
    const bool listed = (i > 0 && towns[i - 1].end + 1 == w.start && t[w.start - 1] == U'、') ||
                        (i + 1 < towns.size() && w.end + 1 == towns[i + 1].start &&
                         t[w.end] == U'、');
    // A town written before one of its villages (沱江镇老洞村) is named too.
    const bool before_village = i + 1 < towns.size() && towns[i + 1].start == w.end;
    if (!listed && !w.after_region && !before_village && !SubjectOfFigure(t, w.start, w.end)) continue;
    // Not inside an agency or program name (胡坨镇政府), not found already.
    if (agencies.Covers(w.start, w.end) || programs.Covers(w.start, w.end) ||
        places.Covers(w.start, w.end)) {
      continue;
    }
    Mention m;
    m.type = EntityType::kPlace;
    m.start = w.start;
    m.end = w.end;
    m.name = ctx->Slice(w.start, w.end);
    found->push_back(std::move(m));
    // The list's last town runs into a project's name (查看了A镇、B乡翻浆路
    // 改造工程): the project is named after the list, not after the town.
    const bool last = i + 1 == towns.size() || towns[i + 1].start != w.end + 1;
    if (listed && last && !programs.Covers(w.end, w.end + 1)) ProjectAfter(*ctx, w.end, found);
  }
}

// Sites named after a region (内蒙古自然博物馆, 开原市体育馆): a region name,
// up to six more Han characters with no boundary word, and a site kind word. The
// region's own place mention inside it gives way.
void RecognizeSites(DocContext* ctx, std::vector<Mention>* found) {
  const std::u32string_view t = ctx->text();
  const StartIndex agencies(ctx->mentions, EntityType::kAgency);
  const StartIndex programs(ctx->mentions, EntityType::kProgram);
  std::vector<std::pair<uint32_t, uint32_t>> sites;
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kRegionName) == 0 || h.entry->divisions.empty()) continue;
    if (ctx->StartingAt(h.start, kRegionName) != &h) continue;
    for (uint32_t k = h.end; k < t.size() && k <= h.end + 6 && IsHan(t[k - 1]); ++k) {
      if (k > h.end && ctx->EndingAt(k, kBoundaryRoles | kAgencyKind | kRegionLevel) != nullptr) {
        break;
      }
      const LexHit* suf = ctx->StartingAt(k, kPlaceSuffix);
      if (suf == nullptr || suf->entry->list_only_place || suf->end - suf->start < 3) continue;
      if (Overlaps(agencies, h.start, suf->end) || Overlaps(programs, h.start, suf->end)) break;
      sites.push_back({h.start, suf->end});
      Mention m;
      m.type = EntityType::kPlace;
      m.start = h.start;
      m.end = suf->end;
      m.name = ctx->Slice(h.start, suf->end);
      found->push_back(std::move(m));
      break;
    }
  }
  if (sites.empty()) return;
  // The region's own place mention inside a site gives way (sites are sorted by start).
  std::erase_if(ctx->mentions, [&](const Mention& m) {
    if (m.type != EntityType::kPlace) return false;
    auto it = std::upper_bound(sites.begin(), sites.end(), std::make_pair(m.start, UINT32_MAX));
    return it != sites.begin() && std::prev(it)->second >= m.end;
  });
}

// Whether the hit is an item of a list of region names joined by 、 and
// closed by 等 (在开原、昌图、西丰等地), or of three or more such names.
// The walks stop at the third item: a list of thousands of names (a
// flattened table) was walked whole from every one of them.
bool InRegionList(const DocContext& ctx, const LexHit& h) {
  const std::u32string_view t = ctx.text();
  int items = 1;
  uint32_t end = h.end;
  while (end < t.size() && t[end] == U'、') {
    CountWork(1);
    const LexHit* next = ctx.StartingAt(end + 1, kRegionRoles);
    if (next == nullptr) break;
    if (++items >= 3) return true;
    end = next->end;
  }
  uint32_t start = h.start;
  while (start > 1 && t[start - 1] == U'、') {
    CountWork(1);
    const LexHit* prev = ctx.EndingAt(start - 1, kRegionRoles);
    if (prev == nullptr) break;
    if (++items >= 3) return true;
    start = prev->start;
  }
  return items >= 2 && end < t.size() && t[end] == U'等';
}

// Whether a dateline's place ends at `pos`: 呼和浩特讯, 济南10月23日电.
bool Dateline(const DocContext& ctx, uint32_t pos) {
  const std::u32string_view t = ctx.text();
  if (pos < t.size() && t[pos] == U'讯') return true;
  // A place followed right away by its date (沈阳3月20日电, 济南10月23日消息).
  uint32_t k = pos;
  while (k < t.size() && k - pos < 8 && (IsDigitChar(t[k]) || t[k] == U'月' || t[k] == U'日')) ++k;
  return k > pos + 2 && IsDigitChar(t[pos]) && t[k - 1] == U'日';
}

// Whether a word ends at `pos`: a non-name character or a boundary word follows.
bool BoundaryAfter(const DocContext& ctx, uint32_t pos) {
  return pos >= ctx.text().size() || !IsNameChar(ctx.text()[pos]) ||
         ctx.StartingAt(pos, kBoundaryRoles | kAgencyKind | kAgencyName) != nullptr;
}

// A locatedIn edge whose evidence is text[start, end).
RelationDraft LocatedIn(int subject, int object, uint32_t start, uint32_t end) {
  RelationDraft r;
  r.subject = subject;
  r.predicate = Predicate::kLocatedIn;
  r.object = object;
  r.start = start;
  r.end = end;
  return r;
}

}  // namespace

int DocumentRegion(const DocContext& ctx, const LexiconSet& lexicon) {
  const Divisions& div = lexicon.divisions();
  if (div.empty()) return -1;
  const std::u32string_view t = ctx.text();
  const size_t title_end = std::min(t.find(U'\n'), t.size());
  const bool county_voice = SpeaksAsCounty(t);
  std::map<int, int> votes;
  std::map<int, int> in_title;  // divisions the title line names, and their ancestors
  for (const LexHit& h : ctx.hits()) {
    if ((h.roles() & kRegionRoles) == 0 || h.entry->divisions.empty()) continue;
    if (ctx.StartingAt(h.start, kRegionRoles) != &h) continue;  // longest only
    if ((h.roles() & kRegionName) == 0) {
      // A prefecture's short form votes after a word boundary; a county's
      // only in a county's own voice.
      const int d = h.entry->divisions.front();
      bool after_parent = false;
      if (!BoundaryBefore(ctx, div, h.start, d, &after_parent)) continue;
      if (div.at(d).level == 3 && (!county_voice || h.entry->divisions.size() != 1)) continue;
    }
    // Several readings: the commonest votes when it is a prefecture (铁岭:
    // the city rather than its county of the same name).
    if (h.entry->divisions.size() > 1 && (h.roles() & kRegionName) == 0 &&
        div.at(h.entry->divisions.front()).level != 2) {
      continue;
    }
    votes[h.entry->divisions.front()] += h.start < title_end || Dateline(ctx, h.end) ? 3 : 1;
    if (h.start < title_end && title_end < t.size()) {  // a title line, not a one-line text
      for (int a = h.entry->divisions.front(); a >= 0; a = div.at(a).parent) ++in_title[a];
    }
  }
  if (votes.empty()) return -1;
  std::map<int, int> support;
  for (const auto& [d, n] : votes) {
    for (int a = d; a >= 0; a = div.at(a).parent) support[a] += n;
  }
  // Down from the best province while one child clearly leads, or leads and
  // is the only one a title line names (泰安市召开…: a city's press conference
  // where the province's bodies speak too is the city's).
  int current = -1;
  for (int level = 1; level <= 3; ++level) {
    int titled = -1, titled_count = 0;
    for (const auto& [d, n] : in_title) {
      if (div.at(d).level == level && div.at(d).parent == current) {
        titled = d;
        ++titled_count;
      }
    }
    int best = -1, first = 0, second = 0;
    for (const auto& [d, n] : support) {
      if (div.at(d).level != level || div.at(d).parent != current) continue;
      if (level > 1 && div.at(d).parent != current) continue;
      if (n > first) {
        second = first;
        first = n;
        best = d;
      } else if (n > second) {
        second = n;
      }
    }
    const int whole = current >= 0 ? support[current] : first;
    if (best < 0 || first == second) break;
    if (2 * first < whole && !(titled_count == 1 && titled == best)) break;
    current = best;
  }
  return current;
}

void CompleteLevels(DocContext* ctx, const LexiconSet& lexicon, int region) {
  const Divisions& div = lexicon.divisions();
  for (int d = region; d >= 0; d = div.at(d).parent) {
    const std::u32string& name = div.at(d).name;
    for (size_t k = std::min<size_t>(name.size() - 1, 5); k >= 1; --k) {
      const LexEntry* e = lexicon.trie().Find(std::u32string_view(name).substr(name.size() - k));
      if (e == nullptr || (e->roles & kRegionLevel) == 0 || e->generic_level) continue;
      ctx->region_by_level.try_emplace(name.substr(name.size() - k), name);
      break;
    }
  }
}

void RecognizeRegionPlaces(DocContext* ctx, const LexiconSet& lexicon, int region) {
  const Divisions& div = lexicon.divisions();
  const std::u32string_view t = ctx->text();
  std::vector<Mention> found;
  const StartIndex mentions(ctx->mentions);
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kRegionShort) == 0 || (h.roles() & kRegionName) != 0) continue;
    if (ctx->StartingAt(h.start, kRegionRoles | kPlaceName) != &h) continue;
    if (ctx->Overlapped(h.start, h.end, kRegionRoles | kPlaceName | kAgencyKind, h.end + 1)) continue;
    // 县域, 县级, 城区内: the level word of a one-character name starts a word.
    if (h.end < t.size() && std::u32string_view(U"域级城").find(t[h.end]) != std::u32string_view::npos) {
      continue;
    }
    if (Overlaps(mentions, h.start, h.end)) continue;
    // A dateline (…网济南10月23日电): the place is followed by its date.
    const bool dateline = h.end + 2 < t.size() && IsDigitChar(t[h.end]) &&
                          (t[h.end + 1] == U'月' || (IsDigitChar(t[h.end + 1]) && t[h.end + 2] == U'月'));
    // The document's own region first (长沙 in a text about 长沙县).
    std::vector<int> readings = h.entry->divisions;
    std::stable_partition(readings.begin(), readings.end(), [&](int d) { return d == region; });
    int chosen = -1;
    for (const int d : readings) {
      bool after_parent = false;
      if (!BoundaryBefore(*ctx, div, h.start, d, &after_parent) && !dateline) continue;
      // Within the region at prefecture level or below, or after its parent.
      // A county within the region at prefecture level or below; a
      // prefecture within the region, or standing as a word of its own.
      const bool held =
          div.at(d).level <= 2
              ? (region >= 0 && (div.Within(d, region) || div.Within(region, d))) ||
                    BoundaryAfter(*ctx, h.end)
              : region >= 0 && div.at(region).level >= 2 &&
                    (div.Within(d, region) || div.Within(region, d) ||
                     div.at(d).parent == div.at(region).parent);
      if (held || after_parent || InRegionList(*ctx, h)) {
        chosen = d;
        break;
      }
    }
    if (chosen < 0) continue;
    Mention m;
    m.type = EntityType::kPlace;
    m.start = h.start;
    m.end = h.end;
    m.name = div.at(chosen).name;
    const std::u32string surface = ctx->Slice(h.start, h.end);
    if (surface != m.name) m.aliases.push_back(surface);
    found.push_back(std::move(m));
  }
  RecognizeTowns(ctx, &found);
  RecognizeSites(ctx, &found);
  for (Mention& m : found) ctx->mentions.push_back(std::move(m));
}

int DivisionOf(const EntityDraft& e, const LexiconSet& lexicon, int region) {
  if (e.type != EntityType::kPlace) return -1;
  const LexEntry* entry = lexicon.trie().Find(e.name);
  if (entry == nullptr) return -1;
  return Reading(*entry, lexicon.divisions(), region);
}

std::vector<RelationDraft> HierarchyRelations(const DocContext& ctx,
                                              const std::vector<EntityDraft>& entities,
                                              const LexiconSet& lexicon, int region) {
  const Divisions& div = lexicon.divisions();
  std::map<int, int> entity_of;  // division → entity
  std::vector<int> division(entities.size(), -1);
  for (size_t i = 0; i < entities.size(); ++i) {
    division[i] = DivisionOf(entities[i], lexicon, region);
    if (division[i] >= 0) entity_of.try_emplace(division[i], static_cast<int>(i));
  }
  // Towns by the end of each mention: the village written right after one
  // lies in it.
  std::unordered_map<uint32_t, int> town_ending_at;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].type != EntityType::kPlace || division[i] >= 0) continue;
    for (const int mi : entities[i].mentions) {
      const LexHit* level = ctx.EndingAt(ctx.mentions[mi].end, kRegionLevel);
      if (level != nullptr && level->entry->town_level) {
        town_ending_at.try_emplace(ctx.mentions[mi].end, static_cast<int>(i));
      }
    }
  }
  std::vector<RelationDraft> out;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].type != EntityType::kPlace || entities[i].mentions.empty()) continue;
    // Where a reporter filed from says nothing of the place's hierarchy.
    if (std::all_of(entities[i].mentions.begin(), entities[i].mentions.end(),
                    [&](int mi) { return Dateline(ctx, ctx.mentions[mi].end); })) {
      continue;
    }
    int start = division[i] >= 0 ? div.at(division[i]).parent : -1;
    if (division[i] < 0) {
      const Mention& m = ctx.mentions[entities[i].mentions.front()];
      // A site named after its city or county (开原市体育馆) lies in it; a
      // province's museum names the province it serves, not a site in it.
      if (const LexHit* own = ctx.StartingAt(m.start, kRegionName);
          own != nullptr && own->end < m.end && !own->entry->divisions.empty() &&
          ctx.EndingAt(m.end, kPlaceSuffix) != nullptr) {
        const int d = Reading(*own->entry, div, region);
        const auto it = entity_of.find(d);
        if (d >= 0 && div.at(d).level >= 2 && it != entity_of.end() && it->second != static_cast<int>(i)) {
          out.push_back(LocatedIn(static_cast<int>(i), it->second, m.start, m.end));
        }
        continue;
      }
      // A town: in the county named right before it, a village in its
      // town, else the document's county.
      const LexHit* before = ctx.EndingAt(m.start, kRegionName);
      const LexHit* level = ctx.EndingAt(m.end, kRegionLevel);
      const bool town = level != nullptr && level->entry->town_level && level->start > m.start;
      if (before != nullptr && !before->entry->divisions.empty()) {
        start = Reading(*before->entry, div, region);
      } else if (const auto it = town ? town_ending_at.find(m.start) : town_ending_at.end();
                 it != town_ending_at.end() && it->second != static_cast<int>(i)) {
        out.push_back(LocatedIn(static_cast<int>(i), it->second, m.start, m.end));
        continue;
      } else if (region >= 0 && div.at(region).level == 3 && town) {
        start = region;
      }
    }
    for (int a = start; a >= 0; a = div.at(a).parent) {
      const auto it = entity_of.find(a);
      if (it == entity_of.end()) continue;
      const Mention& m = ctx.mentions[entities[i].mentions.front()];
      out.push_back(LocatedIn(static_cast<int>(i), it->second, m.start, m.end));
      break;
    }
  }
  return out;
}

namespace {

// Whether a figure's clause gives it for the whole region (会议通报，去年全省
// 共转移群众86.5万人) with a scope word 全省, 全区 … (not 全国, another
// region) and its sentence names no body before it that could report it
// (全省公安机关 is the bodies' figure).
bool RegionWideFigure(const DocContext& ctx, const std::vector<MetricMention>& metrics) {
  const std::u32string_view t = ctx.text();
  std::optional<StartIndex> agencies;
  for (const MetricMention& mm : metrics) {
    if (mm.sentence < 0) continue;
    if (!agencies) agencies.emplace(ctx.mentions, EntityType::kAgency);
    const uint32_t sentence = ctx.seg().sentences[mm.sentence].range.start;
    if (!agencies->StartingIn(sentence, mm.number.start).empty()) continue;
    // The figure's expression opens its clause or follows the figure before.
    for (uint32_t p = mm.range.start + 2; p <= mm.number.start; ++p) {
      const LexHit* w = ctx.EndingAt(p, kScopeWord);
      if (w != nullptr && w->start >= mm.range.start && t[w->start] == U'全' &&
          t.substr(w->start, 2) != U"全国") {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void AddRegionPlace(DocContext* ctx, const std::vector<MetricMention>& metrics,
                    std::vector<EntityDraft>* drafts) {
  std::u32string region;
  for (const std::u32string* r : {&ctx->doc_region_full, &ctx->main_city_full, &ctx->main_region_full}) {
    if (r->empty()) continue;
    for (const EntityDraft& d : *drafts) {
      if (d.type == EntityType::kPlace && !d.dropped && d.name == *r) return;  // a place reports it
    }
    if (region.empty()) region = *r;
  }
  if (region.empty()) return;
  // Whether a metric is a region fact and not work done (as the relation rules read it).
  const bool region_fact = std::any_of(metrics.begin(), metrics.end(), [&](const MetricMention& mm) {
    bool fact = false;
    for (uint32_t p = mm.range.start + 1; p <= mm.number.start; ++p) {
      const LexHit* w = ctx->EndingAt(p, kWorkDone);
      if (w != nullptr && w->start >= mm.range.start) return false;
      const LexHit* f = ctx->EndingAt(p, kRegionFact);
      fact |= f != nullptr && f->start >= mm.range.start;
    }
    return fact;
  });
  if (!region_fact && !RegionWideFigure(*ctx, metrics)) return;
  const size_t at = ctx->text().find(region);
  if (at == std::u32string_view::npos) return;
  Mention m;
  m.type = EntityType::kPlace;
  m.start = static_cast<uint32_t>(at);
  m.end = static_cast<uint32_t>(at + region.size());
  m.name = region;
  m.maximal = false;  // inside an agency's name
  m.entity = static_cast<int>(drafts->size());
  EntityDraft d;
  d.type = EntityType::kPlace;
  d.name = region;
  d.mentions.push_back(static_cast<int>(ctx->mentions.size()));
  ctx->mentions.push_back(std::move(m));
  drafts->push_back(std::move(d));
}

void AddTownCounties(const std::vector<EntityDraft>& entities, std::vector<RelationDraft>* relations) {
  auto is_town = [&](int e) {
    const std::u32string& n = entities[e].name;
    return entities[e].type == EntityType::kPlace && !n.empty() && (n.back() == U'镇' || n.back() == U'乡');
  };
  std::map<int, int> county_of;  // town entity → the place it lies in
  std::set<std::pair<int, int>> known;
  for (const RelationDraft& r : *relations) {
    if (r.predicate != Predicate::kLocatedIn) continue;
    known.insert({r.subject, r.object});
    if (is_town(r.subject) && entities[r.object].type == EntityType::kPlace) county_of[r.subject] = r.object;
  }
  std::vector<RelationDraft> added;
  for (const RelationDraft& r : *relations) {
    if (r.predicate != Predicate::kLocatedIn || entities[r.subject].type != EntityType::kProgram) continue;
    const auto it = county_of.find(r.object);
    if (it == county_of.end() || !known.insert({r.subject, it->second}).second) continue;
    RelationDraft d = r;
    d.object = it->second;
    added.push_back(std::move(d));
  }
  for (RelationDraft& d : added) relations->push_back(std::move(d));
}

std::vector<RelationDraft> VenueRelations(const DocContext& ctx) {
  std::vector<RelationDraft> out;
  const std::u32string_view t = ctx.text();
  auto venue = [&](const Mention& p) {
    return p.type == EntityType::kPlace && p.entity >= 0 && p.start > 0 && t[p.start - 1] == U'在';
  };
  // Most texts name no venue: no index of their programs then.
  if (std::none_of(ctx.mentions.begin(), ctx.mentions.end(), venue)) return out;
  const StartIndex programs(ctx.mentions, EntityType::kProgram);
  for (const Mention& p : ctx.mentions) {
    if (!venue(p)) continue;
    const TextRange clause = ctx.ClauseAt(p.start);
    for (const int i : programs.StartingIn(p.end, std::min(clause.end, p.end + 15))) {
      const Mention& m = ctx.mentions[i];
      if (m.entity < 0) continue;
      // Built there (建立的…平台: any program), or carried out there (field work).
      bool verb = false;
      for (uint32_t k = p.end; k < m.start && !verb; ++k) {
        verb = ctx.StartingAt(k, kBuildVerb) != nullptr ||
               (m.field_work && ctx.StartingAt(k, kConductVerb) != nullptr);
      }
      if (!verb) continue;
      out.push_back(LocatedIn(m.entity, p.entity, p.start - 1, m.end));
    }
  }
  return out;
}

// Whether an agency kind word runs across position `at` of `name`: 教育部门
// is 教育 + 部门, no unit of 教育部.
bool KindAcross(std::u32string_view name, size_t at, const LexiconSet& lexicon) {
  for (size_t j = 1; j < at; ++j) {
    const auto k = lexicon.trie().LongestAt(name, j);
    if (k.length > 0 && (k.payload->roles & kAgencyKind) != 0 && j + k.length > at) return true;
  }
  return false;
}

InferredRegions::InferredRegions(const DocContext& ctx) {
  names_.reserve(ctx.inferred_regions.size());
  for (const std::u32string& r : ctx.inferred_regions) {
    names_.insert(r);
    shortest_ = std::min(shortest_, r.size());
    longest_ = std::max(longest_, r.size());
  }
}

bool InferredRegions::Opens(std::u32string_view name) const {
  for (size_t k = shortest_; k <= longest_ && k <= name.size(); ++k) {
    if (names_.count(name.substr(0, k)) != 0) return true;
  }
  return false;
}

std::string ScopeOf(const InferredRegions& inferred, const EntityDraft& e,
                    const LexiconSet& lexicon, int region) {
  const std::string local = region >= 0 ? lexicon.divisions().at(region).code
                                       : std::string(kDocumentScope);
  switch (e.type) {
    case EntityType::kPlace:
    case EntityType::kMetric:
      return "";
    case EntityType::kAgency:
    case EntityType::kDocument: {
      if (e.type == EntityType::kDocument && e.name.starts_with(U"中华人民共和国")) return "";
      const LexEntry* whole = lexicon.trie().Find(e.name);
      if (whole != nullptr && (whole->roles & kAgencyName) != 0) return "";  // 公安部
      // A name that opens with a region carries it (江门市公安局), and one
      // that opens with a national body is a unit of that one body
      // (公安部刑事侦查局, 国务院新闻办公室).
      const auto m = lexicon.trie().LongestAt(e.name, 0);
      // (A city's short form too: 苏州海关, 无锡海关.)
      if (m.length > 0 && ((m.payload->roles & kRegionName) != 0 || m.payload->prefecture_short) &&
          m.length < e.name.size()) {
        return "";
      }
      if (m.length > 0 && (m.payload->roles & kAgencyName) != 0 && m.length < e.name.size() &&
          !KindAcross(e.name, m.length, lexicon)) {
        return "";
      }
      // …or one read off agency names.
      if (inferred.Opens(e.name)) return "";
      // 国家…局, 中央…: one national body.
      if (m.length > 0 && m.payload->national_level && m.length < e.name.size()) return "";
      // A bare level word the region did not complete (市住建局 in a text
      // about a province): which city is not clear.
      if (m.length > 0 && (m.payload->roles & kRegionLevel) != 0 && !m.payload->generic_level &&
          m.length < e.name.size()) {
        return std::string(kDocumentScope);
      }
      return local;
    }
    default:
      return local;
  }
}

}  // namespace govkg::internal
