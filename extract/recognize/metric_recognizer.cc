// extract/metric_recognizer.cc: the metrics of a normalised text in one pass.
//
// The scan keeps clause, sentence, paragraph and quotation state and only
// does work where a number starts. For a number it reads the unit and
// qualifiers around it, decides whether it is a change (同比下降19.27%), a
// target (确保…90%) or no metric at all (dates, 个月, numbers in quotes), and
// builds the name from the clause before it (破获刑事案件399起) or around it
// (设立7个边境管理政务服务中心). Decisions are documented at each step.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "extract/recognize/metric_internal.h"
#include "extract/vocabulary/metric_lexicon_internal.h"
#include "extract/recognize/metric_name_internal.h"
#include "extract/recognize/metric_quantity_internal.h"
#include "extract/recognize/metric_table_internal.h"
#include "extract/text/decode_internal.h"

namespace govkg::internal {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr size_t kMaxRegion = 40;  // a name is built from at most this much text
constexpr size_t kMaxTail = 20;    // …and at most this much after the unit

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?' ||
         c == U';' || c == U'\n';
}
bool IsClauseEnd(char32_t c) {
  return c == U'，' || c == U',' || c == U'：' || c == U':' || c == U'【' || c == U'】';
}
bool IsOpenParen(char32_t c) { return c == U'(' || c == U'（'; }
bool IsCloseParen(char32_t c) { return c == U')' || c == U'）'; }
bool IsHan(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }
// The unified ideographs: never a mark any scan here stops at.
bool IsIdeograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }
// After a unit, these mean the number closed its phrase (…5.2万发及一批危爆物品).
bool ClosesPhrase(char32_t c) {
  return c == U'、' || c == U'和' || c == U'及' || c == U'与' || c == U'并' || c == U'等' ||
         c == U'(' || c == U')' || c == U'（' || c == U'）';
}
bool IsOpenQuote(char32_t c) { return c == U'“' || c == U'《' || c == U'‘' || c == U'「'; }

// The BMP characters the scan of Find() does something with: everything
// else, outside a clause start, is stepped over with one byte test (the scan
// visits every character of every document).
std::vector<uint8_t> ScanTable() {
  std::vector<uint8_t> t(0x10000);
  for (char32_t k = 0; k < 0x10000; ++k) {
    t[k] = IsSentenceEnd(k) || IsClauseEnd(k) || IsOpenParen(k) || IsCloseParen(k) || k == U' ' ||
           k == U'\t' || k == U'\r' || k == U'\u3000' || k == U'\n' || IsOpenQuote(k) || k == U'"' ||
           IsNumberChar(k);
  }
  return t;
}
bool IsCloseQuote(char32_t c) { return c == U'”' || c == U'》' || c == U'’' || c == U'」'; }
bool IsAsciiLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
char32_t At(std::u32string_view text, size_t i) { return i < text.size() ? text[i] : 0; }

// What the scan remembers inside one sentence and one paragraph.
struct ScanState {
  size_t sentence_start = 0;
  size_t clause_start = 0;
  // numbers before this position are inside a quoted name (清风2023)
  size_t quote_end = 0;
  // clause starts saved at each open bracket: after 抵边(流动)警务室 the
  // clause goes on from before the bracket
  std::vector<size_t> paren_saved;
  // 侵财、盗窃案件同比分别下降26.5%和31.1%: the items still waiting for
  // their numbers, and whether they are changes
  std::vector<std::u32string> pending_items;
  // …and their subjects, when the items name who has each figure
  // (哈尔滨市、绥化市耕作面积分别达到1200万亩和1100万亩)
  std::vector<TextRange> pending_subjects;
  bool pending_change = false;
  bool pending_down = false;
  bool pending_month = false;  // …环比分别增长: the changes are named …环比
  // the previous metric of this sentence: where it ended, its name and verb
  size_t prev_end = kNone;
  std::u32string prev_name;
  std::u32string prev_verb;
  std::string prev_unit;
  // target cues seen in this sentence, scanned lazily up to target_scanned
  size_t target_scanned = 0;
  bool target_seen = false;
  // paragraph-wide: the current period and the last non-change metric's name
  std::u32string period;
  TextRange period_range;  // where the paragraph's period stands
  std::u32string prev_base;
  std::u32string prev_share;  // the last share named in full (占不合格总数)
  // the names of this sentence's metrics since its last change: 发生事故236起、
  // 死亡198人，同比分别下降15.2%和12.8% pairs them with the changes
  std::vector<std::u32string> sentence_names;
  // the changed thing of the previous metric when that was a change
  std::u32string prev_change;
  bool prev_change_down = false;

