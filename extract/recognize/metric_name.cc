// extract/metric_name.cc: names of metrics from the text around their number.
#include "extract/recognize/metric_name_internal.h"

#include "extract/recognize/mention_internal.h"
#include "extract/recognize/metric_internal.h"

namespace govkg::internal {
namespace {

bool IsQuote(char32_t c) {
  return c == U'“' || c == U'”' || c == U'"' || c == U'《' || c == U'》' || c == U'‘' ||
         c == U'’' || c == U'\'' || c == U'「' || c == U'」' || c == U' ' || c == U'\u3000';
}

bool IsSeparator(char32_t c) {
  return c == U'、' || c == U'，' || c == U',' || c == U'和' || c == U'及' || c == U'与' ||
         c == U'；' || c == U'：' || c == U':';
}

bool StopsTail(char32_t c) {
  return c == U'，' || c == U',' || c == U'。' || c == U'；' || c == U';' || c == U'、' ||
         c == U'：' || c == U':' || c == U'(' || c == U')' || c == U'（' || c == U'）' ||
         c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'\n' || (c >= U'0' && c <= U'9');
}

// Where a list of verbs alone that opens s ends (审结、执结 of 审结、执结案件):
// two or more runs of metric verbs joined by 、, the last not used as a
// noun (事故起数、死亡人数 is a list of nouns). npos when s opens no such list.
size_t VerbListEnd(std::u32string_view s, const Trie<VerbKind>& verbs) {
  auto run = [&](size_t at) {
    for (Trie<VerbKind>::Match m = verbs.LongestAt(s, at); m.length > 0 && *m.payload == VerbKind::kVerb;
         m = verbs.LongestAt(s, at)) {
      at += m.length;
    }
    return at;
  };
  size_t end = run(0);
  if (end == 0 || end >= s.size() || s[end] != U'、') return std::u32string_view::npos;
  while (end < s.size() && s[end] == U'、') {
    const size_t next = run(end + 1);
    if (next == end + 1) return std::u32string_view::npos;
    end = next;
  }
  const char32_t after = end < s.size() ? s[end] : 0;
  const char32_t after2 = end + 1 < s.size() ? s[end + 1] : 0;
  if (after == U'率' || after == U'量' || after == U'数' || after == U'的' || after2 == U'数' ||
      s.substr(end).starts_with(U"能力")) {
    return std::u32string_view::npos;
  }
  return end;
}

// The length of 比2020年 / 较2022年同期 / 与2021年相比 ending at text[end - 1],
// 0 if there is none.
size_t YearComparisonEndingAt(std::u32string_view text, size_t end, size_t floor) {
  size_t k = end;
  for (const std::u32string_view tail : {U"相比", U"同期"}) {
    if (k >= floor + tail.size() && text.substr(k - tail.size(), tail.size()) == tail) k -= tail.size();
  }
  if (k < floor + 6 || text[k - 1] != U'年') return 0;
  for (size_t d = 2; d <= 5; ++d) {
    if (text[k - d] < U'0' || text[k - d] > U'9') return 0;
  }
  const char32_t word = text[k - 6];
  if (word != U'比' && word != U'较' && word != U'与') return 0;
  return end - (k - 6);
}

// The length of a comparison with a quarter of the year ending at `end`
// (较第一季度, 比二季度相比), 0 if none: a change on the period before.
size_t QuarterComparisonEndingAt(std::u32string_view text, size_t end, size_t floor) {
  size_t k = end;
  if (k >= floor + 2 && text.substr(k - 2, 2) == U"相比") k -= 2;
  if (k < floor + 4 || text.substr(k - 2, 2) != U"季度") return 0;
  k -= 2;
  if (std::u32string_view(U"一二三四1234").find(text[k - 1]) == std::u32string_view::npos) return 0;
  --k;
  if (k > floor && text[k - 1] == U'第') --k;
  if (k <= floor) return 0;
  const char32_t word = text[k - 1];
  if (word != U'比' && word != U'较' && word != U'与') return 0;
  return end - (k - 1);
}

}  // namespace

size_t MetricNamer::SkipListSeparators(std::u32string_view text, size_t start, size_t end) const {
  while (start < end) {
    if (text.substr(start, 2) == U"以及") {
      start += 2;
    } else if (IsSeparator(text[start])) {
      ++start;
    } else {
      break;
    }
  }
  return start;
}

std::vector<std::u32string> MetricNamer::SplitList(const std::u32string& name) const {
  std::vector<std::u32string> items(1);
  for (const char32_t c : name) {
    if (c == U'、' || c == U'和' || c == U'及') {
      if (!items.back().empty()) items.emplace_back();
    } else {
      items.back().push_back(c);
    }
  }
  if (items.back().empty()) items.pop_back();
  return items;
}

size_t MetricNamer::TailEnd(std::u32string_view text, size_t from, size_t max) const {
  size_t k = from;
  while (k < text.size() && k - from < max && !StopsTail(text[k])) ++k;
  return k;
}

std::u32string MetricNamer::CleanTail(std::u32string_view text, size_t from, size_t to) const {
  std::u32string out;
  for (size_t k = from; k < to; ++k) {
    if (!IsQuote(text[k])) out.push_back(text[k]);
  }
  // A trailing 的 or 等 belongs to what follows, a leading 的 to the number
  // (50%以上的企业).
  while (!out.empty() && (out.back() == U'的' || out.back() == U'等')) out.pop_back();
  if (!out.empty() && out.front() == U'的') out.erase(0, 1);
  return out;
}

MetricNamer::Cleaned MetricNamer::Clean(std::u32string_view text, size_t start,
                                        size_t end) const {
  Cleaned out;
  std::u32string& s = out.name;
  for (size_t k = start; k < end; ++k) {
    if (!IsQuote(text[k])) s.push_back(text[k]);
  }
  // an enumeration marker: (一), (3), 一是, 1., 2、
  if (!s.empty() && s[0] == U'(') {
    const size_t close = s.find(U')');
    if (close != std::u32string::npos && close <= 4) s.erase(0, close + 1);
  }
  {
    size_t k = 0;
    while (k < s.size() && k < 3 && IsNumberChar(s[k])) ++k;
    if (k > 0 && k < s.size() &&
        (s[k] == U'是' || s[k] == U'、' || (s[k] == U'.' && (k + 1 >= s.size() || !IsNumberChar(s[k + 1]))))) {
      s.erase(0, k + 1);
    }
  }
  // the work the figure came from: 在夏季治安打击整治“百日行动”中破获… is
  // named from 破获 on (its verbs 打击整治 are the program's)
  {
    size_t cut = 0;
    for (size_t k = 0; k < s.size(); ++k) {
      const Trie<int>::Match m = lex_.settings.LongestAt(s, k);
      if (m.length > 0 && k + m.length < s.size()) cut = k + m.length;
    }
    s.erase(0, cut);
  }
  // leading scope words and adverbs: 全区共, 先后, 其中
  for (bool again = true; again && !s.empty();) {
    again = false;
    const Trie<int>::Match m = lex_.lead_trims.LongestAt(s, 0);
    // …unless a longer verb starts there: 共有 is a verb, 共 an adverb
    const Trie<VerbKind>::Match v = lex_.verbs.LongestAt(s, 0);
    if (m.length > 0 && m.length < s.size() && v.length <= m.length) {
      s.erase(0, m.length);
      again = true;
    }
    while (!s.empty() && IsSeparator(s.front())) {
      s.erase(0, 1);
      again = true;
    }
  }
  // trailing words: 等, 共计, 分别
  for (bool again = true; again && !s.empty();) {
    again = false;
    const EndingMatch<int> m = lex_.trail_trims.LongestEndingAt(s, s.size());
    if (m.length > 0 && m.length < s.size()) {
      s.erase(s.size() - m.length);
      again = true;
    }
    while (!s.empty() && IsSeparator(s.back())) {
      s.pop_back();
      again = true;
    }
  }
  // Cut at the first verb: what comes before it is the subject or a place.
  // A rate is named whole: 食品抽检合格率, 现行命案破案率.
  const bool rate = !s.empty() && s.back() == U'率';
  // 审结、执结172.3万件: verbs alone listed share one figure and head its
  // name together (a verb before 、 is else a noun of a list, 治理、).
  if (const size_t verbs = rate ? std::u32string::npos : VerbListEnd(s, lex_.verbs);
      verbs != std::u32string::npos) {
    out.has_verb = true;
    out.verb = s.substr(0, verbs);
    out.verb_at_end = verbs == s.size();
    return out;
  }
  // Only a verb before any 、 heads the name; after one it is inside a list
  // of nouns (道路交通事故起数、死亡人数), unless partners make the list.
  const size_t list_at = SubjectList(s) ? std::u32string::npos : s.find(U'、');
  bool partners = false;
  for (size_t k = 0; k < s.size() && (k < list_at || partners) && !rate;) {
    const Trie<VerbKind>::Match m = lex_.verbs.LongestAt(s, k);
    if (m.length == 0) {
      ++k;
      continue;
    }
    if (*m.payload == VerbKind::kNotVerb) {
      k += m.length;
      continue;
    }
    // 联合A、B检查X: the verb after the partners heads the name.
    if (*m.payload == VerbKind::kPartner) {
      if (const size_t next = LastVerb(s, k + m.length); next != std::u32string::npos) {
        k = next;
        partners = true;
        continue;
      }
    }
    // the run of verbs it starts: 研制发布, 组织开展
    size_t run_end = k + m.length;
    for (Trie<VerbKind>::Match next = lex_.verbs.LongestAt(s, run_end);
         next.length > 0 && *next.payload == VerbKind::kVerb;
         next = lex_.verbs.LongestAt(s, run_end)) {
      run_end += next.length;
    }
    // Verbs used as nouns or modifiers: 破案率, 检查量, 死亡人数, 建立的平台, 治理、,
    // 实施面积
    const char32_t after = run_end < s.size() ? s[run_end] : 0;
    const char32_t after2 = run_end + 1 < s.size() ? s[run_end + 1] : 0;
    // (数据 is an object: 归集数据, 共享大数据)
    const std::u32string_view rest = std::u32string_view(s).substr(run_end);
    const bool data = rest.starts_with(U"数据") || (rest.size() > 1 && rest.substr(1).starts_with(U"数据"));
    if (after == U'率' || after == U'量' || after == U'的' || after == U'、' ||
        ((after == U'数' || after2 == U'数') && !data) || s.compare(run_end, 2, U"能力") == 0 ||
        s.compare(run_end, 2, U"面积") == 0) {
      k = run_end;
      continue;
    }
    out.has_verb = true;
    out.verb = s.substr(k, run_end - k);
    // A verb that ends the clause (日均巡逻3万人次, 死亡353人) keeps what
    // comes before it: that is what it is about.
    if (run_end < s.size()) {
      s.erase(0, k);
    } else {
      out.verb_at_end = true;
    }
    break;
  }
  return out;
}

size_t MetricNamer::LikeNounsHead(const std::vector<std::u32string>& items, size_t max_noun) const {
  // All items but the last: two to max_noun characters, no verb, ending in
  // one character; the last opens with a noun ending in it too, and goes on
  // for two characters or more.
  constexpr size_t kMinRest = 2;
  if (items.size() < 2 || items.front().empty()) return std::u32string::npos;
  const char32_t end = items.front().back();
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    const std::u32string& item = items[i];
    if (item.size() < 2 || item.size() > max_noun || item.back() != end || VerbIn(item)) {
      return std::u32string::npos;
    }
  }
  const std::u32string& last = items.back();
  const size_t at = last.find(end, 1);
  if (at == std::u32string::npos || at + 1 > max_noun || last.size() < at + 1 + kMinRest) {
    return std::u32string::npos;
  }
  return at + 1;
}

