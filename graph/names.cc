// Name resolution (canonical, alias, t2s spelling, substring) and entity
// listing, shared by every command that takes a NAME.
#include <algorithm>
#include <set>

#include "graph/graph.h"
#include "store/identity.h"

namespace govkg {
namespace {

// At most this many candidates are named in an ambiguity message.
constexpr size_t kMaxListedCandidates = 10;

bool Contains(std::string_view hay, std::string_view needle) {
  return !needle.empty() && hay.find(needle) != std::string_view::npos;
}

bool TypeMatches(std::optional<EntityType> type, EntityType t) { return !type || *type == t; }

// One id per node (Store::SameNode): the names of one campaign in two
// documents are not an ambiguity.
Result<std::set<EntityId>> OnePerNode(const Store& store, const std::set<EntityId>& ids) {
  std::set<EntityId> out, covered;
  for (const EntityId id : ids) {
    if (covered.contains(id)) continue;
    Result<std::vector<EntityId>> node = store.SameNode(id);
    if (!node.ok()) return node.status();
    covered.insert(node->begin(), node->end());
    out.insert(id);
  }
  return out;
}

// A candidate needs the node's type, name and scope: its basics, not the
// record that gathers the aliases and documents of all its forms (reading
// those was most of the cost of resolving a name).
Result<std::vector<NameCandidate>> ToCandidates(const Store& store, const std::set<EntityId>& ids) {
  std::vector<NameCandidate> out;
  for (EntityId id : ids) {
    Result<std::optional<EntityRecord>> rec = store.GetEntityBasics(id);
    if (!rec.ok()) return rec.status();
    if (!rec->has_value()) continue;
    Result<size_t> degree = Degree(store, id);
    if (!degree.ok()) return degree.status();
    out.push_back(NameCandidate{id, (*rec)->type, (*rec)->name, *degree, (*rec)->scope});
  }
  std::sort(out.begin(), out.end(), [](const NameCandidate& a, const NameCandidate& b) {
    if (a.degree != b.degree) return a.degree > b.degree;
    return a.name < b.name;
  });
  return out;
}

// Exact matches on canonical names first, then on aliases. A node one of
// whose forms a document named so is a canonical match too: 公安机关 of
// 150000, joined with 内蒙古自治区公安机关, is as much a 公安机关 as 440700's.
Result<std::set<EntityId>> ExactMatches(const Store& store, std::string_view name,
                                        std::optional<EntityType> type) {
  Result<std::vector<EntityId>> ids = store.FindByName(name);
  if (!ids.ok()) return ids.status();
  std::set<EntityId> canonical, alias;
  for (EntityId id : *ids) {
    Result<std::optional<EntityRecord>> rec = store.GetEntityBasics(id);  // the node's name and type
    if (!rec.ok()) return rec.status();
    if (!rec->has_value() || !TypeMatches(type, (*rec)->type)) continue;
    ((*rec)->name == name ? canonical : alias).insert(id);
  }
  // A node named otherwise with a form of this name is among the alias
  // matches: only then are the forms asked.
  if (!alias.empty()) {
    Result<std::vector<EntityRecord>> forms = store.FindForms(name);
    if (!forms.ok()) return forms.status();
    for (const EntityRecord& form : *forms) {
      if (TypeMatches(type, form.type)) canonical.insert(form.id);
    }
  }
  return canonical.empty() ? alias : canonical;
}

}  // namespace

std::optional<Direction> ParseDirection(std::string_view text) {
  if (text == "out") return Direction::kOut;
  if (text == "in") return Direction::kIn;
  if (text == "both") return Direction::kBoth;
  return std::nullopt;
}

Result<size_t> Degree(const Store& store, EntityId id) {
  size_t n = 0;
  const auto count = [&n](const TripleRecord&) {
    ++n;
    return true;
  };
  GOVKG_RETURN_IF_ERROR(store.ScanTriples(TriplePattern{id, std::nullopt, std::nullopt}, count));
  GOVKG_RETURN_IF_ERROR(store.ScanTriples(TriplePattern{std::nullopt, std::nullopt, id}, count));
  return n;
}

namespace {

// The node whose key (store/identity.h, what exports and ambiguity messages
// print) is `key`: the one way to pick 公安机关 of one region among several.
Result<std::set<EntityId>> KeyMatches(const Store& store, std::string_view key,
                                      std::optional<EntityType> type) {
  std::set<EntityId> out;
  const std::optional<NodeKeyParts> parts = ParseNodeKey(key);
  if (!parts || !TypeMatches(type, parts->type)) return out;
  Result<std::vector<EntityId>> ids = store.FindByName(parts->name);
  if (!ids.ok()) return ids.status();
  for (const EntityId id : *ids) {
    Result<std::optional<EntityRecord>> rec = store.GetEntityBasics(id);  // the node's
    if (!rec.ok()) return rec.status();
    if (rec->has_value() && NodeKey((*rec)->type, (*rec)->scope, (*rec)->name) == key) out.insert(id);
  }
  return out;
}

// The entities NAME matches, one id per node: a node key, exact names, then
// the simplified spelling, then substrings.
Result<std::set<EntityId>> MatchingNodes(const Store& store, std::string_view name,
                                         std::optional<EntityType> type) {
  if (name.empty()) return std::set<EntityId>{};
  Result<std::set<EntityId>> by_key = KeyMatches(store, name, type);
  if (!by_key.ok()) return by_key.status();
  if (!by_key->empty()) return OnePerNode(store, *by_key);
  Result<std::set<EntityId>> exact = ExactMatches(store, name, type);
  if (!exact.ok()) return exact.status();
  if (!exact->empty()) return OnePerNode(store, *exact);

  const std::string simplified = ToSimplified(name);
  if (simplified != name) {
    exact = ExactMatches(store, simplified, type);
    if (!exact.ok()) return exact.status();
    if (!exact->empty()) return OnePerNode(store, *exact);
  }

  // Substring of a canonical name or alias: a full scan, only as a last resort.
  std::set<EntityId> partial;
  GOVKG_RETURN_IF_ERROR(store.ScanEntities([&](const EntityRecord& e) {
    if (!TypeMatches(type, e.type)) return true;
    bool hit = Contains(e.name, name) || Contains(e.name, simplified);
    for (const std::string& alias : e.aliases) hit = hit || Contains(alias, simplified);
    if (hit) partial.insert(e.id);
    return true;
  }));
  return OnePerNode(store, partial);
}

}  // namespace

Result<std::vector<NameCandidate>> FindNameCandidates(const Store& store, std::string_view name,
                                                      std::optional<EntityType> type) {
  Result<std::set<EntityId>> ids = MatchingNodes(store, name, type);
  if (!ids.ok()) return ids.status();
  return ToCandidates(store, *ids);
}

Result<EntityId> ResolveName(const Store& store, std::string_view name,
                             std::optional<EntityType> type) {
  Result<std::set<EntityId>> ids = MatchingNodes(store, name, type);
  if (!ids.ok()) return ids.status();
  // One node: its degree, which only orders candidates, is not counted.
  if (ids->size() == 1) {
    Result<std::optional<EntityRecord>> rec = store.GetEntityBasics(*ids->begin());
    if (!rec.ok()) return rec.status();
    if (rec->has_value()) return *ids->begin();
  }
  Result<std::vector<NameCandidate>> found = ToCandidates(store, *ids);
  if (!found.ok()) return found.status();
  const std::string quoted = "\"" + std::string(name) + "\"";
  if (found->empty()) {
    return Status::NotFound("graph: " + quoted,
                            type ? "no " + std::string(EntityTypeName(*type)) + " of that name"
                                 : "no entity of that name");
  }
  if (found->size() == 1) return found->front().id;
  std::string detail = "ambiguous, " + std::to_string(found->size()) + " candidates:";
  for (size_t i = 0; i < found->size() && i < kMaxListedCandidates; ++i) {
    const NameCandidate& c = (*found)[i];
    detail += (i ? "; " : " ") + NodeKey(c.type, c.scope, c.name) + " (degree " +
              std::to_string(c.degree) + ")";
  }
  if (found->size() > kMaxListedCandidates) detail += "; …";
  detail += " (give the full name, --type, or one of these keys as the name)";
  return Status::InvalidArgument("graph: " + quoted, detail);
}

Result<std::vector<EntityRecord>> ListEntities(const Store& store,
                                               const EntityListOptions& options) {
  std::vector<EntityRecord> out;
  const std::string simplified = ToSimplified(options.name_contains);
  GOVKG_RETURN_IF_ERROR(store.ScanEntities([&](const EntityRecord& e) {
    if (!TypeMatches(options.type, e.type)) return true;
    if (!options.name_contains.empty()) {
      bool hit = Contains(e.name, simplified) || Contains(e.name, options.name_contains);
      for (const std::string& alias : e.aliases) hit = hit || Contains(alias, simplified);
      if (!hit) return true;
    }
    out.push_back(e);
    return options.limit == 0 || out.size() < options.limit;
  }));
  return out;
}

}  // namespace govkg
