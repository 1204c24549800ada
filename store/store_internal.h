// store/store_internal.h: Store::Impl, shared by the files implementing Store
// (store.cc opens and reads, writer.cc writes, check.cc verifies and counts).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <rocksdb/db.h>

#include "store/bulk_group_internal.h"
#include "store/keys_internal.h"
#include "store/lock_internal.h"
#include "store/store.h"

namespace govkg {
namespace internal {

struct NodeMap;

// Everything a Store holds. Store::Impl (nameable only inside Store's
// members) is this class; the free helpers of store/ take a StoreCore&.
class StoreCore {
 public:
  StoreCore() = default;
  ~StoreCore();
  StoreCore(const StoreCore&) = delete;
  StoreCore& operator=(const StoreCore&) = delete;

  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles[c]; }
  // One-line Status for a RocksDB error: "store: <path>: <what>: <rocksdb message>".
  Status Error(const rocksdb::Status& s, std::string_view what) const;
  // Point lookup; *found tells whether the key exists.
  Status Get(Cf c, std::string_view key, std::string* value, bool* found) const;
  rocksdb::ReadOptions ReadOpts() const;
  std::unique_ptr<rocksdb::Iterator> NewIterator(Cf c) const;
  // Calls visit(key, value) for every key starting with `prefix`.
  Status ScanPrefix(Cf c, std::string_view prefix,
                    const std::function<bool(std::string_view, std::string_view)>& visit) const;
  // The path of a stored document id. Cached: every mention and provenance
  // row names its document by id, and the document record is large.
  Result<std::string> DocPath(uint64_t doc_id) const;
  Status Corrupt(std::string_view what) const;
  // A writer's close: rewrites the meta family into one table when it has several.
  void CompactMeta();

  StoreOptions options;
  std::string path;
  std::unique_ptr<StoreLock> lock;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;

  // Writer state, guarded by write_mu.
  std::mutex write_mu;
  uint64_t next_entity = 1;
  uint64_t next_doc = 1;
  uint64_t operations_written = 0;
  // term → id of entities already in the store: spares a dictionary Get per
  // entity mention during bulk loads. Cleared when it grows too big.
  TermMap term_cache;
  // Adds the terms a committed write created (clearing the cache when full).
  void RememberTerms(TermMap&& terms);
  // New documents staged by a bulk load (StoreOptions::bulk_load).
  BulkGroup bulk_group;
  // Set by StartSortedLoad on a store without entities or documents, cleared
  // by the first write that reaches RocksDB: until then a term, id or path
  // that the load did not create itself is not stored either, and the load
  // skips looking it up (those lookups were a sixth of its CPU).
  bool known_empty = false;
  // Get, or "not found" without a lookup while known_empty.
  Status GetUnlessEmpty(Cf c, std::string_view key, std::string* value, bool* found) const;

  // Iterators of a read-only store, kept for the next prefix scan: a query or
  // an export makes one scan per entity or triple, and creating an iterator
  // costs more than seeking one. Only read-only stores: they never change, so
  // a kept iterator sees what a new one would.
  std::unique_ptr<rocksdb::Iterator> TakeIterator(Cf c) const;
  void KeepIterator(Cf c, std::unique_ptr<rocksdb::Iterator> it) const;
  void DropIterators() const;
  mutable std::mutex iterators_mu;
  mutable std::vector<std::unique_ptr<rocksdb::Iterator>> idle_iterators[kCfCount_];

  // doc id → path for DocPath. Never stale: a document keeps its id when it
  // is replaced, and a removed document's id is not handed out again.
  mutable std::mutex doc_path_mu;
  mutable std::unordered_map<uint64_t, std::string> doc_paths;
  static constexpr size_t kDocPathCacheLimit = size_t{1} << 20;

  // The node layer (store/nodes_internal.h): built on the first read that
  // needs it, dropped by every write. A read-only store builds it once.
  // A map saved by the last writer (store/node_cache.cc) is read instead of
  // built while nothing has changed since.
  Result<std::shared_ptr<const NodeMap>> Nodes() const;
  void DropNodes() const;
  // Saves the map for later readers if this handle's writes changed it.
  Status SaveNodesIfChanged() const;
  mutable std::mutex nodes_mu;
  mutable std::shared_ptr<const NodeMap> nodes;
  mutable bool nodes_changed = false;
};

// term_cache is cleared when it would grow past this many terms.
inline constexpr size_t kTermCacheLimit = size_t{1} << 20;

// Options shared by the writer and readers (merge operators must agree).
rocksdb::Options BaseOptions(const StoreOptions& options);
// read_only: for DB::OpenForReadOnly (table factories that skip what only
// the options log reads).
std::vector<rocksdb::ColumnFamilyDescriptor> ColumnFamilies(const rocksdb::Options& base, bool read_only = false);
// Creates an empty store at `path` (a folder without CURRENT whose lock the
// caller holds): all column families and the format key, or nothing.
[[nodiscard]] Status CreateStore(const std::string& path, const rocksdb::Options& base);
}  // namespace internal

class Store::Impl : public internal::StoreCore {};

}  // namespace govkg
