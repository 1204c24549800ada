// libFuzzer target: the JSON contract reader (input of `govkg ingest --extracted`).
// Property: any bytes either fail with a Status or parse; a parsed graph
// written back and read again gives the same JSON (round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const govkg::Result<govkg::DocumentGraph> graph = govkg::DocumentGraphFromJson(input, "fuzz");
  if (!graph.ok()) return 0;
  const std::string once = govkg::DocumentGraphToJson(*graph);
  const govkg::Result<govkg::DocumentGraph> again = govkg::DocumentGraphFromJson(once, "fuzz");
  if (!again.ok()) std::abort();
  if (govkg::DocumentGraphToJson(*again) != once) std::abort();
  return 0;
}
