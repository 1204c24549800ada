// The relation rules (see relation_internal.h).
#include <algorithm>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "extract/relate/discourse_internal.h"
#include "extract/relate/relation_internal.h"
#include "extract/work_count_internal.h"

namespace govkg::internal {
namespace {

// Where the text goes on after a document number in brackets at `pos`
// ((甘水资源发〔2023〕56号): a short bracket that closes on 号), else `pos`.
uint32_t AfterDocumentNumber(std::u32string_view t, uint32_t pos) {
  constexpr uint32_t kMaxNumber = 24;
  const uint32_t open = pos < t.size() && t[pos] == U'》' ? pos + 1 : pos;
  if (open >= t.size() || (t[open] != U'(' && t[open] != U'（')) return pos;
  for (uint32_t q = open + 1; q < t.size() && q <= open + kMaxNumber; ++q) {
    if (t[q] == U')' || t[q] == U'）') return t[q - 1] == U'号' ? q + 1 : pos;
  }
  return pos;
}

class Rules {
 public:
  Rules(const DocContext& ctx, const std::vector<EntityDraft>& entities)
      : ctx_(ctx), entities_(entities), discourse_(ctx, entities) {}

  void Add(int s, Predicate p, int o, uint32_t a, uint32_t b, std::u32string title = {}) {
    if (s < 0 || o < 0 || s == o) return;
    // A press office hosts the conference about a program; others run it.
    if (p == Predicate::kConducts && IsHost(s)) return;
    if (!seen_.insert(TripleKey(s, p, o)).second) return;
    // Evidence: the sentence(s) around both ends.
    const int sa = ctx_.SentenceAt(a);
    const int sb = ctx_.SentenceAt(b > a ? b - 1 : a);
    uint32_t start = a, end = b;
    if (sa >= 0) start = std::min(start, ctx_.seg().sentences[sa].range.start);
    if (sb >= 0) end = std::max(end, ctx_.seg().sentences[sb].range.end);
    // Evidence of ordinary text is one or two sentences, under 700
    // characters; in a sentence of thousands (a list of names) every relation
    // would quote all of it and the output grow with the square of the
    // sentence. Such evidence keeps kEvidenceContext characters around a..b,
    // kClippedEvidence at most.
    constexpr uint32_t kMaxEvidence = 1024, kEvidenceContext = 32, kClippedEvidence = 128;
    if (end - start > kMaxEvidence) {
      start = std::max(start, a > kEvidenceContext ? a - kEvidenceContext : 0);
      end = std::min({end, b + kEvidenceContext, start + kClippedEvidence});
    }
    CountWork(end - start);  // the quote the relation will carry
    out_.push_back({s, p, o, std::move(title), start, end});
  }

  void SubOrganizations() {
    for (const Mention& m : ctx_.mentions) {
      if (m.type == EntityType::kAgency && m.parent >= 0 && !m.anaphor) {
        Add(m.entity, Predicate::kSubOrganizationOf, ctx_.mentions[m.parent].entity, m.start,
            m.end);
      }
    }
  }

  void Posts() {
    for (const Mention& m : ctx_.mentions) {
      if (m.type == EntityType::kPerson && m.post_agency >= 0) {
        Add(m.entity, Predicate::kHoldsPost, ctx_.mentions[m.post_agency].entity,
            ctx_.mentions[m.post_agency].start, m.end, ctx_.Slice(m.title.start, m.title.end));
        for (const auto& [agency, title] : m.other_posts) {
          Add(m.entity, Predicate::kHoldsPost, ctx_.mentions[agency].entity,
              ctx_.mentions[agency].start, m.end, ctx_.Slice(title.start, title.end));
        }
      }
    }
  }

  void Programs() {
    for (const Mention& m : ctx_.mentions) {
      if (m.type != EntityType::kProgram || m.entity < 0) continue;
      // 四大行动 … 一是全面实施X: X is part of the whole, done by whoever does the
      // whole unless its own sentence names someone.
      const Mention* whole = m.conducted ? CollectiveBefore(m) : nullptr;
      std::vector<int> whole_actors;
      if (whole != nullptr && discourse_.ActorsAt(m.start, 2).empty()) {
        whole_actors = discourse_.ActorsAt(whole->start, 4);
        for (const int a : whole_actors) Add(a, Predicate::kConducts, m.entity, m.start, m.end);
      }
      if (m.framed && whole_actors.empty()) {
        // 在X行动中，全市公安机关…: the subject after the frame runs X.
        const int s = ctx_.SentenceAt(m.end);
        if (s >= 0) whole_actors = discourse_.FirstActorIn(m.end, ctx_.seg().sentences[s].range.end);
        for (const int a : whole_actors) Add(a, Predicate::kConducts, m.entity, m.start, m.end);
      }
      if (m.conducted && whole_actors.empty()) {
        std::vector<int> actors = PresentersOf(m);
        if (actors.empty()) actors = discourse_.ActorsAt(m.start, 4);
        // No subject in the sentence, item or turn (同时，组织开展X行动): the
        // paragraph's actor, else the body the article is about.
        if (actors.empty()) actors = ParagraphActor(m.start);
        for (const int a : actors) {
          Add(a, Predicate::kConducts, m.entity, m.start, m.end);
        }
        // A top heading program (no enclosing item names one) is the speaker's
        // unit's work too: 一是精心组织开展“护校安园”专项行动 under 治安管理总队.
        const int item = discourse_.ItemAt(m.start);
        const int turn = discourse_.TurnAt(m.start);
        bool top = item >= 0 && InHeading(item, m);
        for (int i = item >= 0 ? discourse_.items()[item].parent : -1; top && i >= 0;
             i = discourse_.items()[i].parent) {
          top = HeadingProgram(i) < 0;
        }
        if (top && turn >= 0) {
          for (const int a : discourse_.turns()[turn].speaker_agencies) {
            Add(a, Predicate::kConducts, m.entity, m.start, m.end);
          }
        }
      } else if (m.conducted) {
        // The speaker's unit shares the work of the whole, unless it only
        // speaks for its parent body that does the whole (…厅…总队处长).
        const int item = discourse_.ItemAt(m.start);
        const int turn = discourse_.TurnAt(m.start);
        if (item >= 0 && InHeading(item, m) && turn >= 0) {
          for (const int a : discourse_.turns()[turn].speaker_agencies) {
            if (!ParentOf(whole_actors, a)) Add(a, Predicate::kConducts, m.entity, m.start, m.end);
          }
        }
      }
      // A plan the item's actor implements (落实“三年行动计划”) is cited, no part.
      if (m.conducted && !Cited(m)) PartOf(m, whole);
      // …主题活动在省博物馆开营: the site right after the name is its venue.
      const bool venue = Venue(m);
      // A project named right after a list of places (A镇、B乡道路改造工程) lies in each.
      // It is a local part of the program of its kind the paragraph has
      // named before it (检查“四好农村路”提升工程。…查看了A镇、B乡道路改造工程).
      if (ListedPlacesBefore(m) && !m.conducted) LocalPartOf(m);
      // A base named after a place lies there (呼伦贝尔森林防灭火实训基地).
      if (const LexHit* k = ctx_.EndingAt(m.end, kProgramKind); k != nullptr && k->entry->site) {
        for (const int i : discourse_.mentions_by_start().StartingIn(m.start, m.start + 1)) {
          const Mention& p = ctx_.mentions[i];
          if (p.type == EntityType::kPlace && p.entity >= 0 && p.end < m.end) {
            Add(m.entity, Predicate::kLocatedIn, p.entity, m.start, m.end);
          }
        }
      }
      // A program named after a place takes place there (黄河禁渔执法行动),
      // unless its venue is named, or the name opens with the province the
      // text speaks for (河北省…专项行动): the body's jurisdiction, not a
      // site, where a trip there is one (民营企业进边疆·内蒙古行活动).
      if ((!m.conducted && !m.brand) || !m.field_work || venue) continue;
      for (const int i : MentionsIn(m.start, m.end)) {
        const Mention& p = ctx_.mentions[i];
        if (p.type != EntityType::kPlace || p.entity < 0) continue;
        if (p.start == m.start && entities_[p.entity].name == ctx_.main_region_full) continue;
        Add(m.entity, Predicate::kLocatedIn, p.entity, m.start, m.end);
      }
    }
  }

