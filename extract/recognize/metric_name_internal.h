// extract/recognize/metric_name_internal.h (private to extract/): naming a metric.
//
// The text before a metric's number ("region": from the clause start or the
// previous metric to the number) says what was counted. MetricNamer reads
// it: the period written inside it, whether it ends in a change (同比下降),
// the list it distributes over (…、…均达), and the name itself — cut at the
// first metric verb so that subjects and places drop out (全区公安机关已打掉
// 传统涉黑组织 → 打掉传统涉黑组织), trimmed of scope words and adverbs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text/segment_internal.h"
#include "extract/vocabulary/metric_lexicon_internal.h"

namespace govkg::internal {

struct NameRegion {
  // One name, or one per item of a distributed list; may hold one empty name.
  std::vector<std::u32string> items;
  // Per item, the span of the text that names who has the figure, when the
  // items are subjects sharing one predicate (大理州、丽江市接待游客均超过
  // 500万人次: 大理州, 丽江市); empty otherwise.
  std::vector<TextRange> subjects;
  std::u32string verb;  // the verbs the (first) name starts with, e.g. 研制发布
  bool has_verb = false;
  bool verb_at_end = false;  // the verb closes the clause: 日均巡逻3万余人次
  bool respectively = false;  // 分别: the items and the numbers pair up in order
  // A region ending in a change verb: 比上年同期减少, 同比增长.
  bool change = false;
  bool change_down = false;
  size_t change_verb_length = 0;
  bool change_has_cue = false;  // 同比, 比上年同期 … before the verb
  bool change_month = false;    // the cue compares with the period before (环比)
  std::u32string change_base;   // the changed thing when written: 刑事案件同比下降
  // 均 with a change: each item of the base changed by the one figure
  // (刑事案件、治安案件同比均下降10%, 成都市、绵阳市事故起数同比下降均超过20%).
  bool change_distributed = false;
  // 武汉市税务局、宜昌市税务局分别办理出口退税86.3亿元和12.5亿元: subjects
  // listed before 分别 pair with the figures in order; `subjects` holds
  // their spans and `items` the one name they share.
  bool subjects_paired = false;
};

class MetricNamer {
 public:
  explicit MetricNamer(const MetricLexicon& lexicon) : lex_(lexicon) {}

  // Reads text[start, end). A period phrase inside it goes to *period and is
  // not part of the name.
  NameRegion Analyse(std::u32string_view text, size_t start, size_t end,
                     std::u32string* period) const;

  // Whether the items of a 分别 list are subjects sharing the last item's
  // name (哈尔滨市、绥化市保护性耕作面积); if so sets that name and where
  // each subject stands in text[start, end).
  bool ListedSubjects(std::u32string_view text, size_t start, size_t end,
                      const std::vector<std::u32string>& items, std::u32string* shared,
                      std::vector<TextRange>* spans) const;

  // Gives the measure that the last of a list of like nouns carries to the
  // others (餐饮食品、蔬菜制品不合格率 → 餐饮食品不合格率, …); whether it did.
  bool SharedMeasure(std::vector<std::u32string>* items) const;

  // A list's items as one figure's names, one each: places sharing a name
  // (哈尔滨市、绥化市耕作面积: that name per place, and each place's span
  // of text[start, end) in `subjects`), else like nouns sharing a measure
  // (餐饮食品、蔬菜制品不合格率: 餐饮食品不合格率 …, no subjects).
  struct ListReading {
    std::vector<std::u32string> names;
    std::vector<TextRange> subjects;
  };
  ListReading ReadList(std::u32string_view text, size_t start, size_t end,
                       std::vector<std::u32string> items) const;

  // Skips the separators between list items (、 ， 和 及 以及) at `start`.
  size_t SkipListSeparators(std::u32string_view text, size_t start, size_t end) const;

  // For 设立7个边境管理政务服务中心: where the noun after the unit ends (a
  // delimiter, a digit, or `max` code points).
  size_t TailEnd(std::u32string_view text, size_t from, size_t max) const;
  // The items of a list name, split on 、 和 及 as written: 侵财、盗窃案件 →
  // 侵财, 盗窃案件.
  std::vector<std::u32string> SplitList(const std::u32string& name) const;

  std::u32string CleanTail(std::u32string_view text, size_t from, size_t to) const;

  // The cleaned name of text[start, end): quotes removed, scope words and
  // adverbs trimmed, cut at the first verb unless the verb ends it. Sets
  // *verb to the verb run it starts with (empty when none).
  struct Cleaned {
    std::u32string name;
    std::u32string verb;  // the verb run it starts with (or ends with), empty when none
    bool has_verb = false;
    bool verb_at_end = false;
  };
  Cleaned Clean(std::u32string_view text, size_t start, size_t end) const;

 private:
  // For a list of like nouns (ending in one character, no verb, at most
  // max_noun long) whose last item goes on past such a noun: where that noun
  // ends in the last item. npos otherwise.
  size_t LikeNounsHead(const std::vector<std::u32string>& items, size_t max_noun) const;

  // Whether s opens with a list of subjects of its verb (A州、B州、C州共组织…).
  bool SubjectList(std::u32string_view s) const;
  bool VerbIn(std::u32string_view s) const;
  // Where the last plain verb of s at or after `from` starts, npos if none.
  size_t LastVerb(std::u32string_view s, size_t from) const;
  // Whether `items` are subjects sharing the last one's verb; if so, cuts
  // the last span to its subject.
  // The length of a distribute cue (均, 均达) ending at text[end], 0 if none.
  size_t DistributeCueEndingAt(std::u32string_view text, size_t end, size_t floor) const;
  // Subjects listed before a 分别 that a verb follows (see NameRegion::
  // subjects_paired); fills r->subjects and r->items.
  bool SubjectsBeforeRespectively(std::u32string_view text, size_t start, size_t end, NameRegion* r) const;
  // 哈尔滨、齐齐哈尔、绥化3市粮食产量均超过…: places, a count of them with
  // their level word, then the name they share. Cuts the last span to its
  // place and returns the shared name; nullopt otherwise.
  std::optional<Cleaned> CountedSubjects(std::u32string_view text, const std::vector<Cleaned>& items,
                                         std::vector<TextRange>* spans) const;
  bool SharedPredicate(std::u32string_view text, const std::vector<Cleaned>& items,
                       std::vector<TextRange>* spans) const;

  const MetricLexicon& lex_;
};

}  // namespace govkg::internal