  void NewSentence(size_t start) {
    sentence_start = clause_start = target_scanned = start;
    paren_saved.clear();
    pending_items.clear();
    pending_subjects.clear();
    prev_end = kNone;
    prev_name.clear();
    sentence_names.clear();
    prev_change.clear();
    prev_verb.clear();
    target_seen = false;
  }
  void NewParagraph(size_t start) {
    NewSentence(start);
    period.clear();
    period_range = {};
    prev_base.clear();
    prev_share.clear();
  }
};

class LexiconMetricRecognizer final : public MetricRecognizer {
 public:
  explicit LexiconMetricRecognizer(MetricLexicon lexicon)
      : lex_(std::move(lexicon)), names_(lex_), scan_table_(ScanTable()) {}

  std::vector<MetricMention> Find(std::u32string_view text,
                                  const Segmentation& segmentation) const override {
    std::vector<MetricMention> out;
    // A long text reserves room for a figure every 16 characters (ordinary
    // text has one in 60 or so, a run of figures one in 8): pages never
    // written cost nothing, and growth by doubling moved every figure again.
    constexpr size_t kReserveFrom = 16384, kCharsPerFigure = 16;
    if (text.size() >= kReserveFrom) out.reserve(text.size() / kCharsPerFigure);
    ScanState st;
    st.NewParagraph(0);
    bool at_clause_start = true;
    size_t i = 0;
    while (i < text.size()) {
      const char32_t c = text[i];
      if (!at_clause_start && c < 0x10000 && scan_table_[c] == 0) {
        ++i;
        continue;
      }
      if (c == U'\n') {
        st.NewParagraph(i + 1);
        at_clause_start = true;
        ++i;
        continue;
      }
      if (IsSentenceEnd(c)) {
        st.NewSentence(i + 1);
        at_clause_start = true;
        ++i;
        continue;
      }
      if (IsClauseEnd(c)) {
        st.clause_start = i + 1;
        at_clause_start = true;
        ++i;
        continue;
      }
      if (IsOpenParen(c)) {
        st.paren_saved.push_back(st.clause_start);
        st.clause_start = i + 1;
        at_clause_start = true;
        ++i;
        continue;
      }
      if (IsCloseParen(c)) {
        if (!st.paren_saved.empty()) {
          st.clause_start = st.paren_saved.back();
          st.paren_saved.pop_back();
        }
        ++i;
        continue;
      }
      if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000') {
        if (at_clause_start) st.clause_start = i + 1;
        ++i;
        continue;
      }
      if (at_clause_start) {
        at_clause_start = false;
        // A time phrase opening a clause sets the period for what follows;
        // quoted speech may open with one (“今年以来，…).
        size_t at = i;
        size_t len = std::max(lex_.MatchPeriodAt(text, at), PeriodClauseAt(text, at));
        if (len == 0 && c == U'“') {
          at = i + 1;
          len = std::max(lex_.MatchPeriodAt(text, at), PeriodClauseAt(text, at));
        }
        if (len > 0) {
          st.period.assign(text.substr(at, len));
          st.period_range = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + len)};
          st.clause_start = at + len;
          i = at + len;
          continue;
        }
      }
      if ((IsOpenQuote(c) || c == U'"') && i >= st.quote_end) {
        st.quote_end = QuotedNameEnd(text, i);
      }
      if (!IsNumberChar(c)) {
        ++i;
        continue;
      }
      i = TryMetricAt(text, i, st, out);
    }
    std::vector<MetricMention> cells = FindTableMetrics(text, lex_, out);
    if (!cells.empty()) {
      std::vector<MetricMention> merged;
      merged.reserve(out.size() + cells.size());
      std::merge(std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()),
                 std::make_move_iterator(cells.begin()), std::make_move_iterator(cells.end()),
                 std::back_inserter(merged), [](const MetricMention& a, const MetricMention& b) {
                   return a.number.start < b.number.start;
                 });
      out = std::move(merged);
    }
    AssignSentences(segmentation, out);
    return out;
  }

 private:
  // Tries to read a metric whose number starts at text[pos]; returns where
  // the scan continues (past the number either way).
  size_t TryMetricAt(std::u32string_view text, size_t pos, ScanState& st,
                     std::vector<MetricMention>& out) const;

  bool TargetBefore(std::u32string_view text, size_t pos, ScanState& st) const;

  // One change of the figure in `change` (its value signed) per item of a
  // listed *base: each place's own (成都市、绵阳市事故起数 → 事故起数同比,
  // reported by each place), or each like noun's (刑事案件、治安案件). Sets
  // *base to the name the items share, or to the last item's. False when
  // the base is no list.
  // The name shared by `items` when they are regions (襄阳市、宜昌市) listed
  // in [start, end): `before` without a region of its own; their spans go to
  // `spans`. Empty when they are not.
  // The spans of the subjects listed in [start, end) before 分别 and `verb`
  // alone after it (锦州港、丹东港分别完成), or none.
  std::vector<TextRange> SubjectsDoingAgain(std::u32string_view text, size_t start, size_t end,
                                            const std::u32string& verb) const;
  std::u32string SharedOfRegions(std::u32string_view text, size_t start, size_t end,
                                 const std::vector<std::u32string>& items, const std::u32string& before,
                                 std::vector<TextRange>* spans) const;
  bool EmitDistributedChange(std::u32string_view text, size_t region_start, size_t region_end,
                             const char* suffix, const MetricMention& change, std::u32string* base,
                             std::vector<MetricMention>& out) const;

  // Quotes around a name (“清风2023”, “四个100%”, 《…2023年…》) hide its
  // numbers; quoted speech (“今年以来，我们破获…。”) does not. A name is short
  // and has no clause punctuation; returns the position after its closing
  // quote, or `open` when the quote is not around a name.
  static size_t QuotedNameEnd(std::u32string_view text, size_t open) {
    const char32_t o = text[open];
    const char32_t close = o == U'“' ? U'”' : o == U'《' ? U'》' : o == U'‘' ? U'’'
                         : o == U'「' ? U'」' : U'"';
    const size_t limit = o == U'《' ? 80 : 24;
    for (size_t k = open + 1; k < text.size() && k - open <= limit; ++k) {
      const char32_t c = text[k];
      if (c == close) return k + 1;
      if (IsSentenceEnd(c) || (o != U'《' && (c == U'，' || c == U','))) break;
    }
    return open;
  }

  // A whole short clause ending in a word of metric_period_clauses.txt (以来,
  // 期间 …) is a period: 专项行动开展以来，… / 自2023年3月开展专项行动以来，…
  // Returns its length.
  size_t PeriodClauseAt(std::u32string_view text, size_t pos) const {
    constexpr size_t kMaxPeriodClause = 24;
    const size_t limit = std::min(text.size(), pos + kMaxPeriodClause);
    size_t k = pos;
    // ideographs first: they are most of the clause and never end it
    while (k < limit && (IsIdeograph(text[k]) || (!IsSentenceEnd(text[k]) && !IsClauseEnd(text[k])))) {
      ++k;
    }
    if (k >= text.size() || !IsClauseEnd(text[k]) || k - pos < 3) return 0;
    // floor pos + 1: the word must close something, not be the whole clause
    if (lex_.period_clause_ends.LongestEndingAt(text, k, pos + 1).length == 0) return 0;
    const std::u32string_view clause = text.substr(pos, k - pos);
    // a quotation opened here and closed later is not a time phrase
    if (std::count(clause.begin(), clause.end(), U'“') != std::count(clause.begin(), clause.end(), U'”')) {
      return 0;
    }
    // nor is a clause that opens a parenthesis: 破获案件5748起（其中，…
    if (clause.find(U'(') != std::u32string_view::npos) return 0;
    // nor a set of counted things (13个设区市中, 纳入考核的210个断面中): 中
    // after a count closes where, not when
    if (clause.back() == U'中' && HoldsCount(text, pos, k)) return 0;
    return clause.size();
  }

  // Whether a number in [start, end) is followed by a measure word (13个).
  bool HoldsCount(std::u32string_view text, size_t start, size_t end) const {
    for (size_t i = start; i < end; ++i) {
      if (!IsDigit(text[i]) || (i + 1 < end && (IsDigit(text[i + 1]) || text[i + 1] == U'.'))) continue;
      const Trie<UnitEntry>::Match u = lex_.units.LongestAt(text, i + 1);
      if (u.length > 0 && !u.payload->base.empty() && i + 1 + u.length <= end) return true;
    }
    return false;
  }

  // The unit implied by the words right before the number (点击量突破百万 → 次).
  const std::string* ImpliedUnit(std::u32string_view text, size_t pos, const ScanState& st) const {
    const size_t floor = std::max(st.clause_start, st.prev_end == kNone ? size_t{0} : st.prev_end);
    size_t end = pos;
    if (const EndingMatch<QualifierEntry> q = lex_.qualifiers.LongestEndingAt(text, end, floor);
        q.length > 0 && q.payload->before_number && !q.payload->word) {
      end -= q.length;
    }
    return lex_.implied_units.LongestEndingAt(text, end, floor).payload;
  }

  static void AssignSentences(const Segmentation& seg, std::vector<MetricMention>& out) {
    size_t s = 0;
    for (MetricMention& m : out) {
      while (s < seg.sentences.size() && seg.sentences[s].range.end <= m.number.start) ++s;
      if (s < seg.sentences.size() && seg.sentences[s].range.start <= m.number.start) {
        m.sentence = static_cast<int>(s);
      }
    }
  }

  const MetricLexicon lex_;
  const MetricNamer names_;
  const std::vector<uint8_t> scan_table_;  // ScanTable()
};

