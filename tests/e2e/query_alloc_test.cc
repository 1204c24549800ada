// cli/query_alloc.cc, govkg-query's operator new and delete, linked into this
// test program so that Catch2 and the standard library run on it too.
#include <malloc.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace {

bool Aligned(const void* p, size_t alignment) { return reinterpret_cast<uintptr_t>(p) % alignment == 0; }

// Blocks of sizes first, first + step, … up to last, all held at once: each
// aligned, as large as asked, and keeping what was written into it.
void CheckBlocks(size_t first, size_t last, size_t step) {
  std::vector<std::pair<unsigned char*, size_t>> blocks;
  for (size_t size = first; size <= last; size += step) {
    auto* p = static_cast<unsigned char*>(::operator new(size));
    CHECK(Aligned(p, 16));
    CHECK(malloc_usable_size(p) >= size);
    std::memset(p, static_cast<int>(size & 0xff), size);
    blocks.emplace_back(p, size);
  }
  for (const auto& [p, size] : blocks) {
    bool intact = true;
    for (size_t i = 0; i < size; ++i) intact = intact && p[i] == static_cast<unsigned char>(size & 0xff);
    CHECK(intact);
    ::operator delete(p, size);
  }
}

TEST_CASE("blocks of every size are aligned, distinct and keep what was written", "[cli][alloc]") {
  CheckBlocks(0, 3000, 7);
}

TEST_CASE("a freed block is handed out again for its size", "[cli][alloc]") {
  void* a = ::operator new(40);
  ::operator delete(a);
  void* b = ::operator new(48);  // the same 48-byte class
  CHECK(b == a);
  ::operator delete(b, 48);
}

TEST_CASE("blocks of 1 to 64 kB come in four classes per power of two", "[cli][alloc]") {
  void* a = ::operator new(1025);
  CHECK(malloc_usable_size(a) == 1280);
  ::operator delete(a);
  void* b = ::operator new(1280);  // the same class
  CHECK(b == a);
  ::operator delete(b);
  void* c = ::operator new(1281);
  CHECK(malloc_usable_size(c) == 1536);
  ::operator delete(c);
  void* d = ::operator new(40000);
  CHECK(malloc_usable_size(d) == 40960);
  ::operator delete(d);
  void* e = ::operator new(65536);
  CHECK(malloc_usable_size(e) == 65536);
  ::operator delete(e);
}

TEST_CASE("large blocks of every size are aligned, distinct and keep what was written", "[cli][alloc]") {
  CheckBlocks(1000, 70000, 331);
}

TEST_CASE("over-aligned and large blocks come from malloc and go back to it", "[cli][alloc]") {
  struct alignas(64) Line {
    char bytes[64];
  };
  auto line = std::make_unique<Line>();
  CHECK(Aligned(line.get(), 64));
  std::vector<char> big(1 << 20, 'x');
  CHECK(big[12345] == 'x');
  CHECK(malloc_usable_size(big.data()) >= big.size());
  void* m = std::malloc(100);
  CHECK(malloc_usable_size(m) >= 100);
  std::free(m);
}

TEST_CASE("threads allocate and free each other's blocks", "[cli][alloc]") {
  constexpr int kThreads = 4;
  constexpr int kRounds = 20000;
  std::vector<std::vector<std::string*>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&made, t] {
      for (int i = 0; i < kRounds; ++i) made[t].push_back(new std::string(20 + i % 200, static_cast<char>('a' + t)));
    });
  }
  for (std::thread& th : threads) th.join();
  threads.clear();
  // Each thread frees the strings another one made, then allocates again.
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&made, t] {
      for (std::string* s : made[(t + 1) % kThreads]) delete s;
      std::vector<std::unique_ptr<std::string>> again;
      for (int i = 0; i < kRounds; ++i) again.push_back(std::make_unique<std::string>(30, 'z'));
    });
  }
  for (std::thread& th : threads) th.join();
  auto check = std::make_unique<std::string>(100, 'q');
  CHECK(*check == std::string(100, 'q'));
}

}  // namespace
