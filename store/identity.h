// store/identity.h: what makes mentions in many documents one node, decided
// here and nowhere else (ARCHITECTURE.md, "Identity"; store/FORMAT.md, "Term").
//
// A named entity is type + scope + canonical name. The scope comes from
// extraction (Entity::scope): "" when the name is unique on its own (公安部,
// 江门市公安局), a GB/T 2260 region code when it is unique only there (公安机关
// in a text about 内蒙古 → "150000"), "doc" when the text does not make its
// region clear — the store then replaces "doc" by the document's content hash,
// so that the name never meets another document's. A metric is one
// observation: its scope is always its document's content hash plus the span
// of its first mention and a short hash of value, unit and period (without a
// span: a hash of name, value, unit and period), never its name alone.
//
// The store keeps the scope in each EntityRecord; the exporters only print
// NodeKey (or its IRI form): the same entity gets the same key in every export
// and on every run, whatever the order of ingest, and distinct entities never
// share one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/document_graph.h"

namespace govkg {

// The stored scope of entity `e` of a document whose content hash is
// `content_hash`: "", a region code, "doc-" + 16 hex digits of the hash, or
// for a metric "doc-…/START-END.xxxxxxxx" (or "doc-…/h" + 16 hex digits).
std::string IdentityScope(const Entity& e, std::string_view content_hash);

// Whether extraction's Entity::scope is one the store understands: "", "doc",
// or a region code (ASCII digits, 2 to 12 of them).
bool ValidScope(std::string_view scope);

// Whether a stored scope has the form IdentityScope gives an entity of
// `type` (what `govkg check` verifies of every entity record).
bool ValidStoredScope(EntityType type, std::string_view scope);

// The stable, unique, readable key of a node: "Agency/内蒙古自治区公安厅",
// "Agency/150000/公安机关", "Agency/doc-1a2b3c4d5e6f7a8b/公安局",
// "Metric/doc-1a2b3c4d5e6f7a8b/120-129.9f3e0c21/破获案件". '%' and '/' inside a name
// are written %25 and %2F, so that the key splits back unambiguously.
std::string NodeKey(EntityType type, std::string_view scope, std::string_view name);

// NodeKey read back: a user may name a node by the key an export or an
// ambiguity message printed. nullopt when `key` is no such key (no type
// before the first '/', or an empty name).
struct NodeKeyParts {
  EntityType type = EntityType::kAgency;
  std::string scope;
  std::string name;
};
std::optional<NodeKeyParts> ParseNodeKey(std::string_view key);

// Which entity of a node (Store::SameNode) names it: the most complete form
// (the longest canonical name), then the smaller name, then the smaller
// scope. True when `a` comes before `b`. Independent of ingest order.
bool PreferredName(std::string_view scope_a, std::string_view name_a,
                   std::string_view scope_b, std::string_view name_b);

// The key of a document: "doc-" + 16 hex digits of its content hash (the
// path is a property, not the identity).
std::string DocumentKey(std::string_view content_hash);

}  // namespace govkg
