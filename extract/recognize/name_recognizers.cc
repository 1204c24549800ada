// The Person, Place and Document recognisers.
//  Person: the name after a title in a speaker label (…总队长杨义：), or a
//    surname-led name right before a title (习近平总书记).
//  Place: region names and named sites of the lexicon; items ending in a site
//    kind word in a 在…、…等 list.
//  Document: titles in 《》, with inner 〈〉 titles as documents of their own.
#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/recognize/mention_index_internal.h"
#include "extract/recognize/mention_internal.h"

namespace govkg::internal {
namespace {

const std::u32string kNationPrefix = U"中华人民共和国";

// Adds Person mentions once per span, with the post's agency: the agency
// mention ending right before the title (the earliest-starting of them).
class PersonSink {
 public:
  explicit PersonSink(DocContext* ctx)
      : ctx_(ctx),
        agencies_(ctx->mentions, EntityType::kAgency),
        persons_(ctx->mentions, EntityType::kPerson) {}

  int AgencyEndingAt(uint32_t pos) {
    int best = -1;
    for (const int i : agencies_.EndingAt(pos)) {
      if (best < 0 || ctx_->mentions[i].start < ctx_->mentions[best].start) best = i;
    }
    return best;
  }

  // The agency that runs into the title at `title_start` (厅党组 in 厅党组
  // 书记: the body's kind word is the title's first word), or -1.
  int AgencyRunningInto(uint32_t title_start) {
    const LexHit* title = ctx_->StartingAt(title_start, kTitle);
    if (title == nullptr) return -1;
    for (uint32_t e = title_start + 1; e < title->end; ++e) {
      for (const int i : agencies_.EndingAt(e)) {
        if (ctx_->mentions[i].start < title_start) return i;
      }
    }
    return -1;
  }

  // The person mention of [s, e): a new one, or the one already there.
  Mention* Add(uint32_t s, uint32_t e, const LexHit* title) {
    if (const int known = persons_.Exactly(s, e); known >= 0) return &ctx_->mentions[known];
    Mention m;
    m.type = EntityType::kPerson;
    m.start = s;
    m.end = e;
    m.name = ctx_->Slice(s, e);
    if (title != nullptr) {
      m.title = {title->start, title->end};
      m.post_agency = AgencyEndingAt(title->start);
    }
    ctx_->mentions.push_back(std::move(m));
    return &ctx_->mentions.back();
  }

 private:
  DocContext* ctx_;
  EndIndex agencies_;
  EndIndex persons_;
};

// The level word of a title that heads a people's government (副省长 → 省,
// 市长 → 市, 县长 → 县): a level character and 长, one 副 before; 0 else.
char32_t GovernmentLevel(std::u32string_view title) {
  if (title.starts_with(U"副")) title.remove_prefix(1);
  if (title.size() != 2 || title[1] != U'长') return 0;
  return std::u32string_view(U"省市县区州旗盟").find(title[0]) != std::u32string_view::npos ? title[0] : 0;
}

// The governments a text names (省政府, 湖南省人民政府), by the level word
// before 政府 or 人民政府, each level's in order of their ends: built once,
// asked by every head of government named without a body.
class Governments {
 public:
  explicit Governments(const DocContext& ctx) {
    for (size_t i = 0; i < ctx.mentions.size(); ++i) {
      const Mention& m = ctx.mentions[i];
      if (m.type != EntityType::kAgency || !m.maximal) continue;
      std::u32string_view n = m.name;
      if (!n.ends_with(U"政府")) continue;
      n.remove_suffix(2);
      if (n.ends_with(U"人民")) n.remove_suffix(2);
      if (!n.empty()) by_level_[n.back()].push_back({m.end, static_cast<int>(i)});
    }
    for (auto& [level, ends] : by_level_) std::sort(ends.begin(), ends.end());
  }

