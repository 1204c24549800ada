// cli/query_nprocs.cc: get_nprocs of the query programs (not under
// sanitizers: cli/CMakeLists.txt), answered once per process.
//
// RocksDB sizes each memtable's arena by std::thread::hardware_concurrency(),
// which asks glibc's get_nprocs, which opens and reads
// /sys/devices/system/cpu/online every time: 21 times (63 system calls) in a
// read-only open of ten column families. The executable's definition
// replaces glibc's for the C++ runtime linked into it; the first call asks
// glibc (through sysconf, which does not come back here) and later calls
// get that answer.
#include <sys/sysinfo.h>
#include <unistd.h>

#include <atomic>

extern "C" int get_nprocs() noexcept {
  static std::atomic<int> known{0};
  int n = known.load(std::memory_order_relaxed);
  if (n > 0) return n;
  n = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  if (n < 1) n = 1;
  known.store(n, std::memory_order_relaxed);
  return n;
}
