// Tests of extract/normalize.cc: t2s, width, NFKC and the offset map.
#include <catch2/catch.hpp>

#include <opencc/opencc.h>

#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include "extract/text/decode_internal.h"
#include "extract/text/normalize_internal.h"
#include "extract/text/t2s_internal.h"
#include "tests/test_util.h"

namespace govkg::internal {
namespace {

const Normalizer& Norm() {
  static const std::unique_ptr<Normalizer> n = [] {
    auto r = Normalizer::Create();
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *n;
}

// Every normalised span maps back to a span of the original, and the map is
// monotonic and ends at the original length.
void CheckMapShape(const NormalizedText& n, size_t original_size) {
  REQUIRE(n.to_original.size() == n.text.size() + 1);
  CHECK(n.to_original.back() == original_size);
  for (size_t i = 1; i < n.to_original.size(); ++i) {
    CHECK(n.to_original[i - 1] <= n.to_original[i]);
  }
}

TEST_CASE("normalize: simplified text is left identical") {
  const std::u32string text = U"自治区公安厅治安管理总队总队长杨义：良好的社会治安环境。“护校安园”《通知》、";
  const NormalizedText n = Norm().Normalize(text);
  // Only the full-width colon becomes half-width.
  std::u32string expected = text;
  expected[17] = U':';
  CHECK(n.text == expected);
  CheckMapShape(n, text.size());
  for (size_t i = 0; i < text.size(); ++i) CHECK(n.to_original[i] == i);
}

TEST_CASE("normalize: traditional to simplified keeps offsets") {
  const std::u32string text = U"內蒙古自治區公安廳發佈通知，頭髮與後來。";
  const NormalizedText n = Norm().Normalize(text);
  CHECK(n.text == U"内蒙古自治区公安厅发布通知,头发与后来。");
  CheckMapShape(n, text.size());
  // 公安厅 in the normalised text maps back to 公安廳 in the original.
  const size_t pos = n.text.find(U"公安厅");
  REQUIRE(pos != std::u32string::npos);
  const Span s = n.ToOriginal(pos, pos + 3);
  CHECK(text.substr(s.start, s.end - s.start) == U"公安廳");
}

TEST_CASE("normalize: full-width ASCII becomes half-width") {
  const std::u32string text = U"ＡＢＣ１２３％（一）：，增长１２．５％";
  const NormalizedText n = Norm().Normalize(text);
  CHECK(n.text == U"ABC123%(一):,增长12.5%");
  CheckMapShape(n, text.size());
  for (size_t i = 0; i < text.size(); ++i) CHECK(n.to_original[i] == i);
}

TEST_CASE("normalize: NFKC expansion maps every output char to its source") {
  const std::u32string text = U"面积5㎡，温度3℃";
  const NormalizedText n = Norm().Normalize(text);
  CHECK(n.text == U"面积5m2,温度3°C");
  CheckMapShape(n, text.size());
  // m and 2 both come from ㎡ (original offset 3).
  CHECK(n.to_original[3] == 3);
  CHECK(n.to_original[4] == 3);
  CHECK(n.to_original[5] == 4);  // the comma
  const Span unit = n.ToOriginal(3, 5);
  CHECK(unit.start == 3);
  CHECK(unit.end == 4);
}

TEST_CASE("normalize: combining sequences compose") {
  const std::u32string text = U"Cafe\u0301 x";
  const NormalizedText n = Norm().Normalize(text);
  CHECK(n.text == U"Caf\u00e9 x");
  CheckMapShape(n, text.size());
  CHECK(n.to_original[4] == 5);  // the space after the composed é
}

TEST_CASE("normalize: characters outside the BMP pass through") {
  const std::u32string text = U"\U00020000公安\U0001F600";
  const NormalizedText n = Norm().Normalize(text);
  CHECK(n.text == text);
  CheckMapShape(n, text.size());
}

TEST_CASE("normalize: empty text") {
  const NormalizedText n = Norm().Normalize(U"");
  CHECK(n.text.empty());
  REQUIRE(n.to_original.size() == 1);
  CHECK(n.to_original[0] == 0);
}

TEST_CASE("normalize: NormalizeUtf8 for short strings") {
  CHECK(Norm().NormalizeUtf8("公安廳") == "公安厅");
  CHECK(Norm().NormalizeUtf8("１２％") == "12%");
  CHECK(Norm().NormalizeUtf8("杨义") == "杨义");
}

TEST_CASE("normalize: concurrent calls agree") {
  const std::u32string text = U"內蒙古自治區公安廳，ＡＢＣ";
  const std::u32string expected = Norm().Normalize(text).text;
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 0;
      for (int k = 0; k < 50; ++k) good += Norm().Normalize(text).text == expected;
      ok[static_cast<size_t>(t)] = good;
    });
  }
  for (auto& th : threads) th.join();
  for (const int good : ok) CHECK(good == 50);
}

