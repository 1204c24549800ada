// The govkg → RDF mapping (see rdf_internal.h for the vocabulary).
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "export/escape_internal.h"
#include "export/exporter_internal.h"
#include "export/rdf_internal.h"

namespace govkg::internal {
namespace {

std::string Iri(std::string_view ns, std::string_view local) {
  std::string iri(ns);
  iri.append(local);
  return iri;
}

// Laws and regulations are schema:Legislation; plans, reports and the rest
// CreativeWork.
bool LooksLikeLegislation(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {"法", "条例", "规定", "办法", "细则", "决定",
                                                   "法》", "条例》", "规定》", "办法》", "细则》"};
  for (const std::string_view s : kSuffixes) {
    if (name.size() >= s.size() && name.substr(name.size() - s.size()) == s) return true;
  }
  return false;
}

std::string_view SchemaClass(const EntityRecord& e) {
  switch (e.type) {
    case EntityType::kAgency: return "GovernmentOrganization";
    case EntityType::kProgram: return "Project";
    case EntityType::kMetric: return "Observation";
    case EntityType::kPerson: return "Person";
    case EntityType::kDocument: return LooksLikeLegislation(e.name) ? "Legislation" : "CreativeWork";
    case EntityType::kPlace: return "Place";
  }
  return "Thing";
}

// The main RDF predicate of a govkg predicate; schema.org first.
std::string PredicateIri(Predicate p, EntityType subject_type) {
  switch (p) {
    case Predicate::kSubOrganizationOf:
    case Predicate::kPartOf: return Iri(kSchema, "parentOrganization");
    case Predicate::kHoldsPost: return Iri(kSchema, "worksFor");
    case Predicate::kLocatedIn:
      return Iri(kSchema, subject_type == EntityType::kPlace ? "containedInPlace" : "location");
    case Predicate::kConducts:
    case Predicate::kReports:
    case Predicate::kCooperatesWith:
    case Predicate::kIssues: return Iri(kGovkgVocab, PredicateName(p));
  }
  return Iri(kGovkgVocab, PredicateName(p));
}

// The inverse direction stated as well, where schema.org has a term for it.
std::string InverseIri(Predicate p) {
  switch (p) {
    case Predicate::kSubOrganizationOf:
    case Predicate::kPartOf: return Iri(kSchema, "subOrganization");
    case Predicate::kReports: return Iri(kSchema, "observationAbout");
    default: return {};
  }
}

// Every IRI the mapping writes again and again, built once: an export of
// 1M triples writes 40M RDF triples.
struct Vocab {
  const std::string name = Iri(kSchema, "name"), alternate_name = Iri(kSchema, "alternateName"),
                    job_title = Iri(kSchema, "jobTitle"), variable_measured = Iri(kSchema, "variableMeasured"),
                    value = Iri(kSchema, "value"), unit_text = Iri(kSchema, "unitText"),
                    observation_period = Iri(kSchema, "observationPeriod");
  const std::string document_count = Iri(kGovkgVocab, "documentCount"), qualifier = Iri(kGovkgVocab, "qualifier"),
                    relation = Iri(kGovkgVocab, "relation"), support = Iri(kGovkgVocab, "support"),
                    title = Iri(kGovkgVocab, "title"), evidence = Iri(kGovkgVocab, "evidence");
  const std::string statement = Iri(kRdf, "Statement"), subject = Iri(kRdf, "subject"),
                    predicate = Iri(kRdf, "predicate"), object = Iri(kRdf, "object");
  const std::string annotation = Iri(kOa, "Annotation"), has_body = Iri(kOa, "hasBody"),
                    has_target = Iri(kOa, "hasTarget"), specific_resource = Iri(kOa, "SpecificResource"),
                    has_source = Iri(kOa, "hasSource"), has_selector = Iri(kOa, "hasSelector"),
                    position_selector = Iri(kOa, "TextPositionSelector"), start = Iri(kOa, "start"),
                    end = Iri(kOa, "end"), quote_selector = Iri(kOa, "TextQuoteSelector"),
                    exact = Iri(kOa, "exact");
  const std::string digital_document = Iri(kSchema, "DigitalDocument"), path = Iri(kGovkgVocab, "path");
};

class Generator {
 public:
  Generator(const GraphSource& source, const RdfOptions& options, TripleWriter* writer)
      : source_(source), base_(options.base_iri), w_(writer) {
    rdf_type_ = Iri(kRdf, "type");
    xsd_integer_ = Iri(kXsd, "integer");
    xsd_double_ = Iri(kXsd, "double");
    derived_ = Iri(kProv, "wasDerivedFrom");
  }

