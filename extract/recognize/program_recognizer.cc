// The Program recogniser: kind words (专项行动, 工程, 平台) extended leftwards
// across quoted names to a conducting verb; quoted names listed before
// 等+kind (“獴猎”“靖边”等专项行动) or framed by 以…为 stand alone.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "extract/recognize/mention_index_internal.h"
#include "extract/recognize/mention_internal.h"

namespace govkg::internal {
namespace {

constexpr uint32_t kMaxProgramChars = 36;
constexpr uint32_t kProgramBoundary = kStopWord | kConductVerb | kIssueVerb | kBuildVerb |
                                      kReferenceVerb | kBlocker;

struct Extent {
  uint32_t start = 0;
  std::vector<std::pair<uint32_t, uint32_t>> quotes;  // contents of quoted blocks
  bool stopped_at_adjacent_quote = false;
  bool quoted_whole = false;  // the whole name sits in quotation marks
  uint32_t end = 0;           // with quoted_whole: where the quoted block closes
};

// The start of the contents of the quoted block that closes at t[end] (a
// closing mark), or kNoQuote when no opening mark lies within
// kMaxQuotedChars on its line. The contents may be empty (“”).
constexpr uint32_t kNoQuote = UINT32_MAX;
constexpr uint32_t kMaxQuotedChars = 20;
uint32_t QuoteContentsStart(std::u32string_view t, uint32_t end) {
  uint32_t k = end;
  while (k > 0 && !IsOpenQuote(t[k - 1]) && t[k - 1] != '\n' && end + 1 - k < kMaxQuotedChars) --k;
  return k > 0 && IsOpenQuote(t[k - 1]) ? k : kNoQuote;
}

// Where a description written right before a quoted name (治安整治“…”)
// starts: Han characters back to a boundary, scope or region word; `open`
// itself when there is none or it is a time (今年, 3月) rather than a
// description.
uint32_t DescriptionBefore(const DocContext& ctx, uint32_t open) {
  constexpr uint32_t kMinDescription = 2;
  const std::u32string_view t = ctx.text();
  // 全区公安机关“夏季行动”: a body right before the name runs it.
  if (ctx.EndingAt(open, kAgencyKind | kAgencyName) != nullptr) return open;
  uint32_t s = open;
  while (s > 0 && open - s < kMaxProgramChars && IsHan(t[s - 1])) {
    if (ctx.EndingAt(s, kProgramBoundary | kScopeWord | kRegionName | kRegionLevel) != nullptr) break;
    --s;
  }
  if (open - s < kMinDescription) return open;
  const char32_t last = t[open - 1];
  if (last == U'年' || last == U'月' || last == U'日' || last == U'期' || last == U'间' ||
      IsChineseNumeral(t[s])) {
    return open;
  }
  return s;
}

// The start of a program name framed by 在…中 that opens a clause (在打击A、
// B犯罪专项行动中，), or h.start when the kind word `h` is not so framed.
uint32_t FramedStart(const DocContext& ctx, const LexHit& h) {
  constexpr uint32_t kMaxFramed = 48;  // a framed name may list several targets
  const std::u32string_view t = ctx.text();
  // 在X工程建设中, 在X行动实施中: the work on the program frames it too.
  uint32_t close = h.end;
  const LexHit* w = ctx.StartingAt(close, kBuildVerb | kConductVerb);
  if (w != nullptr && w->end < t.size() && t[w->end] == U'中') {
    close = w->end;
  }
  if (close + 1 >= t.size() || t[close] != U'中' || !IsClauseBreak(t[close + 1])) return h.start;
  uint32_t s = h.start;
  while (s > 1 && h.start - s < kMaxFramed) {
    const char32_t c = t[s - 1];
    if (c == U'在') break;
    if ((c != U'、' && !IsHan(c)) || c == U'的') return h.start;
    // Verbs end the name (在全市开展的…); stop words inside one do not (数据
    // holds 据), nor does the work right before the kind word (农田建设工程).
    const LexHit* b = ctx.EndingAt(s, kProgramBoundary & ~kStopWord);
    const bool work_of_kind = s == h.start && b != nullptr && (b->roles() & kBuildVerb) != 0;
    if (b != nullptr && !work_of_kind && !ctx.InsideLonger(*b, kProgramKind | kAgencyKind | kNameWord)) {
      return h.start;
    }
    --s;
  }
  if (s < 1 || t[s - 1] != U'在' || h.start - s < 2) return h.start;
  if (s >= 2 && !IsClauseBreak(t[s - 2]) && t[s - 2] != '\n') return h.start;
  if (t[s] == U'、' ) return h.start;
  return s;
}

// Walks left from `pos` over name characters and whole quoted blocks.
Extent ExtendProgram(const DocContext& ctx, uint32_t pos) {
  const std::u32string_view t = ctx.text();
  Extent x;
  uint32_t s = pos;
  while (s > 0 && pos - s < kMaxProgramChars) {
    const char32_t c = t[s - 1];
    if (IsCloseQuote(c)) {
      if (!x.quotes.empty() && x.quotes.back().first == s + 1) {
        x.stopped_at_adjacent_quote = true;  // ”“: the block before is another name
        break;
      }
      const uint32_t k = QuoteContentsStart(t, s - 1);
      if (k == kNoQuote || k == s - 1) break;
      x.quotes.push_back({k, s - 1});
      s = k - 1;
      continue;
    }
    if (!IsNameChar(c)) break;
    // 市场监管系统“铁拳”行动, 公安系统“净网”行动: a system or platform word
    // right before a quoted name is the sector that runs it, not its name.
    if (!x.quotes.empty() && s + 1 == x.quotes.back().first) {
      const LexHit* k = ctx.EndingAt(s, kProgramKind);
      if (k != nullptr && k->entry->weak_kind) break;
      // 省公安厅“雷霆2024”专项行动, 全区公安机关“夏季行动”: a body named
      // right before a quoted name runs it; it is no part of the name.
      if (ctx.EndingAt(s, kAgencyKind | kAgencyName) != nullptr) break;
    }
    // Scope words are not part of a name (介绍了全省“护苗”专项行动).
    if (!x.quotes.empty() && ctx.EndingAt(s, kScopeWord) != nullptr) break;
    const LexHit* b = ctx.EndingAt(s, kProgramBoundary);
    if (b != nullptr && !ctx.InsideLonger(*b, kProgramKind | kAgencyKind | kNameWord | kRegionLevel)) {
      // A plain stop word right after a conducting verb opens the name
      // (组织开展无照经营专项行动): the verb is the boundary.
      // 主办的X活动: 的 after the verb opens nothing.
      const bool opens_name = (b->roles() & kProgramBoundary) == kStopWord &&
                              ctx.EndingAt(b->start, kConductVerb) != nullptr &&
                              t.substr(b->start, b->end - b->start) != U"的";
      // 建设 after a noun is part of the name (力量建设三年行动, 体系建设规划);
      // after a verb or at the clause start it is the verb (推动建设X工程).
      // A verb that is no noun (年底前完成X工程) is a verb after a noun too.
      const bool noun_use = (b->roles() & kProgramBoundary) == kBuildVerb && b->entry->nominal && b->start > 0 &&
                            (IsHan(t[b->start - 1]) || IsCloseQuote(t[b->start - 1])) &&
                            ctx.EndingAt(b->start, kProgramBoundary | kScopeWord) == nullptr;
      if (noun_use) {
        s = b->start;
        continue;
      }
      // A conjunction between two nouns right after a conducting verb is
      // inside the name (组织开展了汽车销售及售后服务市场专项行动).
      if (!opens_name && (b->roles() & kProgramBoundary) == kStopWord && b->end - b->start == 1 &&
          (t[b->start] == U'及' || t[b->start] == U'和' || t[b->start] == U'与')) {
        constexpr uint32_t kMaxConjunct = 12;
        uint32_t q = b->start;
        auto inside_name = [&](uint32_t at) {
          const LexHit* w = ctx.EndingAt(at, kProgramBoundary);
          return w == nullptr || ctx.InsideLonger(*w, kProgramKind | kAgencyKind | kNameWord);
        };
        while (q > 0 && b->start - q < kMaxConjunct && IsHan(t[q - 1]) && inside_name(q)) --q;
        const LexHit* verb = ctx.EndingAt(q, kConductVerb);
        if (q < b->start && verb != nullptr && pos - q < kMaxProgramChars) {
          s = q;
          break;
        }
      }
      if (!opens_name) break;
      s = b->start;
      break;
    }
    --s;
  }
  x.start = s;
  // A kind word inside quotation marks (“三大行动”): the quotes are the name's.
  if (s > 0 && IsOpenQuote(t[s - 1]) && pos < t.size()) {
    uint32_t e = pos;
    while (e < t.size() && IsNameChar(t[e])) ++e;
    if (e < t.size() && IsCloseQuote(t[e])) {
      x.quoted_whole = true;
      x.end = e;
      // A description before the quoted name is part of the full name:
      // 秋冬季治安整治“雷霆行动” → 秋冬季治安整治雷霆行动 (alias 雷霆行动).
      const uint32_t d = DescriptionBefore(ctx, s - 1);
      if (d < s - 1) {
        x.quotes.push_back({s, e});
        x.start = d;
      }
    }
  }
  return x;
}

// Whether an object-kind word (治理, 试点) at `end` closes the verb's
// object: a clause or list break, or 工作 (推进A试点工作). Inside a longer
// noun (治理体系, 治理现代化) the word names no undertaking.
bool EndsObject(std::u32string_view t, uint32_t end) {
  if (end >= t.size()) return true;
  const char32_t c = t[end];
  if (IsClauseBreak(c) || c == U'、' || c == U'和' || c == U'及' || c == '\n') return true;
  return t.substr(end, 2) == U"工作";
}

std::u32string WithoutQuotes(std::u32string_view s) {
  std::u32string out;
  for (const char32_t c : s) {
    if (!IsOpenQuote(c) && !IsCloseQuote(c)) out += c;
  }
  return out;
}

// The new mention, or nullptr when the name is empty (only quotation marks).
Mention* AddProgram(DocContext* ctx, uint32_t start, uint32_t end, bool conducted, int group,
                    const std::vector<std::pair<uint32_t, uint32_t>>& quotes) {
  Mention m;
  m.type = EntityType::kProgram;
  m.start = start;
  m.end = end;
  m.name = WithoutQuotes(ctx->text().substr(start, end - start));
  m.conducted = conducted;
  m.group = group;
  for (const auto& [qs, qe] : quotes) {
    std::u32string alias = ctx->Slice(qs, qe);
    if (alias != m.name) m.aliases.push_back(alias);
  }
  if (m.name.empty()) return nullptr;
  ctx->mentions.push_back(std::move(m));
  return &ctx->mentions.back();
}

// Items of the list that ends at `deng` (the 等 before a kind phrase),
// separated by 、; stops at a boundary word or at an item that is itself a
// program (ends in a kind word).
struct ListItem {
  uint32_t start, end;
  std::vector<std::pair<uint32_t, uint32_t>> quotes;
};
std::vector<ListItem> ListBefore(const DocContext& ctx, uint32_t deng, bool* verb_before) {
  const std::u32string_view t = ctx.text();
  std::vector<ListItem> items;
  uint32_t end = deng;
  *verb_before = false;
  while (end > 0) {
    ListItem item{end, end, {}};
    uint32_t s = end;
    while (s > 0 && end - s < 24) {
      const char32_t c = t[s - 1];
      if (IsCloseQuote(c)) {
        const uint32_t k = QuoteContentsStart(t, s - 1);
        if (k == kNoQuote) break;
        item.quotes.insert(item.quotes.begin(), {k, s - 1});
        s = k - 1;
        continue;
      }
      if (!IsNameChar(c)) break;
      const LexHit* b = ctx.EndingAt(s, kProgramBoundary & ~kStopWord);
      if (b != nullptr) {
        *verb_before = (b->roles() & (kConductVerb | kCoopVerb)) != 0;
        break;
      }
      if (ctx.EndingAt(s, kStopWord) != nullptr && c != U'和') break;
      --s;
    }
    item.start = s;
    if (s == end) break;
    const LexHit* k = ctx.EndingAt(end, kProgramKind);
    if (k != nullptr && k->start >= s && item.quotes.empty()) break;  // its own program
    items.insert(items.begin(), item);
    if (s > 0 && t[s - 1] == U'、' && !*verb_before) {
      end = s - 1;
      continue;
    }
    break;
  }
  return items;
}


// Targets listed before one shared kind word right after a conducting verb:
// 开展A、B和C行动. Each item names a program of that kind (A行动, B行动,
// C行动), unless the list opens with 打击/严打 — one operation against
// several targets (打击A、B犯罪专项行动), or the items after the first are
// short steps (矛盾纠纷大排查、大整治、大提升活动). At least one 、 makes it a list
// (汽车销售及售后服务市场专项行动 is one name). Returns whether programs
// were added. Bounded: a few items of a few characters each.
bool SharedKindList(DocContext* ctx, const LexHit& h, int* next_group) {
  constexpr int kMaxItems = 8;
  constexpr uint32_t kMaxItem = 24;
  const std::u32string_view t = ctx->text();
  struct Item {
    uint32_t start, end;
    std::vector<std::pair<uint32_t, uint32_t>> quotes;
  };
  std::vector<Item> items;
  bool verb = false, comma = false;
  uint32_t end = h.start;
  for (int n = 0; n < kMaxItems && !verb; ++n) {
    Item item{end, end, {}};
    uint32_t s = end;
    while (s > 0 && end - s < kMaxItem) {
      const char32_t c = t[s - 1];
      if (IsCloseQuote(c)) {
        const uint32_t k = QuoteContentsStart(t, s - 1);
        if (k == kNoQuote || k == s - 1) return false;
        item.quotes.insert(item.quotes.begin(), {k, s - 1});
        s = k - 1;
        continue;
      }
      if (!IsNameChar(c) || ((c == U'和' || c == U'及') && s < end)) break;
      const LexHit* b = ctx->EndingAt(s, kProgramBoundary);
      if (b != nullptr && !ctx->InsideLonger(*b, kProgramKind | kAgencyKind | kNameWord)) {
        if ((b->roles() & kConductVerb) == 0) return false;
        verb = true;
        break;
      }
      --s;
    }
    if (s == end || (!verb && s > 0 && end - s >= kMaxItem)) return false;
    item.start = s;
    // An item with a kind word of its own is its own program.
    // (A work noun such as 整治 is a step here: 大排查、大整治、大提升活动.)
    if (const LexHit* own = ctx->EndingAt(end, kProgramKind);
        !items.empty() && item.quotes.empty() && own != nullptr && !own->entry->object_kind) {
      return false;
    }
    items.insert(items.begin(), item);
    if (verb) break;
    if (s == 0) return false;
    const char32_t sep = t[s - 1];
    if (sep != U'、' && sep != U'和' && sep != U'及') return false;
    comma |= sep == U'、';
    end = s - 1;
  }
  if (!verb || !comma || items.size() < 2) return false;
  // Short parallel items (A大排查、大整治、大提升活动) are steps of one.
  bool steps = false;
  for (size_t i = 1; i < items.size(); ++i) steps |= items[i].end - items[i].start <= 3;
  const std::u32string_view first = t.substr(items.front().start, 2);
  if (first == U"打击" || first == U"严打" || steps) {
    AddProgram(ctx, items.front().start, h.end, true, -1, {});
    return true;
  }
  const int group = (*next_group)++;
  const std::u32string kind = ctx->Slice(h.start, h.end);
  for (const Item& it : items) {
    if (it.end - it.start < 2) return true;
    Mention* m = AddProgram(ctx, it.start, it.end, true, group, {});
    if (m == nullptr) continue;
    if (!it.quotes.empty()) m->aliases.push_back(m->name);
    m->name += kind;
    m->end = it.end;
  }
  return true;
}
// The quoted blocks of a run “A”“B”“C” that ends right before 建设 and
// starts right after a conducting or building verb, each added as a program
// unless a program already starts there (“雪亮工程”). Bounded: the run is
// walked once from its end, at most kMaxBlocks blocks of kMaxQuotedChars each.
void QuotedBeforeBuild(DocContext* ctx) {
  constexpr int kMaxBlocks = 12;
  const std::u32string_view t = ctx->text();
  // Agency mentions by span: “智慧法院” before 建设 is a project, not a court.
  std::unordered_map<uint64_t, size_t> agencies;
  bool indexed = false;
  auto span_key = [](uint32_t a, uint32_t b) { return (static_cast<uint64_t>(a) << 32) | b; };
  // Walks the lexicon's hits of 建设 (a building verb), not every character.
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kBuildVerb) == 0 || h.start < 2 || !IsCloseQuote(t[h.start - 1]) ||
        t.substr(h.start, h.end - h.start) != U"建设") {
      continue;
    }
    const uint32_t pos = h.start;
    std::vector<std::pair<uint32_t, uint32_t>> blocks;
    uint32_t e = pos;
    while (e > 1 && IsCloseQuote(t[e - 1]) && static_cast<int>(blocks.size()) < kMaxBlocks) {
      const uint32_t k = QuoteContentsStart(t, e - 1);
      if (k == kNoQuote || k == e - 1) break;
      blocks.push_back({k, e - 1});
      e = k - 1;
    }
    const LexHit* verb = ctx->EndingAt(e, kConductVerb | kBuildVerb);
    if (blocks.empty() || verb == nullptr) continue;
    if (!indexed) {
      for (size_t i = 0; i < ctx->mentions.size(); ++i) {
        const Mention& m = ctx->mentions[i];
        if (m.type == EntityType::kAgency) agencies.emplace(span_key(m.start, m.end), i);
      }
      indexed = true;
    }
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
      if (ctx->EndingAt(it->second, kProgramKind) != nullptr) continue;  // its own kind word
      if (const auto a = agencies.find(span_key(it->first, it->second)); a != agencies.end()) {
        Mention& m = ctx->mentions[a->second];
        m = Mention{};
        m.type = EntityType::kProgram;
        m.start = it->first;
        m.end = it->second;
        m.name = ctx->Slice(it->first, it->second);
        m.conducted = true;
        agencies.erase(a);
        continue;
      }
      AddProgram(ctx, it->first, it->second, true, -1, {});
    }
  }
}
// 持续推进“净网2024”，…: a quoted name ending in a year, right after a
// conducting verb and closing the clause, is a campaign of that year named
// by its brand alone (as 清风2023 is). A quoted name without a year there
// may be a slogan or a principle, and is left alone.
void QuotedYearAfterVerb(DocContext* ctx) {
  constexpr uint32_t kMaxQuoted = 16, kYear = 4;
  const std::u32string_view t = ctx->text();
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kConductVerb) == 0 || h.end + 1 >= t.size() || !IsOpenQuote(t[h.end]) ||
        ctx->EndingAt(h.end, kConductVerb) != &h) {
      continue;
    }
    // …and each such name listed after it: 开展“清风2023”、“护苗2023”
    for (uint32_t open = h.end; open < t.size() && IsOpenQuote(t[open]);) {
      uint32_t k = open + 1;
      while (k < t.size() && k - open <= kMaxQuoted && IsNameChar(t[k])) ++k;
      if (k >= t.size() || !IsCloseQuote(t[k]) || k - open - 1 <= kYear) break;
      const std::u32string_view year = t.substr(k - kYear, kYear);
      const bool is_year = (year.starts_with(U"19") || year.starts_with(U"20")) &&
                           std::all_of(year.begin(), year.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
      const bool listed = k + 2 < t.size() && t[k + 1] == U'、' && IsOpenQuote(t[k + 2]);
      const bool closes = k + 1 == t.size() || IsClauseBreak(t[k + 1]) || listed;
      if (!is_year || !IsHan(t[open + 1]) || !closes) break;
      AddProgram(ctx, open + 1, k, true, -1, {});
      open = listed ? k + 2 : static_cast<uint32_t>(t.size());
    }
  }
}

