// `govkg query 'PATTERN'`: conjunctive triple patterns joined over the indexes.
#include <cstdio>
#include <iostream>

#include "cli/graph_io.h"
#include "graph/query.h"

namespace govkg::cli {
namespace {

struct QueryArgs {
  std::string text;
  size_t limit = 100;
  std::string format = "text";
};

nlohmann::json ValueJson(const QueryValue& v) {
  if (v.is_predicate) return PredicateName(v.predicate);
  return {{"id", v.id}, {"type", EntityTypeName(v.type)}, {"name", v.name}};
}

Status RunQueryCommand(const QueryArgs& args, CliContext* ctx) {
  Result<ParsedQuery> parsed = ParseQuery(args.text);
  if (!parsed.ok()) return parsed.status();
  std::shared_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(OpenForReading(*ctx, &store));
  QueryOptions options;
  options.limit = args.limit;
  Result<QueryResult> result = RunQuery(*store, *parsed, options);
  if (!result.ok()) return result.status();
  if (args.format == "json") {
    // Row by row: with --limit 0 the rows can run to millions.
    std::cout << "{\"variables\":" << nlohmann::json(result->variables).dump() << ",\"rows\":[";
    for (size_t k = 0; k < result->rows.size(); ++k) {
      nlohmann::json r = nlohmann::json::object();
      for (size_t i = 0; i < result->rows[k].size(); ++i) {
        r[result->variables[i]] = ValueJson(result->rows[k][i]);
      }
      std::cout << (k ? "," : "") << r.dump();
    }
    std::cout << "],\"truncated\":" << (result->truncated ? "true" : "false") << "}\n";
    return Status::OK();
  }
  for (size_t i = 0; i < result->variables.size(); ++i) {
    std::printf("%s?%s", i ? "\t" : "", result->variables[i].c_str());
  }
  std::printf("\n");
  for (const auto& row : result->rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string cell = row[i].is_predicate ? std::string(PredicateName(row[i].predicate))
                                                   : row[i].name;
      std::printf("%s%s", i ? "\t" : "", cell.c_str());
    }
    std::printf("\n");
  }
  std::printf("(%zu row%s%s)\n", result->rows.size(), result->rows.size() == 1 ? "" : "s",
              result->truncated ? ", stopped at --limit" : "");
  return Status::OK();
}

}  // namespace

void AddQueryCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* sub = app.add_subcommand(
      "query",
      "Triple patterns joined on their variables: SUBJECT PREDICATE OBJECT, separated\n"
      "by '.'. ?x is a variable; names may be quoted (\"…\", '…', “…”); predicates are\n"
      "contract names (conducts, reports …) or their labels (开展, 指标 …).\n"
      "Examples:\n"
      "  govkg query '?a conducts ?p . ?p reports ?m'\n"
      "  govkg query '公安厅 conducts ?p . ?p reports ?m' --format json\n"
      "  govkg query '?u subOrganizationOf 内蒙古自治区公安厅' --limit 0");
  sub->add_option("pattern", args->text, "The patterns")->required();
  sub->add_option("--limit", args->limit, "At most this many rows (0: all)")->capture_default_str();
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunQueryCommand(*args, ctx); }; });
}

}  // namespace govkg::cli