  Status Run() {
    Status status = source_.ScanEntities([&](const EntityRecord& e) {
      entity_status_ = Entity(e);
      return entity_status_.ok() && source_status_.ok() && w_->ok();
    });
    if (status.ok()) status = entity_status_;
    if (status.ok()) {
      status = source_.ScanTriples([&](const TripleRecord& t) {
        entity_status_ = Statement(t);
        return entity_status_.ok() && source_status_.ok() && w_->ok();
      });
      if (status.ok()) status = entity_status_;
    }
    if (status.ok()) status = source_status_;
    const Status finished = w_->Finish();
    return status.ok() ? finished : status;
  }

 private:
  void Iri3(std::string_view s, std::string_view p, std::string_view o) {
    w_->Triple(s, p, RdfObject{RdfObject::Kind::kIri, o, {}, {}});
  }
  void Lit(std::string_view s, std::string_view p, std::string_view value,
           std::string_view datatype = {}, std::string_view lang = {}) {
    scratch_.clear();
    AppendValidUtf8(value, &scratch_);
    w_->Triple(s, p, RdfObject{RdfObject::Kind::kLiteral, scratch_, datatype, lang});
  }
  void Int(std::string_view s, std::string_view p, uint64_t v) {
    number_.clear();
    AppendUint(v, &number_);
    w_->Triple(s, p, RdfObject{RdfObject::Kind::kLiteral, number_, xsd_integer_, {}});
  }

  // Every mention and every piece of evidence names its document. A document
  // is identified by its content hash (DocumentKeyOf); the first time one is
  // named its node is written, with the path as a property. Kept for the
  // whole export (one entry per document) so that no node is written twice.
  // An error is kept in source_status_ and ends the export.
  const std::string& SourceIri(std::string_view doc) {
    if (const auto it = source_iris_.find(doc); it != source_iris_.end()) return it->second;
    Result<std::string> key = source_.DocumentKeyOf(doc);
    if (!key.ok()) {
      if (source_status_.ok()) source_status_ = key.status();
      return empty_;
    }
    std::string iri = base_ + "source/";
    AppendIriSegment(*key, &iri);
    if (sources_written_.insert(iri).second) {
      Iri3(iri, rdf_type_, v_.digital_document);
      Lit(iri, v_.path, doc);
    }
    return source_iris_.emplace(std::string(doc), std::move(iri)).first->second;
  }

