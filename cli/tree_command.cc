// `govkg tree AGENCY`: the organisation tree through subOrganizationOf.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"

namespace govkg::cli {
namespace {

struct TreeArgs {
  std::string name;
  int depth = 16;
  std::string format = "text";
};

nlohmann::json NodeJson(const TreeNode& n) {
  nlohmann::json children = nlohmann::json::array();
  for (const TreeNode& c : n.children) children.push_back(NodeJson(c));
  return {{"id", n.id}, {"name", n.name}, {"children", children}};
}

void PrintNode(const TreeNode& n, int indent) {
  std::printf("%*s%s\n", indent, "", n.name.c_str());
  for (const TreeNode& c : n.children) PrintNode(c, indent + 2);
}

Status RunTree(const TreeArgs& args, CliContext* ctx) {
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<EntityId> id = ResolveName(*store, args.name, EntityType::kAgency);
  if (!id.ok()) return id.status();
  Result<OrgTree> tree = BuildOrgTree(*store, *id, args.depth);
  if (!tree.ok()) return tree.status();
  if (args.format == "json") {
    nlohmann::json up = nlohmann::json::array();
    for (const NameCandidate& a : tree->ancestors) up.push_back(CandidateJson(a));
    std::cout << nlohmann::json{{"ancestors", up}, {"root", NodeJson(tree->root)}}.dump() << '\n';
    return Status::OK();
  }
  // Ancestors from the top down, then the agency and its units indented.
  int indent = 0;
  for (auto it = tree->ancestors.rbegin(); it != tree->ancestors.rend(); ++it, indent += 2) {
    std::printf("%*s%s\n", indent, "", it->name.c_str());
  }
  PrintNode(tree->root, indent);
  return Status::OK();
}

}  // namespace

void AddTreeCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<TreeArgs>();
  CLI::App* sub = app.add_subcommand(
      "tree",
      "An agency's place in its organisation: the bodies above it, then its units and\n"
      "theirs, indented (through subOrganizationOf).\n"
      "Example: govkg tree 内蒙古自治区公安厅");
  sub->add_option("agency", args->name, "The agency")->required();
  sub->add_option("--depth", args->depth, "Levels to follow each way")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunTree(*args, ctx); }; });
}

}  // namespace govkg::cli
