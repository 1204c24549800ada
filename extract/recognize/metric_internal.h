// extract/recognize/metric_internal.h (private to extract/): numbers and metrics.
//
// Finds the quantitative observations of a sentence — 破获刑事案件399起,
// 同比下降19.27%, 5.9万余人 — and parses their numbers (Arabic and Chinese
// numerals, 万/亿 scaling, decimals, percents, ranges, qualifiers, signed
// changes) and periods (今年1至8月, "十四五"时期), per graph-model.md
// "Metric values". Works on normalised text (see normalize_internal.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"
#include "extract/text/segment_internal.h"

namespace govkg::internal {

// A number as written at some position: "11.3万" → 113000, "三" → 3.
struct ParsedNumber {
  double value = 0;
  size_t length = 0;  // code points consumed; 0 = no number here
  bool is_percent = false;
  // The trailing multiplier character, if the number ends in one (5.9万 → 万,
  // scale 10000). Lets the metric recogniser give it back when it starts a
  // unit (5千克 is 5 千克, not 5000 克).
  double last_scale = 1;
  bool ends_in_multiplier = false;
  bool is_chinese = false;  // written with Chinese numerals (三百, 千, 两)
};

// Parses the number starting at text[pos]:
//   Arabic digits with ',' thousands separators and a '.' decimal part, and
//   any trailing multipliers 十百千万亿 (5.9万 → 59000, 203亿 → 2.03e10,
//   3千万 → 3e7);
//   Chinese numerals 零〇一二两三四五六七八九十百千万亿 (三千五百 → 3500,
//   一百零五 → 105, 十三 → 13, 千 → 1000, 一万五 → 15000, 三点五 → 3.5);
//   digit strings of three or more characters, or containing 〇/零, read
//   digit by digit (二〇二三 → 2023);
//   a bare 万 or 亿 only when followed by 余 (万余人 → 10000).
// A following '%' (or '％') is consumed and sets is_percent; 百分之X is
// parsed as X with is_percent. Units, qualifiers (余, 多) and ranges (3至5)
// are left to the caller. Two adjacent non-zero digits without a multiplier
// end the number (十四五 → 14, length 2), since that is never a quantity.
ParsedNumber ParseNumberAt(std::u32string_view text, size_t pos);

// Removes the binary noise that decimal scaling leaves (23.15万 is 231500,
// not 231500.00000000003): rounds to 6 decimals below 1e12, to an integer
// above.
double TidyDecimal(double value);

// True for the characters that can start a number: ASCII digits and the
// Chinese numerals above.
bool IsNumberChar(char32_t c);

struct MetricMention {
  TextRange range;      // the whole expression, name through unit, normalised text
  TextRange number;     // just the number (+ unit)
  std::string name;     // the thing counted, with its verb: 破获刑事案件; changes end in 同比/较上年
  MetricValue value;    // value in base units, unit, qualifier, period
  int sentence = -1;    // index into Segmentation::sentences
  // Where the paragraph's period clause stands when the metric takes it
  // (“X”行动开展以来，…): a program named there owns the figures. Empty else.
  TextRange period;
  // Who has the figure, when the text names it beside the name (大理州、
  // 丽江市接待游客均超过500万人次: one metric each, subjects 大理州 and 丽江市).
  // Empty else.
  TextRange subject;
  bool is_change = false;  // a 同比/较上年 change metric
  // For a range (3至5个) the value is the lower bound and this the upper one;
  // 0 when the number is not a range.
  double range_high = 0;
};

struct MetricOptions {
  // Folder of the metric_*.txt word lists (units, verbs, qualifiers, changes,
  // periods, name trimming, target cues); each file documents its fields.
  std::string lexicon_dir;
};

// Built once from the lexicon files; Find() is const and thread-safe.
class MetricRecognizer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<MetricRecognizer>> Create(const MetricOptions& options);
  virtual ~MetricRecognizer() = default;
  // All metrics of the text, in text order. One linear scan; work is done
  // only where a number starts. What it decides:
  //  - a metric is a number with a measure word (metric_units.txt), a
  //    percent, or a unit implied by its name (点击量突破百万 → 次);
  //  - not metrics: numbers inside “” 《》 quotes (清风2023), dates and
  //    durations (年 月 日 个月 are no units), codes (331国道, G6, 96110),
  //    ordinals (第一, 一是), plans and targets after 确保/力争/将+verb …
  //    (metric_target_cues.txt), small Chinese numerals without a verb (一个,
  //    一起), and names without Chinese (English text);
  //  - name: the clause before the number cut at its first metric verb
  //    (全区公安机关已打掉传统涉黑组织1个 → 打掉传统涉黑组织), or for a number
  //    before its noun, verb + noun (设立7个边境管理政务服务中心 →
  //    设立边境管理政务服务中心); a list item without a verb borrows the
  //    previous item's (收缴枪支62支、子弹5.2万发 → 收缴子弹); 3000余支、
  //    5.9万余人 gives two metrics with one name; …、…均达100% gives one per
  //    item; A、B分别下降x%、y% pairs items and numbers;
  //  - a change (同比下降, 比上年同期减少, 较2022年提高, or 增加/下降 right
  //    after another metric of the sentence) is its own metric named
  //    <changed thing>同比 for percent changes and <changed thing>较上年
  //    otherwise, with a signed value; 提升至82% is a level, not a change;
  //  - a range 3至5个 is one metric with the lower bound (range_high = 5);
  //  - tables copied as text (cells ending in '|'): one metric per cell,
  //    named row + column, unit from the header (metric_table_internal.h);
  //  - period: a time phrase inside the clause, else the last one that opened
  //    a clause earlier in the paragraph (今年以来，… holds for what follows).
  // Sentence indices come from `segmentation` (-1 when it has none there);
  // the clause and sentence logic itself reads the punctuation of `text`.
  virtual std::vector<MetricMention> Find(std::u32string_view text,
                                          const Segmentation& segmentation) const = 0;
};

}  // namespace govkg::internal
