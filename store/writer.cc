// store/writer.cc: PutDocument, RemoveDocument and Commit.
//
// Each document is one atomic WriteBatch: its dictionary entries, entity
// records, mention rows, counter updates, the three index entries and the
// provenance of each triple, and its document record. A crash (even SIGKILL)
// therefore leaves either all of a document or none of it. Under bulk_load,
// new documents are staged and written a group at a time
// (store/bulk_group_internal.h), each group as atomic as one document. The
// rows a document adds are made by store/contribution_internal.h.
//
// Support counts and per-entity document counts are merge-counted: adding a
// document merges +1 without reading. Removing one reads the current count and
// writes the decremented value (or deletes the key at zero), so that a later
// +1 merge in the same batch (a replaced document stating the triple again)
// lands on the right base.
#include <cmath>
#include <filesystem>
#include <set>

#include <rocksdb/write_batch.h>

#include "store/contribution_internal.h"
#include "store/entity_index_internal.h"
#include "store/identity.h"
#include "store/store_internal.h"

namespace govkg {

using internal::Cf;

namespace {

Status Invalid(std::string_view path, std::string_view what) {
  return Status::InvalidArgument("store: " + std::string(path), what);
}

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Bad input is refused before anything is written.
Status Validate(std::string_view path, const DocumentGraph& g, const internal::EntityIndex& index) {
  if (path.empty()) return Invalid("(empty path)", "a document needs a path");
  for (size_t i = 0; i < g.entities.size(); ++i) {
    const Entity& e = g.entities[i];
    const auto where = [&] { return "entity " + std::to_string(i) + " (\"" + e.id + "\")"; };
    if (static_cast<size_t>(e.type) >= std::size(kAllEntityTypes)) return Invalid(path, where() + ": bad type");
    if (i == index.first_repeat()) return Invalid(path, where() + ": duplicate id");
    if (e.name.empty()) return Invalid(path, where() + ": empty name");
    if (HasNul(e.name)) return Invalid(path, where() + ": NUL byte in name");
    if (!ValidScope(e.scope)) {
      return Invalid(path, where() + ": scope \"" + e.scope +
                               "\" is none of \"\" (unique alone), \"doc\" or a region code of 2-12 digits");
    }
    for (const std::string& a : e.aliases) {
      if (HasNul(a)) return Invalid(path, where() + ": NUL byte in alias");
    }
    if (e.metric && !std::isfinite(e.metric->value)) return Invalid(path, where() + ": metric value not finite");
    if (e.metric && (HasNul(e.metric->unit) || HasNul(e.metric->period))) {
      return Invalid(path, where() + ": NUL byte in metric");
    }
  }
  for (size_t i = 0; i < g.relations.size(); ++i) {
    const Relation& r = g.relations[i];
    const auto where = [&] { return "relation " + std::to_string(i); };
    if (static_cast<size_t>(r.predicate) >= std::size(kAllPredicates)) return Invalid(path, where() + ": bad predicate");
    if (index.Find(r.subject) == internal::EntityIndex::kNone) {
      return Invalid(path, where() + ": unknown subject \"" + r.subject + "\"");
    }
    if (index.Find(r.object) == internal::EntityIndex::kNone) {
      return Invalid(path, where() + ": unknown object \"" + r.object + "\"");
    }
    if (HasNul(r.title)) return Invalid(path, where() + ": NUL byte in title");
  }
  return Status::OK();
}

// One document's writes straight into one WriteBatch.
struct Batch : internal::WriteSink {
  explicit Batch(internal::StoreCore& i) : impl(i) {}
  void Put(Cf c, std::string k, std::string v) override { wb.Put(impl.cf(c), k, v).PermitUncheckedError(); }
  void Delete(Cf c, std::string_view k) { wb.Delete(impl.cf(c), k).PermitUncheckedError(); }
  void Add(Cf c, std::string k, int64_t n) override {
    wb.Merge(impl.cf(c), k, internal::EncodeCounter(n)).PermitUncheckedError();
  }
  // Reads a counter as committed, writes it minus one (or deletes it at zero).
  // Returns the new value.
  Result<int64_t> Decrement(Cf c, const std::string& k) {
    std::string v;
    bool found = false;
    GOVKG_RETURN_IF_ERROR(impl.Get(c, k, &v, &found));
    const int64_t n = (found ? internal::DecodeCounter(v) : 0) - 1;
    if (n <= 0) {
      Delete(c, k);
    } else {
      Put(c, k, internal::EncodeCounter(n));
    }
    return n;
  }
  Status Write() {
    impl.known_empty = false;
    rocksdb::WriteOptions wo;
    wo.sync = impl.options.sync;
    const rocksdb::Status s = impl.db->Write(wo, &wb);
    if (!s.ok()) return impl.Error(s, "write");
    impl.operations_written += wb.Count();
    return Status::OK();
  }

