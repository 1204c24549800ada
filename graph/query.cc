// Evaluation of graph/query.h: constants resolved by name, then a nested-loop
// index join that always scans the pattern with the most bound terms next.
#include <algorithm>
#include <unordered_map>

#include "graph/graph.h"
#include "graph/query.h"

namespace govkg {
namespace {

// A bound value: an entity id, or a predicate's number for predicate variables.
using Binding = std::vector<std::optional<uint64_t>>;

struct Slot {
  std::optional<uint64_t> constant;
  int variable = -1;  // index into the bindings, when a variable
};

struct CompiledPattern {
  Slot s, p, o;
};

class Joiner {
 public:
  Joiner(const Store& store, std::vector<CompiledPattern> patterns, size_t limit)
      : store_(store), patterns_(std::move(patterns)), limit_(limit) {}

  Status Run(size_t nvars, std::vector<Binding>* out, bool* truncated) {
    out_ = out;
    Binding b(nvars);
    std::vector<bool> done(patterns_.size(), false);
    GOVKG_RETURN_IF_ERROR(Step(&b, &done, patterns_.size()));
    *truncated = full_;
    return Status::OK();
  }

 private:
  static std::optional<uint64_t> Value(const Slot& s, const Binding& b) {
    if (s.constant) return s.constant;
    return b[s.variable];
  }

  // Scans the most bound pattern left and recurses into the rest.
  Status Step(Binding* b, std::vector<bool>* done, size_t left) {
    if (left == 0) {
      out_->push_back(*b);
      full_ = limit_ != 0 && out_->size() >= limit_;
      return Status::OK();
    }
    size_t best = 0;
    int best_bound = -1;
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if ((*done)[i]) continue;
      const CompiledPattern& c = patterns_[i];
      // Subject and object narrow a scan more than a predicate does.
      const int bound = 2 * Value(c.s, *b).has_value() + 2 * Value(c.o, *b).has_value() +
                        Value(c.p, *b).has_value();
      if (bound > best_bound) best = i, best_bound = bound;
    }
    const CompiledPattern& c = patterns_[best];
    TriplePattern pattern;
    pattern.subject = Value(c.s, *b);
    pattern.object = Value(c.o, *b);
    if (const std::optional<uint64_t> p = Value(c.p, *b)) pattern.predicate = static_cast<Predicate>(*p);
    (*done)[best] = true;
    Status inner;
    GOVKG_RETURN_IF_ERROR(store_.ScanTriples(pattern, [&](const TripleRecord& t) {
      const Binding saved = *b;
      if (Bind(c.s, t.subject, b) && Bind(c.p, static_cast<uint64_t>(t.predicate), b) &&
          Bind(c.o, t.object, b)) {
        inner = Step(b, done, left - 1);
      }
      *b = saved;
      return inner.ok() && !full_;
    }));
    (*done)[best] = false;
    return inner;
  }

  // Binds a variable slot (or checks a repeated one); false on a mismatch.
  static bool Bind(const Slot& s, uint64_t value, Binding* b) {
    if (s.constant) return *s.constant == value;
    std::optional<uint64_t>& v = (*b)[s.variable];
    if (v) return *v == value;
    v = value;
    return true;
  }

  const Store& store_;
  std::vector<CompiledPattern> patterns_;
  size_t limit_;
  std::vector<Binding>* out_ = nullptr;
  bool full_ = false;
};

}  // namespace

Result<QueryResult> RunQuery(const Store& store, const ParsedQuery& query,
                             const QueryOptions& options) {
  std::unordered_map<std::string, int> var_index;
  for (size_t i = 0; i < query.variables.size(); ++i) var_index[query.variables[i]] = static_cast<int>(i);
  std::vector<bool> is_predicate_var(query.variables.size(), false);
  std::unordered_map<std::string, EntityId> resolved;  // one lookup per distinct constant

  const auto compile = [&](const QueryTerm& t) -> Result<Slot> {
    Slot slot;
    if (t.is_variable) {
      slot.variable = var_index.at(t.text);
      return slot;
    }
    auto it = resolved.find(t.text);
    if (it == resolved.end()) {
      Result<EntityId> id = ResolveName(store, t.text);
      if (!id.ok()) {
        const Status& s = id.status();
        const std::string where = "query: column " + std::to_string(t.column);
        return s.IsInvalidArgument() ? Status::InvalidArgument(where, s.message())
                                     : Status(s.IsNotFound() ? Status::NotFound(where, s.message()) : s);
      }
      it = resolved.emplace(t.text, *id).first;
    }
    slot.constant = it->second;
    return slot;
  };

  std::vector<CompiledPattern> compiled;
  for (const QueryPattern& p : query.patterns) {
    CompiledPattern c;
    Result<Slot> s = compile(p.subject);
    if (!s.ok()) return s.status();
    Result<Slot> o = compile(p.object);
    if (!o.ok()) return o.status();
    c.s = *s;
    c.o = *o;
    if (p.predicate.is_variable) {
      c.p.variable = var_index.at(p.predicate.text);
      is_predicate_var[c.p.variable] = true;
    } else {
      c.p.constant = static_cast<uint64_t>(*p.predicate_value);
    }
    compiled.push_back(c);
  }

  std::vector<Binding> rows;
  QueryResult result;
  result.variables = query.variables;
  Joiner joiner(store, std::move(compiled), options.limit);
  GOVKG_RETURN_IF_ERROR(joiner.Run(query.variables.size(), &rows, &result.truncated));

  std::unordered_map<EntityId, QueryValue> names;
  for (const Binding& b : rows) {
    std::vector<QueryValue> row;
    for (size_t i = 0; i < b.size(); ++i) {
      QueryValue v;
      if (is_predicate_var[i]) {
        v.is_predicate = true;
        v.predicate = static_cast<Predicate>(b[i].value_or(0));
        v.name = std::string(PredicateName(v.predicate));
      } else {
        const EntityId id = b[i].value_or(0);
        auto it = names.find(id);
        if (it == names.end()) {
          Result<std::optional<EntityRecord>> rec = store.GetEntity(id);
          if (!rec.ok()) return rec.status();
          QueryValue fresh;
          fresh.id = id;
          if (rec->has_value()) {
            fresh.type = (*rec)->type;
            fresh.name = (*rec)->name;
          }
          it = names.emplace(id, std::move(fresh)).first;
        }
        v = it->second;
      }
      row.push_back(std::move(v));
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace govkg