  // The government whose head the title at `title` is (副省长: 省): its
  // mention nearest before, else the first after; -1 when the text names
  // none (a government the text never names is no body of it).
  int Of(std::u32string_view text, const TextRange& title) const {
    const char32_t level = GovernmentLevel(text.substr(title.start, title.end - title.start));
    const auto it = by_level_.find(level);
    if (level == 0 || it == by_level_.end()) return -1;
    const std::vector<std::pair<uint32_t, int>>& ends = it->second;
    const auto after = std::upper_bound(ends.begin(), ends.end(), std::pair<uint32_t, int>(title.start, INT_MAX));
    return after != ends.begin() ? std::prev(after)->second : after->second;
  }

 private:
  std::map<char32_t, std::vector<std::pair<uint32_t, int>>> by_level_;
};

bool AllHan(std::u32string_view s) {
  for (const char32_t c : s) {
    if (!IsHan(c)) return false;
  }
  return !s.empty();
}

// The end of a name of four to six characters at `n`, right after a title,
// that opens with no common surname (扎西次仁, 阿力坦宝力高, 艾尔肯·吐尼亚孜),
// or 0. Without a surname to open it, the name must run straight into a
// person cue (介绍, 表示) and hold no word of the vocabulary.
uint32_t NameWithoutSurnameEnd(const DocContext& ctx, uint32_t n) {
  constexpr uint32_t kMinLength = 4, kMaxLength = 8;
  const std::u32string_view t = ctx.text();
  if (n >= t.size() || !IsHan(t[n])) return 0;
  uint32_t e = n;
  while (e < t.size() && e - n < kMaxLength && (IsHan(t[e]) || (t[e] == U'·' && e + 1 < t.size() && IsHan(t[e + 1])))) {
    // the first cue after kMinLength characters ends the name
    if (e - n >= kMinLength && ctx.StartingAt(e, kPersonCue) != nullptr) break;
    ++e;
  }
  if (e - n < kMinLength || e >= t.size() || ctx.StartingAt(e, kPersonCue) == nullptr) return 0;
  constexpr uint32_t kForeign = kAgencyKind | kAgencyName | kTitle | kRegionName | kRegionLevel |
                                kStopWord | kPersonCue | kScopeWord | kProgramKind;
  if (ctx.Overlapped(n, e, kForeign, 0)) return 0;
  return e;
}

// The end of a transliterated name at `n` (阿布都·热合曼: two to five
// characters, a middle dot, two to six more), ending at a non-Han character
// or a person cue, or 0.
uint32_t DottedNameEnd(const DocContext& ctx, uint32_t n) {
  constexpr uint32_t kMinPart = 2, kMaxFirst = 5, kMaxSecond = 6;
  const std::u32string_view t = ctx.text();
  uint32_t dot = n;
  while (dot < t.size() && dot - n <= kMaxFirst && IsHan(t[dot])) ++dot;
  if (dot >= t.size() || t[dot] != U'·' || dot - n < kMinPart || dot - n > kMaxFirst) return 0;
  uint32_t e = dot + 1;
  while (e < t.size() && e - dot - 1 < kMaxSecond && IsHan(t[e]) &&
         (e - dot - 1 < kMinPart || ctx.StartingAt(e, kPersonCue) == nullptr)) {
    ++e;
  }
  if (e - dot - 1 < kMinPart || (e < t.size() && IsHan(t[e]) && ctx.StartingAt(e, kPersonCue) == nullptr)) {
    return 0;
  }
  // (the dot is evidence enough for syllables that are stop words: 都)
  constexpr uint32_t kForeign = kAgencyKind | kAgencyName | kTitle | kRegionName;
  if (ctx.Overlapped(n, dot, kForeign, 0) || ctx.Overlapped(dot + 1, e, kForeign, 0)) return 0;
  return e;
}

}  // namespace

void RecognizePersons(DocContext* ctx) {
  const std::u32string_view t = ctx->text();
  PersonSink persons(ctx);
  // Speaker labels: "AGENCY TITLE NAME：".
  for (const SpeakerTurn& turn : ctx->seg().turns) {
    const uint32_t a = turn.label.start, b = turn.label.end;
    const LexHit* title = nullptr;
    for (uint32_t q = a; q < b; ++q) {
      const LexHit* h = ctx->StartingAt(q, kTitle);
      if (h != nullptr && h->end < b && (title == nullptr || h->end > title->end)) title = h;
    }
    if (title == nullptr) continue;
    const std::u32string_view name = t.substr(title->end, b - title->end);
    if (name.size() >= 2 && name.size() <= 8 && AllHan(name)) persons.Add(title->end, b, title);
  }
  // "AGENCY TITLE NAME" in running text: 应急管理厅党委委员、副厅长邢国显。
  std::unordered_map<uint32_t, size_t> person_ending_at;  // end → mention index
  std::optional<Governments> governments;  // built when a head of government names no body
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kTitle) == 0 || ctx->StartingAt(h.start, kTitle) != &h) continue;
    // One space may stand between the title and the name (办公室主任 刘洋).
    const uint32_t n = h.end < t.size() && (t[h.end] == U' ' || t[h.end] == U'\u3000') ? h.end + 1 : h.end;
    uint32_t e = 0;
    for (uint32_t len = 3; len >= 2 && e == 0; --len) {
      const uint32_t end = n + len;
      if (end > t.size() || ctx->StartingAt(n, kSurname) == nullptr || !AllHan(t.substr(n, len))) {
        continue;
      }
      const bool end_ok = end == t.size() || !IsNameChar(t[end]) ||
                          ctx->StartingAt(end, kStopWord | kTitle | kPersonCue) != nullptr;
      if (!end_ok || ctx->Overlapped(n, end, kAgencyKind | kTitle | kRegionName | kStopWord, 0)) {
        continue;
      }
      // 王海来我县: a cue right after two characters (来, 到, 在) ends a
      // two-character name unless one follows the third as well.
      if (len == 3 && ctx->StartingAt(end - 1, kPersonCue) != nullptr &&
          ctx->StartingAt(end, kPersonCue | kTitle) == nullptr && end < t.size() &&
          IsNameChar(t[end])) {
        continue;
      }
      e = end;
    }
    // 阿布都·热合曼: a transliterated name runs on past the dot
    if (const uint32_t dotted = DottedNameEnd(*ctx, n); dotted != 0) e = dotted;
    if (e == 0) e = NameWithoutSurnameEnd(*ctx, n);
    if (e != 0) {
      // The body is named before the first title of a chain (委员、副厅长).
      // A chain holds a few titles; a run of thousands is not walked from each.
      constexpr int kMaxChain = 16;
      uint32_t chain = h.start;
      for (int links = 0; chain > 1 && t[chain - 1] == U'、' && links < kMaxChain; ++links) {
        const LexHit* prev = ctx->EndingAt(chain - 1, kTitle);
        if (prev == nullptr) break;
        chain = prev->start;
      }
      Mention* person = persons.Add(n, e, &h);
      if (person->post_agency < 0) {
        person->post_agency = persons.AgencyEndingAt(chain);
        // 省应急管理厅副厅长、新闻发言人: both posts in one body, one title
        // (not 县委常委、副县长: the head of government's post is elsewhere)
        const bool heads_government = GovernmentLevel(t.substr(h.start, h.end - h.start)) != 0;
        if (person->post_agency >= 0 && chain != h.start && !heads_government &&
            ctx->mentions[person->post_agency].parent < 0) {
          person->title = {chain, h.end};
        }
        if (person->post_agency < 0 && chain != h.start) person->post_agency = persons.AgencyRunningInto(chain);
        // 局副局长甲、食品安全总监乙: a title after the previous official
        // of a list is a post in the same body.
        if (person->post_agency < 0 && chain > 1 && t[chain - 1] == U'、') {
          const auto prev = person_ending_at.find(chain - 1);
          if (prev != person_ending_at.end()) person->post_agency = ctx->mentions[prev->second].post_agency;
        }
        // 厅党委委员、副厅长: the second post is in the body the party committee leads.
        if (chain != h.start && person->post_agency >= 0 &&
            ctx->mentions[person->post_agency].parent >= 0) {
          // …and the first post is in the committee itself.
          const LexHit* first = ctx->StartingAt(chain, kTitle);
          if (first != nullptr) {
            person->other_posts.push_back(
                {person->post_agency, TextRange{first->start, first->end}});
          }
          person->post_agency = ctx->mentions[person->post_agency].parent;
        } else if (chain != h.start && person->post_agency >= 0 && heads_government &&
                   !std::u32string_view(ctx->mentions[person->post_agency].name).ends_with(U"政府")) {
          // 县委常委、副县长甲: the body before the chain holds its first
          // post (常委); the head of government's post is in the government
          // the text names, else in none.
          const LexHit* first = ctx->StartingAt(chain, kTitle);
          if (!governments) governments.emplace(*ctx);
          const int government = governments->Of(t, person->title);
          if (first != nullptr && government >= 0) {
            person->other_posts.push_back({person->post_agency, TextRange{first->start, first->end}});
            person->post_agency = government;
          } else if (first != nullptr) {
            person->title = {first->start, first->end};
          }
        }
      }
      // 副省长张三: no body named, the post is in the government the text names.
      if (person->post_agency < 0 && chain == h.start && GovernmentLevel(t.substr(h.start, h.end - h.start)) != 0) {
        if (!governments) governments.emplace(*ctx);
        person->post_agency = governments->Of(t, person->title);
      }
      person_ending_at[person->end] = static_cast<size_t>(person - ctx->mentions.data());
      if (person->other_posts.empty()) {
        // Posts listed before this one, each AGENCY TITLE and joined by 、.
        for (int a = person->post_agency; a >= 0 && person->other_posts.size() < 4;) {
          const uint32_t at = ctx->mentions[a].start;
          if (at < 2 || t[at - 1] != U'、') break;
          const LexHit* prev = ctx->EndingAt(at - 1, kTitle);
          if (prev == nullptr) break;
          a = persons.AgencyEndingAt(prev->start);
          // 副省长、省防汛抗旱指挥部指挥长: a head of government before the chain.
          const TextRange prev_title{prev->start, prev->end};
          if (a < 0 && GovernmentLevel(t.substr(prev->start, prev->end - prev->start)) != 0) {
            if (!governments) governments.emplace(*ctx);
            const int g = governments->Of(t, prev_title);
            if (g >= 0) person->other_posts.push_back({g, prev_title});
            break;
          }
          if (a >= 0) person->other_posts.push_back({a, prev_title});
        }
      }
    }
  }
  // Surname + one or two characters right before a title.
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kTitle) == 0 || h.start < 2) continue;
    for (uint32_t len = 3; len >= 2; --len) {
      if (h.start < len) continue;
      const uint32_t s = h.start - len;
      const LexHit* sur = ctx->StartingAt(s, kSurname);
      if (sur == nullptr || !AllHan(t.substr(s, len))) continue;
      const bool boundary = s == 0 || !IsNameChar(t[s - 1]) ||
                            ctx->EndingAt(s, kBoundaryRoles) != nullptr;
      if (!boundary) continue;
      // The characters must not be vocabulary themselves (政委 ending 公安政).
      if (ctx->Overlapped(s, h.start, kAgencyKind | kRegionName | kRegionLevel | kProgramKind |
                                          kTitle,
                          0)) {
        continue;
      }
      persons.Add(s, h.start, nullptr);
      break;
    }
  }
}

