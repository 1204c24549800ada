// `govkg path A B`: the shortest connection between two entities.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"

namespace govkg::cli {
namespace {

struct PathArgs {
  std::string from, to;
  int max_depth = 6;
  std::vector<std::string> predicates;
  std::string format = "text";
};

Status RunPath(const PathArgs& args, CliContext* ctx) {
  PathOptions options;
  options.max_depth = args.max_depth;
  Result<std::vector<Predicate>> predicates = ParsePredicates(args.predicates);
  if (!predicates.ok()) return predicates.status();
  options.predicates = *predicates;
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<EntityId> a = ResolveName(*store, args.from);
  if (!a.ok()) return a.status();
  Result<EntityId> b = ResolveName(*store, args.to);
  if (!b.ok()) return b.status();
  Result<PathResult> path = ShortestPath(*store, *a, *b, options);
  if (!path.ok()) return path.status();
  if (args.format == "json") {
    nlohmann::json nodes = nlohmann::json::array(), hops = nlohmann::json::array();
    for (const NameCandidate& n : path->nodes) nodes.push_back(CandidateJson(n));
    for (const PathHop& h : path->hops) {
      hops.push_back({{"from", h.from}, {"to", h.to}, {"predicate", PredicateName(h.predicate)},
                      {"direction", h.forward ? "forward" : "backward"}});
    }
    std::cout << nlohmann::json{{"length", path->hops.size()}, {"nodes", nodes}, {"hops", hops}}.dump()
              << '\n';
    return Status::OK();
  }
  std::printf("%zu hop%s\n", path->hops.size(), path->hops.size() == 1 ? "" : "s");
  for (size_t i = 0; i < path->nodes.size(); ++i) {
    const NameCandidate& n = path->nodes[i];
    std::printf("%-8s %s\n", std::string(EntityTypeName(n.type)).c_str(), n.name.c_str());
    if (i < path->hops.size()) {
      const PathHop& h = path->hops[i];
      std::printf("   %s %s\n", h.forward ? "↓" : "↑", std::string(PredicateName(h.predicate)).c_str());
    }
  }
  return Status::OK();
}

}  // namespace

void AddPathCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<PathArgs>();
  CLI::App* sub = app.add_subcommand(
      "path",
      "The shortest connection between two entities, edges followed either way, with\n"
      "the predicate of each hop (↓ A→B as stated, ↑ stated the other way).\n"
      "Example: govkg path 杨义 夏季行动");
  sub->add_option("from", args->from, "First entity")->required();
  sub->add_option("to", args->to, "Second entity")->required();
  sub->add_option("--max-depth", args->max_depth, "Give up beyond this many hops")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  sub->add_option("-p,--predicate", args->predicates, "Follow only these predicates (repeatable)");
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunPath(*args, ctx); }; });
}

}  // namespace govkg::cli
