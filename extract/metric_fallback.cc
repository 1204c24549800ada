// TEMPORARY stand-in for the metric recogniser until the `metrics` branch
// lands; deleted on merge. Finds nothing.
#include "extract/metric_internal.h"

namespace govkg::internal {
namespace {
class NoMetrics final : public MetricRecognizer {
 public:
  std::vector<MetricMention> Find(std::u32string_view, const Segmentation&) const override {
    return {};
  }
};
}  // namespace

Result<std::unique_ptr<MetricRecognizer>> MetricRecognizer::Create(const MetricOptions&) {
  return std::unique_ptr<MetricRecognizer>(new NoMetrics());
}

}  // namespace govkg::internal