namespace {

// 重点区域, 区域, 地区, 水域, 地 … right at `pos` (after 等).
bool AreaWordAfter(std::u32string_view t, uint32_t pos) {
  static constexpr std::u32string_view kAreaWords[] = {U"重点", U"区域", U"地区", U"水域", U"地", U"场所", U"周边"};
  const std::u32string_view rest = t.substr(std::min<size_t>(pos, t.size()));
  for (const std::u32string_view w : kAreaWords) {
    if (rest.starts_with(w)) return true;
  }
  return false;
}

}  // namespace

namespace {

// Where each of `names` occurs in `t`, left to right without overlap, as
// repeated find() gives them. A text can name thousands of regions: past a
// few, one pass per name length finds them all instead of one per name.
std::vector<std::vector<uint32_t>> PositionsOf(std::u32string_view t,
                                              const std::vector<std::u32string>& names) {
  constexpr size_t kFewNames = 8;
  std::vector<std::vector<uint32_t>> out(names.size());
  if (names.size() <= kFewNames) {
    for (size_t r = 0; r < names.size(); ++r) {
      if (names[r].empty()) continue;
      for (size_t p = t.find(names[r]); p != t.npos; p = t.find(names[r], p + names[r].size())) {
        out[r].push_back(static_cast<uint32_t>(p));
      }
    }
    return out;
  }
  std::map<size_t, std::unordered_map<std::u32string_view, size_t>> by_length;  // → index
  // The names' first characters: most positions start none, and are passed
  // over without hashing what follows them.
  std::vector<uint64_t> first(0x10000 / 64, 0);
  for (size_t r = 0; r < names.size(); ++r) {
    if (names[r].empty()) continue;
    by_length[names[r].size()].emplace(names[r], r);
    const char32_t c = names[r][0];
    if (c < 0x10000) first[c >> 6] |= uint64_t{1} << (c & 63);
  }
  const auto may_start = [&](char32_t c) {
    return c >= 0x10000 || ((first[c >> 6] >> (c & 63)) & 1) != 0;
  };
  for (const auto& [len, index] : by_length) {
    for (size_t p = 0; p + len <= t.size(); ++p) {
      if (!may_start(t[p])) continue;
      const auto it = index.find(t.substr(p, len));
      if (it == index.end()) continue;
      std::vector<uint32_t>& at = out[it->second];
      if (at.empty() || p >= at.back() + len) at.push_back(static_cast<uint32_t>(p));
    }
  }
  return out;
}

}  // namespace

