// cli/ingest_pipeline.cc: the ingest pipeline (see ingest_pipeline.h).
//
//   producer thread ──WorkItem──▶ N workers ──Done──▶ writer (calling thread)
//   (lists files, reads        (read, hash, skip     (PutDocument, counts,
//    stdin / JSON lines)        unchanged, extract)    progress)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <thread>

#include "model/json_io.h"
#include "cli/ingest_pipeline.h"
#include "cli/work_queue_internal.h"

namespace govkg {

namespace {

namespace fs = std::filesystem;

// One source as listed before the run: a file, or standard input ("-").
struct Source {
  std::string path;
  Status error;  // a missing input: reported as skipped
};

struct WorkItem {
  std::string path;   // the document's path (text mode) or the input (JSON mode)
  std::string where;  // "file:line" for JSON lines
  std::string bytes;
  bool loaded = false;
  Status error;
};

struct Done {
  uint64_t size = 0;
  Status status;  // not ok: skipped, or fatal
  bool fatal = false;
  bool unchanged = false;
  DocumentRecord info;
  DocumentGraph graph;
  std::vector<std::string> warnings;
};

std::string Normal(const fs::path& p) { return p.lexically_normal().string(); }

// Expands folders (recursively, name order, hidden files left out).
std::vector<Source> ListSources(const std::vector<std::string>& inputs, uint64_t* total_bytes) {
  std::vector<Source> out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      out.push_back({"-", {}});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (fs::is_directory(st)) {
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(Normal(it->path()));
      }
      std::sort(files.begin(), files.end());
      for (std::string& f : files) out.push_back({std::move(f), {}});
    } else if (fs::exists(st)) {
      out.push_back({Normal(input), {}});
    } else {
      out.push_back({input, Status::NotFound("ingest: " + input, "no such file or folder")});
      continue;
    }
  }
  for (const Source& s : out) {
    std::error_code ec;
    if (s.error.ok() && s.path != "-") {
      const auto size = fs::file_size(s.path, ec);
      if (!ec) *total_bytes += size;
    }
  }
  return out;
}

Result<std::string> ReadAll(const std::string& path, size_t limit) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return bytes;
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return Status::IOError("ingest: " + path, ec.message());
  if (size > limit) {
    return Status::InvalidArgument("ingest: " + path, std::to_string(size >> 20) + " MB is over the limit of " +
                                                          std::to_string(limit >> 20) + " MB (--max-doc-mb)");
  }
  // One read of the known size (a file may still grow or shrink meanwhile:
  // read on to the end). Reading through istreambuf_iterator went a
  // character at a time, 5% of an ingest's CPU.
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("ingest: " + path, "cannot open");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in) {
    char more[4096];
    while (in.read(more, sizeof more) || in.gcount() > 0) {
      bytes.append(more, static_cast<size_t>(in.gcount()));
      if (bytes.size() > limit) return Status::InvalidArgument("ingest: " + path, "grew over the --max-doc-mb limit");
    }
  }
  if (in.bad()) return Status::IOError("ingest: " + path, "read failed");
  return bytes;
}

class Pipeline {
 public:
  Pipeline(Store& store, const IngestOptions& options, const Extractor* extractor, unsigned jobs)
      : store_(store), options_(options), extractor_(extractor), work_(jobs * 2), done_(jobs * 2) {}

  void Produce(const std::vector<Source>& sources);
  void Work();
  Result<IngestProgress> Write(IngestProgress progress);
  void Cancel() {
    work_.Cancel();
    done_.Cancel();
  }
  void WorkersFinished() { done_.Close(); }

 private:
  Done ProcessText(WorkItem& item);
  Done ProcessJson(WorkItem& item);
  bool Fatal(const Status& s) const {
    return !s.ok() && options_.extract.on_bad_input == BadInputPolicy::kFail;
  }

  Store& store_;
  const IngestOptions& options_;
  const Extractor* extractor_;
  internal::BoundedQueue<WorkItem> work_;
  internal::BoundedQueue<Done> done_;
};

void Pipeline::Produce(const std::vector<Source>& sources) {
  for (const Source& s : sources) {
    if (!s.error.ok() || !options_.extracted) {
      WorkItem item;
      item.path = s.path;
      item.error = s.error;
      if (!work_.Push(std::move(item))) return;
      continue;
    }
    // JSON Lines: one work item per line.
    std::ifstream file;
    if (s.path != "-") file.open(s.path, std::ios::binary);
    std::istream& in = s.path == "-" ? std::cin : file;
    if (!in) {
      WorkItem item;
      item.error = Status::IOError("ingest: " + s.path, "cannot open");
      if (!work_.Push(std::move(item))) return;
      continue;
    }
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      WorkItem item;
      item.path = s.path;
      item.where = s.path + ":" + std::to_string(n);
      item.bytes = std::move(line);
      item.loaded = true;
      if (!work_.Push(std::move(item))) return;
    }
  }
  work_.Close();
}

void Pipeline::Work() {
  WorkItem item;
  while (work_.Pop(&item)) {
    Done d;
    if (!item.error.ok()) {
      d.status = item.error;
    } else {
      d = options_.extracted ? ProcessJson(item) : ProcessText(item);
    }
    if (!done_.Push(std::move(d))) return;
  }
}

