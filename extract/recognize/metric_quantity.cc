// extract/metric_quantity.cc: reading a metric's number, range, qualifier and
// unit forwards from where its number starts.
#include "extract/recognize/metric_quantity_internal.h"

namespace govkg::internal {
namespace {

char32_t At(std::u32string_view text, size_t i) { return i < text.size() ? text[i] : 0; }

bool IsRangeConnector(char32_t c) {
  return c == U'至' || c == U'到' || c == U'-' || c == U'~' || c == U'～' || c == U'—';
}

}  // namespace

Quantity ReadQuantity(const MetricLexicon& lex, std::u32string_view text, size_t pos,
                      const ParsedNumber& n) {
  Quantity out;
  const size_t number_end = pos + n.length;
  double value = n.value;
  size_t j = number_end;
  bool is_percent = n.is_percent;
  // A range 3至5个: the metric takes the lower bound (MetricMention::range_high
  // keeps the upper one).
  double high = 0;
  if (!is_percent && IsRangeConnector(At(text, j)) && IsNumberChar(At(text, j + 1))) {
    const ParsedNumber n2 = ParseNumberAt(text, j + 1);
    if (n2.length > 0 && n2.is_chinese == n.is_chinese) {
      high = n2.value;
      if (n2.ends_in_multiplier && !n.ends_in_multiplier) value *= n2.last_scale;
      is_percent = n2.is_percent;
      j += 1 + n2.length;
    }
  }
  // 6100余个, 500余万册, 4200多公里
  std::string qualifier;
  if (!is_percent) {
    const Trie<QualifierEntry>::Match q = lex.qualifiers.LongestAt(text, j);
    if (q.length == 1 && !q.payload->before_number) {
      qualifier = q.payload->canonical;
      j += q.length;
      const char32_t m = At(text, j);
      if (m == U'万' || m == U'亿') {
        value *= m == U'万' ? 1e4 : 1e8;
        ++j;
      }
    }
  }
  // the unit
  std::string unit;
  Trie<UnitEntry>::Match u;
  if (is_percent) {
    unit = "%";
  } else {
    u = lex.units.LongestAt(text, j);
    if (qualifier.empty() && n.ends_in_multiplier && j == number_end) {
      // 5千克 is 5 千克: give the multiplier back when it starts a unit.
      const Trie<UnitEntry>::Match back = lex.units.LongestAt(text, j - 1);
      if (back.length >= 2) {
        value /= n.last_scale;
        --j;
        u = back;
      }
    }
    if (u.length == 0) {
      out.value = TidyDecimal(value);
      out.high = TidyDecimal(high);
      out.qualifier = std::move(qualifier);
      out.end = j;
      return out;  // no unit: perhaps one implied by the name
    }
    if (u.payload->base.empty()) {
      out.end = j + u.length;  // 3个月, 5部门: not a quantity of ours
      return out;
    }
  }
  if (u.length > 0) {
    value *= u.payload->scale;
    unit = u.payload->base;
    j += u.length;
    // 4200余件次, 300户次: a count of occasions
    if (At(text, j) == U'次' && unit.size() == 3 && unit != "次") {
      unit += "次";
      ++j;
    }
    // 435公斤/亩, 3.2元/吨: a rate, per a unit of its own (the denominator
    // is not scaled: 元/万元 is read as written).
    if (At(text, j) == U'/') {
      const Trie<UnitEntry>::Match per = lex.units.LongestAt(text, j + 1);
      size_t per_len = per.length > 0 && !per.payload->base.empty() ? per.length : 0;
      for (const char32_t* w : {U"小时", U"年", U"天", U"日", U"人"}) {
        const std::u32string_view word(w);
        if (per_len == 0 && text.substr(j + 1, word.size()) == word) per_len = word.size();
      }
      if (per_len > 0) {
        unit += MetricEncodeUtf8(text.substr(j, per_len + 1));
        j += per_len + 1;
      }
    }
    // 94万辆(列、架)次, 11.3万余场(次): a compound unit, its alternatives in
    // brackets.
    if (At(text, j) == U'(') {
      size_t k = j + 1;
      while (true) {
        const Trie<UnitEntry>::Match alt = lex.units.LongestAt(text, k);
        if (alt.length == 0 || alt.payload->base.empty()) break;
        k += alt.length;
        if (At(text, k) != U'、') break;
        ++k;
      }
      if (k > j + 1 && At(text, k) == U')') {
        size_t unit_end = k + 1;
        if (At(text, unit_end) == U'次') ++unit_end;
        unit += MetricEncodeUtf8(text.substr(j, unit_end - j));
        j = unit_end;
      }
    }
  }
  // 96.8%以上, 100人左右
  if (const Trie<QualifierEntry>::Match q = lex.qualifiers.LongestAt(text, j);
      q.length >= 2 && !q.payload->before_number) {
    if (qualifier.empty()) qualifier = q.payload->canonical;
    j += q.length;
  }
  out.value = TidyDecimal(value);
  out.high = TidyDecimal(high);
  out.unit = std::move(unit);
  out.qualifier = std::move(qualifier);
  out.is_percent = is_percent;
  out.end = j;
  return out;
}

}  // namespace govkg::internal
