// store/keys_internal.h: the byte layout of every key and value of the store.
//
// The layout is documented for users in store/FORMAT.md; keep the two in step.
// All ids are big-endian 64-bit so that byte order equals numeric order and a
// bound prefix of a triple key is one RocksDB prefix scan. Values are encoded
// with varints and length-prefixed strings; decoding never trusts its input
// and reports false on anything malformed (the caller turns that into
// Status::Corruption).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "store/store.h"

namespace govkg::internal {

// Column family names; their order is the order of Impl::cf_.
enum Cf : int { kCfMeta = 0, kCfDict, kCfEntity, kCfCount, kCfSpo, kCfPos, kCfOsp, kCfProv, kCfMention, kCfDoc, kCfCount_ };
inline constexpr const char* kCfNames[] = {"default", "dict", "entity", "count", "spo",
                                           "pos",     "osp",  "prov",   "mention", "doc"};

inline constexpr std::string_view kFormatKey = "format";
inline constexpr std::string_view kFormatValue = "govkg-store/2";
inline constexpr std::string_view kNextEntityKey = "next_entity_id";
inline constexpr std::string_view kNextDocKey = "next_doc_id";

// --- Primitive encoding -------------------------------------------------

void PutFixed64BE(std::string* out, uint64_t v);
uint64_t DecodeFixed64BE(const char* p);
void PutVarint(std::string* out, uint64_t v);
void PutLengthPrefixed(std::string* out, std::string_view s);
// An 8-byte little-endian signed counter: the values of the merge-counted CFs.
std::string EncodeCounter(int64_t v);
int64_t DecodeCounter(std::string_view v);  // malformed → 0

// Reads values written by the Put* functions; every Get returns false when the
// input is too short or malformed.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool GetVarint(uint64_t* v);
  bool GetVarint32(uint32_t* v);
  bool GetFixed64BE(uint64_t* v);
  bool GetLengthPrefixed(std::string* s);
  bool GetByte(uint8_t* b);
  bool empty() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// --- Dictionary ---------------------------------------------------------

// The id a new entity (of its term) or document (of "p" + path) asks for:
// a 63-bit hash, never 0, so that ids, and with them every scan order and
// every export, do not depend on the order of ingest. On the rare collision
// the writer takes the next free id.
uint64_t HashedId(std::string_view bytes);

// The identity of an entity: type byte + canonical name + 0x00 + scope (the
// stored scope of store/identity.h; a metric's names its observation).
std::string EncodeTerm(EntityType type, std::string_view name, std::string_view scope);
// Prefix shared by every term of this type and name, whatever the scope.
std::string TermNamePrefix(EntityType type, std::string_view name);
std::string DictTermKey(std::string_view term);  // 'T' + term → id
std::string DictIdKey(EntityId id);              // 'I' + id → term
inline constexpr char kDictTermTag = 'T';
inline constexpr char kDictIdTag = 'I';

// --- Entities and counters ------------------------------------------------

std::string EntityKey(EntityId id);  // id
std::string EncodeEntityValue(const EntityRecord& r);  // type, name, metric
bool DecodeEntityValue(std::string_view v, EntityRecord* r);

std::string DocCountKey(EntityId id);                       // 'c' + id → documents mentioning it
std::string AliasKey(EntityId id, std::string_view alias);  // 'a' + id + alias → documents
std::string AliasPrefix(EntityId id);
std::string NameKey(std::string_view alias, EntityId id);   // 'n' + alias + 0x00 + id → documents
std::string NamePrefix(std::string_view alias);
inline constexpr char kDocCountTag = 'c';
inline constexpr char kAliasTag = 'a';
inline constexpr char kNameTag = 'n';

// --- Triples ----------------------------------------------------------------

struct TripleKey {
  EntityId s = 0;
  Predicate p = Predicate::kConducts;
  EntityId o = 0;
  std::string title;
  friend bool operator==(const TripleKey&, const TripleKey&) = default;
  friend auto operator<=>(const TripleKey&, const TripleKey&) = default;
};
// S(8) P(1) O(8) title 0x00 — and the permutations P O S title 0x00,
// O S P title 0x00.
std::string SpoKey(const TripleKey& t);
std::string PosKey(const TripleKey& t);
std::string OspKey(const TripleKey& t);
bool DecodeSpoKey(std::string_view k, TripleKey* t);
bool DecodePosKey(std::string_view k, TripleKey* t);
bool DecodeOspKey(std::string_view k, TripleKey* t);
bool ValidPredicate(uint8_t p);

// --- Provenance and mentions ---------------------------------------------

struct Evidence {
  Span span;
  std::string quote;
};
std::string ProvKey(std::string_view spo_key, uint64_t doc_id);  // spo key + doc id
std::string EncodeEvidence(const std::vector<Evidence>& ev);
bool DecodeEvidence(std::string_view v, std::vector<Evidence>* ev);

std::string MentionKey(EntityId id, uint64_t doc_id);  // id + doc id
struct MentionValue {
  std::vector<Span> spans;
  std::vector<std::string> aliases;  // the aliases this document gave
};
std::string EncodeMention(const MentionValue& m);
bool DecodeMention(std::string_view v, MentionValue* m);

// --- Documents ------------------------------------------------------------

std::string DocPathKey(std::string_view path);  // 'p' + path → doc id
std::string DocIdKey(uint64_t doc_id);           // 'd' + doc id → DocValue
inline constexpr char kDocPathTag = 'p';
inline constexpr char kDocIdTag = 'd';
struct DocValue {
  DocumentRecord record;
  std::vector<EntityId> entities;     // sorted, unique
  std::vector<std::string> triples;   // SPO keys, sorted, unique
};
std::string EncodeDocValue(const DocValue& d);
bool DecodeDocValue(std::string_view v, DocValue* d);

}  // namespace govkg::internal
