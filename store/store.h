// store/store.h: the durable triple store of govkg, on RocksDB.
//
// Takes: one DocumentGraph per document (from extract/ or from JSON Lines).
// Gives: entities merged across documents (same type + scope + canonical
// name = one node, store/identity.h), triples indexed three ways (SPO, POS, OSP) so that any pattern with a
// bound term is one prefix scan, and provenance for every triple: which
// documents support it and the evidence span and quote in each.
// The key encoding is documented in store/FORMAT.md (code: store/keys_internal.h).
//
// Threading: one Store may be shared by many reader threads. Writes
// (PutDocument, RemoveDocument) are serialised internally. Only one process may
// open a store for writing; others get Status::Busy naming the holder's pid.
// A store opened read-only sees the state of the moment it was opened (one
// consistent snapshot) and may be opened while a writer is running.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"

namespace govkg {

using EntityId = uint64_t;

struct StoreOptions {
  // Create the store when the folder does not exist. Default: true.
  bool create_if_missing = true;
  // Open without the write lock; writes then fail with NotSupported.
  bool read_only = false;
  // fsync every document's WriteBatch. Default: false (the WAL still makes a
  // SIGKILL safe; only a power cut may lose the last documents).
  bool sync = false;
  // Bulk load: PutDocument stages documents new to the store and writes them
  // in groups (each group one atomic WriteBatch, keys in order, counters
  // summed), several times faster than one batch per document. A crash loses
  // the uncommitted group whole; ingesting again completes it. Costs up to
  // about 100 MB of memory.
  bool bulk_load = false;
  // When another process writes to the store: wait for it to finish instead
  // of failing with Busy.
  bool wait_for_lock = false;
  // Verify each table block's checksum when it is read. Queries of a
  // read-only store turn it off (it was 8% of a depth-2 traversal that reads
  // most blocks of the entity family); `govkg check` and writers keep it.
  bool verify_checksums = true;

  static StoreOptions ForReading() {
    StoreOptions o;
    o.create_if_missing = false;
    o.read_only = true;
    return o;
  }
};

// An entity as stored: merged across every document that names it.
struct EntityRecord {
  EntityId id = 0;
  EntityType type = EntityType::kAgency;
  std::string name;                   // canonical
  // The scope part of its identity (store/identity.h): "", a region code,
  // "doc-…" (one document), "doc-…/START-END" (a metric's observation).
  std::string scope;
  std::vector<std::string> aliases;   // union over documents, sorted
  std::optional<MetricValue> metric;  // kMetric only
  uint32_t document_count = 0;        // documents that mention it
};

struct TripleRecord {
  EntityId subject = 0;
  Predicate predicate = Predicate::kConducts;
  EntityId object = 0;
  std::string title;     // holdsPost only
  uint32_t support = 0;  // number of documents stating it
};

// Where one document states one triple.
struct ProvenanceRecord {
  std::string doc;  // the document's path as ingested
  Span evidence;
  std::string quote;
};

struct DocumentRecord {
  std::string path;
  std::string content_hash;  // hex digest of the bytes (or of the JSON for --extracted)
  uint64_t size = 0;         // bytes
  int64_t ingest_time = 0;   // seconds since the epoch
  uint32_t entity_count = 0;
  uint32_t triple_count = 0;
  std::string extractor;     // Extractor::Name() that produced it
};

// Any combination of bound terms; unbound = nullopt.
struct TriplePattern {
  std::optional<EntityId> subject;
  std::optional<Predicate> predicate;
  std::optional<EntityId> object;
};

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

// One stored form of an entity: what a document named it (store/identity.h).
struct FormRef {
  EntityType type = EntityType::kAgency;
  std::string name;
  std::string scope;
};

// A user's decision about two forms (`govkg same`, `govkg distinct`): kept
// by their identity, not their ids, so that it survives re-ingest; it wins
// over the automatic merge rules (ARCHITECTURE.md, "Identity").
struct DecisionRecord {
  bool same = true;  // false: distinct
  FormRef a, b;
};

struct StoreStats {
  uint64_t entities_by_type[std::size(kAllEntityTypes)] = {};
  uint64_t triples_by_predicate[std::size(kAllPredicates)] = {};
  uint64_t entities = 0;
  uint64_t triples = 0;
  uint64_t documents = 0;
  uint64_t size_bytes = 0;  // on disk
};

class Store {
 public:
  // Opens (or creates) the store in folder `path`. On success *store owns it.
  // Busy: another process writes to it ("store is in use (pid N)").
  [[nodiscard]] static Status Open(const StoreOptions& options, const std::string& path,
                                   std::unique_ptr<Store>* store);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // --- Writing (REQUIRES: not read_only) --------------------------------

