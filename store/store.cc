// store/store.cc: opening a store and every read of the Store API.
// Writes are in writer.cc, Stats and Check in check.cc.
#include <algorithm>
#include <future>
#include <thread>
#include <cstdio>
#include <filesystem>

#include <rocksdb/metadata.h>

#include "store/nodes_internal.h"
#include "store/store_internal.h"

namespace govkg {

using internal::Cf;

// --- Impl helpers -----------------------------------------------------------

internal::StoreCore::~StoreCore() {
  DropIterators();  // before the column families and the database go
  if (db && !bulk_group.empty()) {
    // Callers commit and see the error themselves; this is the last resort.
    const Status s = bulk_group.Commit(*this);
    if (!s.ok()) std::fprintf(stderr, "govkg: %s (the last documents staged were not stored)\n", s.ToString().c_str());
  }
  // A writer leaves no write-ahead log behind: every read-only open would
  // otherwise replay it into memory (1.3 s for a 10 MB corpus, for each query).
  if (db && !options.read_only && !handles.empty()) {
    rocksdb::FlushOptions flush;
    flush.wait = true;
    db->Flush(flush, handles).PermitUncheckedError();
    CompactMeta();
  }
  for (rocksdb::ColumnFamilyHandle* h : handles) {
    if (db && h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  handles.clear();
  if (db) db->Close().PermitUncheckedError();
  db.reset();
  lock.reset();  // only after RocksDB let go of its files
}

void internal::StoreCore::CompactMeta() {
  // The meta family holds a handful of keys, and every writer's close flushes
  // one more table of them (the ids, the node map); a read-only open reads
  // the properties of every table, about a fortieth of a short query each.
  rocksdb::ColumnFamilyMetaData meta;
  db->GetColumnFamilyMetaData(cf(kCfMeta), &meta);
  if (meta.file_count <= 1) return;
  rocksdb::CompactRangeOptions one_table;
  one_table.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  db->CompactRange(one_table, cf(kCfMeta), nullptr, nullptr).PermitUncheckedError();
}

Status internal::StoreCore::Error(const rocksdb::Status& s, std::string_view what) const {
  const std::string context = "store: " + path + ": " + std::string(what);
  if (s.IsNotFound()) return Status::NotFound(context, s.ToString());
  if (s.IsCorruption()) return Status::Corruption(context, s.ToString());
  if (s.IsBusy() || s.IsTryAgain()) return Status::Busy(context, s.ToString());
  if (s.IsNotSupported()) return Status::NotSupported(context, s.ToString());
  return Status::IOError(context, s.ToString());
}

Status internal::StoreCore::Corrupt(std::string_view what) const {
  return Status::Corruption("store: " + path, what);
}

rocksdb::ReadOptions internal::StoreCore::ReadOpts() const {
  rocksdb::ReadOptions ro;
  // A read-only instance never changes: every read sees the state at Open.
  ro.verify_checksums = options.verify_checksums;
  return ro;
}

Status internal::StoreCore::Get(Cf c, std::string_view key, std::string* value, bool* found) const {
  const rocksdb::Status s = db->Get(ReadOpts(), cf(c), key, value);
  *found = s.ok();
  if (s.ok() || s.IsNotFound()) return Status::OK();
  return Error(s, "read");
}

Status internal::StoreCore::GetUnlessEmpty(Cf c, std::string_view key, std::string* value, bool* found) const {
  if (known_empty) {
    *found = false;
    return Status::OK();
  }
  return Get(c, key, value, found);
}

std::unique_ptr<rocksdb::Iterator> internal::StoreCore::NewIterator(Cf c) const {
  return std::unique_ptr<rocksdb::Iterator>(db->NewIterator(ReadOpts(), cf(c)));
}

void internal::StoreCore::RememberTerms(TermMap&& terms) {
  if (term_cache.size() + terms.size() >= kTermCacheLimit) term_cache.clear();
  // A run of a sorted load larger than the cache is not remembered: copying
  // its millions of terms term by term into the cache (which then held more
  // than its limit) was a tenth of a 10M-triple load.
  if (terms.size() >= kTermCacheLimit) return;
  if (term_cache.empty()) {
    term_cache = std::move(terms);  // a sorted load's run: hundreds of thousands of terms, not copied
    return;
  }
  terms.ForEach([&](std::string_view term, EntityId id) { term_cache.emplace(term, id); });
}

std::unique_ptr<rocksdb::Iterator> internal::StoreCore::TakeIterator(Cf c) const {
  if (options.read_only) {
    std::lock_guard<std::mutex> guard(iterators_mu);
    if (!idle_iterators[c].empty()) {
      std::unique_ptr<rocksdb::Iterator> it = std::move(idle_iterators[c].back());
      idle_iterators[c].pop_back();
      return it;
    }
  }
  return NewIterator(c);
}

void internal::StoreCore::KeepIterator(Cf c, std::unique_ptr<rocksdb::Iterator> it) const {
  if (!options.read_only || !it->status().ok()) return;
  std::lock_guard<std::mutex> guard(iterators_mu);
  if (idle_iterators[c].size() < 4) idle_iterators[c].push_back(std::move(it));
}

void internal::StoreCore::DropIterators() const {
  std::lock_guard<std::mutex> guard(iterators_mu);
  for (auto& idle : idle_iterators) idle.clear();
}

Status internal::StoreCore::ScanPrefix(Cf c, std::string_view prefix,
                               const std::function<bool(std::string_view, std::string_view)>& visit) const {
  std::unique_ptr<rocksdb::Iterator> it = TakeIterator(c);
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    if (!key.starts_with(prefix)) break;
    if (!visit(key, it->value().ToStringView())) break;
  }
  const Status s = it->status().ok() ? Status::OK() : Error(it->status(), "scan");
  KeepIterator(c, std::move(it));
  return s;
}

Result<std::string> internal::StoreCore::DocPath(uint64_t doc_id) const {
  {
    std::lock_guard<std::mutex> guard(doc_path_mu);
    if (auto it = doc_paths.find(doc_id); it != doc_paths.end()) return it->second;
  }
  std::string value;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(Get(internal::kCfDoc, internal::DocIdKey(doc_id), &value, &found));
  if (!found) return Corrupt("document id " + std::to_string(doc_id) + " is referenced but not stored");
  internal::Reader in(value);
  std::string p;
  if (!in.GetLengthPrefixed(&p)) return Corrupt("document record " + std::to_string(doc_id));
  std::lock_guard<std::mutex> guard(doc_path_mu);
  if (doc_paths.size() >= kDocPathCacheLimit) doc_paths.clear();
  doc_paths.emplace(doc_id, p);
  return p;
}

// --- Open ---------------------------------------------------------------

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() {
  // The saved node map is a cache (store/node_cache.cc): when saving fails,
  // the next reader computes the map itself.
  if (impl_ != nullptr) {
    const Status saved = impl_->SaveNodesIfChanged();
    (void)saved;
  }
}

namespace {

Status LoadCounter(internal::StoreCore& impl, std::string_view key, uint64_t* v) {
  std::string value;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfMeta, key, &value, &found));
  if (!found) return Status::OK();
  internal::Reader in(value);
  if (!in.GetFixed64BE(v)) return impl.Corrupt("meta key " + std::string(key));
  return Status::OK();
}

}  // namespace

