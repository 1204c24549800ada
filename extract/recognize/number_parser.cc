// extract/number_parser.cc: numbers as written in Chinese press text.
//
// Arabic (1,234.5), Chinese (三千五百, 两, 〇), mixed (5.9万, 203亿) and
// percent (19.27%, 百分之三十) forms. See ParseNumberAt in metric_internal.h.
#include <cmath>

#include "extract/recognize/metric_internal.h"

namespace govkg::internal {
namespace {

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// 0..9 for a Chinese digit, -1 otherwise.
int ChineseDigit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// The scale of a multiplier character, 0 for anything else.
double Multiplier(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 1e4;
    case U'亿': return 1e8;
    default: return 0;
  }
}

char32_t At(std::u32string_view text, size_t i) { return i < text.size() ? text[i] : 0; }

// Consumes a trailing '%' if there is one.
void TakePercent(std::u32string_view text, ParsedNumber& n, size_t pos) {
  const char32_t c = At(text, pos + n.length);
  if (c == U'%' || c == U'％') {
    ++n.length;
    n.is_percent = true;
  }
}

ParsedNumber ParseArabic(std::u32string_view text, size_t pos) {
  ParsedNumber n;
  size_t i = pos;
  double value = 0;
  while (i < text.size()) {
    if (IsAsciiDigit(text[i])) {
      value = value * 10 + (text[i] - U'0');
      ++i;
    } else if (text[i] == U',' && i > pos && IsAsciiDigit(At(text, i + 1)) &&
               IsAsciiDigit(At(text, i + 2)) && IsAsciiDigit(At(text, i + 3)) &&
               !IsAsciiDigit(At(text, i + 4))) {
      // A thousands separator is followed by exactly three digits per group;
      // "1,2" is a list, not a number.
      ++i;
    } else {
      break;
    }
  }
  if (At(text, i) == U'.' && IsAsciiDigit(At(text, i + 1))) {
    double scale = 0.1;
    ++i;
    while (i < text.size() && IsAsciiDigit(text[i])) {
      value += (text[i] - U'0') * scale;
      scale /= 10;
      ++i;
    }
  }
  // Trailing multipliers, possibly stacked: 3千万, 2万亿.
  while (i < text.size()) {
    const double m = Multiplier(text[i]);
    if (m == 0) break;
    value *= m;
    n.last_scale = m;
    n.ends_in_multiplier = true;
    ++i;
  }
  n.value = TidyDecimal(value);
  n.length = i - pos;
  TakePercent(text, n, pos);
  return n;
}

// Chinese numerals read digit by digit: 二〇二三.
ParsedNumber ParseDigitString(std::u32string_view text, size_t pos, size_t run) {
  ParsedNumber n;
  double value = 0;
  for (size_t i = pos; i < pos + run; ++i) value = value * 10 + ChineseDigit(text[i]);
  n.value = value;
  n.length = run;
  n.is_chinese = true;
  return n;
}

ParsedNumber ParseChinese(std::u32string_view text, size_t pos) {
  ParsedNumber n;
  n.is_chinese = true;
  // Digit strings (years and codes) have no multipliers: 二〇二三, 一九九八.
  size_t run = 0;
  bool has_zero = false;
  while (pos + run < text.size() && ChineseDigit(text[pos + run]) >= 0 &&
         text[pos + run] != U'两') {
    has_zero |= ChineseDigit(text[pos + run]) == 0;
    ++run;
  }
  if (run >= 3 || (run == 2 && has_zero && ChineseDigit(text[pos]) != 0)) {
    return ParseDigitString(text, pos, run);
  }
  const char32_t first = text[pos];
  if ((first == U'万' || first == U'亿') && At(text, pos + 1) != U'余') return n;
  if (ChineseDigit(first) == 0) return n;  // a leading 零 is not a quantity

  double high = 0;     // the part already scaled by 亿
  double section = 0;  // the part below 亿, already scaled by 万 where it applies
  double group = 0;    // the part below 万
  int digit = -1;      // a digit waiting for its multiplier
  double last_multiplier = 0;
  bool after_zero = false;
  size_t i = pos;
  for (; i < text.size(); ++i) {
    const char32_t c = text[i];
    const int d = ChineseDigit(c);
    if (d >= 0) {
      if (d == 0) {
        if (digit >= 0) break;  // "三零" is not a number
        after_zero = true;
        continue;
      }
      if (digit >= 0) break;  // two digits in a row: 十四五 stops after 四
      digit = d;
      continue;
    }
    const double m = Multiplier(c);
    if (m == 0) break;
    if (m >= 1e4) {
      // 万 and 亿 scale everything below them.
      const double below = group + (digit >= 0 ? digit : 0);
      if (m == 1e4) {
        section = (section + below) * m;
        if (section == 0) section = m;
      } else {
        high = (high + section + below) * m;
        if (high == 0) high = m;
        section = 0;
      }
      group = 0;
    } else {
      // 十 百 千 multiply the digit before them (none: 十三 = 13, 千 = 1000).
      if (last_multiplier != 0 && last_multiplier < 1e4 && m >= last_multiplier && digit < 0) break;
      group += (digit >= 0 ? digit : 1) * m;
    }
    digit = -1;
    after_zero = false;
    last_multiplier = m;
    n.last_scale = m;
  }
  n.ends_in_multiplier = digit < 0 && last_multiplier != 0;
  if (digit >= 0) {
    // A digit after a multiplier without a zero is the next lower place:
    // 三千五 = 3500, 一万五 = 15000; after 零 (一百零五) or alone it is units.
    if (last_multiplier >= 100 && !after_zero && last_multiplier != 1e8) {
      const double place = last_multiplier == 1e4 ? 1000 : last_multiplier / 10;
      group += digit * place;
    } else {
      group += digit;
    }
  }
  // A trailing 零 is not part of the number.
  while (i > pos && ChineseDigit(text[i - 1]) == 0) --i;
  n.value = high + section + group;
  n.length = i - pos;
  if (n.length == 0) return ParsedNumber{};
  // Decimal part: 三点五 → 3.5.
  if (At(text, i) == U'点' && ChineseDigit(At(text, i + 1)) >= 0 && !n.ends_in_multiplier) {
    double scale = 0.1;
    size_t k = i + 1;
    while (k < text.size() && ChineseDigit(text[k]) >= 0 && text[k] != U'两') {
      n.value += ChineseDigit(text[k]) * scale;
      scale /= 10;
      ++k;
    }
    n.length = k - pos;
    const double m = Multiplier(At(text, k));
    if (m >= 1e4) {
      n.value *= m;
      n.last_scale = m;
      n.ends_in_multiplier = true;
      ++n.length;
    }
  }
  n.value = TidyDecimal(n.value);
  TakePercent(text, n, pos);
  return n;
}

}  // namespace

double TidyDecimal(double value) {
  if (!std::isfinite(value)) return value;
  if (std::fabs(value) >= 1e12) return std::round(value);
  return std::round(value * 1e6) / 1e6;
}

bool IsNumberChar(char32_t c) { return IsAsciiDigit(c) || ChineseDigit(c) >= 0 || Multiplier(c) != 0; }

ParsedNumber ParseNumberAt(std::u32string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  if (IsAsciiDigit(text[pos])) return ParseArabic(text, pos);
  // 百分之三十, 百分之19.5
  if (text.substr(pos, 3) == U"百分之") {
    ParsedNumber inner = IsAsciiDigit(At(text, pos + 3)) ? ParseArabic(text, pos + 3)
                                                          : ParseChinese(text, pos + 3);
    if (At(text, pos + 3) == U'百' && !(inner.length > 1)) {
      inner.value = 100;  // 百分之百
      inner.length = 1;
    }
    if (inner.length == 0 || inner.is_percent) return {};
    inner.length += 3;
    inner.is_percent = true;
    inner.ends_in_multiplier = false;
    return inner;
  }
  if (IsNumberChar(text[pos])) return ParseChinese(text, pos);
  return {};
}

}  // namespace govkg::internal
