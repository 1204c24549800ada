// cli/graph_io.h: what the query commands (show, neighbors, path, tree, query,
// metrics, rank, components, entities) share: opening the store for reading,
// reading --type/--predicate lists, and printing metrics and provenance the
// same way in text and in JSON.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "graph/graph.h"
#include "store/store.h"

namespace govkg::cli {

// Opens the store read-only for a query (block checksums are skipped: `govkg
// check` verifies them).
[[nodiscard]] Status OpenForReading(const CliContext& ctx, std::shared_ptr<Store>* store);
// Opens a store read-only and keeps it open until the process ends. Closing a
// read-only RocksDB frees memory and nothing else, and it was a tenth of a
// short query's instructions; govkg-query ends without running destructors.
[[nodiscard]] Status OpenReadOnlyUntilExit(const StoreOptions& options, const std::string& path,
                                           std::shared_ptr<Store>* store);

// "Agency", "agency" … ; InvalidArgument naming the bad one and the choices.
[[nodiscard]] Result<std::vector<EntityType>> ParseTypes(const std::vector<std::string>& names);
[[nodiscard]] Result<std::optional<EntityType>> ParseOptionalType(const std::string& name);
// Contract names (conducts) or Chinese labels (开展).
[[nodiscard]] Result<std::vector<Predicate>> ParsePredicates(const std::vector<std::string>& names);

// "399 起 (余) [今年以来]"
std::string MetricText(const MetricValue& m);
nlohmann::json MetricJson(const MetricValue& m);
nlohmann::json ProvenanceJson(const ProvenanceRecord& p);
nlohmann::json CandidateJson(const NameCandidate& c);

// Appends `s` as a quoted JSON string: for commands that write many rows
// without building a json object per row.
void AppendJsonString(std::string* out, std::string_view s);

// Printed after a text listing that stopped at --limit.
void PrintTruncated(size_t shown, size_t limit);

}  // namespace govkg::cli