Status Store::Open(const StoreOptions& options, const std::string& path, std::unique_ptr<Store>* store) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->path = path;
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(fs::path(path) / "CURRENT", ec);
  if (!exists && (options.read_only || !options.create_if_missing)) {
    return Status::NotFound("store: " + path, "no store here (create one with govkg ingest)");
  }
  if (!options.read_only) {
    fs::create_directories(path, ec);
    if (ec) return Status::IOError("store: " + path, ec.message());
    GOVKG_RETURN_IF_ERROR(internal::StoreLock::Acquire(path, options.wait_for_lock, &impl->lock));
  }

  const rocksdb::Options base = internal::BaseOptions(options);
  // Checked again under the lock: another writer may have created it meanwhile.
  if (!options.read_only && !fs::exists(fs::path(path) / "CURRENT", ec)) {
    GOVKG_RETURN_IF_ERROR(internal::CreateStore(path, base));
  }
  const rocksdb::DBOptions db_options(base);
  rocksdb::DB* db = nullptr;
  const rocksdb::Status s =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, path, internal::ColumnFamilies(base, true), &impl->handles,
                                          &db)
          : rocksdb::DB::Open(db_options, path, internal::ColumnFamilies(base), &impl->handles, &db);
  if (!s.ok()) return impl->Error(s, "open");
  impl->db.reset(db);

  std::string format;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl->Get(internal::kCfMeta, internal::kFormatKey, &format, &found));
  if (found && format != internal::kFormatValue) {
    return Status::NotSupported("store: " + path, "unknown store format '" + format + "'");
  }
  if (!options.read_only) {
    if (!found) {
      rocksdb::WriteOptions wo;
      wo.sync = true;
      const rocksdb::Status w = impl->db->Put(wo, impl->cf(internal::kCfMeta), internal::kFormatKey,
                                              internal::kFormatValue);
      if (!w.ok()) return impl->Error(w, "write format");
    }
    GOVKG_RETURN_IF_ERROR(LoadCounter(*impl, internal::kNextEntityKey, &impl->next_entity));
    GOVKG_RETURN_IF_ERROR(LoadCounter(*impl, internal::kNextDocKey, &impl->next_doc));
  }
  store->reset(new Store(std::move(impl)));
  return Status::OK();
}

