// tests/extract/extract_test_util.h: running the lexicon extractor on a
// snippet and looking entities and relations up by name.
#pragma once

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "extract/extractor.h"
#include "model/document_graph.h"

namespace govkg::testing {

inline const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Result<std::unique_ptr<Extractor>> e = NewLexiconExtractor(ExtractOptions{});
    REQUIRE(e.ok());
    return std::move(*e);
  }();
  return *extractor;
}

inline DocumentGraph ExtractText(const std::string& text) {
  Result<ExtractedDocument> doc = SharedExtractor().Extract("snippet.txt", text);
  REQUIRE(doc.ok());
  return doc->graph;
}

// The entity of `type` whose name or alias is `name`, or nullptr.
inline const Entity* FindEntity(const DocumentGraph& g, EntityType type, const std::string& name) {
  for (const Entity& e : g.entities) {
    if (e.type != type) continue;
    if (e.name == name) return &e;
    for (const std::string& a : e.aliases) {
      if (a == name) return &e;
    }
  }
  return nullptr;
}

// The canonical name of the entity of `type` named or aliased `form`, or ""
// when there is none.
inline std::string NameOf(const DocumentGraph& g, EntityType type, const std::string& form) {
  const Entity* e = FindEntity(g, type, form);
  return e == nullptr ? std::string() : e->name;
}

inline const Entity* EntityById(const DocumentGraph& g, const std::string& id) {
  for (const Entity& e : g.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

inline bool Named(const Entity* e, const std::string& name) {
  if (e == nullptr) return false;
  if (e->name == name) return true;
  for (const std::string& a : e->aliases) {
    if (a == name) return true;
  }
  return false;
}

// Whether a relation `subject -predicate-> object` exists, ends given by any name.
inline const Relation* FindRelation(const DocumentGraph& g, const std::string& subject,
                                    Predicate predicate, const std::string& object) {
  for (const Relation& r : g.relations) {
    if (r.predicate == predicate && Named(EntityById(g, r.subject), subject) &&
        Named(EntityById(g, r.object), object)) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace govkg::testing
