// libFuzzer target: decoding and normalisation of arbitrary bytes.
// Properties: never crashes; under kReplace every input decodes; the offset
// map of the normalised text is monotonic, starts at 0 and ends at the length
// of the decoded text; ToUtf8 of the result is valid UTF-8 that FromUtf8 reads back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "extract/text/decode_internal.h"
#include "extract/text/normalize_internal.h"

namespace {

const govkg::internal::Normalizer& TheNormalizer() {
  static const std::unique_ptr<govkg::internal::Normalizer> normalizer = [] {
    auto n = govkg::internal::Normalizer::Create();
    if (!n.ok()) std::abort();
    return std::move(n).value();
  }();
  return *normalizer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace govkg::internal;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto skipped = DecodeBytes("fuzz", bytes, govkg::BadInputPolicy::kSkip);
  const auto replaced = DecodeBytes("fuzz", bytes, govkg::BadInputPolicy::kReplace);
  if (skipped.ok() && !replaced.ok()) std::abort();
  if (!replaced.ok()) return 0;  // refused outright (binary data)
  const std::u32string& text = replaced->text;
  const std::string utf8 = ToUtf8(text);
  if (FromUtf8(utf8) != text) std::abort();

  const NormalizedText norm = TheNormalizer().Normalize(text);
  if (norm.to_original.size() != norm.text.size() + 1) std::abort();
  if (norm.to_original.back() != text.size()) std::abort();
  for (size_t i = 1; i < norm.to_original.size(); ++i) {
    if (norm.to_original[i] < norm.to_original[i - 1]) std::abort();
  }
  return 0;
}
