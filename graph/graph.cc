// Placeholder until the Boost.Graph view lands (issue 5).
#include "graph/graph.h"

namespace govkg {

class Graph::Impl {};
Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Graph::~Graph() = default;

Result<EntityId> ResolveName(const Store&, std::string_view name, std::optional<EntityType>) {
  return Status::NotSupported("graph: " + std::string(name), "not built yet");
}

Result<std::unique_ptr<Graph>> Graph::Build(const Store&, const GraphOptions&) {
  return Status::NotSupported("graph", "not built yet");
}

}  // namespace govkg
