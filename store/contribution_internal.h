// store/contribution_internal.h: what one document adds to the store, in two
// steps.
//
// Resolve gives each of the document's entities its store id (creating the
// ids of new terms); it reads and updates the writer's state. EmitRows then
// turns the document and those ids into rows (dictionary and entity records
// of the new entities, mentions, counters, triples, provenance, the document
// record); it reads nothing but its arguments. (Emitting on a thread of its
// own, from a copy of the document, was tried: a 1M-triple load took as long
// and 20% more CPU, the copies and wake-ups costing what the overlap saved.)
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"
#include "store/bulk_group_internal.h"
#include "store/entity_index_internal.h"
#include "store/store.h"

namespace govkg::internal {

class StoreCore;

// The store ids of a document's entities and of its relations' ends.
struct ResolvedIds {
  struct Created {
    size_t entity;  // index into DocumentGraph::entities
    std::string term, scope;
  };
  std::vector<EntityId> ids;                        // of graph.entities[i]
  std::vector<std::pair<EntityId, EntityId>> ends;  // of graph.relations[i]: subject, object
  std::vector<Created> created;                     // entities new to the store
};

// Where Resolve takes the ids of new terms from and records them.
struct NewTerms {
  TermMap& terms;         // terms created but not yet committed
  uint64_t* next_entity;  // a count of the ids handed out
  IdSet& ids;             // ids handed out, not yet committed
};

// A new document's id: the hash of its path, or the next id in use neither in
// the store nor in `taken`. Recorded in `taken`.
[[nodiscard]] Result<uint64_t> NewDocId(const StoreCore& impl, std::string_view path, IdSet& taken);

// `index` is the one Validate checked the graph with.
[[nodiscard]] Result<ResolvedIds> Resolve(StoreCore& impl, const DocumentRecord& info, const DocumentGraph& graph,
                                          const EntityIndex& index, const NewTerms& fresh);

// Sends all the document's rows to `sink`, document record included.
void EmitRows(const DocumentRecord& info, const DocumentGraph& graph, uint64_t doc_id, const ResolvedIds& ids,
              WriteSink& sink);

}  // namespace govkg::internal