  internal::StoreCore& impl;
  rocksdb::WriteBatch wb;
  std::vector<std::string> deleted_terms;
};

// Takes document `doc_id`'s contribution `old` out. Entities whose count drops
// to zero are deleted, except those in `keep` (the replacing contribution
// names them again).
Status RemoveContribution(Batch& b, uint64_t doc_id, const internal::DocValue& old,
                          const std::set<EntityId>& keep) {
  internal::StoreCore& impl = b.impl;
  for (EntityId id : old.entities) {
    const std::string mkey = internal::MentionKey(id, doc_id);
    std::string v;
    bool found = false;
    GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfMention, mkey, &v, &found));
    internal::MentionValue m;
    if (found && !internal::DecodeMention(v, &m)) return impl.Corrupt("mention record " + std::to_string(id));
    b.Delete(internal::kCfMention, mkey);
    for (const std::string& alias : m.aliases) {
      GOVKG_RETURN_IF_ERROR(b.Decrement(internal::kCfCount, internal::AliasKey(id, alias)).status());
      GOVKG_RETURN_IF_ERROR(b.Decrement(internal::kCfCount, internal::NameKey(alias, id)).status());
    }
    Result<int64_t> left = b.Decrement(internal::kCfCount, internal::DocCountKey(id));
    GOVKG_RETURN_IF_ERROR(left.status());
    if (*left <= 0 && !keep.contains(id)) {
      std::string term;
      GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfDict, internal::DictIdKey(id), &term, &found));
      if (found) {
        b.Delete(internal::kCfDict, internal::DictTermKey(term));
        b.deleted_terms.push_back(term);
      }
      b.Delete(internal::kCfDict, internal::DictIdKey(id));
      b.Delete(internal::kCfEntity, internal::EntityKey(id));
    }
  }
  for (const std::string& spo : old.triples) {
    internal::TripleKey t;
    if (!internal::DecodeSpoKey(spo, &t)) return impl.Corrupt("triple key in document " + old.record.path);
    Result<int64_t> left = b.Decrement(internal::kCfSpo, spo);
    GOVKG_RETURN_IF_ERROR(left.status());
    if (*left <= 0) {
      b.Delete(internal::kCfPos, internal::PosKey(t));
      b.Delete(internal::kCfOsp, internal::OspKey(t));
    } else {
      b.Put(internal::kCfPos, internal::PosKey(t), internal::EncodeCounter(*left));
      b.Put(internal::kCfOsp, internal::OspKey(t), internal::EncodeCounter(*left));
    }
    b.Delete(internal::kCfProv, internal::ProvKey(spo, doc_id));
  }
  return Status::OK();
}

Result<std::optional<std::pair<uint64_t, internal::DocValue>>> LoadDoc(internal::StoreCore& impl, std::string_view path) {
  using Found = std::optional<std::pair<uint64_t, internal::DocValue>>;
  std::string v;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl.GetUnlessEmpty(internal::kCfDoc, internal::DocPathKey(path), &v, &found));
  if (!found) return Found();
  if (v.size() != 8) return impl.Corrupt("document path entry " + std::string(path));
  const uint64_t doc_id = internal::DecodeFixed64BE(v.data());
  GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfDoc, internal::DocIdKey(doc_id), &v, &found));
  internal::DocValue d;
  if (!found || !internal::DecodeDocValue(v, &d)) return impl.Corrupt("document record " + std::string(path));
  return Found(std::make_pair(doc_id, std::move(d)));
}

void PutMeta(Batch& b, std::string_view key, uint64_t v) {
  std::string value;
  internal::PutFixed64BE(&value, v);
  b.Put(internal::kCfMeta, std::string(key), value);
}

