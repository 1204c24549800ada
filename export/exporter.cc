// Placeholder until the exporters land (issue 6).
#include "export/exporter.h"

namespace govkg {

Status Export(const Store&, const ExportOptions&) {
  return Status::NotSupported("export", "not built yet");
}
Status RenderDiagram(const Store&, const DiagramOptions&) {
  return Status::NotSupported("diagram", "not built yet");
}

}  // namespace govkg