  // Whether places are listed right before the name; adds their locatedIn edges.
  bool ListedPlacesBefore(const Mention& m) {
    constexpr int kMaxPlaces = 16;
    const std::u32string_view t = ctx_.text();
    uint32_t end = m.start;
    for (int n = 0; n < kMaxPlaces && end > 0; ++n) {
      const Mention* place = nullptr;
      for (const int i : MentionsIn(end > 8 ? end - 8 : 0, end)) {
        const Mention& p = ctx_.mentions[i];
        if (p.type == EntityType::kPlace && p.entity >= 0 && p.end == end) place = &p;
      }
      if (place == nullptr) return n > 0;
      Add(m.entity, Predicate::kLocatedIn, place->entity, place->start, m.end);
      if (place->start < 2 || (t[place->start - 1] != U'、' && t[place->start - 1] != U'和')) return true;
      end = place->start - 1;
    }
    return true;
  }

  void LocalPartOf(const Mention& m) {
    const int para = ctx_.ParagraphAt(m.start);
    const LexHit* kind = ctx_.EndingAt(m.end, kProgramKind);
    if (para < 0 || kind == nullptr) return;
    const std::u32string_view word = ctx_.text().substr(kind->start, kind->end - kind->start);
    int whole = -1;
    for (const int i : ProgramsIn(Reach(ctx_.seg().paragraphs[para].range.start, m.start), m.start)) {
      const Mention& p = ctx_.mentions[i];
      if (p.entity < 0 || p.entity == m.entity || !p.credited || !p.conducted) continue;
      if (std::u32string_view(p.name).ends_with(word)) whole = p.entity;
    }
    if (whole >= 0) Add(m.entity, Predicate::kPartOf, whole, m.start, m.end);
  }

  // Whether the program's name is followed by 在 PLACE and a verb (…活动在
  // 市体育馆举行); adds the locatedIn edge.
  bool Venue(const Mention& m) {
    const std::u32string_view t = ctx_.text();
    uint32_t at = m.end;
    if (at < t.size() && IsCloseQuote(t[at])) ++at;
    if (at + 2 >= t.size() || t[at] != U'在') return false;
    for (const int i : discourse_.mentions_by_start().StartingIn(at + 1, at + 2)) {
      const Mention& p = ctx_.mentions[i];
      if (p.type != EntityType::kPlace || p.entity < 0 || p.end >= t.size() || !IsHan(t[p.end])) continue;
      Add(m.entity, Predicate::kLocatedIn, p.entity, m.start, p.end);
      return true;
    }
    return false;
  }

  // X工程，包括A工程、B工程和C工程: the programs after the verb, in its
  // sentence, are parts of the last program named before it there.
  void Parts() {
    constexpr size_t kMaxParts = 16;
    for (const LexHit& h : ctx_.hits()) {
      if ((h.roles() & kPartsVerb) == 0 || ctx_.StartingAt(h.start, kPartsVerb) != &h) continue;
      const int s = ctx_.SentenceAt(h.start);
      if (s < 0) continue;
      const TextRange r = ctx_.seg().sentences[s].range;
      // A few hundred characters each side: a sentence of thousands (a
      // flattened list) is not walked again for each of its verbs.
      constexpr uint32_t kWindow = 256;
      int whole = -1;
      for (const int i : ProgramsIn(std::max(r.start, h.start > kWindow ? h.start - kWindow : 0), h.start)) {
        if (ctx_.mentions[i].entity >= 0 && ctx_.mentions[i].credited) whole = ctx_.mentions[i].entity;
      }
      if (whole < 0) continue;
      size_t n = 0;
      for (const int i : ProgramsIn(h.end, std::min(r.end, h.end + kWindow))) {
        if (n++ == kMaxParts) break;
        const Mention& y = ctx_.mentions[i];
        if (y.entity >= 0 && y.entity != whole) Add(y.entity, Predicate::kPartOf, whole, h.start, y.end);
      }
    }
  }

  // The heading program of the item a cited program sits in (not in its
  // heading), or -1.
  int ItemHeadOf(const Mention& x) const {
    const int item = discourse_.ItemAt(x.start);
    if (item < 0 || InHeading(item, x)) return -1;
    const int h = HeadingProgram(item);
    return h == x.entity ? -1 : h;
  }

  // A program cited as the frame of another (按照X工作要求…; 贯彻…关于开展X的部署，
  // 开展Y): the program carried out under it is part of it.
  void Frames() {
    for (const Mention& x : ctx_.mentions) {
      if (x.type != EntityType::kProgram || x.entity < 0 || !Cited(x)) continue;
      const int s = ctx_.SentenceAt(x.start);
      if (s < 0) continue;
      const TextRange r = ctx_.seg().sentences[s].range;
      bool found = false;
      // The programs done under a frame follow it closely (按照X要求，开展Y、Z);
      // a sentence of thousands of programs would relate every pair.
      constexpr size_t kMaxFramed = 8;
      size_t framed = 0;
      // Inside an item that heads a program, the work is that program's part
      // (一是…“护校安园”专项行动。…落实“三年行动计划”，…推进校园安全专项整治).
      const int item_head = ItemHeadOf(x);
      for (const int i : ProgramsIn(x.end, r.end)) {
        if (framed++ == kMaxFramed) break;
        const Mention& y = ctx_.mentions[i];
        if (item_head >= 0) break;
        if (y.conducted && !Cited(y) && y.entity != x.entity) {
          Add(y.entity, Predicate::kPartOf, x.entity, x.start, y.end);
          found = true;
        }
      }
      const int item = discourse_.ItemAt(x.start);
      // The item's heading program is part of a frame that opens a sentence
      // of the item (三是…林草专项整治。按照X工作要求，…), not of a plan the
      // item's body implements in passing (…会同教育部门落实“三年行动计划”).
      if (!found && item >= 0 && !InHeading(item, x) && ctx_.ClauseAt(x.start).start == r.start) {
        const int h = HeadingProgram(item);
        if (h >= 0 && h != x.entity) Add(h, Predicate::kPartOf, x.entity, x.start, x.end);
      }
    }
  }

  void Cooperation() {
    for (const LexHit& h : ctx_.hits()) {
      if ((h.roles() & kCoopVerb) == 0) continue;
      // 联合各市公安局, 会同各地市农业农村局: scope and collective level
      // words between the verb and its partner are no part of the partner.
      uint32_t at = h.end;
      for (int skipped = 0; skipped < 3; ++skipped) {
        const LexHit* w = ctx_.StartingAt(at, kScopeWord);
        if (w == nullptr) {
          const LexHit* level = ctx_.LevelAt(at);
          if (level != nullptr && level->entry->generic_level) w = level;
        }
        if (w == nullptr) break;
        at = w->end;
      }
      // 各地|市: the scope word took the 地 of the collective level 地市
      if (const LexHit* level = at < ctx_.text().size() ? ctx_.EndingAt(at + 1, kRegionLevel) : nullptr;
          at > h.end && level != nullptr && level->entry->generic_level && level->start < at) {
        at = level->end;
      }
      int first = -1;
      for (const int i : discourse_.mentions_by_start().StartingIn(at, at + 1)) {
        const Mention& m = ctx_.mentions[i];
        if (m.type == EntityType::kAgency && m.maximal) first = std::max(first, i);
      }
      if (first < 0) {
        PairCooperation(h);
        continue;
      }
      const std::vector<int> partners = discourse_.GroupOf(first);
      for (const int a : discourse_.ActorsAt(h.start, 4)) {
        for (const int p : partners) {
          if (std::find(partners.begin(), partners.end(), a) == partners.end()) {
            Add(a, Predicate::kCooperatesWith, p, h.start, ctx_.mentions[first].end);
          }
        }
      }
    }
  }

  // 市公安局与市生态环境局持续深化协作联动: no partner after the verb, the
  // bodies joined as the clause's subject work together; the first with
  // each of the others (a list of a few, not a roll of dozens).
  void PairCooperation(const LexHit& h) {
    constexpr size_t kMaxPartners = 4;
    const TextRange clause = ctx_.ClauseAt(h.start);
    const std::vector<int> group = discourse_.ActorsAt(h.start, 2);
    if (group.size() < 2 || group.size() > kMaxPartners) return;
    // Every member named in the verb's clause, and the group joined by a
    // conjunction (与, 和, 同), not only by 、 as the items of a roll are;
    // a short list right before the verb is joined by it (A、B联合开展).
    bool joined = false;
    size_t in_clause = 0;
    for (const int i : MentionsIn(clause.start, h.start)) {
      const Mention& m = ctx_.mentions[i];
      if (m.type != EntityType::kAgency || !m.maximal) continue;
      if (std::find(group.begin(), group.end(), m.entity) == group.end()) continue;
      ++in_clause;
      const char32_t c = m.end < h.start ? ctx_.text()[m.end] : U'\0';
      joined |= c == U'与' || c == U'和' || c == U'同' || c == U'及' || m.end == h.start;
    }
    if (!joined || in_clause < group.size()) return;
    for (size_t k = 1; k < group.size(); ++k) {
      Add(group.front(), Predicate::kCooperatesWith, group[k], clause.start, h.end);
    }
  }

