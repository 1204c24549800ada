// extract/segment.cc: paragraphs, sentences, enumeration items and speaker
// turns of a normalised press text (see segment_internal.h).
//
// Every rule here is about the shape of Chinese government prose (how lists
// are numbered, how transcripts label speakers), never about one text.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/text/segment_internal.h"

namespace govkg::internal {
namespace {

using View = std::u32string_view;

// One compare for nearly every character: all but two breaks are below U+0020.
bool IsLineBreak(char32_t c) {
  return c <= 0x2029 && (c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029);
}

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || c == 0xFEFF || c == 0x200B;
}

// The unified ideographs: most of a text, and never a mark any rule here
// looks for, so every scan skips them first.
bool IsIdeograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

bool IsHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

// Ends a sentence. Normalised text has half-width ! ? ; but the full-width
// forms are accepted too so un-normalised text segments the same way.
bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'!' || c == U'?' || c == U';' || c == U'！' || c == U'？' ||
         c == U'；';
}

bool IsComma(char32_t c) { return c == U',' || c == U'，'; }
bool IsColon(char32_t c) { return c == U':' || c == U'：'; }

// The code points of a paragraph that lie inside a matched quote pair (“…”,
// 《…》, 「…」, 『…』), the marks included, as sorted disjoint spans.
// Sentences and headings never end inside quotes. An opening mark never
// closed in the paragraph quotes nothing, so one stray “ does not swallow the
// rest of the paragraph.
class QuotedSpans {
 public:
  QuotedSpans() = default;
  QuotedSpans(View text, size_t start, size_t end) {
    std::vector<std::pair<size_t, char32_t>> open;  // position, expected closer
    for (size_t i = start; i < end; ++i) {
      const char32_t c = text[i];
      if (IsIdeograph(c)) continue;
      char32_t closer = 0;
      if (c == U'“') closer = U'”';
      if (c == U'《') closer = U'》';
      if (c == U'「') closer = U'」';
      if (c == U'『') closer = U'』';
      if (closer != 0) {
        open.emplace_back(i, closer);
        continue;
      }
      // Look a few levels down for the opener, skipping stray marks.
      for (size_t k = open.size(), tries = 0; k-- > 0 && tries < 8; ++tries) {
        if (open[k].second == c) {
          spans_.push_back({open[k].first, i + 1});
          open.resize(k);
          break;
        }
      }
    }
    // Pairs close inner first: sort by start and merge the nested ones.
    std::sort(spans_.begin(), spans_.end());
    size_t kept = 0;
    for (const auto& sp : spans_) {
      if (kept > 0 && sp.first < spans_[kept - 1].second) {
        spans_[kept - 1].second = std::max(spans_[kept - 1].second, sp.second);
      } else {
        spans_[kept++] = sp;
      }
    }
    spans_.resize(kept);
  }

  bool Contains(size_t pos) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), pos,
                               [](size_t p, const std::pair<size_t, size_t>& sp) { return p < sp.first; });
    return it != spans_.begin() && pos < (--it)->second;
  }

  // The end of the span holding `pos`, or `pos` when it is not quoted.
  size_t EndOfSpanAt(size_t pos) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), pos,
                               [](size_t p, const std::pair<size_t, size_t>& sp) { return p < sp.first; });
    return it != spans_.begin() && pos < (it - 1)->second ? (it - 1)->second : pos;
  }

 private:
  std::vector<std::pair<size_t, size_t>> spans_;  // [start, end)
};

// Value of a Chinese numeral 一…九十九 (or 〇/零-free forms), 0 if not one.
int ChineseNumeral(View s) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  auto digit = [](char32_t c) -> int {
    const size_t p = kDigits.find(c);
    return p == View::npos ? -1 : static_cast<int>(p);
  };
  if (s.empty() || s.size() > 3) return 0;
  if (s.size() == 1) {
    if (s[0] == U'十') return 10;
    const int d = digit(s[0]);
    return d > 0 ? d : 0;
  }
  const size_t ten = s.find(U'十');
  if (ten == View::npos) return 0;
  int tens = 1;
  if (ten == 1) {
    tens = digit(s[0]);
    if (tens <= 1) return 0;
  } else if (ten != 0) {
    return 0;
  }
  int ones = 0;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return 0;
    ones = digit(s[ten + 1]);
    if (ones <= 0) return 0;
  }
  return tens * 10 + ones;
}

