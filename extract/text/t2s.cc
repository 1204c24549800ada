// extract/t2s.cc: OpenCC's conversion algorithm over its dictionaries, loaded
// into code-point tries (see t2s_internal.h).
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>

#include <exception>

#include "extract/text/decode_internal.h"
#include "extract/text/t2s_internal.h"

namespace govkg::internal {
namespace {

// The leaf dictionaries of `dict` in OpenCC's lookup order (groups flattened
// one level: a group inside a group is not something t2s configs use).
Status LeafDicts(const opencc::DictPtr& dict, std::vector<opencc::DictPtr>* out) {
  if (const auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
    for (const opencc::DictPtr& d : group->GetDicts()) {
      if (std::dynamic_pointer_cast<opencc::DictGroup>(d)) {
        return Status::NotSupported("extract: OpenCC", "nested dictionary groups");
      }
      out->push_back(d);
    }
    return Status::OK();
  }
  out->push_back(dict);
  return Status::OK();
}

template <typename Dict>
void Fill(const opencc::Dict& from, Dict* to) {
  const opencc::LexiconPtr lexicon = from.GetLexicon();
  for (const auto& entry : *lexicon) to->Insert(FromUtf8(entry->Key()), FromUtf8(entry->GetDefault()));
}

}  // namespace

Result<std::unique_ptr<T2sConverter>> T2sConverter::Load(const std::string& config) {
  std::unique_ptr<T2sConverter> out(new T2sConverter());
  try {
    opencc::Config loader;
    const opencc::ConverterPtr converter = loader.NewFromFile(config);
    const auto segmentation =
        std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(converter->GetSegmentation());
    if (!segmentation) return Status::NotSupported("extract: OpenCC " + config, "segmentation is not mmseg");
    Fill(*segmentation->GetDict(), &out->segmentation_);
    for (const opencc::ConversionPtr& conversion : converter->GetConversionChain()->GetConversions()) {
      std::vector<opencc::DictPtr> leaves;
      GOVKG_RETURN_IF_ERROR(LeafDicts(conversion->GetDict(), &leaves));
      Group group(leaves.size());
      for (size_t i = 0; i < leaves.size(); ++i) Fill(*leaves[i], &group[i]);
      out->chain_.push_back(std::move(group));
    }
  } catch (const std::exception& e) {
    return Status::IOError("extract: OpenCC " + config, e.what());
  }
  return out;
}

std::u32string T2sConverter::Convert(std::u32string_view text) const {
  // Maximum-match segmentation: a dictionary phrase is one segment, and the
  // characters between phrases together form another.
  std::u32string out;
  out.reserve(text.size());
  size_t pending = 0;  // start of the run of unmatched characters
  size_t i = 0;
  while (i < text.size()) {
    const Dict::Match m = segmentation_.LongestAt(text, i);
    if (m.length == 0) {
      ++i;
      continue;
    }
    if (pending < i) ConvertSegment(text.substr(pending, i - pending), &out);
    ConvertSegment(text.substr(i, m.length), &out);
    i += m.length;
    pending = i;
  }
  if (pending < text.size()) ConvertSegment(text.substr(pending), &out);
  return out;
}

bool T2sConverter::MayChange(char32_t c) const {
  // A character that no dictionary has as a key is copied by every group.
  const std::u32string_view one(&c, 1);
  for (const Group& group : chain_) {
    for (const Dict& dict : group) {
      if (dict.Find(one) != nullptr) return true;
    }
  }
  return false;
}

void T2sConverter::ConvertSegment(std::u32string_view segment, std::u32string* out) const {
  if (chain_.empty()) {
    out->append(segment);
    return;
  }
  // Each conversion of the chain reads what the previous one wrote; the last
  // one writes to `out` (t2s has one).
  std::u32string buffers[2];
  std::u32string_view in = segment;
  for (size_t g = 0; g < chain_.size(); ++g) {
    const bool last = g + 1 == chain_.size();
    std::u32string* to = last ? out : &buffers[g % 2];
    if (!last) to->clear();
    ApplyGroup(chain_[g], in, to);
    in = *to;
  }
}

void T2sConverter::ApplyGroup(const Group& group, std::u32string_view in, std::u32string* to) {
  for (size_t i = 0; i < in.size();) {
    Dict::Match m;
    for (const Dict& dict : group) {
      m = dict.LongestAt(in, i);
      if (m.length > 0) break;
    }
    if (m.length == 0) {
      to->push_back(in[i]);
      ++i;
    } else {
      to->append(*m.payload);
      i += m.length;
    }
  }
}

}  // namespace govkg::internal
