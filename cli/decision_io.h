// cli/decision_io.h: what `govkg same`, `distinct` and `decisions` share —
// naming one stored form from a user's name, and decisions as JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/status.h"
#include "store/store.h"

namespace govkg::cli {

// The form a user means by `name`: the one stored form of that canonical
// name (of `type`, and of `scope` when not empty; "-" means no scope), else
// the node `govkg show` would resolve the name to. InvalidArgument listing
// every candidate with its scope when several remain.
[[nodiscard]] Result<FormRef> ResolveForm(const Store& store, std::string_view name,
                                          std::optional<EntityType> type, const std::string& scope);

// {"decision":"same","type":"Agency","a":{"name":…,"scope":…},"b":{…}}
nlohmann::json DecisionJson(const DecisionRecord& d);
[[nodiscard]] Result<DecisionRecord> DecisionFromJson(const nlohmann::json& j);

}  // namespace govkg::cli
