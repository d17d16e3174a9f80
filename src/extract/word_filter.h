// WordFilter: a small Bloom filter over words, so that lookups of the many tokens that are
// in no lexicon skip the hash table.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extract/word_map.h"
#include "text/word_hash.h"

namespace letapis {

// A set of byte strings that may answer "maybe" for a string it does not hold (about 1% of
// the time with a few hundred words) but never "no" for one it holds.
class WordFilter {
 public:
  // Adds `word`.
  void Add(std::string_view word) { AddHash(Hash(word)); }
  // Adds the word whose Hash (or HashAsciiLower) is `h`.
  void AddHash(uint64_t h) {
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
  WordSet() = default;
  // A set of `words` (a fixed list in code).
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) insert(std::string(w));
  }
  // Adds `word`.
  void insert(std::string word) {
    if (!words_.Insert(0, word, 1).second) return;
    filter_.Add(word);
    bool ascii = false;
    const uint64_t lower_hash = WordFilter::HashAsciiLower(word, &ascii);
    if (ascii) any_case_filter_.AddHash(lower_hash);
    list_.push_back(std::move(word));
  }
  // 1 when `word` was added, else 0.
  size_t count(std::string_view word) const {
    const uint64_t h = WordFilter::Hash(word);
    if (!filter_.MayContainHash(h)) return 0;
    return words_.Find(0, h, [word](std::string_view stored) { return stored == word; }) != nullptr
               ? 1
               : 0;
  }
  // False when a word whose WordFilter::Hash is `h` was certainly never added.
  bool MayContainHash(uint64_t h) const { return filter_.MayContainHash(h); }
  // False when no ASCII word was added that, lower-cased, has the HashAsciiLower
  // `lower_hash`: an ASCII token (whose hash Tokenize made) is then in the set in no
  // letter case, so no exact-case lookup is needed.
  bool MayContainAnyCase(uint64_t lower_hash) const {
    return any_case_filter_.MayContainHash(lower_hash);
  }
  // Every word, in the order added.
  const std::vector<std::string>& words() const { return list_; }

 private:
  WordFilter filter_;
  WordFilter any_case_filter_;  // lower-case hashes of the ASCII words
  WordMap<uint8_t> words_;
  std::vector<std::string> list_;
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