  void Issues() {
    const std::u32string_view t = ctx_.text();
    std::vector<int> docs;
    for (const int i : discourse_.mentions_by_start().StartingIn(0, UINT32_MAX)) {
      if (ctx_.mentions[i].type == EntityType::kDocument) docs.push_back(i);
    }
    const LexHit* last_verb = nullptr;  // the verb of the list the previous document is in
    uint32_t last_end = 0;
    for (const int i : docs) {
      const Mention& d = ctx_.mentions[i];
      if (d.title_line && d.entity >= 0) {
        // The text's own title: issued by the body named alone on a line
        // of the byline right under it.
        constexpr uint32_t kMaxByline = 80;
        for (const int a : discourse_.mentions_by_start().StartingIn(d.end, d.end + kMaxByline)) {
          const Mention& m = ctx_.mentions[a];
          if (m.type != EntityType::kAgency || m.entity < 0) continue;
          const bool line_start = m.start > 0 && t[m.start - 1] == '\n';
          const bool line_end = m.end >= t.size() || t[m.end] == '\n' || t[m.end] == ' ';
          if (line_start && line_end) Add(m.entity, Predicate::kIssues, d.entity, m.start, m.end);
          break;
        }
        continue;
      }
      if (d.start < 1 || d.entity < 0) continue;
      // The verb ends right before the name or its 《 (出台《…》, 签署了《…》,
      // 印发全市防汛应急预案).
      uint32_t at = t[d.start - 1] == U'《' ? d.start - 1 : d.start;
      if (const LexHit* scope = ctx_.EndingAt(at, kScopeWord); scope != nullptr) at = scope->start;
      const LexHit* v = ctx_.EndingAt(at, kIssueVerb);
      if (v == nullptr && at > 0 && t[at - 1] == U'了') v = ctx_.EndingAt(at - 1, kIssueVerb);
      // 省政府近期印发的《…》: the verb qualifies the name; its issuer is
      // the body named right before the verb, not the clause's subject.
      const bool attributive = v == nullptr && at > 0 && t[at - 1] == U'的' &&
                               (v = ctx_.EndingAt(at - 1, kIssueVerb)) != nullptr;
      // 印发《A》和《B》, 制定印发《A》《B》: the list shares the verb, also
      // when a document number follows a title (印发《A》(豫民〔2024〕12号)和《B》).
      const uint32_t list_from = last_verb != nullptr && at >= last_end ? AfterDocumentNumber(t, last_end) : 0;
      if (v == nullptr && last_verb != nullptr && at >= list_from && at - list_from <= 2) {
        bool joined = true;
        for (uint32_t p = list_from; p < at; ++p) {
          const char32_t c = t[p];
          joined &= c == U'》' || c == U'和' || c == U'及' || c == U'、' || c == U'与';
        }
        if (joined) v = last_verb;
      }
      last_verb = v;
      last_end = d.end;
      if (v == nullptr) continue;
      // 省政府近期印发的《…》, 推动省人大完成修正了《…》: the body named right
      // before the verb issues it, unless it is the last partner of a list
      // (联合A、B印发), whose subject is the clause's.
      std::vector<int> actors;
      if (const int a = AgencyMentionEndingAt(v->start);
          a >= 0 && (attributive || !ListedPartner(ctx_.mentions[a]))) {
        actors.push_back(ctx_.mentions[a].entity);
      }
      if (actors.empty()) actors = discourse_.ActorsAt(v->start, 4);
      // No body named nearby: the paragraph's subject (市委…。…制定印发了《…》),
      // else the one the whole article is about issued it.
      if (actors.empty()) actors = ParagraphActor(v->start);
      for (const int a : actors) Add(a, Predicate::kIssues, d.entity, v->start, d.end + 1);
    }
  }

  // 在呼伦湖、乌梁素海等重点区域设置公安机关生态安全保卫机构: the agency
  // named in the clause. Without one (行动期间，在X湖等重点区域设立检查点), the
  // program or actor that owns the sentence works there.
  void Locations() {
    std::set<uint32_t> with_agency;  // clause starts
    for (const Mention& m : ctx_.mentions) {
      if (m.type != EntityType::kAgency || !m.maximal) continue;
      const TextRange clause = ctx_.ClauseAt(m.start);
      if (ctx_.text()[clause.start] != U'在') continue;
      with_agency.insert(clause.start);
      for (const int i : MentionsIn(clause.start + 1, m.start)) {
        const Mention& p = ctx_.mentions[i];
        if (p.type == EntityType::kPlace) {
          Add(m.entity, Predicate::kLocatedIn, p.entity, clause.start, m.end);
        }
      }
    }
    for (const Mention& p : ctx_.mentions) {
      if (p.type != EntityType::kPlace) continue;
      const TextRange clause = ctx_.ClauseAt(p.start);
      if (ctx_.text()[clause.start] != U'在' || with_agency.contains(clause.start)) continue;
      // Only a list of sites closed by 等 (在A、B等重点区域): 在X市召开 is a venue.
      if (!ClosedByDeng(p, clause)) continue;
      const int owner = OwnerOf(p.start);
      if (owner < 0 || owner == p.entity) continue;
      const EntityType t = entities_[owner].type;
      if (t == EntityType::kProgram || t == EntityType::kAgency) {
        Add(owner, Predicate::kLocatedIn, p.entity, clause.start, clause.end);
      }
    }
  }

  // 全体党员前往省展览馆, 小朋友将参观A馆和B馆: the sites visited are where
  // the undertaking that owns the sentence goes, else the one the article
  // opens with (its heading or first paragraph).
  void Visits() {
    const std::u32string_view t = ctx_.text();
    for (const LexHit& h : ctx_.hits()) {
      if ((h.roles() & kVisitVerb) == 0) continue;
      std::vector<int> sites;
      uint32_t at = h.end;
      constexpr size_t kMaxSites = 8;
      while (sites.size() < kMaxSites) {
        int site = -1;
        for (const int i : discourse_.mentions_by_start().StartingIn(at, at + 1)) {
          const Mention& p = ctx_.mentions[i];
          if (p.type == EntityType::kPlace && p.entity >= 0 &&
              ctx_.EndingAt(p.end, kPlaceSuffix) != nullptr) {
            site = i;
          }
        }
        if (site < 0) break;
        sites.push_back(site);
        at = ctx_.mentions[site].end;
        if (at >= t.size() || (t[at] != U'和' && t[at] != U'、' && t[at] != U'及')) break;
        ++at;
      }
      if (sites.empty()) continue;
      int owner = OwnerOf(h.start);
      if (owner < 0 || entities_[owner].type != EntityType::kProgram) owner = SectionProgram(h.start);
      if (owner < 0) continue;
      for (const int i : sites) {
        Add(owner, Predicate::kLocatedIn, ctx_.mentions[i].entity, h.start, ctx_.mentions[i].end);
      }
    }
  }

  // The first program the article holding pos credits and conducts, in its
  // heading or its first paragraph; -1 if none.
  int SectionProgram(uint32_t pos) const {
    const uint32_t start = sections_[SectionOf(pos)];
    const int first = ctx_.ParagraphAt(start);
    if (first < 0) return -1;
    for (int q = first; q < first + 2 && q < static_cast<int>(ctx_.seg().paragraphs.size()); ++q) {
      const TextRange r = ctx_.seg().paragraphs[q].range;
      if (r.start > pos) break;
      for (const int i : ProgramsIn(r.start, std::min(r.end, pos))) {
        const Mention& m = ctx_.mentions[i];
        if (m.entity >= 0 && m.credited && m.conducted) return m.entity;
      }
    }
    return -1;
  }

  // Whether the places from `p` on run (joined by 、和及与) into 等 within the clause.
  bool ClosedByDeng(const Mention& p, const TextRange& clause) const {
    uint32_t at = p.end;
    while (at < clause.end) {
      const char32_t c = ctx_.text()[at];
      if (c == U'等') return true;
      if (c != U'、' && c != U'和' && c != U'及' && c != U'与') return false;
      const std::span<const int> next = discourse_.mentions_by_start().StartingIn(at + 1, at + 2);
      int place = -1;
      for (const int i : next) {
        if (ctx_.mentions[i].type == EntityType::kPlace) place = i;
      }
      if (place < 0) return false;
      at = ctx_.mentions[place].end;
    }
    return false;
  }

