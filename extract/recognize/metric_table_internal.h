// extract/recognize/metric_table_internal.h (private to extract/): metrics in
// the cells of tables copied as text (statistical bulletins).
#pragma once

#include <string_view>
#include <vector>

#include "extract/recognize/metric_internal.h"
#include "extract/vocabulary/metric_lexicon_internal.h"

namespace govkg::internal {

// The metrics of every table of `text` (cells ending in '|'; see
// metric_table.cc for the layouts read), in text order, skipping cells that
// repeat a figure of `prose` (the metrics found in running text). One pass
// over the lines; nothing is done for a text without '|'.
std::vector<MetricMention> FindTableMetrics(std::u32string_view text, const MetricLexicon& lex,
                                            const std::vector<MetricMention>& prose);

}  // namespace govkg::internal
