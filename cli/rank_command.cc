// `govkg rank`: the most central entities, by Boost.Graph's algorithms.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"

namespace govkg::cli {
namespace {

struct RankArgs {
  std::string by = "degree";
  std::vector<std::string> types;
  size_t limit = 20;
  std::string format = "text";
};

Status RunRank(const RankArgs& args, CliContext* ctx) {
  RankOptions options;
  options.by = *ParseCentrality(args.by);  // checked by CLI11
  options.limit = args.limit;
  Result<std::vector<EntityType>> types = ParseTypes(args.types);
  if (!types.ok()) return types.status();
  options.types = *types;
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<std::unique_ptr<Graph>> graph = Graph::Build(*store, GraphOptions{});
  if (!graph.ok()) return graph.status();
  const std::vector<RankedVertex> ranked = (*graph)->Rank(options);
  if (args.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const RankedVertex& r : ranked) {
      const VertexInfo& v = (*graph)->vertex(r.vertex);
      out.push_back({{"id", v.id}, {"type", EntityTypeName(v.type)}, {"name", v.name},
                     {"score", r.score}, {"degree", (*graph)->degree(r.vertex)}});
    }
    std::cout << nlohmann::json{{"by", args.by}, {"ranked", out}}.dump() << '\n';
    return Status::OK();
  }
  size_t place = 0;
  for (const RankedVertex& r : ranked) {
    const VertexInfo& v = (*graph)->vertex(r.vertex);
    std::printf("%3zu. %-10.6g %-8s %s\n", ++place, r.score,
                std::string(EntityTypeName(v.type)).c_str(), v.name.c_str());
  }
  return Status::OK();
}

}  // namespace

void AddRankCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<RankArgs>();
  CLI::App* sub = app.add_subcommand(
      "rank",
      "The most central entities of the whole graph: by degree, PageRank or\n"
      "betweenness (Boost.Graph). --type filters the listing, not the graph.\n"
      "Examples:\n"
      "  govkg rank --type Agency\n"
      "  govkg rank --by pagerank --limit 10 --format json");
  sub->add_option("--by", args->by, "Centrality measure")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}))
      ->capture_default_str();
  sub->add_option("-t,--type", args->types, "List only these entity types (repeatable)");
  sub->add_option("--limit", args->limit, "How many")->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunRank(*args, ctx); }; });
}

}  // namespace govkg::cli
