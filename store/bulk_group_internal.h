// store/bulk_group_internal.h: where a document's writes go, and the group of
// new documents that a bulk load writes together.
//
// Why a group: written one WriteBatch per document, a bulk load spends most
// of its time inserting keys in random order into RocksDB's memtable skip
// lists (and merging +1 into the same popular counters again and again). A
// group of new documents sums its counters in memory and writes every key in
// order, column family by column family, in one WriteBatch: the skip lists are
// then filled sequentially and each counter once per group. The group is
// still atomic, so every document in it is stored whole or not at all.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/status.h"
#include "store/keys_internal.h"
#include "store/sorted_load_internal.h"
#include "store/store.h"

namespace govkg::internal {

class StoreCore;

// A set of ids (never 0), open addressing with linear probing. The ids a
// load hands out are looked up once per new entity and document; a node-based
// std::unordered_set took a cache miss and an allocation for each, about 3%
// of an ingest's CPU (perf, `FreeId`).
class IdSet {
 public:
  bool contains(uint64_t id) const {
    if (slots_.empty()) return false;
    for (size_t i = Slot(id);; i = (i + 1) & mask_) {
      if (slots_[i] == id) return true;
      if (slots_[i] == 0) return false;
    }
  }
  // Adds id; false if it was there.
  bool insert(uint64_t id) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (size_t i = Slot(id);; i = (i + 1) & mask_) {
      if (slots_[i] == id) return false;
      if (slots_[i] == 0) {
        slots_[i] = id;
        ++size_;
        return true;
      }
    }
  }
  size_t size() const { return size_; }
  // Bytes held (the table, full or not).
  size_t memory() const { return slots_.capacity() * sizeof(uint64_t); }

 private:
  size_t Slot(uint64_t id) const { return static_cast<size_t>((id * 0x9E3779B97F4A7C15ULL) >> 32) & mask_; }
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const uint64_t id : old) {
      if (id != 0) insert(id);
    }
  }

  std::vector<uint64_t> slots_;  // 0 = empty; a power of two in size
  size_t mask_ = 0;
  size_t size_ = 0;
};

// term → entity id, open addressing with linear probing; the terms' bytes in
// one arena. A sorted load looks up every entity a document names in the
// terms its run created (hundreds of thousands): std::unordered_map took a
// cache miss for the bucket, one for the node and one for a long term's
// bytes, a tenth of a load's CPU (perf, `_Hashtable::find`). Here a slot
// holds the full hash, so a probe reads the arena only when the hashes agree.
class TermMap {
 public:
  const EntityId* find(std::string_view term) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(term);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && Term(s) == term) return &s.id;
    }
  }
  // Adds term → id unless the term is there.
  void emplace(std::string_view term, EntityId id) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const uint64_t h = Hash(term);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == h && Term(s) == term) return;
      if (s.hash == 0) {
        s = Slot{h, id, arena_.size(), static_cast<uint32_t>(term.size())};
        arena_.append(term);
        ++size_;
        return;
      }
    }
  }
  // Removes term (its bytes stay in the arena until clear()).
  void erase(std::string_view term) {
    if (slots_.empty()) return;
    const uint64_t h = Hash(term);
    size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      if (slots_[i].hash == 0) return;
      if (slots_[i].hash == h && Term(slots_[i]) == term) break;
    }
    // Backward shift: later slots of the probe run move up into the hole
    // unless their home lies cyclically after it.
    for (size_t j = (i + 1) & mask_; slots_[j].hash != 0; j = (j + 1) & mask_) {
      const size_t home = slots_[j].hash & mask_;
      if (((j - home) & mask_) >= ((j - i) & mask_)) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{};
    --size_;
  }
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (const Slot& s : slots_) {
      if (s.hash != 0) visit(Term(s), s.id);
    }
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Bytes held: the table and the arena, full or not.
  size_t memory() const { return slots_.capacity() * sizeof(Slot) + arena_.capacity(); }
  void clear() { *this = TermMap(); }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    EntityId id = 0;
    uint64_t offset = 0;
    uint32_t length = 0;
  };
  static uint64_t Hash(std::string_view term) {
    const uint64_t h = std::hash<std::string_view>()(term) * 0x9E3779B97F4A7C15ULL;
    return h != 0 ? h : 1;
  }
  std::string_view Term(const Slot& s) const { return {arena_.data() + s.offset, s.length}; }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two in size
  size_t mask_ = 0;
  size_t size_ = 0;
  std::string arena_;
};

