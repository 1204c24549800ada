// Table tests of ParseNumberAt: Arabic, Chinese and mixed numerals, percents.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "extract/recognize/metric_internal.h"

namespace govkg::internal {
namespace {

struct NumberCase {
  std::u32string text;
  size_t pos;
  double value;
  size_t length;
  bool percent;
};

TEST_CASE("ParseNumberAt reads the numbers of press text", "[number]") {
  const NumberCase cases[] = {
      // Arabic integers, separators, decimals
      {U"399起", 0, 399, 3, false},
      {U"破获刑事案件399起", 6, 399, 3, false},
      {U"1,234起", 0, 1234, 5, false},
      {U"12,345,678元", 0, 12345678, 10, false},
      {U"1,2起", 0, 1, 1, false},  // a list, not a separator
      {U"1095.1万元", 0, 10951000, 7, false},
      {U"0.5吨", 0, 0.5, 3, false},
      {U"3.", 0, 3, 1, false},  // a sentence dot is not a decimal point
      // Arabic with multipliers
      {U"5.9万余人", 0, 59000, 4, false},
      {U"203亿元", 0, 20300000000, 4, false},
      {U"11.3万", 0, 113000, 5, false},
      {U"3千万元", 0, 30000000, 3, false},
      {U"1.2万余", 0, 12000, 4, false},
      {U"2万亿", 0, 2e12, 3, false},
      {U"500余万册", 0, 500, 3, false},  // 余 is the caller's
      // percents
      {U"19.27%", 0, 19.27, 6, true},
      {U"100%", 0, 100, 4, true},
      {U"96.8％以上", 0, 96.8, 5, true},
      {U"百分之三十", 0, 30, 5, true},
      {U"百分之19.5", 0, 19.5, 7, true},
      {U"百分之百", 0, 100, 4, true},
      {U"百分之九十五点五", 0, 95.5, 8, true},
      // Chinese numerals
      {U"三", 0, 3, 1, false},
      {U"十三", 0, 13, 2, false},
      {U"二十", 0, 20, 2, false},
      {U"三十五", 0, 35, 3, false},
      {U"一百零五", 0, 105, 4, false},
      {U"三千五百", 0, 3500, 4, false},
      {U"三千五", 0, 3500, 3, false},
      {U"一万五", 0, 15000, 3, false},
      {U"两千", 0, 2000, 2, false},
      {U"两个", 0, 2, 1, false},
      {U"千余个", 0, 1000, 1, false},
      {U"千万人", 0, 10000000, 2, false},
      {U"百万", 0, 1000000, 2, false},
      {U"十万八千", 0, 108000, 4, false},
      {U"一亿五千万", 0, 150000000, 5, false},
      {U"万余人", 0, 10000, 1, false},
      {U"三点五万", 0, 35000, 4, false},
      {U"一百零", 0, 100, 2, false},  // a trailing 零 is not part of it
      // digit strings
      {U"二〇二三年", 0, 2023, 4, false},
      {U"一九九八年", 0, 1998, 4, false},
      // where a number stops
      {U"十四五", 0, 14, 2, false},
      {U"3至5个", 0, 3, 1, false},
      {U"3至5个", 2, 5, 1, false},
      {U"1至8月", 2, 8, 1, false},
  };
  for (const NumberCase& c : cases) {
    INFO("case at " << (&c - cases));
    const ParsedNumber n = ParseNumberAt(c.text, c.pos);
    CHECK(n.length == c.length);
    CHECK(n.value == Approx(c.value));
    CHECK(n.is_percent == c.percent);
  }
}

TEST_CASE("ParseNumberAt finds no number where there is none", "[number]") {
  const std::u32string none[] = {U"", U"起", U"万人", U"亿元", U"零", U"%", U"百分之", U"点五"};
  for (const std::u32string& text : none) {
    CHECK(ParseNumberAt(text, 0).length == 0);
  }
  CHECK(ParseNumberAt(U"12", 5).length == 0);  // past the end
}

TEST_CASE("ParseNumberAt reports a trailing multiplier", "[number]") {
  const ParsedNumber a = ParseNumberAt(U"5千克", 0);
  CHECK(a.ends_in_multiplier);
  CHECK(a.last_scale == 1000);
  const ParsedNumber b = ParseNumberAt(U"三千五", 0);
  CHECK_FALSE(b.ends_in_multiplier);
  CHECK(b.is_chinese);
  const ParsedNumber c = ParseNumberAt(U"36万平方公里", 0);
  CHECK(c.ends_in_multiplier);
  CHECK(c.last_scale == 10000);
  CHECK_FALSE(c.is_chinese);
}

TEST_CASE("Decimal scaling leaves no binary noise", "[number]") {
  CHECK(ParseNumberAt(U"23.15万", 0).value == 231500);
  CHECK(ParseNumberAt(U"1095.1万", 0).value == 10951000);
  CHECK(ParseNumberAt(U"0.07亿", 0).value == 7000000);
  CHECK(ParseNumberAt(U"19.27%", 0).value == 19.27);
  CHECK(TidyDecimal(231500.00000000003) == 231500);
  CHECK(TidyDecimal(3e12 + 0.3) == 3e12);
}

TEST_CASE("IsNumberChar accepts digits and Chinese numerals only", "[number]") {
  for (const char32_t c : std::u32string(U"0123456789零〇一二两三四五六七八九十百千万亿")) {
    CHECK(IsNumberChar(c));
  }
  for (const char32_t c : std::u32string(U"起名个%.,a案")) CHECK_FALSE(IsNumberChar(c));
}

}  // namespace
}  // namespace govkg::internal