  // Stores one document's graph in one atomic WriteBatch. A document already
  // stored under `info.path` with the same content_hash is left alone
  // (kUnchanged); with another hash its old contribution is replaced.
  [[nodiscard]] Result<PutOutcome> PutDocument(const DocumentRecord& info,
                                               const DocumentGraph& graph);
  // Bulk load by sorting (REQUIRES bulk_load): from now on the documents new
  // to the store are not written through RocksDB's write path but collected
  // in at most `memory_bytes` of memory (sorted runs spill to a folder inside
  // the store), and Commit() merges them per column family into table files
  // that the store takes in whole, in one atomic step. Several times faster
  // for large loads (store/sorted_load_internal.h); readers see none of the
  // load until Commit() (or closing, or every 2M new entities, when the run
  // so far is written to bound memory), and a crash loses what was not
  // written (ingesting again redoes it). 0 = 512 MB.
  [[nodiscard]] Status StartSortedLoad(size_t memory_bytes = 0);
  // Whether StartSortedLoad was called: Commit() then writes the whole load,
  // and is best called once, at the end.
  bool SortedLoad() const;
  // Writes the documents that PutDocument staged under bulk_load (it commits
  // a group by itself every few tens of MB, and closing the store commits the
  // rest). Reads see a staged document only once it is committed.
  [[nodiscard]] Status Commit();
  // Commits, then rewrites the indexes, dictionary and entity records into
  // one sorted run each. After a bulk load a family is spread over several
  // overlapping level-0 tables, and every read had to look into each of them
  // (a pattern query on 1.3M triples: 130 ms before, 50 ms after).
  [[nodiscard]] Status Compact();
  // RocksDB's estimate of the number of distinct triples (cheap: no scan).
  uint64_t ApproximateTriples() const;
  // RocksDB operations (puts, merges, deletes) this handle has written: what
  // a load costs the engine, for benchmarks (bench/write_floor measures how
  // many of them RocksDB takes per second on the machine).
  uint64_t OperationsWritten() const;
  // Takes a document's contribution out; triples and entities that other
  // documents support survive. NotFound when the path is not stored.
  [[nodiscard]] Status RemoveDocument(std::string_view path);

  // --- Reading ---------------------------------------------------------

  [[nodiscard]] Result<std::optional<EntityRecord>> GetEntity(EntityId id) const;
  // Type, name and metric only (aliases empty, document_count 0): one point
  // lookup instead of three reads, for traversals that list many entities.
  [[nodiscard]] Result<std::optional<EntityRecord>> GetEntityBasics(EntityId id) const;
  // GetEntityBasics for many ids in one batched read (RocksDB MultiGet); the
  // result is in the order of `ids`.
  [[nodiscard]] Result<std::vector<std::optional<EntityRecord>>> GetEntitiesBasics(
      const std::vector<EntityId>& ids) const;
  // Exact lookup by type and canonical name, whatever the scope: the entity
  // without a scope when there is one, else the one of the smallest scope.
  [[nodiscard]] Result<std::optional<EntityId>> FindEntity(EntityType type,
                                                           std::string_view name) const;
  // The entities that are one node with `id` (sorted, `id` included): those
  // of its type and scope linked to it, directly or through others, because
  // a document gave one's canonical name as the other's alias. Depends only
  // on what is stored, not on the order of ingest; a metric is alone.
  [[nodiscard]] Result<std::vector<EntityId>> SameNode(EntityId id) const;
  // Entities whose canonical name or an alias equals `name` exactly.
  [[nodiscard]] Result<std::vector<EntityId>> FindByName(std::string_view name) const;

  // --- Forms and decisions (the node layer, store/nodes_internal.h) -----
  // The reads above answer in nodes: an id of any form of a node reads as
  // the node (its representative's id), and a node's record, triples and
  // mentions hold those of all its forms. These answer in forms.

  // The stored forms whose canonical name is exactly `name` (every type and
  // scope), as records of one form each (aliases and document count filled).
  [[nodiscard]] Result<std::vector<EntityRecord>> FindForms(std::string_view name) const;
  // The record of one stored form, whatever node it belongs to.
  [[nodiscard]] Result<std::optional<EntityRecord>> GetForm(EntityId id) const;
  // Records a decision (replacing any earlier one about the same two forms).
  // The forms need not be stored: it applies whenever both are.
  [[nodiscard]] Status PutDecision(const DecisionRecord& decision);
  // Forgets the decision about two forms; NotFound when there is none.
  [[nodiscard]] Status DeleteDecision(const FormRef& a, const FormRef& b);
  [[nodiscard]] Result<std::vector<DecisionRecord>> Decisions() const;

  // Visitors return false to stop early. Each scan ends by returning the
  // iterator's status.
  [[nodiscard]] Status ScanEntities(const std::function<bool(const EntityRecord&)>& visit) const;
  [[nodiscard]] Status ScanTriples(const TriplePattern& pattern,
                                   const std::function<bool(const TripleRecord&)>& visit) const;
  [[nodiscard]] Status ScanProvenance(const TripleRecord& triple,
                                      const std::function<bool(const ProvenanceRecord&)>& visit) const;
  // Where an entity is mentioned: document path and spans.
  [[nodiscard]] Status ScanMentions(EntityId id,
                                    const std::function<bool(std::string_view doc,
                                                             const std::vector<Span>&)>& visit) const;
  [[nodiscard]] Status ScanDocuments(const std::function<bool(const DocumentRecord&)>& visit) const;
  [[nodiscard]] Result<std::optional<DocumentRecord>> GetDocument(std::string_view path) const;

  [[nodiscard]] Result<StoreStats> Stats() const;
  // Verifies that indexes, dictionary, support counts and provenance agree.
  // Returns the problems found (empty when the store is consistent).
  [[nodiscard]] Result<std::vector<std::string>> Check() const;

 private:
  class Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govkg
