// cli/query_alloc.cc: operator new and delete of govkg-query (not of the
// other programs, nor under sanitizers: cli/CMakeLists.txt).
//
// A short query makes about 9,000 allocations, nearly all of them small and
// most of them before the first one is freed (RocksDB's column families,
// option tables and table readers). glibc's malloc serves each of those from
// the top of its heap through its slow path, and that was a quarter of the
// instructions of `neighbors --depth 1` on the samples' store. Here a small
// block comes from a free list of its size class or from a page of that
// class, found again from the block's address when it is freed. Memory is
// never given back: a query lives milliseconds, and its largest classes are
// its peak anyway. Blocks above 64 kB, over-aligned blocks, and anything
// once the reserved range is used up, go to malloc.
#include <dlfcn.h>
#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "model/huge_pages.h"

namespace {

constexpr size_t kGranule = 16;                          // alignment of every block
constexpr size_t kMaxSmall = 1024;                       // up to here, classes 16 bytes apart
constexpr size_t kSmallClasses = kMaxSmall / kGranule + 1;  // class c < 65 holds blocks of c * 16 bytes
// Blocks of 1 to 64 kB (block contents, buffers, hash tables: ~600 kB of a
// short query, which glibc's heap served from 4 kB pages of its own) come
// in four classes per power of two: 1280, 1536, 1792, 2048, 2560 … 65536.
constexpr size_t kMaxArena = size_t{64} << 10;           // larger blocks go to malloc
constexpr int kMinLargeShift = 10;                       // 2^10 = kMaxSmall
constexpr int kMaxLargeShift = 16;                       // 2^16 = kMaxArena
constexpr size_t kClasses = kSmallClasses + 4 * (kMaxLargeShift - kMinLargeShift);
constexpr size_t kPageShift = 14;                        // 16 KB pages, each of one class
constexpr size_t kPageBytes = size_t{1} << kPageShift;
constexpr size_t kReservedBytes = size_t{256} << 20;     // address space, touched as used
constexpr size_t kPages = kReservedBytes >> kPageShift;
// Mapped with the range: the first pages are faulted in with one call
// instead of one fault each (a query uses about this much).
constexpr size_t kPrefaultBytes = size_t{1} << 20;
// The range is in transparent huge pages (model/huge_pages.h): a query
// touches ~130 pages of 4 kB of the arena, and one 2 MB page is mapped and
// touched at the cost of a few of them.

struct Arena {
  char* base = nullptr;
  std::atomic<size_t> next_page{0};
  unsigned char page_class[kPages] = {};
};

Arena& TheArena() {
  static Arena arena;
  static const bool mapped = [] {
    void* const p = govkg::MapHugePages(kReservedBytes);
    if (p == nullptr) return false;
#if defined(MADV_POPULATE_WRITE)
    madvise(p, kPrefaultBytes, MADV_POPULATE_WRITE);
#endif
    arena.base = static_cast<char*>(p);
    return true;
  }();
  (void)mapped;
  return arena;
}

struct FreeBlock {
  FreeBlock* next;
};

// Per thread: a free list and the unused rest of the current page, by class.
struct ThreadCache {
  FreeBlock* free[kClasses] = {};
  char* bump[kClasses] = {};
  char* end[kClasses] = {};
};
thread_local ThreadCache cache;

// The class of a block of `size` bytes (1 to kMaxArena).
size_t ClassOf(size_t size) {
  if (size <= kMaxSmall) return (size + kGranule - 1) / kGranule;
  const int shift = std::bit_width(size - 1) - 1;  // 2^shift < size <= 2^(shift + 1)
  const size_t quarter = size_t{1} << (shift - 2);  // a fourth of 2^shift
  const size_t quarters = (size + quarter - 1) / quarter;  // 5 … 8
  return kSmallClasses + 4 * static_cast<size_t>(shift - kMinLargeShift) + (quarters - 5);
}

size_t BlockBytes(size_t c) {
  if (c < kSmallClasses) return c * kGranule;
  const size_t large = c - kSmallClasses;
  const int shift = kMinLargeShift + static_cast<int>(large / 4);
  return (5 + large % 4) << (shift - 2);
}

// A class takes the arena in runs of 16 kB pages that hold at least two of
// its blocks.
size_t RunPages(size_t block) { return std::max<size_t>(1, (2 * block + kPageBytes - 1) >> kPageShift); }

void* AllocateInArena(size_t size) {
  const size_t c = ClassOf(size);
  if (FreeBlock* b = cache.free[c]) {
    cache.free[c] = b->next;
    return b;
  }
  const size_t block = BlockBytes(c);
  if (cache.bump[c] + block > cache.end[c] || cache.bump[c] == nullptr) {
    Arena& arena = TheArena();
    if (arena.base == nullptr) return nullptr;
    const size_t pages = RunPages(block);
    const size_t page = arena.next_page.fetch_add(pages, std::memory_order_relaxed);
    if (page + pages > kPages) return nullptr;
    for (size_t i = page; i < page + pages; ++i) arena.page_class[i] = static_cast<unsigned char>(c);
    cache.bump[c] = arena.base + (page << kPageShift);
    cache.end[c] = cache.bump[c] + (pages << kPageShift);
  }
  void* p = cache.bump[c];
  cache.bump[c] += block;
  return p;
}

void* Allocate(size_t size) {
  if (size == 0) size = 1;
  if (size <= kMaxArena) {
    if (void* p = AllocateInArena(size)) return p;
  }
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

void Release(void* p) {
  if (p == nullptr) return;
  Arena& arena = TheArena();
  const uintptr_t offset = reinterpret_cast<uintptr_t>(p) - reinterpret_cast<uintptr_t>(arena.base);
  if (arena.base == nullptr || offset >= kReservedBytes) {
    std::free(p);
    return;
  }
  const size_t c = arena.page_class[offset >> kPageShift];
  FreeBlock* b = static_cast<FreeBlock*>(p);
  b->next = cache.free[c];
  cache.free[c] = b;
}

// The arena block of `p`'s class, or 0 when `p` is not from the arena.
size_t ArenaBlockSize(void* p) {
  Arena& arena = TheArena();
  const uintptr_t offset = reinterpret_cast<uintptr_t>(p) - reinterpret_cast<uintptr_t>(arena.base);
  if (arena.base == nullptr || offset >= kReservedBytes) return 0;
  const size_t c = arena.page_class[offset >> kPageShift];
  return c == 0 ? 0 : BlockBytes(c);
}

void* AllocateAligned(size_t size, std::align_val_t align) {
  const size_t a = static_cast<size_t>(align);
  if (a <= kGranule) return Allocate(size);
  // aligned_alloc wants a multiple of the alignment.
  if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(size_t size) { return Allocate(size); }
void* operator new[](size_t size) { return Allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(size_t size, std::align_val_t align) { return AllocateAligned(size, align); }
void* operator new[](size_t size, std::align_val_t align) { return AllocateAligned(size, align); }

void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, size_t) noexcept { Release(p); }
void operator delete[](void* p, size_t) noexcept { Release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { Release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { Release(p); }
void operator delete(void* p, std::align_val_t) noexcept { Release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { Release(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { Release(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { Release(p); }

// RocksDB charges its caches by malloc_usable_size of blocks it got from
// operator new: a block of the arena has its class's size, anything else is
// glibc's.
extern "C" size_t malloc_usable_size(void* p) noexcept {
  if (p == nullptr) return 0;
  if (const size_t n = ArenaBlockSize(p)) return n;
  using Fn = size_t (*)(void*);
  static const Fn glibc = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "malloc_usable_size"));
  return glibc != nullptr ? glibc(p) : 0;
}
