// `govkg show NAME`: the entity card — type, aliases, every edge grouped by
// predicate, metric values, and where each fact was read.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"
#include "store/identity.h"

namespace govkg::cli {
namespace {

struct ShowArgs {
  std::string name;
  std::string type;
  std::string format = "text";
  size_t sources = 3;  // provenance lines per edge in text
};

nlohmann::json CardJson(const EntityCard& card) {
  const EntityRecord& e = card.entity;
  nlohmann::json j = {{"id", e.id},           {"type", EntityTypeName(e.type)},
                      {"name", e.name},       {"aliases", e.aliases},
                      {"documents", card.documents}};
  if (!e.scope.empty()) j["scope"] = e.scope;
  j["key"] = NodeKey(e.type, e.scope, e.name);
  j["members"] = card.members;
  if (e.metric) j["metric"] = MetricJson(*e.metric);
  nlohmann::json edges = nlohmann::json::array();
  for (const CardEdge& edge : card.edges) {
    nlohmann::json x = {{"predicate", PredicateName(edge.predicate)},
                        {"direction", edge.outgoing ? "out" : "in"},
                        {"other", {{"id", edge.other}, {"type", EntityTypeName(edge.other_type)},
                                   {"name", edge.other_name}}},
                        {"support", edge.support}};
    if (!edge.title.empty()) x["title"] = edge.title;
    if (edge.other_metric) x["other"]["metric"] = MetricJson(*edge.other_metric);
    x["provenance"] = nlohmann::json::array();
    for (const ProvenanceRecord& p : edge.provenance) x["provenance"].push_back(ProvenanceJson(p));
    edges.push_back(std::move(x));
  }
  j["edges"] = std::move(edges);
  return j;
}

void PrintCard(const EntityCard& card, size_t sources) {
  const EntityRecord& e = card.entity;
  std::printf("%s  %s\n", std::string(EntityTypeName(e.type)).c_str(), e.name.c_str());
  std::printf("  key: %s\n", NodeKey(e.type, e.scope, e.name).c_str());
  if (card.members.size() > 1) std::printf("  joins: %zu forms across documents\n", card.members.size());
  if (!e.aliases.empty()) {
    std::printf("  aliases: ");
    for (size_t i = 0; i < e.aliases.size(); ++i) std::printf("%s%s", i ? ", " : "", e.aliases[i].c_str());
    std::printf("\n");
  }
  if (e.metric) std::printf("  value: %s\n", MetricText(*e.metric).c_str());
  std::printf("  documents: %zu\n", card.documents.size());
  std::string group;
  for (const CardEdge& edge : card.edges) {
    const std::string heading = std::string(edge.outgoing ? "" : "← ") +
                                std::string(PredicateName(edge.predicate)) + " (" +
                                std::string(PredicateLabel(edge.predicate)) + ")";
    if (heading != group) {
      std::printf("%s\n", heading.c_str());
      group = heading;
    }
    std::printf("  %-8s %s", std::string(EntityTypeName(edge.other_type)).c_str(),
                edge.other_name.c_str());
    if (edge.other_metric) std::printf(" = %s", MetricText(*edge.other_metric).c_str());
    if (!edge.title.empty()) std::printf("  title: %s", edge.title.c_str());
    std::printf("  (support %u)\n", edge.support);
    for (size_t i = 0; i < edge.provenance.size() && i < sources; ++i) {
      const ProvenanceRecord& p = edge.provenance[i];
      std::printf("      %s [%u,%u) %s\n", p.doc.c_str(), p.evidence.start, p.evidence.end,
                  p.quote.c_str());
    }
    if (edge.provenance.size() > sources) {
      std::printf("      … %zu more sources (--format json lists all)\n", edge.provenance.size() - sources);
    }
  }
}

Status RunShow(const ShowArgs& args, CliContext* ctx) {
  Result<std::optional<EntityType>> type = ParseOptionalType(args.type);
  if (!type.ok()) return type.status();
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  Result<EntityId> id = ResolveName(*store, args.name, *type);
  if (!id.ok()) return id.status();
  Result<EntityCard> card = BuildEntityCard(*store, *id);
  if (!card.ok()) return card.status();
  if (args.format == "json") {
    std::cout << CardJson(*card).dump() << '\n';
  } else {
    PrintCard(*card, args.sources);
  }
  return Status::OK();
}

}  // namespace

void AddShowCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* sub = app.add_subcommand(
      "show",
      "The card of one entity: type, aliases, every edge in and out grouped by\n"
      "predicate, metric values with unit and period, and the document and sentence\n"
      "each fact came from. NAME may be a canonical name, an alias, a traditional\n"
      "spelling, a unique part of a name, or a node key as exports print it\n"
      "(Agency/150000/公安机关: the one of region 150000 where several regions\n"
      "have a 公安机关; `govkg entities --name 公安机关` lists them). Forms of one body or campaign that\n"
      "documents of one region tie together by an alias are one card\n"
      "(夏季行动 and 夏季治安打击整治行动 when a text gives the one as alias of the other).\n"
      "Examples:\n"
      "  govkg show 治安管理总队\n"
      "  govkg show 夏季行动 --format json\n"
      "  govkg show Agency/150000/公安机关");
  sub->add_option("name", args->name, "The entity")->required();
  sub->add_option("--type", args->type, "Only entities of this type (Agency, Program …)");
  sub->add_option("--sources", args->sources, "Provenance lines per edge in text output")
      ->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunShow(*args, ctx); }; });
}

}  // namespace govkg::cli
