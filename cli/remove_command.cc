// `govkg remove DOC...`: takes documents' contributions out of the store.
#include <cstdio>

#include "cli/command.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct RemoveArgs {
  std::vector<std::string> docs;
  bool wait = false;
};

Status RunRemove(const RemoveArgs& args, CliContext* ctx) {
  StoreOptions options;
  options.create_if_missing = false;
  options.wait_for_lock = args.wait;
  std::unique_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(Store::Open(options, ctx->db, &store));
  size_t removed = 0;
  for (const std::string& doc : args.docs) {
    const Status s = store->RemoveDocument(doc);
    if (s.IsNotFound()) {
      std::fprintf(stderr, "govkg: skipped %s\n", s.message().c_str());
      ctx->partial = true;
      continue;
    }
    GOVKG_RETURN_IF_ERROR(s);
    ++removed;
  }
  if (!ctx->quiet) std::printf("removed %zu document%s\n", removed, removed == 1 ? "" : "s");
  return Status::OK();
}

}  // namespace

void AddRemoveCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<RemoveArgs>();
  CLI::App* sub = app.add_subcommand(
      "remove",
      "Take documents out of the store, by the path they were ingested under.\n"
      "Facts that other documents also state stay (with lower support).\n"
      "Example: govkg remove samples/000_a07d5b62baa24def.txt");
  sub->add_option("docs", args->docs, "Document paths as ingested (see govkg stats)")->required();
  sub->add_flag("--wait", args->wait, "Wait for another writer to finish instead of failing");
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunRemove(*args, ctx); }; });
}

}  // namespace govkg::cli
