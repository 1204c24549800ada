// store/check.cc: Store::Stats and Store::Check.
//
// Check walks every column family once and cross-checks it against the
// others: dictionary ↔ entities, the three indexes against each other,
// support counts against provenance rows, document records against the
// mention and provenance rows they own, and the merge counters against the
// mention rows. Problems are collected (up to a limit) rather than stopping at
// the first, so that one run names everything that is wrong.
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "store/identity.h"
#include "store/nodes_internal.h"
#include "store/store_internal.h"

namespace govkg {

using internal::Cf;

namespace {

constexpr size_t kMaxProblems = 100;

std::string Hex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string TripleName(const internal::TripleKey& t) {
  std::string s = std::to_string(t.s) + " -" + std::string(PredicateName(t.p)) + "-> " + std::to_string(t.o);
  if (!t.title.empty()) s += " (" + t.title + ")";
  return s;
}

class Checker {
 public:
  explicit Checker(const internal::StoreCore& impl) : impl_(impl) {}

  void Problem(std::string p) {
    ++problem_count_;
    if (problems_.size() < kMaxProblems) problems_.push_back(std::move(p));
  }
  bool Has(Cf c, std::string_view key, std::string* value = nullptr) {
    std::string v;
    bool found = false;
    Status s = impl_.Get(c, key, &v, &found);
    if (!s.ok()) error_ = s;
    if (value) *value = std::move(v);
    return found;
  }
  int64_t Counter(Cf c, std::string_view key) {
    std::string v;
    return Has(c, key, &v) ? internal::DecodeCounter(v) : 0;
  }
  Status Scan(Cf c, std::string_view prefix, const std::function<void(std::string_view, std::string_view)>& f) {
    GOVKG_RETURN_IF_ERROR(impl_.ScanPrefix(c, prefix, [&](std::string_view k, std::string_view v) {
      f(k, v);
      return error_.ok();
    }));
    return error_;
  }

  Status CheckDictionary();
  Status CheckEntities();
  Status CheckCounters();
  Status CheckIndexes();
  Status CheckDocuments();
  Status CheckMeta();
  Status CheckIdentity();

  std::vector<std::string> Finish() {
    if (problem_count_ > problems_.size()) {
      problems_.push_back("... and " + std::to_string(problem_count_ - problems_.size()) + " more problems");
    }
    return std::move(problems_);
  }