// Is there a target cue (确保, 力争, 到2025年 …) in the sentence before pos?
bool LexiconMetricRecognizer::TargetBefore(std::u32string_view text, size_t pos,
                                           ScanState& st) const {
  for (size_t k = st.target_scanned; k < pos && !st.target_seen; ++k) {
    if (const Trie<int>::Match t = lex_.targets.LongestAt(text, k); t.length > 0) {
      // 将建成, 计划投资: a plan only when a metric verb follows
      const Trie<VerbKind>::Match v = lex_.verbs.LongestAt(text, k + t.length);
      if (*t.payload == 0 || (v.length > 0 && *v.payload != VerbKind::kNotVerb)) st.target_seen = true;
    }
    // 到2025年: a deadline, unless it closes a range (2021年到2023年)
    if (text[k] == U'到' && IsDigit(At(text, k + 1)) && IsDigit(At(text, k + 4)) &&
        At(text, k + 5) == U'年' && (k == 0 || (text[k - 1] != U'年' && !IsDigit(text[k - 1])))) {
      st.target_seen = true;
    }
  }
  st.target_scanned = std::max(st.target_scanned, pos);
  return st.target_seen;
}

bool LexiconMetricRecognizer::EmitDistributedChange(std::u32string_view text, size_t region_start,
                                                    size_t region_end, const char* suffix,
                                                    const MetricMention& change, std::u32string* base,
                                                    std::vector<MetricMention>& out) const {
  std::vector<std::u32string> items = names_.SplitList(*base);
  if (items.size() < 2) return false;
  const MetricNamer::ListReading list = names_.ReadList(text, region_start, region_end, std::move(items));
  for (size_t i = 0; i < list.names.size(); ++i) {
    MetricMention item = change;
    item.name = MetricEncodeUtf8(list.names[i]) + suffix;
    if (!list.subjects.empty()) {
      item.subject = list.subjects[i];
      item.range.start = list.subjects[i].start;
    }
    out.push_back(std::move(item));
  }
  *base = list.names.back();
  return true;
}

