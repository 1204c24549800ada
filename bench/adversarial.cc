// The adversarial shapes (see adversarial_internal.h). Every shape is a
// unit repeated, with a counter where names must differ, so a shape at 4×
// the size is the same text four times as long. Only general vocabulary:
// kind words, titles, verbs, level words; names are made of filler characters.
#include "bench/adversarial_internal.h"

#include <array>
#include <cstdint>
#include <functional>

namespace govkg::bench {
namespace {

// Characters that are no kind word, level word, verb or stop word alone: the
// names made of them are names only by the kind word that follows.
constexpr std::array<std::string_view, 40> kFiller = {
    "梧", "湄", "岚", "禾", "蔚", "澄", "汀", "棠", "岫", "翎", "瑾", "桐", "苇", "萍",
    "珂", "琰", "澜", "皓", "麓", "砚", "霁", "渝", "黛", "椿", "蓁", "芷", "沅", "湘",
    "滢", "樾", "璟", "筠", "蘅", "荇", "菁", "峦", "泓", "溪", "杉", "楠"};

// A distinct name for every i (three filler characters, a fourth past 64,000).
std::string NameOf(uint64_t i) {
  std::string s;
  const uint64_t n = kFiller.size();
  s += kFiller[i % n];
  s += kFiller[(i / n) % n];
  s += kFiller[(i / (n * n)) % n];
  if (i >= n * n * n) s += kFiller[(i / (n * n * n)) % n];
  return s;
}

// A small fixed generator (the text must not depend on the standard library).
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

constexpr std::array<std::string_view, 24> kSalad = {
    "公安局", "开展", "专项行动", "治安管理", "总队", "自治区", "市", "县", "会同",
    "应急管理厅", "部署", "整治", "共", "破获", "案件", "起", "抓获", "人", "支队",
    "关于", "印发", "通知", "局长", "在"};

constexpr std::array<std::string_view, 7> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵"};

// Short forms of county names of one province (general vocabulary: region
// names), places only in context, which a list of them gives.
constexpr std::array<std::string_view, 10> kRegions = {"开原", "昌图", "西丰", "新民", "辽中",
                                                       "法库", "康平", "台安", "岫岩", "海城"};

constexpr std::array<std::string_view, 10> kOrdinals = {"一", "二", "三", "四", "五",
                                                        "六", "七", "八", "九", "十"};

struct Shape {
  std::string_view name;
  std::string_view description;
  std::string_view head;  // once, first
  std::function<std::string(uint64_t)> unit;  // the i-th repeated piece
  std::string_view tail;  // once, last
  // Nesting shapes: the closing piece of unit i, written in reverse after
  // all units (so the text is balanced). Empty: none.
  std::function<std::string(uint64_t)> close;
};

const std::vector<Shape>& Shapes() {
  static const std::vector<Shape> shapes = {
      {"long_sentence", "one sentence: a short clause repeated with commas",
       "", [](uint64_t) { return std::string("市公安局组织开展专项整治行动，"); }, "。", {}},
      {"name_run", "one agency name repeated with no punctuation at all",
       "", [](uint64_t) { return std::string("省公安厅治安管理总队"); }, "", {}},
      {"quoted_names", "one list of distinct quoted program names sharing one kind word",
       "市公安局开展", [](uint64_t i) { return "“" + NameOf(i) + "行动”、"; }, "等专项行动。", {}},
      {"unit_list", "one list of distinct agency names sharing one kind word",
       "市公安局会同", [](uint64_t i) { return NameOf(i) + "局、"; }, "等部门开展联合执法。", {}},
      {"number_run", "figures with units in one run separated by 、",
       "今年以来，共",
       [](uint64_t i) {
         const std::string n = std::to_string(i % 997 + 1);
         return "破获案件" + n + "起、抓获犯罪嫌疑人" + n + "人、查扣车辆" + n + "辆、";
       },
       "。", {}},
      {"digit_run", "one number of millions of digits, then a unit",
       "共抓获", [](uint64_t i) { return std::string(1, static_cast<char>('0' + i % 10)); },
       "人。", {}},
      {"nested", "brackets and quotes nested as deep as the text is long",
       "", [](uint64_t i) { return std::string(std::array{"“", "《", "（", "「", "『", "【"}[i % 6]) + "关于" + NameOf(i) + "局"; },
       "", [](uint64_t i) { return std::string(std::array{"”", "》", "）", "」", "』", "】"}[i % 6]); }},
      {"unclosed", "opening quotes and brackets never closed",
       "", [](uint64_t i) { return std::string(std::array{"“", "《", "（", "「"}[i % 4]) + "开展" + NameOf(i) + "行动"; },
       "。", {}},
      {"word_salad", "common words of the lexicon in a random order, no punctuation",
       "", [](uint64_t i) { return std::string(kSalad[Mix(i) % kSalad.size()]); }, "", {}},
      {"items_inline", "enumeration items 一是…十是… repeated in one paragraph",
       "主要做法如下：",
       [](uint64_t i) { return std::string(kOrdinals[i % 10]) + "是开展“" + NameOf(i) + "”专项行动；"; },
       "。", {}},
      {"posts", "a list of agencies, titles and persons in one sentence",
       "出席会议的有",
       [](uint64_t i) { return NameOf(i) + "市公安局局长" + std::string(kSurnames[i % kSurnames.size()]) + NameOf(i + 7).substr(0, 6) + "、"; },
       "等。", {}},
      {"speaker_colons", "speaker labels and colons with no line break",
       "", [](uint64_t i) { return "市公安局局长" + NameOf(i).substr(0, 6) + "：在" + NameOf(i) + "县开展检查，"; },
       "", {}},
      {"title_chain", "titles joined by 、 without end, then a name",
       "市公安局", [](uint64_t i) { return std::string(std::array{"局长", "副局长", "政委", "委员"}[i % 4]) + "、"; },
       "局长王岚。", {}},
      {"cited_programs", "programs cited in one sentence (按照…), each framing the next",
       "", [](uint64_t i) { return "按照“" + NameOf(i) + "”专项行动要求，开展“" + NameOf(i + 1) + "”专项行动、"; },
       "。", {}},
      {"item_metrics", "one enumeration item of millions of characters: programs and figures",
       "一、",
       [](uint64_t i) { return "开展“" + NameOf(i) + "”专项行动，破获案件" + std::to_string(i % 97 + 1) + "起，"; },
       "。", {}},
      {"region_list", "region names listed with 、 in one sentence (a flattened table of places)",
       "在", [](uint64_t i) { return std::string(kRegions[i % kRegions.size()]) + "、"; },
       "等地开展检查。", {}},
  };
  return shapes;
}

const Shape* Find(std::string_view name) {
  for (const Shape& s : Shapes()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

const std::vector<std::string_view>& AdversarialShapes() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Shape& s : Shapes()) out.push_back(s.name);
    return out;
  }();
  return names;
}

std::string_view AdversarialDescription(std::string_view shape) {
  const Shape* s = Find(shape);
  return s == nullptr ? std::string_view() : s->description;
}

std::string AdversarialText(std::string_view shape, size_t bytes) {
  const Shape* s = Find(shape);
  if (s == nullptr) return {};
  std::string out(s->head);
  out.reserve(bytes + 256);
  std::vector<uint64_t> opened;
  size_t closing = 0;  // bytes the closers will add
  uint64_t i = 0;
  while (out.size() + closing + s->tail.size() < bytes) {
    out += s->unit(i);
    if (s->close) {
      closing += s->close(i).size();
      opened.push_back(i);
    }
    ++i;
  }
  for (size_t k = opened.size(); k-- > 0;) out += s->close(opened[k]);
  out += s->tail;
  return out;
}

}  // namespace govkg::bench