Done Pipeline::ProcessText(WorkItem& item) {
  Done d;
  Result<std::string> bytes = ReadAll(item.path, options_.extract.max_document_bytes);
  if (!bytes.ok()) {
    d.status = bytes.status();
    return d;
  }
  d.size = bytes->size();
  d.info.path = item.path;
  d.info.size = bytes->size();
  d.info.content_hash = ContentHash(*bytes);
  d.info.extractor = std::string(extractor_->Name());
  if (item.path != "-") {
    // An unchanged document needs no extraction.
    Result<std::optional<DocumentRecord>> stored = store_.GetDocument(item.path);
    if (stored.ok() && *stored && (*stored)->content_hash == d.info.content_hash) {
      d.unchanged = true;
      return d;
    }
  }
  Result<ExtractedDocument> doc = extractor_->Extract(item.path, *bytes);
  if (!doc.ok()) {
    d.status = doc.status();
    d.fatal = Fatal(d.status);
    return d;
  }
  d.graph = std::move(doc->graph);
  d.warnings = std::move(doc->warnings);
  return d;
}

Done Pipeline::ProcessJson(WorkItem& item) {
  Done d;
  d.size = item.bytes.size() + 1;
  if (item.bytes.size() > options_.extract.max_document_bytes) {
    d.status = Status::InvalidArgument("ingest: " + item.where, "line is over the --max-doc-mb limit");
    return d;
  }
  Result<DocumentGraph> graph = DocumentGraphFromJson(item.bytes, item.where);
  if (!graph.ok()) {
    d.status = graph.status();
    d.fatal = Fatal(d.status);
    return d;
  }
  if (graph->doc.empty()) {
    d.status = Status::InvalidArgument("ingest: " + item.where, "the object names no \"doc\"");
    return d;
  }
  d.info.path = graph->doc;
  d.info.size = item.bytes.size();
  d.info.content_hash = ContentHash(item.bytes);
  d.info.extractor = "json";
  d.graph = std::move(*graph);
  return d;
}

Result<IngestProgress> Pipeline::Write(IngestProgress progress) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  Clock::time_point last = start;
  auto report = [&](bool force) {
    const Clock::time_point now = Clock::now();
    progress.seconds = std::chrono::duration<double>(now - start).count();
    if (options_.on_progress && (force || now - last >= std::chrono::milliseconds(100))) {
      last = now;
      options_.on_progress(progress);
    }
  };
  using Popped = internal::BoundedQueue<Done>::Popped;
  Done d;
  for (;;) {
    const Popped popped = done_.PopFor(&d, std::chrono::milliseconds(200));
    if (popped == Popped::kDone) break;
    if (popped == Popped::kTimedOut) {
      // Nothing to write for a while (a slow pipe, a slow extraction): let
      // readers see what is staged (a sorted load is written once, at the end).
      if (!progress.sorted) GOVKG_RETURN_IF_ERROR(store_.Commit());
      report(false);
      continue;
    }
    ++progress.files_done;
    progress.bytes_done += d.size;
    if (d.fatal) return d.status;
    for (const std::string& w : d.warnings) {
      if (options_.on_warning) options_.on_warning(w);
    }
    if (d.status.ok() && d.unchanged) {
      ++progress.unchanged;
    } else if (d.status.ok()) {
      Result<PutOutcome> put = store_.PutDocument(d.info, d.graph);
      if (put.ok()) {
        ++(*put == PutOutcome::kAdded ? progress.added : *put == PutOutcome::kReplaced ? progress.replaced
                                                                                         : progress.unchanged);
        if (*put != PutOutcome::kUnchanged) progress.triples += d.graph.relations.size();
      } else if (put.status().IsInvalidArgument()) {
        d.status = put.status();
      } else {
        return put.status();  // the store itself failed: stop
      }
    }
    if (!d.status.ok()) {
      ++progress.skipped;
      if (options_.on_skip) options_.on_skip(d.status);
    }
    report(false);
  }
  if (progress.sorted) {
    progress.writing_tables = true;
    report(true);
  }
  GOVKG_RETURN_IF_ERROR(store_.Commit());
  progress.writing_tables = false;
  report(true);
  return progress;
}

// Starts a sorted load when options.load asks for one (see LoadMode).
Status ChooseLoad(Store& store, const std::vector<std::string>& inputs, const IngestOptions& options,
                  IngestProgress* progress) {
  bool sorted = options.load == LoadMode::kSorted;
  if (options.load == LoadMode::kAuto && std::find(inputs.begin(), inputs.end(), "-") == inputs.end()) {
    bool empty = true;
    GOVKG_RETURN_IF_ERROR(store.ScanDocuments([&](const DocumentRecord&) {
      empty = false;
      return false;
    }));
    sorted = empty || progress->bytes_total >= kSortedLoadMinBytes;
  }
  if (sorted && !store.SortedLoad()) GOVKG_RETURN_IF_ERROR(store.StartSortedLoad(options.sorted_memory_bytes));
  progress->sorted = store.SortedLoad();
  return Status::OK();
}

}  // namespace

Result<IngestProgress> Ingest(Store& store, const std::vector<std::string>& inputs, const IngestOptions& options) {
  std::unique_ptr<Extractor> extractor;
  if (!options.extracted) {
    Result<std::unique_ptr<Extractor>> made = NewLexiconExtractor(options.extract);
    if (!made.ok()) return made.status();
    extractor = std::move(*made);
  }
  IngestProgress progress;
  const std::vector<Source> sources = ListSources(inputs, &progress.bytes_total);
  GOVKG_RETURN_IF_ERROR(ChooseLoad(store, inputs, options, &progress));
  const unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  Pipeline pipeline(store, options, extractor.get(), jobs);
  std::thread producer([&] { pipeline.Produce(sources); });
  std::vector<std::thread> workers;
  std::atomic<unsigned> running{jobs};
  for (unsigned i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      pipeline.Work();
      if (--running == 0) pipeline.WorkersFinished();
    });
  }
  Result<IngestProgress> result = pipeline.Write(progress);
  if (!result.ok()) pipeline.Cancel();
  producer.join();
  for (std::thread& t : workers) t.join();
  return result;
}

}  // namespace govkg
