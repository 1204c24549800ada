#include "model/json_io.h"

#include <charconv>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

namespace govkg {
namespace {

using nlohmann::json;

bool SpanFromJson(const json& j, Span* span) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() ||
      !j[1].is_number_unsigned()) {
    return false;
  }
  span->start = j[0].get<uint32_t>();
  span->end = j[1].get<uint32_t>();
  return span->start <= span->end;
}

std::string OptionalString(const json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

Status ParseEntity(const json& j, const std::string& where, Entity* e) {
  if (!j.is_object()) return Status::InvalidArgument(where, "entity is not an object");
  e->id = OptionalString(j, "id");
  e->name = OptionalString(j, "name");
  if (e->id.empty() || e->name.empty()) {
    return Status::InvalidArgument(where, "entity without id or name");
  }
  const auto type = ParseEntityType(OptionalString(j, "type"));
  if (!type) {
    return Status::InvalidArgument(where, "entity " + e->id + " has unknown type '" +
                                              OptionalString(j, "type") + "'");
  }
  e->type = *type;
  e->scope = OptionalString(j, "scope");
  if (const auto it = j.find("aliases"); it != j.end() && it->is_array()) {
    for (const json& a : *it) {
      if (a.is_string()) e->aliases.push_back(a.get<std::string>());
    }
  }
  if (const auto it = j.find("mentions"); it != j.end() && it->is_array()) {
    for (const json& m : *it) {
      Span span;
      if (!SpanFromJson(m, &span)) {
        return Status::InvalidArgument(where, "entity " + e->id + " has a malformed mention");
      }
      e->mentions.push_back(span);
    }
  }
  if (e->type == EntityType::kMetric) {
    const auto v = j.find("value");
    if (v == j.end() || !v->is_number()) {
      return Status::InvalidArgument(where, "metric " + e->id + " has no numeric value");
    }
    MetricValue m;
    m.value = v->get<double>();
    m.unit = OptionalString(j, "unit");
    m.qualifier = OptionalString(j, "qualifier");
    m.period = OptionalString(j, "period");
    e->metric = std::move(m);
  }
  return Status::OK();
}

Status ParseRelation(const json& j, const std::string& where, Relation* r) {
  if (!j.is_object()) return Status::InvalidArgument(where, "relation is not an object");
  r->subject = OptionalString(j, "s");
  r->object = OptionalString(j, "o");
  const auto p = ParsePredicate(OptionalString(j, "p"));
  if (r->subject.empty() || r->object.empty() || !p) {
    return Status::InvalidArgument(where, "relation needs s, a known p, and o");
  }
  r->predicate = *p;
  r->title = OptionalString(j, "title");
  r->quote = OptionalString(j, "quote");
  if (const auto it = j.find("evidence"); it != j.end() && !SpanFromJson(*it, &r->evidence)) {
    return Status::InvalidArgument(where, "relation has a malformed evidence span");
  }
  return Status::OK();
}

}  // namespace

namespace {

// Writes the contract's object without building a JSON document first: a
// dense text gives hundreds of thousands of entities and relations, and the
// tree of nlohmann values (one allocation per value) and its dump into one
// string cost more than extracting them. The bytes are those nlohmann's
// dump(-1, ' ', false, replace) writes for the tree the contract describes:
// keys in the order of its std::map (alphabetical), no spaces, UTF-8 as is,
// the same escapes; a string that is not valid UTF-8 and every double are
// still written by nlohmann itself.
class JsonWriter {
 public:
  JsonWriter(std::string* buffer, std::ostream* sink) : out_(*buffer), sink_(sink) {}

  void Graph(const DocumentGraph& g) {
    Raw("{\"doc\":");
    String(g.doc);
    Raw(",\"entities\":");
    Array(g.entities, [this](const Entity& e) { EntityObject(e); });
    if (!g.region.empty()) {
      Raw(",\"region\":");
      String(g.region);
    }
    Raw(",\"relations\":");
    Array(g.relations, [this](const Relation& r) { RelationObject(r); });
    Raw("}");
  }

  // [a,b,…], each element written by `write`, flushed as the buffer fills.
  template <typename T, typename Write>
  void Array(const std::vector<T>& items, Write write) {
    out_ += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ',';
      write(items[i]);
      MaybeFlush();
    }
    out_ += ']';
  }

  void Flush() {
    if (sink_ != nullptr && !out_.empty()) {
      sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
      out_.clear();
    }
  }

 private:
  void MaybeFlush() {
    constexpr size_t kFlushBytes = 1 << 16;
    if (sink_ != nullptr && out_.size() >= kFlushBytes) Flush();
  }

  void Raw(std::string_view s) { out_.append(s); }

  void Unsigned(uint32_t v) {
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }

  void SpanArray(const Span& s) {
    out_ += '[';
    Unsigned(s.start);
    out_ += ',';
    Unsigned(s.end);
    out_ += ']';
  }

