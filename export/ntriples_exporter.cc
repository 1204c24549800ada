// N-Triples and Turtle: the triples of rdf_triples.cc, one per line or
// grouped by subject with prefixes.
#include <utility>
#include <vector>

#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/rdf_internal.h"

namespace govkg::internal {
namespace {

void AppendIri(std::string_view iri, std::string* out) {
  out->push_back('<');
  out->append(iri);  // minted by us: already free of <>"{}|^`\ and spaces
  out->push_back('>');
}

void AppendLiteral(const RdfObject& o, std::string* out) {
  AppendRdfString(o.value, out);
  if (!o.lang.empty()) {
    out->push_back('@');
    out->append(o.lang);
  } else if (!o.datatype.empty()) {
    out->append("^^");
    AppendIri(o.datatype, out);
  }
}

class NTriplesWriter final : public TripleWriter {
 public:
  explicit NTriplesWriter(OutputSink* sink) : out_(sink) {}
  void Triple(std::string_view s, std::string_view p, const RdfObject& o) override {
    std::string* b = out_.buffer();
    AppendIri(s, b);
    b->push_back(' ');
    AppendIri(p, b);
    b->push_back(' ');
    if (o.kind == RdfObject::Kind::kIri) {
      AppendIri(o.value, b);
    } else {
      AppendLiteral(o, b);
    }
    b->append(" .\n");
    out_.MaybeFlush();
  }
  Status Finish() override { return out_.Finish(); }
  bool ok() const override { return out_.ok(); }

 private:
  BufferedWriter out_;
};

struct Prefix {
  std::string_view name;
  std::string_view iri;
};
constexpr Prefix kPrefixes[] = {{"schema", kSchema}, {"govkg", kGovkgVocab}, {"prov", kProv},
                                {"oa", kOa},         {"rdf", kRdf},         {"xsd", kXsd}};

// prefix:local when the local part is a plain name, else <iri>.
void AppendTurtleIri(std::string_view iri, std::string* out) {
  for (const Prefix& p : kPrefixes) {
    if (iri.size() <= p.iri.size() || iri.substr(0, p.iri.size()) != p.iri) continue;
    const std::string_view local = iri.substr(p.iri.size());
    bool plain = true;
    for (const char c : local) {
      plain = plain && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
    if (!plain) break;
    out->append(p.name);
    out->push_back(':');
    out->append(local);
    return;
  }
  AppendIri(iri, out);
}

class TurtleWriter final : public TripleWriter {
 public:
  explicit TurtleWriter(OutputSink* sink) : out_(sink) {
    for (const Prefix& p : kPrefixes) {
      out_.Append("@prefix ");
      out_.Append(p.name);
      out_.Append(": <");
      out_.Append(p.iri);
      out_.Append("> .\n");
    }
    out_.Append("\n");
  }
  void Triple(std::string_view s, std::string_view p, const RdfObject& o) override {
    std::string* b = out_.buffer();
    if (s != subject_) {
      if (!subject_.empty()) b->append(" .\n");
      subject_.assign(s);
      predicate_.assign(p);
      AppendIri(s, b);
      b->push_back(' ');
      AppendPredicate(p, b);
    } else if (p != predicate_) {
      predicate_.assign(p);
      b->append(" ;\n    ");
      AppendPredicate(p, b);
    } else {
      b->append(" ,\n        ");
    }
    b->push_back(' ');
    if (o.kind == RdfObject::Kind::kIri) {
      AppendTurtleIri(o.value, b);
    } else {
      AppendRdfString(o.value, b);
      if (!o.lang.empty()) {
        b->push_back('@');
        b->append(o.lang);
      } else if (!o.datatype.empty()) {
        b->append("^^");
        AppendTurtleIri(o.datatype, b);
      }
    }
    out_.MaybeFlush();
  }
  Status Finish() override {
    if (!subject_.empty()) out_.Append(" .\n");
    return out_.Finish();
  }
  bool ok() const override { return out_.ok(); }

 private:
  static void AppendPredicate(std::string_view p, std::string* b) {
    if (p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") {
      b->push_back('a');
    } else {
      AppendTurtleIri(p, b);
    }
  }
  BufferedWriter out_;
  std::string subject_;
  std::string predicate_;
};

template <typename Writer>
class RdfExporter final : public Exporter {
 public:
  explicit RdfExporter(std::string_view name) : name_(name) {}
  std::string_view Name() const override { return name_; }
  bool WritesFolder() const override { return false; }
  Status Write(const GraphSource& source, const ExportOptions& options,
               OutputFactory* outputs) const override {
    Result<std::unique_ptr<OutputSink>> sink = outputs->Open("");
    if (!sink.ok()) return sink.status();
    Writer writer(sink->get());
    RdfOptions rdf;
    rdf.base_iri = options.base_iri;
    return GenerateRdf(source, rdf, &writer);
  }

 private:
  const std::string_view name_;
};

}  // namespace

std::unique_ptr<Exporter> NewNTriplesExporter() {
  return std::make_unique<RdfExporter<NTriplesWriter>>("nt");
}
std::unique_ptr<Exporter> NewTurtleExporter() {
  return std::make_unique<RdfExporter<TurtleWriter>>("ttl");
}

}  // namespace govkg::internal