// --- Entities -------------------------------------------------------------

namespace {

Result<std::optional<EntityRecord>> LoadEntityBasics(const internal::StoreCore& impl, EntityId id) {
  std::string value;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfEntity, internal::EntityKey(id), &value, &found));
  if (!found) return std::optional<EntityRecord>();
  EntityRecord r;
  r.id = id;
  if (!internal::DecodeEntityValue(value, &r)) return impl.Corrupt("entity record " + std::to_string(id));
  return std::optional<EntityRecord>(std::move(r));
}

Result<std::optional<EntityRecord>> LoadEntity(const internal::StoreCore& impl, EntityId id) {
  Result<std::optional<EntityRecord>> basics = LoadEntityBasics(impl, id);
  if (!basics.ok() || !basics->has_value()) return basics;
  EntityRecord& r = **basics;
  std::string value;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfCount, internal::DocCountKey(id), &value, &found));
  r.document_count = found ? static_cast<uint32_t>(std::max<int64_t>(0, internal::DecodeCounter(value))) : 0;
  const std::string prefix = internal::AliasPrefix(id);
  GOVKG_RETURN_IF_ERROR(impl.ScanPrefix(internal::kCfCount, prefix, [&](std::string_view k, std::string_view v) {
    if (internal::DecodeCounter(v) > 0) r.aliases.emplace_back(k.substr(prefix.size()));
    return true;
  }));
  return basics;
}

}  // namespace

Result<std::optional<EntityRecord>> internal::RawEntity(const StoreCore& impl, EntityId id) {
  return LoadEntity(impl, id);
}
Result<std::optional<EntityRecord>> internal::RawEntityBasics(const StoreCore& impl, EntityId id) {
  return LoadEntityBasics(impl, id);
}