// Length of a run of Chinese numeral characters at `i`.
size_t NumeralRun(View text, size_t i) {
  size_t j = i;
  while (j < text.size() && j - i < 3 && View(U"一二三四五六七八九十").find(text[j]) != View::npos) ++j;
  return j - i;
}

size_t DigitRun(View text, size_t i) {
  size_t j = i;
  while (j < text.size() && j - i < 3 && text[j] >= U'0' && text[j] <= U'9') ++j;
  return j - i;
}

int DigitValue(View s) {
  int v = 0;
  for (const char32_t c : s) v = v * 10 + static_cast<int>(c - U'0');
  return v;
}

// Numbering styles; items of one style at one place are siblings.
enum class Style { kShi, kDi, kDunHao, kParenHan, kArabic, kParenArabic };

struct Marker {
  size_t end = 0;           // end of the marker itself
  size_t heading_start = 0; // after its separator
  int ordinal = 0;
  Style style = Style::kShi;
};

bool IsOpenParen(char32_t c) { return c == U'(' || c == U'（'; }
bool IsCloseParen(char32_t c) { return c == U')' || c == U'）'; }

// A list marker starting at `i`. `line_start` allows the forms that are only
// markers at the start of a line ("一、", "1.").
bool MatchMarker(View text, size_t i, size_t limit, bool line_start, Marker* m) {
  auto sep_after = [&](size_t p) {
    while (p < limit && (IsComma(text[p]) || text[p] == U'、' || IsSpace(text[p]) ||
                         IsColon(text[p]) || text[p] == U'.')) {
      ++p;
    }
    return p;
  };
  if (i >= limit) return false;
  // 一是 …
  if (size_t n = NumeralRun(text, i); n > 0 && i + n < limit && text[i + n] == U'是') {
    const int v = ChineseNumeral(text.substr(i, n));
    if (v > 0) {
      *m = {i + n + 1, sep_after(i + n + 1), v, Style::kShi};
      return true;
    }
  }
  // 第一，…
  if (text[i] == U'第') {
    const size_t n = NumeralRun(text, i + 1);
    const size_t e = i + 1 + n;
    if (n > 0 && e < limit && (IsComma(text[e]) || text[e] == U'、' || IsColon(text[e]))) {
      const int v = ChineseNumeral(text.substr(i + 1, n));
      if (v > 0) {
        *m = {e, sep_after(e), v, Style::kDi};
        return true;
      }
    }
  }
  // （一） (1)
  if (IsOpenParen(text[i])) {
    if (size_t n = NumeralRun(text, i + 1); n > 0 && i + 1 + n < limit && IsCloseParen(text[i + 1 + n])) {
      const int v = ChineseNumeral(text.substr(i + 1, n));
      if (v > 0) {
        *m = {i + n + 2, sep_after(i + n + 2), v, Style::kParenHan};
        return true;
      }
    }
    if (size_t n = DigitRun(text, i + 1); n > 0 && i + 1 + n < limit && IsCloseParen(text[i + 1 + n])) {
      *m = {i + n + 2, sep_after(i + n + 2), DigitValue(text.substr(i + 1, n)), Style::kParenArabic};
      return m->ordinal > 0;
    }
  }
  if (!line_start) return false;
  // 一、
  if (size_t n = NumeralRun(text, i); n > 0 && i + n < limit && text[i + n] == U'、') {
    const int v = ChineseNumeral(text.substr(i, n));
    if (v > 0) {
      *m = {i + n + 1, sep_after(i + n + 1), v, Style::kDunHao};
      return true;
    }
  }
  // 1. 1、 (not 12.5)
  if (size_t n = DigitRun(text, i); n > 0 && i + n + 1 < limit) {
    const char32_t sep = text[i + n];
    const char32_t after = text[i + n + 1];
    if ((sep == U'、' || (sep == U'.' && !(after >= U'0' && after <= U'9'))) && !IsSpace(sep)) {
      *m = {i + n + 1, sep_after(i + n + 1), DigitValue(text.substr(i, n)), Style::kArabic};
      return m->ordinal > 0;
    }
  }
  return false;
}

// Sentences of ordinary text are under 3,000 characters (the longest of the
// samples, an English summary without 。, has 2,689); longer ones are cut.
constexpr size_t kMaxSentence = 4096;

