// WordMap: a flat hash map from (scope, word) to a value, keyed by the word hash that
// Tokenize gives every ASCII word, so that a lexicon lookup of a token hashes nothing
// again and usually reads one slot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/word_hash.h"

namespace letapis {

// Open addressing with linear probing over a power-of-two slot array kept at most half
// full; words are stored once in an arena. `scope` separates keys that share a word (the
// node of a phrase trie); scope 0 is a plain word map.
template <typename V>
class WordMap {
 public:
  WordMap() : slots_(16) {}

  // Inserts `word` in `scope` with `value` unless it is there; returns the stored value
  // and whether it was inserted. The reference is valid until the next Insert.
  std::pair<V&, bool> Insert(uint32_t scope, std::string_view word, V value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t hash = KeyHash(scope, HashWord(word));
    size_t i = hash & (slots_.size() - 1);
    while (slots_[i].used) {
      const Slot& s = slots_[i];
      if (s.hash == hash && s.scope == scope && Word(s) == word) return {slots_[i].value, false};
      i = (i + 1) & (slots_.size() - 1);
    }
    Slot& s = slots_[i];
    s = Slot{hash,
             scope,
             static_cast<uint32_t>(arena_.size()),
             static_cast<uint32_t>(word.size()),
             true,
             std::move(value)};
    arena_.append(word);
    ++size_;
    return {s.value, true};
  }

  // The value of the word in `scope` whose HashWord is `word_hash`, or nullptr;
  // `same(stored_word)` tells whether a stored word with that hash is the one sought.
  template <typename Same>
  const V* Find(uint32_t scope, uint64_t word_hash, Same same) const {
    const uint64_t hash = KeyHash(scope, word_hash);
    for (size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == hash && s.scope == scope && same(Word(s))) return &s.value;
    }
  }
  // The value of `word` (exact bytes) in `scope`, or nullptr.
  const V* Find(uint32_t scope, std::string_view word) const {
    return Find(scope, HashWord(word), [word](std::string_view stored) { return stored == word; });
  }

  // Number of entries.
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t scope = 0;
    uint32_t offset = 0;
    uint32_t length = 0;
    bool used = false;
    V value{};
  };

  static uint64_t KeyHash(uint32_t scope, uint64_t word_hash) {
    return scope == 0 ? word_hash
                      : word_hash_detail::Mix(word_hash ^ (scope * 0x9E3779B97F4A7C15ull));
  }
  std::string_view Word(const Slot& s) const { return {arena_.data() + s.offset, s.length}; }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace letapis