Result<std::vector<std::optional<EntityRecord>>> internal::RawEntitiesBasics(const StoreCore& impl,
                                                                             const std::vector<EntityId>& ids) {
  const StoreCore* impl_ = &impl;
  // Keys in id order (big-endian ids sort as numbers), so that MultiGet can
  // take them as sorted: it walks each table block once instead of sorting.
  std::vector<uint32_t> order(ids.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (uint32_t i : order) keys.push_back(internal::EntityKey(ids[i]));
  std::vector<std::optional<EntityRecord>> out(ids.size());
  // The records of keys[begin, end) into out[order[k]].
  const auto read = [&](size_t begin, size_t end) -> Status {
    const size_t n = end - begin;
    std::vector<rocksdb::Slice> slices(keys.begin() + begin, keys.begin() + end);
    std::vector<rocksdb::PinnableSlice> values(n);
    std::vector<rocksdb::Status> statuses(n);
    impl_->db->MultiGet(impl_->ReadOpts(), impl_->cf(internal::kCfEntity), n, slices.data(), values.data(),
                        statuses.data(), /*sorted_input=*/true);
    for (size_t k = 0; k < n; ++k) {
      if (statuses[k].IsNotFound()) continue;
      if (!statuses[k].ok()) return impl_->Error(statuses[k], "read");
      EntityRecord r;
      r.id = ids[order[begin + k]];
      if (!internal::DecodeEntityValue(values[k].ToStringView(), &r)) {
        return impl_->Corrupt("entity record " + std::to_string(r.id));
      }
      out[order[begin + k]] = std::move(r);
    }
    return Status::OK();
  };
  // A big batch (a depth-2 traversal of a hub reads ~30k records) is read in
  // two halves at once: the lookups are CPU-bound on blocks in memory.
  constexpr size_t kSplitAbove = 4096;
  if (ids.size() > kSplitAbove && std::thread::hardware_concurrency() > 1) {
    const size_t half = ids.size() / 2;
    std::future<Status> first = std::async(std::launch::async, read, 0, half);
    const Status second = read(half, ids.size());
    const Status first_status = first.get();
    GOVKG_RETURN_IF_ERROR(first_status);
    GOVKG_RETURN_IF_ERROR(second);
    return out;
  }
  GOVKG_RETURN_IF_ERROR(read(0, ids.size()));
  return out;
}

uint64_t Store::ApproximateTriples() const {
  uint64_t keys = 0;
  return impl_->db->GetIntProperty(impl_->cf(internal::kCfSpo), "rocksdb.estimate-num-keys", &keys) ? keys : 0;
}

uint64_t Store::OperationsWritten() const {
  std::lock_guard<std::mutex> guard(impl_->write_mu);
  return impl_->operations_written;
}

Result<std::optional<EntityId>> internal::RawFindEntity(const StoreCore& impl, EntityType type,
                                                        std::string_view name) {
  const StoreCore* impl_ = &impl;
  // The first term of the name: the one without a scope when there is one
  // (it sorts first), else the smallest scope.
  const std::string prefix = internal::DictTermKey(internal::TermNamePrefix(type, name));
  std::optional<EntityId> id;
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfDict, prefix, [&](std::string_view, std::string_view v) {
    if (v.size() != 8) {
      bad = impl_->Corrupt("dictionary entry of " + std::string(name));
      return false;
    }
    id = internal::DecodeFixed64BE(v.data());
    return false;
  }));
  GOVKG_RETURN_IF_ERROR(bad);
  return id;
}

Result<std::vector<EntityId>> internal::RawFindByName(const StoreCore& impl, std::string_view name) {
  const StoreCore* impl_ = &impl;
  std::vector<EntityId> ids;
  for (EntityType type : kAllEntityTypes) {
    const std::string prefix = internal::DictTermKey(internal::TermNamePrefix(type, name));
    GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfDict, prefix, [&](std::string_view, std::string_view v) {
      if (v.size() == 8) ids.push_back(internal::DecodeFixed64BE(v.data()));
      return true;
    }));
  }
  const std::string prefix = internal::NamePrefix(name);
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfCount, prefix, [&](std::string_view k, std::string_view v) {
    if (k.size() == prefix.size() + 8 && internal::DecodeCounter(v) > 0) {
      ids.push_back(internal::DecodeFixed64BE(k.data() + prefix.size()));
    }
    return true;
  }));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

namespace {

// Walks the rows of one tag of the count CF ('c' + id …, 'a' + id + alias …)
// in id order, alongside the entity CF: a full scan is then sequential reads
// instead of a lookup and a prefix scan per entity.
class TaggedCursor {
 public:
  TaggedCursor(const internal::StoreCore& impl, char tag) : it_(impl.NewIterator(internal::kCfCount)), tag_(tag) {
    it_->Seek(std::string_view(&tag_, 1));
  }
  // Moves past every row of entities before `id`; true while positioned on a
  // row of `id`.
  bool SeekTo(EntityId id) {
    while (Valid() && Id() < id) it_->Next();
    return Valid() && Id() == id;
  }
  void Next() { it_->Next(); }
  std::string_view rest() const { return it_->key().ToStringView().substr(9); }
  int64_t count() const { return internal::DecodeCounter(it_->value().ToStringView()); }
  rocksdb::Status status() const { return it_->status(); }

