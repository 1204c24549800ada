// bench/store_bench.cc: store throughput and edge-read latency.
//
//   store_bench [--triples N] [--relations-per-doc K] [--db DIR] [--keep] [--reads R] [--no-compact]
//               [--load sorted|batched] [--memory-mb M]
//     Loads synthetic DocumentGraphs (bench/synthetic_graph.h) with
//     PutDocument until N triples are stored (default 1,000,000; use
//     --triples 10000000 for the 10M figure), by sorting (the default:
//     Store::StartSortedLoad with M MB of rows in memory, default 512) or in
//     groups of WriteBatches (batched, the path before the sorted load;
//     `govkg ingest` still takes it for standard input), then reopens the store read-only
//     and times R random entities' edge reads (out- and in-edges, SPO + OSP
//     prefix scans). Prints load triples/s (PutDocument and the last commit),
//     the same with the compaction `govkg ingest` runs after a large load,
//     read latency median/p99, peak RSS.
//   store_bench --emit-jsonl DOCS
//     Writes DOCS synthetic graphs as JSON Lines (`govkg ingest --extracted`).
//   store_bench --read-store DIR [--reads R]
//     Only the edge reads, on an existing store (e.g. one `govkg ingest` built
//     from 1 GB of generated text), for entities sampled uniformly.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "bench/synthetic_graph.h"
#include "model/json_io.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU seconds (user + system) of the process so far: on a shared machine the
// wall time of a load says as much about the neighbours as about the load.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

int Fail(const govkg::Status& s) {
  std::fprintf(stderr, "store_bench: %s\n", s.ToString().c_str());
  return 1;
}

// Prints the store's size, then times out- and in-edge reads (SPO + OSP
// prefix scans) of `reads` entities drawn from `ids`.
int TimeEdgeReads(const govkg::Store& reader, const std::vector<govkg::EntityId>& ids, uint64_t reads) {
  govkg::Result<govkg::StoreStats> st = reader.Stats();
  if (!st.ok()) return Fail(st.status());
  std::printf("store: %llu entities, %llu distinct triples, %.1f MB on disk\n",
              static_cast<unsigned long long>(st->entities), static_cast<unsigned long long>(st->triples),
              static_cast<double>(st->size_bytes) / (1024.0 * 1024.0));
  std::mt19937_64 rng(42);
  std::vector<double> micros;
  uint64_t edges = 0;
  for (uint64_t r = 0; r < reads; ++r) {
    const govkg::EntityId id = ids[rng() % ids.size()];
    const Clock::time_point t0 = Clock::now();
    auto count = [&](const govkg::TripleRecord&) {
      ++edges;
      return true;
    };
    govkg::Status a = reader.ScanTriples({id, std::nullopt, std::nullopt}, count);
    govkg::Status b = reader.ScanTriples({std::nullopt, std::nullopt, id}, count);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    if (!a.ok()) return Fail(a);
    if (!b.ok()) return Fail(b);
  }
  if (micros.empty()) return 0;
  std::sort(micros.begin(), micros.end());
  std::printf("edge reads: %llu entities, %.1f edges each, median %.1f us, p99 %.1f us\n",
              static_cast<unsigned long long>(reads), static_cast<double>(edges) / static_cast<double>(reads),
              micros[micros.size() / 2], micros[micros.size() * 99 / 100]);
  return 0;
}

