// cli/ingest_pipeline.h: `govkg ingest`'s pipeline, the one place where the
// stages meet: files, folders, standard input or JSON Lines from `govkg
// extract --format json` → extract/ → one Store. It lives with the command
// line because it wires two stages; neither stage runs the other.
//
// Extraction runs in a pool of worker threads feeding the one writer (the
// calling thread), which stores each document in one atomic WriteBatch
// (Store::PutDocument). A file that cannot be read or extracted is reported
// through IngestOptions::on_skip and the run goes on; only a store error, or a
// bad file under BadInputPolicy::kFail, stops it. Memory stays bounded: at
// most a few documents per worker are in flight.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "model/status.h"
#include "store/hash.h"
#include "store/store.h"

namespace govkg {

// Where a run stands; passed to IngestOptions::on_progress.
struct IngestProgress {
  uint64_t files_done = 0;   // documents finished (stored, unchanged or skipped)
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;  // of all inputs (0 when reading a pipe)
  uint64_t triples = 0;      // triples stated by the documents stored so far
  uint64_t added = 0, replaced = 0, unchanged = 0, skipped = 0;
  double seconds = 0;        // since the run started
  bool sorted = false;       // the run is a sorted load (IngestOptions::load)
  bool writing_tables = false;  // extraction is done; the sorted load writes its tables
};

// How a run writes to the store.
enum class LoadMode {
  // Sorted when every input is a file or folder (not standard input) and the
  // store holds no document yet or the inputs are at least
  // kSortedLoadMinBytes: the bulk path. Batched otherwise, so that readers
  // see a pipe's documents as they come.
  kAuto,
  kSorted,   // Store::StartSortedLoad: table files written at the end
  kBatched,  // groups of WriteBatches, visible about every second
};
inline constexpr uint64_t kSortedLoadMinBytes = uint64_t{64} << 20;

struct IngestOptions {
  // Worker threads for reading and extraction; 0 = all cores.
  unsigned jobs = 0;
  // Passed to the extractor; max_document_bytes also bounds --extracted lines.
  ExtractOptions extract;
  LoadMode load = LoadMode::kAuto;
  // Memory for a sorted load's rows before it spills runs; 0 = the store's default.
  size_t sorted_memory_bytes = 0;
  // The inputs are JSON Lines written by `govkg extract --format json`
  // (one DocumentGraph per line) instead of texts.
  bool extracted = false;
  // Called by the writer thread about ten times a second, and once at the end.
  std::function<void(const IngestProgress&)> on_progress;
  // A document that was skipped, with the one-line reason.
  std::function<void(const Status&)> on_skip;
  // Warnings that did not stop a document (bad bytes replaced …).
  std::function<void(std::string_view)> on_warning;
};

// Ingests `inputs`: files, folders (recursively, in name order) and "-" for
// standard input. Returns the final progress; skipped > 0 means some inputs
// were left out (the CLI exits 3).
[[nodiscard]] Result<IngestProgress> Ingest(Store& store, const std::vector<std::string>& inputs,
                                            const IngestOptions& options);

// Prints ingest progress: on a terminal a live line (files, MB, MB/s,
// triples, ETA) redrawn in place, then a summary; elsewhere only the summary.
class ProgressPrinter {
 public:
  ProgressPrinter(std::FILE* out, bool live) : out_(out), live_(live) {}
  void Update(const IngestProgress& p);
  void Finish(const IngestProgress& p);
  // A line of its own ("govkg: " + text), above the progress line if one
  // is drawn: a terminal's control codes only where a line is live.
  void Say(std::string_view text);

 private:
  std::FILE* out_;
  bool live_;
  bool drawn_ = false;
};

}  // namespace govkg