bool MetricNamer::ListedSubjects(std::u32string_view text, size_t start, size_t end,
                                 const std::vector<std::u32string>& items, std::u32string* shared,
                                 std::vector<TextRange>* spans) const {
  // 哈尔滨市、齐齐哈尔市、绥化市保护性耕作面积: like nouns ending in a level
  // word (市, 县: region_levels.txt) are subjects; the rest of the last item
  // is the one name they share.
  constexpr size_t kMaxSubject = 6;
  const size_t head = LikeNounsHead(items, kMaxSubject);
  if (head == std::u32string::npos || lex_.level_chars.find(items.front().back()) == std::u32string::npos) {
    return false;
  }
  const std::u32string& last = items.back();
  *shared = last.substr(head);
  // Where each subject stands in the text, in order.
  size_t from = start;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::u32string_view subject =
        i + 1 < items.size() ? std::u32string_view(items[i]) : std::u32string_view(last).substr(0, head);
    const size_t at = text.substr(0, end).find(subject, from);
    if (at == std::u32string_view::npos) return false;
    spans->push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + subject.size())});
    from = at + subject.size();
  }
  return true;
}

bool MetricNamer::SharedMeasure(std::vector<std::u32string>* items) const {
  // 餐饮食品、蔬菜制品不合格率: like nouns, the last with the measure they
  // share; each item is that measure of its own.
  constexpr size_t kMaxItem = 8;
  constexpr std::u32string_view kMeasureEnds = U"率量数额值度比";
  std::vector<std::u32string>& v = *items;
  if (v.empty() || v.back().empty() || kMeasureEnds.find(v.back().back()) == std::u32string_view::npos) {
    return false;
  }
  const size_t head = LikeNounsHead(v, kMaxItem);
  if (head == std::u32string::npos) return false;
  const std::u32string measure = v.back().substr(head);
  for (size_t i = 0; i + 1 < v.size(); ++i) v[i] += measure;
  return true;
}