// 平安中国建设, 法治广东建设, 平安巴彦淖尔市建设: a brand, a region (with
// its level word or not) and 建设 name a region's program of a nationwide kind.
void BrandPrograms(DocContext* ctx) {
  const std::u32string_view t = ctx->text();
  std::vector<std::pair<uint32_t, uint32_t>> found;
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kProgramBrand) == 0 || h.entry->nation) continue;
    const LexHit* region = ctx->StartingAt(h.end, kRegionName | kRegionShort | kProgramBrand);
    if (region == nullptr || ((region->roles() & kProgramBrand) != 0 && !region->entry->nation)) continue;
    uint32_t end = region->end;
    if (const LexHit* level = ctx->StartingAt(end, kRegionLevel); level != nullptr) end = level->end;
    if (t.substr(end, 2) != U"建设") continue;
    found.push_back({h.start, end + 2});
  }
  for (const auto& [start, end] : found) {
    // Named, not run here: it claims no figures and no conducting body.
    if (Mention* m = AddProgram(ctx, start, end, false, -1, {}); m != nullptr) {
      m->credited = false;
      m->brand = true;
    }
  }
}
// The end of a duration at `pos` (三年, 百日, 100天) or of a year between two
// kinds (2023), `pos` when none.
uint32_t DurationEnd(std::u32string_view t, uint32_t pos) {
  constexpr uint32_t kMaxDigits = 4;
  uint32_t k = pos;
  while (k < t.size() && k - pos < kMaxDigits && (IsDigitChar(t[k]) || IsChineseNumeral(t[k]))) ++k;
  if (k == pos || k >= t.size()) return pos;
  if (std::u32string_view(U"年日天").find(t[k]) != std::u32string_view::npos) return k + 1;
  // A year (排查整治2023行动) joins two kinds as a duration does.
  constexpr uint32_t kYearDigits = 4;
  return k - pos == kYearDigits && IsDigitChar(t[pos]) ? k : pos;
}