  Status Entity(const EntityRecord& e) {
    // Provenance of the node: the documents that mention it, each mention a
    // TextPositionSelector on that document. Resolved first, so that a
    // document's own node is written before, not among, this node's triples.
    std::vector<std::pair<std::string, std::vector<Span>>> docs;
    GOVKG_RETURN_IF_ERROR(source_.ScanMentions(e.id, [&](std::string_view doc, const std::vector<Span>& spans) {
      docs.emplace_back(std::string(doc), spans);
      return true;
    }));
    std::set<std::string> sources;
    std::set<std::tuple<std::string, uint32_t, uint32_t>> mentions;  // each once, in a stable order
    for (const auto& [doc, spans] : docs) {
      const std::string& src = SourceIri(doc);
      sources.insert(src);
      for (const Span& s : spans) mentions.emplace(src, s.start, s.end);
    }
    GOVKG_RETURN_IF_ERROR(source_status_);

    const std::string iri = EntityIri(base_, e.type, e.name, e.scope);
    Iri3(iri, rdf_type_, Iri(kSchema, SchemaClass(e)));
    Iri3(iri, rdf_type_, Iri(kGovkgVocab, EntityTypeName(e.type)));
    Lit(iri, v_.name, e.name, {}, "zh");
    for (const std::string& alias : e.aliases) Lit(iri, v_.alternate_name, alias, {}, "zh");
    Int(iri, v_.document_count, e.document_count);
    if (e.metric.has_value()) {
      const MetricValue& m = *e.metric;
      Lit(iri, v_.variable_measured, e.name, {}, "zh");
      number_.clear();
      AppendDouble(m.value, &number_);
      w_->Triple(iri, v_.value,
                 RdfObject{RdfObject::Kind::kLiteral, number_, xsd_double_, {}});
      if (!m.unit.empty()) Lit(iri, v_.unit_text, m.unit);
      if (!m.period.empty()) Lit(iri, v_.observation_period, m.period);
      if (!m.qualifier.empty()) Lit(iri, v_.qualifier, m.qualifier);
    }
    for (const std::string& src : sources) Iri3(iri, derived_, src);
    for (const auto& [src, start, end] : mentions) {
      const Span span{start, end};
      Annotation(AnnotationIri(iri + "/mention/", src, span), iri, src, span, nullptr);
    }
    return Status::OK();
  }

  // The IRI of an annotation on `span` of `source`: named by what it points at,
  // never by position in a scan, so that it does not depend on the order in
  // which documents were ingested.
  static std::string AnnotationIri(std::string prefix, std::string_view source, Span span) {
    AppendHex64(StableHash(source), &prefix);
    prefix += '-';
    AppendUint(span.start, &prefix);
    prefix += '-';
    AppendUint(span.end, &prefix);
    return prefix;
  }

  // oa:Annotation `ann` whose body is `body` and whose target is the span of
  // the source document (and the exact quote, when known).
  void Annotation(const std::string& ann, std::string_view body, std::string_view source,
                  Span span, const std::string* quote) {
    const std::string target = ann + "/target";
    const std::string position = ann + "/position";
    const std::string quote_iri = ann + "/quote";
    Iri3(ann, rdf_type_, v_.annotation);
    Iri3(ann, v_.has_body, body);
    Iri3(ann, v_.has_target, target);
    Iri3(target, rdf_type_, v_.specific_resource);
    Iri3(target, v_.has_source, source);
    Iri3(target, v_.has_selector, position);
    if (quote != nullptr) Iri3(target, v_.has_selector, quote_iri);
    Iri3(position, rdf_type_, v_.position_selector);
    Int(position, v_.start, span.start);
    Int(position, v_.end, span.end);
    if (quote != nullptr) {
      Iri3(quote_iri, rdf_type_, v_.quote_selector);
      Lit(quote_iri, v_.exact, *quote);
    }
  }

  // The IRI of an entity by id; a small cache spares the store's lookups for
  // hubs such as a province's police department.
  Result<const std::pair<EntityType, std::string>*> Resolve(EntityId id) {
    Slot& slot = cache_[id % cache_.size()];
    if (slot.id == id && id != 0) return &slot.value;
    Result<std::optional<EntityRecord>> e = source_.GetEntityBasics(id);
    if (!e.ok()) return e.status();
    if (!e->has_value()) {
      return Status::Corruption("export", "triple names entity " + std::to_string(id) +
                                              " which is not stored");
    }
    slot.id = id;
    slot.value = {(*e)->type, EntityIri(base_, (*e)->type, (*e)->name, (*e)->scope)};
    return &slot.value;
  }

