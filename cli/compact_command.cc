// `govkg compact`: rewrites the store's tables into one sorted run per column
// family (what `govkg ingest` does at the end of a large load).
#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

Status RunCompact(bool wait, CliContext* ctx) {
  StoreOptions options;
  options.create_if_missing = false;
  options.wait_for_lock = wait;
  std::unique_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(Store::Open(options, ctx->db, &store));
  const auto start = std::chrono::steady_clock::now();
  GOVKG_RETURN_IF_ERROR(store->Compact());
  if (!ctx->quiet) {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("compacted %s in %.1f s\n", ctx->db.c_str(), took.count());
  }
  return Status::OK();
}

}  // namespace

void AddCompactCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto wait = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand(
      "compact",
      "Rewrite the store's tables into one sorted run each, so that reads look\n"
      "into one table instead of several. `govkg ingest` does this by itself after\n"
      "a large load; run it after many small ingests or removals.\n"
      "Example: govkg --db kg.db compact");
  sub->add_flag("--wait", *wait, "Wait for another writer to finish instead of failing");
  sub->callback([wait, ctx, run] { *run = [wait, ctx] { return RunCompact(*wait, ctx); }; });
}

}  // namespace govkg::cli