void RecognizePlaces(DocContext* ctx) {
  const std::u32string_view t = ctx->text();
  const StartIndex agencies(ctx->mentions, EntityType::kAgency);
  EndIndex places(ctx->mentions, EntityType::kPlace);
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & (kRegionName | kPlaceName)) == 0) continue;
    if (ctx->StartingAt(h.start, kRegionName | kPlaceName) != &h) continue;  // longest only
    if (ctx->Overlapped(h.start, h.end, kRegionName | kPlaceName, h.end + 1)) continue;
    if (h.start > 0 && IsNameChar(t[h.start - 1]) &&
        ctx->Overlapped(h.start - 1, h.start, kRegionName | kPlaceName | kAgencyKind, h.start + 1)) {
      continue;
    }
    if (agencies.Covers(h.start, h.end)) continue;
    Mention m;
    m.type = EntityType::kPlace;
    m.start = h.start;
    m.end = h.end;
    const std::u32string surface = ctx->Slice(h.start, h.end);
    m.name = !h.entry->full_name.empty() ? h.entry->full_name : surface;
    if (surface != m.name) m.aliases.push_back(surface);
    if (h.entry->basin && t.substr(h.end, 2) == U"流域") m.aliases.push_back(surface + U"流域");
    ctx->mentions.push_back(std::move(m));
  }
  // Roads named by their number (331国道, 207省道): two to four digits
  // standing alone before the road word.
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kPlaceSuffix) == 0 || !h.entry->numbered_place) continue;
    uint32_t s = h.start;
    while (s > 0 && h.start - s < 5 && t[s - 1] >= U'0' && t[s - 1] <= U'9') --s;
    const uint32_t digits = h.start - s;
    if (digits < 2 || digits > 4 || (s > 0 && (IsDigitChar(t[s - 1]) || t[s - 1] == U'.'))) continue;
    if (agencies.Covers(s, h.end) || places.Exactly(s, h.end) >= 0) continue;
    Mention m;
    m.type = EntityType::kPlace;
    m.start = s;
    m.end = h.end;
    m.name = ctx->Slice(s, h.end);
    ctx->mentions.push_back(std::move(m));
  }
  // Regions read off agency names, where the text names them on their own
  // (澄岚市召开…, not 澄岚市人民政府).
  const std::vector<std::vector<uint32_t>> found = PositionsOf(t, ctx->inferred_regions);
  for (size_t r = 0; r < ctx->inferred_regions.size(); ++r) {
    const std::u32string& region = ctx->inferred_regions[r];
    for (const uint32_t p : found[r]) {
      const auto s = static_cast<uint32_t>(p), e = static_cast<uint32_t>(p + region.size());
      const bool boundary = s == 0 || !IsNameChar(t[s - 1]) ||
                            ctx->EndingAt(s, kBoundaryRoles) != nullptr;
      if (!boundary || agencies.Covers(s, e) || places.Exactly(s, e) >= 0) continue;
      Mention m;
      m.type = EntityType::kPlace;
      m.start = s;
      m.end = e;
      m.name = region;
      ctx->mentions.push_back(std::move(m));
    }
  }
  // 在呼伦湖、乌梁素海、岱海等重点区域: items ending in a site kind word.
  for (uint32_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] != U'在') continue;
    std::vector<std::pair<uint32_t, uint32_t>> items;
    uint32_t s = i + 1;
    uint32_t deng = 0;  // where the list closes with 等
    while (true) {
      // A quoted item (在“一湖两海”等重点生态区) is its name without the marks.
      const bool quoted = s < t.size() && IsOpenQuote(t[s]);
      if (quoted) ++s;
      uint32_t e = s;
      while (e < t.size() && IsNameChar(t[e]) && t[e] != U'等' && e - s < 12) ++e;
      if (e == s || e >= t.size() || (quoted && !IsCloseQuote(t[e]))) break;
      items.push_back({s, e});
      if (quoted && ++e >= t.size()) break;
      if (t[e] == U'、') {
        s = e + 1;
        continue;
      }
      if (t[e] != U'等') items.clear();
      deng = e;
      break;
    }
    // One item alone only before 等 + an area word (在X湖等重点区域, 等地):
    // 在X等 is otherwise too often not a place at all.
    if (items.empty() || (items.size() == 1 && !AreaWordAfter(t, deng + 1))) continue;
    for (const auto& [a, b] : items) {
      bool site = false;
      for (uint32_t k = a + 1; k < b; ++k) {
        const LexHit* suf = ctx->StartingAt(k, kPlaceSuffix);
        if (suf != nullptr && suf->end == b) site = true;
      }
      if (!site || places.Exactly(a, b) >= 0) continue;
      Mention m;
      m.type = EntityType::kPlace;
      m.start = a;
      m.end = b;
      m.name = ctx->Slice(a, b);
      ctx->mentions.push_back(std::move(m));
    }
  }
}

