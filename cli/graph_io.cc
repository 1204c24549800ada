// Shared pieces of the query commands (see graph_io.h).
#include "cli/graph_io.h"

#include <cstdio>
#include <mutex>

namespace govkg::cli {

Status OpenReadOnlyUntilExit(const StoreOptions& options, const std::string& path,
                             std::shared_ptr<Store>* store) {
  std::unique_ptr<Store> opened;
  GOVKG_RETURN_IF_ERROR(Store::Open(options, path, &opened));
  *store = std::move(opened);
  // Never destroyed: a store closed by static destructors could outlive
  // RocksDB's own statics. Memory reachable from here is not a leak.
  static auto* const kept = new std::vector<std::shared_ptr<Store>>();
  static std::mutex kept_mu;
  std::lock_guard<std::mutex> guard(kept_mu);
  kept->push_back(*store);
  return Status::OK();
}

Status OpenForReading(const CliContext& ctx, std::shared_ptr<Store>* store) {
  StoreOptions options = StoreOptions::ForReading();
  options.verify_checksums = false;  // queries; `govkg check` verifies them
  return OpenReadOnlyUntilExit(options, ctx.db, store);
}

Result<std::optional<EntityType>> ParseOptionalType(const std::string& name) {
  if (name.empty()) return std::optional<EntityType>();
  if (const auto t = ParseEntityType(name)) return std::optional<EntityType>(*t);
  std::string choices;
  for (const EntityType t : kAllEntityTypes) {
    choices += (choices.empty() ? "" : ", ") + std::string(EntityTypeName(t));
  }
  return Status::InvalidArgument("--type " + name, "unknown entity type (one of " + choices + ")");
}

Result<std::vector<EntityType>> ParseTypes(const std::vector<std::string>& names) {
  std::vector<EntityType> out;
  for (const std::string& n : names) {
    Result<std::optional<EntityType>> t = ParseOptionalType(n);
    if (!t.ok()) return t.status();
    if (t->has_value()) out.push_back(**t);
  }
  return out;
}

Result<std::vector<Predicate>> ParsePredicates(const std::vector<std::string>& names) {
  std::vector<Predicate> out;
  for (const std::string& n : names) {
    const std::optional<Predicate> p = ParsePredicate(n);
    if (!p) {
      std::string choices;
      for (const Predicate q : kAllPredicates) {
        choices += (choices.empty() ? "" : ", ") + std::string(PredicateName(q));
      }
      return Status::InvalidArgument("--predicate " + n, "unknown predicate (one of " + choices + ")");
    }
    out.push_back(*p);
  }
  return out;
}

std::string MetricText(const MetricValue& m) {
  char number[64];
  std::snprintf(number, sizeof number, "%.15g", m.value);
  std::string out = number;
  if (!m.unit.empty()) out += " " + m.unit;
  if (!m.qualifier.empty()) out += " (" + m.qualifier + ")";
  if (!m.period.empty()) out += " [" + m.period + "]";
  return out;
}

nlohmann::json MetricJson(const MetricValue& m) {
  return {{"value", m.value},
          {"unit", m.unit},
          {"qualifier", m.qualifier.empty() ? nlohmann::json() : nlohmann::json(m.qualifier)},
          {"period", m.period.empty() ? nlohmann::json() : nlohmann::json(m.period)}};
}

nlohmann::json ProvenanceJson(const ProvenanceRecord& p) {
  return {{"doc", p.doc}, {"evidence", {p.evidence.start, p.evidence.end}}, {"quote", p.quote}};
}

nlohmann::json CandidateJson(const NameCandidate& c) {
  nlohmann::json j = {{"id", c.id}, {"type", EntityTypeName(c.type)}, {"name", c.name}};
  if (!c.scope.empty()) j["scope"] = c.scope;
  return j;
}

void PrintTruncated(size_t shown, size_t limit) {
  if (limit != 0 && shown >= limit) std::printf("… (stopped at --limit %zu)\n", limit);
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs,
// surrogates or code points above U+10FFFF), or 0.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  const auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < s.size() && byte(i + k) >= lo && byte(i + k) <= hi;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// True when `s` is well-formed UTF-8 that JSON carries as it is.
bool NeedsNoEscaping(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return false;
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  // Names are nearly always plain UTF-8: copied as they are. Anything else is
  // escaped by nlohmann exactly as every other --format json output (bad
  // UTF-8 becomes U+FFFD instead of throwing).
  if (NeedsNoEscaping(s)) {
    out->push_back('"');
    out->append(s);
    out->push_back('"');
    return;
  }
  out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace govkg::cli
