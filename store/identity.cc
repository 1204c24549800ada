// store/identity.cc: see identity.h.
#include "store/identity.h"

#include <bit>
#include <cstdint>

namespace govkg {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendHex(uint64_t v, std::string* out) {
  for (int shift = 60; shift >= 0; shift -= 4) out->push_back(kHex[(v >> shift) & 0xF]);
}

// FNV-1a, 64 bits: only for metrics without a span, where it names the
// observation inside one document (a handful of candidates).
uint64_t Fnv(std::string_view bytes, uint64_t h = 1469598103934665603ULL) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// Value (−0 folded into +0), unit and period: what was observed.
std::string Figure(const Entity& e) {
  std::string facts;
  if (e.metric) {
    double v = e.metric->value;
    if (v == 0) v = 0;
    const uint64_t bits = std::bit_cast<uint64_t>(v);
    facts.append(reinterpret_cast<const char*>(&bits), sizeof bits);
    facts.append(e.metric->unit);
    facts.push_back('\0');
    facts.append(e.metric->period);
  }
  return facts;
}

// "80-88.1a2b3c4d": the first mention and 8 hex digits of the figure (two
// figures extracted from one span stay apart); without a span "h" + 16 hex
// digits of name and figure.
std::string MetricObservation(const Entity& e) {
  if (!e.mentions.empty()) {
    Span first = e.mentions.front();
    for (const Span& s : e.mentions) {
      if (s.start < first.start || (s.start == first.start && s.end < first.end)) first = s;
    }
    std::string out = std::to_string(first.start) + "-" + std::to_string(first.end) + ".";
    std::string hex;
    AppendHex(Fnv(Figure(e)), &hex);
    return out + hex.substr(8);
  }
  std::string out = "h";
  AppendHex(Fnv(Figure(e), Fnv(e.name)), &out);
  return out;
}

}  // namespace

bool PreferredName(std::string_view scope_a, std::string_view name_a, std::string_view scope_b,
                   std::string_view name_b) {
  if (name_a.size() != name_b.size()) return name_a.size() > name_b.size();
  if (name_a != name_b) return name_a < name_b;
  return scope_a < scope_b;
}

std::string DocumentKey(std::string_view content_hash) {
  std::string key = "doc-";
  key.append(content_hash.substr(0, 16));
  return key;
}

std::string IdentityScope(const Entity& e, std::string_view content_hash) {
  if (e.type == EntityType::kMetric) return DocumentKey(content_hash) + "/" + MetricObservation(e);
  if (e.scope == kDocumentScope) return DocumentKey(content_hash);
  return e.scope;
}

bool ValidScope(std::string_view scope) {
  if (scope.empty() || scope == kDocumentScope) return true;
  if (scope.size() < 2 || scope.size() > 12) return false;
  for (const char c : scope) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ValidStoredScope(EntityType type, std::string_view scope) {
  // "doc-" + the start of a content hash (hex from ContentHash; callers of
  // PutDocument may give any hash string).
  const auto is_doc = [](std::string_view s) {
    return s.size() >= 5 && s.starts_with("doc-") && s.find('/') == std::string_view::npos;
  };
  if (type == EntityType::kMetric) {
    const size_t slash = scope.find('/');
    return slash != std::string_view::npos && is_doc(scope.substr(0, slash)) && slash + 1 < scope.size();
  }
  return is_doc(scope) || (scope != kDocumentScope && ValidScope(scope));
}

std::string NodeKey(EntityType type, std::string_view scope, std::string_view name) {
  std::string key(EntityTypeName(type));
  key.push_back('/');
  if (!scope.empty()) {
    key.append(scope);
    key.push_back('/');
  }
  for (const char c : name) {
    if (c == '%') {
      key.append("%25");
    } else if (c == '/') {
      key.append("%2F");
    } else {
      key.push_back(c);
    }
  }
  return key;
}

std::optional<NodeKeyParts> ParseNodeKey(std::string_view key) {
  const size_t first = key.find('/');
  const size_t last = key.rfind('/');
  if (first == std::string_view::npos || last + 1 >= key.size()) return std::nullopt;
  const std::optional<EntityType> type = ParseEntityType(key.substr(0, first));
  if (!type) return std::nullopt;
  NodeKeyParts parts;
  parts.type = *type;
  if (last > first) parts.scope = std::string(key.substr(first + 1, last - first - 1));
  const std::string_view name = key.substr(last + 1);
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 3, "%25") == 0) {
      parts.name.push_back('%');
      i += 2;
    } else if (name.compare(i, 3, "%2F") == 0) {
      parts.name.push_back('/');
      i += 2;
    } else {
      parts.name.push_back(name[i]);
    }
  }
  return parts;
}

}  // namespace govkg