TEST_CASE("t2s in our tries converts exactly as OpenCC does") {
  Result<std::unique_ptr<T2sConverter>> ours = T2sConverter::Load("t2s.json");
  REQUIRE(ours.ok());
  opencc::SimpleConverter opencc("t2s.json");
  const auto same = [&](const std::u32string& text) {
    const std::string utf8 = ToUtf8(text);
    INFO(utf8);
    CHECK(ToUtf8((*ours)->Convert(text)) == opencc.Convert(utf8));
  };
  // The traditional sample, whole and line by line.
  std::ifstream in(testing::SamplePath("000_a07d5b62baa24def.txt"), std::ios::binary);
  const std::u32string sample = FromUtf8(std::string((std::istreambuf_iterator<char>(in)), {}));
  REQUIRE(sample.size() > 1000);
  same(sample);
  // Every Han character of the basic block alone.
  std::u32string each;
  for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
    each.push_back(c);
    each.push_back(U'\n');
  }
  same(each);
  // Random strings over the sample's characters, where phrases overlap and
  // break in every way the segmentation must handle.
  std::u32string alphabet;
  for (const char32_t c : sample) {
    if (c >= 0x3400 && alphabet.find(c) == std::u32string::npos) alphabet.push_back(c);
  }
  std::mt19937 rng(7);
  for (int k = 0; k < 2000; ++k) {
    std::u32string text;
    const size_t start = rng() % (sample.size() - 16);
    text = sample.substr(start, 1 + rng() % 15);  // a piece of real text …
    for (int j = rng() % 4; j > 0; --j) text.push_back(alphabet[rng() % alphabet.size()]);  // … cut off oddly
    same(text);
  }
}

}  // namespace
}  // namespace govkg::internal

namespace govkg::internal {
namespace {

TEST_CASE("normalize: pinyin after characters and its mojibake are dropped, offsets kept") {
  const std::u32string text = U"積極開(kāi)展安全生產(chǎn)檢查(GDP)，燃?xì)馊急鹿省?0月";
  const NormalizedText n = Norm().Normalize(text);
  CHECK(n.text == U"积极开展安全生产检查(GDP),燃0月");
  CheckMapShape(n, text.size());
  // 开展 maps back to 開(kāi)展, its annotation inside the span.
  const size_t pos = n.text.find(U"开展");
  REQUIRE(pos != std::u32string::npos);
  const Span s = n.ToOriginal(pos, pos + 2);
  CHECK(text.substr(s.start, s.end - s.start) == U"開(kāi)展");
  // 0月 after the mojibake maps to 0月.
  const size_t month = n.text.find(U"0月");
  const Span m = n.ToOriginal(month, month + 2);
  CHECK(text.substr(m.start, m.end - m.start) == U"0月");
  // Parentheses that hold no pinyin stay (公里(km), 案件(起)).
  CHECK(Norm().Normalize(U"里程(km)").text == U"里程(km)");
}

}  // namespace
}  // namespace govkg::internal

#include "extract/text/chrome_internal.h"

namespace govkg::internal {
namespace {

TEST_CASE("chrome: breadcrumbs, share lines, image names and photo credits become blanks") {
  const std::vector<std::u32string> words = {U"分享到", U"上一篇"};
  std::u32string text =
      U"首页 > 要闻 > 正文\n分享到:微信 微博\n会场2.jpg\n会议现场。张某某摄据局长介绍,拍摄照片30张。\n上一篇:某某";
  const size_t size = text.size();
  BlankChrome(&text, words);
  CHECK(text.size() == size);  // offsets stay exact
  CHECK(text.find(U"首页") == std::u32string::npos);
  CHECK(text.find(U"微博") == std::u32string::npos);
  CHECK(text.find(U"jpg") == std::u32string::npos);
  CHECK(text.find(U"张某某") == std::u32string::npos);
  CHECK(text.find(U"上一篇") == std::u32string::npos);
  // The text around them stays.
  CHECK(text.find(U"会议现场。") != std::u32string::npos);
  CHECK(text.find(U"据局长介绍,拍摄照片30张。") != std::u32string::npos);
}

TEST_CASE("chrome: a long line holding a chrome word is text") {
  std::u32string text =
      U"会议要求各地加强值班值守，及时登录系统报送信息，确保各项工作落到实处，切实维护人民群众生命财产安全。";
  const std::u32string before = text;
  BlankChrome(&text, {U"登录"});
  CHECK(text == before);
}

}  // namespace
}  // namespace govkg::internal
