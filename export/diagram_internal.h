// export/diagram_internal.h: the diagram renderer over any GraphSource.
#pragma once

#include "export/exporter.h"
#include "export/source_internal.h"

namespace govkg::internal {

[[nodiscard]] Status RenderDiagramFrom(const GraphSource& source, const DiagramOptions& options);

// The escString form of a label for cgraph attributes: \ → \\, newline → \n,
// so the rendered text is exactly `text` (no \N, \G expansions).
std::string DiagramLabel(std::string_view text);

}  // namespace govkg::internal