namespace {

// Documents named without 《》 as the object of an issuing or citing verb:
// 印发了全市防汛应急预案，… / 根据城市更新三年实施方案. The name runs from
// the verb to a document kind word of two or more characters that ends the
// phrase (before a clause break, 和, 及, 、 or 等).
void RecognizeUnquotedDocuments(DocContext* ctx) {
  constexpr uint32_t kMaxName = 40;
  constexpr uint32_t kMinName = 6;
  const std::u32string_view t = ctx->text();
  for (const LexHit& v : ctx->hits()) {
    if ((v.roles() & (kIssueVerb | kReferenceVerb)) == 0) continue;
    uint32_t s = v.end;
    if (s < t.size() && t[s] == U'了') ++s;
    if (s >= t.size() || !IsHan(t[s]) || ctx->StartingAt(v.start, kIssueVerb | kReferenceVerb) != &v) {
      continue;
    }
    uint32_t end = 0;
    for (uint32_t p = s; p < t.size() && p - s < kMaxName; ++p) {
      const char32_t c = t[p];
      if (!IsNameChar(c) && !IsOpenQuote(c) && !IsCloseQuote(c)) break;
      if (const LexHit* b = p > s ? ctx->EndingAt(p, kConductVerb | kIssueVerb | kBlocker) : nullptr;
          b != nullptr && !ctx->InsideLonger(*b, kDocumentKind) &&
          // a one-character blocker inside a word (应对, 针对) is no verb
          (b->end - b->start > 1 || (b->roles() & (kConductVerb | kIssueVerb)) != 0)) {
        break;
      }
      const LexHit* k = ctx->EndingAt(p + 1, kDocumentKind);
      if (k == nullptr || k->end - k->start < 2 || k->start <= s) continue;
      const char32_t next = p + 1 < t.size() ? t[p + 1] : U'\n';
      if (IsClauseBreak(next) || next == U'和' || next == U'及' || next == U'、' || next == U'等') {
        end = p + 1;
        break;
      }
    }
    if (end == 0) continue;
    // 各类应急预案, 相关实施方案: a kind of document, not one; 全省 is scope.
    if (t[s] == U'各' || ctx->StartingAt(s, kGenericModifier) != nullptr) continue;
    if (const LexHit* scope = ctx->StartingAt(s, kScopeWord); scope != nullptr) s = scope->end;
    Mention m;
    m.type = EntityType::kDocument;
    m.start = s;
    m.end = end;
    for (uint32_t p = s; p < end; ++p) {
      if (!IsOpenQuote(t[p]) && !IsCloseQuote(t[p])) m.name += t[p];
    }
    if (m.name.size() >= kMinName) ctx->mentions.push_back(std::move(m));
  }
}


// A text whose first line is its own title ending in a document kind
// (2022年国民经济和社会发展统计公报, …工作报告): that line names a Document,
// without a footnote mark ([1]). Its issuer is the byline (relation rules).
void RecognizeTitleDocument(DocContext* ctx) {
  constexpr uint32_t kMaxTitle = 60;
  const std::u32string_view t = ctx->text();
  uint32_t s = 0;
  while (s < t.size() && s < kMaxTitle && (t[s] == '\n' || t[s] == ' ' || t[s] == U'\u3000')) ++s;
  uint32_t e = s;
  while (e < t.size() && e - s <= kMaxTitle && t[e] != '\n') ++e;
  if (e - s > kMaxTitle || e == s) return;
  uint32_t end = e;
  while (end > s && (t[end - 1] == ' ' || t[end - 1] == U'\u3000')) --end;
  // a footnote mark: [1]
  if (end > s + 2 && t[end - 1] == ']') {
    uint32_t k = end - 1;
    while (k > s && IsDigitChar(t[k - 1])) --k;
    if (k > s && k < end - 1 && t[k - 1] == '[') end = k - 1;
  }
  const LexHit* kind = ctx->EndingAt(end, kDocumentKind);
  if (kind == nullptr || kind->end - kind->start < 2 || end - s < 6) return;
  for (uint32_t p = s; p < end; ++p) {
    if (!IsNameChar(t[p])) return;  // a headline with punctuation is no title
  }
  Mention m;
  m.type = EntityType::kDocument;
  m.start = s;
  m.end = end;
  m.name = ctx->Slice(s, end);
  m.title_line = true;
  ctx->mentions.push_back(std::move(m));
}
}  // namespace

