// cli/decision_io.cc: see decision_io.h.
#include "cli/decision_io.h"

#include "graph/graph.h"

namespace govkg::cli {

Result<FormRef> ResolveForm(const Store& store, std::string_view name, std::optional<EntityType> type,
                            const std::string& scope) {
  Result<std::vector<EntityRecord>> forms = store.FindForms(name);
  if (!forms.ok()) return forms.status();
  std::vector<EntityRecord> fit;
  for (EntityRecord& f : *forms) {
    if (type && f.type != *type) continue;
    if (!scope.empty() && f.scope != (scope == "-" ? std::string() : scope)) continue;
    fit.push_back(std::move(f));
  }
  if (fit.empty() && scope.empty()) {
    Result<EntityId> node = ResolveName(store, name, type);
    if (!node.ok()) return node.status();
    Result<std::optional<EntityRecord>> rec = store.GetEntity(*node);
    if (!rec.ok()) return rec.status();
    if (!rec->has_value()) return Status::NotFound("\"" + std::string(name) + "\"", "no entity of that name");
    return FormRef{(*rec)->type, (*rec)->name, (*rec)->scope};
  }
  const std::string quoted = "\"" + std::string(name) + "\"";
  if (fit.empty()) return Status::NotFound(quoted, "no stored form of that name and scope");
  if (fit.size() > 1) {
    std::string detail = "ambiguous, " + std::to_string(fit.size()) + " stored forms:";
    for (size_t i = 0; i < fit.size(); ++i) {
      detail += (i ? "; " : " ") + std::string(EntityTypeName(fit[i].type)) + " " + fit[i].name + " (" +
                (fit[i].scope.empty() ? std::string("no scope") : "scope " + fit[i].scope) + ", " +
                std::to_string(fit[i].document_count) + " documents)";
    }
    detail += " (give --type, or --scope-a/--scope-b with the scope, - for none)";
    return Status::InvalidArgument(quoted, detail);
  }
  return FormRef{fit[0].type, fit[0].name, fit[0].scope};
}

nlohmann::json DecisionJson(const DecisionRecord& d) {
  return {{"decision", d.same ? "same" : "distinct"},
          {"type", EntityTypeName(d.a.type)},
          {"a", {{"name", d.a.name}, {"scope", d.a.scope}}},
          {"b", {{"name", d.b.name}, {"scope", d.b.scope}}}};
}

Result<DecisionRecord> DecisionFromJson(const nlohmann::json& j) {
  try {
    DecisionRecord d;
    const std::string decision = j.at("decision").get<std::string>();
    if (decision != "same" && decision != "distinct") {
      return Status::InvalidArgument("decision", "\"decision\" must be \"same\" or \"distinct\"");
    }
    d.same = decision == "same";
    const std::optional<EntityType> type = ParseEntityType(j.at("type").get<std::string>());
    if (!type) return Status::InvalidArgument("decision", "unknown type " + j.at("type").dump());
    d.a = FormRef{*type, j.at("a").at("name").get<std::string>(), j.at("a").value("scope", "")};
    d.b = FormRef{*type, j.at("b").at("name").get<std::string>(), j.at("b").value("scope", "")};
    return d;
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument("decision", e.what());
  }
}

}  // namespace govkg::cli
