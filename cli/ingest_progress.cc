// cli/ingest_progress.cc: ProgressPrinter (see ingest_pipeline.h).
#include <string>

#include "cli/ingest_pipeline.h"

namespace govkg {

namespace {

constexpr double kMB = 1024.0 * 1024.0;

std::string Eta(const IngestProgress& p) {
  if (p.bytes_total == 0 || p.bytes_done == 0 || p.seconds <= 0 || p.bytes_done >= p.bytes_total) return "";
  const double left = static_cast<double>(p.bytes_total - p.bytes_done) * p.seconds / static_cast<double>(p.bytes_done);
  const auto s = static_cast<long>(left + 0.5);
  char buf[48];
  std::snprintf(buf, sizeof(buf), ", ETA %ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

void ProgressPrinter::Update(const IngestProgress& p) {
  if (!live_) return;
  if (p.writing_tables) {
    std::fprintf(out_, "\r\033[K%llu files extracted; sorting and writing the store's tables…",
                 static_cast<unsigned long long>(p.files_done));
    std::fflush(out_);
    drawn_ = true;
    return;
  }
  const double mb = static_cast<double>(p.bytes_done) / kMB;
  const double rate = p.seconds > 0 ? mb / p.seconds : 0;
  std::string total;
  if (p.bytes_total > 0) total = " / " + std::to_string(static_cast<long>(static_cast<double>(p.bytes_total) / kMB + 0.5));
  std::fprintf(out_, "\r\033[K%llu files, %.1f%s MB, %.1f MB/s, %llu triples%s",
               static_cast<unsigned long long>(p.files_done), mb, total.c_str(), rate,
               static_cast<unsigned long long>(p.triples), Eta(p).c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressPrinter::Say(std::string_view text) {
  if (drawn_) std::fprintf(out_, "\r\033[K");
  drawn_ = false;
  std::fprintf(out_, "govkg: %.*s\n", static_cast<int>(text.size()), text.data());
}

void ProgressPrinter::Finish(const IngestProgress& p) {
  if (drawn_) std::fprintf(out_, "\r\033[K");
  const double mb = static_cast<double>(p.bytes_done) / kMB;
  std::fprintf(out_,
               "ingested %llu files (%.1f MB) in %.1f s: %llu added, %llu replaced, %llu unchanged, "
               "%llu skipped; %llu triples (%.0f triples/s)\n",
               static_cast<unsigned long long>(p.files_done), mb, p.seconds,
               static_cast<unsigned long long>(p.added), static_cast<unsigned long long>(p.replaced),
               static_cast<unsigned long long>(p.unchanged), static_cast<unsigned long long>(p.skipped),
               static_cast<unsigned long long>(p.triples),
               p.seconds > 0 ? static_cast<double>(p.triples) / p.seconds : 0.0);
  std::fflush(out_);
}

}  // namespace govkg
