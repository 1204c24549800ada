// `govkg suspects`: likely duplicates and likely collisions among the nodes,
// ranked, with their evidence (graph/suspects.h); settle each with
// `govkg same` or `govkg distinct`.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"
#include "graph/suspects.h"
#include "store/identity.h"

namespace govkg::cli {
namespace {

struct SuspectsArgs {
  std::string format = "text";
  size_t limit = 50;
  std::string kind = "all";
};

Status RunSuspects(const SuspectsArgs& args, CliContext* ctx) {
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  SuspectOptions options;
  options.limit = 0;
  Result<std::vector<Suspect>> found = FindSuspects(*store, options);
  if (!found.ok()) return found.status();
  std::vector<Suspect> shown;
  for (Suspect& s : *found) {
    const bool dup = s.kind == Suspect::Kind::kDuplicate;
    if ((args.kind == "duplicates" && !dup) || (args.kind == "collisions" && dup)) continue;
    if (args.limit != 0 && shown.size() >= args.limit) break;
    shown.push_back(std::move(s));
  }
  if (args.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const Suspect& s : shown) {
      nlohmann::json nodes = nlohmann::json::array();
      for (const NameCandidate& c : s.nodes) {
        nlohmann::json j = CandidateJson(c);
        j["key"] = NodeKey(c.type, c.scope, c.name);
        nodes.push_back(std::move(j));
      }
      list.push_back({{"kind", s.kind == Suspect::Kind::kDuplicate ? "duplicate" : "collision"},
                      {"score", s.score},
                      {"nodes", nodes},
                      {"evidence", s.evidence}});
    }
    std::cout << nlohmann::json({{"suspects", list}}).dump() << '\n';
    return Status::OK();
  }
  for (const Suspect& s : shown) {
    const bool dup = s.kind == Suspect::Kind::kDuplicate;
    std::printf("%.2f  %-9s %s%s%s\n", s.score, dup ? "duplicate" : "collision",
                NodeKey(s.nodes[0].type, s.nodes[0].scope, s.nodes[0].name).c_str(), dup ? "  =?  " : "",
                dup ? NodeKey(s.nodes[1].type, s.nodes[1].scope, s.nodes[1].name).c_str() : "");
    for (const std::string& e : s.evidence) std::printf("      %s\n", e.c_str());
  }
  if (shown.empty() && !ctx->quiet) std::printf("no suspects\n");
  return Status::OK();
}

}  // namespace

void AddSuspectsCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<SuspectsArgs>();
  CLI::App* sub = app.add_subcommand(
      "suspects",
      "List nodes that are likely wrong, most likely first, with the evidence:\n"
      "  duplicate  two nodes of one type and scope with alike names and shared neighbours\n"
      "             (join them: govkg same A B)\n"
      "  collision  one node without a region scope that documents about several provinces\n"
      "             mention: right for a national body (公安部); for a generic name, split the\n"
      "             forms a merge joined with govkg distinct A B\n"
      "Example: govkg suspects --kind duplicates --limit 20");
  sub->add_option("--limit", args->limit, "List at most this many (0: all); default 50");
  sub->add_option("--kind", args->kind, "all (default), duplicates or collisions")
      ->check(CLI::IsMember({"all", "duplicates", "collisions"}));
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunSuspects(*args, ctx); }; });
}

}  // namespace govkg::cli
