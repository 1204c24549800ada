// `govkg neighbors NAME`: what is connected to an entity, breadth first.
#include <cstdio>
#include <iostream>
#include <map>
#include <unordered_map>

#include "cli/graph_io.h"

namespace govkg::cli {
namespace {

struct NeighborsArgs {
  std::string name;
  int depth = 1;
  std::string direction = "both";
  std::vector<std::string> predicates;
  std::vector<std::string> types;
  size_t limit = 0;
  std::string format = "text";
};

Status RunNeighbors(const NeighborsArgs& args, CliContext* ctx) {
  NeighborOptions options;
  options.depth = args.depth;
  options.direction = *ParseDirection(args.direction);  // checked by CLI11
  options.limit = args.limit;
  Result<std::vector<Predicate>> predicates = ParsePredicates(args.predicates);
  if (!predicates.ok()) return predicates.status();
  options.predicates = *predicates;
  Result<std::vector<EntityType>> types = ParseTypes(args.types);
  if (!types.ok()) return types.status();
  options.types = *types;

  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<EntityId> root = ResolveName(*store, args.name);
  if (!root.ok()) return root.status();
  // Its name and type: the basics, not the aliases and documents of all its forms.
  Result<std::optional<EntityRecord>> root_record = store->GetEntityBasics(*root);
  if (!root_record.ok()) return root_record.status();
  Result<std::vector<NeighborHit>> hits = Neighbors(*store, *root, options);
  if (!hits.ok()) return hits.status();

  // The names of the entities the hits were reached through (a few hub
  // entities for tens of thousands of hits at depth 2).
  std::unordered_map<EntityId, std::string> names = {{*root, (*root_record)->name}};
  for (const NeighborHit& h : *hits) names.try_emplace(h.via);
  for (const NeighborHit& h : *hits) {
    if (auto it = names.find(h.id); it != names.end() && it->first != *root) it->second = h.name;
  }
  // An entity passed through but not listed (filtered by --type) still names the way.
  for (auto& [id, name] : names) {
    if (!name.empty()) continue;
    Result<std::optional<EntityRecord>> via = store->GetEntityBasics(id);
    if (!via.ok()) return via.status();
    name = via->has_value() ? (*via)->name : "";
  }
  if (args.format == "json") {
    // Written row by row (keys in nlohmann's sorted order): a depth-2 listing
    // of a hub has tens of thousands of rows.
    std::string out;
    out.reserve(160 * hits->size() + 256);
    out = "{\"neighbors\":[";
    for (const NeighborHit& h : *hits) {
      if (&h != &hits->front()) out.push_back(',');
      out.append("{\"depth\":").append(std::to_string(h.depth));
      out.append(",\"direction\":\"").append(h.outgoing ? "out" : "in");
      out.append("\",\"id\":").append(std::to_string(h.id)).append(",\"name\":");
      AppendJsonString(&out, h.name);
      out.append(",\"predicate\":\"").append(PredicateName(h.predicate));
      out.append("\",\"type\":\"").append(EntityTypeName(h.type));
      out.append("\",\"via\":{\"id\":").append(std::to_string(h.via)).append(",\"name\":");
      AppendJsonString(&out, names[h.via]);
      out.append("}}");
    }
    out += "],\"root\":{\"id\":" + std::to_string(*root) + ",\"name\":";
    AppendJsonString(&out, (*root_record)->name);
    out += ",\"type\":\"" + std::string(EntityTypeName((*root_record)->type)) + "\"}}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return Status::OK();
  }
  std::printf("%s  %s: %zu neighbor%s\n", std::string(EntityTypeName((*root_record)->type)).c_str(),
              (*root_record)->name.c_str(), hits->size(), hits->size() == 1 ? "" : "s");
  for (const NeighborHit& h : *hits) {
    const std::string arrow = h.outgoing ? "-" + std::string(PredicateName(h.predicate)) + "->"
                                         : "<-" + std::string(PredicateName(h.predicate)) + "-";
    const std::string via = h.depth > 1 ? names[h.via] + " " : "";
    std::printf("%*s%-8s %s   (%s%s)\n", 2 * h.depth, "",
                std::string(EntityTypeName(h.type)).c_str(), h.name.c_str(), via.c_str(),
                arrow.c_str());
  }
  PrintTruncated(hits->size(), args.limit);
  return Status::OK();
}

}  // namespace

void AddNeighborsCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<NeighborsArgs>();
  CLI::App* sub = app.add_subcommand(
      "neighbors",
      "Entities connected to NAME, breadth first up to --depth hops, each once at its\n"
      "shortest distance, with the edge that reached it.\n"
      "Examples:\n"
      "  govkg neighbors 内蒙古自治区公安厅\n"
      "  govkg neighbors 公安厅 --depth 2 --direction out --predicate conducts --predicate reports\n"
      "  govkg neighbors 夏季行动 --type Metric --format json");
  sub->add_option("name", args->name, "The entity to start from")->required();
  sub->add_option("-d,--depth", args->depth, "Hops to follow")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  sub->add_option("--direction", args->direction, "Follow edges out of, into, or both ways")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  sub->add_option("-p,--predicate", args->predicates, "Follow only these predicates (repeatable)");
  sub->add_option("-t,--type", args->types, "List only these entity types (repeatable)");
  sub->add_option("--limit", args->limit, "At most this many (0: all)")->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunNeighbors(*args, ctx); }; });
}

}  // namespace govkg::cli
