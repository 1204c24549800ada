// `govkg decisions [list|export FILE|import FILE]`: the users' decisions of
// `govkg same` and `govkg distinct`, listed or shared as one JSON file.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/decision_io.h"
#include "store/identity.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct DecisionsArgs {
  std::string action = "list";
  std::string file;
  std::string format = "text";
};

Status RunDecisions(const DecisionsArgs& args, CliContext* ctx) {
  const bool writes = args.action == "import";
  if (args.action != "list" && args.file.empty()) {
    return Status::InvalidArgument("decisions " + args.action, "needs a FILE");
  }
  std::unique_ptr<Store> store;
  StoreOptions options = writes ? StoreOptions() : StoreOptions::ForReading();
  options.create_if_missing = false;
  GOVKG_RETURN_IF_ERROR(Store::Open(options, ctx->db, &store));
  if (writes) {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return Status::IOError("decisions import: " + args.file, "cannot read");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json all;
    try {
      all = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
      return Status::InvalidArgument("decisions import: " + args.file, e.what());
    }
    if (!all.is_object() || !all.contains("decisions") || !all["decisions"].is_array()) {
      return Status::InvalidArgument("decisions import: " + args.file, "expected {\"decisions\": [...]}");
    }
    size_t n = 0;
    for (const nlohmann::json& j : all["decisions"]) {
      Result<DecisionRecord> d = DecisionFromJson(j);
      if (!d.ok()) return Status::InvalidArgument("decisions import: " + args.file, d.status().ToString());
      GOVKG_RETURN_IF_ERROR(store->PutDecision(*d));
      ++n;
    }
    if (!ctx->quiet) std::printf("imported %zu decisions\n", n);
    return Status::OK();
  }
  Result<std::vector<DecisionRecord>> decisions = store->Decisions();
  if (!decisions.ok()) return decisions.status();
  nlohmann::json list = nlohmann::json::array();
  for (const DecisionRecord& d : *decisions) list.push_back(DecisionJson(d));
  const nlohmann::json all = {{"format", "govkg-decisions/1"}, {"decisions", list}};
  if (args.action == "export") {
    std::ofstream out(args.file, std::ios::binary | std::ios::trunc);
    out << all.dump(2) << '\n';
    if (!out) return Status::IOError("decisions export: " + args.file, "cannot write");
    if (!ctx->quiet) std::printf("wrote %zu decisions to %s\n", decisions->size(), args.file.c_str());
    return Status::OK();
  }
  if (args.format == "json") {
    std::cout << all.dump() << '\n';
    return Status::OK();
  }
  for (const DecisionRecord& d : *decisions) {
    std::printf("%-8s %s  %s\n", d.same ? "same" : "distinct", NodeKey(d.a.type, d.a.scope, d.a.name).c_str(),
                NodeKey(d.b.type, d.b.scope, d.b.name).c_str());
  }
  return Status::OK();
}

}  // namespace

void AddDecisionsCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<DecisionsArgs>();
  CLI::App* sub = app.add_subcommand(
      "decisions",
      "List the decisions of govkg same / govkg distinct, or share them as one JSON file\n"
      "({\"decisions\": [{\"decision\": \"same\", \"type\": \"Agency\", \"a\": {\"name\", \"scope\"}, \"b\": …}]}).\n"
      "Importing adds to (and for the same two names replaces) the store's decisions.\n"
      "Examples: govkg decisions export team.json; govkg --db other.db decisions import team.json");
  sub->add_option("ACTION", args->action, "list (default), export or import")
      ->check(CLI::IsMember({"list", "export", "import"}));
  sub->add_option("FILE", args->file, "The JSON file to write (export) or read (import)");
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunDecisions(*args, ctx); }; });
}

}  // namespace govkg::cli