  Status Statement(const TripleRecord& t) {
    // Provenance first (see Entity): one piece of evidence per document and
    // span, so that no annotation is written twice.
    std::map<std::pair<std::string, std::pair<uint32_t, uint32_t>>, std::string> evidence;  // → quote
    std::vector<ProvenanceRecord> provenance;
    GOVKG_RETURN_IF_ERROR(source_.ScanProvenance(t, [&](const ProvenanceRecord& p) {
      provenance.push_back(p);
      return true;
    }));
    std::set<std::string> sources;
    for (const ProvenanceRecord& p : provenance) {
      const std::string& src = SourceIri(p.doc);
      sources.insert(src);
      evidence.emplace(std::make_pair(src, std::make_pair(p.evidence.start, p.evidence.end)), p.quote);
    }
    GOVKG_RETURN_IF_ERROR(source_status_);

    Result<const std::pair<EntityType, std::string>*> s = Resolve(t.subject);
    if (!s.ok()) return s.status();
    const EntityType subject_type = (*s)->first;
    const std::string subject = (*s)->second;  // copy: the next Resolve may evict it
    Result<const std::pair<EntityType, std::string>*> o = Resolve(t.object);
    if (!o.ok()) return o.status();
    const std::string object = (*o)->second;

    const std::string predicate = PredicateIri(t.predicate, subject_type);
    // Triples that differ only in their title (two posts of one person in one
    // body) come one after another: their plain edge is stated once.
    std::string edge = subject;
    edge += ' ';
    edge += predicate;
    edge += ' ';
    edge += object;
    const bool new_edge = edge != last_edge_;
    last_edge_ = std::move(edge);
    if (new_edge) Iri3(subject, predicate, object);
    // Triples come in subject order: a person's titles are remembered until
    // the subject changes, so that one title held in two bodies is stated once.
    if (subject != title_subject_) {
      title_subject_ = subject;
      titles_.clear();
    }
    if (!t.title.empty() && titles_.insert(t.title).second) Lit(subject, v_.job_title, t.title, {}, "zh");
    if (const std::string inverse = InverseIri(t.predicate); new_edge && !inverse.empty()) {
      Iri3(object, inverse, subject);
    }

    // Named by its ends, predicate and title: two posts of one person in one
    // body are two statements.
    std::string key = subject;
    key += ' ';
    key += PredicateName(t.predicate);
    key += ' ';
    key += object;
    if (!t.title.empty()) {
      key += ' ';
      key += t.title;
    }
    std::string stmt = base_ + "statement/";
    AppendHex64(StableHash(key), &stmt);

    Iri3(stmt, rdf_type_, v_.statement);
    Iri3(stmt, v_.subject, subject);
    Iri3(stmt, v_.predicate, predicate);
    Iri3(stmt, v_.object, object);
    Lit(stmt, v_.relation, PredicateName(t.predicate));
    Int(stmt, v_.support, t.support);
    if (!t.title.empty()) Lit(stmt, v_.title, t.title, {}, "zh");
    for (const std::string& src : sources) Iri3(stmt, derived_, src);
    std::vector<std::string> annotations;
    annotations.reserve(evidence.size());
    for (const auto& [where, quote] : evidence) {
      annotations.push_back(AnnotationIri(stmt + "/evidence/", where.first, Span{where.second.first, where.second.second}));
      Iri3(stmt, v_.evidence, annotations.back());
    }
    size_t k = 0;
    for (const auto& [where, quote] : evidence) {
      Annotation(annotations[k++], stmt, where.first, Span{where.second.first, where.second.second}, &quote);
    }
    return Status::OK();
  }

  struct Slot {
    EntityId id = 0;
    std::pair<EntityType, std::string> value;
  };

  const GraphSource& source_;
  const std::string base_;
  TripleWriter* const w_;
  const Vocab v_;
  std::string rdf_type_, xsd_integer_, xsd_double_, derived_;
  std::string scratch_, number_;
  std::array<Slot, 4096> cache_;
  // doc path → source IRI (std::less<> to look up by string_view).
  std::map<std::string, std::string, std::less<>> source_iris_;
  std::set<std::string> sources_written_;
  std::string title_subject_, last_edge_;
  std::set<std::string> titles_;  // two paths may hold one content
  const std::string empty_;
  Status entity_status_, source_status_;
};

}  // namespace

std::string EntityIri(std::string_view base, EntityType type, std::string_view name, std::string_view scope) {
  std::string iri(base);
  AppendEntityPath(type, scope, name, &iri);
  return iri;
}

Status GenerateRdf(const GraphSource& source, const RdfOptions& options, TripleWriter* writer) {
  Generator generator(source, options, writer);
  return generator.Run();
}

}  // namespace govkg::internal
