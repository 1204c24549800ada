// The parser of graph/query.h: a hand-written scanner that reports the column
// (in code points) of the first problem. Fuzzed: never crashes, never loops.
#include <algorithm>
#include <cctype>

#include "graph/query.h"

namespace govkg {
namespace {

// Bounds keep a fuzzed query from turning into a huge join.
constexpr size_t kMaxPatterns = 32;
constexpr size_t kMaxTermBytes = 512;

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  Status Error(size_t column, std::string_view cause) const {
    return Status::InvalidArgument("query: column " + std::to_string(column), cause);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      Advance(1);
    }
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  size_t column() const { return column_; }
  bool StartsWith(std::string_view s) const { return text_.substr(pos_).substr(0, s.size()) == s; }

  // Length in bytes of the UTF-8 sequence at pos_, 0 when invalid.
  size_t CharLength() const {
    const auto b = static_cast<unsigned char>(text_[pos_]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || pos_ + len > text_.size()) return 0;
    for (size_t i = 1; i < len; ++i) {
      if ((static_cast<unsigned char>(text_[pos_ + i]) & 0xC0) != 0x80) return 0;
    }
    return len;
  }
  void Advance(size_t bytes) {
    pos_ += bytes;
    ++column_;
  }

  Result<QueryTerm> Term(std::string_view what) {
    SkipSpace();
    QueryTerm term;
    term.column = column_;
    if (AtEnd()) return Error(column_, "expected " + std::string(what) + ", found the end");
    if (Peek() == '.') return Error(column_, "expected " + std::string(what) + ", found '.'");
    if (Peek() == '?') {
      Advance(1);
      term.is_variable = true;
      while (!AtEnd() && (std::isalnum(static_cast<unsigned char>(Peek())) || Peek() == '_')) {
        term.text += Peek();
        Advance(1);
      }
      if (term.text.empty()) return Error(column_, "a variable needs a name after '?' (letters, digits, _)");
      return CheckEnd(term);
    }
    std::string close;
    if (Peek() == '"' || Peek() == '\'') {
      close = std::string(1, Peek());
      Advance(1);
    } else if (StartsWith("“")) {
      close = "”";
      pos_ += std::string_view("“").size();
      ++column_;
    }
    while (true) {
      if (AtEnd()) {
        if (!close.empty()) return Error(term.column, "unterminated quote (missing " + close + ")");
        break;
      }
      if (!close.empty() && StartsWith(close)) {
        pos_ += close.size();
        ++column_;
        if (term.text.empty()) return Error(term.column, "empty name in quotes");
        return CheckEnd(term);
      }
      const char c = Peek();
      if (close.empty() && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.')) break;
      if (close.empty() && (c == '"' || c == '\'' || c == '?' || StartsWith("“") || StartsWith("”"))) {
        return Error(column_, std::string("unexpected '") + (c == '?' ? "?" : "quote") +
                                  "' inside a bare name (put the name in quotes)");
      }
      const size_t len = CharLength();
      if (len == 0) return Error(column_, "invalid UTF-8 byte");
      if (static_cast<unsigned char>(c) < 0x20) return Error(column_, "control character");
      term.text.append(text_.substr(pos_, len));
      Advance(len);
    }
    return CheckEnd(term);
  }

 private:
  Result<QueryTerm> CheckEnd(QueryTerm term) const {
    if (term.text.size() > kMaxTermBytes) return Error(term.column, "term too long");
    return term;
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t column_ = 1;
};

}  // namespace

Result<ParsedQuery> ParseQuery(std::string_view text) {
  Scanner scan(text);
  ParsedQuery query;
  std::vector<std::string> entity_vars, predicate_vars;
  const auto note = [&](const QueryTerm& t, bool as_predicate) -> Status {
    if (!t.is_variable) return Status::OK();
    auto& mine = as_predicate ? predicate_vars : entity_vars;
    auto& other = as_predicate ? entity_vars : predicate_vars;
    if (std::find(other.begin(), other.end(), t.text) != other.end()) {
      return scan.Error(t.column, "?" + t.text + " is used both as a predicate and as an entity");
    }
    if (std::find(mine.begin(), mine.end(), t.text) == mine.end()) mine.push_back(t.text);
    if (std::find(query.variables.begin(), query.variables.end(), t.text) == query.variables.end()) {
      query.variables.push_back(t.text);
    }
    return Status::OK();
  };
  while (true) {
    scan.SkipSpace();
    if (scan.AtEnd()) break;
    if (query.patterns.size() == kMaxPatterns) {
      return scan.Error(scan.column(), "too many patterns (at most " + std::to_string(kMaxPatterns) + ")");
    }
    QueryPattern p;
    Result<QueryTerm> s = scan.Term("a subject");
    if (!s.ok()) return s.status();
    Result<QueryTerm> pred = scan.Term("a predicate");
    if (!pred.ok()) return pred.status();
    if (!pred->is_variable) {
      p.predicate_value = ParsePredicate(pred->text);
      if (!p.predicate_value) {
        for (Predicate candidate : kAllPredicates) {
          if (PredicateLabel(candidate) == pred->text) p.predicate_value = candidate;
        }
      }
      if (!p.predicate_value) {
        return scan.Error(pred->column, "unknown predicate '" + pred->text +
                                            "' (subOrganizationOf, conducts, partOf, reports, "
                                            "cooperatesWith, holdsPost, issues, locatedIn)");
      }
    }
    Result<QueryTerm> o = scan.Term("an object");
    if (!o.ok()) return o.status();
    GOVKG_RETURN_IF_ERROR(note(*s, false));
    GOVKG_RETURN_IF_ERROR(note(*pred, true));
    GOVKG_RETURN_IF_ERROR(note(*o, false));
    p.subject = std::move(*s);
    p.predicate = std::move(*pred);
    p.object = std::move(*o);
    query.patterns.push_back(std::move(p));
    scan.SkipSpace();
    if (scan.AtEnd()) break;
    if (scan.Peek() != '.') {
      return scan.Error(scan.column(), "expected '.' between patterns");
    }
    scan.Advance(1);
  }
  if (query.patterns.empty()) return scan.Error(scan.column(), "empty query (expected a pattern such as ?a conducts ?p)");
  return query;
}

}  // namespace govkg
