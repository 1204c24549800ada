// extract/metric_internal.h (private to extract/): numbers and metrics.
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
#include "extract/segment_internal.h"

namespace govkg::internal {

// A number as written at some position: "11.3万" → 113000, "三" → 3.
struct ParsedNumber {
  double value = 0;
  size_t length = 0;  // code points consumed; 0 = no number here
  bool is_percent = false;
};

// Parses the number starting at text[pos] (digits, decimals, Chinese numerals,
// 万/亿 multipliers). Does not consume units or qualifiers.
ParsedNumber ParseNumberAt(std::u32string_view text, size_t pos);

struct MetricMention {
  TextRange range;      // the whole expression, name through unit, normalised text
  TextRange number;     // just the number (+ unit)
  std::string name;     // the thing counted, with its verb: 破获刑事案件; changes end in 同比/较上年
  MetricValue value;    // value in base units, unit, qualifier, period
  int sentence = -1;    // index into Segmentation::sentences
  bool is_change = false;  // a 同比/较上年 change metric
};

struct MetricOptions {
  std::string lexicon_dir;  // units, measure words, metric verbs, qualifiers, period words
};

// Built once from the lexicon files; Find() is const and thread-safe.
class MetricRecognizer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<MetricRecognizer>> Create(const MetricOptions& options);
  virtual ~MetricRecognizer() = default;
  // All metrics of the text, in text order.
  virtual std::vector<MetricMention> Find(std::u32string_view text,
                                          const Segmentation& segmentation) const = 0;
};

}  // namespace govkg::internal
