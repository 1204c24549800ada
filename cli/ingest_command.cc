// `govkg ingest PATH...`: extracts texts (or loads extracted JSON Lines) and
// stores them. Wiring only: the pipeline is store/ingest.h.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/ingest_pipeline.h"
#include "store/store.h"

namespace govkg::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  bool extracted = false;
  unsigned jobs = 0;
  size_t max_doc_mb = 64;
  std::string on_bad_input = "skip";
  std::vector<std::string> lexicons;
  std::string lexicon_dir;
  bool wait = false;
  bool sync = false;
  bool no_compact = false;
  std::string load = "auto";
  size_t memory_mb = 512;
  std::string format = "text";
};

// A run that stored at least this many triples, and at least a quarter of
// what the store now holds, compacts the store at the end: a bulk load leaves
// each index spread over several level-0 tables, and queries look into all of
// them until RocksDB gets round to merging them. A small run into a big store
// does not pay for rewriting it (RocksDB merges its tables in the background).
constexpr uint64_t kCompactAfterTriples = 50'000;

bool WorthCompacting(const Store& store, uint64_t run_triples) {
  return run_triples >= kCompactAfterTriples && run_triples * 4 >= store.ApproximateTriples();
}

Status RunIngest(const IngestArgs& args, CliContext* ctx) {
  StoreOptions store_options;
  store_options.bulk_load = true;
  store_options.sync = args.sync;
  store_options.wait_for_lock = args.wait;
  std::unique_ptr<Store> store;
  GOVKG_RETURN_IF_ERROR(Store::Open(store_options, ctx->db, &store));

  IngestOptions options;
  options.jobs = args.jobs;
  options.extracted = args.extracted;
  options.load = args.load == "sorted" ? LoadMode::kSorted : args.load == "batched" ? LoadMode::kBatched : LoadMode::kAuto;
  options.sorted_memory_bytes = args.memory_mb << 20;
  options.extract.lexicon_dir = args.lexicon_dir;
  options.extract.extra_lexicons = args.lexicons;
  options.extract.max_document_bytes = args.max_doc_mb << 20;
  options.extract.on_bad_input = args.on_bad_input == "fail"      ? BadInputPolicy::kFail
                                 : args.on_bad_input == "replace" ? BadInputPolicy::kReplace
                                                                  : BadInputPolicy::kSkip;
  ProgressPrinter printer(stderr, !ctx->quiet && ::isatty(STDERR_FILENO) != 0);
  options.on_progress = [&printer](const IngestProgress& p) { printer.Update(p); };
  options.on_skip = [&printer](const Status& s) { printer.Say("skipped " + s.message()); };
  options.on_warning = [ctx, &printer](std::string_view w) {
    if (!ctx->quiet) printer.Say(w);
  };

  Result<IngestProgress> result = Ingest(*store, args.paths, options);
  if (!result.ok()) return result.status();
  const IngestProgress& p = *result;
  if (p.skipped > 0) ctx->partial = true;
  double compact_seconds = 0;
  if (!args.no_compact && WorthCompacting(*store, p.triples)) {
    if (!ctx->quiet && ::isatty(STDERR_FILENO) != 0) std::fprintf(stderr, "\r\033[Kgovkg: compacting the store…");
    const auto start = std::chrono::steady_clock::now();
    GOVKG_RETURN_IF_ERROR(store->Compact());
    compact_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!ctx->quiet && ::isatty(STDERR_FILENO) != 0) std::fprintf(stderr, "\r\033[K");
  }
  if (args.format == "json") {
    nlohmann::json j = {{"files", p.files_done}, {"bytes", p.bytes_done}, {"added", p.added},
                        {"replaced", p.replaced}, {"unchanged", p.unchanged}, {"skipped", p.skipped},
                        {"triples", p.triples}, {"seconds", p.seconds},
                        {"compact_seconds", compact_seconds}, {"load", p.sorted ? "sorted" : "batched"}};
    std::cout << j.dump() << '\n';
  } else if (!ctx->quiet) {
    printer.Finish(p);
    if (compact_seconds > 0) std::fprintf(stderr, "compacted the store in %.1f s\n", compact_seconds);
  }
  return Status::OK();
}

}  // namespace

void AddIngestCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* sub = app.add_subcommand(
      "ingest",
      "Extract texts and store their graph (files, folders recursively, - for stdin).\n"
      "Unchanged documents are skipped, changed ones replaced. Exit 3 when a file was\n"
      "skipped (each is named on stderr).\n"
      "Examples:\n"
      "  govkg ingest samples/\n"
      "  govkg extract --format json a.txt b.txt > part.jsonl && govkg ingest --extracted part.jsonl");
  sub->add_option("paths", args->paths, "Files, folders, or - for standard input")->required();
  sub->add_flag("--extracted", args->extracted,
                "The inputs are JSON Lines from `govkg extract --format json` (- for stdin)");
  sub->add_option("-j,--jobs", args->jobs, "Extraction threads (default: all cores)");
  sub->add_option("--max-doc-mb", args->max_doc_mb, "Skip documents larger than this")
      ->check(CLI::Range(size_t{1}, size_t{4096}))
      ->capture_default_str();
  sub->add_option("--on-bad-input", args->on_bad_input,
                  "A file with undecodable bytes: skip it, replace the bytes, or fail the run")
      ->check(CLI::IsMember({"skip", "replace", "fail"}))
      ->capture_default_str();
  sub->add_option("--lexicon", args->lexicons, "Extra lexicon file(s) with your own entries");
  sub->add_option("--lexicon-dir", args->lexicon_dir, "Use this lexicon folder instead");
  sub->add_flag("--wait", args->wait, "Wait for another writer to finish instead of failing");
  sub->add_flag("--sync", args->sync, "fsync every document (survives power loss, slower)");
  sub->add_option("--load", args->load,
                  "How to write: sorted (sort in bounded memory, write table files at the end: the\n"
                  "bulk path, nothing visible until it is done), batched (groups of writes, visible\n"
                  "as they come), or auto: sorted for files into a new store or for 64 MB and more")
      ->check(CLI::IsMember({"auto", "sorted", "batched"}))
      ->capture_default_str();
  sub->add_option("--memory-mb", args->memory_mb, "Memory for a sorted load's rows before it spills runs to disk")
      ->check(CLI::Range(size_t{16}, size_t{65536}))
      ->capture_default_str();
  sub->add_flag("--no-compact", args->no_compact,
                "Do not compact the store after a large run (see govkg compact)");
  AddFormatOption(sub, &args->format);
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunIngest(*args, ctx); }; });
}

}  // namespace govkg::cli
