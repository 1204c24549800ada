// export/rdf_internal.h: the one mapping from the govkg graph to RDF, shared
// by the JSON-LD, N-Triples and Turtle writers so that all three carry
// exactly the same triples.
//
// Vocabulary: schema.org where a term exists (GovernmentOrganization,
// Project, Observation, Person, Legislation/CreativeWork, Place, name,
// parentOrganization …), the govkg vocabulary of export/context/govkg.jsonld
// for the rest, PROV-O for the source document and W3C Web Annotation
// selectors for the evidence. Every govkg triple is also reified as an
// rdf:Statement carrying its support, sources and evidence. All IRIs are
// minted from names (never from store ids), so they are stable across stores.
#pragma once

#include <string>
#include <string_view>

#include "export/source_internal.h"

namespace govkg::internal {

// The JSON text of export/context/govkg.jsonld, compiled in.
extern const char kGovkgContextJson[];

inline constexpr std::string_view kSchema = "https://schema.org/";
inline constexpr std::string_view kGovkgVocab = "https://govkg.example.org/vocab#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kOa = "http://www.w3.org/ns/oa#";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// An RDF object. Subjects and predicates are always IRIs.
struct RdfObject {
  enum class Kind { kIri, kLiteral };
  Kind kind = Kind::kIri;
  std::string_view value;     // IRI, or the literal's lexical form
  std::string_view datatype;  // full IRI; empty: xsd:string (or langString with lang)
  std::string_view lang;
};

// Receives triples grouped by subject (a subject may come back later).
class TripleWriter {
 public:
  virtual ~TripleWriter() = default;
  virtual void Triple(std::string_view subject, std::string_view predicate,
                      const RdfObject& object) = 0;
  // Flushes and closes; returns the first error.
  [[nodiscard]] virtual Status Finish() = 0;
  // False once a write failed: the generator stops early.
  virtual bool ok() const = 0;
};

struct RdfOptions {
  std::string base_iri = "https://govkg.example.org/";
};

// Streams the RDF of `source` into `writer` (entities first, then triples),
// then calls writer->Finish().
[[nodiscard]] Status GenerateRdf(const GraphSource& source, const RdfOptions& options,
                                 TripleWriter* writer);

// The IRI of an entity: base + AppendEntityPath (type slug, scope, name).
std::string EntityIri(std::string_view base, EntityType type, std::string_view name,
                      std::string_view scope = {});

}  // namespace govkg::internal
