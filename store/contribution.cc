// store/contribution.cc: Resolve and EmitRows (store/contribution_internal.h).
#include "store/contribution_internal.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "store/identity.h"
#include "store/store_internal.h"

namespace govkg::internal {
namespace {

// The id HashedId(seed) asks for, or the next one not in use (in the store,
// under key_of(id) in family `cf`, or in `taken`). Recorded in `taken`.
Result<uint64_t> FreeId(const StoreCore& impl, std::string_view seed, Cf cf,
                        const std::function<std::string(uint64_t)>& key_of, IdSet& taken) {
  for (uint64_t id = HashedId(seed);; id = (id + 1) & 0x7FFFFFFFFFFFFFFFULL) {
    if (id == 0 || taken.contains(id)) continue;
    bool found = false;
    std::string v;
    // A store known to be empty has no key to build and look up.
    if (!impl.known_empty) GOVKG_RETURN_IF_ERROR(impl.Get(cf, key_of(id), &v, &found));
    if (!found) {
      taken.insert(id);
      return id;
    }
  }
}

// The store id of `term`: made by this run, cached, stored, or new (0).
Result<EntityId> KnownId(StoreCore& impl, const TermMap& made, const std::string& term, std::string_view name) {
  if (const EntityId* known = made.find(term); known != nullptr) return *known;
  if (const EntityId* cached = impl.term_cache.find(term); cached != nullptr) return *cached;
  std::string v;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl.GetUnlessEmpty(kCfDict, DictTermKey(term), &v, &found));
  if (!found) return EntityId{0};
  if (v.size() != 8) return impl.Corrupt("dictionary entry of " + std::string(name));
  const EntityId id = DecodeFixed64BE(v.data());
  if (impl.term_cache.size() >= kTermCacheLimit) impl.term_cache.clear();
  impl.term_cache.emplace(term, id);
  return id;
}

// The mention rows (and alias counters) of the document's entities, one row
// per store id, the entities of one id merged in the graph's order.
void EmitMentions(const DocumentGraph& graph, uint64_t doc_id, const ResolvedIds& ids, WriteSink& sink,
                  DocValue* doc) {
  std::vector<std::pair<EntityId, size_t>> mentioned;  // (store id, index of the entity)
  mentioned.reserve(graph.entities.size());
  for (size_t i = 0; i < ids.ids.size(); ++i) mentioned.emplace_back(ids.ids[i], i);
  std::sort(mentioned.begin(), mentioned.end());
  MentionValue m;
  for (size_t i = 0; i < mentioned.size();) {
    const EntityId id = mentioned[i].first;
    m.spans.clear();
    m.aliases.clear();
    for (; i < mentioned.size() && mentioned[i].first == id; ++i) {
      const Entity& e = graph.entities[mentioned[i].second];
      m.spans.insert(m.spans.end(), e.mentions.begin(), e.mentions.end());
      for (const std::string& a : e.aliases) {
        if (!a.empty() && a != e.name) m.aliases.push_back(a);
      }
    }
    std::sort(m.aliases.begin(), m.aliases.end());
    m.aliases.erase(std::unique(m.aliases.begin(), m.aliases.end()), m.aliases.end());
    for (const std::string& a : m.aliases) {
      sink.Add(kCfCount, AliasKey(id, a), 1);
      sink.Add(kCfCount, NameKey(a, id), 1);
    }
    sink.AddMention(id, MentionKey(id, doc_id), EncodeMention(m));
    doc->entities.push_back(id);
  }
}

// The triples the relations state, each with its evidence, and their
// provenance rows.
void EmitTriples(const DocumentGraph& graph, uint64_t doc_id, const ResolvedIds& ids, WriteSink& sink,
                 DocValue* doc) {
  // Equal triples are one, its evidence in the order of the relations.
  // Sorted by the triple's fields, which is the order of their SPO keys (S,
  // P and O big-endian, then the title): comparing the keys' strings was a
  // twentieth of a bulk load's document time.
  struct Stated {
    TripleKey t;
    size_t relation;
  };
  std::vector<Stated> stated;
  stated.reserve(graph.relations.size());
  for (size_t i = 0; i < graph.relations.size(); ++i) {
    const Relation& r = graph.relations[i];
    stated.push_back(Stated{TripleKey{ids.ends[i].first, r.predicate, ids.ends[i].second, r.title}, i});
  }
  std::sort(stated.begin(), stated.end(),
            [](const Stated& a, const Stated& b) { return a.t != b.t ? a.t < b.t : a.relation < b.relation; });
  std::vector<Evidence> evidence;
  doc->triples.reserve(stated.size());
  for (size_t i = 0; i < stated.size();) {
    const Stated& first = stated[i];
    evidence.clear();
    for (; i < stated.size() && stated[i].t == first.t; ++i) {
      const Relation& r = graph.relations[stated[i].relation];
      evidence.push_back(Evidence{r.evidence, r.quote});
    }
    std::string spo = SpoKey(first.t);
    sink.AddTriple(spo, first.t, 1);
    sink.Put(kCfProv, ProvKey(spo, doc_id), EncodeEvidence(evidence));
    doc->triples.push_back(std::move(spo));
  }
}

}  // namespace