  void Reports(const std::vector<MetricMention>& metrics, const std::vector<int>& ids) {
    bool prev_fact = false;
    int prev_sentence = -1;
    int prev_owner = -1;
    int breakdown_paragraph = -1;  // the paragraph of a breakdown begun by 其中
    bool prev_region = false;  // whether the previous figure was a fact about a region
    for (size_t i = 0; i < metrics.size(); ++i) {
      const MetricMention& mm = metrics[i];
      const uint32_t pos = mm.number.start;
      // A fact about a region (accidents that occurred, population) is the
      // place's; a change without words of its own (同比分别下降x%) follows
      // the figure it changes.
      Fact fact = FactOf(mm);
      if (fact == Fact::kUnknown && mm.is_change && mm.sentence == prev_sentence && prev_fact) {
        fact = Fact::kRegion;
      }
      prev_fact = fact == Fact::kRegion;
      prev_sentence = mm.sentence;
      // A program the text credits with the figures keeps them (行动期间发生
      // 交通事故…下降); otherwise the place, not the agency, reports them.
      int owner = OwnerOf(pos, mm.period, fact == Fact::kWork);
      if (fact == Fact::kRegion && (owner < 0 || entities_[owner].type != EntityType::kProgram)) {
        if (const int place = RegionAt(pos); place >= 0) owner = place;
      }
      // A press office announces figures; the region they describe has them.
      if (IsHost(owner)) owner = RegionAt(pos);
      // A subject named with the figure (大理州、丽江市接待游客均…) has it.
      const int subject = SubjectOf(mm);
      if (subject >= 0) owner = subject;
      // 其中，查办食品安全案件6200件；查办价格违法案件980件: a breakdown of
      // the figures before it, to the end of its paragraph, shares their
      // owner when it names none of its own.
      const int paragraph = ctx_.ParagraphAt(pos);
      if (OpensWithBreakdown(mm.sentence)) {
        breakdown_paragraph = paragraph;
      } else if (paragraph != breakdown_paragraph) {
        breakdown_paragraph = -1;
      }
      if (owner < 0 && breakdown_paragraph >= 0) owner = prev_owner;
      // 市场监管部门共查办案件1.8万件，罚没款2.1亿元: a figure of work that
      // goes on the clause of the one before (GoesOn) has the same owner.
      if (subject < 0 && fact != Fact::kRegion && i > 0 && prev_owner >= 0 && !prev_region &&
          GoesOn(metrics[i - 1], mm)) {
        owner = prev_owner;
      }
      if (owner >= 0) Add(owner, Predicate::kReports, ids[i], pos, mm.range.end);
      prev_owner = owner;
      prev_region = fact == Fact::kRegion;
    }
  }

  std::vector<RelationDraft> Take() { return std::move(out_); }

 private:
  // The region that opens the clause holding `pos` (after 其中) alone, not
  // as the first of a list (杭州、宁波…) nor as a road or site (331国道);
  // -1 if none.
  int PlaceOpeningClause(uint32_t pos) const {
    const std::u32string_view t = ctx_.text();
    uint32_t start = ctx_.ClauseAt(pos).start;
    while (start < pos && (t[start] == U' ' || t[start] == U'\u3000')) ++start;
    if (t.substr(start, 2) == U"其中") start += 2;
    for (const int i : discourse_.mentions_by_start().StartingIn(start, start + 1)) {
      const Mention& m = ctx_.mentions[i];
      // Near its figure: a clause without punctuation may run for megabytes,
      // and the body looked for between them is looked for once per figure.
      constexpr uint32_t kMaxToFigure = 32;
      if (m.type != EntityType::kPlace || m.end >= pos || pos - m.end > kMaxToFigure || m.entity < 0 ||
          !m.maximal) {
        continue;
      }
      if (t[m.end] == U'、' || t[m.end] == U'和' || t[m.end] == U'与' || t[m.end] == U'及') continue;
      if (ctx_.EndingAt(m.end, kRegionLevel | kRegionName) == nullptr) continue;
      // 重庆全市公安机关共侦破…: the body named after the place is the subject.
      if (NamedBetween(m.end, pos, {EntityType::kAgency})) continue;
      return m.entity;
    }
    return -1;
  }

  // Whether figure `next` goes on the clause of figure `prev`: in the same
  // sentence with no body or place named after `prev` or opening `next`'s
  // expression (A查办案件628件，B查办案件413件: B's), or in the sentence
  // after a semicolon with nothing named between them (共查处…
  // 1865起；查处超速违法行为4.3万起: no subject of its own, the same actor;
  // not …；各地开展了X活动，受众达千万人).
  bool GoesOn(const MetricMention& prev, const MetricMention& next) const {
    if (next.sentence == prev.sentence) {
      // A body inside the figure's words after its verb (移送公安机关涉嫌犯罪
      // 案件41件) is what was counted, not its subject.
      return !NamedBetween(prev.number.end, next.range.start, {EntityType::kAgency, EntityType::kPlace}) &&
             !NamedAt(next.range.start, {EntityType::kAgency, EntityType::kPlace});
    }
    if (prev.sentence < 0 || next.sentence != prev.sentence + 1) return false;
    const std::u32string_view t = ctx_.text();
    uint32_t k = ctx_.seg().sentences[next.sentence].range.start;
    while (k > 0 && (t[k - 1] == U' ' || t[k - 1] == U'\u3000')) --k;
    if (k == 0 || (t[k - 1] != U'；' && t[k - 1] != U';')) return false;
    return !NamedBetween(prev.number.end, next.number.start,
                         {EntityType::kAgency, EntityType::kPlace, EntityType::kProgram, EntityType::kPerson,
                          EntityType::kDocument});
  }

  // Whether a name of an entity of one of `types` starts at `pos`.
  bool NamedAt(uint32_t pos, std::initializer_list<EntityType> types) const {
    for (const int i : discourse_.mentions_by_start().StartingIn(pos, pos + 1)) {
      if (std::find(types.begin(), types.end(), ctx_.mentions[i].type) != types.end()) return true;
    }
    return false;
  }

  // Whether an entity of one of `types` is named in [start, end).
  bool NamedBetween(uint32_t start, uint32_t end, std::initializer_list<EntityType> types) const {
    if (end <= start) return false;
    for (const int i : MentionsIn(start, end)) {
      if (std::find(types.begin(), types.end(), ctx_.mentions[i].type) != types.end()) return true;
    }
    return false;
  }

  // Whether sentence `k` opens with 其中 (a breakdown of what came before).
  bool OpensWithBreakdown(int k) const {
    if (k < 0 || static_cast<size_t>(k) >= ctx_.seg().sentences.size()) return false;
    const std::u32string_view t = ctx_.text();
    uint32_t p = ctx_.seg().sentences[k].range.start;
    while (p < t.size() && (t[p] == U' ' || t[p] == U'\n' || t[p] == U'\u3000')) ++p;
    return t.substr(p, 2) == U"其中";
  }

  // Whether a reference verb (按照, 贯彻 …) precedes the program in its clause.
  bool Cited(const Mention& m) const {
    // Asked again for every cited program before it in the sentence: remembered.
    const size_t index = static_cast<size_t>(&m - ctx_.mentions.data());
    if (cited_.empty()) cited_.assign(ctx_.mentions.size(), -1);
    if (index < cited_.size() && cited_[index] >= 0) return cited_[index] != 0;
    const bool cited = CitedInClause(m);
    if (index < cited_.size()) cited_[index] = cited ? 1 : 0;
    return cited;
  }
  bool CitedInClause(const Mention& m) const {
    const TextRange clause = ctx_.ClauseAt(m.start);
    return FirstCiteEnd(clause) <= m.start;
  }
  // The first position of the clause where a reference verb ends (the end of
  // the clause + 1 when none): the same for every program of the clause, so
  // a clause of hundreds of listed names is scanned once, not once a name.
  uint32_t FirstCiteEnd(const TextRange& clause) const {
    if (last_cite_clause_ == clause.start && last_cite_clause_end_ == clause.end) {
      return last_cite_end_;
    }
    CountWork(clause.end - clause.start);
    uint32_t found = clause.end + 1;
    for (uint32_t p = clause.start + 1; p <= clause.end; ++p) {
      const LexHit* h = ctx_.EndingAt(p, kReferenceVerb);
      if (h != nullptr && h->start >= clause.start && !ctx_.InsideLonger(*h, kNameWord)) {
        found = p;
        break;
      }
    }
    last_cite_clause_ = clause.start;
    last_cite_clause_end_ = clause.end;
    last_cite_end_ = found;
    return found;
  }

  bool InHeading(int item, const Mention& m) const {
    const TextRange& h = discourse_.items()[item].heading;
    return m.start >= h.start && m.end <= h.end;
  }

