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
#include <vector>

#include "text/word_hash.h"

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

  // HashWord of `word` (see text/word_hash.h).
  static uint64_t Hash(std::string_view word) { return HashWord(word); }
  // HashWordAsciiLower of `word`: the Hash of the word lower-cased when *ascii is set.
  static uint64_t HashAsciiLower(std::string_view word, bool* ascii) {
    return HashWordAsciiLower(word, ascii);
  }

 private:
  static constexpr uint32_t kBits = 1u << 14;
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

// Word endings ("vich", "enko"), grouped by their last byte so that testing a word
// compares it only with the endings that could fit.
class SuffixSet {
 public:
  // Adds `suffix` (empty ones are ignored).
  void insert(std::string_view suffix) {
    if (suffix.empty()) return;
    by_last_byte_[static_cast<uint8_t>(suffix.back())].emplace_back(suffix);
    ++size_;
  }
  // True when `word` ends with one of the suffixes.
  bool AnyEndOf(std::string_view word) const {
    if (word.empty()) return false;
    for (const std::string& s : by_last_byte_[static_cast<uint8_t>(word.back())]) {
      if (word.ends_with(s)) return true;
    }
    return false;
  }
  // Number of suffixes added.
  size_t size() const { return size_; }

 private:
  std::array<std::vector<std::string>, 256> by_last_byte_;
  size_t size_ = 0;
};

}  // namespace letapis