Result<uint64_t> NewDocId(const StoreCore& impl, std::string_view path, IdSet& taken) {
  return FreeId(impl, "p" + std::string(path), kCfDoc, DocIdKey, taken);
}

Result<ResolvedIds> Resolve(StoreCore& impl, const DocumentRecord& info, const DocumentGraph& graph,
                            const EntityIndex& index, const NewTerms& fresh) {
  ResolvedIds out;
  out.ids.reserve(graph.entities.size());
  for (size_t i = 0; i < graph.entities.size(); ++i) {
    const Entity& e = graph.entities[i];
    std::string scope = IdentityScope(e, info.content_hash);
    std::string term = EncodeTerm(e.type, e.name, scope);
    Result<EntityId> id = KnownId(impl, fresh.terms, term, e.name);
    GOVKG_RETURN_IF_ERROR(id.status());
    if (*id == 0) {
      Result<uint64_t> made = FreeId(impl, term, kCfDict, DictIdKey, fresh.ids);
      GOVKG_RETURN_IF_ERROR(made.status());
      *id = *made;
      ++*fresh.next_entity;
      fresh.terms.emplace(term, *id);
      out.created.push_back(ResolvedIds::Created{i, std::move(term), std::move(scope)});
    }
    out.ids.push_back(*id);
  }
  // Validate checked every relation's ends against the same index.
  out.ends.reserve(graph.relations.size());
  for (const Relation& r : graph.relations) {
    out.ends.emplace_back(out.ids[index.Find(r.subject)], out.ids[index.Find(r.object)]);
  }
  return out;
}

void EmitRows(const DocumentRecord& info, const DocumentGraph& graph, uint64_t doc_id, const ResolvedIds& ids,
              WriteSink& sink) {
  for (const ResolvedIds::Created& c : ids.created) {
    const Entity& e = graph.entities[c.entity];
    const EntityId id = ids.ids[c.entity];
    EntityRecord r;
    r.type = e.type;
    r.name = e.name;
    r.scope = c.scope;
    if (e.type == EntityType::kMetric) r.metric = e.metric;
    std::string id_bytes;
    PutFixed64BE(&id_bytes, id);
    sink.Put(kCfDict, DictTermKey(c.term), id_bytes);
    sink.Put(kCfDict, DictIdKey(id), c.term);
    sink.Put(kCfEntity, EntityKey(id), EncodeEntityValue(r));
  }
  DocValue doc;
  doc.record = info;
  if (doc.record.ingest_time == 0) {
    doc.record.ingest_time =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  }
  EmitMentions(graph, doc_id, ids, sink, &doc);
  EmitTriples(graph, doc_id, ids, sink, &doc);
  std::string id_bytes;
  PutFixed64BE(&id_bytes, doc_id);
  sink.Put(kCfDoc, DocPathKey(info.path), id_bytes);
  sink.Put(kCfDoc, DocIdKey(doc_id), EncodeDocValue(doc));
}

}  // namespace govkg::internal
