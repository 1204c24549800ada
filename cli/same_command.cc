// `govkg same A B` and `govkg distinct A B`: a user's decision that two
// names are one body, or two (store.h, DecisionRecord). It is kept by the
// forms' identities, survives re-ingest and wins over the merge rules.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/decision_io.h"
#include "store/identity.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct DecideArgs {
  std::string a, b;
  std::string type;
  std::string scope_a, scope_b;
  bool forget = false;
};

Status RunDecide(bool same, const DecideArgs& args, CliContext* ctx) {
  std::optional<EntityType> type;
  if (!args.type.empty()) {
    type = ParseEntityType(args.type);
    if (!type) return Status::InvalidArgument("--type", "unknown type " + args.type);
  }
  std::unique_ptr<Store> store;
  StoreOptions options;
  options.create_if_missing = false;
  GOVKG_RETURN_IF_ERROR(Store::Open(options, ctx->db, &store));
  Result<FormRef> a = ResolveForm(*store, args.a, type, args.scope_a);
  if (!a.ok()) return a.status();
  Result<FormRef> b = ResolveForm(*store, args.b, type ? type : std::optional<EntityType>(a->type), args.scope_b);
  if (!b.ok()) return b.status();
  if (args.forget) {
    GOVKG_RETURN_IF_ERROR(store->DeleteDecision(*a, *b));
    if (!ctx->quiet) std::printf("forgot the decision about %s and %s\n", a->name.c_str(), b->name.c_str());
    return Status::OK();
  }
  GOVKG_RETURN_IF_ERROR(store->PutDecision(DecisionRecord{same, *a, *b}));
  if (!ctx->quiet) {
    std::printf("%s %s and %s %s %s\n", same ? "joined" : "kept apart", NodeKey(a->type, a->scope, a->name).c_str(),
                NodeKey(b->type, b->scope, b->name).c_str(), same ? "as one node" : "as two nodes",
                "(govkg decisions export FILE shares it)");
  }
  return Status::OK();
}

void AddDecide(CLI::App& app, CliContext* ctx, Runner* run, bool same) {
  auto args = std::make_shared<DecideArgs>();
  const std::string name = same ? "same" : "distinct";
  CLI::App* sub = app.add_subcommand(
      name,
      same ? "Record that two names are one body: their nodes become one, in every command\n"
             "and export, whatever the merge rules say. Kept by the names' identities, so\n"
             "it survives re-ingest; undo with --forget.\n"
             "Example: govkg same 内蒙古公安厅 自治区公安厅 --scope-b 150000"
           : "Record that two names are two bodies: no merge rule joins their nodes again\n"
             "(govkg suspects lists likely collisions). Kept by the names' identities, so it\n"
             "survives re-ingest; undo with --forget.\n"
             "Example: govkg distinct 市公安局 江门市公安局");
  sub->add_option("A", args->a, "A name (canonical name or alias) as `govkg show` takes it")->required();
  sub->add_option("B", args->b, "The other name")->required();
  sub->add_option("--type", args->type, "Entity type of both, when a name is of several types");
  sub->add_option("--scope-a", args->scope_a,
                  "Scope of A when several forms bear its name (a region code such as 150000, doc-…, "
                  "or \"\" for none; the error lists them)");
  sub->add_option("--scope-b", args->scope_b, "Scope of B, likewise");
  sub->add_flag("--forget", args->forget, "Remove the decision about A and B instead");
  sub->callback([args, ctx, run, same] { *run = [args, ctx, same] { return RunDecide(same, *args, ctx); }; });
}

}  // namespace

void AddSameCommand(CLI::App& app, CliContext* ctx, Runner* run) { AddDecide(app, ctx, run, true); }
void AddDistinctCommand(CLI::App& app, CliContext* ctx, Runner* run) { AddDecide(app, ctx, run, false); }

}  // namespace govkg::cli