std::vector<TextRange> LexiconMetricRecognizer::SubjectsDoingAgain(std::u32string_view text, size_t start,
                                                                   size_t end, const std::u32string& verb) const {
  constexpr size_t kMinSubject = 2, kMaxSubject = 8;
  constexpr std::u32string_view kRespectively = U"分别";
  std::vector<TextRange> spans;
  const size_t at = text.substr(0, end).find(kRespectively, start);
  if (at == std::u32string_view::npos || text.substr(at + kRespectively.size(), end - at - kRespectively.size()) != verb) {
    return spans;
  }
  size_t item_start = start;
  for (size_t k = start; k <= at; ++k) {
    if (k < at && text[k] != U'、' && text[k] != U'和') continue;
    if (k - item_start < kMinSubject || k - item_start > kMaxSubject || names_.Clean(text, item_start, k).has_verb) {
      return {};
    }
    spans.push_back({static_cast<uint32_t>(item_start), static_cast<uint32_t>(k)});
    item_start = k + 1;
  }
  if (spans.size() < 2) spans.clear();
  return spans;
}

std::u32string LexiconMetricRecognizer::SharedOfRegions(std::u32string_view text, size_t start, size_t end,
                                                        const std::vector<std::u32string>& items,
                                                        const std::u32string& before,
                                                        std::vector<TextRange>* spans) const {
  constexpr size_t kMaxRegionName = 6;
  if (items.size() < 2 || before.empty()) return {};
  const auto level = [&](char32_t c) { return lex_.level_chars.find(c) != std::u32string::npos; };
  size_t from = start;
  for (const std::u32string& item : items) {
    if (item.size() < 2 || item.size() > kMaxRegionName || !level(item.back())) return {};
    const size_t at = text.substr(0, end).find(item, from);
    if (at == std::u32string_view::npos) return {};
    spans->push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + item.size())});
    from = at + item.size();
  }
  // The thing changed before, without its own region (武汉市规模以上工业增加值).
  for (size_t j = 2; j <= kMaxRegionName && j + 2 <= before.size(); ++j) {
    if (before[j - 1] == items.front().back()) return before.substr(j);
  }
  return before;
}