bool MetricNamer::SubjectList(std::u32string_view s) const {
  // 凉山州、甘孜州、阿坝州共组织巡护人员: short nouns without a verb, then
  // one more and its verb. The list is the verb's subject, not the thing
  // counted (道路交通事故起数、死亡人数 has no subject before its verb).
  constexpr size_t kMaxSubject = 6;
  const size_t last = s.rfind(U'、');
  if (last == std::u32string_view::npos) return false;
  size_t item = 0;
  for (size_t k = 0; k <= last; ++k) {
    if (k < last && s[k] != U'、') continue;
    if (k - item == 0 || k - item > kMaxSubject || VerbIn(s.substr(item, k - item))) return false;
    item = k + 1;
  }
  // the last item: a subject of two or more characters, then a verb; it may
  // be a body's name (常德、岳阳两市应急管理局开展实战演练)
  constexpr size_t kMaxLastSubject = 12;
  for (size_t k = last + 3; k < s.size() && k <= last + 1 + kMaxLastSubject; ++k) {
    const Trie<VerbKind>::Match m = lex_.verbs.LongestAt(s, k);
    if (m.length > 0 && *m.payload == VerbKind::kVerb) return k + m.length < s.size();
  }
  return false;
}

bool MetricNamer::VerbIn(std::u32string_view s) const {
  for (size_t k = 0; k < s.size(); ++k) {
    const Trie<VerbKind>::Match m = lex_.verbs.LongestAt(s, k);
    if (m.length > 0 && *m.payload != VerbKind::kNotVerb) return true;
  }
  return false;
}

