// bench/gen_metric_internal.h: writes one metric in one of the number forms
// the extractor reads (399起, 近820处, 4.5万余人次, 3.56亿元, 96.8%, 三十五个,
// 同比下降19.27%, 较上年提高2.1个百分点) together with its gold value.
#pragma once

#include <optional>
#include <string>

#include "bench/gen_rng_internal.h"
#include "bench/gen_vocab_internal.h"

namespace govkg::gen {

struct WrittenMetric {
  std::string text;                      // 抓获犯罪嫌疑人353名
  std::string name;                      // gold name: 抓获犯罪嫌疑人 (changes end in 同比/较上年)
  double value = 0;                      // base units, signed for changes
  std::string unit;                      // 名, 元, %, 个百分点
  std::optional<std::string> qualifier;  // 余, 近, 约, 超过, 以上
};

// The metric itself: "{name}{number}{unit}".
WrittenMetric WriteMetric(const MetricSpec& spec, Rng& rng);

// A change of `base` (same name): 同比下降19.27% or 较上年减少626起; rates
// change in 个百分点.
WrittenMetric WriteChange(const MetricSpec& spec, const WrittenMetric& base, Rng& rng);

// "三十五" for 35; 0 < n < 100000.
std::string ChineseNumeral(int64_t n);

// Shortest decimal form of v with at most `decimals` decimals: 4.50 → "4.5".
std::string FormatDecimal(double v, int decimals);

}  // namespace govkg::gen
