// store/options.cc: RocksDB options and column families of the store, and the
// counter merge operator that lets a document add +1 to a support count
// without reading it first (the fast path of bulk loads).
#include <rocksdb/cache.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include "store/store_internal.h"

namespace govkg::internal {

namespace {

// Values are 8-byte little-endian signed counters; merging adds them.
class CounterAddOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& /*key*/, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    const int64_t base = existing ? DecodeCounter(existing->ToStringView()) : 0;
    *new_value = EncodeCounter(base + DecodeCounter(value.ToStringView()));
    return true;
  }
  const char* Name() const override { return "govkg.CounterAdd"; }
};

bool IsCounted(int cf) { return cf == kCfCount || cf == kCfSpo || cf == kCfPos || cf == kCfOsp; }

// The families whose point lookups often ask for keys that are not stored: a
// new document's path, a new entity's term, a free id (and meta keys). Every
// other lookup is of a key that exists (a counter or mention row of a stored
// document, `govkg check` following an index); the rest of the reads scan.
bool HasMissingLookups(int cf) { return cf == kCfMeta || cf == kCfDict || cf == kCfDoc; }

// The default Env for a store opened read-only. RocksDB sizes its flush and
// compaction pools when a database opens, starting at least one thread each;
// a read-only open never schedules either, and starting and joining those
// threads took a short query longer than its answer.
class ReaderEnv : public rocksdb::EnvWrapper {
 public:
  ReaderEnv() : rocksdb::EnvWrapper(rocksdb::Env::Default()) {}
  const char* Name() const override { return "govkg.ReaderEnv"; }
  void IncBackgroundThreadsIfNeeded(int /*number*/, Priority /*pri*/) override {}
};

// A reader's table factory: the block-based one, without its printable
// options. RocksDB logs the options of each column family it opens, and the
// text of the table options is built even when the log drops it: for ten
// families that was a twelfth of a short query's instructions. Everything
// else is the inner factory's (its options reach RocksDB through Inner()).
class ReaderTableFactory : public rocksdb::TableFactory {
 public:
  explicit ReaderTableFactory(std::shared_ptr<rocksdb::TableFactory> inner) : inner_(std::move(inner)) {}
  const char* Name() const override { return inner_->Name(); }
  using rocksdb::TableFactory::NewTableReader;
  rocksdb::Status NewTableReader(const rocksdb::ReadOptions& ro, const rocksdb::TableReaderOptions& options,
                                 std::unique_ptr<rocksdb::RandomAccessFileReader>&& file, uint64_t file_size,
                                 std::unique_ptr<rocksdb::TableReader>* reader,
                                 bool prefetch_index_and_filter_in_cache) const override {
    return inner_->NewTableReader(ro, options, std::move(file), file_size, reader,
                                  prefetch_index_and_filter_in_cache);
  }
  rocksdb::TableBuilder* NewTableBuilder(const rocksdb::TableBuilderOptions& options,
                                         rocksdb::WritableFileWriter* file) const override {
    return inner_->NewTableBuilder(options, file);
  }
  bool IsDeleteRangeSupported() const override { return inner_->IsDeleteRangeSupported(); }
  std::string GetPrintableOptions() const override { return {}; }
  const rocksdb::Customizable* Inner() const override { return inner_.get(); }

 private:
  std::shared_ptr<rocksdb::TableFactory> inner_;
};

// The block-based factory of `table`, wrapped for readers.
std::shared_ptr<rocksdb::TableFactory> TableFactoryFor(const rocksdb::BlockBasedTableOptions& table,
                                                       bool read_only) {
  std::shared_ptr<rocksdb::TableFactory> factory(rocksdb::NewBlockBasedTableFactory(table));
  if (!read_only) return factory;
  return std::make_shared<ReaderTableFactory>(std::move(factory));
}

}  // namespace

rocksdb::Options BaseOptions(const StoreOptions& options) {
  rocksdb::Options o;
  o.create_if_missing = options.create_if_missing;
  o.create_missing_column_families = !options.read_only;
  o.max_background_jobs = 2;
  o.keep_log_file_num = 3;
  o.max_open_files = 512;
  // All memtables together stay under this budget (ingest peak memory goal).
  o.db_write_buffer_size = options.bulk_load ? (size_t{512} << 20) : (size_t{128} << 20);
  o.write_buffer_size = options.bulk_load ? (size_t{16} << 20) : (size_t{16} << 20);
  o.max_write_buffer_number = 3;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // Readers map the tables: an uncompressed block is then read in place
  // instead of being copied into the block cache (a depth-2 traversal reads
  // tens of thousands of entity records spread over the whole family).
  o.allow_mmap_reads = options.read_only;
  // A reader opens each family's few tables itself: a pool of opening
  // threads costs a short query more to start than the opening it shares.
  // Nor does it need the periodic statistics thread or background pools.
  if (options.read_only) {
    static ReaderEnv reader_env;
    o.env = &reader_env;
    o.max_file_opening_threads = 1;
    o.stats_dump_period_sec = 0;
    o.stats_persist_period_sec = 0;
    // A query (no checksums either) takes the tables as the writer left them:
    // no size check of each file against the manifest, no ordering check of
    // each level's files. Writers and `govkg check` keep both.
    if (!options.verify_checksums) {
      o.paranoid_checks = false;
      o.force_consistency_checks = false;
    }
  }
  return o;
}

std::vector<rocksdb::ColumnFamilyDescriptor> ColumnFamilies(const rocksdb::Options& base, bool read_only) {
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(size_t{64} << 20);
  static const std::shared_ptr<rocksdb::MergeOperator> counter = std::make_shared<CounterAddOperator>();
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // Partitioned indexes and filters: a scan or lookup loads the small
  // partitions it needs into the cache. With whole index blocks in a cache
  // smaller than the store, a full export re-read and re-checked multi-MB
  // index blocks for every prefix scan (8 GB of N-Triples took 170 s, 75% of
  // it copying and decompressing index blocks).
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.metadata_block_size = 4096;
  table.cache_index_and_filter_blocks = true;
  table.pin_top_level_index_and_filter = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (int i = 0; i < kCfCount_; ++i) {
    rocksdb::ColumnFamilyOptions cfo(base);
    if (IsCounted(i)) cfo.merge_operator = counter;
    // One insertion hint per memtable (every key has the empty prefix): a
    // bulk group writes each family's keys in order, so each key goes in
    // right after the last one instead of being searched for from the top of
    // the skip list.
    cfo.memtable_insert_with_hint_prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(0));
    if (i == kCfEntity) {
      // Traversals look up many entity records by id at random: uncompressed
      // blocks cost no decompression (the family is ~5% of a store), a hash
      // index in each block finds a key without a binary search, and every
      // id looked up exists, so the last level needs no bloom filter.
      rocksdb::BlockBasedTableOptions lookup = table;
      lookup.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
      cfo.table_factory = TableFactoryFor(lookup, read_only);
      cfo.compression = rocksdb::kNoCompression;
      cfo.optimize_filters_for_hits = true;
    } else if (HasMissingLookups(i)) {
      cfo.table_factory = TableFactoryFor(table, read_only);
    } else {
      // Read by prefix scans, or looked up by keys that exist: a bloom
      // filter would answer nothing, and building it was a tenth of the
      // cost of writing a table.
      rocksdb::BlockBasedTableOptions scanned = table;
      scanned.filter_policy.reset();
      scanned.partition_filters = false;
      cfo.table_factory = TableFactoryFor(scanned, read_only);
    }
    cfs.emplace_back(kCfNames[i], cfo);
  }
  return cfs;
}

}  // namespace govkg::internal
