// Eight bytes at a time: byte masks over a 64-bit word for the text scanners' fast paths.
// A mask marks a byte by setting its high bit (0x80); every mask here is exact per byte
// (no borrows between bytes), so the lowest marked byte and the count of marked bytes
// can both be trusted.
#pragma once

#include <cstdint>
#include <cstring>

namespace letapis::swar {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHigh = 0x8080808080808080ull;

// Eight bytes at `p`, the first in the lowest bits (x86-64 is little-endian).
inline uint64_t Load8(const void* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Marks the bytes of `v` that are 0x80 or above (not ASCII).
inline uint64_t NonAscii(uint64_t v) { return v & kHigh; }

// Marks the ASCII bytes of `v` that lie in [lo, hi] (0 <= lo <= hi < 0x80).
inline uint64_t AsciiInRange(uint64_t v, uint8_t lo, uint8_t hi) {
  const uint64_t low7 = v & ~kHigh;
  return (low7 + (0x80 - lo) * kOnes) & ~(low7 + (0x7F - hi) * kOnes) & ~v & kHigh;
}

// Marks the bytes of `v` equal to `c`.
inline uint64_t Equal(uint64_t v, uint8_t c) {
  const uint64_t x = v ^ (c * kOnes);
  return ~(((x & ~kHigh) + ~kHigh) | x) & kHigh;
}

// Marks the ASCII letters of `v` ('A'..'Z', 'a'..'z').
inline uint64_t AsciiLetters(uint64_t v) { return AsciiInRange(v | (0x20 * kOnes), 'a', 'z'); }

// Marks the ASCII capitals of `v`.
inline uint64_t AsciiCapitals(uint64_t v) { return AsciiInRange(v, 'A', 'Z'); }

// Index (0..7) of the lowest marked byte of a non-zero mask.
inline uint32_t FirstMarked(uint64_t mask) {
  return static_cast<uint32_t>(__builtin_ctzll(mask)) / 8;
}

// Number of marked bytes of a mask (without a popcount instruction, which the baseline
// x86-64 target lacks).
inline uint32_t CountMarked(uint64_t mask) {
  return static_cast<uint32_t>(((mask >> 7) * kOnes) >> 56);
}

}  // namespace letapis::swar
