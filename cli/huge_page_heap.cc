// cli/huge_page_heap.cc: where tcmalloc gets its memory in the programs that
// link it (govkg-full, the benches: govkg_use_fast_malloc in CMakeLists.txt).
//
// Extracting a mention-dense 4 MB file touches some 240 MB of fresh heap,
// and with 4 KB pages that is 60,000 page faults. A fault costs several
// microseconds in a VM, so they were a third of the CPU time of the call.
// tcmalloc takes its memory in large runs through a SysAllocator; this one
// hands them out from big reserved ranges advised for transparent huge
// pages (the kernel's default policy is "madvise"), so that one fault maps
// 2 MB. The same call then makes about 2,300 faults instead of 60,000.
// Where the kernel has no huge pages the advice is ignored and the memory
// is ordinary. Memory tcmalloc releases is released as before, with
// madvise, which splits a huge page where it must. GOVKG_HUGE_PAGES=0 in the
// environment leaves tcmalloc's own allocator in place (to compare, or where
// the kernel compacts memory slowly to find huge pages).
#include <gperftools/malloc_extension.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

#include "model/huge_pages.h"

namespace {

using govkg::MapHugePages;
using govkg::RoundUpToHugePages;

// Address space reserved at a time; only what is touched uses memory.
constexpr size_t kRangeBytes = size_t{1} << 30;

class HugePageHeap final : public SysAllocator {
 public:
  void* Alloc(size_t size, size_t* actual_size, size_t alignment) override {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (alignment < kPageBytes) alignment = kPageBytes;
    size = RoundUp(size, alignment);
    uintptr_t start = RoundUp(cursor_, alignment);
    if (cursor_ == 0 || start + size > end_) {
      if (!Reserve(size + alignment)) return nullptr;
      start = RoundUp(cursor_, alignment);
    }
    cursor_ = start + size;
    if (actual_size != nullptr) *actual_size = size;
    return reinterpret_cast<void*>(start);
  }

 private:
  static constexpr size_t kPageBytes = 4096;

  static uintptr_t RoundUp(uintptr_t n, size_t to) { return (n + to - 1) & ~(uintptr_t{to} - 1); }

  // A new range of at least `bytes`, starting on a huge-page boundary. The
  // rest of the old range is abandoned: it is address space, not memory.
  bool Reserve(size_t bytes) {
    size_t length = RoundUpToHugePages(bytes > kRangeBytes ? bytes : kRangeBytes);
    void* mapped = MapHugePages(length);
    if (mapped == nullptr && length > RoundUpToHugePages(bytes)) {
      // Where address space is counted against memory (overcommit off), a
      // range of the size asked for may still be had.
      length = RoundUpToHugePages(bytes);
      mapped = MapHugePages(length);
    }
    if (mapped == nullptr) return false;
    cursor_ = reinterpret_cast<uintptr_t>(mapped);
    end_ = cursor_ + length;
    return true;
  }

  std::mutex mutex_;
  uintptr_t cursor_ = 0;
  uintptr_t end_ = 0;
};

// Installed by a static initializer, before main allocates its large runs.
// The heap lives for the whole process, so it is never destroyed.
struct InstallHugePageHeap {
  InstallHugePageHeap() {
    const char* const setting = std::getenv("GOVKG_HUGE_PAGES");
    if (setting != nullptr && std::strcmp(setting, "0") == 0) return;
    static auto* const heap = new (storage) HugePageHeap;
    MallocExtension::instance()->SetSystemAllocator(heap);
  }
  alignas(HugePageHeap) static inline unsigned char storage[sizeof(HugePageHeap)];
};
const InstallHugePageHeap install_huge_page_heap;

}  // namespace
