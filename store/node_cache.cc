// The node map saved in the meta family: a query on a large store reads the
// partition of its forms into nodes instead of computing it from every
// agency name, alias row and decision (0.5 s on 255k entities).
//
// The saved map is a cache. It carries the store's sequence number right
// after it was written; any later write (a document, a removal, a decision,
// an ingested file) moves the sequence on, and a reader that finds the two
// differ computes the map itself, as if nothing were saved. A writer saves a
// fresh map when it closes after changing what the map is computed from.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <rocksdb/db.h>

#include "store/keys_internal.h"
#include "store/nodes_internal.h"
#include "store/store_internal.h"

namespace govkg::internal {
namespace {

// Named after the version of the merge rules (store/merge.cc) that made the
// map: a map saved by an older binary, under other rules, is never read.
constexpr std::string_view kNodeMapKey = "node_map/3";

std::string EncodeNodeMap(uint64_t sequence, const NodeMap& map) {
  std::string out;
  PutFixed64BE(&out, sequence);
  PutVarint(&out, map.vetoed);
  PutVarint(&out, map.rep.size());
  // In member order: the saved bytes do not depend on hash-map order.
  std::vector<std::pair<EntityId, EntityId>> pairs(map.rep.begin(), map.rep.end());
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [member, rep] : pairs) {
    PutVarint(&out, member);
    PutVarint(&out, rep);
  }
  return out;
}

// The map, or nullptr when `value` is not one written at `sequence`.
std::shared_ptr<const NodeMap> DecodeNodeMap(std::string_view value, uint64_t sequence) {
  Reader in(value);
  uint64_t saved_at = 0, vetoed = 0, n = 0;
  if (!in.GetFixed64BE(&saved_at) || saved_at != sequence || !in.GetVarint(&vetoed) ||
      !in.GetVarint(&n)) {
    return nullptr;
  }
  auto map = std::make_shared<NodeMap>();
  map->vetoed = vetoed;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t member = 0, rep = 0;
    if (!in.GetVarint(&member) || !in.GetVarint(&rep)) return nullptr;
    map->rep[member] = rep;
    map->members[rep].push_back(member);
  }
  if (!in.empty()) return nullptr;
  for (auto& [rep, members] : map->members) {
    members.push_back(rep);
    std::sort(members.begin(), members.end());
  }
  return map;
}

}  // namespace

std::shared_ptr<const NodeMap> LoadSavedNodeMap(const StoreCore& impl) {
  std::string value;
  bool found = false;
  if (!impl.Get(kCfMeta, kNodeMapKey, &value, &found).ok() || !found) return nullptr;
  return DecodeNodeMap(value, impl.db->GetLatestSequenceNumber());
}

Status SaveNodeMap(const StoreCore& impl, const NodeMap& map) {
  // The Put below takes the next sequence number: the map is valid at it.
  const uint64_t at = impl.db->GetLatestSequenceNumber() + 1;
  rocksdb::WriteOptions wo;
  const rocksdb::Status s =
      impl.db->Put(wo, impl.cf(kCfMeta), kNodeMapKey, EncodeNodeMap(at, map));
  if (!s.ok()) return impl.Error(s, "save node map");
  return Status::OK();
}

}  // namespace govkg::internal
