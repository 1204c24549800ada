// export/exporter_internal.h: the Exporter plug point and the buffered writer
// every exporter streams through.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "export/exporter.h"
#include "export/source_internal.h"

namespace govkg::internal {

// Opens the outputs of one export. Single-file formats open "" (the file or
// stdout the user named); folder formats open plain file names inside it.
class OutputFactory {
 public:
  virtual ~OutputFactory() = default;
  [[nodiscard]] virtual Result<std::unique_ptr<OutputSink>> Open(std::string_view name) = 0;
};

// Writes into the folder `dir` (created when missing), or for single-file
// formats into `path` ("-" = stdout).
std::unique_ptr<OutputFactory> NewFileOutputFactory(std::string path, bool folder);

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual std::string_view Name() const = 0;
  // True when the output is a folder of files (neo4j, nebula, csv).
  virtual bool WritesFolder() const = 0;
  [[nodiscard]] virtual Status Write(const GraphSource& source, const ExportOptions& options,
                                     OutputFactory* outputs) const = 0;
};

std::unique_ptr<Exporter> NewExporter(ExportFormat format);
std::unique_ptr<Exporter> NewDotExporter();
std::unique_ptr<Exporter> NewJsonLdExporter();
std::unique_ptr<Exporter> NewNTriplesExporter();
std::unique_ptr<Exporter> NewTurtleExporter();
std::unique_ptr<Exporter> NewGraphMlExporter();
std::unique_ptr<Exporter> NewNeo4jExporter();
std::unique_ptr<Exporter> NewNebulaExporter();
std::unique_ptr<Exporter> NewCsvExporter();
std::unique_ptr<Exporter> NewHtmlExporter();

// Runs `format`'s exporter over `source` (the seam the tests and benchmarks use).
[[nodiscard]] Status ExportFrom(const GraphSource& source, const ExportOptions& options,
                                OutputFactory* outputs);

// Appends into a buffer and hands the sink 1 MiB at a time, so that a
// writer's memory is bounded and a sink sees few large writes. The first
// error sticks: later calls do nothing and Finish() returns it.
class BufferedWriter {
 public:
  explicit BufferedWriter(OutputSink* sink) : sink_(sink) { buffer_.reserve(kFlushAt + 4096); }
  BufferedWriter(const BufferedWriter&) = delete;
  BufferedWriter& operator=(const BufferedWriter&) = delete;

  std::string* buffer() { return &buffer_; }
  void Append(std::string_view bytes) { buffer_.append(bytes); }
  // Call after each record.
  void MaybeFlush() {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // Flushes and closes the sink.
  [[nodiscard]] Status Finish();

 private:
  static constexpr size_t kFlushAt = 1024 * 1024;
  void Flush();
  OutputSink* const sink_;
  std::string buffer_;
  Status status_;
};

// "agency", "program" …: the IRI path segment and id prefix of a type.
std::string_view TypeSlug(EntityType type);
// A readable id that is unique and stable across stores and runs: the node
// key of store/identity.h ("Agency/内蒙古自治区公安厅", "Agency/150000/公安机关").
std::string EntityKey(const EntityRecord& entity);
// The same identity as an ASCII path: type slug + "/" + scope + "/" +
// percent-encoded name ("agency/150000/%E5%85%AC…"); the scope part is left
// out when empty. What IRIs, DOT and GraphML ids are made of.
void AppendEntityPath(EntityType type, std::string_view scope, std::string_view name, std::string* out);

}  // namespace govkg::internal
