// `govkg stats`: entities by type, triples by predicate, documents, size.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/graph_io.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

Status RunStats(const std::string& format, CliContext* ctx) {
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenReadOnlyUntilExit(StoreOptions::ForReading(), ctx->db, &store));
  Result<StoreStats> st = store->Stats();
  if (!st.ok()) return st.status();
  if (format == "json") {
    nlohmann::json types = nlohmann::json::object(), preds = nlohmann::json::object();
    for (EntityType t : kAllEntityTypes) types[std::string(EntityTypeName(t))] = st->entities_by_type[static_cast<int>(t)];
    for (Predicate p : kAllPredicates) preds[std::string(PredicateName(p))] = st->triples_by_predicate[static_cast<int>(p)];
    const nlohmann::json j = {{"entities", st->entities}, {"entities_by_type", types},
                              {"triples", st->triples},   {"triples_by_predicate", preds},
                              {"documents", st->documents}, {"size_bytes", st->size_bytes}};
    std::cout << j.dump() << '\n';
    return Status::OK();
  }
  std::printf("store      %s (%.1f MB)\n", ctx->db.c_str(), static_cast<double>(st->size_bytes) / (1024.0 * 1024.0));
  std::printf("documents  %llu\n", static_cast<unsigned long long>(st->documents));
  std::printf("entities   %llu\n", static_cast<unsigned long long>(st->entities));
  for (EntityType t : kAllEntityTypes) {
    std::printf("  %-18s %llu\n", std::string(EntityTypeName(t)).c_str(),
                static_cast<unsigned long long>(st->entities_by_type[static_cast<int>(t)]));
  }
  std::printf("triples    %llu\n", static_cast<unsigned long long>(st->triples));
  for (Predicate p : kAllPredicates) {
    std::printf("  %-18s %llu\n", std::string(PredicateName(p)).c_str(),
                static_cast<unsigned long long>(st->triples_by_predicate[static_cast<int>(p)]));
  }
  return Status::OK();
}

}  // namespace

void AddStatsCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* sub = app.add_subcommand(
      "stats",
      "Count what the store holds: entities by type, triples by predicate, documents,\n"
      "size on disk. Works while an ingest is running (shows the state at start).\n"
      "Example: govkg stats --format json");
  AddFormatOption(sub, format.get());
  sub->callback([format, ctx, run] { *run = [format, ctx] { return RunStats(*format, ctx); }; });
}

}  // namespace govkg::cli
