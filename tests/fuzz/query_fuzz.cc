// libFuzzer target: the `govkg query` pattern parser (graph/query.h).
// Properties: never crashes; a parse either fails with a message naming a
// column, or gives at least one pattern whose variables are all listed once,
// with every column inside the query text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graph/query.h"

namespace {

void CheckTerm(const govkg::QueryTerm& t, const govkg::ParsedQuery& q, size_t length) {
  if (t.column == 0 || t.column > length + 1) std::abort();
  if (t.is_variable && std::find(q.variables.begin(), q.variables.end(), t.text) == q.variables.end()) {
    std::abort();
  }
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const govkg::Result<govkg::ParsedQuery> q = govkg::ParseQuery(text);
  if (!q.ok()) {
    if (q.status().message().empty()) std::abort();
    return 0;
  }
  if (q->patterns.empty()) std::abort();
  for (size_t i = 0; i < q->variables.size(); ++i) {
    for (size_t k = i + 1; k < q->variables.size(); ++k) {
      if (q->variables[i] == q->variables[k]) std::abort();
    }
  }
  const size_t length = CodePoints(text);
  for (const govkg::QueryPattern& p : q->patterns) {
    CheckTerm(p.subject, *q, length);
    CheckTerm(p.predicate, *q, length);
    CheckTerm(p.object, *q, length);
    if (!p.predicate.is_variable && !p.predicate_value.has_value()) std::abort();
  }
  return 0;
}