void ForgetTerms(internal::StoreCore& impl, const std::vector<std::string>& terms) {
  for (const std::string& t : terms) impl.term_cache.erase(t);
}

}  // namespace

namespace {

// The store ids of the graph's entities that are already stored.
Result<std::set<EntityId>> StoredIds(const internal::StoreCore& impl, const DocumentRecord& info,
                                     const DocumentGraph& graph) {
  std::set<EntityId> ids;
  for (const Entity& e : graph.entities) {
    const std::string term = internal::EncodeTerm(e.type, e.name, IdentityScope(e, info.content_hash));
    std::string v;
    bool found = false;
    GOVKG_RETURN_IF_ERROR(impl.Get(internal::kCfDict, internal::DictTermKey(term), &v, &found));
    if (found && v.size() == 8) ids.insert(internal::DecodeFixed64BE(v.data()));
  }
  return ids;
}

// Stages a document new to the store in the bulk group.
Result<PutOutcome> StageNewDocument(internal::StoreCore& impl, const DocumentRecord& info,
                                    const DocumentGraph& graph, const internal::EntityIndex& index) {
  internal::BulkGroup& group = impl.bulk_group;
  uint64_t next_entity = impl.next_entity;
  Result<uint64_t> doc_id = internal::NewDocId(impl, info.path, group.new_doc_ids());
  GOVKG_RETURN_IF_ERROR(doc_id.status());
  Result<internal::ResolvedIds> ids =
      internal::Resolve(impl, info, graph, index, internal::NewTerms{group.new_terms(), &next_entity, group.new_ids()});
  GOVKG_RETURN_IF_ERROR(ids.status());
  internal::EmitRows(info, graph, *doc_id, *ids, group);
  impl.next_entity = next_entity;
  ++impl.next_doc;
  group.AddPath(info.path);
  GOVKG_RETURN_IF_ERROR(group.AfterDocument(impl));
  return PutOutcome::kAdded;
}

}  // namespace

Result<PutOutcome> Store::PutDocument(const DocumentRecord& info, const DocumentGraph& graph) {
  Impl& impl = *impl_;
  if (impl.options.read_only) return Status::NotSupported("store: " + impl.path, "opened read-only");
  const internal::EntityIndex index(graph.entities);
  GOVKG_RETURN_IF_ERROR(Validate(info.path, graph, index));
  std::lock_guard<std::mutex> guard(impl.write_mu);
  // A path staged twice: commit, so that the second sees the first.
  if (impl.bulk_group.HasPath(info.path)) GOVKG_RETURN_IF_ERROR(impl.bulk_group.Commit(impl));

  Result<std::optional<std::pair<uint64_t, internal::DocValue>>> old = LoadDoc(impl, info.path);
  GOVKG_RETURN_IF_ERROR(old.status());
  if (*old && (*old)->second.record.content_hash == info.content_hash) return PutOutcome::kUnchanged;
  impl.DropNodes();
  if (impl.options.bulk_load && !*old) return StageNewDocument(impl, info, graph, index);
  GOVKG_RETURN_IF_ERROR(impl.bulk_group.Commit(impl));

  internal::IdSet new_doc_ids;
  uint64_t doc_id = 0;
  if (*old) {
    doc_id = (*old)->first;
  } else {
    Result<uint64_t> fresh = internal::NewDocId(impl, info.path, new_doc_ids);
    GOVKG_RETURN_IF_ERROR(fresh.status());
    doc_id = *fresh;
  }
  uint64_t next_entity = impl.next_entity;
  Batch b(impl);
  if (*old) {
    // The old contribution goes first in the batch: its counters are rewritten
    // from their committed values, and the new +1 merges must land on top.
    Result<std::set<EntityId>> keep = StoredIds(impl, info, graph);
    GOVKG_RETURN_IF_ERROR(keep.status());
    GOVKG_RETURN_IF_ERROR(RemoveContribution(b, doc_id, (*old)->second, *keep));
  }
  internal::TermMap new_terms;  // created by this document
  internal::IdSet new_ids;
  Result<internal::ResolvedIds> ids =
      internal::Resolve(impl, info, graph, index, internal::NewTerms{new_terms, &next_entity, new_ids});
  GOVKG_RETURN_IF_ERROR(ids.status());
  internal::EmitRows(info, graph, doc_id, *ids, b);
  const uint64_t next_doc = *old ? impl.next_doc : impl.next_doc + 1;
  PutMeta(b, internal::kNextEntityKey, next_entity);
  PutMeta(b, internal::kNextDocKey, next_doc);

  const Status written = b.Write();
  ForgetTerms(impl, b.deleted_terms);
  impl.DropNodes();
  if (!written.ok()) return written;
  impl.next_entity = next_entity;
  impl.next_doc = next_doc;
  impl.RememberTerms(std::move(new_terms));
  return *old ? PutOutcome::kReplaced : PutOutcome::kAdded;
}