// Where 《X》（以下简称《Y》） introduces the short name Y: its length after
// the closing mark at `close`, up to Y's opening mark; 0 if no such cue.
size_t ShortNameCueAfter(std::u32string_view t, uint32_t close) {
  static constexpr std::u32string_view kCues[] = {U"（以下简称", U"(以下简称", U"（下称", U"(下称",
                                                  U"（简称", U"(简称"};
  for (const std::u32string_view cue : kCues) {
    if (t.substr(close + 1, cue.size()) == cue) return cue.size();
  }
  return 0;
}

// 《陕西省…实施方案》（以下简称《方案》）: later titles 《方案》 are that
// document, named in full with the short name as an alias.
void JoinShortTitles(DocContext* ctx, size_t first) {
  const std::u32string_view t = ctx->text();
  std::vector<std::pair<std::u32string, std::u32string>> short_to_full;
  for (size_t i = first; i < ctx->mentions.size(); ++i) {
    Mention& m = ctx->mentions[i];
    if (m.type != EntityType::kDocument) continue;
    for (const auto& [short_name, full] : short_to_full) {
      if (m.name == short_name) {
        m.name = full;
        m.aliases.push_back(short_name);
      }
    }
    const size_t cue = m.end < t.size() ? ShortNameCueAfter(t, m.end) : 0;
    if (cue == 0) continue;
    const uint32_t open = m.end + 1 + static_cast<uint32_t>(cue);
    if (open >= t.size() || t[open] != U'《') continue;
    const size_t close = t.find(U'》', open);
    constexpr size_t kMaxShort = 20;
    if (close == std::u32string_view::npos || close - open > kMaxShort || close == open + 1) continue;
    short_to_full.emplace_back(std::u32string(t.substr(open + 1, close - open - 1)), m.name);
  }
}

