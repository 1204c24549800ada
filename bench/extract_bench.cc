// extract_bench: extraction throughput on one core.
//
// usage: extract_bench [SAMPLES_DIR] [MEGABYTES]
// Reads every *.txt of SAMPLES_DIR (default: the source tree's samples/),
// extracts them again and again on one thread until MEGABYTES (default 50)
// of input have been processed, then prints MB/s and the peak RSS. Loading
// the lexicons and OpenCC's dictionaries happens once per process and is
// timed apart from the extraction.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace {

// CPU seconds this process has used so far (user + system).
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : GOVKG_SOURCE_DIR "/samples";
  const double megabytes = argc > 2 ? std::atof(argv[2]) : 50.0;
  std::vector<std::pair<std::string, std::string>> docs;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    docs.emplace_back(entry.path().filename().string(),
                      std::string((std::istreambuf_iterator<char>(in)), {}));
  }
  if (ec || docs.empty()) {
    std::fprintf(stderr, "extract_bench: no .txt files in %s\n", dir.c_str());
    return 2;
  }
  const double load_start = CpuSeconds();
  govkg::Result<std::unique_ptr<govkg::Extractor>> extractor =
      govkg::NewLexiconExtractor(govkg::ExtractOptions{});
  const double load_seconds = CpuSeconds() - load_start;
  if (!extractor.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", extractor.status().ToString().c_str());
    return 1;
  }
  const auto target = static_cast<size_t>(megabytes * 1024 * 1024);
  size_t bytes = 0, documents = 0, entities = 0, relations = 0;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  while (bytes < target) {
    for (const auto& [name, text] : docs) {
      govkg::Result<govkg::ExtractedDocument> doc = (*extractor)->Extract(name, text);
      if (doc.ok()) {
        entities += doc->graph.entities.size();
        relations += doc->graph.relations.size();
      }
      bytes += text.size();
      ++documents;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = CpuSeconds() - cpu_start;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("extract_bench: %zu documents, %.1f MB in %.2f s wall (%.1f MB/s), %.2f s CPU "
              "(%.1f MB/s per core)\n",
              documents, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds, cpu,
              bytes / 1048576.0 / cpu);
  std::printf("extract_bench: %zu entities, %zu relations; peak RSS %.1f MB; lexicons loaded in "
              "%.2f s CPU (not counted above)\n",
              entities, relations, usage.ru_maxrss / 1024.0, load_seconds);
  return 0;
}