  void EntityObject(const Entity& e) {
    Raw("{\"aliases\":");
    Array(e.aliases, [this](const std::string& a) { String(a); });
    Raw(",\"id\":");
    String(e.id);
    Raw(",\"mentions\":");
    Array(e.mentions, [this](const Span& m) { SpanArray(m); });
    Raw(",\"name\":");
    String(e.name);
    if (e.metric) {
      Raw(",\"period\":");
      NullableString(e.metric->period);
      Raw(",\"qualifier\":");
      NullableString(e.metric->qualifier);
    }
    if (!e.scope.empty()) {
      Raw(",\"scope\":");
      String(e.scope);
    }
    Raw(",\"type\":");
    String(EntityTypeName(e.type));
    if (e.metric) {
      Raw(",\"unit\":");
      String(e.metric->unit);
      Raw(",\"value\":");
      Raw(json(e.metric->value).dump());
    }
    out_ += '}';
  }

  void RelationObject(const Relation& r) {
    Raw("{\"evidence\":");
    SpanArray(r.evidence);
    Raw(",\"o\":");
    String(r.object);
    Raw(",\"p\":");
    String(PredicateName(r.predicate));
    if (!r.quote.empty()) {
      Raw(",\"quote\":");
      String(r.quote);
    }
    Raw(",\"s\":");
    String(r.subject);
    if (!r.title.empty()) {
      Raw(",\"title\":");
      String(r.title);
    }
    out_ += '}';
  }

  void NullableString(const std::string& s) {
    if (s.empty()) {
      Raw("null");
    } else {
      String(s);
    }
  }

  // One pass over the bytes: runs that need no escape are copied whole, and
  // UTF-8 is checked as it goes. A string that is not well-formed UTF-8 is
  // rolled back and written by nlohmann, whose replacement of bad bytes this
  // keeps exactly.
  void String(std::string_view s) {
    const size_t mark = out_.size();
    const auto* const p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    out_ += '"';
    size_t run = 0;  // start of the pending bytes written as they are
    for (size_t i = 0; i < n;) {
      const unsigned c = p[i];
      if (c >= 0x80) {
        const size_t length = Utf8SequenceLength(p + i, n - i);
        if (length == 0) {
          out_.resize(mark);
          Raw(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace));
          return;
        }
        i += length;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out_.append(s.substr(run, i - run));
      Escape(c);
      run = ++i;
    }
    out_.append(s.substr(run));
    out_ += '"';
  }

  void Escape(unsigned c) {
    switch (c) {
      case '"': Raw("\\\""); break;
      case '\\': Raw("\\\\"); break;
      case '\b': Raw("\\b"); break;
      case '\f': Raw("\\f"); break;
      case '\n': Raw("\\n"); break;
      case '\r': Raw("\\r"); break;
      case '\t': Raw("\\t"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out_.append(esc, sizeof esc);
      }
    }
  }

  // The length of the well-formed UTF-8 sequence at p (whose first byte is
  // not ASCII), or 0 (Unicode table 3-7: no overlong forms, surrogates or
  // code points past U+10FFFF), what nlohmann's decoder accepts.
  static size_t Utf8SequenceLength(const unsigned char* p, size_t available) {
    const unsigned c = p[0];
    auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
      return k < available && p[k] >= lo && p[k] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      return cont(1, lo, hi) && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
  }

  std::string& out_;
  std::ostream* const sink_;
};

}  // namespace

std::string DocumentGraphToJson(const DocumentGraph& graph) {
  std::string out;
  JsonWriter(&out, nullptr).Graph(graph);
  return out;
}

void WriteDocumentGraphJson(const DocumentGraph& graph, std::ostream& out) {
  std::string buffer;
  JsonWriter writer(&buffer, &out);
  writer.Graph(graph);
  writer.Flush();
}

Result<DocumentGraph> DocumentGraphFromJson(std::string_view text, std::string_view where) {
  const std::string at(where);
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument(at, "not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument(at, "expected a JSON object");
  DocumentGraph graph;
  graph.doc = OptionalString(j, "doc");
  if (graph.doc.empty()) return Status::InvalidArgument(at, "missing \"doc\"");
  graph.region = OptionalString(j, "region");
  if (const auto it = j.find("entities"); it != j.end() && it->is_array()) {
    for (const json& e : *it) {
      Entity entity;
      GOVKG_RETURN_IF_ERROR(ParseEntity(e, at, &entity));
      graph.entities.push_back(std::move(entity));
    }
  }
  if (const auto it = j.find("relations"); it != j.end() && it->is_array()) {
    for (const json& r : *it) {
      Relation relation;
      GOVKG_RETURN_IF_ERROR(ParseRelation(r, at, &relation));
      graph.relations.push_back(std::move(relation));
    }
  }
  return graph;
}

}  // namespace govkg