  // The mentions (of any type, or programs) lying inside [start, end), in text order.
  // The last of a list of partners (联合A、B印发): not a subject alone.
  bool ListedPartner(const Mention& m) const {
    const char32_t before = m.start > 0 ? ctx_.text()[m.start - 1] : 0;
    return before == U'、' || before == U'和' || before == U'及' || before == U'与' ||
           ctx_.EndingAt(m.start, kCoopVerb) != nullptr;
  }
  std::vector<int> MentionsIn(uint32_t start, uint32_t end) const {
    return Within(discourse_.mentions_by_start(), start, end);
  }
  std::vector<int> ProgramsIn(uint32_t start, uint32_t end) const {
    return Within(discourse_.programs_by_start(), start, end);
  }
  std::vector<int> Within(const StartIndex& index, uint32_t start, uint32_t end) const {
    std::vector<int> out;
    const std::span<const int> starting = index.StartingIn(start, end);
    CountWork(starting.size());
    for (const int i : starting) {
      if (ctx_.mentions[i].end <= end) out.push_back(i);
    }
    return out;
  }

  // The program an item's heading names, if any (credited): the first added.
  int HeadingProgram(int item) const {
    const TextRange& h = discourse_.items()[item].heading;
    int first = -1;
    for (const int i : ProgramsIn(h.start, h.end)) {
      const Mention& m = ctx_.mentions[i];
      if (m.credited && m.conducted && (first < 0 || i < first)) first = i;
    }
    return first < 0 ? -1 : ctx_.mentions[first].entity;
  }

  static bool IsCollective(const std::u32string& name) {
    return name.size() >= 4 && IsChineseNumeral(name[0]) && (name[1] == U'大' || name[1] == U'项');
  }

  // A numbered whole (四大行动, 三项整治) named shortly before the item whose
  // heading names `m`, in the same turn: it lists its parts. nullptr if none.
  const Mention* CollectiveBefore(const Mention& m) const {
    constexpr uint32_t kLookBack = 2000;  // characters before the item
    const int item = discourse_.ItemAt(m.start);
    if (item < 0 || !InHeading(item, m)) return nullptr;
    const uint32_t item_start = discourse_.items()[item].range.start;
    const int turn = discourse_.TurnAt(m.start);
    uint32_t from = item_start > kLookBack ? item_start - kLookBack : 0;
    if (turn >= 0) from = std::max(from, discourse_.turns()[turn].range.start);
    const Mention* last = nullptr;
    auto it = std::lower_bound(collectives_.begin(), collectives_.end(), uint64_t{from} << 32);
    for (; it != collectives_.end() && (*it >> 32) < item_start; ++it) {
      const Mention& c = ctx_.mentions[static_cast<uint32_t>(*it)];
      CountWork(1);
      // Named before the enumeration or in an item enclosing it, not inside an
      // earlier sibling (一是…组织开展好“五大曝光”行动；… 三是…).
      if (c.end <= item_start && c.entity != m.entity && Encloses(discourse_.ItemAt(c.start), item)) {
        last = &c;
      }
    }
    return last;
  }