size_t MetricNamer::LastVerb(std::u32string_view s, size_t from) const {
  // The last, not the first: the partners' names hold verbs too (教育厅).
  size_t last = std::u32string::npos;
  for (size_t k = from; k < s.size();) {
    const Trie<VerbKind>::Match m = lex_.verbs.LongestAt(s, k);
    if (m.length > 0 && *m.payload == VerbKind::kVerb) last = k;
    k += m.length > 0 ? m.length : 1;
  }
  return last;
}

std::optional<MetricNamer::Cleaned> MetricNamer::CountedSubjects(std::u32string_view text,
                                                                  const std::vector<Cleaned>& items,
                                                                  std::vector<TextRange>* spans) const {
  constexpr size_t kMaxSubject = 6;
  if (items.size() < 2) return std::nullopt;
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    if (items[i].has_verb || items[i].name.size() > kMaxSubject) return std::nullopt;
  }
  const TextRange last = spans->back();
  uint32_t k = last.start;
  while (k < last.end && k - last.start < kMaxSubject && IsHan(text[k]) && !IsChineseNumeral(text[k])) ++k;
  const uint32_t place_end = k;
  while (k < last.end && (IsDigitChar(text[k]) || IsChineseNumeral(text[k]))) ++k;
  if (place_end == last.start || k == place_end || k >= last.end ||
      lex_.level_chars.find(text[k]) == std::u32string::npos) {
    return std::nullopt;
  }
  Cleaned shared = Clean(text, k + 1, last.end);
  if (shared.name.empty()) return std::nullopt;
  spans->back().end = place_end;
  return shared;
}