// “枫桥式人民法庭”创建工作: a quoted name that a program holds is the
// program's (its short name), not a body though its last words are a kind
// of body. The agency mentions inside such a quoted block, one of them
// ending where it closes, are erased (before persons refer to any by index;
// sub-units' parents are renumbered).
void DropQuotedBodies(DocContext* ctx) {
  const std::u32string_view t = ctx->text();
  std::vector<TextRange> blocks;  // quoted blocks that a program holds
  std::optional<StartIndex> programs;
  for (const Mention& m : ctx->mentions) {
    if (m.type != EntityType::kAgency || m.end >= t.size() || !IsCloseQuote(t[m.end])) continue;
    const uint32_t open = QuoteContentsStart(t, m.end);
    if (open == kNoQuote || open > m.start) continue;
    if (!programs) programs.emplace(ctx->mentions, EntityType::kProgram);
    if (programs->Covers(open, m.end)) blocks.push_back({open, m.end});
  }
  if (blocks.empty()) return;
  std::sort(blocks.begin(), blocks.end(), [](const TextRange& a, const TextRange& b) { return a.start < b.start; });
  auto inside = [&](const Mention& m) {
    auto it = std::upper_bound(blocks.begin(), blocks.end(), m.start,
                               [](uint32_t pos, const TextRange& b) { return pos < b.start; });
    return it != blocks.begin() && m.end <= std::prev(it)->end;
  };
  std::vector<int> renumbered(ctx->mentions.size(), -1);
  size_t kept = 0;
  for (size_t i = 0; i < ctx->mentions.size(); ++i) {
    Mention& m = ctx->mentions[i];
    if (m.type == EntityType::kAgency && inside(m)) continue;
    renumbered[i] = static_cast<int>(kept);
    if (kept != i) ctx->mentions[kept] = std::move(m);
    ++kept;
  }
  ctx->mentions.resize(kept);
  for (Mention& m : ctx->mentions) {
    if (m.parent >= 0) m.parent = renumbered[m.parent];
  }
}

}  // namespace

