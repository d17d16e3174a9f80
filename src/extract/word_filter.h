// WordFilter: a small Bloom filter over words, so that lookups of the many tokens that are
// in no lexicon skip the hash table.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace letapis {

// A set of byte strings that may answer "maybe" for a string it does not hold (about 1% of
// the time with a few hundred words) but never "no" for one it holds.
class WordFilter {
 public:
  // Adds `word`.
  void Add(std::string_view word) {
    const uint64_t h = Hash(word);
    Set(h);
    Set(h >> 32);
  }
  // False when `word` was certainly never added.
  bool MayContain(std::string_view word) const { return MayContainHash(Hash(word)); }
  // MayContain for a word whose Hash (or HashAsciiLower) is `h`.
  bool MayContainHash(uint64_t h) const { return Test(h) && Test(h >> 32); }

  // A 64-bit hash of `word`, eight bytes at a time.
  static uint64_t Hash(std::string_view word) {
    uint64_t h = word.size() * kLength;
    for (size_t i = 0; i < word.size(); i += 8) h = Mix(h ^ Chunk(word, i));
    return h;
  }
  // Hash of `word` with ASCII capitals lower-cased, computed without copying; sets *ascii
  // to whether every byte is ASCII (only then is it the Hash of the lower-cased word).
  static uint64_t HashAsciiLower(std::string_view word, bool* ascii) {
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    uint64_t h = word.size() * kLength;
    uint64_t high = 0;
    for (size_t i = 0; i < word.size(); i += 8) {
      uint64_t v = Chunk(word, i);
      high |= v;
      // High bit of each byte that is 'A'..'Z' (no carries: every byte stays below 0x100).
      const uint64_t low7 = v & ~kHigh;
      const uint64_t upper =
          (low7 + (0x80 - 'A') * kOnes) & ~(low7 + (0x80 - 'Z' - 1) * kOnes) & ~v & kHigh;
      v |= upper >> 2;  // 0x80 >> 2 == 0x20
      h = Mix(h ^ v);
    }
    *ascii = (high & kHigh) == 0;
    return h;
  }

 private:
  static constexpr uint32_t kBits = 1u << 14;
  static constexpr uint64_t kLength = 0x9E3779B97F4A7C15ull;
  // Bytes [i, i + 8) of `word` (zero past its end), little-endian.
  static uint64_t Chunk(std::string_view word, size_t i) {
    uint64_t v = 0;
    if (word.size() - i >= 8) {
      std::memcpy(&v, word.data() + i, 8);
    } else {
      for (size_t k = 0; i + k < word.size(); ++k) {
        v |= uint64_t{static_cast<unsigned char>(word[i + k])} << (8 * k);
      }
    }
    return v;
  }
  // The splitmix64 finaliser.
  static uint64_t Mix(uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  }
  void Set(uint64_t h) {
    const uint32_t bit = static_cast<uint32_t>(h) & (kBits - 1);
    bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  bool Test(uint64_t h) const {
    const uint32_t bit = static_cast<uint32_t>(h) & (kBits - 1);
    return (bits_[bit / 64] >> (bit % 64)) & 1;
  }
  std::array<uint64_t, kBits / 64> bits_{};
};

// A set of words (exact bytes) behind a WordFilter: most absent words are rejected without
// hashing into the table. Lookups take a string_view and never allocate.
class WordSet {
 public:
  // Adds `word`.
  void insert(std::string word) {
    filter_.Add(word);
    words_.insert(std::move(word));
  }
  // 1 when `word` was added, else 0.
  size_t count(std::string_view word) const {
    return filter_.MayContain(word) && words_.find(word) != words_.end() ? 1 : 0;
  }
  // False when a word whose WordFilter::Hash is `h` was certainly never added.
  bool MayContainHash(uint64_t h) const { return filter_.MayContainHash(h); }
  // Every word, in no particular order.
  const auto& words() const { return words_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  WordFilter filter_;
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace letapis