 private:
  bool Valid() const {
    return it_->Valid() && it_->key().size() >= 9 && it_->key().data()[0] == tag_;
  }
  EntityId Id() const { return internal::DecodeFixed64BE(it_->key().data() + 1); }

  std::unique_ptr<rocksdb::Iterator> it_;
  char tag_;
};

}  // namespace

Status internal::RawScanEntities(const StoreCore& impl, const std::function<bool(const EntityRecord&)>& visit) {
  const StoreCore* impl_ = &impl;
  std::unique_ptr<rocksdb::Iterator> it = impl_->NewIterator(internal::kCfEntity);
  TaggedCursor counts(*impl_, internal::kDocCountTag), aliases(*impl_, internal::kAliasTag);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 8) return impl_->Corrupt("entity key of " + std::to_string(it->key().size()) + " bytes");
    EntityRecord r;
    r.id = internal::DecodeFixed64BE(it->key().data());
    if (!internal::DecodeEntityValue(it->value().ToStringView(), &r)) {
      return impl_->Corrupt("entity record " + std::to_string(r.id));
    }
    if (counts.SeekTo(r.id)) r.document_count = static_cast<uint32_t>(std::max<int64_t>(0, counts.count()));
    for (bool on = aliases.SeekTo(r.id); on; on = aliases.SeekTo(r.id)) {
      if (aliases.count() > 0) r.aliases.emplace_back(aliases.rest());
      aliases.Next();
    }
    if (!visit(r)) break;
  }
  for (const rocksdb::Status& s : {it->status(), counts.status(), aliases.status()}) {
    if (!s.ok()) return impl_->Error(s, "scan entities");
  }
  return Status::OK();
}

// --- Triples ----------------------------------------------------------------

Status internal::RawScanTriples(const StoreCore& impl, const TriplePattern& pattern,
                                const std::function<bool(const TripleRecord&)>& visit) {
  const StoreCore* impl_ = &impl;
  // Pick the index whose key starts with the bound terms.
  Cf cf = internal::kCfSpo;
  std::string prefix;
  auto put_id = [&prefix](EntityId id) { internal::PutFixed64BE(&prefix, id); };
  auto put_p = [&prefix](Predicate p) { prefix.push_back(static_cast<char>(p)); };
  if (pattern.subject) {
    if (pattern.object && !pattern.predicate) {
      cf = internal::kCfOsp;
      put_id(*pattern.object);
      put_id(*pattern.subject);
    } else {
      put_id(*pattern.subject);
      if (pattern.predicate) {
        put_p(*pattern.predicate);
        if (pattern.object) put_id(*pattern.object);
      }
    }
  } else if (pattern.predicate) {
    cf = internal::kCfPos;
    put_p(*pattern.predicate);
    if (pattern.object) put_id(*pattern.object);
  } else if (pattern.object) {
    cf = internal::kCfOsp;
    put_id(*pattern.object);
  }
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(cf, prefix, [&](std::string_view k, std::string_view v) {
    internal::TripleKey t;
    const bool ok = cf == internal::kCfSpo   ? internal::DecodeSpoKey(k, &t)
                    : cf == internal::kCfPos ? internal::DecodePosKey(k, &t)
                                             : internal::DecodeOspKey(k, &t);
    if (!ok) {
      bad = impl_->Corrupt(std::string("malformed key in index ") + internal::kCfNames[cf]);
      return false;
    }
    const int64_t support = internal::DecodeCounter(v);
    if (support <= 0) return true;
    if ((pattern.subject && *pattern.subject != t.s) || (pattern.predicate && *pattern.predicate != t.p) ||
        (pattern.object && *pattern.object != t.o)) {
      return true;
    }
    TripleRecord r{t.s, t.p, t.o, std::move(t.title), static_cast<uint32_t>(support)};
    return visit(r);
  }));
  return bad;
}

