// Metrics in the cells of a table copied from a web page. Statistical
// bulletins and work reports carry tables; a page copied as text writes each
// cell followed by '|' — one cell per line, a lone '|' opening each row — or
// a whole row on one line (| a | b | c |). The first row whose cells after
// the first are not numbers is the header: each column's name and, in
// parentheses, its unit (现价 (万元), 增速 (%)); a caption line 单位：万元
// gives the unit of columns that write none. Each later row is a row name
// and one number per column: one metric per cell, named row + column (the
// first column's figure is the row's own: 工业 (万元) → 工业), a growth
// column (增速, 增长, 同比) naming a change (工业同比). A cell that repeats a
// figure the prose already gave (same value and unit, the prose name holding
// the row name) is that metric's second mention, not a new one.
#include "extract/recognize/metric_table_internal.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

namespace govkg::internal {
namespace {

bool IsBlank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000'; }
bool IsHanChar(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

TextRange Trim(std::u32string_view text, TextRange r) {
  while (r.start < r.end && IsBlank(text[r.start])) ++r.start;
  while (r.end > r.start && IsBlank(text[r.end - 1])) --r.end;
  return r;
}

struct Column {
  std::u32string name;   // without the unit and blanks
  std::string unit;      // base unit; empty = no unit known
  double scale = 1;
  bool change = false;   // 增速 (%): a change metric
};

// The number that is the whole cell, or nullopt.
std::optional<double> CellNumber(std::u32string_view text, TextRange cell) {
  if (cell.start >= cell.end) return std::nullopt;
  bool negative = false;
  uint32_t s = cell.start;
  if (text[s] == U'-' || text[s] == U'−') {
    negative = true;
    ++s;
  }
  if (s >= cell.end || text[s] < U'0' || text[s] > U'9') return std::nullopt;
  const ParsedNumber n = ParseNumberAt(text, s);
  if (n.length == 0 || s + n.length != cell.end || n.ends_in_multiplier || n.is_chinese) {
    return std::nullopt;
  }
  return negative ? -n.value : n.value;
}

class TableReader {
 public:
  TableReader(std::u32string_view text, const MetricLexicon& lex, std::vector<MetricMention>* out,
              const std::vector<MetricMention>& prose)
      : text_(text), lex_(lex), out_(out) {
    for (const MetricMention& m : prose) {
      prose_[Key(m.value.value, m.value.unit)].push_back(&m.name);
    }
  }

  void Line(TextRange line) {
    const TextRange t = Trim(text_, line);
    if (t.start == t.end) {  // a blank line inside a table is harmless
      return;
    }
    if (text_[t.end - 1] != U'|') {
      EndRow();
      header_.clear();
      default_unit_ = {};
      ReadUnitLine(t);
      return;
    }
    // One row on one line: | a | b | c |
    if (std::count(text_.begin() + t.start, text_.begin() + t.end, U'|') >= 3) {
      EndRow();
      uint32_t s = t.start;
      if (text_[s] == U'|') ++s;
      for (uint32_t k = s; k < t.end; ++k) {
        if (text_[k] != U'|') continue;
        row_.push_back(Trim(text_, {s, k}));
        s = k + 1;
      }
      EndRow();
      return;
    }
    const TextRange cell = Trim(text_, {t.start, t.end - 1});
    if (cell.start == cell.end) {  // a lone '|' opens the next row
      EndRow();
      return;
    }
    row_.push_back(cell);
  }

  void Finish() { EndRow(); }

 private:
  static std::string Key(double value, const std::string& unit) {
    return std::to_string(std::llround(value * 1000)) + "\t" + unit;
  }

  // 单位：万元 (or 单位:%) before a table.
  void ReadUnitLine(TextRange t) {
    constexpr uint32_t kMaxUnitLine = 40;
    if (t.end - t.start > kMaxUnitLine) return;
    for (uint32_t k = t.start; k + 2 < t.end; ++k) {
      if (text_[k] != U'单' || text_[k + 1] != U'位') continue;
      uint32_t u = k + 2;
      if (text_[u] == U':' || text_[u] == U'：') ++u;
      while (u < t.end && IsBlank(text_[u])) ++u;
      Column c;
      if (ReadUnit(u, t.end, &c)) default_unit_ = c;
      return;
    }
  }

  // The unit written at [s, e): %, or a measure word of metric_units.txt.
  bool ReadUnit(uint32_t s, uint32_t e, Column* c) const {
    if (s >= e) return false;
    if (text_[s] == U'%') {
      c->unit = "%";
      c->scale = 1;
      return true;
    }
    const Trie<UnitEntry>::Match u = lex_.units.LongestAt(text_, s);
    if (u.length == 0 || s + u.length > e || u.payload->base.empty()) return false;
    c->unit = u.payload->base;
    c->scale = u.payload->scale;
    return true;
  }

  Column ReadColumn(TextRange cell) const {
    Column c;
    uint32_t open = cell.end;
    for (uint32_t k = cell.start; k < cell.end; ++k) {
      if (text_[k] == U'(') {
        open = k;
        break;
      }
      if (!IsBlank(text_[k])) c.name += text_[k];
    }
    if (open < cell.end) {
      uint32_t close = open + 1;
      while (close < cell.end && text_[close] != U')') ++close;
      ReadUnit(open + 1, close, &c);
    }
    if (c.unit.empty()) {
      c.unit = default_unit_.unit;
      c.scale = default_unit_.scale;
    }
    for (const std::u32string_view w : {U"增速", U"增长", U"同比", U"增幅"}) {
      if (c.name.find(w) != std::u32string::npos) c.change = true;
    }
    return c;
  }

  void EndRow() {
    std::vector<TextRange> row = std::move(row_);
    row_.clear();
    if (row.size() < 2) return;
    if (header_.empty()) {
      for (size_t j = 1; j < row.size(); ++j) {
        if (CellNumber(text_, row[j]) || row[j].start == row[j].end) return;
      }
      for (const TextRange& cell : row) header_.push_back(ReadColumn(cell));
      return;
    }
    // The last row of a page cut short keeps the cells it has.
    if (row.size() > header_.size()) return;
    const TextRange name_cell = row[0];
    std::u32string row_name;
    for (uint32_t k = name_cell.start; k < name_cell.end; ++k) {
      if (!IsBlank(text_[k])) row_name += text_[k];
    }
    if (std::none_of(row_name.begin(), row_name.end(), IsHanChar)) return;
    bool first = true;
    for (size_t j = 1; j < row.size(); ++j) {
      const std::optional<double> v = CellNumber(text_, row[j]);
      if (!v) continue;
      const Column& col = header_[j];
      if (col.unit.empty()) continue;
      std::u32string name = row_name;
      if (col.change) {
        name += U"同比";
      } else if (!first) {
        name += col.name;
      }
      if (!col.change) first = false;
      const double value = TidyDecimal(*v * col.scale);
      if (Repeats(value, col.unit, row_name)) continue;
      MetricMention m;
      m.range = {name_cell.start, row[j].end};
      m.number = row[j];
      m.name = MetricEncodeUtf8(name);
      m.value.value = value;
      m.value.unit = col.unit;
      m.is_change = col.change;
      out_->push_back(std::move(m));
    }
  }

  bool Repeats(double value, const std::string& unit, const std::u32string& row_name) const {
    const auto it = prose_.find(Key(value, unit));
    if (it == prose_.end()) return false;
    const std::string row = MetricEncodeUtf8(row_name);
    for (const std::string* name : it->second) {
      if (name->find(row) != std::string::npos) return true;
    }
    return false;
  }

  std::u32string_view text_;
  const MetricLexicon& lex_;
  std::vector<MetricMention>* out_;
  std::unordered_map<std::string, std::vector<const std::string*>> prose_;
  std::vector<Column> header_;
  Column default_unit_;
  std::vector<TextRange> row_;
};

}  // namespace

std::vector<MetricMention> FindTableMetrics(std::u32string_view text, const MetricLexicon& lex,
                                            const std::vector<MetricMention>& prose) {
  std::vector<MetricMention> out;
  // Only text with a cell mark is read line by line.
  if (text.find(U'|') == std::u32string_view::npos) return out;
  TableReader reader(text, lex, &out, prose);
  uint32_t start = 0;
  for (uint32_t k = 0; k <= text.size(); ++k) {
    if (k < text.size() && text[k] != U'\n') continue;
    reader.Line({start, k});
    start = k + 1;
  }
  reader.Finish();
  return out;
}

}  // namespace govkg::internal
