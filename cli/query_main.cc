// govkg-query: the read-only subcommands (cli/programs.h says why they run
// in a program of their own). Started by the `govkg` launcher.
#include "cli/query_commands.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOVKG_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GOVKG_ASAN 1
#endif

// A query allocates about a megabyte before it answers (RocksDB's column
// families and option tables, the command line parser), and the first touch
// of each new heap page was a page fault: ~200 of the ~580 faults of
// `neighbors --depth 1` on the samples' store, each costing several
// microseconds in a VM. The heap grows once, by 1 MB, and one madvise maps
// it all. Memory is no concern for a command that lives milliseconds.
void PrefaultHeap() {
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE) && !defined(GOVKG_ASAN)
  constexpr size_t kBlock = size_t{512} << 10;
  mallopt(M_MMAP_THRESHOLD, 4 * kBlock);  // the block comes from the heap, not a mapping of its own
  mallopt(M_TRIM_THRESHOLD, 4 * kBlock);  // and freeing it keeps the heap
  mallopt(M_TOP_PAD, kBlock);             // the heap grows by the block and as much again
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t start = (reinterpret_cast<uintptr_t>(sbrk(0)) + page - 1) & ~(page - 1);
  void* block = malloc(kBlock);
  asm volatile("" : : "r"(block) : "memory");  // the compiler may not drop the malloc/free pair
  const uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_WRITE);
  free(block);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  PrefaultHeap();
  const int code = govkg::cli::RunApp(argc, argv, govkg::cli::kQueryCommandAdders);
#if defined(GOVKG_ASAN)
  return code;  // the leak check runs at exit
#else
  // A query has written all it writes once its output is flushed; what the
  // destructors of RocksDB's statics and of the open store (graph_io.h) would
  // do is free memory, a tenth of the instructions of a short query.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}