bool MetricNamer::SharedPredicate(std::u32string_view text, const std::vector<Cleaned>& items,
                                  std::vector<TextRange>* spans) const {
  // 大理州、丽江市接待游客均超过500万人次: bare nouns, then one item whose
  // verb cut a subject off its front. The nouns are more subjects of that
  // verb, not things counted (封闭式管理、配备率均达100% has no such verb).
  constexpr size_t kMaxSubject = 12;
  if (items.size() < 2) return false;
  const Cleaned& last = items.back();
  if (!last.has_verb || last.verb_at_end) return false;
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    if (items[i].has_verb || items[i].name.size() > kMaxSubject) return false;
  }
  TextRange& tail = spans->back();
  const size_t verb_at = text.substr(tail.start, tail.end - tail.start).find(last.verb);
  if (verb_at == std::u32string_view::npos || verb_at == 0 || verb_at > kMaxSubject) return false;
  tail.end = tail.start + static_cast<uint32_t>(verb_at);
  return true;
}

MetricNamer::ListReading MetricNamer::ReadList(std::u32string_view text, size_t start, size_t end,
                                               std::vector<std::u32string> items) const {
  ListReading r;
  std::u32string shared;
  if (ListedSubjects(text, start, end, items, &shared, &r.subjects)) {
    r.names.assign(items.size(), shared);
  } else {
    r.subjects.clear();
    SharedMeasure(&items);
    r.names = std::move(items);
  }
  return r;
}

size_t MetricNamer::DistributeCueEndingAt(std::u32string_view text, size_t end, size_t floor) const {
  // 日均, 人均 end like the cue 均 but are words of the name (payload 0).
  const EndingMatch<int> d = lex_.distribute_cues.LongestEndingAt(text, end, floor);
  return d.length > 0 && *d.payload != 0 ? d.length : 0;
}

bool MetricNamer::SubjectsBeforeRespectively(std::u32string_view text, size_t start, size_t end,
                                             NameRegion* r) const {
  constexpr size_t kMaxSubject = 12;
  constexpr std::u32string_view kRespectively = U"分别";
  const size_t at = text.substr(0, end).find(kRespectively, start);
  if (at == std::u32string_view::npos || at == start) return false;
  const Cleaned shared = Clean(text, at + kRespectively.size(), end);
  if (!shared.has_verb || shared.name.empty()) return false;
  // A lone verb closing the clause (…耕作面积分别达到800万亩) says nothing of
  // what is counted: that stands before 分别, which is then no list of
  // subjects. A run of two verbs (分别办理退税, 分别开展检查) names it.
  constexpr size_t kMinVerbRunNaming = 4;
  if (shared.verb_at_end && shared.verb.size() < kMinVerbRunNaming) return false;
  std::vector<TextRange> subjects;
  size_t item_start = start;
  for (size_t k = start; k <= at; ++k) {
    if (k < at && text[k] != U'、' && text[k] != U'和') continue;
    if (k == item_start || k - item_start > kMaxSubject || Clean(text, item_start, k).has_verb) return false;
    subjects.push_back({static_cast<uint32_t>(item_start), static_cast<uint32_t>(k)});
    item_start = k + 1;
  }
  if (subjects.size() < 2) return false;
  r->subjects = std::move(subjects);
  r->items.assign(1, shared.name);
  r->verb = shared.verb;
  r->has_verb = true;
  r->respectively = true;
  r->subjects_paired = true;
  return true;
}