 private:
  const internal::StoreCore& impl_;
  Status error_;
  std::vector<std::string> problems_;
  size_t problem_count_ = 0;
  uint64_t max_entity_ = 0;
  uint64_t max_doc_ = 0;
  uint64_t mention_rows_ = 0;
  uint64_t prov_rows_ = 0;
};

Status Checker::CheckDictionary() {
  return Scan(internal::kCfDict, "", [&](std::string_view k, std::string_view v) {
    if (k.starts_with(internal::kDictTermTag)) {
      if (v.size() != 8) return Problem("dict: term " + Hex(k.substr(1)) + ": id of " + std::to_string(v.size()) + " bytes");
      const EntityId id = internal::DecodeFixed64BE(v.data());
      std::string term;
      if (!Has(internal::kCfDict, internal::DictIdKey(id), &term) || term != k.substr(1)) {
        Problem("dict: term " + Hex(k.substr(1)) + " → id " + std::to_string(id) + " has no matching reverse entry");
      }
    } else if (k.starts_with(internal::kDictIdTag) && k.size() == 9) {
      const EntityId id = internal::DecodeFixed64BE(k.data() + 1);
      std::string rec;
      EntityRecord r;
      if (!Has(internal::kCfEntity, internal::EntityKey(id), &rec) || !internal::DecodeEntityValue(rec, &r)) {
        return Problem("dict: id " + std::to_string(id) + " has no readable entity record");
      }
      if (!ValidStoredScope(r.type, r.scope)) {
        Problem("dict: id " + std::to_string(id) + " (" + r.name + ") has a malformed scope \"" + r.scope + "\"");
      }
      if (internal::EncodeTerm(r.type, r.name, r.scope) != v) {
        Problem("dict: id " + std::to_string(id) + " (" + r.name + ") term disagrees with its entity record");
      }
      if (!Has(internal::kCfDict, internal::DictTermKey(v))) Problem("dict: id " + std::to_string(id) + ": term entry missing");
    } else {
      Problem("dict: malformed key " + Hex(k));
    }
  });
}

Status Checker::CheckEntities() {
  return Scan(internal::kCfEntity, "", [&](std::string_view k, std::string_view v) {
    EntityRecord r;
    if (k.size() != 8 || !internal::DecodeEntityValue(v, &r)) return Problem("entity: malformed record " + Hex(k));
    const EntityId id = internal::DecodeFixed64BE(k.data());
    max_entity_ = std::max(max_entity_, id);
    const std::string who = "entity " + std::to_string(id) + " (" + r.name + ")";
    if (!Has(internal::kCfDict, internal::DictIdKey(id))) Problem(who + ": not in the dictionary");
    // Recompute document count and alias counts from the mention rows.
    int64_t docs = 0;
    std::map<std::string, int64_t> aliases;
    error_ = Scan(internal::kCfMention, k, [&](std::string_view mk, std::string_view mv) {
      internal::MentionValue m;
      if (mk.size() != 16 || !internal::DecodeMention(mv, &m)) return Problem(who + ": malformed mention row");
      ++docs;
      for (const std::string& a : m.aliases) ++aliases[a];
      if (!Has(internal::kCfDoc, internal::DocIdKey(internal::DecodeFixed64BE(mk.data() + 8)))) {
        Problem(who + ": mentioned by missing document " + std::to_string(internal::DecodeFixed64BE(mk.data() + 8)));
      }
    });
    const int64_t counted = Counter(internal::kCfCount, internal::DocCountKey(id));
    if (docs == 0) Problem(who + ": no document mentions it");
    if (counted != docs) {
      Problem(who + ": document count " + std::to_string(counted) + " but " + std::to_string(docs) + " mention rows");
    }
    std::map<std::string, int64_t> stored;
    error_ = Scan(internal::kCfCount, internal::AliasPrefix(id), [&](std::string_view ak, std::string_view av) {
      stored[std::string(ak.substr(9))] = internal::DecodeCounter(av);
    });
    if (stored != aliases) Problem(who + ": alias counts disagree with its mention rows");
    for (const auto& [alias, n] : aliases) {
      if (Counter(internal::kCfCount, internal::NameKey(alias, id)) != n) {
        Problem(who + ": name index entry of alias " + alias + " disagrees");
      }
    }
  });
}

Status Checker::CheckCounters() {
  return Scan(internal::kCfCount, "", [&](std::string_view k, std::string_view v) {
    const int64_t n = internal::DecodeCounter(v);
    if (n <= 0) Problem("count: key " + Hex(k) + " holds " + std::to_string(n));
    EntityId id = 0;
    if ((k.starts_with(internal::kDocCountTag) && k.size() == 9) || (k.starts_with(internal::kAliasTag) && k.size() > 9)) {
      id = internal::DecodeFixed64BE(k.data() + 1);
    } else if (k.starts_with(internal::kNameTag) && k.size() >= 10 && k[k.size() - 9] == '\0') {
      id = internal::DecodeFixed64BE(k.data() + k.size() - 8);
      if (Counter(internal::kCfCount, internal::AliasKey(id, k.substr(1, k.size() - 10))) != n) {
        Problem("count: name index entry " + std::string(k.substr(1, k.size() - 10)) + " of entity " +
                std::to_string(id) + " has no matching alias count");
      }
    } else {
      return Problem("count: malformed key " + Hex(k));
    }
    if (!Has(internal::kCfEntity, internal::EntityKey(id))) {
      Problem("count: counter " + Hex(k) + " of missing entity " + std::to_string(id));
    }
  });
}

Status Checker::CheckIndexes() {
  uint64_t spo_rows = 0;
  GOVKG_RETURN_IF_ERROR(Scan(internal::kCfSpo, "", [&](std::string_view k, std::string_view v) {
    internal::TripleKey t;
    if (!internal::DecodeSpoKey(k, &t)) return Problem("spo: malformed key " + Hex(k));
    ++spo_rows;
    const std::string who = "triple " + TripleName(t);
    const int64_t support = internal::DecodeCounter(v);
    if (support <= 0) Problem(who + ": support " + std::to_string(support));
    if (Counter(internal::kCfPos, internal::PosKey(t)) != support) Problem(who + ": POS index disagrees with SPO");
    if (Counter(internal::kCfOsp, internal::OspKey(t)) != support) Problem(who + ": OSP index disagrees with SPO");
    if (!Has(internal::kCfEntity, internal::EntityKey(t.s))) Problem(who + ": subject entity missing");
    if (!Has(internal::kCfEntity, internal::EntityKey(t.o))) Problem(who + ": object entity missing");
    int64_t prov = 0;
    error_ = Scan(internal::kCfProv, k, [&](std::string_view pk, std::string_view pv) {
      std::vector<internal::Evidence> ev;
      if (pk.size() != k.size() + 8 || !internal::DecodeEvidence(pv, &ev)) return Problem(who + ": malformed provenance row");
      ++prov;
      const uint64_t doc = internal::DecodeFixed64BE(pk.data() + k.size());
      if (!Has(internal::kCfDoc, internal::DocIdKey(doc))) Problem(who + ": provenance names missing document " + std::to_string(doc));
    });
    if (prov != support) {
      Problem(who + ": support " + std::to_string(support) + " but " + std::to_string(prov) + " provenance rows");
    }
  }));
  for (Cf c : {internal::kCfPos, internal::kCfOsp}) {
    uint64_t rows = 0;
    GOVKG_RETURN_IF_ERROR(Scan(c, "", [&](std::string_view k, std::string_view) {
      internal::TripleKey t;
      const bool ok = c == internal::kCfPos ? internal::DecodePosKey(k, &t) : internal::DecodeOspKey(k, &t);
      if (!ok) return Problem(std::string(internal::kCfNames[c]) + ": malformed key " + Hex(k));
      ++rows;
      if (!Has(internal::kCfSpo, internal::SpoKey(t))) {
        Problem(std::string(internal::kCfNames[c]) + ": triple " + TripleName(t) + " is missing from SPO");
      }
    }));
    if (rows != spo_rows) {
      Problem(std::string(internal::kCfNames[c]) + ": " + std::to_string(rows) + " entries but SPO has " +
              std::to_string(spo_rows));
    }
  }
  return Scan(internal::kCfProv, "", [&](std::string_view, std::string_view) { ++prov_rows_; });
}

Status Checker::CheckDocuments() {
  uint64_t paths = 0, ids = 0, doc_triples = 0, doc_entities = 0;
  GOVKG_RETURN_IF_ERROR(Scan(internal::kCfDoc, "", [&](std::string_view k, std::string_view v) {
    if (k.starts_with(internal::kDocPathTag)) {
      ++paths;
      std::string rec;
      internal::DocValue d;
      const std::string who = "document " + std::string(k.substr(1));
      if (v.size() != 8) return Problem(who + ": malformed id");
      const uint64_t doc_id = internal::DecodeFixed64BE(v.data());
      max_doc_ = std::max(max_doc_, doc_id);
      if (!Has(internal::kCfDoc, internal::DocIdKey(doc_id), &rec) || !internal::DecodeDocValue(rec, &d)) {
        return Problem(who + ": record missing or malformed");
      }
      if (d.record.path != k.substr(1)) Problem(who + ": record names another path " + d.record.path);
      doc_triples += d.triples.size();
      doc_entities += d.entities.size();
      for (const std::string& spo : d.triples) {
        internal::TripleKey t;
        if (!internal::DecodeSpoKey(spo, &t)) {
          Problem(who + ": malformed triple key");
        } else if (!Has(internal::kCfProv, internal::ProvKey(spo, doc_id))) {
          Problem(who + ": no provenance row for its triple " + TripleName(t));
        }
      }
      for (EntityId id : d.entities) {
        if (!Has(internal::kCfMention, internal::MentionKey(id, doc_id))) {
          Problem(who + ": no mention row for its entity " + std::to_string(id));
        }
      }
    } else if (k.starts_with(internal::kDocIdTag)) {
      ++ids;
    } else {
      Problem("doc: malformed key " + Hex(k));
    }
  }));
  if (paths != ids) Problem("doc: " + std::to_string(paths) + " paths but " + std::to_string(ids) + " records");
  if (doc_triples != prov_rows_) {
    Problem("prov: " + std::to_string(prov_rows_) + " provenance rows but documents list " + std::to_string(doc_triples) + " triples");
  }
  GOVKG_RETURN_IF_ERROR(Scan(internal::kCfMention, "", [&](std::string_view, std::string_view) { ++mention_rows_; }));
  if (doc_entities != mention_rows_) {
    Problem("mention: " + std::to_string(mention_rows_) + " mention rows but documents list " + std::to_string(doc_entities) + " entities");
  }
  return Status::OK();
}

Status Checker::CheckMeta() {
  // Ids are hashes of terms and paths (internal::HashedId); the next_*
  // counters only count ids handed out, so they need only be readable.
  for (auto [key, max] : {std::pair{internal::kNextEntityKey, max_entity_}, std::pair{internal::kNextDocKey, max_doc_}}) {
    std::string v;
    const bool found = Has(internal::kCfMeta, key, &v);
    if (found && v.size() != 8) Problem("meta: " + std::string(key) + " is not 8 bytes");
    if (max > 0 && !found) Problem("meta: " + std::string(key) + " missing but ids are in use");
  }
  return error_;
}

// The node layer (store/nodes_internal.h): every decision row readable and
// of one type; every node of several forms of one type, no metric in it,
// its representative the preferred form, no two of its forms kept apart by
// a decision, and its region-scoped forms all in one province.
Status Checker::CheckIdentity() {
  std::set<std::pair<std::string, std::string>> apart;
  GOVKG_RETURN_IF_ERROR(Scan(internal::kCfMeta, internal::kDecisionPrefix, [&](std::string_view k, std::string_view v) {
    std::string a, b;
    DecisionRecord d;
    if (!internal::DecodeDecisionKey(k, &a, &b) || !internal::DecodeTerm(a, &d.a.type, &d.a.name, &d.a.scope) ||
        !internal::DecodeTerm(b, &d.b.type, &d.b.name, &d.b.scope)) {
      return Problem("decision: malformed key " + Hex(k));
    }
    if (v != internal::kSameValue && v != internal::kDistinctValue) Problem("decision: " + d.a.name + " / " + d.b.name + ": bad value");
    if (d.a.type != d.b.type) Problem("decision: " + d.a.name + " / " + d.b.name + ": forms of two types");
    if (v == internal::kDistinctValue) apart.emplace(a, b);
  }));
  Result<std::shared_ptr<const internal::NodeMap>> built = internal::BuildNodeMap(impl_);
  if (!built.ok()) return built.status();
  for (const auto& [rep, members] : (*built)->members) {
    std::vector<EntityRecord> forms;
    for (const EntityId m : members) {
      Result<std::optional<EntityRecord>> r = internal::RawEntityBasics(impl_, m);
      if (!r.ok()) return r.status();
      if (!r->has_value()) {
        Problem("node " + std::to_string(rep) + ": member " + std::to_string(m) + " has no entity record");
        continue;
      }
      forms.push_back(std::move(**r));
    }
    std::set<std::string> provinces;
    for (const EntityRecord& f : forms) {
      const std::string who = "node " + std::to_string(rep) + " (" + f.name + ")";
      if (f.type != forms[0].type) Problem(who + ": forms of two types");
      if (f.type == EntityType::kMetric) Problem(who + ": a metric joined to another form");
      if (!f.scope.empty() && ValidScope(f.scope)) provinces.insert(internal::ProvinceOf(f.scope));
      for (const EntityRecord& g : forms) {
        if (internal::EncodeTerm(f.type, f.name, f.scope) < internal::EncodeTerm(g.type, g.name, g.scope) &&
            apart.contains({internal::EncodeTerm(f.type, f.name, f.scope), internal::EncodeTerm(g.type, g.name, g.scope)})) {
          Problem(who + ": joined to " + g.name + " though a decision keeps them apart");
        }
      }
    }
    const EntityId head_id = rep;  // clang 14 cannot capture a structured binding
    const auto head = std::find_if(forms.begin(), forms.end(), [&](const EntityRecord& f) { return f.id == head_id; });
    for (const EntityRecord& f : forms) {
      if (head != forms.end() && f.id != rep && PreferredName(f.scope, f.name, head->scope, head->name)) {
        Problem("node " + std::to_string(rep) + " (" + head->name + "): " + f.name + " is the preferred form");
      }
    }
    if (provinces.size() > 1) {
      Problem("node " + std::to_string(rep) + ": forms scoped to " + std::to_string(provinces.size()) + " provinces");
    }
  }
  return error_;
}

}  // namespace

Result<std::vector<std::string>> Store::Check() const {
  Checker c(*impl_);
  GOVKG_RETURN_IF_ERROR(c.CheckDictionary());
  GOVKG_RETURN_IF_ERROR(c.CheckEntities());
  GOVKG_RETURN_IF_ERROR(c.CheckCounters());
  GOVKG_RETURN_IF_ERROR(c.CheckIndexes());
  GOVKG_RETURN_IF_ERROR(c.CheckDocuments());
  GOVKG_RETURN_IF_ERROR(c.CheckMeta());
  GOVKG_RETURN_IF_ERROR(c.CheckIdentity());
  return c.Finish();
}

Result<StoreStats> Store::Stats() const {
  StoreStats st;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfEntity, "", [&](std::string_view, std::string_view v) {
    if (!v.empty() && static_cast<uint8_t>(v[0]) < std::size(kAllEntityTypes)) ++st.entities_by_type[static_cast<uint8_t>(v[0])];
    ++st.entities;
    return true;
  }));
  // In nodes (store/nodes_internal.h): a joined form is not a node of its
  // own, and the edges of joined forms count once per pair of nodes.
  Result<std::shared_ptr<const internal::NodeMap>> nodes = impl_->Nodes();
  if (!nodes.ok()) return nodes.status();
  const internal::NodeMap& map = **nodes;
  for (const auto& [member, rep] : map.rep) {
    (void)rep;
    Result<std::optional<EntityRecord>> r = internal::RawEntityBasics(*impl_, member);
    if (!r.ok()) return r.status();
    if (!r->has_value()) continue;
    --st.entities_by_type[static_cast<uint8_t>((*r)->type)];
    --st.entities;
  }
  std::set<std::tuple<EntityId, Predicate, EntityId, std::string>> joined_edges;
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfPos, "", [&](std::string_view k, std::string_view v) {
    if (!k.empty() && internal::ValidPredicate(static_cast<uint8_t>(k[0])) && internal::DecodeCounter(v) > 0) {
      internal::TripleKey t;
      if (!map.empty() && internal::DecodePosKey(k, &t) && (map.Joined(t.s) || map.Joined(t.o))) {
        const EntityId rs = map.Rep(t.s), ro = map.Rep(t.o);
        if ((rs == ro && t.s != t.o) || !joined_edges.emplace(rs, t.p, ro, t.title).second) return true;
      }
      ++st.triples_by_predicate[static_cast<uint8_t>(k[0])];
      ++st.triples;
    }
    return true;
  }));
  GOVKG_RETURN_IF_ERROR(impl_->ScanPrefix(internal::kCfDoc, std::string(1, internal::kDocPathTag),
                                          [&](std::string_view, std::string_view) {
    ++st.documents;
    return true;
  }));
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(impl_->path, ec)) {
    if (entry.is_regular_file(ec)) st.size_bytes += entry.file_size(ec);
  }
  return st;
}

}  // namespace govkg
