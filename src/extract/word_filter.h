// WordFilter: a small Bloom filter over words, so that lookups of the many tokens that are
// in no lexicon skip the hash table.
#pragma once

#include <array>
#include <cstdint>
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

  // FNV-1a, 64 bits.
  static uint64_t Hash(std::string_view word) {
    uint64_t h = kBasis;
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * kPrime;
    return h;
  }
  // Hash of `word` with ASCII capitals lower-cased, computed without copying; sets *ascii
  // to whether every byte is ASCII (only then is it the hash of the lower-cased word).
  static uint64_t HashAsciiLower(std::string_view word, bool* ascii) {
    uint64_t h = kBasis;
    unsigned char high = 0;
    for (char ch : word) {
      unsigned char c = static_cast<unsigned char>(ch);
      high |= c;
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      h = (h ^ c) * kPrime;
    }
    *ascii = high < 0x80;
    return h;
  }

 private:
  static constexpr uint32_t kBits = 1u << 14;
  static constexpr uint64_t kBasis = 14695981039346656037ull;
  static constexpr uint64_t kPrime = 1099511628211ull;
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