NameRegion MetricNamer::Analyse(std::u32string_view text, size_t start, size_t end,
                                std::u32string* period) const {
  NameRegion r;
  // A period written inside the clause: 全区公安机关今年以来破获…
  for (size_t k = start; k < end; ++k) {
    // A time inside a quoted name is the name's: “百日行动”, 《2023年工作要点》.
    if (text[k] == U'“' || text[k] == U'《') {
      const size_t close = text.substr(0, end).find(text[k] == U'“' ? U'”' : U'》', k + 1);
      if (close != std::u32string_view::npos) {
        k = close;
        continue;
      }
    }
    const char32_t prev = k > 0 ? text[k - 1] : 0;
    if (prev == U'比' || prev == U'较' || prev == U'与' || prev == U'于' || prev == U'同' ||
        (prev >= U'0' && prev <= U'9')) {
      continue;
    }
    // 较第一季度: the period compared with, not the figure's
    if (prev == U'第' && k >= 2 && (text[k - 2] == U'比' || text[k - 2] == U'较' || text[k - 2] == U'与')) continue;
    const size_t len = lex_.MatchPeriodAt(text.substr(0, end), k);
    if (len > 0) {
      period->assign(text.substr(k, len));
      // 粮食产量连续6年过千亿斤: after the thing counted, a span with no
      // words of its own after it; the name is what comes before it.
      constexpr size_t kMaxRest = 1;
      const Cleaned rest = Clean(text, k + len, end);
      if (k > start && !rest.has_verb && rest.name.size() <= kMaxRest &&
          !Clean(text, start, k).name.empty()) {
        end = k;
      } else {
        start = k + len;
      }
      break;
    }
  }
  // A change: …比上年同期减少 | 同比增长 | 刑事案件同比下降
  size_t s = end;
  // …同比下降均超过20%: the list's 均 after the change verb.
  if (const size_t d = DistributeCueEndingAt(text, end, start); d > 0) {
    const EndingMatch<ChangeKind> c = lex_.changes.LongestEndingAt(text, end - d, start);
    if (c.length > 0 && !IsChangeCue(*c.payload)) {
      s -= d;
      r.change_distributed = true;
    }
  }
  if (const EndingMatch<ChangeKind> m = lex_.changes.LongestEndingAt(text, s, start);
      m.length > 0 && !IsChangeCue(*m.payload)) {
    r.change = true;
    r.change_down = *m.payload == ChangeKind::kDown;
    r.change_verb_length = m.length;
    s -= m.length;
    // …同比均下降: the list's 均 before it.
    if (const size_t d = DistributeCueEndingAt(text, s, start); d > 0) {
      s -= d;
      r.change_distributed = true;
    }
    for (EndingMatch<ChangeKind> cue = lex_.changes.LongestEndingAt(text, s, start);
         cue.length > 0 && IsChangeCue(*cue.payload);
         cue = lex_.changes.LongestEndingAt(text, s, start)) {
      r.change_has_cue = true;
      r.change_month |= *cue.payload == ChangeKind::kMonthCue;
      r.respectively |= text.substr(s - cue.length, cue.length) == U"分别";
      s -= cue.length;
    }
    // 比2020年, 较2022年同期: a comparison with a named year
    if (const size_t cue = YearComparisonEndingAt(text, s, start); cue > 0) {
      r.change_has_cue = true;
      s -= cue;
    } else if (const size_t q = QuarterComparisonEndingAt(text, s, start); q > 0) {
      r.change_has_cue = true;
      r.change_month = true;
      s -= q;
    }
    r.change_base = Clean(text, start, s).name;
  }
  r.respectively |= end - start >= 2 && text.substr(end - 2, 2) == U"分别";
  if (!r.change && SubjectsBeforeRespectively(text, start, end, &r)) return r;
  // 封闭式管理、专职保安员配备率均达100%: one metric per item.
  if (const size_t d = DistributeCueEndingAt(text, end, start); d > 0) {
    end -= d;
    std::vector<TextRange> spans;
    std::vector<Cleaned> items;
    size_t item_start = start;
    for (size_t k = start; k <= end; ++k) {
      if (k == end || text[k] == U'、') {
        Cleaned item = Clean(text, item_start, k);
        if (!item.name.empty()) {
          items.push_back(std::move(item));
          spans.push_back({static_cast<uint32_t>(item_start), static_cast<uint32_t>(k)});
        }
        item_start = k + 1;
      }
    }
    if (!items.empty()) {
      r.verb = items.front().verb;
      r.has_verb = items.front().has_verb;
      r.verb_at_end = items.front().verb_at_end;
    }
    if (SharedPredicate(text, items, &spans)) {
      r.verb = items.back().verb;
      r.has_verb = true;
      r.verb_at_end = false;
      r.items.assign(items.size(), items.back().name);
      r.subjects = std::move(spans);
      return r;
    }
    if (std::optional<Cleaned> shared = CountedSubjects(text, items, &spans)) {
      r.verb = shared->verb;
      r.has_verb = shared->has_verb;
      r.verb_at_end = shared->verb_at_end;
      r.items.assign(items.size(), shared->name);
      r.subjects = std::move(spans);
      return r;
    }
    for (Cleaned& item : items) r.items.push_back(std::move(item.name));
    SharedMeasure(&r.items);
    return r;
  }
  Cleaned whole = Clean(text, start, end);
  r.verb = std::move(whole.verb);
  r.has_verb = whole.has_verb;
  r.verb_at_end = whole.verb_at_end;
  r.items.push_back(std::move(whole.name));
  return r;
}

}  // namespace govkg::internal
