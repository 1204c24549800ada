#include "model/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace govkg {

void* MapHugePages(size_t bytes) {
  const size_t length = RoundUpToHugePages(bytes);
  // One huge page more than asked, so that a boundary lies inside; the ends
  // around the aligned part are given back.
  const size_t span = length + kHugePageBytes;
  void* const mapped =
      mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) return nullptr;
  const auto at = reinterpret_cast<uintptr_t>(mapped);
  const uintptr_t start = (at + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  if (start > at) munmap(mapped, start - at);
  if (const uintptr_t end = at + span, used = start + length; end > used) {
    munmap(reinterpret_cast<void*>(used), end - used);
  }
  void* const p = reinterpret_cast<void*>(start);
  madvise(p, length, MADV_HUGEPAGE);
  return p;
}

}  // namespace govkg
