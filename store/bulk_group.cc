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

}  // namespace

void BulkGroup::Put(Cf c, std::string key, std::string value) {
  bytes_ += key.size() + value.size() + kEntryOverhead;
  puts_[c].emplace_back(std::move(key), std::move(value));
}

void BulkGroup::Add(Cf c, std::string key, int64_t n) {
  auto [it, inserted] = counters_[c].try_emplace(std::move(key), 0);
  it->second += n;
  if (inserted) bytes_ += it->first.size() + kEntryOverhead;
}

void BulkGroup::AddPath(std::string path) {
  if (paths_.empty()) started_ = std::chrono::steady_clock::now();
  paths_.insert(std::move(path));
}

bool BulkGroup::Due() const {
  return bytes_ >= kCommitBytes || (!empty() && std::chrono::steady_clock::now() - started_ >= kCommitAge);
}

Status BulkGroup::Commit(StoreCore& store) {
  if (empty()) return Status::OK();
  rocksdb::WriteBatch wb(bytes_);
  for (int c = 0; c < kCfCount_; ++c) {
    rocksdb::ColumnFamilyHandle* cf = store.cf(static_cast<Cf>(c));
    std::vector<std::pair<std::string, std::string>>& puts = puts_[c];
    std::sort(puts.begin(), puts.end());
    for (const auto& [k, v] : puts) wb.Put(cf, k, v).PermitUncheckedError();
    puts = {};
    std::vector<std::pair<std::string_view, int64_t>> counters(counters_[c].begin(), counters_[c].end());
    std::sort(counters.begin(), counters.end());
    for (const auto& [k, n] : counters) wb.Merge(cf, k, EncodeCounter(n)).PermitUncheckedError();
  }
  PutNextIds(wb, store);
  rocksdb::WriteOptions wo;
  wo.sync = store.options.sync;
  const rocksdb::Status s = store.db->Write(wo, &wb);
  if (s.ok()) store.RememberTerms(std::move(new_terms_));
  Clear();
  return s.ok() ? Status::OK() : store.Error(s, "write");
}

void BulkGroup::Clear() {
  for (auto& p : puts_) p = {};
  for (auto& c : counters_) c = {};
  paths_ = {};
  new_terms_ = {};
  bytes_ = 0;
}

}  // namespace govkg::internal
