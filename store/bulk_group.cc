// store/bulk_group.cc: staging and committing a group of new documents.
#include <algorithm>

#include <rocksdb/write_batch.h>

#include "store/bulk_group_internal.h"
#include "store/store_internal.h"

namespace govkg::internal {

namespace {

// Per staged entry: the vector or hash node and the strings' headers.
constexpr size_t kEntryOverhead = 64;

void PutNextIds(rocksdb::WriteBatch& wb, const StoreCore& store) {
  std::string v;
  PutFixed64BE(&v, store.next_entity);
  wb.Put(store.cf(kCfMeta), kNextEntityKey, v).PermitUncheckedError();
  v.clear();
  PutFixed64BE(&v, store.next_doc);
  wb.Put(store.cf(kCfMeta), kNextDocKey, v).PermitUncheckedError();
}

uint64_t KeyHead(std::string_view key) {
  uint64_t head = 0;
  for (size_t i = 0; i < 8; ++i) head = (head << 8) | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
  return head;
}

// Bytewise key order (RocksDB's): a shorter key pads with zero bytes in the
// head, and equal heads fall back to comparing the whole keys.
struct KeyLess {
  template <typename Staged>
  bool operator()(const Staged& a, const Staged& b) const {
    return a.head != b.head ? a.head < b.head : a.key < b.key;
  }
};

}  // namespace

void BulkGroup::StartSorted(std::string temp_dir, size_t memory_bytes) {
  sorted_ = std::make_unique<SortedLoad>(std::move(temp_dir), memory_bytes);
}

void BulkGroup::Put(Cf c, std::string key, std::string value) {
  if (sorted_) return sorted_->Put(c, key, value);
  bytes_ += key.size() + value.size() + kEntryOverhead;
  const uint64_t head = KeyHead(key);
  puts_[c].push_back(StagedPut{head, std::move(key), std::move(value)});
}

void BulkGroup::Add(Cf c, std::string key, int64_t n) {
  if (sorted_) return sorted_->Add(c, key, n);
  bytes_ += key.size() + kEntryOverhead;
  const uint64_t head = KeyHead(key);
  counters_[c].push_back(StagedAdd{head, std::move(key), n});
}

void BulkGroup::AddTriple(const std::string& spo, const TripleKey& t, int64_t n) {
  if (sorted_) return sorted_->Add(kCfSpo, spo, n);
  WriteSink::AddTriple(spo, t, n);
}

void BulkGroup::AddMention(EntityId id, std::string key, std::string value) {
  if (sorted_) return sorted_->PutMention(key, value);
  WriteSink::AddMention(id, std::move(key), std::move(value));
}

void BulkGroup::AddPath(std::string path) {
  if (paths_.empty()) started_ = std::chrono::steady_clock::now();
  paths_.insert(std::move(path));
}

bool BulkGroup::Due() const {
  return bytes_ >= kCommitBytes || (!empty() && std::chrono::steady_clock::now() - started_ >= kCommitAge);
}

Status BulkGroup::AfterDocument(StoreCore& store) {
  if (sorted_) {
    // The terms a run created stay in memory until it is written (later
    // documents must find their ids); past this much, the run is written and
    // a new one begins, so that memory does not grow with the corpus.
    if (new_terms_.memory() + new_ids_.memory() >= kSortedLoadTermMemory) return Commit(store);
    const Status s = sorted_->SpillIfFull();
    if (!s.ok()) Clear();
    return s;
  }
  return Due() ? Commit(store) : Status::OK();
}

Status BulkGroup::CommitSorted(StoreCore& store) {
  // The next ids go into the same ingestion: the run and its counters are
  // stored together or not at all.
  std::string v;
  PutFixed64BE(&v, store.next_entity);
  sorted_->Put(kCfMeta, kNextEntityKey, v);
  v.clear();
  PutFixed64BE(&v, store.next_doc);
  sorted_->Put(kCfMeta, kNextDocKey, v);
  uint64_t rows = 0;
  const Status s = sorted_->Finish(store, &rows);
  if (s.ok()) {
    store.operations_written += rows;
    store.RememberTerms(std::move(new_terms_));
  }
  Clear();
  return s;
}

Status BulkGroup::Commit(StoreCore& store) {
  if (empty()) return Status::OK();
  store.known_empty = false;
  if (sorted_) return CommitSorted(store);
  rocksdb::WriteBatch wb(bytes_);
  for (int c = 0; c < kCfCount_; ++c) {
    rocksdb::ColumnFamilyHandle* cf = store.cf(static_cast<Cf>(c));
    std::vector<StagedPut>& puts = puts_[c];
    std::sort(puts.begin(), puts.end(), KeyLess{});
    for (const StagedPut& p : puts) wb.Put(cf, p.key, p.value).PermitUncheckedError();
    puts = {};
    std::vector<StagedAdd>& adds = counters_[c];
    std::sort(adds.begin(), adds.end(), KeyLess{});
    for (size_t i = 0; i < adds.size();) {
      int64_t sum = 0;
      size_t j = i;
      for (; j < adds.size() && adds[j].head == adds[i].head && adds[j].key == adds[i].key; ++j) sum += adds[j].n;
      wb.Merge(cf, adds[i].key, EncodeCounter(sum)).PermitUncheckedError();
      i = j;
    }
    adds = {};
  }
  PutNextIds(wb, store);
  rocksdb::WriteOptions wo;
  wo.sync = store.options.sync;
  const rocksdb::Status s = store.db->Write(wo, &wb);
  if (s.ok()) {
    store.operations_written += wb.Count();
    store.RememberTerms(std::move(new_terms_));
  }
  Clear();
  return s.ok() ? Status::OK() : store.Error(s, "write");
}

void BulkGroup::Clear() {
  for (auto& p : puts_) p = {};
  for (auto& c : counters_) c = {};
  paths_ = {};
  new_terms_ = {};
  new_ids_ = {};
  new_doc_ids_ = {};
  bytes_ = 0;
  if (sorted_) sorted_ = std::make_unique<SortedLoad>(sorted_->temp_dir(), sorted_->budget());
}

}  // namespace govkg::internal
