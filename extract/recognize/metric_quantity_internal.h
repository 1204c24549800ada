// extract/recognize/metric_quantity_internal.h (private to extract/): the quantity of a
// metric — number, range, qualifier after the number, and unit.
//
// 6100余个, 5.9万余人, 500余万册, 3至5处, 94万辆(列、架)次, 96.8%以上,
// 5千克: read forwards from the number; what comes before it (近, 达, the
// name) is the recogniser's business.
#pragma once

#include <string>
#include <string_view>

#include "extract/recognize/metric_internal.h"
#include "extract/vocabulary/metric_lexicon_internal.h"

namespace govkg::internal {

struct Quantity {
  double value = 0;        // in base units (万元 → 元 × 10000)
  double high = 0;         // the upper bound of a range (3至5个), else 0
  std::string unit;        // base unit or %; empty = none after the number
  std::string qualifier;   // 余 (6100余个, 4200多公里), 以上, 约 (左右) …
  bool is_percent = false;
  size_t end = 0;          // where the quantity ends in the text
};

// Reads the quantity whose number `n` (ParseNumberAt(text, pos)) starts at
// text[pos]. An empty unit means there is none: `end` is then where the
// number ends, unless a blocked word (个月, 部门) follows, which `end` skips.
Quantity ReadQuantity(const MetricLexicon& lexicon, std::u32string_view text, size_t pos,
                      const ParsedNumber& n);

}  // namespace govkg::internal