// Headings longer than this are cut: a heading is one clause or sentence.
constexpr size_t kMaxHeading = 300;

// Heading: to the first sentence end, or to the first comma when the clause
// before it holds a quoted name (“护校安园”专项行动，…). `quoted` are the
// quoted spans of the paragraph.
size_t HeadingEnd(View text, size_t start, size_t limit, const QuotedSpans& quoted) {
  limit = std::min(limit, start + kMaxHeading);
  bool has_quote = false;
  for (size_t p = start; p < limit; ++p) {
    if (const size_t after = quoted.EndOfSpanAt(p); after != p) {
      has_quote = true;
      p = std::min(after, limit) - 1;  // over the quote
      continue;
    }
    const char32_t c = text[p];
    if (IsSentenceEnd(c)) return p;
    if (IsComma(c) && has_quote) return p;
  }
  return limit;
}

// Titles that precede a person's name in a speaker label.
constexpr std::array<std::u32string_view, 52> kTitles = {
    U"局长", U"厅长", U"队长", U"处长", U"科长", U"部长", U"市长", U"县长", U"省长",
    U"区长", U"旗长", U"盟长", U"主席", U"主任", U"书记", U"政委", U"委员", U"院长",
    U"所长", U"站长", U"馆长", U"校长", U"会长", U"社长", U"台长", U"行长", U"署长",
    U"司长", U"检察长", U"庭长", U"秘书长", U"理事长", U"董事长", U"经理", U"总监",
    U"负责人", U"发言人", U"专家", U"教授", U"研究员", U"工程师", U"主管", U"民警",
    U"警官", U"医生", U"律师", U"代表", U"同志", U"组长", U"镇长", U"乡长", U"村长"};
// Roles that are the whole speaker ("新华网记者：").
constexpr std::array<std::u32string_view, 7> kRoles = {
    U"记者", U"主持人", U"发布人", U"发言人", U"问", U"答", U"主持"};

