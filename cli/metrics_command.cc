// `govkg metrics`: reported values with units, periods, reporters and sources.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"

namespace govkg::cli {
namespace {

struct MetricsArgs {
  std::string agency, program, name;
  size_t limit = 0;
  std::string format = "text";
};

Status RunMetrics(const MetricsArgs& args, CliContext* ctx) {
  if (!args.agency.empty() && !args.program.empty()) {
    return Status::InvalidArgument("metrics", "give --agency or --program, not both");
  }
  std::unique_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  MetricOptions options;
  options.name_contains = args.name;
  options.limit = args.limit;
  if (!args.agency.empty()) {
    Result<EntityId> a = ResolveName(*store, args.agency, EntityType::kAgency);
    if (!a.ok()) return a.status();
    options.agency = *a;
  }
  if (!args.program.empty()) {
    Result<EntityId> p = ResolveName(*store, args.program, EntityType::kProgram);
    if (!p.ok()) return p.status();
    options.program = *p;
  }
  Result<std::vector<MetricRow>> rows = ListMetrics(*store, options);
  if (!rows.ok()) return rows.status();
  if (args.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const MetricRow& r : *rows) {
      nlohmann::json reporters = nlohmann::json::array(), sources = nlohmann::json::array();
      for (const NameCandidate& c : r.reporters) reporters.push_back(CandidateJson(c));
      for (const ProvenanceRecord& p : r.sources) sources.push_back(ProvenanceJson(p));
      nlohmann::json j = MetricJson(r.value);
      j["id"] = r.id;
      j["name"] = r.name;
      j["reporters"] = reporters;
      j["sources"] = sources;
      out.push_back(std::move(j));
    }
    std::cout << out.dump() << '\n';
    return Status::OK();
  }
  for (const MetricRow& r : *rows) {
    std::printf("%s = %s", r.name.c_str(), MetricText(r.value).c_str());
    for (size_t i = 0; i < r.reporters.size(); ++i) {
      std::printf("%s%s", i ? ", " : "   ← ", r.reporters[i].name.c_str());
    }
    if (!r.sources.empty()) std::printf("   (%s)", r.sources.front().doc.c_str());
    std::printf("\n");
  }
  PrintTruncated(rows->size(), args.limit);
  return Status::OK();
}

}  // namespace

void AddMetricsCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<MetricsArgs>();
  CLI::App* sub = app.add_subcommand(
      "metrics",
      "Reported figures: value, unit, qualifier and period, who reports them and the\n"
      "document they come from. --agency includes its programs' and units' figures.\n"
      "Examples:\n"
      "  govkg metrics --agency 公安厅\n"
      "  govkg metrics --program 夏季行动 --name 破获 --format json");
  sub->add_option("--agency", args->agency, "Figures of this agency, its programs and units");
  sub->add_option("--program", args->program, "Figures of this program and its parts");
  sub->add_option("--name", args->name, "Only figures whose name contains this text");
  sub->add_option("--limit", args->limit, "At most this many (0: all)")->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunMetrics(*args, ctx); }; });
}

}  // namespace govkg::cli
