// `govkg entities`: list what the store knows, by type and name.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"
#include "store/identity.h"

namespace govkg::cli {
namespace {

struct EntitiesArgs {
  std::string type;
  std::string name;
  size_t limit = 0;
  std::string format = "text";
};

Status RunEntities(const EntitiesArgs& args, CliContext* ctx) {
  EntityListOptions options;
  Result<std::optional<EntityType>> type = ParseOptionalType(args.type);
  if (!type.ok()) return type.status();
  options.type = *type;
  options.name_contains = args.name;
  options.limit = args.limit;
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<std::vector<EntityRecord>> list = ListEntities(*store, options);
  if (!list.ok()) return list.status();
  if (args.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const EntityRecord& e : *list) {
      nlohmann::json j = {{"id", e.id},          {"type", EntityTypeName(e.type)},
                          {"name", e.name},      {"aliases", e.aliases},
                          {"documents", e.document_count}};
      if (!e.scope.empty()) j["scope"] = e.scope;
      j["key"] = NodeKey(e.type, e.scope, e.name);
      if (e.metric) j["metric"] = MetricJson(*e.metric);
      out.push_back(std::move(j));
    }
    std::cout << out.dump() << '\n';
    return Status::OK();
  }
  for (const EntityRecord& e : *list) {
    std::printf("%-8s %s", std::string(EntityTypeName(e.type)).c_str(), e.name.c_str());
    if (e.metric) std::printf(" = %s", MetricText(*e.metric).c_str());
    // A name several regions share (公安机关) is told apart by its key,
    // which show, neighbors and the other commands take as a name.
    if (!e.metric && !e.scope.empty()) std::printf("  (%s)", NodeKey(e.type, e.scope, e.name).c_str());
    std::printf("\n");
  }
  PrintTruncated(list->size(), args.limit);
  return Status::OK();
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* sub = app.add_subcommand(
      "entities",
      "List the entities in the store, optionally of one type or with a name part.\n"
      "Examples:\n"
      "  govkg entities --type Agency\n"
      "  govkg entities --name 行动 --format json");
  sub->add_option("-t,--type", args->type, "Agency, Program, Metric, Person, Document or Place");
  sub->add_option("-n,--name", args->name, "Only names or aliases containing this text");
  sub->add_option("--limit", args->limit, "At most this many (0: all)")->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunEntities(*args, ctx); }; });
}

}  // namespace govkg::cli
