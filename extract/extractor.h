// extract/extractor.h: turns the bytes of one press text into a DocumentGraph.
//
// Takes: raw bytes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK)
// and the document's name. Gives: the entities and relations of
// ../shared/spec/graph-model.md with code-point spans into the decoded input.
// An Extractor is immutable after creation; Extract() is const and may be
// called from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_graph.h"
#include "model/status.h"

namespace govkg {

// What to do with a document whose bytes do not decode cleanly.
enum class BadInputPolicy {
  kSkip,     // report it, extract nothing from it (default)
  kReplace,  // report it, replace each bad sequence with U+FFFD, go on
  kFail,     // report it and stop the whole run
};

struct ExtractOptions {
  // Folder of the lexicon data files. Empty: $GOVKG_LEXICON_DIR, then the
  // folder installed next to the binary, then the source tree's extract/lexicon.
  std::string lexicon_dir;
  // A user's own additions, in the same format as the lexicon files.
  std::vector<std::string> extra_lexicons;
  BadInputPolicy on_bad_input = BadInputPolicy::kSkip;
  // Documents larger than this are refused with InvalidArgument.
  size_t max_document_bytes = size_t{64} << 20;
};

// The result of one document: the graph, plus the warnings (bad bytes with
// their offsets) that did not stop extraction.
struct ExtractedDocument {
  DocumentGraph graph;
  std::vector<std::string> warnings;
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  Extractor() = default;
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Name and version, stored with every fact's provenance so that a store
  // built by a different extractor can be told apart ("lexicon/1").
  virtual std::string_view Name() const = 0;

  // Extracts one document. `doc_name` goes into DocumentGraph::doc and into
  // messages. Returns InvalidArgument naming the file and byte offset when the
  // input is refused under the options' BadInputPolicy.
  [[nodiscard]] virtual Result<ExtractedDocument> Extract(std::string_view doc_name,
                                                          std::string_view bytes) const = 0;
};

// The rule- and lexicon-driven extractor. Fails when a lexicon file is
// missing or malformed (the message names the file and line).
[[nodiscard]] Result<std::unique_ptr<Extractor>> NewLexiconExtractor(const ExtractOptions& options);

}  // namespace govkg
