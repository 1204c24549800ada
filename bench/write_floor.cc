// bench/write_floor.cc: how many write operations RocksDB itself takes per
// second on this machine, with the store's options and nothing of ours.
//
//   write_floor [--ops N] [--batch B] [--ops-per-triple K] [--db DIR]
//     Writes N operations (default 7,000,000) in WriteBatches of B (default
//     1,000,000, about one bulk group), each batch's keys sorted as a bulk
//     group sorts them, spread over the families a load writes: counter
//     merges into count/spo/pos/osp and puts into prov/mention. Times only
//     DB::Write and the final flush, and prints ops/s and the triples/s it
//     allows at K operations per triple (store_bench prints K for a load).
//
// Why: a load cannot write triples faster than the engine takes their
// operations, whatever the code in front of it does; this is that ceiling.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "store/store_internal.h"

namespace {

using Clock = std::chrono::steady_clock;

struct FloorOptions {
  long ops = 7000000;
  long batch = 1000000;
  double ops_per_triple = 7.14;
  std::string db = "/tmp/govkg-write-floor";
};

int Usage() {
  std::fprintf(stderr, "usage: write_floor [--ops N] [--batch B] [--ops-per-triple K] [--db DIR]\n");
  return 2;
}

bool Parse(int argc, char** argv, FloorOptions* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (i + 1 >= argc) return false;
    const char* v = argv[++i];
    if (a == "--ops") {
      o->ops = std::atol(v);
    } else if (a == "--batch") {
      o->batch = std::atol(v);
    } else if (a == "--ops-per-triple") {
      o->ops_per_triple = std::atof(v);
    } else if (a == "--db") {
      o->db = v;
    } else {
      return false;
    }
  }
  return o->ops > 0 && o->batch > 0 && o->ops_per_triple > 0;
}

// One operation of a batch: its family, whether it is a counter merge, and
// its 24-byte key (three big-endian ids, like an index key).
struct Op {
  govkg::internal::Cf cf;
  bool merge;
  char key[24];
};

// A batch with the mix of a load (about 4 counter merges to 3 puts), sorted
// by family and key as BulkGroup::Commit writes them.
std::vector<Op> MakeBatch(long n, std::mt19937_64& rng) {
  using govkg::internal::Cf;
  static constexpr Cf kFamilies[] = {Cf::kCfCount, Cf::kCfSpo, Cf::kCfPos,    Cf::kCfOsp,
                                     Cf::kCfProv,  Cf::kCfProv, Cf::kCfMention};
  std::vector<Op> ops(static_cast<size_t>(n));
  for (long i = 0; i < n; ++i) {
    Op& op = ops[static_cast<size_t>(i)];
    op.cf = kFamilies[i % 7];
    op.merge = i % 7 < 4;
    for (int part = 0; part < 3; ++part) {
      const uint64_t id = rng() % 2000000;
      for (int b = 0; b < 8; ++b) op.key[part * 8 + b] = static_cast<char>((id >> (56 - 8 * b)) & 0xFF);
    }
  }
  std::sort(ops.begin(), ops.end(), [](const Op& a, const Op& b) {
    return a.cf != b.cf ? a.cf < b.cf : std::memcmp(a.key, b.key, sizeof a.key) < 0;
  });
  return ops;
}

}  // namespace

int main(int argc, char** argv) {
  FloorOptions fo;
  if (!Parse(argc, argv, &fo)) return Usage();
  std::filesystem::remove_all(fo.db);
  govkg::StoreOptions so;
  so.bulk_load = true;
  const rocksdb::Options base = govkg::internal::BaseOptions(so);
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs;
  rocksdb::DBOptions dbo(base);
  dbo.create_if_missing = true;
  dbo.create_missing_column_families = true;
  rocksdb::Status s = rocksdb::DB::Open(dbo, fo.db, govkg::internal::ColumnFamilies(base), &cfs, &raw);
  if (!s.ok()) {
    std::fprintf(stderr, "write_floor: %s: %s\n", fo.db.c_str(), s.ToString().c_str());
    return 1;
  }
  std::mt19937_64 rng(1);
  const std::string counter = govkg::internal::EncodeCounter(1);
  const std::string evidence(40, 'e');
  double write_seconds = 0;
  for (long done = 0; done < fo.ops && s.ok(); done += fo.batch) {
    const std::vector<Op> ops = MakeBatch(std::min(fo.batch, fo.ops - done), rng);
    rocksdb::WriteBatch wb;
    for (const Op& op : ops) {
      const rocksdb::Slice key(op.key, sizeof op.key);
      (op.merge ? wb.Merge(cfs[op.cf], key, counter) : wb.Put(cfs[op.cf], key, evidence)).PermitUncheckedError();
    }
    const Clock::time_point t0 = Clock::now();
    s = raw->Write(rocksdb::WriteOptions(), &wb);
    write_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  }
  const Clock::time_point t0 = Clock::now();
  if (s.ok()) s = raw->Flush(rocksdb::FlushOptions(), cfs);
  const double flush_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  for (rocksdb::ColumnFamilyHandle* h : cfs) raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  delete raw;
  std::filesystem::remove_all(fo.db);
  if (!s.ok()) {
    std::fprintf(stderr, "write_floor: write: %s\n", s.ToString().c_str());
    return 1;
  }
  const double seconds = write_seconds + flush_seconds;
  const double per_second = static_cast<double>(fo.ops) / seconds;
  std::printf("write floor: %ld operations in batches of %ld, DB::Write %.2f s + flush %.2f s, %.0f ops/s\n", fo.ops,
              fo.batch, write_seconds, flush_seconds, per_second);
  std::printf("at %.2f operations per triple: at most %.0f triples/s\n", fo.ops_per_triple,
              per_second / fo.ops_per_triple);
  return 0;
}