size_t LexiconMetricRecognizer::TryMetricAt(std::u32string_view text, size_t pos, ScanState& st,
                                            std::vector<MetricMention>& out) const {
  ParsedNumber n = ParseNumberAt(text, pos);
  if (n.length == 0) return pos + 1;
  const size_t number_end = pos + n.length;
  // Numbers inside quotations and titles are names (清风2023, “四个100%”).
  if (pos < st.quote_end) return number_end;
  // Part of a code, an ordinal, a rate base or an indefinite amount: G6, 第3,
  // 每10万人, 数百, 1·3·5.
  const char32_t before = pos > 0 ? text[pos - 1] : 0;
  if (IsAsciiLetter(before) || IsDigit(before) || before == U'.' || before == U'第' ||
      before == U'·' || before == U'-' || before == U'—' || before == U'#' || before == U'每' ||
      IsAsciiLetter(At(text, number_end))) {
    return number_end;
  }
  if (n.is_chinese && (before == U'数' || before == U'几' || before == U'若' || before == U'上' ||
                       before == U'成' || before == U'好' || IsNumberChar(before))) {
    return number_end;
  }
  Quantity quantity = ReadQuantity(lex_, text, pos, n);
  if (quantity.unit.empty()) {
    // 点击量突破百万: the name implies the unit.
    const std::string* implied = quantity.end == number_end ? ImpliedUnit(text, pos, st) : nullptr;
    // 优良天数236.5天: the implied unit may be written, though no measure word
    // of its own (天 is a duration elsewhere).
    if (implied != nullptr) {
      const std::u32string written = FromUtf8(*implied);
      if (text.substr(quantity.end, written.size()) == written) quantity.end += written.size();
    }
    const char32_t next = At(text, quantity.end);
    const bool alone = next == 0 || IsSentenceEnd(next) || IsClauseEnd(next) || next == U'、';
    if (implied == nullptr || !alone) return std::max(quantity.end, number_end);
    quantity.unit = *implied;
  }
  const double value = quantity.value;
  const double high = quantity.high;
  const std::string& unit = quantity.unit;
  std::string qualifier = quantity.qualifier;
  n.is_percent = quantity.is_percent;
  const size_t after = quantity.end;
  // 400 digits in a row are no quantity (and would not survive JSON).
  if (!std::isfinite(value) || std::fabs(value) > 1e18) return after;
  const char32_t next = At(text, after);
  const bool post_nominal = after >= text.size() || IsSentenceEnd(next) || IsClauseEnd(next) ||
                            ClosesPhrase(next) || IsCloseQuote(next) || IsNumberChar(next) ||
                            lex_.changes.LongestAt(text, after).length > 0;
  // Chinese numerals are words too (一个重要, 两件大事, 千家万户): small ones
  // count only when they close a clause; bare 十/百/千 need a qualifier.
  if (n.is_chinese && !post_nominal && (value < 10 || (n.length < 2 && qualifier.empty()))) {
    return after;
  }
  if (TargetBefore(text, pos, st)) return after;

  // pre-qualifier: 近820处, 达3万余人次, 超过15万人
  size_t region_end = pos;
  const size_t region_floor = std::max({st.clause_start, st.sentence_start,
                                        st.prev_end == kNone ? size_t{0} : st.prev_end});
  if (const EndingMatch<QualifierEntry> q =
          lex_.qualifiers.LongestEndingAt(text, pos, region_floor);
      q.length > 0 && q.payload->before_number && !q.payload->word) {
    region_end -= q.length;
    if (qualifier.empty()) qualifier = q.payload->canonical;
  }
  size_t region_start = std::max(region_floor, region_end > kMaxRegion ? region_end - kMaxRegion : 0);
  const bool follows_metric = st.prev_end != kNone && region_start == st.prev_end;
  if (follows_metric) region_start = names_.SkipListSeparators(text, region_start, region_end);

  MetricMention m;
  m.number = {static_cast<uint32_t>(pos), static_cast<uint32_t>(after)};
  m.range = {static_cast<uint32_t>(region_start), static_cast<uint32_t>(after)};
  m.value.unit = unit;
  m.value.qualifier = qualifier;
  m.range_high = high;
  std::u32string region_period;
  const NameRegion region = names_.Analyse(text, region_start, region_end, &region_period);
  m.value.period = MetricEncodeUtf8(region_period.empty() ? st.period : region_period);
  if (region_period.empty()) m.period = st.period_range;

  // 一个, 一起, 三项 are words far more often than counts: a small Chinese
  // numeral needs a verb of its own (打掉涉黑团伙一个, not 和大家一起).
  if (n.is_chinese && value < 10 && !region.has_verb) return after;
  const bool region_empty = !region.change && !region.has_verb &&
                            (region.items.empty() || (region.items.size() == 1 && region.items[0].empty()));
  // relative changes (%, 个百分点, 倍) are named 同比, absolute ones 较上年
  const bool percent = n.is_percent || unit == "个百分点" || unit == "倍";
  // The next item of a 分别 list: 侵财、盗窃案件同比分别下降26.5%和31.1%.
  if (follows_metric && region_empty && !st.pending_items.empty()) {
    m.name = MetricEncodeUtf8(st.pending_items.front());
    st.pending_items.erase(st.pending_items.begin());
    if (!st.pending_subjects.empty()) {
      m.subject = st.pending_subjects.front();
      st.pending_subjects.erase(st.pending_subjects.begin());
    }
    m.is_change = st.pending_change;
    m.value.value = st.pending_change && st.pending_down ? -value : value;
    if (st.pending_change) m.name += st.pending_month ? "环比" : percent ? "同比" : "较上年";
    out.push_back(std::move(m));
    st.prev_end = after;
    return after;
  }
  // 城乡居民收入分别增长5.1%和6.8%: a bare number right after a change is
  // another change of the same thing.
  if (follows_metric && region_empty && !st.prev_change.empty()) {
    m.is_change = true;
    m.value.value = st.prev_change_down ? -value : value;
    m.name = MetricEncodeUtf8(st.prev_change) + (percent ? "同比" : "较上年");
    out.push_back(std::move(m));
    st.prev_end = after;
    return after;
  }
  // …比上年增加9.97公斤，增2.3%: a bare change verb (增, 降) right after a
  // change is another change of the same thing.
  if (region.change && region.change_base.empty() && !region.change_has_cue &&
      !st.prev_change.empty()) {
    m.is_change = true;
    m.value.value = region.change_down ? -value : value;
    m.name = MetricEncodeUtf8(st.prev_change) + (percent ? "同比" : "较上年");
    out.push_back(std::move(m));
    st.prev_end = after;
    return after;
  }
  // 同比增长7.8%，环比增长0.62%: a second comparison of the changed thing.
  std::u32string changed_before;
  changed_before.swap(st.prev_change);

  // A change: 同比下降19.27%, 比上年同期减少626起, …，增加24.5万起
  if (region.change) {
    const bool is_change = region.change_has_cue ||
                           (region.change_verb_length >= 2 && (st.prev_end != kNone || percent));
    if (is_change) {
      std::u32string base = region.change_base.empty() ? st.prev_base : region.change_base;
      if (base.empty() && region.change_has_cue) base = std::move(changed_before);
      st.prev_end = after;
      if (base.empty()) return after;
      if (region.respectively) {
        std::vector<std::u32string> items = region.change_base.empty()
                                                ? st.sentence_names
                                                : names_.SplitList(base);
        // 武汉市增长8.3%，襄阳市、宜昌市分别增长8.9%和7.6%: regions listed
        // before 分别 are the subjects of the thing changed before.
        std::vector<TextRange> regions;
        const std::u32string shared =
            region.change_base.empty()
                ? std::u32string()
                : SharedOfRegions(text, region_start, region_end, items,
                                  changed_before.empty() ? st.prev_base : changed_before, &regions);
        if (!shared.empty()) {
          items.assign(regions.size(), shared);
          m.subject = regions.front();
          st.pending_items.assign(items.begin() + 1, items.end());
          st.pending_subjects.assign(regions.begin() + 1, regions.end());
          st.pending_change = true;
          st.pending_down = region.change_down;
          st.pending_month = region.change_month;
          base = shared;
        } else if (items.size() > 1) {
          base = items.front();
          st.pending_items.assign(items.begin() + 1, items.end());
          st.pending_subjects.clear();
          st.pending_change = true;
          st.pending_down = region.change_down;
          st.pending_month = region.change_month;
        }
      }
      m.is_change = true;
      m.value.value = region.change_down ? -value : value;
      const char* const suffix = region.change_month ? "环比" : percent ? "同比" : "较上年";
      if (region.change_distributed && EmitDistributedChange(text, region_start, region_end, suffix, m, &base, out)) {
        st.sentence_names.clear();
        st.prev_change = base;
        st.prev_change_down = region.change_down;
        return after;
      }
      m.name = MetricEncodeUtf8(base) + suffix;
      out.push_back(std::move(m));
      st.sentence_names.clear();
      st.prev_change = base;
      st.prev_change_down = region.change_down;
      return after;
    }
  }

  // 城镇登记失业率3.2%，控制在4.5%以内: a bare bound after a figure of the
  // same unit is the limit that figure kept within, no observation.
  if (region.items.size() == 1 && lex_.bounds.count(region.items[0]) != 0 && st.prev_end != kNone &&
      unit == st.prev_unit) {
    return after;
  }
  // The name: the clause before the number, and for 设立7个服务中心 the noun
  // after it too.
  std::vector<std::u32string> names = region.items;
  const bool empty_before = names.empty() || (names.size() == 1 && names[0].empty());
  // Was the previous metric of this list separated by 、 (not by a comma)?
  bool list_item = false;
  if (follows_metric) {
    list_item = true;
    for (size_t k = st.prev_end; k < region_start; ++k) list_item &= text[k] != U'，' && text[k] != U',';
  }
  // A verb of its own, or one borrowed from the previous item of the list
  // (收缴枪支62支、子弹5.2万发; 办理刑事处罚97起，行政处罚282起).
  std::u32string verb;
  // Rates and totals (覆盖率, 货运量, 人数, 处理能力, 满意度, 占比, 增长面) are
  // measured, not acted on: they never borrow a verb.
  const char32_t last = empty_before ? 0 : names[0].back();
  const bool measure = std::u32string_view(U"率量数额值度比力积面").find(last) != std::u32string_view::npos;
  const bool average = names.size() == 1 && lex_.averages.count(names[0]) != 0;
  bool borrow = !region.has_verb && !st.prev_verb.empty() && !measure && !average;
  if (!post_nominal) {
    const size_t tail_end = names_.TailEnd(text, after, kMaxTail);
    const std::u32string tail = names_.CleanTail(text, after, tail_end);
    const char32_t closer = At(text, tail_end);
    const bool closes = tail_end >= text.size() || closer == U'，' || closer == U',' ||
                        closer == U'。' || closer == U'；' || closer == U';' || closer == U'\n';
    // before a noun only a list item borrows (设立7个中心、8个站点)
    borrow = borrow && list_item;
    // 60名小朋友将开启…: a future event, not a result
    const bool future = tail.find(U'将') != std::u32string::npos;
    // 13个设区市中，…: the set the clause after it picks from
    const bool among = closes && !tail.empty() && tail.back() == U'中';
    if (tail.empty() || future || among || !(region.has_verb || (empty_before && (closes || borrow)))) {
      return after;
    }
    if (names.empty()) names.emplace_back();
    // 山东新建557万亩高标准农田: the verb is followed by its object after
    // the number, so what comes before the verb is the subject.
    if (region.verb_at_end && names.size() == 1 && names[0].size() > region.verb.size() &&
        names[0].compare(names[0].size() - region.verb.size(), region.verb.size(), region.verb) == 0) {
      names[0] = region.verb;
    }
    for (std::u32string& name : names) name += tail;
    m.range.end = static_cast<uint32_t>(tail_end);
    if (region.has_verb) verb = region.verb;
  } else if (region.has_verb &&
             (!region.verb_at_end || (names.size() == 1 && names[0] == region.verb))) {
    // a verb that is the whole name (处分3012人) is passed on too; one that
    // merely ends a noun (传统恶势力组织1个) is not
    verb = region.verb;
  }
  if (borrow) {
    verb = st.prev_verb;
    for (std::u32string& name : names) {
      if (!name.empty()) name = st.prev_verb + name;
    }
  }
  // 新建5G基站3000个，累计建成1.2万个: a bare verb takes the previous
  // metric's object when it counts the same kind of thing (not 死亡198人
  // after 发生事故236起).
  if (names.size() == 1 && !names[0].empty() && names[0] == region.verb && !st.prev_name.empty() &&
      unit == st.prev_unit &&
      !st.prev_verb.empty() && st.prev_name.size() > st.prev_verb.size() &&
      st.prev_name.compare(0, st.prev_verb.size(), st.prev_verb) == 0) {
    names[0] += st.prev_name.substr(st.prev_verb.size());
  }
  // 新建X557万亩，总数达到6100万亩: a bare total is the previous object's.
  if (names.size() == 1 && lex_.totals.count(names[0]) != 0 && !st.prev_name.empty() &&
      unit == st.prev_unit) {
    const bool verb_led = !st.prev_verb.empty() && st.prev_name.size() > st.prev_verb.size() &&
                          st.prev_name.compare(0, st.prev_verb.size(), st.prev_verb) == 0;
    names[0] = (verb_led ? st.prev_name.substr(st.prev_verb.size()) : st.prev_name) + names[0];
  }
  // 农药残留超标148批次，占不合格总数的41.6%；微生物污染79批次，占22.2%: a
  // bare share is of the whole the paragraph's last share named.
  if (names.size() == 1 && names[0] == U"占" && n.is_percent && !st.prev_share.empty()) names[0] = st.prev_share;
  if (names.size() == 1 && names[0].size() > 1 && names[0][0] == U'占' && n.is_percent) st.prev_share = names[0];
  // 查验旅客1256.8万人次，日均31.4万人次: a bare average is the previous object's.
  if (average && !st.prev_name.empty() && unit == st.prev_unit) names[0] += st.prev_name;
  // 3000余支、5.9万余人: an item with no words of its own repeats the previous name.
  if (names.empty() || (names.size() == 1 && names[0].empty())) {
    if (!follows_metric || st.prev_name.empty()) return after;
    names.assign(1, st.prev_name);
  }
  // Respectively: 破获、抓获分别为3起和5名 pairs items and numbers.
  // The items may be the subjects of one name instead (哈尔滨市、绥化市
  // 耕作面积分别达到…): one figure of that name each.
  std::vector<TextRange> subjects = region.subjects;
  bool paired = region.subjects_paired;
  // 大连港完成货物吞吐量2.87亿吨，锦州港、丹东港分别完成0.56亿吨和0.31亿吨:
  // subjects listed before 分别 and the previous figure's verb alone after
  // it do that figure again, one each.
  if (!paired && !st.prev_verb.empty() && !st.prev_name.empty()) {
    std::vector<TextRange> again = SubjectsDoingAgain(text, region_start, region_end, st.prev_verb);
    if (!again.empty()) {
      subjects = std::move(again);
      paired = true;
      names.assign(1, st.prev_name);
    }
  }
  if (paired && names.size() == 1) {
    st.pending_items.assign(subjects.size() - 1, names[0]);
    st.pending_subjects.assign(subjects.begin() + 1, subjects.end());
    st.pending_change = false;
    subjects.resize(1);
  } else if (region.respectively && names.size() == 1) {
    std::vector<std::u32string> items = names_.SplitList(names[0]);
    if (items.size() > 1) {
      const MetricNamer::ListReading list = names_.ReadList(text, region_start, region_end, std::move(items));
      names.assign(1, list.names.front());
      st.pending_items.assign(list.names.begin() + 1, list.names.end());
      st.pending_subjects.clear();
      if (!list.subjects.empty()) {
        subjects.assign(1, list.subjects.front());
        st.pending_subjects.assign(list.subjects.begin() + 1, list.subjects.end());
      }
      st.pending_change = false;
    }
  }
  m.value.value = value;
  bool emitted = false;
  // Subjects come with a distributed or paired list, one per name.
  const bool with_subjects = subjects.size() == names.size();
  for (size_t i = 0; i < names.size(); ++i) {
    const std::u32string& name = names[i];
    // A name needs a Chinese word, or a short code with a Chinese unit
    // (GDP达到3000亿元); an English sentence is no metric of ours.
    const bool han_unit = !unit.empty() && static_cast<unsigned char>(unit[0]) >= 0x80;
    if (std::none_of(name.begin(), name.end(), IsHan) && !(han_unit && name.size() <= 10)) continue;
    MetricMention item = m;
    item.name = MetricEncodeUtf8(name);
    if (with_subjects) {
      // each subject's figure is its own observation, from its own mention
      item.subject = subjects[i];
      item.range.start = subjects[i].start;
    }
    out.push_back(std::move(item));
    emitted = true;
  }
  if (!emitted) return after;
  st.prev_end = after;
  st.prev_name = names.back();
  st.prev_unit = unit;
  st.sentence_names.insert(st.sentence_names.end(), names.begin(), names.end());
  if (!verb.empty()) st.prev_verb = lex_.event_verbs.count(verb) != 0 ? std::u32string() : verb;
  st.prev_base = names.back();
  return after;
}

}  // namespace

Result<std::unique_ptr<MetricRecognizer>> MetricRecognizer::Create(const MetricOptions& options) {
  Result<MetricLexicon> lexicon = MetricLexicon::Load(options.lexicon_dir);
  if (!lexicon.ok()) return lexicon.status();
  return std::unique_ptr<MetricRecognizer>(new LexiconMetricRecognizer(std::move(*lexicon)));
}

}  // namespace govkg::internal
