// graph/query.h: conjunctive triple-pattern queries (`govkg query`).
//
// Takes: text such as `?a conducts ?p . ?p reports ?m`. Gives: the variable
// bindings, found by joining prefix scans of the store's indexes (the most
// bound pattern first), never by building the whole graph.
// Syntax: patterns `SUBJECT PREDICATE OBJECT` separated by `.` (a trailing
// `.` is allowed). A term is a variable `?name` (ASCII letters, digits, _),
// a name in quotes ("…", '…' or “…”) or a bare name (no spaces, dots or
// quotes). A predicate is a variable or a contract name (conducts, reports …)
// or its Chinese label (开展 …). Names resolve like every CLI NAME.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"
#include "store/store.h"

namespace govkg {

struct QueryTerm {
  bool is_variable = false;
  std::string text;       // variable name without '?', or the constant as written
  size_t column = 0;      // 1-based, in code points of the query text
};

struct QueryPattern {
  QueryTerm subject;
  QueryTerm predicate;
  std::optional<Predicate> predicate_value;  // set when predicate is a constant
  QueryTerm object;
};

struct ParsedQuery {
  std::vector<QueryPattern> patterns;
  std::vector<std::string> variables;  // in order of first appearance
};

// InvalidArgument "query: column N: cause" on a syntax error.
[[nodiscard]] Result<ParsedQuery> ParseQuery(std::string_view text);

struct QueryOptions {
  size_t limit = 100;  // 0: no limit
};

struct QueryValue {
  bool is_predicate = false;
  Predicate predicate = Predicate::kConducts;  // is_predicate
  EntityId id = 0;                             // otherwise
  EntityType type = EntityType::kAgency;
  std::string name;  // entity name or predicate name
};

struct QueryResult {
  std::vector<std::string> variables;
  std::vector<std::vector<QueryValue>> rows;  // one value per variable
  bool truncated = false;                     // stopped at the limit
};

// Resolves the constants (NotFound / ambiguous InvalidArgument naming the
// column) and joins the patterns.
[[nodiscard]] Result<QueryResult> RunQuery(const Store& store, const ParsedQuery& query,
                                           const QueryOptions& options);

}  // namespace govkg