  // The credited numbered wholes of the text (see CollectiveBefore) as
  // (start << 32 | mention index), sorted: a list of thousands of programs
  // asked every program in 2000 characters before each item.
  static std::vector<uint64_t> Collectives(const DocContext& ctx) {
    std::vector<uint64_t> out;
    for (size_t i = 0; i < ctx.mentions.size(); ++i) {
      const Mention& c = ctx.mentions[i];
      if (c.type == EntityType::kProgram && c.entity >= 0 && c.credited && IsCollective(c.name)) {
        out.push_back(uint64_t{c.start} << 32 | i);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // Whether `outer` is -1 (no item) or `item` or one of its ancestors.
  bool Encloses(int outer, int item) const {
    if (outer < 0) return true;
    for (int i = item; i >= 0; i = discourse_.items()[i].parent) {
      if (i == outer) return true;
    }
    return false;
  }

  // Whether one of `bodies` is the parent body of `unit`, as the text names them.
  bool ParentOf(const std::vector<int>& bodies, int unit) const {
    for (const int body : bodies) {
      if (parents_.count({unit, body}) != 0) return true;
    }
    return false;
  }

  // (unit, parent) entity pairs from the agency names that contain a parent.
  static std::set<std::pair<int, int>> Parents(const DocContext& ctx) {
    std::set<std::pair<int, int>> out;
    for (const Mention& x : ctx.mentions) {
      if (x.type == EntityType::kAgency && x.entity >= 0 && x.parent >= 0 && !x.anaphor) {
        out.insert({x.entity, ctx.mentions[x.parent].entity});
      }
    }
    return out;
  }

  // `whole`: CollectiveBefore(m), already found by the caller.
  void PartOf(const Mention& m, const Mention* whole) {
    int item = discourse_.ItemAt(m.start);
    if (item < 0) {
      // Outside any enumeration: a lead-in paragraph's program.
      if (discourse_.TurnAt(m.start) >= 0) return;
      if (const int intro = IntroProgramBefore(m.start);
          intro >= 0 && intro != m.entity && !RunByOthers(m, intro)) {
        Add(m.entity, Predicate::kPartOf, intro, m.start, m.end);
      }
      return;
    }
    // Inside an item: part of the nearest heading program that is not itself.
    for (int i = item; i >= 0; i = discourse_.items()[i].parent) {
      if (InHeading(i, m)) continue;
      const int h = HeadingProgram(i);
      if (h >= 0 && h != m.entity) {
        Add(m.entity, Predicate::kPartOf, h, m.start, m.end);
        return;
      }
    }
    if (whole != nullptr) {
      Add(m.entity, Predicate::kPartOf, whole->entity, whole->start, m.end);
      return;
    }
    // The program the items' paragraph launched before them.
    if (const int lead = ItemsLeadProgram(m.start); lead >= 0 && lead != m.entity) {
      Add(m.entity, Predicate::kPartOf, lead, m.start, m.end);
      return;
    }
    const int turn = discourse_.TurnAt(m.start);
    if (turn >= 0) {
      const int main = discourse_.turns()[turn].main_program;
      if (main >= 0 && main != m.entity) Add(m.entity, Predicate::kPartOf, main, m.start, m.end);
      return;
    }
    if (const int intro = IntroProgramBefore(m.start);
        intro >= 0 && intro != m.entity && !RunByOthers(m, intro)) {
      Add(m.entity, Predicate::kPartOf, intro, m.start, m.end);
    }
  }

  // Whether the sentence of program m names who runs it, and none of them
  // runs `whole`: a lead-in's work (文旅部门推进X。) has no part that another
  // body launches on its own (Y公安厅开展Z行动).
  bool RunByOthers(const Mention& m, int whole) const {
    const std::vector<int> own = discourse_.ActorsAt(m.start, 2);
    if (own.empty()) return false;
    return std::none_of(own.begin(), own.end(), [&](int a) {
      return seen_.contains(TripleKey(a, Predicate::kConducts, whole));
    });
  }

  // A short paragraph that ends by naming a program it conducts (…扎实做好X
  // 工程。) introduces it: the paragraphs after it, up to the next such one,
  // describe its parts. The program introduced before `pos`, or -1.
  int IntroProgramBefore(uint32_t pos) const {
    constexpr int kMaxParagraphsBack = 24;  // a section, not the whole text: linear time
    const int p = ctx_.ParagraphAt(pos);
    for (int q = p - 1; q >= 0 && p - q <= kMaxParagraphsBack; --q) {
      const int intro = IntroProgram(q);
      if (intro >= 0) return intro;
      if (IsHeadingLine(q)) return -1;  // a new section or article
    }
    return -1;
  }

  // A title line: marked up (# …) or short without a sentence end.
  bool IsHeadingLine(int paragraph) const {
    constexpr uint32_t kMaxHeading = 40;
    const TextRange r = ctx_.seg().paragraphs[paragraph].range;
    const std::u32string_view t = ctx_.text().substr(r.start, r.end - r.start);
    if (!t.empty() && t.front() == U'#') return true;
    if (t.size() > kMaxHeading) return false;
    return t.find(U'。') == std::u32string_view::npos && t.find(U'，') == std::u32string_view::npos &&
           t.find(U',') == std::u32string_view::npos;
  }

  // Asked for the same paragraphs from every program and figure after them:
  // remembered per paragraph.
  int IntroProgram(int paragraph) const {
    if (intro_.empty()) intro_.assign(ctx_.seg().paragraphs.size(), kNotAsked);
    int& known = intro_[paragraph];
    if (known == kNotAsked) known = FindIntroProgram(paragraph);
    return known;
  }

  int FindIntroProgram(int paragraph) const {
    constexpr uint32_t kMaxIntro = 160;  // characters: a lead-in, not a body paragraph
    const TextRange r = ctx_.seg().paragraphs[paragraph].range;
    if (r.end - r.start > kMaxIntro) return -1;
    // A lead-in names nothing else (no figures, documents or other
    // programs); a paragraph of work that happens to end in a program does.
    // Dates (2024年, 3月20日) are no figures.
    for (uint32_t k = r.start; k < r.end; ++k) {
      if (!IsDigitChar(ctx_.text()[k])) continue;
      while (k + 1 < r.end && IsDigitChar(ctx_.text()[k + 1])) ++k;
      const char32_t next = k + 1 < r.end ? ctx_.text()[k + 1] : U' ';
      if (next != U'年' && next != U'月' && next != U'日') return -1;
    }
    int programs = 0;
    for (const int i : MentionsIn(r.start, r.end)) {
      const EntityType type = ctx_.mentions[i].type;
      if (type == EntityType::kDocument) return -1;
      programs += type == EntityType::kProgram;
    }
    if (programs != 1) return -1;
    uint32_t end = r.end;
    while (end > r.start && !IsNameChar(ctx_.text()[end - 1]) && !IsCloseQuote(ctx_.text()[end - 1])) {
      --end;
    }
    // The program ends the paragraph, or only clauses that name nothing
    // follow it (…启动“平安护航”专项行动，坚持包联驱动，不断开创工作新局面。).
    for (const int i : ProgramsIn(r.start, r.end)) {
      const Mention& m = ctx_.mentions[i];
      if (m.entity < 0 || !m.conducted || !m.credited) continue;
      if (m.end + 1 >= end || MentionsIn(m.end, r.end).empty()) return m.entity;
    }
    return -1;
  }

  // SingleProgram() of the credited programs conducted in [from, to).
  int ConductedProgramIn(uint32_t from, uint32_t to, uint32_t pos) const {
    std::vector<const Mention*> cands;
    for (const int k : ProgramsIn(from, to)) {
      const Mention& m = ctx_.mentions[k];
      if (m.credited && m.conducted && m.entity >= 0) cands.push_back(&m);
    }
    return SingleProgram(cands, pos);
  }

  // The single credited program nearest to pos among `cands`, or -1 when
  // the nearest names several programs at once (“獴猎”“靖边”等).
  int SingleProgram(const std::vector<const Mention*>& cands, uint32_t pos) const {
    const Mention* best = nullptr;
    for (const Mention* m : cands) {
      if (best == nullptr) {
        best = m;
        continue;
      }
      const bool m_before = m->end <= pos, b_before = best->end <= pos;
      if (m_before != b_before ? m_before
                               : (m_before ? m->end > best->end : m->start < best->start)) {
        best = m;
      }
    }
    if (best == nullptr) return -1;
    // Candidates are programs, so the group's members are all its programs.
    if (best->group >= 0 && group_sizes_.at(best->group) > 1) return -2;
    return best->entity;
  }

  // 新闻办召开发布会，A局副局长甲，B总队副总队长乙，介绍了X行动的成果: the
  // officials who present a program speak for the bodies that run it, not
  // the host. Their posts' agencies, or empty.
  std::vector<int> PresentersOf(const Mention& m) const {
    const int s = ctx_.SentenceAt(m.start);
    if (s < 0) return {};
    const uint32_t from = ctx_.seg().sentences[s].range.start;
    std::vector<int> out;
    // The last cue ending in (from, m.start]: a search of the cues' ends,
    // where a walk back over the sentence cost its length for every program
    // of a sentence of thousands.
    const auto after = std::upper_bound(cue_ends_.begin(), cue_ends_.end(), m.start);
    if (after != cue_ends_.begin() && *std::prev(after) > from) {
      const uint32_t p = *std::prev(after);
      const LexHit* cue = ctx_.EndingAt(p, kPersonCue);
      // What is reported has its own subject (介绍了全区禁毒部门持续推进X):
      // that body does the work, not the presenter's.
      for (const int i : MentionsIn(p, m.start)) {
        if (ctx_.mentions[i].type == EntityType::kAgency) return {};
      }
      // The cue follows a person directly or after a comma (…乙，介绍了).
      uint32_t before = cue->start;
      while (before > from && (ctx_.text()[before - 1] == U'，' || ctx_.text()[before - 1] == ',')) {
        --before;
      }
      bool after_person = false;
      for (const int i : MentionsIn(from, cue->start)) {
        const Mention& x = ctx_.mentions[i];
        if (x.type != EntityType::kPerson || x.post_agency < 0) continue;
        after_person |= x.end == before;
        const int a = ctx_.mentions[x.post_agency].entity;
        if (a >= 0 && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
      }
      if (!after_person) out.clear();
    }
    return out;
  }

  // The agency mention named right before `pos`, with at most two characters
  // between (a time word such as 近期, an auxiliary verb such as 完成), or -1.
  int AgencyMentionEndingAt(uint32_t pos) const {
    constexpr uint32_t kMaxGap = 2;
    constexpr uint32_t kLookBack = 40;
    int best = -1;
    uint32_t best_end = 0;
    for (const int i : MentionsIn(pos > kLookBack ? pos - kLookBack : 0, pos)) {
      const Mention& m = ctx_.mentions[i];
      if (m.type != EntityType::kAgency || !m.maximal || m.entity < 0 || m.end > pos ||
          m.end + kMaxGap < pos) {
        continue;
      }
      bool han_gap = true;
      for (uint32_t k = m.end; k < pos; ++k) han_gap &= IsHan(ctx_.text()[k]);
      if (han_gap && m.end >= best_end) {
        best = i;
        best_end = m.end;
      }
    }
    return best;
  }

  // The end positions of the person cues (介绍了, 表示), in order, each once.
  // The single program conducted in the paragraph before the outermost item
  // holding pos, when that item starts inside the paragraph. -1 if none.
  int ItemsLeadProgram(uint32_t pos) const {
    int top = discourse_.ItemAt(pos);
    if (top < 0) return -1;
    while (discourse_.items()[top].parent >= 0) top = discourse_.items()[top].parent;
    uint32_t first = discourse_.items()[top].range.start;
    const int para = ctx_.ParagraphAt(first);
    if (para < 0) return -1;
    // Back to the enumeration's first item in the paragraph (一是 of 三是),
    // over a bounded number of items: a list of thousands is not walked for each.
    constexpr int kMaxItemsBack = 64;
    const uint32_t para_start = ctx_.seg().paragraphs[para].range.start;
    int k = top - 1;
    for (; k >= 0 && discourse_.items()[k].range.start >= para_start; --k) {
      if (top - k > kMaxItemsBack) return -1;  // the first item is too far back
      if (discourse_.items()[k].parent < 0) first = discourse_.items()[k].range.start;
    }
    return ConductedProgramIn(Reach(para_start, first), first, first);
  }

  // Whether a later clause than the one at `from` launches work (a
  // conducting verb, not 深化, not 包括, ending by `to`). Figures in the
  // launching clause itself describe the launch (联合10个部门开展X).
  bool LaunchedBetween(uint32_t from, uint32_t to) const {
    const uint32_t clause_end = ctx_.ClauseAt(from).end;
    const auto after = std::upper_bound(launch_ends_.begin(), launch_ends_.end(), clause_end);
    return after != launch_ends_.end() && *after <= to;
  }

  // The sorted ends of the hits `keep` keeps.
  template <typename Keep>
  static std::vector<uint32_t> HitEnds(const DocContext& ctx, Keep keep) {
    std::vector<uint32_t> ends;
    for (const LexHit& h : ctx.hits()) {
      if (keep(h)) ends.push_back(h.end);
    }
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    return ends;
  }

  // The first actor of the paragraph before pos, else the document's body.
  std::vector<int> ParagraphActor(uint32_t pos) const {
    const int p = ctx_.ParagraphAt(pos);
    if (p >= 0) {
      std::vector<int> a = discourse_.FirstActorIn(ctx_.seg().paragraphs[p].range.start, pos);
      if (!a.empty()) return a;
    }
    if (const int da = DocumentActorAt(pos); da >= 0 && entities_[da].type == EntityType::kAgency) {
      return {da};
    }
    return {};
  }

  enum class Fact { kUnknown, kRegion, kWork };

  // Whether the metric's words make it a fact about a region (发生事故, 人口)
  // or work done (查处, 隐患); work wins.
  Fact FactOf(const MetricMention& mm) const {
    Fact fact = Fact::kUnknown;
    for (uint32_t p = mm.range.start + 1; p <= mm.number.start; ++p) {
      const LexHit* w = ctx_.EndingAt(p, kWorkDone);
      if (w != nullptr && w->start >= mm.range.start) return Fact::kWork;
      const LexHit* r = ctx_.EndingAt(p, kRegionFact);
      if (r != nullptr && r->start >= mm.range.start) fact = Fact::kRegion;
    }
    return fact;
  }

  // The place or body that a metric's subject span names, -1 if none.
  int SubjectOf(const MetricMention& mm) const {
    if (mm.subject.end <= mm.subject.start) return -1;
    for (const int i : MentionsIn(mm.subject.start, mm.subject.end)) {
      const Mention& m = ctx_.mentions[i];
      const bool owner_type = m.type == EntityType::kPlace || m.type == EntityType::kAgency;
      if (owner_type && m.entity >= 0 && m.end <= mm.subject.end) return m.entity;
    }
    return -1;
  }

  // The place a region fact at `pos` is about: the last place named in its
  // sentence before it, else the document's region. -1 if none.
  int RegionAt(uint32_t pos) const {
    const int s = ctx_.SentenceAt(pos);
    if (s >= 0) {
      int last = -1;
      for (const int i : MentionsIn(ctx_.seg().sentences[s].range.start, pos)) {
        const Mention& m = ctx_.mentions[i];
        if (m.type == EntityType::kPlace && m.entity >= 0) last = m.entity;
      }
      if (last >= 0) return last;
    }
    return document_region_;
  }

  int DocumentRegion() const {
    for (const std::u32string* region :
         {&ctx_.doc_region_full, &ctx_.main_city_full, &ctx_.main_region_full}) {
      if (region->empty()) continue;
      for (size_t e = 0; e < entities_.size(); ++e) {
        if (entities_[e].type == EntityType::kPlace && entities_[e].name == *region) {
          return static_cast<int>(e);
        }
      }
    }
    return -1;
  }

  // The program named in a metric's period clause (今年“X”行动开展以来，…;
  // 在X行动中，…): the figures after it are that program's. -1 if none.
  int PeriodProgram(const TextRange& period) const {
    if (period.end <= period.start) return -1;
    int last = -1;
    for (const int i : ProgramsIn(period.start, period.end)) {
      if (ctx_.mentions[i].entity >= 0) last = ctx_.mentions[i].entity;
    }
    return last;
  }

  // `work`: the figure at pos counts work done (检查企业), which a program
  // launched in the paragraph before may own; a region's statistic may not.
  int OwnerOf(uint32_t pos, const TextRange& period = {}, bool work = false) const {
    // 0. The program that heads the paragraph's item (一是…“护校安园”专项行动).
    const int top = discourse_.ItemAt(pos);
    if (top >= 0 && discourse_.items()[top].opens_paragraph) {
      const int h = HeadingProgram(top);
      if (h >= 0) return h;
    }
    // 1. A program credited in the same sentence.
    const int s = ctx_.SentenceAt(pos);
    if (s >= 0) {
      const TextRange r = ctx_.seg().sentences[s].range;
      std::vector<const Mention*> cands;
      for (const int i : ProgramsIn(r.start, r.end)) {
        const Mention& m = ctx_.mentions[i];
        // 破获案件1200起，并启动X行动: a program launched after the figures
        // did not bring them.
        if (m.credited && !(m.start > pos && LaunchedBetween(pos, m.start))) cands.push_back(&m);
      }
      const int p = SingleProgram(cands, pos);
      if (p >= 0) return p;
      // 1b. The program of the period clause the figures fall under.
      if (const int f = PeriodProgram(period); f >= 0) return f;
      // 2a. A place opening the figure's own clause (其中，城关镇改造户厕
      // 1860户，杨桥镇改造户厕1420户): the breakdown's subject.
      if (const int place = PlaceOpeningClause(pos); place >= 0) return place;
      // 2. The sentence's own actor, or a place it is about. An actor that
      // has just been said to run a program in the paragraph (A组织开展X行动。
      // …期间，A累计破获…) reports the figures through it.
      const std::vector<int> a = discourse_.ActorsAt(pos, 2);
      if (!a.empty()) {
        if (const int q = ActorsProgram(a.front(), pos); q >= 0) return q;
        return a.front();
      }
      for (const int i : discourse_.mentions_by_start().StartingIn(r.start, r.start + 1)) {
        const Mention& m = ctx_.mentions[i];
        if (m.type == EntityType::kPlace && m.end <= pos) return m.entity;
      }
      if (p == -2) return ActorOrRegion(pos);
    }
    // 3. The items' heading program, else the item's last credited program.
    for (int i = discourse_.ItemAt(pos); i >= 0; i = discourse_.items()[i].parent) {
      const int h = HeadingProgram(i);
      if (h >= 0) return h;
      const int p = ConductedProgramIn(discourse_.items()[i].range.start, pos, pos);
      if (p >= 0) return p;
      if (p == -2) return ActorOrRegion(pos);
    }
    // 3b. The program that the items' paragraph launched before the first
    // of them (深入开展X行动，取得显著成效。一是…): the items are its work.
    if (const int lead = ItemsLeadProgram(pos); lead >= 0) return lead;
    // 4. The turn's main program.
    const int t = discourse_.TurnAt(pos);
    if (t >= 0 && discourse_.turns()[t].main_program >= 0) return discourse_.turns()[t].main_program;
    // 5. Outside items and turns, the program the paragraph has just named
    // (深入实施X三年行动，…。期间累计完成投资203亿元): graph-model.md's
    // "then the paragraph's program".
    if (discourse_.ItemAt(pos) < 0 && t < 0 && !ConductVerbBefore(pos)) {
      const int para = ctx_.ParagraphAt(pos);
      if (para >= 0) {
        std::vector<const Mention*> cands;
        for (const int k : ProgramsIn(ctx_.seg().paragraphs[para].range.start, pos)) {
          const Mention& m = ctx_.mentions[k];
          if (m.credited && m.conducted) cands.push_back(&m);
        }
        const int p = SingleProgram(cands, pos);
        if (p >= 0) return p;
        // 截至目前，全市各部门累计检查企业492家: a paragraph of figures with
        // nobody named before them continues the program the paragraph
        // before has just launched.
        if (work && cands.empty() && para > 0 && NothingNamedBefore(para, pos)) {
          const int q = LastProgramOf(para - 1);
          if (q >= 0) return q;
        }
      }
    }
    return ActorOrRegion(pos);
  }

  // Whether no agency, program or place is named in the paragraph before pos.
  bool NothingNamedBefore(int para, uint32_t pos) const {
    // Stops at the first: asked for every figure of the paragraph.
    for (const int i : discourse_.mentions_by_start().StartingIn(ctx_.seg().paragraphs[para].range.start, pos)) {
      CountWork(1);
      const EntityType type = ctx_.mentions[i].type;
      if (type == EntityType::kAgency || type == EntityType::kProgram || type == EntityType::kPlace) {
        return false;
      }
    }
    return true;
  }

  // How far back the program look-ups of a figure reach: a paragraph of
  // ordinary text, not a flattened table of thousands of figures, each of
  // which would walk it again.
  static constexpr uint32_t kMaxProgramLookBack = 1024;
  static uint32_t Reach(uint32_t from, uint32_t to) {
    return to > from + kMaxProgramLookBack ? to - kMaxProgramLookBack : from;
  }

  // The one credited, conducted program a paragraph names last, or -1.
  int LastProgramOf(int para) const {
    const TextRange r = ctx_.seg().paragraphs[para].range;
    if (IsHeadingLine(para)) return -1;
    const int p = ConductedProgramIn(Reach(r.start, r.end), r.end, r.end);
    return p >= 0 ? p : -1;
  }

  // Outside items and turns: the program that `actor` was said to conduct
  // earlier in the paragraph, in a sentence before the one at pos, when
  // that sentence opens nothing new (no conducting verb before pos). -1 if none.
  int ActorsProgram(int actor, uint32_t pos) const {
    if (discourse_.ItemAt(pos) >= 0 || discourse_.TurnAt(pos) >= 0 || ConductVerbBefore(pos)) {
      return -1;
    }
    const int para = ctx_.ParagraphAt(pos);
    const int s = ctx_.SentenceAt(pos);
    if (para < 0 || s < 0) return -1;
    const uint32_t sentence_start = ctx_.seg().sentences[s].range.start;
    const int p = ConductedProgramIn(Reach(ctx_.seg().paragraphs[para].range.start, sentence_start),
                                     sentence_start, pos);
    // The conducts edges are found before the reports.
    if (p < 0 || !seen_.contains(TripleKey(actor, Predicate::kConducts, p))) return -1;
    return p;
  }

  // Whether the sentence opens a new undertaking before pos (并组织开展了…):
  // its figures are not the earlier program's.
  bool ConductVerbBefore(uint32_t pos) const {
    const int s = ctx_.SentenceAt(pos);
    if (s < 0) return false;
    return FirstConductEnd(s) <= pos;
  }

  // The first position of sentence s where a conducting verb ends (past the
  // sentence's end when none): the same for every figure of the sentence,
  // so a run of thousands of figures scans its sentence once, not once each.
  // 包括 lists parts of what is already under way; it opens nothing new.
  uint32_t FirstConductEnd(int s) const {
    if (s == last_conduct_sentence_) return last_conduct_end_;
    const TextRange r = ctx_.seg().sentences[s].range;
    CountWork(r.end - r.start);
    uint32_t found = r.end + 1;
    for (uint32_t p = r.start + 1; p <= r.end; ++p) {
      const LexHit* v = ctx_.EndingAt(p, kConductVerb);
      if (v != nullptr && (v->roles() & kPartsVerb) == 0) {
        found = p;
        break;
      }
    }
    last_conduct_sentence_ = s;
    last_conduct_end_ = found;
    return found;
  }

  int ActorOrRegion(uint32_t pos) const {
    const std::vector<int> a = discourse_.ActorsAt(pos, 4);
    if (!a.empty()) return a.front();
    return DocumentActorAt(pos);
  }

  // The body a whole article is about (自治区应急管理厅 named again and
  // again), else its city or region: what a metric without a nearer owner
  // belongs to.
  // Where each article of a page begins: an e-paper or portal page copied
  // as text holds several, each under a "## " heading; 0 alone when the text
  // has no such heading.
  static std::vector<uint32_t> Sections(const DocContext& ctx) {
    std::vector<uint32_t> starts = {0};
    const std::u32string_view t = ctx.text();
    for (uint32_t k = 0; k + 2 < t.size(); ++k) {
      if ((k == 0 || t[k - 1] == '\n') && t[k] == '#' && t[k + 1] == '#' && t[k + 2] == ' ') {
        if (k > 0) starts.push_back(k);
      }
    }
    return starts;
  }

  int SectionOf(uint32_t pos) const {
    return static_cast<int>(std::upper_bound(sections_.begin(), sections_.end(), pos) -
                            sections_.begin()) - 1;
  }

  // Each article's body (DocumentActor within it), so that one article's
  // figures are not credited to the body another article is about. One pass
  // over the agencies' mentions.
  std::vector<int> SectionActors() const {
    std::vector<int> actors;
    if (sections_.size() < 2) return actors;
    std::vector<std::map<int, size_t>> counts(sections_.size());
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (entities_[e].type != EntityType::kAgency || IsHost(static_cast<int>(e))) continue;
      for (const int mi : entities_[e].mentions) {
        if (!ctx_.mentions[mi].anaphor) ++counts[SectionOf(ctx_.mentions[mi].start)][e];
      }
    }
    const int region = RegionActor();
    for (const std::map<int, size_t>& c : counts) {
      int best = -1;
      size_t most = 1, second = 0;  // an article is short: named twice is enough
      for (const auto& [e, n] : c) {
        if (n > most) {
          second = most;
          most = n;
          best = e;
        } else {
          second = std::max(second, n);
        }
      }
      actors.push_back(best >= 0 && most >= 2 * second ? best : region);
    }
    return actors;
  }

  int DocumentActorAt(uint32_t pos) const {
    if (section_actors_.empty()) return document_actor_;
    return section_actors_[SectionOf(pos)];
  }

  // Whether the entity is a press office (its kind word marked host).
  bool IsHost(int e) const {
    if (e < 0 || entities_[e].type != EntityType::kAgency || entities_[e].mentions.empty()) return false;
    const Mention& m = ctx_.mentions[entities_[e].mentions.front()];
    const LexHit* k = ctx_.EndingAt(m.end, kAgencyKind);
    return k != nullptr && k->entry->host;
  }

  // How often entity `e` is named (该局 points at a body; it does not name
  // it again: what an article is about is what it names most).
  size_t NamedTimes(int e) const {
    return static_cast<size_t>(std::count_if(entities_[e].mentions.begin(), entities_[e].mentions.end(),
                                             [&](int mi) { return !ctx_.mentions[mi].anaphor; }));
  }

  int DocumentActor() const {
    int best = -1;
    size_t most = 2, second = 0;
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (entities_[e].type != EntityType::kAgency || IsHost(static_cast<int>(e))) continue;
      const size_t n = NamedTimes(static_cast<int>(e));
      if (n > most) {
        second = most;
        most = n;
        best = static_cast<int>(e);
      } else {
        second = std::max(second, n);
      }
    }
    // A text about several sectors (a government's press conference) has no
    // one body it is about: its region then reports what nobody nearer does.
    if (best >= 0 && most >= 2 * second) return best;
    return RegionActor();
  }

  int RegionActor() const {
    for (const std::u32string* region :
         {&ctx_.doc_region_full, &ctx_.main_city_full, &ctx_.main_region_full}) {
      for (size_t e = 0; e < entities_.size(); ++e) {
        if (entities_[e].type == EntityType::kPlace && entities_[e].name == *region) {
          return static_cast<int>(e);
        }
      }
    }
    return -1;
  }

  static std::vector<int> GroupSizes(const DocContext& ctx) {
    std::vector<int> sizes;
    for (const Mention& m : ctx.mentions) {
      if (m.type != EntityType::kProgram || m.group < 0) continue;
      if (sizes.size() <= static_cast<size_t>(m.group)) sizes.resize(m.group + 1, 0);
      ++sizes[m.group];
    }
    return sizes;
  }

  const DocContext& ctx_;
  const std::vector<EntityDraft>& entities_;
  Discourse discourse_;
  const std::vector<int> group_sizes_ = GroupSizes(ctx_);  // program group → its programs
  const std::vector<uint32_t> sections_ = Sections(ctx_);
  const std::vector<uint64_t> collectives_ = Collectives(ctx_);
  const int document_actor_ = DocumentActor();
  const std::vector<int> section_actors_ = SectionActors();
  const int document_region_ = DocumentRegion();
  const std::set<std::pair<int, int>> parents_ = Parents(ctx_);
  const std::vector<uint32_t> cue_ends_ =
      HitEnds(ctx_, [](const LexHit& h) { return (h.roles() & kPersonCue) != 0; });
  // Verbs that launch work: not 深化 (ongoing), not 包括 (parts).
  const std::vector<uint32_t> launch_ends_ = HitEnds(ctx_, [](const LexHit& h) {
    return (h.roles() & kConductVerb) != 0 && (h.roles() & kPartsVerb) == 0 && !h.entry->ongoing;
  });
  // (subject, predicate, object) of every relation added, hashed: a tree of
  // tuples cost a dozen cache misses an insertion in a text of many relations.
  static uint64_t TripleKey(int s, Predicate p, int o) {
    return uint64_t{static_cast<uint32_t>(s)} << 32 ^ uint64_t{static_cast<uint32_t>(p)} << 28 ^
           static_cast<uint32_t>(o);
  }
  std::unordered_set<uint64_t> seen_;
  mutable std::vector<int8_t> cited_;  // mention index → Cited(): -1 not yet asked, 0, 1
  // FirstCiteEnd() of the clause asked last (programs come in text order).
  mutable uint32_t last_cite_clause_ = UINT32_MAX, last_cite_clause_end_ = 0, last_cite_end_ = 0;
  // FirstConductEnd() of the sentence asked last (figures come in text order).
  static constexpr int kNotAsked = -2;
  mutable std::vector<int> intro_;  // paragraph → IntroProgram(), kNotAsked before asked
  mutable int last_conduct_sentence_ = -1;
  mutable uint32_t last_conduct_end_ = 0;
  std::vector<RelationDraft> out_;
};

}  // namespace

std::vector<RelationDraft> FindRelations(const DocContext& ctx,
                                         const std::vector<EntityDraft>& entities,
                                         const std::vector<MetricMention>& metrics,
                                         const std::vector<int>& metric_entities) {
  Rules rules(ctx, entities);
  rules.SubOrganizations();
  rules.Posts();
  rules.Programs();
  rules.Parts();
  rules.Frames();
  rules.Cooperation();
  rules.Issues();
  rules.Locations();
  rules.Visits();
  rules.Reports(metrics, metric_entities);
  return rules.Take();
}

}  // namespace govkg::internal
