// `govkg components`: connected parts of the graph, largest first.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"

namespace govkg::cli {
namespace {

struct ComponentsArgs {
  size_t limit = 10;
  size_t members = 5;  // shown per component in text
  std::string format = "text";
};

Status RunComponents(const ComponentsArgs& args, CliContext* ctx) {
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<std::unique_ptr<Graph>> graph = Graph::Build(*store, GraphOptions{});
  if (!graph.ok()) return graph.status();
  const std::vector<Component> all = (*graph)->Components();
  const size_t shown = args.limit == 0 ? all.size() : std::min(all.size(), args.limit);
  if (args.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < shown; ++i) {
      nlohmann::json members = nlohmann::json::array();
      for (const size_t v : all[i].vertices) {
        if (args.members != 0 && members.size() >= args.members) break;
        const VertexInfo& info = (*graph)->vertex(v);
        members.push_back({{"id", info.id}, {"type", EntityTypeName(info.type)}, {"name", info.name}});
      }
      out.push_back({{"size", all[i].vertices.size()}, {"members", members}});
    }
    std::cout << nlohmann::json{{"components", all.size()}, {"vertices", (*graph)->num_vertices()},
                                {"edges", (*graph)->num_edges()}, {"largest", out}}
                     .dump()
              << '\n';
    return Status::OK();
  }
  std::printf("%zu components over %zu entities and %zu edges\n", all.size(),
              (*graph)->num_vertices(), (*graph)->num_edges());
  for (size_t i = 0; i < shown; ++i) {
    std::printf("%3zu. %zu entities:", i + 1, all[i].vertices.size());
    for (size_t k = 0; k < all[i].vertices.size() && k < args.members; ++k) {
      std::printf("%s %s", k ? "," : "", (*graph)->vertex(all[i].vertices[k]).name.c_str());
    }
    if (all[i].vertices.size() > args.members) std::printf(", …");
    std::printf("\n");
  }
  return Status::OK();
}

}  // namespace

void AddComponentsCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<ComponentsArgs>();
  CLI::App* sub = app.add_subcommand(
      "components",
      "Weakly connected components of the whole graph, largest first, each with its\n"
      "best-connected members.\n"
      "Example: govkg components --limit 3");
  sub->add_option("--limit", args->limit, "How many components (0: all)")->capture_default_str();
  sub->add_option("--members", args->members, "Best-connected members listed per component (0: all)")
      ->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunComponents(*args, ctx); }; });
}

}  // namespace govkg::cli