bool EndsWith(View s, View suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Is text[start, colon) a speaker label? Sets the name part.
bool MatchSpeakerLabel(View text, size_t start, size_t colon, TextRange* speaker) {
  const View label = text.substr(start, colon - start);
  if (label.empty() || label.size() > 40) return false;
  for (const char32_t c : label) {
    if (IsSentenceEnd(c) || IsComma(c) || c == U'“' || c == U'”' || c == U'《' ||
        c == U'、' || (c >= U'0' && c <= U'9') || IsSpace(c)) {
      return false;
    }
  }
  // Title + name (2–6 Han characters or a "·" name): the longest name wins.
  for (size_t len = std::min<size_t>(label.size() - 1, 8); len >= 2; --len) {
    const View name = label.substr(label.size() - len);
    const bool name_ok = std::all_of(name.begin(), name.end(),
                                     [](char32_t c) { return IsHan(c) || c == U'·'; }) &&
                         IsHan(name.front()) && IsHan(name.back()) &&
                         (len <= 6 || name.find(U'·') != View::npos);
    if (!name_ok) continue;
    const View before = label.substr(0, label.size() - len);
    for (const View title : kTitles) {
      if (EndsWith(before, title)) {
        speaker->start = static_cast<uint32_t>(colon - len);
        speaker->end = static_cast<uint32_t>(colon);
        return true;
      }
    }
  }
  for (const View role : kRoles) {
    if (role.size() == 1 ? label == role : EndsWith(label, role)) {
      speaker->start = speaker->end = static_cast<uint32_t>(colon);
      return true;
    }
  }
  return false;
}

// Skips a leading "[bookmark: …]"-style annotation left by document converters.
size_t SkipAnnotation(View text, size_t start, size_t end) {
  if (start < end && text[start] == U'[') {
    for (size_t p = start + 1; p < end && p - start <= 60; ++p) {
      if (text[p] == U']') return p + 1;
    }
  }
  return start;
}

class Segmenter {
 public:
  explicit Segmenter(View text) : text_(text) {}

  Segmentation Run() {
    FindParagraphs();
    for (size_t p = 0; p < out_.paragraphs.size(); ++p) {
      const TextRange r = out_.paragraphs[p].range;
      quoted_ = QuotedSpans(text_, r.start, r.end);
      FindSentences(static_cast<int>(p));
      FindTurn(static_cast<int>(p));
      FindItems(static_cast<int>(p));
    }
    CloseTurn(out_.paragraphs.empty() ? 0 : out_.paragraphs.back().range.end);
    return std::move(out_);
  }

 private:
  void FindParagraphs() {
    size_t i = 0;
    const size_t n = text_.size();
    while (i < n) {
      size_t e = i;
      while (e < n && !IsLineBreak(text_[e])) ++e;
      size_t s = i, t = e;
      while (s < t && IsSpace(text_[s])) ++s;
      while (t > s && IsSpace(text_[t - 1])) --t;
      if (t > s) out_.paragraphs.push_back({{static_cast<uint32_t>(s), static_cast<uint32_t>(t)}});
      i = e + 1;
    }
  }

  void FindSentences(int p) {
    const TextRange r = out_.paragraphs[static_cast<size_t>(p)].range;
    size_t start = r.start;
    for (size_t i = r.start; i < r.end; ++i) {
      if (IsIdeograph(text_[i]) || !IsSentenceEnd(text_[i]) || quoted_.Contains(i)) continue;
      size_t end = i + 1;
      while (end < r.end && IsSentenceEnd(text_[end])) ++end;  // "?!" "。。"
      AddSentence(start, end, p);
      start = end;
      i = end - 1;
    }
    AddSentence(start, r.end, p);
  }

  void AddSentence(size_t start, size_t end, int p) {
    while (start < end && IsSpace(text_[start])) ++start;
    // A sentence longer than kMaxSentence (a list of thousands of names, a
    // page that lost its full stops) is cut after its last comma or 、 in the
    // second half of the bound, else at the bound: the relation rules look at
    // whole sentences, and a bounded sentence keeps them linear (issue 21).
    while (end - start > kMaxSentence) {
      size_t cut = start + kMaxSentence;
      for (size_t k = cut; k > start + kMaxSentence / 2; --k) {
        if (IsComma(text_[k - 1]) || text_[k - 1] == U'、') {
          cut = k;
          break;
        }
      }
      out_.sentences.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(cut)}, p});
      start = cut;
      while (start < end && IsSpace(text_[start])) ++start;
    }
    if (start < end) {
      out_.sentences.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, p});
    }
  }

  void FindTurn(int p) {
    Paragraph& para = out_.paragraphs[static_cast<size_t>(p)];
    const size_t s = para.range.start;
    const size_t limit = std::min<size_t>(para.range.end, s + 41);
    for (size_t i = s; i < limit; ++i) {
      if (!IsColon(text_[i])) continue;
      TextRange speaker;
      if (i + 1 < para.range.end &&
          (MatchSpeakerLabel(text_, s, i, &speaker) || NamedBefore(s, i, &speaker))) {
        CloseTurn(PreviousParagraphEnd(p));
        SpeakerTurn turn;
        turn.label = {static_cast<uint32_t>(s), static_cast<uint32_t>(i)};
        turn.speaker = speaker;
        turn.start_to_end = {static_cast<uint32_t>(i + 1), para.range.end};
        out_.turns.push_back(turn);
        open_turn_ = static_cast<int>(out_.turns.size()) - 1;
        styles_.clear();  // numbering restarts with each answer
      }
      break;
    }
    para.speaker_turn = open_turn_;
  }

  // A bare name as the label (赵卫国：) of someone the text has named in
  // the stretch before (…副厅长赵卫国同志): a transcript's speaker.
  bool NamedBefore(size_t start, size_t colon, TextRange* speaker) {
    constexpr size_t kMinName = 2, kMaxName = 4;
    constexpr size_t kLookBack = 3000;  // characters: the introduction, not the whole text
    const size_t len = colon - start;
    if (len < kMinName || len > kMaxName) return false;
    const View name = text_.substr(start, len);
    if (!std::all_of(name.begin(), name.end(), IsHan)) return false;
    // A transcript has a few speakers: the names asked about are remembered,
    // and past kMaxNames new ones are not searched (a page of "X：" lines
    // would otherwise search kLookBack characters each).
    constexpr size_t kMaxNames = 64;
    auto known = bare_names_.find(std::u32string(name));
    if (known == bare_names_.end()) {
      if (bare_names_.size() >= kMaxNames) return false;
      const size_t from = start > kLookBack ? start - kLookBack : 0;
      known = bare_names_.emplace(name, text_.substr(from, start - from).find(name) != View::npos).first;
    }
    if (!known->second) return false;
    speaker->start = static_cast<uint32_t>(start);
    speaker->end = static_cast<uint32_t>(colon);
    return true;
  }

  uint32_t PreviousParagraphEnd(int p) const {
    return p > 0 ? out_.paragraphs[static_cast<size_t>(p) - 1].range.end : 0;
  }

  void CloseTurn(uint32_t end) {
    if (open_turn_ >= 0) {
      TextRange& r = out_.turns[static_cast<size_t>(open_turn_)].start_to_end;
      r.end = std::max(r.start, end);
    }
    open_turn_ = -1;
  }

  // Nesting level of a style: styles seen so far form a stack, as in an
  // outline (一、 then （一） then 1.); a style already on the stack pops
  // back to its level.
  int LevelOf(Style style, std::vector<Style>* stack) {
    const auto it = std::find(stack->begin(), stack->end(), style);
    if (it != stack->end()) {
      stack->erase(it + 1, stack->end());
      return static_cast<int>(stack->size()) - 1;
    }
    stack->push_back(style);
    return static_cast<int>(stack->size()) - 1;
  }

  void FindItems(int p) {
    Paragraph& para = out_.paragraphs[static_cast<size_t>(p)];
    const size_t end = para.range.end;
    size_t start = para.range.start;
    // A speaker label is not part of the list text.
    if (para.speaker_turn >= 0 &&
        out_.turns[static_cast<size_t>(para.speaker_turn)].label.start == start) {
      start = out_.turns[static_cast<size_t>(para.speaker_turn)].start_to_end.start;
    }
    start = SkipAnnotation(text_, start, end);
    Marker m;
    int parent = -1;
    int parent_level = -1;
    if (MatchMarker(text_, start, end, /*line_start=*/true, &m)) {
      parent = AddItem(start, m, LevelOf(m.style, &styles_), p, end);
      parent_level = out_.items[static_cast<size_t>(parent)].level;
      para.enumeration = parent;
    }
    // Items inside the paragraph: "…如下：一是…；二是…。" They start after
    // a sentence end or a colon, outside quotes.
    std::vector<Style> inner;
    int last_inline = -1;
    for (size_t i = start; i + 1 < end; ++i) {
      const char32_t c = text_[i];
      if (IsIdeograph(c) || !(IsSentenceEnd(c) || IsColon(c)) || quoted_.Contains(i)) continue;
      size_t j = i + 1;
      while (j < end && IsSpace(text_[j])) ++j;
      if (!MatchMarker(text_, j, end, /*line_start=*/false, &m)) continue;
      // Only a plausible sequence: the first inline item of a style is 1.
      const bool known = std::find(inner.begin(), inner.end(), m.style) != inner.end();
      if (!known && m.ordinal != 1) continue;
      const int level = parent_level + 1 + LevelOf(m.style, &inner);
      if (last_inline >= 0) {
        out_.items[static_cast<size_t>(last_inline)].body.end = static_cast<uint32_t>(i + 1);
      }
      last_inline = AddItem(j, m, level, p, end);
      out_.items[static_cast<size_t>(last_inline)].parent = parent;
      i = m.heading_start > 0 ? m.heading_start - 1 : i;
    }
  }

  int AddItem(size_t marker_start, const Marker& m, int level, int p, size_t end) {
    EnumerationItem item;
    item.marker = {static_cast<uint32_t>(marker_start), static_cast<uint32_t>(m.end)};
    const size_t h_end = HeadingEnd(text_, m.heading_start, end, quoted_);
    item.heading = {static_cast<uint32_t>(m.heading_start), static_cast<uint32_t>(h_end)};
    item.ordinal = m.ordinal;
    item.level = level;
    item.paragraph = p;
    item.body = {static_cast<uint32_t>(marker_start), static_cast<uint32_t>(end)};
    out_.items.push_back(item);
    return static_cast<int>(out_.items.size()) - 1;
  }

  View text_;
  Segmentation out_;
  int open_turn_ = -1;
  std::unordered_map<std::u32string, bool> bare_names_;  // NamedBefore's answers
  QuotedSpans quoted_;         // of the current paragraph
  std::vector<Style> styles_;  // paragraph-level numbering styles, outermost first
};

}  // namespace

Segmentation Segment(const std::u32string& normalized_text) {
  return Segmenter(normalized_text).Run();
}

}  // namespace govkg::internal
