// store/keys.cc: encoders and decoders of store/keys_internal.h.
#include <bit>
#include <cmath>
#include <cstring>

#include "store/keys_internal.h"

namespace govkg::internal {

// Byte swaps, not loops: a bulk load encodes a dozen ids per triple.
void PutFixed64BE(std::string* out, uint64_t v) {
  v = __builtin_bswap64(v);
  char buf[8];
  std::memcpy(buf, &v, 8);
  out->append(buf, 8);
}

uint64_t DecodeFixed64BE(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutLengthPrefixed(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

std::string EncodeCounter(int64_t v) {
  static_assert(std::endian::native == std::endian::little, "counters are stored little-endian");
  char buf[8];
  std::memcpy(buf, &v, 8);
  return std::string(buf, 8);
}

int64_t DecodeCounter(std::string_view v) {
  if (v.size() != 8) return 0;
  int64_t u;
  std::memcpy(&u, v.data(), 8);
  return u;
}

bool Reader::GetVarint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in_.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in_.front());
    in_.remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

bool Reader::GetVarint32(uint32_t* v) {
  uint64_t w = 0;
  if (!GetVarint(&w) || w > UINT32_MAX) return false;
  *v = static_cast<uint32_t>(w);
  return true;
}

bool Reader::GetFixed64BE(uint64_t* v) {
  if (in_.size() < 8) return false;
  *v = DecodeFixed64BE(in_.data());
  in_.remove_prefix(8);
  return true;
}

bool Reader::GetLengthPrefixed(std::string* s) {
  uint64_t n = 0;
  if (!GetVarint(&n) || n > in_.size()) return false;
  s->assign(in_.substr(0, n));
  in_.remove_prefix(n);
  return true;
}

bool Reader::GetByte(uint8_t* b) {
  if (in_.empty()) return false;
  *b = static_cast<uint8_t>(in_.front());
  in_.remove_prefix(1);
  return true;
}

namespace {

std::string WithTag(char tag, std::string_view rest) {
  std::string k;
  k.reserve(1 + rest.size());
  k.push_back(tag);
  k.append(rest);
  return k;
}

std::string IdWithTag(char tag, uint64_t id) {
  std::string k(1, tag);
  PutFixed64BE(&k, id);
  return k;
}

}  // namespace

uint64_t HashedId(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a full avalanche
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  h &= 0x7FFFFFFFFFFFFFFFULL;
  return h == 0 ? 1 : h;
}

std::string EncodeTerm(EntityType type, std::string_view name, std::string_view scope) {
  std::string t = TermNamePrefix(type, name);
  t.append(scope);
  return t;
}

std::string TermNamePrefix(EntityType type, std::string_view name) {
  std::string t(1, static_cast<char>(type));
  t.append(name);
  t.push_back('\0');
  return t;
}

std::string DictTermKey(std::string_view term) { return WithTag(kDictTermTag, term); }
std::string DictIdKey(EntityId id) { return IdWithTag(kDictIdTag, id); }

std::string EntityKey(EntityId id) {
  std::string k;
  PutFixed64BE(&k, id);
  return k;
}

std::string EncodeEntityValue(const EntityRecord& r) {
  std::string v(1, static_cast<char>(r.type));
  v.push_back(r.metric ? 1 : 0);
  PutLengthPrefixed(&v, r.name);
  PutLengthPrefixed(&v, r.scope);
  if (r.metric) {
    PutFixed64BE(&v, std::bit_cast<uint64_t>(r.metric->value));
    PutLengthPrefixed(&v, r.metric->unit);
    PutLengthPrefixed(&v, r.metric->qualifier);
    PutLengthPrefixed(&v, r.metric->period);
  }
  return v;
}

bool DecodeEntityValue(std::string_view v, EntityRecord* r) {
  Reader in(v);
  uint8_t type = 0, has_metric = 0;
  if (!in.GetByte(&type) || type >= std::size(kAllEntityTypes) || !in.GetByte(&has_metric) ||
      !in.GetLengthPrefixed(&r->name) || !in.GetLengthPrefixed(&r->scope)) {
    return false;
  }
  r->type = static_cast<EntityType>(type);
  r->metric.reset();
  if (has_metric != 0) {
    MetricValue m;
    uint64_t bits = 0;
    if (!in.GetFixed64BE(&bits) || !in.GetLengthPrefixed(&m.unit) ||
        !in.GetLengthPrefixed(&m.qualifier) || !in.GetLengthPrefixed(&m.period)) {
      return false;
    }
    m.value = std::bit_cast<double>(bits);
    r->metric = std::move(m);
  }
  return in.empty();
}

std::string DocCountKey(EntityId id) { return IdWithTag(kDocCountTag, id); }
std::string AliasPrefix(EntityId id) { return IdWithTag(kAliasTag, id); }
std::string AliasKey(EntityId id, std::string_view alias) {
  std::string k = AliasPrefix(id);
  k.append(alias);
  return k;
}
std::string NamePrefix(std::string_view alias) {
  std::string k = WithTag(kNameTag, alias);
  k.push_back('\0');
  return k;
}
std::string NameKey(std::string_view alias, EntityId id) {
  std::string k = NamePrefix(alias);
  PutFixed64BE(&k, id);
  return k;
}

bool ValidPredicate(uint8_t p) { return p < std::size(kAllPredicates); }

namespace {

// `a` and `b` are the two ids in key order; the predicate byte goes first,
// between them or last.
enum class PAt { kFirst, kMiddle, kLast };
std::string TripleKeyOf(PAt at, uint64_t a, uint64_t b, Predicate p, const std::string& title) {
  std::string k(18 + title.size(), '\0');  // the last byte stays 0
  char* out = k.data();
  const auto id = [&](uint64_t v) {
    v = __builtin_bswap64(v);
    std::memcpy(out, &v, 8);
    out += 8;
  };
  if (at == PAt::kFirst) *out++ = static_cast<char>(p);
  id(a);
  if (at == PAt::kMiddle) *out++ = static_cast<char>(p);
  id(b);
  if (at == PAt::kLast) *out++ = static_cast<char>(p);
  if (!title.empty()) std::memcpy(out, title.data(), title.size());
  return k;
}

bool TitleOf(std::string_view k, std::string* title) {
  if (k.size() < 18 || k.back() != '\0') return false;
  title->assign(k.substr(17, k.size() - 18));
  return title->find('\0') == std::string::npos;
}

}  // namespace

std::string SpoKey(const TripleKey& t) { return TripleKeyOf(PAt::kMiddle, t.s, t.o, t.p, t.title); }
std::string PosKey(const TripleKey& t) { return TripleKeyOf(PAt::kFirst, t.o, t.s, t.p, t.title); }
std::string OspKey(const TripleKey& t) { return TripleKeyOf(PAt::kLast, t.o, t.s, t.p, t.title); }

bool DecodeSpoKey(std::string_view k, TripleKey* t) {
  if (!TitleOf(k, &t->title) || !ValidPredicate(static_cast<uint8_t>(k[8]))) return false;
  t->s = DecodeFixed64BE(k.data());
  t->p = static_cast<Predicate>(k[8]);
  t->o = DecodeFixed64BE(k.data() + 9);
  return true;
}

bool DecodePosKey(std::string_view k, TripleKey* t) {
  if (!TitleOf(k, &t->title) || !ValidPredicate(static_cast<uint8_t>(k[0]))) return false;
  t->p = static_cast<Predicate>(k[0]);
  t->o = DecodeFixed64BE(k.data() + 1);
  t->s = DecodeFixed64BE(k.data() + 9);
  return true;
}

bool DecodeOspKey(std::string_view k, TripleKey* t) {
  if (!TitleOf(k, &t->title) || !ValidPredicate(static_cast<uint8_t>(k[16]))) return false;
  t->o = DecodeFixed64BE(k.data());
  t->s = DecodeFixed64BE(k.data() + 8);
  t->p = static_cast<Predicate>(k[16]);
  return true;
}

std::string ProvKey(std::string_view spo_key, uint64_t doc_id) {
  std::string k;
  k.reserve(spo_key.size() + 8);
  k.append(spo_key);
  PutFixed64BE(&k, doc_id);
  return k;
}

std::string EncodeEvidence(const std::vector<Evidence>& ev) {
  std::string v;
  PutVarint(&v, ev.size());
  for (const Evidence& e : ev) {
    PutVarint(&v, e.span.start);
    PutVarint(&v, e.span.end);
    PutLengthPrefixed(&v, e.quote);
  }
  return v;
}

bool DecodeEvidence(std::string_view v, std::vector<Evidence>* ev) {
  Reader in(v);
  uint64_t n = 0;
  if (!in.GetVarint(&n) || n > v.size()) return false;
  ev->assign(n, Evidence{});
  for (Evidence& e : *ev) {
    if (!in.GetVarint32(&e.span.start) || !in.GetVarint32(&e.span.end) ||
        !in.GetLengthPrefixed(&e.quote)) {
      return false;
    }
  }
  return in.empty();
}

std::string MentionKey(EntityId id, uint64_t doc_id) {
  std::string k;
  k.reserve(16);
  PutFixed64BE(&k, id);
  PutFixed64BE(&k, doc_id);
  return k;
}

std::string EncodeMention(const MentionValue& m) {
  std::string v;
  PutVarint(&v, m.spans.size());
  for (const Span& s : m.spans) {
    PutVarint(&v, s.start);
    PutVarint(&v, s.end);
  }
  PutVarint(&v, m.aliases.size());
  for (const std::string& a : m.aliases) PutLengthPrefixed(&v, a);
  return v;
}

bool DecodeMention(std::string_view v, MentionValue* m) {
  Reader in(v);
  uint64_t n = 0;
  if (!in.GetVarint(&n) || n > v.size()) return false;
  m->spans.assign(n, Span{});
  for (Span& s : m->spans) {
    if (!in.GetVarint32(&s.start) || !in.GetVarint32(&s.end)) return false;
  }
  if (!in.GetVarint(&n) || n > v.size()) return false;
  m->aliases.assign(n, std::string());
  for (std::string& a : m->aliases) {
    if (!in.GetLengthPrefixed(&a)) return false;
  }
  return in.empty();
}

std::string DocPathKey(std::string_view path) { return WithTag(kDocPathTag, path); }
std::string DocIdKey(uint64_t doc_id) { return IdWithTag(kDocIdTag, doc_id); }

std::string EncodeDocValue(const DocValue& d) {
  std::string v;
  const DocumentRecord& r = d.record;
  PutLengthPrefixed(&v, r.path);
  PutLengthPrefixed(&v, r.content_hash);
  PutVarint(&v, r.size);
  PutVarint(&v, static_cast<uint64_t>(r.ingest_time));
  PutLengthPrefixed(&v, r.extractor);
  PutVarint(&v, d.entities.size());
  for (EntityId id : d.entities) PutFixed64BE(&v, id);
  PutVarint(&v, d.triples.size());
  for (const std::string& t : d.triples) PutLengthPrefixed(&v, t);
  return v;
}

bool DecodeDocValue(std::string_view v, DocValue* d) {
  Reader in(v);
  DocumentRecord& r = d->record;
  uint64_t time = 0, n = 0;
  if (!in.GetLengthPrefixed(&r.path) || !in.GetLengthPrefixed(&r.content_hash) ||
      !in.GetVarint(&r.size) || !in.GetVarint(&time) || !in.GetLengthPrefixed(&r.extractor) ||
      !in.GetVarint(&n) || n > v.size()) {
    return false;
  }
  r.ingest_time = static_cast<int64_t>(time);
  d->entities.assign(n, 0);
  for (EntityId& id : d->entities) {
    if (!in.GetFixed64BE(&id)) return false;
  }
  if (!in.GetVarint(&n) || n > v.size()) return false;
  d->triples.assign(n, std::string());
  for (std::string& t : d->triples) {
    if (!in.GetLengthPrefixed(&t)) return false;
  }
  r.entity_count = static_cast<uint32_t>(d->entities.size());
  r.triple_count = static_cast<uint32_t>(d->triples.size());
  return in.empty();
}

}  // namespace govkg::internal
