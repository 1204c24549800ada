// Tests of extract/segment.cc: table-driven cases over normalised text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/text/decode_internal.h"
#include "extract/text/segment_internal.h"

namespace govkg::internal {
namespace {

std::string Slice(const std::u32string& text, TextRange r) {
  return ToUtf8(std::u32string_view(text).substr(r.start, r.end - r.start));
}

std::vector<std::string> Sentences(const std::string& utf8) {
  const std::u32string text = FromUtf8(utf8);
  std::vector<std::string> out;
  for (const Sentence& s : Segment(text).sentences) out.push_back(Slice(text, s.range));
  return out;
}

// "marker|heading|ordinal|level"
std::vector<std::string> Items(const std::string& utf8) {
  const std::u32string text = FromUtf8(utf8);
  std::vector<std::string> out;
  for (const EnumerationItem& it : Segment(text).items) {
    out.push_back(Slice(text, it.marker) + "|" + Slice(text, it.heading) + "|" +
                  std::to_string(it.ordinal) + "|" + std::to_string(it.level));
  }
  return out;
}

// "label|speaker|first chars of the turn"
std::vector<std::string> Turns(const std::string& utf8) {
  const std::u32string text = FromUtf8(utf8);
  std::vector<std::string> out;
  for (const SpeakerTurn& t : Segment(text).turns) {
    TextRange head = t.start_to_end;
    head.end = std::min(head.end, head.start + 4);
    out.push_back(Slice(text, t.label) + "|" + Slice(text, t.speaker) + "|" + Slice(text, head));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("segment: sentences") {
  struct Case {
    const char* text;
    Strings expected;
  };
  const std::vector<Case> cases = {
      {"甲。乙!丙?丁;戊", {"甲。", "乙!", "丙?", "丁;", "戊"}},
      {"全角！问？", {"全角！", "问？"}},
      {"他说“好。走!”然后。", {"他说“好。走!”然后。"}},
      {"印发《通知。意见》。再见。", {"印发《通知。意见》。", "再见。"}},
      {"第一行\n第二行。\r\n\n  第三行  ", {"第一行", "第二行。", "第三行"}},
      {"真的吗?!是的。", {"真的吗?!", "是的。"}},
      // A stray opening quote does not swallow the paragraph.
      {"开展“雪亮工程。建设平安。", {"开展“雪亮工程。", "建设平安。"}},
      {"他说:“《法》。”好。", {"他说:“《法》。”好。"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Sentences(c.text) == c.expected);
  }
}

TEST_CASE("segment: paragraphs and their sentences") {
  const std::u32string text = FromUtf8("甲。乙。\n\n丙。");
  const Segmentation s = Segment(text);
  REQUIRE(s.paragraphs.size() == 2);
  CHECK(Slice(text, s.paragraphs[1].range) == "丙。");
  REQUIRE(s.sentences.size() == 3);
  CHECK(s.sentences[1].paragraph == 0);
  CHECK(s.sentences[2].paragraph == 1);
}

TEST_CASE("segment: enumeration forms") {
  struct Case {
    const char* text;
    Strings expected;
  };
  const std::vector<Case> cases = {
      {"一是精心组织开展“护校安园”专项行动。全区…\n二是强化管理,提升能力。",
       {"一是|精心组织开展“护校安园”专项行动|1|0", "二是|强化管理,提升能力|2|0"}},
      // A quoted name in the first clause: the heading stops at the comma.
      {"三是持续开展“保卫黄河”专项行动,打击犯罪。", {"三是|持续开展“保卫黄河”专项行动|3|0"}},
      {"第一,加强领导。\n第二、完善机制。", {"第一|加强领导|1|0", "第二|完善机制|2|0"}},
      {"(一)公路客运超员;\n(二)货车超载。", {"(一)|公路客运超员|1|0", "(二)|货车超载|2|0"}},
      {"1.健全制度。\n2、压实责任。\n(3)强化考核。",
       {"1.|健全制度|1|0", "2、|压实责任|2|0", "(3)|强化考核|3|1"}},
      {"一、此次行动整治重点\n(一)超员载客。\n(二)超速行驶。\n二、具体措施",
       {"一、|此次行动整治重点|1|0", "(一)|超员载客|1|1", "(二)|超速行驶|2|1",
        "二、|具体措施|2|0"}},
      // Items inside a paragraph, one level below the paragraph's own item.
      {"二是优化机制,构建新格局。一是强化联动协作。二是强化区域协作。",
       {"二是|优化机制,构建新格局|2|0", "一是|强化联动协作|1|1", "二是|强化区域协作|2|1"}},
      {"主要措施如下:一是严打;二是严管。", {"一是|严打|1|0", "二是|严管|2|0"}},
      {"十一是加强宣传。", {"十一是|加强宣传|11|0"}},
      // Not markers: decimals, ordinals inside words, a stray 二是 mid-text.
      {"增长12.5%。第一道防线。唯一是他。", {}},
      {"他说了很多。二是后来补充的。", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Items(c.text) == c.expected);
  }
}

TEST_CASE("segment: enumeration item fields") {
  const std::u32string text = FromUtf8("前言。\n(二)坚持动态清零。一是推进攻坚。二是排查隐患。");
  const Segmentation s = Segment(text);
  REQUIRE(s.items.size() == 3);
  CHECK(s.paragraphs[1].enumeration == 0);
  CHECK(s.paragraphs[0].enumeration == -1);
  CHECK(s.items[1].parent == 0);
  CHECK(s.items[1].paragraph == 1);
  CHECK(Slice(text, s.items[1].body) == "一是推进攻坚。");
  CHECK(Slice(text, s.items[2].body) == "二是排查隐患。");
}

TEST_CASE("segment: speaker turns") {
  struct Case {
    const char* text;
    Strings expected;
  };
  const std::vector<Case> cases = {
      {"内蒙古广播电视台记者:请问有哪些措施?\n自治区公安厅治安管理总队总队长杨义:良好的治安。\n"
       "一是开展行动。",
       {"内蒙古广播电视台记者||请问有哪", "自治区公安厅治安管理总队总队长杨义|杨义|良好的治"}},
      {"自治区公安厅反恐怖总队总队长阿力坦宝力高:党中央历来重视。",
       {"自治区公安厅反恐怖总队总队长阿力坦宝力高|阿力坦宝力高|党中央历"}},
      {"交通管理局政委黄丽娜:为深入贯彻。", {"交通管理局政委黄丽娜|黄丽娜|为深入贯"}},
      {"调查处处长王孝东:习近平总书记强调:治国先治边。", {"调查处处长王孝东|王孝东|习近平总"}},
      {"主持人:请提问。\n问:有何成效?\n答:成效显著。",
       {"主持人||请提问。", "问||有何成效", "答||成效显著"}},
      // Not speaker labels: a reporting verb, a time, a long clause, a quote.
      {"邢国显介绍:“今年以来,成效明显。”", {}},
      {"2023年01月06日09:55 | 来源:巴彦淖尔日报", {}},
      {"为深入贯彻落实公安部的部署要求,交通管理局局长说:要加强。", {}},
      {"地址:呼和浩特市。", {}},
      // A bare name labels a turn when the text has named that person before…
      {"今天请到副厅长孙立平同志介绍情况。\n孙立平:今年以来,成效明显。",
       {"孙立平|孙立平|今年以来"}},
      // …and not otherwise.
      {"今天介绍情况。\n孙立平:今年以来,成效明显。", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Turns(c.text) == c.expected);
  }
}

TEST_CASE("segment: a turn lasts until the next speaker label") {
  const std::u32string text =
      FromUtf8("新华网记者:请问?\n局长张三:第一段。\n第二段。\n新华网记者:谢谢。");
  const Segmentation s = Segment(text);
  REQUIRE(s.turns.size() == 3);
  CHECK(Slice(text, s.turns[1].start_to_end) == "第一段。\n第二段。");
  CHECK(Slice(text, s.turns[2].start_to_end) == "谢谢。");
  REQUIRE(s.paragraphs.size() == 4);
  CHECK(s.paragraphs[0].speaker_turn == 0);
  CHECK(s.paragraphs[1].speaker_turn == 1);
  CHECK(s.paragraphs[2].speaker_turn == 1);
  CHECK(s.paragraphs[3].speaker_turn == 2);
}

TEST_CASE("segment: a converter annotation before a marker is skipped") {
  // Word-to-text converters leave "[bookmark: _GoBack]" before list markers.
  const std::u32string text = FromUtf8(
      "自治区公安厅治安管理总队总队长杨义：开场。\n"
      "[bookmark: _GoBack]二是我们始终牢记初心使命，建设平安边境。");
  const Segmentation s = Segment(text);
  REQUIRE(s.items.size() == 1);
  CHECK(Slice(text, s.items[0].marker) == "二是");
  CHECK(Slice(text, s.items[0].heading) == "我们始终牢记初心使命，建设平安边境");
}

TEST_CASE("segment: huge lines stay linear and headings are bounded") {
  std::u32string text = U"一是";
  text.append(200000, U'甲');
  Segmentation s = Segment(text);
  REQUIRE(s.items.size() == 1);
  CHECK(s.items[0].heading.end - s.items[0].heading.start == 300);
  // A sentence is cut every 4096 characters when it has no comma (issue 21):
  // the pieces follow each other and cover the line.
  REQUIRE(s.sentences.size() == (text.size() + 4095) / 4096);
  for (size_t k = 0; k < s.sentences.size(); ++k) {
    CHECK(s.sentences[k].range.end - s.sentences[k].range.start <= 4096);
    if (k > 0) CHECK(s.sentences[k].range.start == s.sentences[k - 1].range.end);
  }
  CHECK(s.sentences.back().range.end == text.size());
  // Many inline markers with no sentence end between them.
  std::u32string colons;
  for (int i = 0; i < 50000; ++i) colons += U"甲:一是乙";
  s = Segment(colons);
  CHECK(s.items.size() == 50000);
  std::u32string quotes(100000, U'“');
  quotes.append(100000, U'”');
  s = Segment(quotes);
  CHECK(s.sentences.size() == 200000 / 4096 + 1);
}

TEST_CASE("segment: an over-long sentence is cut after its last comma before the bound") {
  // Clauses of 999 characters and a comma: 4 fit in 4096, the cut follows the 4th comma.
  std::u32string clause(999, U'甲');
  clause += U'，';
  std::u32string text;
  for (int i = 0; i < 10; ++i) text += clause;
  text += U'。';
  const Segmentation s = Segment(text);
  REQUIRE(s.sentences.size() == 3);
  CHECK(s.sentences[0].range.end == 4000);
  CHECK(s.sentences[1].range.end == 8000);
  CHECK(s.sentences[2].range.end == text.size());
  // Ordinary sentences are never cut.
  const Segmentation plain = Segment(U"甲乙丙，丁戊己。庚辛。");
  CHECK(plain.sentences.size() == 2);
}

}  // namespace
}  // namespace govkg::internal