// Whether [start, end) is a whole item of an enumeration: right after a
// marker opening a clause (一是, 二是 …) and closing its own clause
// (二是高标准农田建设工程，新建…).
bool EnumeratedItem(std::u32string_view t, uint32_t start, uint32_t end) {
  if (start < 2 || end >= t.size() || !IsClauseBreak(t[end]) || t[start - 1] != U'是' ||
      !IsChineseNumeral(t[start - 2])) {
    return false;
  }
  return start == 2 || IsClauseBreak(t[start - 3]);
}

// Whether a count of events (186次, 5200余场次, 3期) starts at `pos`.
bool CountedAsEvents(std::u32string_view t, uint32_t pos) {
  uint32_t k = pos;
  while (k < t.size() && (IsDigitChar(t[k]) || t[k] == U'.')) ++k;
  if (k == pos) return false;
  if (k < t.size() && (t[k] == U'余' || t[k] == U'多')) ++k;
  return k < t.size() && std::u32string_view(U"次场期轮批").find(t[k]) != std::u32string_view::npos;
}

void RecognizePrograms(DocContext* ctx) {
  const std::u32string_view t = ctx->text();
  EndIndex programs(ctx->mentions, EntityType::kProgram);
  int next_group = 0;
  for (uint32_t pos = 1; pos <= t.size(); ++pos) {
    const LexHit* h = ctx->EndingAt(pos, kProgramKind);
    if (h == nullptr) continue;
    // 行动方案, 工程规划: the kind word opens a document kind, not a program.
    if (ctx->Overlapped(h->start, h->end, kProgramKind | kNotKind | kDocumentKind, h->end + 1)) continue;
    // 攻坚|项目: the longer kind names it; a work noun after a kind does not
    // (X工程建设 names X工程).
    if (const LexHit* next = ctx->StartingAt(DurationEnd(t, h->end), kProgramKind);
        next != nullptr && !next->entry->object_kind && !next->entry->quoted_only) {
      continue;  // (攻坚|三年行动: a duration between two kinds joins them too)
    }
    if (h->entry->object_kind && ctx->EndingAt(h->start, kProgramKind) != nullptr) continue;
    // Work nouns need a verb before them and nothing after them.
    const bool weak = h->entry->weak_kind || h->entry->object_kind;
    if (h->entry->object_kind && !EndsObject(t, h->end)) continue;
    Extent x = ExtendProgram(*ctx, h->start);
    // “两区”划定工作: the quoted name, then a short verb or noun of the work.
    if (h->entry->quoted_only) {
      constexpr uint32_t kMinBetween = 2, kMaxBetween = 4;
      if (x.quotes.empty() || !EndsObject(t, h->end)) continue;
      const uint32_t between = h->start - (x.quotes.front().second + 1);
      if (between < kMinBetween || between > kMaxBetween) continue;
    }
    // A work noun needs a described object of its own: 大整治 in a run of
    // steps (大排查、大整治、大提升活动) is not one.
    constexpr uint32_t kMinObject = 3;
    if (h->entry->object_kind && h->start - x.start < kMinObject) continue;
    const LexHit* scope = ctx->EndingAt(x.start, kScopeWord);
    const LexHit* b = ctx->EndingAt(scope != nullptr ? scope->start : x.start, kProgramBoundary);
    const std::u32string bword = b ? ctx->Slice(b->start, b->end) : std::u32string();
    if (bword == U"等") {
      bool verb = false;
      std::vector<ListItem> items = ListBefore(*ctx, b->start, &verb);
      if (items.empty()) continue;
      bool any_quote = false;
      for (const ListItem& it : items) any_quote |= !it.quotes.empty();
      const int group = next_group++;
      if (any_quote) {
        for (const ListItem& it : items) {
          if (it.quotes.empty()) {
            AddProgram(ctx, it.start, it.end, true, group, {});
          }
          for (const auto& [qs, qe] : it.quotes) AddProgram(ctx, qs, qe, true, group, {});
        }
      } else if (verb && h->end - h->start >= 3) {
        // One undertaking with several targets: 严打暴恐和网上暴恐音视频等专项行动.
        const uint32_t s = items.front().start;
        std::vector<std::pair<uint32_t, uint32_t>> first;
        uint32_t e = s;
        while (e < items.front().end && t[e] != U'和') ++e;
        if (e > s) first.push_back({s, e});
        AddProgram(ctx, s, h->end, true, -1, first);
      }
      continue;
    }
    if (!h->entry->object_kind && x.quotes.empty() && !x.quoted_whole && x.start > 0 &&
        (t[x.start - 1] == U'、' || t[x.start - 1] == U'和' || t[x.start - 1] == U'及') &&
        SharedKindList(ctx, *h, &next_group)) {
      continue;
    }
    // A date before the name is not part of it (2023年“情暖童心”主题活动).
    for (uint32_t p = x.start; p + 1 < h->start; ++p) {
      bool in_quote = false;
      for (const auto& [qs, qe] : x.quotes) in_quote |= p >= qs && p < qe;
      if (!in_quote && IsDigitChar(t[p]) &&
          std::u32string_view(U"年月日").find(t[p + 1]) != std::u32string_view::npos) {
        x.start = p + 2;
      }
    }
    // 在打击A、B犯罪专项行动中，…: a frame names a program being carried
    // out, and its name may list targets.
    const uint32_t framed = x.quotes.empty() ? FramedStart(*ctx, *h) : h->start;
    if (framed < x.start) x.start = framed;
    if (x.start == h->start) continue;  // a bare kind word: 行动以来
    // 建成12个可视化平台: a count of things of a kind, not a name.
    if (IsDigitChar(t[x.start]) || IsChineseNumeral(t[x.start])) {
      uint32_t k = x.start;
      while (k < h->start && (IsDigitChar(t[k]) || t[k] == U'.')) ++k;
      if (k > x.start && k < h->start && (t[k] == U'个' || t[k] == U'项' || t[k] == U'家' || t[k] == U'座')) continue;
    }
    // 组织协调海上搜救行动186次: an unquoted kind of work counted as events
    // right after it is what was counted, not a named undertaking (an
    // undertaking measured in its own units, 防护工程3100公里, still is one).
    if (x.quotes.empty() && !x.quoted_whole && CountedAsEvents(t, h->end)) continue;
    // Unquoted names need some substance: 宣教活动 is a kind of work, not a name.
    // A kind marked short names with two characters right after a conducting
    // verb (开展强基工程), where 宣教活动 stays a kind of work.
    constexpr uint32_t kMinShortName = 4;
    const bool short_ok = h->entry->short_name && b != nullptr && b->end == x.start &&
                          (b->roles() & kConductVerb) != 0 && h->end - x.start >= kMinShortName;
    if (x.quotes.empty() && !x.quoted_whole && h->end - x.start < 5 && !short_ok) continue;
    if (const LexHit* g = x.quotes.empty() ? ctx->StartingAt(x.start, kGenericModifier) : nullptr) {
      // 一系列/一批 before a described undertaking counts it, the rest names
      // it (一系列安全生产隐患大排查行动); before a bare kind it is generic.
      constexpr uint32_t kMinDescribed = 4;
      if (!g->entry->counting || h->start < g->end + kMinDescribed) continue;
      x.start = g->end;
    }
    // 深化X治理 carries on a line of work; 开展X治理 launches an undertaking.
    if (h->entry->object_kind && b != nullptr && b->entry->ongoing) continue;
    bool accept = !x.quotes.empty() || x.quoted_whole || framed < h->start;
    bool credited = true;
    bool conducted = framed < h->start ||
                     (b != nullptr && (b->roles() & (kConductVerb | kBuildVerb)) != 0);
    if (conducted) accept = true;
    if (b != nullptr && (b->roles() & kReferenceVerb) != 0 && !weak) {
      accept = true;
      credited = false;
    }
    // 推动A基地、B基地建设: a list item after a program shares its standing.
    if (b == nullptr && x.start > 0 && t[x.start - 1] == U'、') {
      for (size_t i = ctx->mentions.size(); i-- > 0;) {
        const Mention& prev = ctx->mentions[i];
        if (prev.type != EntityType::kProgram) continue;
        if (prev.end == x.start - 1) {
          accept = true;
          conducted = prev.conducted;
        }
        break;
      }
    }
    if (!weak) {
      if (bword == U"以") accept = conducted = true;
      // 二是高标准农田建设工程，…: an item of an enumeration named whole
      if (EnumeratedItem(t, x.start, h->end)) accept = conducted = true;
      if (bword == U"和" || bword == U"及" || bword == U"与") {
        for (const int i : programs.EndingAt(b->start)) {
          accept = true;
          conducted = ctx->mentions[i].conducted;
        }
      }
      if (bword == U"的") {
        const TextRange clause = ctx->ClauseAt(b->start);
        for (uint32_t p = clause.start + 1; p <= b->start; ++p) {
          if (ctx->EndingAt(p, kConductVerb) != nullptr) accept = conducted = true;
        }
      }
    }
    if (!accept) continue;
    // Quoted names right before this one (“护城河1至5号”“北疆-2022”演习) stand alone.
    int group = -1;
    if (x.stopped_at_adjacent_quote) {
      group = next_group++;
      uint32_t e = x.start;
      while (e > 1 && IsCloseQuote(t[e - 1])) {
        const uint32_t k = QuoteContentsStart(t, e - 1);
        if (k == kNoQuote) break;
        AddProgram(ctx, k, e - 1, true, group, {});
        e = k - 1;
      }
    }
    // A number after the kind word inside the quotes is the name's (“清废行动2024”).
    const bool numbered = x.quoted_whole && x.end > h->end &&
                          std::all_of(t.begin() + h->end, t.begin() + x.end, IsDigitChar);
    Mention* m = AddProgram(ctx, x.start, numbered ? x.end : h->end,
                            conducted || !x.quotes.empty() || x.quoted_whole, group, x.quotes);
    if (m != nullptr) {
      m->credited = credited;
      m->field_work = !h->entry->weak_kind && !h->entry->venue;
      m->framed = framed < h->start;
    }
  }
  // A platform named in quotes right after its kind word (服务平台“蒙e办”,
  // 监管系统“慧眼”): the quoted name is the program.
  for (const LexHit& h : ctx->hits()) {
    if ((h.roles() & kProgramKind) == 0 || !h.entry->weak_kind || h.end >= t.size() ||
        !IsOpenQuote(t[h.end]) || ctx->StartingAt(h.start, kProgramKind) != &h) {
      continue;
    }
    constexpr uint32_t kMaxQuoted = 12;
    uint32_t k = h.end + 1;
    while (k < t.size() && k - h.end <= kMaxQuoted && IsNameChar(t[k])) ++k;
    if (k < t.size() && IsCloseQuote(t[k]) && k - h.end >= 3) {
      AddProgram(ctx, h.end + 1, k, true, -1, {});
    }
  }
  // 加快推进“雪亮工程”“智慧法院”“数字检察”建设: quoted names between a
  // conducting verb and 建设 are each a program being built.
  QuotedBeforeBuild(ctx);
  BrandPrograms(ctx);
  // “清风2023” framed by 以…为: the name stands alone.
  for (uint32_t i = 1; i + 1 < t.size(); ++i) {
    if (t[i - 1] != U'以' || !IsOpenQuote(t[i])) continue;
    uint32_t k = i + 1;
    while (k < t.size() && !IsCloseQuote(t[k]) && k - i < 20) ++k;
    const std::u32string_view inner = t.substr(i + 1, k - i - 1);
    const bool slogan = inner.find(U'、') != inner.npos || inner.find(U'，') != inner.npos ||
                        inner.find(',') != inner.npos;
    if (k + 1 < t.size() && IsCloseQuote(t[k]) && t[k + 1] == U'为' && k > i + 1 && !slogan) {
      AddProgram(ctx, i + 1, k, true, -1, {});
    }
  }
  QuotedYearAfterVerb(ctx);
  DropQuotedBodies(ctx);
}

}  // namespace govkg::internal
