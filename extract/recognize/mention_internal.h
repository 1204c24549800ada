// extract/recognize/mention_internal.h (private to extract/): what the recognisers share.
//
// A DocContext is one normalised document with every lexicon hit found in a
// single trie pass, indexed by start and by end, plus character classes. The
// recognisers append Mentions to it; coreference groups mentions into
// entities; the relation rules read both.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/vocabulary/lexicon_set_internal.h"
#include "extract/text/segment_internal.h"
#include "model/document_graph.h"

namespace govkg::internal {

struct LexHit {
  uint32_t start = 0;
  uint32_t end = 0;
  const LexEntry* entry = nullptr;
  // entry->roles, copied: loops over all hits test the roles of each, and
  // the entries lie scattered over the lexicon (a cache miss per hit).
  uint32_t roles_ = 0;
  uint32_t roles() const { return roles_; }
};

// Character classes. Inline: the recognisers ask them of nearly every
// character, and a call per question cost more than the question.
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3007;
}
inline bool IsDigitChar(char32_t c) { return c >= '0' && c <= '9'; }  // 0-9
// 一 … 十 百 千 万 两 几 零 〇
inline bool IsChineseNumeral(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九': case U'十': case U'百': case U'千':
    case U'万': case U'两': case U'几': case U'零': case U'〇':
      return true;
    default:
      return false;
  }
}
// The quote marks all lie at or below U+300F: one compare for Han text.
inline bool IsOpenQuote(char32_t c) {
  return c <= U'』' && (c == U'“' || c == U'‘' || c == U'「' || c == U'『' || c == '"');
}
inline bool IsCloseQuote(char32_t c) {
  return c <= U'』' && (c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == '"');
}
// Han, ASCII letters and digits, '-', '·'
inline bool IsNameChar(char32_t c) {
  return IsHan(c) || IsDigitChar(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         c == '-' || c == U'·';
}
// ，。；：！？ and line ends
inline bool IsClauseBreak(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return false;  // most characters: one test
  return c == U'，' || c == ',' || c == U'。' || c == U'；' || c == ';' || c == U'：' ||
         c == ':' || c == U'！' || c == '!' || c == U'？' || c == '?' || c == '\n' || c == '\r';
}

// Fields grouped by size (a long text holds hundreds of thousands of these:
// every byte counts in fresh memory), the title spans of persons kept as
// spans of the text rather than strings.
struct Mention {
  EntityType type = EntityType::kAgency;
  bool maximal = true;          // not inside another mention of its type
  // Programs: false when only cited (按照…要求), so it claims no metrics.
  bool credited = true;
  bool conducted = false;       // introduced by a conducting verb or a 以…为 frame
  bool framed = false;          // named in a 在…中 frame: the next clause's subject runs it
  bool field_work = true;       // done somewhere (行动), not a venue or medium (论坛, 平台)
  bool brand = false;           // a region's program of a nationwide brand (平安X建设)
  // Agencies: the first character is a one-character kind standing for the
  // parent, a body of that kind named before (厅党组 after 福建省交通运输厅).
  bool head_names_parent = false;
  // Agencies: the mention names its parent again (该局, 该站 after 友谊关边检站).
  bool anaphor = false;
  bool title_line = false;      // Documents: the text's own title (…统计公报 on its first line)
  uint32_t start = 0;  // normalised text
  uint32_t end = 0;
  // Agencies: the mention's parent body when the name contains it
  // (自治区公安厅|治安管理总队), as a span to resolve after recognition.
  uint32_t parent_start = 0, parent_end = 0;
  int parent = -1;
  int group = -1;               // programs listed together (“獴猎”“靖边”等)
  int entity = -1;              // filled by coreference
  // Persons: title (a span of the text) and agency from "AGENCY TITLE NAME".
  int post_agency = -1;
  TextRange title;
  std::u32string name;                  // normalised, without quotation marks
  std::vector<std::u32string> aliases;  // other names this mention also gives
  // Bare level word the name starts with (自治区): a view of the document's
  // text, which outlives every mention.
  std::u32string_view level_prefix;
  // Earlier posts of a chain (agency mention, title span): 厅党委委员、副厅长 (委员
  // in the 党委), 市禁毒办副主任、公安局禁毒支队政委 (副主任 in the 禁毒办).
  std::vector<std::pair<int, TextRange>> other_posts;
};

// Ascending starts (of sentences, of clauses, of mentions) with, for each
// bucket of 32 positions, the first start at or after it: a look-up searches
// one bucket, where a search over all the starts of a text of a hundred
// thousand clauses missed the cache at nearly every step.
class SortedStarts {
 public:
  void Assign(std::vector<uint32_t> starts);
  // How many starts are before `pos`.
  size_t CountBelow(uint32_t pos) const;
  // How many starts are at or before `pos`.
  size_t CountUpTo(uint32_t pos) const;
  uint32_t operator[](size_t k) const { return starts_[k]; }
  size_t size() const { return starts_.size(); }

 private:
  using Iterator = std::vector<uint32_t>::const_iterator;
  // The starts a search for `pos` needs to look at: those of its bucket.
  std::pair<Iterator, Iterator> BucketOf(uint32_t pos) const;

  static constexpr int kBucketShift = 5;
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> bucket_;  // bucket_[b]: the first start >= b << kBucketShift
};

class DocContext {
 public:
  DocContext(std::u32string_view text, const Segmentation& seg, const LexiconSet& lexicon);

  std::u32string_view text() const { return text_; }
  const Segmentation& seg() const { return seg_; }
  const std::vector<LexHit>& hits() const { return hits_; }

  // The longest hit with any of `roles` that starts (ends) exactly at `pos`.
  // Inline up to the per-position role test: recognisers ask at nearly every
  // position, and nearly every answer is "none".
  const LexHit* StartingAt(uint32_t pos, uint32_t roles) const {
    if (pos >= text_.size() || (starting_roles_[pos] & roles) == 0) return nullptr;
    return LongestStartingAt(pos, roles);
  }
  const LexHit* EndingAt(uint32_t pos, uint32_t roles) const {
    if (pos > text_.size() || (ending_roles_[pos] & roles) == 0) return nullptr;
    return LongestEndingAt(pos, roles);
  }
  // The level word at `pos`: the longest, except a collective one (省市) that
  // a kind word starting inside it breaks up: 省市场监督管理局 is 省 + 市场….
  const LexHit* LevelAt(uint32_t pos) const;
  // All hits overlapping [start, end) with any of `roles`.
  bool Overlapped(uint32_t start, uint32_t end, uint32_t roles, uint32_t min_end_beyond) const;
  // Whether a hit with `roles` overlaps `h` without being the same span
  // (贯彻 inside 学习贯彻): such a boundary word does not end a name.
  bool InsideLonger(const LexHit& h, uint32_t roles) const;

  std::u32string Slice(uint32_t start, uint32_t end) const {
    return std::u32string(text_.substr(start, end - start));
  }
  // Index of the sentence / paragraph holding `pos`, or -1.
  int SentenceAt(uint32_t pos) const;
  int ParagraphAt(uint32_t pos) const;
  // Clause bounds around pos (between clause breaks). A clause longer than
  // kMaxClauseChars is cut every kMaxClauseChars from its start, so that
  // what the rules scan in a clause is bounded (issue 21).
  TextRange ClauseAt(uint32_t pos) const;

  std::vector<Mention> mentions;
  std::u32string main_region_full;  // 内蒙古自治区, the document's province
  std::u32string main_city_full;    // 巴彦淖尔市, its most mentioned city or league, if any
  // The division the document is about (DocumentRegion: a county such as
  // 乐亭县 in a county's text), empty if none: its figures are that place's.
  std::u32string doc_region_full;
  // Regions the lexicon does not know, read off agency names (梧渠省 of
  // 梧渠省应急管理厅) and named at least twice; sorted.
  std::vector<std::u32string> inferred_regions;
  // The most named inferred region of each level word (县 → 梧湄县), for a
  // bare 县人民法院 when the document's city is another.
  std::map<std::u32string, std::u32string> region_by_level;

 private:
  const LexHit* LongestStartingAt(uint32_t pos, uint32_t roles) const;
  const LexHit* LongestEndingAt(uint32_t pos, uint32_t roles) const;

  std::u32string_view text_;
  const Segmentation& seg_;
  std::vector<LexHit> hits_;            // by start
  // CSR over hits_ by start. Arrays of the text's length written whole by
  // the constructor: left uninitialised by their allocation, as a vector
  // would zero them first.
  std::unique_ptr<uint32_t[]> start_index_;
  std::vector<uint32_t> by_end_;        // hit indices sorted by end
  std::vector<uint32_t> end_index_;     // CSR over by_end_
  // Per position, the roles of all hits starting / ending there: most
  // positions have none of the roles a recogniser asks for, and the answer
  // then costs one load instead of a walk over the hits' entries.
  std::unique_ptr<uint32_t[]> starting_roles_;
  std::vector<uint32_t> ending_roles_;
  // The clauses in text order: clause k is [clause_starts_[k], clause_ends_[k]],
  // its end the break that closes it (or a cut, or the end of the text).
  SortedStarts clause_starts_;
  std::vector<uint32_t> clause_ends_;
  SortedStarts sentence_starts_;  // of seg_.sentences
};

// Clauses of ordinary text are under 250 characters; a longer run without a
// clause break (lost punctuation, a flattened table) is cut at this length,
// which bounds every scan of a clause and keeps extraction linear.
inline constexpr uint32_t kMaxClauseChars = 512;

// Boundary roles: a name never extends leftwards across a word with these.
inline constexpr uint32_t kBoundaryRoles = kStopWord | kConductVerb | kCoopVerb | kIssueVerb |
                                           kBuildVerb | kReferenceVerb | kScopeWord |
                                           kBlocker;

// The recognisers, each appending to ctx->mentions.
void RecognizeAgencies(DocContext* ctx);
void RecognizePrograms(DocContext* ctx);
void RecognizePersons(DocContext* ctx);
void RecognizePlaces(DocContext* ctx);
void RecognizeDocuments(DocContext* ctx);

}  // namespace govkg::internal
