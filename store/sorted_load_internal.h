// store/sorted_load_internal.h: a bulk load by sorting (Store::StartSortedLoad).
//
// Why: written through RocksDB's write path, every index entry, counter and
// provenance row of a triple goes through the WAL and a memtable and is then
// rewritten by flushes and compactions; that was ~7 operations per triple and
// capped a load at ~100k triples/s. Loaders of large graphs (neo4j-admin
// import, Jena's xloader, NebulaGraph's SST import) sort instead: the rows of
// a run are collected per column family in bounded memory, sorted runs are
// spilled to temporary files, and at the end a k-way merge per column family
// (counters summed once, whatever index they count for) writes table files
// with rocksdb::SstFileWriter. These are ingested whole, in one atomic step
// across all column families; into an empty family they land on the
// bottommost level, non-overlapping, so the store needs no compaction.
//
// Rows that repeat others are not collected at all but made when a run is
// sorted: a triple's POS and OSP rows are its SPO row with the key's bytes
// permuted (two refs into the SPO records), and an entity's document count
// is the number of its mention rows.
//
// Counters (support, document and alias counts) are written as final values
// into a store that held no counters when the run began, and as merge
// operands (govkg.CounterAdd) otherwise, so that they add to what is stored.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "store/keys_internal.h"

namespace govkg::internal {

class StoreCore;

// The folder inside the store where a sorted load keeps its runs and tables.
inline constexpr const char* kSortedLoadDir = "sorted-load.tmp";
// Default memory for the rows of a sorted load. 512 MB: half as many runs
// to write, read back and merge as with 256 MB (a 20 MB text no longer
// spills at all), and a load's peak stays near 1 GB, within the 2 GB for
// 1 GB of text that ingest allows itself.
inline constexpr size_t kSortedLoadMemory = size_t{512} << 20;
// A sorted load writes its run once the terms it created (and their ids)
// hold this much memory, about 5M entities; the next run's counters then add
// to the stored ones. A second run costs much more than the first: every new
// term is looked up in the store, and its tables overlap the first run's, so
// the store must be compacted. With a limit of 2M terms a 10M-triple load
// (3M entities) committed mid-way and then compacted for 44 s; with this one
// it is one run, and a load's peak (rows, terms, tables) stays near 1.5 GB.
inline constexpr size_t kSortedLoadTermMemory = size_t{640} << 20;

class SortedLoad {
 public:
  // Spill files go to `temp_dir` (created on the first spill, removed with
  // the load), which should be on the store's file system: the table files
  // are written there too and moved into the store, not copied.
  SortedLoad(std::string temp_dir, size_t memory_bytes);
  ~SortedLoad();
  SortedLoad(const SortedLoad&) = delete;
  SortedLoad& operator=(const SortedLoad&) = delete;

  void Put(Cf c, std::string_view key, std::string_view value);
  // Counters. The POS and OSP rows are not given: each is the SPO row of its
  // triple with the key's bytes permuted, so they are made from the sorted
  // SPO rows (two refs per triple instead of two records per statement) and
  // an Add to kCfPos or kCfOsp is ignored.
  void Add(Cf c, std::string_view key, int64_t n);
  // A mention row (entity id + doc id) of a document new to the store. Its
  // entity's document count ('c' + id in kCfCount) is not given: it is the
  // number of the entity's mention rows, counted once they are sorted.
  void PutMention(std::string_view key, std::string_view value);
  bool empty() const;
  // Bytes of rows held in memory.
  size_t memory() const { return memory_; }
  const std::string& temp_dir() const { return temp_dir_; }
  size_t budget() const { return budget_; }

  // Sorts what is in memory and writes it as one run per column family when
  // memory is over budget.
  [[nodiscard]] Status SpillIfFull();
  // Merges runs and memory, writes the table files and ingests them into
  // `store` (all column families at once). `rows` gets the number of rows
  // written. On return (ok or not) the load is empty again.
  [[nodiscard]] Status Finish(StoreCore& store, uint64_t* rows);

  // One column family's rows in memory: records appended to an arena, sorted
  // through an index of (first 8 key bytes, offset).
  struct Buffer;
  // A sorted stream of rows (a spilled run or a sorted buffer).
  class Source;
  // Faults in row memory ahead of its use, on a thread of its own.
  class Prefaulter;

 private:
  // Empties the buffers (their memory is given back).
  void MakeBuffers();
  void Append(Cf c, std::string_view key, uint8_t kind, std::string_view value, int64_t n);
  // Sorts the SPO rows and sums each triple's counters into one row.
  void FoldSpo();
  // The POS or OSP refs of the folded SPO rows, sorted.
  void BuildDerived(Cf c);
  // Sorts the mention rows and adds each entity's document count to the
  // count rows.
  void CountMentions();
  // FoldSpo and CountMentions, on two threads.
  void FoldAndCount();
  // The families holding rows (in memory or in runs), largest first.
  std::vector<int> LargestFirst() const;
  // Calls work(c) for each family of `order` on two threads (this one and a
  // helper), each taking the next family in turn; the first error, if any.
  static Status OnTwoThreads(const std::vector<int>& order, const std::function<Status(Cf)>& work);
  // Sorts family c's buffer (after FoldAndCount), making POS and OSP.
  void SortFamily(Cf c);
  // Sorts family c's buffer and writes it as a run file.
  Status WriteRun(Cf c);
  Status Spill();
  Status MergeInto(StoreCore& store, Cf c, bool counters_as_merge, std::vector<std::string>* files,
                   uint64_t* rows);
  void Reset();

  std::string temp_dir_;
  size_t budget_;
  size_t memory_ = 0;
  size_t appended_ = 0;  // bytes of rows (and their refs) since the last spill
  uint64_t spills_ = 0;
  std::unique_ptr<Prefaulter> prefaulter_;          // outlives the buffers
  std::vector<std::unique_ptr<Buffer>> buffers_;    // one per column family
  std::vector<std::vector<std::string>> runs_;      // spilled run files per column family
};

}  // namespace govkg::internal
