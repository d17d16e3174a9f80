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
  bool MayContain(std::string_view word) const {
    const uint64_t h = Hash(word);
    return Test(h) && Test(h >> 32);
  }

 private:
  static constexpr uint32_t kBits = 1u << 14;
  // FNV-1a, 64 bits.
  static uint64_t Hash(std::string_view word) {
    uint64_t h = 14695981039346656037ull;
    for (char c : word) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return h;
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