Status internal::RawScanProvenance(const StoreCore& impl, const TripleRecord& triple,
                                   const std::function<bool(uint64_t, const ProvenanceRecord&)>& visit) {
  const StoreCore* impl_ = &impl;
  const std::string prefix =
      internal::SpoKey(internal::TripleKey{triple.subject, triple.predicate, triple.object, triple.title});
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfProv, prefix, [&](std::string_view k, std::string_view v) {
    std::vector<internal::Evidence> ev;
    if (k.size() != prefix.size() + 8 || !internal::DecodeEvidence(v, &ev)) {
      bad = impl_->Corrupt("provenance record");
      return false;
    }
    const uint64_t doc_id = internal::DecodeFixed64BE(k.data() + prefix.size());
    Result<std::string> doc = impl_->DocPath(doc_id);
    if (!doc.ok()) {
      bad = doc.status();
      return false;
    }
    for (internal::Evidence& e : ev) {
      if (!visit(doc_id, ProvenanceRecord{*doc, e.span, std::move(e.quote)})) return false;
    }
    return true;
  }));
  return bad;
}

Status internal::RawScanMentions(const StoreCore& impl, EntityId id,
                                 const std::function<bool(uint64_t, std::string_view, const std::vector<Span>&)>& visit) {
  const StoreCore* impl_ = &impl;
  const std::string prefix = internal::EntityKey(id);
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfMention, prefix, [&](std::string_view k, std::string_view v) {
    internal::MentionValue m;
    if (k.size() != 16 || !internal::DecodeMention(v, &m)) {
      bad = impl_->Corrupt("mention record of entity " + std::to_string(id));
      return false;
    }
    const uint64_t doc_id = internal::DecodeFixed64BE(k.data() + 8);
    Result<std::string> doc = impl_->DocPath(doc_id);
    if (!doc.ok()) {
      bad = doc.status();
      return false;
    }
    return visit(doc_id, *doc, m.spans);
  }));
  return bad;
}

Status internal::RawProvenanceDocs(const StoreCore& impl, const TripleRecord& triple,
                                   const std::function<void(uint64_t)>& visit) {
  const std::string prefix =
      internal::SpoKey(internal::TripleKey{triple.subject, triple.predicate, triple.object, triple.title});
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl.ScanPrefix(internal::kCfProv, prefix, [&](std::string_view k, std::string_view) {
    if (k.size() != prefix.size() + 8) {
      bad = impl.Corrupt("provenance record");
      return false;
    }
    visit(internal::DecodeFixed64BE(k.data() + prefix.size()));
    return true;
  }));
  return bad;
}

Status internal::RawMentionDocs(const StoreCore& impl, EntityId id, const std::function<void(uint64_t)>& visit) {
  const std::string prefix = internal::EntityKey(id);
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl.ScanPrefix(internal::kCfMention, prefix, [&](std::string_view k, std::string_view) {
    if (k.size() != 16) {
      bad = impl.Corrupt("mention record of entity " + std::to_string(id));
      return false;
    }
    visit(internal::DecodeFixed64BE(k.data() + 8));
    return true;
  }));
  return bad;
}

// --- Documents --------------------------------------------------------------

Result<std::optional<DocumentRecord>> Store::GetDocument(std::string_view path) const {
  std::string value;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl_->Get(internal::kCfDoc, internal::DocPathKey(path), &value, &found));
  if (!found) return std::optional<DocumentRecord>();
  if (value.size() != 8) return impl_->Corrupt("document path entry " + std::string(path));
  GOVKG_RETURN_IF_ERROR(
      impl_->Get(internal::kCfDoc, internal::DocIdKey(internal::DecodeFixed64BE(value.data())), &value, &found));
  internal::DocValue d;
  if (!found || !internal::DecodeDocValue(value, &d)) return impl_->Corrupt("document record " + std::string(path));
  return std::optional<DocumentRecord>(std::move(d.record));
}

Status Store::ScanDocuments(const std::function<bool(const DocumentRecord&)>& visit) const {
  Status bad;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfDoc, std::string(1, internal::kDocPathTag),
                                          [&](std::string_view k, std::string_view) {
    Result<std::optional<DocumentRecord>> r = GetDocument(k.substr(1));
    if (!r.ok() || !*r) {
      bad = r.ok() ? impl_->Corrupt("document " + std::string(k.substr(1))) : r.status();
      return false;
    }
    return visit(**r);
  }));
  return bad;
}

}  // namespace govkg
