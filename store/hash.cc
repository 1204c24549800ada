// store/hash.cc: ContentHash, a small 128-bit non-cryptographic hash.
//
// Two independent 64-bit lanes over 8-byte words (multiply–rotate mixing in
// the style of MurmurHash3's finaliser), each seeded differently, then a full
// avalanche. Fast enough (several GB/s) that hashing never limits ingest.
#include "store/hash.h"

#include <cstdint>
#include <cstring>

namespace govkg {

namespace {

constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kMul2 = 0xC2B2AE3D27D4EB4FULL;

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDULL;
  k ^= k >> 33;
  k *= 0xC4CEB9FE1A85EC53ULL;
  k ^= k >> 33;
  return k;
}

}  // namespace

std::string ContentHash(std::string_view bytes) {
  uint64_t h1 = 0x243F6A8885A308D3ULL ^ bytes.size();
  uint64_t h2 = 0x13198A2E03707344ULL ^ (bytes.size() * kMul2);
  const char* p = bytes.data();
  size_t n = bytes.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h1 = Rotl(h1 ^ (w * kMul1), 29) * kMul2;
    h2 = Rotl(h2 ^ (w * kMul2), 31) * kMul1;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h1 = Fmix(h1 ^ (tail * kMul1) ^ n);
  h2 = Fmix(h2 ^ (tail * kMul2) ^ h1);
  h1 = Fmix(h1 ^ h2);
  static const char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = kDigits[(h1 >> (4 * i)) & 15];
    out[31 - i] = kDigits[(h2 >> (4 * i)) & 15];
  }
  return out;
}

}  // namespace govkg
