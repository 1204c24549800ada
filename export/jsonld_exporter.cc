// JSON-LD: one node object per subject in "@graph", the context of
// export/context/govkg.jsonld embedded, values always explicit ({"@id"},
// {"@value","@type"}) so that the expansion is exactly the N-Triples.
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/rdf_internal.h"

namespace govkg::internal {
namespace {

struct Context {
  std::string text;                                     // the "@context" value
  std::unordered_map<std::string, std::string> terms;   // full IRI → term
  std::vector<std::pair<std::string, std::string>> prefixes;  // prefix, IRI
};

const Context& TheContext() {
  static const Context* const context = [] {
    auto* c = new Context;
    const nlohmann::json doc = nlohmann::json::parse(kGovkgContextJson);
    const nlohmann::json& ctx = doc.at("@context");
    c->text = ctx.dump(2);
    for (const auto& [key, value] : ctx.items()) {
      if (!value.is_string()) continue;
      const std::string iri = value.get<std::string>();
      if (iri.find("://") != std::string::npos) c->prefixes.emplace_back(key, iri);
    }
    for (const auto& [key, value] : ctx.items()) {
      if (!value.is_string()) continue;
      std::string iri = value.get<std::string>();
      if (iri.find("://") != std::string::npos) continue;
      for (const auto& [prefix, ns] : c->prefixes) {
        if (iri.rfind(prefix + ":", 0) == 0) iri = ns + iri.substr(prefix.size() + 1);
      }
      c->terms[iri] = key;
    }
    return c;
  }();
  return *context;
}

class JsonLdWriter final : public TripleWriter {
 public:
  explicit JsonLdWriter(OutputSink* sink) : out_(sink), context_(TheContext()) {
    out_.Append("{\n\"@context\": ");
    out_.Append(context_.text);
    out_.Append(",\n\"@graph\": [");
  }

  void Triple(std::string_view s, std::string_view p, const RdfObject& o) override {
    if (s != subject_) {
      WriteNode();
      subject_.assign(s);
    }
    size_t group = groups_.size();
    for (size_t i = 0; i < groups_.size(); ++i) {
      if (groups_[i].predicate == p) group = i;
    }
    if (group == groups_.size()) {
      if (group == pool_.size()) pool_.emplace_back();
      Group& g = pool_[group];
      g.predicate.assign(p);
      g.values.clear();
      g.count = 0;
      groups_.push_back(std::move(g));
    }
    // Appended in place: no string per value.
    Group& g = groups_[group];
    if (g.count++ > 0) g.values.append(", ");
    std::string& value = g.values;
    if (o.kind == RdfObject::Kind::kIri) {
      if (p == kRdfType) {
        value += Compact(o.value);
      } else {
        value += "{\"@id\": ";
        AppendJsonString(o.value, &value);
        value += '}';
      }
    } else if (!o.lang.empty()) {
      value += "{\"@value\": ";
      AppendJsonString(o.value, &value);
      value += ", \"@language\": ";
      AppendJsonString(o.lang, &value);
      value += '}';
    } else if (!o.datatype.empty()) {
      value += "{\"@value\": ";
      AppendJsonString(o.value, &value);
      value += ", \"@type\": ";
      value += Compact(o.datatype);
      value += '}';
    } else {
      AppendJsonString(o.value, &value);
    }
  }

  Status Finish() override {
    WriteNode();
    out_.Append("\n]\n}\n");
    return out_.Finish();
  }
  bool ok() const override { return out_.ok(); }

 private:
  static constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

  struct Group {
    std::string predicate;
    std::string values;  // JSON texts joined by ", "
    size_t count = 0;
  };

  // "schema:Project" for an IRI under a context prefix, else the IRI; quoted.
  // Cached: classes and datatypes are a handful of IRIs written millions of times.
  const std::string& Compact(std::string_view iri) {
    if (const auto it = compacted_.find(iri); it != compacted_.end()) return it->second;
    if (compacted_.size() >= 4096) compacted_.clear();
    std::string out;
    bool done = false;
    for (const auto& [prefix, ns] : context_.prefixes) {
      if (iri.size() > ns.size() && iri.substr(0, ns.size()) == ns) {
        AppendJsonString(prefix + ":" + std::string(iri.substr(ns.size())), &out);
        done = true;
        break;
      }
    }
    if (!done) AppendJsonString(iri, &out);
    return compacted_.emplace(std::string(iri), std::move(out)).first->second;
  }

  void WriteNode() {
    if (subject_.empty()) return;
    std::string* b = out_.buffer();
    b->append(first_node_ ? "\n{\"@id\": " : ",\n{\"@id\": ");
    first_node_ = false;
    AppendJsonString(subject_, b);
    for (Group& g : groups_) {
      b->append(", ");
      if (g.predicate == kRdfType) {
        b->append("\"@type\"");
      } else if (const auto it = context_.terms.find(g.predicate); it != context_.terms.end()) {
        AppendJsonString(it->second, b);
      } else {
        AppendJsonString(g.predicate, b);
      }
      b->append(": ");
      if (g.count == 1) {
        b->append(g.values);
      } else {
        b->push_back('[');
        b->append(g.values);
        b->push_back(']');
      }
    }
    b->push_back('}');
    // Recycle the groups' buffers for the next node.
    for (size_t i = 0; i < groups_.size(); ++i) pool_[i] = std::move(groups_[i]);
    groups_.clear();
    subject_.clear();
    out_.MaybeFlush();
  }

  BufferedWriter out_;
  const Context& context_;
  std::string subject_;
  std::vector<Group> groups_;
  std::vector<Group> pool_;
  std::map<std::string, std::string, std::less<>> compacted_;
  bool first_node_ = true;
};

class JsonLdExporter final : public Exporter {
 public:
  std::string_view Name() const override { return "jsonld"; }
  bool WritesFolder() const override { return false; }
  Status Write(const GraphSource& source, const ExportOptions& options,
               OutputFactory* outputs) const override {
    Result<std::unique_ptr<OutputSink>> sink = outputs->Open("");
    if (!sink.ok()) return sink.status();
    JsonLdWriter writer(sink->get());
    RdfOptions rdf;
    rdf.base_iri = options.base_iri;
    return GenerateRdf(source, rdf, &writer);
  }
};

}  // namespace

std::unique_ptr<Exporter> NewJsonLdExporter() { return std::make_unique<JsonLdExporter>(); }

}  // namespace govkg::internal
