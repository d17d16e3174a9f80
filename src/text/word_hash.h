// HashWord: the 64-bit hash that lexicon filters and tokens share, so that a token hashed
// once by Tokenize can be looked up in every lexicon without hashing it again.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "text/swar.h"

namespace letapis {
namespace word_hash_detail {

inline constexpr uint64_t kLength = 0x9E3779B97F4A7C15ull;

// Bytes [i, i + 8) of `word` (zero past its end), little-endian.
inline uint64_t Chunk(std::string_view word, size_t i) {
  const size_t n = word.size() - i;
  const auto* p = reinterpret_cast<const unsigned char*>(word.data() + i);
  uint64_t v;
  if (n >= 8) {
    std::memcpy(&v, p, 8);
  } else if (n >= 4) {
    // Two overlapping four-byte loads; the overlap ORs equal bytes onto each other.
    uint32_t low, high;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + n - 4, 4);
    v = low | (uint64_t{high} << (8 * (n - 4)));
  } else {
    // Bytes 0, n / 2 and n - 1 cover every byte of a word of one to three bytes.
    v = uint64_t{p[0]} | (uint64_t{p[n / 2]} << (8 * (n / 2))) |
        (uint64_t{p[n - 1]} << (8 * (n - 1)));
  }
  return v;
}

// The splitmix64 finaliser.
inline uint64_t Mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace word_hash_detail

// True when `word` equals the lower-case ASCII `lower` ignoring ASCII case. (Inline: the
// finders call it at every token with literal words.)
inline bool EqualsFolded(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

// A 64-bit hash of the bytes of `word`, eight bytes at a time.
inline uint64_t HashWord(std::string_view word) {
  using namespace word_hash_detail;
  uint64_t h = word.size() * kLength;
  for (size_t i = 0; i < word.size(); i += 8) h = Mix(h ^ Chunk(word, i));
  return h;
}

// HashWord of `word` with ASCII capitals lower-cased, computed without copying; sets
// *ascii to whether every byte is ASCII (only then is it the HashWord of the lower-cased
// word).
inline uint64_t HashWordAsciiLower(std::string_view word, bool* ascii) {
  using namespace word_hash_detail;
  uint64_t h = word.size() * kLength;
  uint64_t high = 0;
  for (size_t i = 0; i < word.size(); i += 8) {
    uint64_t v = Chunk(word, i);
    high |= v;
    v |= swar::AsciiCapitals(v) >> 2;  // 0x80 >> 2 == 0x20: lower-cased
    h = Mix(h ^ v);
  }
  *ascii = swar::NonAscii(high) == 0;
  return h;
}

// HashWordAsciiLower of the word at [data, data + length) that lies inside a buffer of
// which `available` (>= length) bytes may be read from `data`: reads eight bytes at a time
// where the buffer allows, instead of byte by byte at the word's end. Also counts the
// ASCII capitals into *capitals.
inline uint64_t HashWordAsciiLowerInBuffer(const char* data, size_t length, size_t available,
                                           bool* ascii, uint32_t* capitals) {
  using namespace word_hash_detail;
  uint64_t h = length * kLength;
  uint64_t high = 0;
  uint32_t capital_count = 0;
  for (size_t i = 0; i < length; i += 8) {
    uint64_t v;
    if (i + 8 <= available) {
      v = swar::Load8(data + i);
      if (length - i < 8) v &= (uint64_t{1} << (8 * (length - i))) - 1;
    } else {
      v = Chunk(std::string_view(data, length), i);
    }
    high |= v;
    const uint64_t upper = swar::AsciiCapitals(v);
    capital_count += swar::CountMarked(upper);
    v |= upper >> 2;
    h = Mix(h ^ v);
  }
  *ascii = swar::NonAscii(high) == 0;
  *capitals = capital_count;
  return h;
}

}  // namespace letapis
