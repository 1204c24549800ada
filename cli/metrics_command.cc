// `govkg metrics`: reported values with units, periods, reporters and sources;
// with --concept, one figure's series across periods or regions.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"
#include "export/exporter.h"
#include "graph/series.h"

namespace govkg::cli {
namespace {

struct MetricsArgs {
  std::string agency, program, name;
  size_t limit = 0;
  std::string format = "text";
  // Series (--concept).
  std::string concept_name, by = "period", plot, region, period;
  int year = 0;
};

nlohmann::json ObservationJson(const SeriesObservation& o) {
  nlohmann::json j = MetricJson(o.value);
  j["id"] = o.id;
  j["name"] = o.name;
  j["start"] = o.period.start;
  j["end"] = o.period.end;
  if (!o.period.compare_start.empty()) {
    j["compare_start"] = o.period.compare_start;
    j["compare_end"] = o.period.compare_end;
  }
  j["region"] = o.region;
  nlohmann::json reporters = nlohmann::json::array(), sources = nlohmann::json::array();
  for (const NameCandidate& c : o.reporters) reporters.push_back(CandidateJson(c));
  for (const ProvenanceRecord& p : o.sources) sources.push_back(ProvenanceJson(p));
  j["reporters"] = reporters;
  j["sources"] = sources;
  return j;
}

void PrintSeriesText(const Series& s) {
  std::printf("%s (%s) by %s: %zu points\n", s.concept_name.c_str(), s.unit.c_str(),
              s.by == SeriesBy::kPeriod ? "period" : "region", s.points.size());
  for (const SeriesPoint& p : s.points) {
    std::printf("  %-24s %s", p.label.c_str(),
                MetricText(MetricValue{p.value, s.unit, "", ""}).c_str());
    // Two reports name the point; --format json lists all of them.
    for (size_t i = 0; i < p.observations.size() && i < 2; ++i) {
      const SeriesObservation& o = p.observations[i];
      std::printf("%s%s%s%s", i ? "; " : "   ← ",
                  o.reporters.empty() ? "?" : o.reporters[0].name.c_str(),
                  o.value.period.empty() ? "" : (" [" + o.value.period + "]").c_str(),
                  o.sources.empty() ? "" : (" (" + o.sources[0].doc + ")").c_str());
    }
    if (p.observations.size() > 2) std::printf("; +%zu more", p.observations.size() - 2);
    std::printf("\n");
  }
  if (!s.left_out.empty()) {
    std::printf("  left out %zu (no period to place, no region, or another unit):",
                s.left_out.size());
    for (size_t i = 0; i < s.left_out.size() && i < 8; ++i) {
      std::printf(" %s=%s%s", s.left_out[i].name.c_str(), MetricText(s.left_out[i].value).c_str(),
                  i + 1 < s.left_out.size() && i < 7 ? "," : "");
    }
    std::printf("%s\n", s.left_out.size() > 8 ? " …" : "");
  }
}

Status RunSeries(const MetricsArgs& args, Store& store) {
  SeriesOptions options;
  options.concept_name = args.concept_name;
  options.by = *ParseSeriesBy(args.by);
  options.reference_year = args.year;
  options.region = args.region;
  options.period = args.period;
  if (!args.agency.empty() || !args.program.empty()) {
    Result<EntityId> r = args.agency.empty()
                             ? ResolveName(store, args.program, EntityType::kProgram)
                             : ResolveName(store, args.agency, EntityType::kAgency);
    if (!r.ok()) return r.status();
    options.reporter = *r;
  }
  Result<Series> series = BuildSeries(store, options);
  if (!series.ok()) return series.status();
  if (!args.plot.empty()) {
    Result<std::unique_ptr<OutputSink>> sink = NewFileSink(args.plot);
    if (!sink.ok()) return sink.status();
    GOVKG_RETURN_IF_ERROR((*sink)->Write(RenderSeriesSvg(*series)));
    GOVKG_RETURN_IF_ERROR((*sink)->Close());
  }
  if (args.format == "json") {
    nlohmann::json out;
    out["concept"] = series->concept_name;
    out["unit"] = series->unit;
    out["by"] = args.by;
    out["points"] = nlohmann::json::array();
    for (const SeriesPoint& p : series->points) {
      nlohmann::json obs = nlohmann::json::array();
      for (const SeriesObservation& o : p.observations) obs.push_back(ObservationJson(o));
      out["points"].push_back({{"label", p.label},
                               {"start", p.start},
                               {"end", p.end},
                               {"value", p.value},
                               {"observations", obs}});
    }
    out["left_out"] = nlohmann::json::array();
    for (const SeriesObservation& o : series->left_out)
      out["left_out"].push_back(ObservationJson(o));
    std::cout << out.dump() << '\n';
  } else {
    PrintSeriesText(*series);
  }
  if (!args.plot.empty()) std::fprintf(stderr, "metrics: wrote %s\n", args.plot.c_str());
  return Status::OK();
}

Status RunMetrics(const MetricsArgs& args, CliContext* ctx) {
  if (!args.agency.empty() && !args.program.empty()) {
    return Status::InvalidArgument("metrics", "give --agency or --program, not both");
  }
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  if (!args.concept_name.empty()) return RunSeries(args, *store);
  if (!args.plot.empty()) return Status::InvalidArgument("metrics", "--plot needs --concept");
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
      "  govkg metrics --program 夏季行动 --name 破获 --format json\n"
      "Series: --concept follows one figure across periods or regions. Names that measure\n"
      "the same thing share a concept (共破获刑事案件, 破获各类刑事案件 → 破获刑事案件) and\n"
      "periods become date ranges (2023年, 上半年, “十四五”时期, 6月22日至8月14日) by the\n"
      "rules of extract/lexicon/series_rules.txt; a point of several reports shows the largest.\n"
      "  govkg metrics --concept 破获刑事案件 --by period --plot out/series.svg\n"
      "  govkg metrics --concept 抓获犯罪嫌疑人 --by region --period 2023 --format json");
  sub->add_option("--agency", args->agency, "Figures of this agency, its programs and units");
  sub->add_option("--program", args->program, "Figures of this program and its parts");
  sub->add_option("--name", args->name, "Only figures whose name contains this text");
  sub->add_option("--limit", args->limit, "At most this many (0: all)")->capture_default_str();
  sub->add_option("--concept", args->concept_name,
                  "The series of this concept (normalised like the names)");
  sub->add_option("--by", args->by, "Series points by period or by region")
      ->check(CLI::IsMember({"period", "region"}))
      ->capture_default_str();
  sub->add_option("--plot", args->plot, "Also draw the series as an SVG chart into this file");
  sub->add_option("--year", args->year, "The year 今年 means (default: unknown, written XXXX)");
  sub->add_option("--region", args->region, "Series: only this region's reports (岚河市)");
  sub->add_option("--period", args->period,
                  "Series by region: only periods whose label contains this");
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunMetrics(*args, ctx); }; });
}

}  // namespace govkg::cli