// Up to `n` entity ids of an existing store, sampled uniformly (reservoir).
int SampleIds(const govkg::Store& store, size_t n, std::vector<govkg::EntityId>* ids) {
  std::mt19937_64 rng(7);
  uint64_t seen = 0;
  const govkg::Status s = store.ScanEntities([&](const govkg::EntityRecord& e) {
    ++seen;
    if (ids->size() < n) {
      ids->push_back(e.id);
    } else if (const uint64_t k = rng() % seen; k < n) {
      (*ids)[k] = e.id;
    }
    return true;
  });
  if (!s.ok()) return Fail(s);
  if (ids->empty()) return Fail(govkg::Status::NotFound("store_bench", "the store holds no entity"));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t triples = 1'000'000, reads = 2000, emit = 0;
  govkg::bench::SyntheticOptions synth;
  std::string db = (std::filesystem::temp_directory_path() / "govkg-store-bench").string();
  bool keep = false, no_compact = false;
  std::string load = "sorted";
  size_t memory_mb = 0;  // the store's default
  std::string existing;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--triples") triples = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--relations-per-doc") synth.relations_per_doc = static_cast<uint32_t>(std::strtoul(next().c_str(), nullptr, 10));
    else if (a == "--reads") reads = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--db") db = next();
    else if (a == "--keep") keep = true;
    else if (a == "--no-compact") no_compact = true;
    else if (a == "--load") load = next();
    else if (a == "--memory-mb") memory_mb = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--emit-jsonl") emit = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--read-store") existing = next();
    else {
      std::fprintf(stderr, "usage: store_bench [--triples N] [--relations-per-doc K] [--db DIR] [--keep] [--reads R] [--no-compact]\n"
                           "                   [--load sorted|batched] [--memory-mb M]\n"
                           "       store_bench --emit-jsonl DOCS | --read-store DIR [--reads R]\n");
      return 2;
    }
  }
  if (!existing.empty()) {
    std::unique_ptr<govkg::Store> store;
    if (govkg::Status s = govkg::Store::Open(govkg::StoreOptions::ForReading(), existing, &store); !s.ok()) return Fail(s);
    std::vector<govkg::EntityId> ids;
    if (int rc = SampleIds(*store, 100000, &ids); rc != 0) return rc;
    return TimeEdgeReads(*store, ids, reads);
  }
  if (emit > 0) {
    for (uint64_t d = 0; d < emit; ++d) std::cout << govkg::DocumentGraphToJson(govkg::bench::SyntheticGraph(d, synth)) << '\n';
    return 0;
  }
  // Scale the pools with the corpus so that merging stays realistic.
  const uint32_t scale = static_cast<uint32_t>(std::max<uint64_t>(1, triples / 1'000'000));
  synth.agency_pool *= scale;
  synth.program_pool *= scale;
  synth.person_pool *= scale;

  std::filesystem::remove_all(db);
  uint64_t stored = 0, docs = 0;
  double put_seconds = 0, compact_seconds = 0, put_cpu = 0;
  uint64_t operations = 0;
  {
    govkg::StoreOptions options;
    options.bulk_load = true;
    std::unique_ptr<govkg::Store> store;
    if (govkg::Status s = govkg::Store::Open(options, db, &store); !s.ok()) return Fail(s);
    if (load == "sorted") {
      if (govkg::Status s = store->StartSortedLoad(memory_mb << 20); !s.ok()) return Fail(s);
    } else if (load != "batched") {
      std::fprintf(stderr, "store_bench: --load is sorted or batched\n");
      return 2;
    }
    while (stored < triples) {
      const govkg::DocumentGraph g = govkg::bench::SyntheticGraph(docs, synth);
      govkg::DocumentRecord info;
      info.path = g.doc;
      info.content_hash = std::to_string(docs);
      info.extractor = "synthetic";
      const Clock::time_point t0 = Clock::now();
      const double c0 = CpuSeconds();
      govkg::Result<govkg::PutOutcome> put = store->PutDocument(info, g);
      put_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
      put_cpu += CpuSeconds() - c0;
      if (!put.ok()) return Fail(put.status());
      stored += g.relations.size();
      ++docs;
    }
    Clock::time_point t0 = Clock::now();
    const double c0 = CpuSeconds();
    if (govkg::Status s = store->Commit(); !s.ok()) return Fail(s);
    put_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    put_cpu += CpuSeconds() - c0;
    operations = store->OperationsWritten();
    // As `govkg ingest` does after a large run: lookups then seek one sorted
    // run per family instead of every group's files.
    t0 = Clock::now();
    if (govkg::Status s = no_compact ? govkg::Status::OK() : store->Compact(); !s.ok()) return Fail(s);
    store.reset();  // includes flushing memtables on close
    compact_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  }
  std::printf("load (%s): %llu triples in %llu documents, %.2f s, %.0f triples/s, peak RSS %.0f MB\n",
              load.c_str(), static_cast<unsigned long long>(stored), static_cast<unsigned long long>(docs), put_seconds,
              static_cast<double>(stored) / put_seconds, PeakRssMb());
  // Both threads' CPU time (the sorted load merges on two): with CPU to
  // spare, the wall time of the load on this many cores.
  std::printf("load CPU: %.2f s (user + system, all threads), %.0f triples per CPU second\n", put_cpu,
              static_cast<double>(stored) / put_cpu);
  // Compare with bench/write_floor: the ops/s RocksDB takes on this machine
  // bound the triples/s of any load through its write path.
  std::printf("RocksDB operations (or table rows) written: %llu, %.2f per triple\n", static_cast<unsigned long long>(operations),
              static_cast<double>(operations) / static_cast<double>(stored));
  std::printf("load and compaction: %.2f s (compaction %.2f s), %.0f triples/s\n", put_seconds + compact_seconds,
              compact_seconds, static_cast<double>(stored) / (put_seconds + compact_seconds));

  std::unique_ptr<govkg::Store> reader;
  if (govkg::Status s = govkg::Store::Open(govkg::StoreOptions::ForReading(), db, &reader); !s.ok()) return Fail(s);
  std::vector<govkg::EntityId> agencies;
  for (uint32_t i = 0; i < synth.agency_pool && agencies.size() < 100000; i += 7) {
    govkg::Result<std::optional<govkg::EntityId>> id = reader->FindEntity(govkg::EntityType::kAgency, "机构" + std::to_string(i));
    if (id.ok() && *id) agencies.push_back(**id);
  }
  if (agencies.empty()) return Fail(govkg::Status::NotFound("store_bench", "no agencies"));
  if (int rc = TimeEdgeReads(*reader, agencies, reads); rc != 0) return rc;
  reader.reset();
  if (!keep) std::filesystem::remove_all(db);
  return 0;
}

