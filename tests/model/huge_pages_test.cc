// model/huge_pages.h: aligned anonymous ranges that ask for huge pages.
#include <sys/mman.h>

#include <cstdint>
#include <cstring>

#include <catch2/catch.hpp>

#include "model/huge_pages.h"

namespace govkg {
namespace {

TEST_CASE("MapHugePages gives writable memory on a huge-page boundary", "[model]") {
  CHECK(RoundUpToHugePages(1) == kHugePageBytes);
  CHECK(RoundUpToHugePages(kHugePageBytes) == kHugePageBytes);
  CHECK(RoundUpToHugePages(kHugePageBytes + 1) == 2 * kHugePageBytes);
  for (const size_t bytes : {size_t{1}, kHugePageBytes, 3 * kHugePageBytes + 5}) {
    INFO(bytes);
    auto* const p = static_cast<unsigned char*>(MapHugePages(bytes));
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<uintptr_t>(p) % kHugePageBytes == 0);
    const size_t length = RoundUpToHugePages(bytes);
    CHECK(p[0] == 0);                 // fresh anonymous memory reads as zeros
    CHECK(p[length - 1] == 0);
    std::memset(p, 0xAB, length);     // every byte of the rounded length is ours
    CHECK(p[length - 1] == 0xAB);
    CHECK(munmap(p, length) == 0);
  }
}

}  // namespace
}  // namespace govkg
