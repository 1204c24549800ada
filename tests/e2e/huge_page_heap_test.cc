// cli/huge_page_heap.cc: tcmalloc takes its memory from ranges advised for
// transparent huge pages. Linked with tcmalloc like the programs are.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Mapping {
  uintptr_t begin = 0;
  uintptr_t end = 0;
  std::string flags;  // the VmFlags line
};

// The mapping of /proc/self/smaps that holds `address`.
Mapping MappingOf(const void* address) {
  const auto where = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  Mapping found;
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= where && where < end;
      if (inside) found = {begin, end, ""};
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      found.flags = line;
    }
  }
  return found;
}

bool KernelHasHugePages() { return std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good(); }

}  // namespace

TEST_CASE("large allocations come from a reserved range advised for huge pages") {
  const size_t bytes = size_t{64} << 20;
  const std::unique_ptr<char[]> block(new char[bytes]);
  std::memset(block.get(), 7, bytes);
  const Mapping mapping = MappingOf(block.get());
  REQUIRE(mapping.end > mapping.begin);
  // The heap's own range (1 GB reserved), not a mapping of this block's size.
  CHECK(mapping.end - mapping.begin >= (size_t{1} << 30) - (size_t{2} << 20));
  if (KernelHasHugePages()) CHECK(mapping.flags.find(" hg") != std::string::npos);
}

TEST_CASE("blocks of the heap do not overlap and keep their contents") {
  std::vector<std::unique_ptr<char[]>> blocks;
  std::vector<size_t> sizes;
  for (size_t i = 0; i < 64; ++i) {
    const size_t size = (size_t{1} << (12 + i % 10)) + 17 * i;  // 4 KB to 2 MB, odd sizes
    blocks.emplace_back(new char[size]);
    std::memset(blocks.back().get(), static_cast<int>(i), size);
    sizes.push_back(size);
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    const char* const b = blocks[i].get();
    CHECK(b[0] == static_cast<char>(i));
    CHECK(b[sizes[i] - 1] == static_cast<char>(i));
    CHECK(reinterpret_cast<uintptr_t>(b) % 16 == 0);
  }
}