Status Store::StartSortedLoad(size_t memory_bytes) {
  Impl& impl = *impl_;
  if (impl.options.read_only || !impl.options.bulk_load) {
    return Status::NotSupported("store: " + impl.path, "a sorted load needs a store opened for a bulk load");
  }
  std::lock_guard<std::mutex> guard(impl.write_mu);
  GOVKG_RETURN_IF_ERROR(impl.bulk_group.Commit(impl));
  // Runs left by a load that was killed.
  const std::string temp = impl.path + "/" + internal::kSortedLoadDir;
  std::error_code ec;
  std::filesystem::remove_all(temp, ec);
  if (ec) return Status::IOError("store: " + temp, ec.message());
  impl.bulk_group.StartSorted(temp, memory_bytes > 0 ? memory_bytes : internal::kSortedLoadMemory);
  bool empty = true;
  for (const Cf c : {internal::kCfDict, internal::kCfDoc}) {
    std::unique_ptr<rocksdb::Iterator> it = impl.NewIterator(c);
    it->SeekToFirst();
    if (!it->status().ok()) return impl.Error(it->status(), "read");
    empty = empty && !it->Valid();
  }
  impl.known_empty = empty;
  return Status::OK();
}

bool Store::SortedLoad() const { return impl_->bulk_group.sorted(); }

Status Store::Commit() {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> guard(impl.write_mu);
  impl.DropNodes();
  return impl.bulk_group.Commit(impl);
}

Status Store::Compact() {
  Impl& impl = *impl_;
  if (impl.options.read_only) return Status::NotSupported("store: " + impl.path, "opened read-only");
  std::lock_guard<std::mutex> guard(impl.write_mu);
  GOVKG_RETURN_IF_ERROR(impl.bulk_group.Commit(impl));
  rocksdb::CompactRangeOptions options;
  options.change_level = true;  // the one run moves to the lowest level it fits
  // The families that lookups and traversals seek in. Provenance and
  // documents are half the store and are read by key or in order, where a
  // few tables cost little; RocksDB compacts them in the background.
  for (const internal::Cf cf : {internal::kCfDict, internal::kCfEntity, internal::kCfCount, internal::kCfSpo,
                                internal::kCfPos, internal::kCfOsp, internal::kCfMention}) {
    const rocksdb::Status s = impl.db->CompactRange(options, impl.cf(cf), nullptr, nullptr);
    if (!s.ok()) return impl.Error(s, "compact " + std::string(internal::kCfNames[cf]));
  }
  return Status::OK();
}

Status Store::RemoveDocument(std::string_view path) {
  Impl& impl = *impl_;
  if (impl.options.read_only) return Status::NotSupported("store: " + impl.path, "opened read-only");
  std::lock_guard<std::mutex> guard(impl.write_mu);
  GOVKG_RETURN_IF_ERROR(impl.bulk_group.Commit(impl));  // the path may be staged
  Result<std::optional<std::pair<uint64_t, internal::DocValue>>> old = LoadDoc(impl, path);
  GOVKG_RETURN_IF_ERROR(old.status());
  if (!*old) return Status::NotFound("store: " + impl.path, "no document " + std::string(path));
  Batch b(impl);
  GOVKG_RETURN_IF_ERROR(RemoveContribution(b, (*old)->first, (*old)->second, {}));
  b.Delete(internal::kCfDoc, internal::DocPathKey(path));
  b.Delete(internal::kCfDoc, internal::DocIdKey((*old)->first));
  const Status written = b.Write();
  ForgetTerms(impl, b.deleted_terms);
  impl.DropNodes();
  return written;
}

}  // namespace govkg
