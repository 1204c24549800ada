// store/decisions.cc: forms and users' decisions (store.h, "Forms and
// decisions"). A decision is one meta row keyed by the two forms' terms
// (store/nodes_internal.h, DecisionKey), so re-ingesting the documents, in
// any order, finds it again.
#include <algorithm>

#include "store/nodes_internal.h"
#include "store/store_internal.h"

namespace govkg {

namespace {

Status CheckForm(const FormRef& f) {
  if (f.name.empty() || f.name.find('\0') != std::string::npos) {
    return Status::InvalidArgument("decision", "a form needs a name without NUL bytes");
  }
  if (f.type == EntityType::kMetric) {
    return Status::InvalidArgument("decision", "a metric is one observation and is never joined");
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<EntityRecord>> Store::FindForms(std::string_view name) const {
  std::vector<EntityRecord> forms;
  for (const EntityType type : kAllEntityTypes) {
    std::vector<EntityId> ids;
    const std::string prefix = internal::DictTermKey(internal::TermNamePrefix(type, name));
    GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfDict, prefix, [&](std::string_view, std::string_view v) {
      if (v.size() == 8) ids.push_back(internal::DecodeFixed64BE(v.data()));
      return true;
    }));
    for (const EntityId id : ids) {
      Result<std::optional<EntityRecord>> r = internal::RawEntity(*impl_, id);
      if (!r.ok()) return r.status();
      if (r->has_value()) forms.push_back(std::move(**r));
    }
  }
  return forms;
}

Result<std::optional<EntityRecord>> Store::GetForm(EntityId id) const { return internal::RawEntity(*impl_, id); }

Status Store::PutDecision(const DecisionRecord& d) {
  if (impl_->options.read_only) return Status::NotSupported("store: " + impl_->path, "opened read-only");
  GOVKG_RETURN_IF_ERROR(CheckForm(d.a));
  GOVKG_RETURN_IF_ERROR(CheckForm(d.b));
  if (d.a.type != d.b.type) return Status::InvalidArgument("decision", "the two forms are of different types");
  const std::string ta = internal::EncodeTerm(d.a.type, d.a.name, d.a.scope);
  const std::string tb = internal::EncodeTerm(d.b.type, d.b.name, d.b.scope);
  if (ta == tb) return Status::InvalidArgument("decision", "the two forms are one: " + d.a.name);
  std::lock_guard<std::mutex> guard(impl_->write_mu);
  GOVKG_RETURN_IF_ERROR(impl_->bulk_group.Commit(*impl_));
  rocksdb::WriteOptions w;
  w.sync = impl_->options.sync;
  const rocksdb::Status s = impl_->db->Put(w, impl_->cf(internal::kCfMeta), internal::DecisionKey(ta, tb),
                                           d.same ? internal::kSameValue : internal::kDistinctValue);
  impl_->DropNodes();
  return s.ok() ? Status::OK() : impl_->Error(s, "write decision");
}

Status Store::DeleteDecision(const FormRef& a, const FormRef& b) {
  if (impl_->options.read_only) return Status::NotSupported("store: " + impl_->path, "opened read-only");
  const std::string key =
      internal::DecisionKey(internal::EncodeTerm(a.type, a.name, a.scope), internal::EncodeTerm(b.type, b.name, b.scope));
  std::lock_guard<std::mutex> guard(impl_->write_mu);
  std::string v;
  bool found = false;
  GOVKG_RETURN_IF_ERROR(impl_->Get(internal::kCfMeta, key, &v, &found));
  if (!found) return Status::NotFound("decision", "none about " + a.name + " and " + b.name);
  const rocksdb::Status s = impl_->db->Delete(rocksdb::WriteOptions(), impl_->cf(internal::kCfMeta), key);
  impl_->DropNodes();
  return s.ok() ? Status::OK() : impl_->Error(s, "delete decision");
}

Result<std::vector<DecisionRecord>> Store::Decisions() const {
  std::vector<DecisionRecord> out;
  Status bad;
  GOVKG_RETURN_IF_ERROR(
      impl_->ScanPrefix(internal::kCfMeta, internal::kDecisionPrefix, [&](std::string_view k, std::string_view v) {
        std::string ta, tb;
        DecisionRecord d;
        if (!internal::DecodeDecisionKey(k, &ta, &tb) ||
            !internal::DecodeTerm(ta, &d.a.type, &d.a.name, &d.a.scope) ||
            !internal::DecodeTerm(tb, &d.b.type, &d.b.name, &d.b.scope) ||
            (v != internal::kSameValue && v != internal::kDistinctValue)) {
          bad = impl_->Corrupt("decision row");
          return false;
        }
        d.same = v == internal::kSameValue;
        out.push_back(std::move(d));
        return true;
      }));
  GOVKG_RETURN_IF_ERROR(bad);
  return out;
}

}  // namespace govkg
