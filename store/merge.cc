// store/merge.cc: which stored forms are one node (store/nodes_internal.h;
// ARCHITECTURE.md, "Identity": merging).
//
// Three links join two forms of one type: an alias (a document gave the
// canonical name of one as an alias of the other, both of one scope), a
// region key (both spell the same division and the same rest: 内蒙古自治区公安厅,
// 内蒙古公安厅, and 自治区公安厅 scoped to 150000; 广西壮族自治区公安机关 and
// 公安机关 scoped to 450000), and a user's `govkg same`.
// A user's `govkg distinct` vetoes the automatic links that would join the
// two. Links are applied in the order of their forms' ids (hashes of their
// terms), never of ingest, so the nodes depend only on what the store holds.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/tsv.h"
#include "store/identity.h"
#include "store/nodes_internal.h"
#include "store/store_internal.h"

namespace govkg::internal {

extern const char* const kDivisionsText[];
extern const char* const kRegionLevelsText[];

namespace {

// A node joining more forms than this is cut: a generic alias gone wrong
// must not make one node of half the store.
constexpr size_t kMaxNodeMembers = 256;
// A program kind word after a brand: 行动, 专项行动, 专项整治 (four
// characters of three UTF-8 bytes at most).
constexpr size_t kMaxKindBytes = 12;
// Forms of one brand compared pair by pair, at most.
constexpr size_t kMaxBrandForms = 64;

// A scope that is a region code (not "" for a name unique alone, nor a
// document's "doc-…").
bool IsRegionScope(std::string_view scope) {
  return !scope.empty() && scope.find_first_not_of("0123456789") == std::string_view::npos;
}

// --- The table of divisions, compiled in (extract/lexicon/admin_divisions.txt) ---

struct Division {
  std::string name, short_form, code;
  int parent = -1;
  std::vector<std::string> level_words;  // 自治区, 市 …: what the name adds to its short form
};

std::vector<std::string> Lines(const char* const* pieces) {
  std::string all;
  for (const char* const* p = pieces; *p != nullptr; ++p) all += *p;
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < all.size()) {
    size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

class DivisionTable {
 public:
  DivisionTable() {
    // Level words of region_levels.txt that name a level (not "generic" or
    // "town"): a division's name minus its short form ends in one of them.
    std::vector<std::string> levels;
    for (const std::string& line : Lines(kRegionLevelsText)) {
      const std::vector<std::string> f = SplitTabs(line);
      if (f.size() == 1 || f[1] == "province") levels.push_back(f[0]);
    }
    std::map<std::string, int> by_code;
    for (const std::string& line : Lines(kDivisionsText)) {
      const std::vector<std::string> f = SplitTabs(line);
      if (f.size() < 4) continue;
      Division d;
      d.name = f[0];
      d.code = f[1];
      d.short_form = f.size() > 4 ? f[4] : "";
      const auto parent = by_code.find(f[3]);
      d.parent = parent == by_code.end() ? -1 : parent->second;
      if (!d.short_form.empty() && d.name.starts_with(d.short_form) && d.name.size() > d.short_form.size()) {
        const std::string rest = d.name.substr(d.short_form.size());
        d.level_words.push_back(rest);
        for (const std::string& w : levels) {
          if (w != rest && rest.ends_with(w)) d.level_words.push_back(w);
        }
      }
      const int index = static_cast<int>(all_.size());
      by_code[d.code] = index;
      by_name_[d.name].push_back({index, false});
      if (d.short_form.size() >= 6) by_name_[d.short_form].push_back({index, true});  // two characters or more
      level_.push_back(static_cast<int>(f[2].empty() ? 0 : f[2][0] - '0'));
      longest_ = std::max({longest_, d.name.size(), d.short_form.size()});
      all_.push_back(std::move(d));
    }
    by_code_ = std::move(by_code);
  }

  const Division& at(int i) const { return all_[static_cast<size_t>(i)]; }
  int ByCode(std::string_view code) const {
    const auto it = by_code_.find(std::string(code));
    return it == by_code_.end() ? -1 : it->second;
  }
  bool Within(int i, int ancestor) const {
    for (; i >= 0; i = at(i).parent) {
      if (i == ancestor) return true;
    }
    return false;
  }
  int Province(int i) const {
    while (i >= 0 && at(i).parent >= 0) i = at(i).parent;
    return i;
  }
  // The division a name spells at `pos` (its longest full name or short form
  // there): below `region` when one is set; in the province of `scope` when
  // the name has a region scope (公安机关 in a text about 重庆 does not spell
  // 公安县 of 湖北); without a scope, a short form only of a province or a
  // prefecture (a county's short form is too often an ordinary word). -1
  // when none or several remain. *len: its bytes.
  int PrefixAt(std::string_view name, size_t pos, int region, int scope, size_t* len) const {
    for (size_t n = std::min(longest_, name.size() - pos); n >= 6; --n) {
      // Only whole characters (a UTF-8 continuation byte cannot start the rest).
      if (pos + n < name.size() && (static_cast<unsigned char>(name[pos + n]) & 0xC0) == 0x80) continue;
      const auto it = by_name_.find(name.substr(pos, n));
      if (it == by_name_.end()) continue;
      std::vector<int> fit;
      for (const auto& [c, is_short] : it->second) {
        const bool ok = region >= 0  ? c != region && Within(c, region)
                        : scope >= 0 ? Within(c, Province(scope))
                                     : !is_short || level_[static_cast<size_t>(c)] <= 2;
        if (ok) fit.push_back(c);
      }
      if (fit.size() != 1) return -1;
      *len = n;
      return fit[0];
    }
    return -1;
  }

 private:
  std::vector<Division> all_;
  std::map<std::string, int> by_code_;
  std::map<std::string, std::vector<std::pair<int, bool>>, std::less<>> by_name_;  // (division, short form?)
  std::vector<int> level_;  // 1 province, 2 prefecture, 3 county
  size_t longest_ = 0;
};

const DivisionTable& Divisions() {
  static const DivisionTable* const table = new DivisionTable();
  return *table;
}

// --- Union-find over entity ids ------------------------------------------

class Partition {
 public:
  EntityId Find(EntityId id) {
    auto it = parent_.find(id);
    if (it == parent_.end()) return id;
    const EntityId root = Find(it->second);
    it->second = root;
    return root;
  }
  size_t Size(EntityId root) const {
    const auto it = size_.find(root);
    return it == size_.end() ? 1 : it->second;
  }
  void Join(EntityId a, EntityId b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (a > b) std::swap(a, b);  // the smaller id is the root: independent of link order
    parent_[b] = a;
    size_[a] = Size(a) + Size(b);
    size_.erase(b);
  }
  const std::unordered_map<EntityId, EntityId>& parents() const { return parent_; }

 private:
  std::unordered_map<EntityId, EntityId> parent_;
  std::unordered_map<EntityId, size_t> size_;
};

struct Form {
  EntityType type;
  std::string name, scope;
};

}  // namespace

std::optional<std::string> RegionKey(EntityType type, std::string_view name, std::string_view scope) {
  if (type != EntityType::kAgency) return std::nullopt;
  const DivisionTable& table = Divisions();
  const int scoped = ValidScope(scope) && !scope.empty() && scope != kDocumentScope ? table.ByCode(scope) : -1;
  int region = -1;
  size_t pos = 0;
  for (size_t len = 0;; pos += len) {
    const int next = table.PrefixAt(name, pos, region, scoped, &len);
    if (next < 0) break;
    region = next;
  }
  if (region < 0 && scoped >= 0) {
    // A bare level word: 自治区公安厅 in a text about 内蒙古, 省公安厅 in one
    // about a city of 广东 (the scope's division or an ancestor, nearest first).
    for (int d = scoped; d >= 0 && region < 0; d = table.at(d).parent) {
      for (const std::string& w : table.at(d).level_words) {
        if (name.starts_with(w)) {
          region = d;
          pos = w.size();
          break;
        }
      }
    }
  }
  // A generic name scoped to a region is that region's (公安机关 in 450000:
  // 广西壮族自治区公安机关), never another region's.
  if (region < 0 && scoped >= 0) region = scoped;
  if (region < 0 || name.size() - pos < 6) return std::nullopt;  // the rest: two characters or more
  std::string key = table.at(region).code;
  key.push_back('\0');
  key.append(name.substr(pos));
  return key;
}

std::string_view RegionKeyCode(std::string_view key) { return key.substr(0, key.find('\0')); }

std::string ProvinceOf(std::string_view code) {
  const DivisionTable& table = Divisions();
  const int d = table.ByCode(code);
  return d < 0 ? std::string() : table.at(table.Province(d)).code;
}

std::string DecisionKey(std::string_view term_a, std::string_view term_b) {
  if (term_b < term_a) std::swap(term_a, term_b);
  std::string key(kDecisionPrefix);
  PutLengthPrefixed(&key, term_a);
  key.append(term_b);
  return key;
}

bool DecodeDecisionKey(std::string_view key, std::string* term_a, std::string* term_b) {
  if (!key.starts_with(kDecisionPrefix)) return false;
  key.remove_prefix(kDecisionPrefix.size());
  uint64_t n = 0;
  int shift = 0;
  size_t i = 0;
  for (; i < key.size() && shift < 64; ++i, shift += 7) {
    n |= static_cast<uint64_t>(static_cast<unsigned char>(key[i]) & 0x7F) << shift;
    if ((static_cast<unsigned char>(key[i]) & 0x80) == 0) break;
  }
  if (i >= key.size() || key.size() - i - 1 < n) return false;
  *term_a = std::string(key.substr(i + 1, n));
  *term_b = std::string(key.substr(i + 1 + n));
  return !term_a->empty() && !term_b->empty();
}

bool DecodeTerm(std::string_view term, EntityType* type, std::string* name, std::string* scope) {
  const size_t nul = term.find('\0');
  if (term.empty() || nul == std::string_view::npos || static_cast<uint8_t>(term[0]) >= std::size(kAllEntityTypes)) {
    return false;
  }
  *type = static_cast<EntityType>(term[0]);
  *name = std::string(term.substr(1, nul - 1));
  *scope = std::string(term.substr(nul + 1));
  return true;
}

Result<std::shared_ptr<const NodeMap>> BuildNodeMap(const StoreCore& impl) {
  auto map = std::make_shared<NodeMap>();
  // Forms read so far (agencies from the scan, others by a point read when
  // a link names them): only what links need, not the whole dictionary.
  std::unordered_map<EntityId, Form> forms;
  const auto form_of = [&](EntityId id) -> Result<const Form*> {
    if (const auto it = forms.find(id); it != forms.end()) return &it->second;
    Result<std::optional<EntityRecord>> r = RawEntityBasics(impl, id);
    if (!r.ok()) return r.status();
    if (!r->has_value()) return static_cast<const Form*>(nullptr);
    return &forms.emplace(id, Form{(*r)->type, std::move((*r)->name), std::move((*r)->scope)}).first->second;
  };
  const auto id_of = [&](const std::string& term) -> Result<std::optional<EntityId>> {
    std::string v;
    bool found = false;
    GOVKG_RETURN_IF_ERROR(impl.Get(kCfDict, DictTermKey(term), &v, &found));
    if (!found || v.size() != 8) return std::optional<EntityId>();
    return std::optional<EntityId>(DecodeFixed64BE(v.data()));
  };
  // Automatic links as id pairs (ids are hashes of the terms, so their
  // order does not depend on the order of ingest), applied in that order.
  std::set<std::pair<EntityId, EntityId>> links;
  const auto add_link = [&](EntityId a, EntityId b) {
    if (a != b) links.insert(a < b ? std::pair{a, b} : std::pair{b, a});
  };
  // Alias rows first: the entity scan below then reads the forms that bear
  // them on its way (keys of both families begin with the id, in the same
  // order), instead of a point read per alias, which was half of the build.
  std::vector<std::pair<EntityId, std::string>> aliases;
  GOVKG_RETURN_IF_ERROR(impl.ScanPrefix(kCfCount, std::string(1, kAliasTag), [&](std::string_view k, std::string_view v) {
    if (k.size() > 9 && DecodeCounter(v) > 0) aliases.emplace_back(DecodeFixed64BE(k.data() + 1), k.substr(9));
    return true;
  }));
  size_t next_alias = 0;  // the first alias whose id the scan has not reached
  std::map<std::string, std::vector<EntityId>> by_region;
  GOVKG_RETURN_IF_ERROR(impl.ScanPrefix(kCfEntity, "", [&](std::string_view k, std::string_view v) {
    if (k.size() != 8 || v.empty()) return true;
    const EntityId id = DecodeFixed64BE(k.data());
    while (next_alias < aliases.size() && aliases[next_alias].first < id) ++next_alias;
    const bool bears_alias = next_alias < aliases.size() && aliases[next_alias].first == id;
    const bool agency = static_cast<uint8_t>(v[0]) == static_cast<uint8_t>(EntityType::kAgency);
    if (!agency && !bears_alias) return true;
    EntityRecord r;
    if (!DecodeEntityValue(v, &r)) return true;  // `govkg check` reports it
    std::optional<std::string> key = RegionKey(r.type, r.name, r.scope);
    if (key) by_region[*key].push_back(id);
    if (key || bears_alias) forms.emplace(id, Form{r.type, std::move(r.name), std::move(r.scope)});
    return true;
  }));
  for (const auto& [key, ids] : by_region) {
    for (size_t i = 1; i < ids.size(); ++i) add_link(ids[0], ids[i]);
  }
  // An alias links the form that bears it to the form that has it as its
  // name, in the same scope.
  for (const auto& [id, alias] : aliases) {
    Result<const Form*> f = form_of(id);
    if (!f.ok()) return f.status();
    if (*f == nullptr || (*f)->type == EntityType::kMetric) continue;
    Result<std::optional<EntityId>> other = id_of(EncodeTerm((*f)->type, alias, (*f)->scope));
    if (!other.ok()) return other.status();
    if (other->has_value()) add_link(id, **other);
  }
  // Programs of one region named by one brand and a kind word, the one
  // kind ending the other (“净网2024”专项行动 and “净网2024”行动, both with
  // the alias 净网2024), are one campaign. The alias must open both names:
  // 百日行动, the alias of 夏季治安打击整治“百日行动” and of 安全生产“百日行动”,
  // ends them and joins nothing; nor do “平安”乡村行动 and “平安”校园行动.
  std::map<std::string, std::vector<std::pair<EntityId, std::string_view>>> by_brand;  // → (id, rest)
  for (const auto& [id, alias] : aliases) {
    const auto it = forms.find(id);
    if (it == forms.end()) continue;
    const Form& f = it->second;
    if (f.type != EntityType::kProgram || !IsRegionScope(f.scope) || !f.name.starts_with(alias) ||
        f.name.size() - alias.size() > kMaxKindBytes) {
      continue;
    }
    by_brand[f.scope + '\0' + alias].emplace_back(id, std::string_view(f.name).substr(alias.size()));
  }
  for (const auto& [key, named] : by_brand) {
    for (size_t i = 0; i < named.size() && i < kMaxBrandForms; ++i) {
      for (size_t j = i + 1; j < named.size() && j < kMaxBrandForms; ++j) {
        const std::string_view a = named[i].second, b = named[j].second;
        if (a.ends_with(b) || b.ends_with(a)) add_link(named[i].first, named[j].first);
      }
    }
  }
  // Decisions: `same` joins first; `distinct` vetoes the links that would
  // join the two (a user's word wins over the rules).
  std::vector<std::pair<std::string, std::string>> decided;
  std::vector<bool> decided_same;
  GOVKG_RETURN_IF_ERROR(impl.ScanPrefix(kCfMeta, kDecisionPrefix, [&](std::string_view k, std::string_view v) {
    std::string a, b;
    if (!DecodeDecisionKey(k, &a, &b)) return true;
    decided.emplace_back(std::move(a), std::move(b));
    decided_same.push_back(v == kSameValue);
    return true;
  }));
  std::vector<std::pair<EntityId, EntityId>> same, apart;
  for (size_t i = 0; i < decided.size(); ++i) {
    Result<std::optional<EntityId>> a = id_of(decided[i].first);
    if (!a.ok()) return a.status();
    Result<std::optional<EntityId>> b = id_of(decided[i].second);
    if (!b.ok()) return b.status();
    if (!a->has_value() || !b->has_value()) continue;  // kept for when both forms are back
    (decided_same[i] ? same : apart).emplace_back(**a, **b);
  }
  Partition p;
  for (const auto& [a, b] : same) p.Join(a, b);
  const auto vetoed = [&](EntityId a, EntityId b) {
    const EntityId ra = p.Find(a), rb = p.Find(b);
    for (const auto& [x, y] : apart) {
      const EntityId rx = p.Find(x), ry = p.Find(y);
      if ((rx == ra && ry == rb) || (rx == rb && ry == ra)) return true;
    }
    return p.Size(ra) + p.Size(rb) > kMaxNodeMembers;
  };
  for (const auto& [a, b] : links) {
    if (p.Find(a) == p.Find(b)) continue;
    if (vetoed(a, b)) {
      ++map->vetoed;
      continue;
    }
    p.Join(a, b);
  }
  // Nodes of two or more forms, named by their most complete form.
  std::unordered_map<EntityId, std::vector<EntityId>> groups;
  for (const auto& [id, parent] : p.parents()) {
    (void)parent;
    groups[p.Find(id)].push_back(id);
  }
  for (auto& [root, ids] : groups) {
    ids.push_back(root);
    std::sort(ids.begin(), ids.end());
    EntityId rep = 0;
    const Form* best = nullptr;
    for (const EntityId id : ids) {
      Result<const Form*> f = form_of(id);
      if (!f.ok()) return f.status();
      if (*f != nullptr && (best == nullptr || PreferredName((*f)->scope, (*f)->name, best->scope, best->name))) {
        best = *f;
        rep = id;
      }
    }
    if (best == nullptr) continue;
    for (const EntityId id : ids) {
      if (id != rep) map->rep[id] = rep;
    }
    map->members[rep] = std::move(ids);
  }
  return std::shared_ptr<const NodeMap>(std::move(map));
}

Result<std::shared_ptr<const NodeMap>> StoreCore::Nodes() const {
  std::lock_guard<std::mutex> guard(nodes_mu);
  if (!nodes && !nodes_changed) nodes = LoadSavedNodeMap(*this);
  if (!nodes) {
    Result<std::shared_ptr<const NodeMap>> built = BuildNodeMap(*this);
    if (!built.ok()) return built.status();
    nodes = *built;
  }
  return nodes;
}

void StoreCore::DropNodes() const {
  std::lock_guard<std::mutex> guard(nodes_mu);
  nodes.reset();
  nodes_changed = true;
}

Status StoreCore::SaveNodesIfChanged() const {
  if (options.read_only || !nodes_changed) return Status::OK();
  Result<std::shared_ptr<const NodeMap>> map = Nodes();
  if (!map.ok()) return map.status();
  return SaveNodeMap(*this, **map);
}

}  // namespace govkg::internal