// The destination of one document's writes.
class WriteSink {
 public:
  virtual ~WriteSink() = default;
  virtual void Put(Cf c, std::string key, std::string value) = 0;
  // Adds n to a counter of a merge-counted column family.
  virtual void Add(Cf c, std::string key, int64_t n) = 0;
  // An entity's mention row of a document new to the store, and +1 to the
  // entity's document count.
  virtual void AddMention(EntityId id, std::string key, std::string value) {
    Add(kCfCount, DocCountKey(id), 1);
    Put(kCfMention, std::move(key), std::move(value));
  }
  // Adds n to a triple's support: its SPO, POS and OSP counters.
  virtual void AddTriple(const std::string& spo, const TripleKey& t, int64_t n) {
    Add(kCfSpo, spo, n);
    Add(kCfPos, PosKey(t), n);
    Add(kCfOsp, OspKey(t), n);
  }
};

// New documents staged by PutDocument under StoreOptions::bulk_load.
// Only documents new to the store are staged: a replace or a removal first
// commits the group, so that what it reads is what the store holds.
class BulkGroup : public WriteSink {
 public:
  // A group is committed once its keys and values reach about this size, or
  // once its first document waited this long (readers see documents late by
  // at most about that much).
  static constexpr size_t kCommitBytes = size_t{48} << 20;
  static constexpr std::chrono::milliseconds kCommitAge{1000};

  void Put(Cf c, std::string key, std::string value) override;
  void Add(Cf c, std::string key, int64_t n) override;
  // A sorted load takes the SPO counter only (it makes POS and OSP from it).
  void AddTriple(const std::string& spo, const TripleKey& t, int64_t n) override;
  // A sorted load takes the mention row only (it counts them per entity).
  void AddMention(EntityId id, std::string key, std::string value) override;

  // From now on the group is one sorted load (store/sorted_load_internal.h)
  // holding at most `memory_bytes` of rows in memory, spilling runs to
  // `temp_dir`: Commit writes it as table files, not as a WriteBatch.
  void StartSorted(std::string temp_dir, size_t memory_bytes);
  bool sorted() const { return sorted_ != nullptr; }

  bool empty() const { return paths_.empty(); }
  size_t bytes() const { return sorted_ ? sorted_->memory() : bytes_; }
  bool HasPath(std::string_view path) const { return paths_.contains(std::string(path)); }
  void AddPath(std::string path);
  // After each staged document: commits a group that is due, or spills a
  // sorted load's rows when they fill its memory.
  [[nodiscard]] Status AfterDocument(StoreCore& store);
  // Terms created by the group's documents, not yet in the store.
  TermMap& new_terms() { return new_terms_; }
  // Ids handed out to the group's new entities and documents.
  IdSet& new_ids() { return new_ids_; }
  IdSet& new_doc_ids() { return new_doc_ids_; }

  // Writes the group (and the writer's next ids) in one WriteBatch, or as a
  // sorted load's table files in one ingestion, then empties it. On failure
  // the group is dropped: its documents are not stored.
  [[nodiscard]] Status Commit(StoreCore& store);

 private:
  bool Due() const;
  Status CommitSorted(StoreCore& store);
  void Clear();

  // A staged key with its first eight bytes as a big-endian number: sorting
  // compares those first, and most keys (ids first) differ in them.
  struct StagedPut {
    uint64_t head;
    std::string key;
    std::string value;
  };
  struct StagedAdd {
    uint64_t head;
    std::string key;
    int64_t n;
  };
  // Counters are appended, not looked up: sorting at commit brings a key's
  // additions together, and they are summed there.
  std::vector<StagedPut> puts_[kCfCount_];
  std::vector<StagedAdd> counters_[kCfCount_];
  std::unordered_set<std::string> paths_;
  TermMap new_terms_;
  IdSet new_ids_, new_doc_ids_;
  size_t bytes_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::unique_ptr<SortedLoad> sorted_;
};

}  // namespace govkg::internal
