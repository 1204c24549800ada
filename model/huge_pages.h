// model/huge_pages.h: anonymous memory that asks for transparent huge pages.
//
// On the virtual machines govkg runs on, the first touch of each 4 kB page
// costs microseconds, so a large working set touched page by page costs
// more than the work done on it; a 2 MB huge page is mapped at one touch.
// The kernel's usual policy ("madvise") gives huge pages only to memory
// that asks for them. Used by the programs' allocators (cli/) and the
// sorted load's row memory (store/).
#ifndef GOVKG_MODEL_HUGE_PAGES_H_
#define GOVKG_MODEL_HUGE_PAGES_H_

#include <cstddef>

namespace govkg {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// `bytes` rounded up to whole huge pages.
constexpr size_t RoundUpToHugePages(size_t bytes) {
  return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

// A private anonymous mapping of RoundUpToHugePages(bytes) bytes, starting on
// a huge-page boundary and advised for huge pages (advice only: ordinary
// pages where the kernel has none). No swap is reserved: address space is
// cheap, only touched pages use memory. nullptr when no address space is
// left. Release it with munmap(p, RoundUpToHugePages(bytes)).
void* MapHugePages(size_t bytes);

}  // namespace govkg

#endif  // GOVKG_MODEL_HUGE_PAGES_H_