void RecognizeDocuments(DocContext* ctx) {
  const size_t first = ctx->mentions.size();
  const std::u32string_view t = ctx->text();
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (t[i] != U'《') continue;
    int depth = 0;
    uint32_t k = i;
    for (; k < t.size() && k - i < 80 && t[k] != '\n'; ++k) {
      if (t[k] == U'《') ++depth;
      if (t[k] == U'》' && --depth == 0) break;
    }
    if (k >= t.size() || t[k] != U'》') continue;
    Mention m;
    m.type = EntityType::kDocument;
    m.start = i + 1;
    m.end = k;
    for (uint32_t p = i + 1; p < k; ++p) {
      const char32_t c = t[p];
      if (c == U'〈' || c == U'〉' || c == U'《' || c == U'》') continue;
      m.name += c;
    }
    // Inner titles: 《…实施〈中华人民共和国反恐怖主义法〉办法》.
    for (uint32_t p = i + 1; p < k; ++p) {
      if (t[p] != U'〈') continue;
      uint32_t q = p + 1;
      while (q < k && t[q] != U'〉') ++q;
      if (q < k && q > p + 1) {
        Mention inner;
        inner.type = EntityType::kDocument;
        inner.start = p + 1;
        inner.end = q;
        inner.name = ctx->Slice(p + 1, q);
        ctx->mentions.push_back(std::move(inner));
      }
    }
    if (!m.name.empty()) ctx->mentions.push_back(std::move(m));
    i = k;
  }
  JoinShortTitles(ctx, first);
  RecognizeUnquotedDocuments(ctx);
  RecognizeTitleDocument(ctx);
  for (Mention& m : ctx->mentions) {
    if (m.type == EntityType::kDocument && m.name.size() > kNationPrefix.size() + 1 &&
        m.name.compare(0, kNationPrefix.size(), kNationPrefix) == 0) {
      m.aliases.push_back(m.name.substr(kNationPrefix.size()));
    }
  }
}

}  // namespace govkg::internal
