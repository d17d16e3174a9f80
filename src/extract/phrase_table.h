// PhraseTable: longest-match lookup of multi-token phrases over a token stream.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/word_filter.h"
#include "extract/word_map.h"
#include "letapis/text.h"

namespace letapis {

// A trie keyed by whole tokens. Phrases are added as space-separated tokens; lookups walk
// the token stream from a position and return the longest phrase found. Case folding is
// ASCII plus Latin-1/Cyrillic via ICU when `fold_case` was set at construction.
class PhraseTable {
 public:
  // `fold_case`: compare lower-cased tokens (phrases are lower-cased when added).
  explicit PhraseTable(bool fold_case = true);

  // Adds `phrase` (tokens separated by single spaces, tokenised like text) with `value`.
  // A later Add of the same phrase keeps the first value.
  void Add(std::string_view phrase, int value);

  // Result of a lookup: number of tokens matched (0 = none) and the phrase's value.
  struct Match {
    uint32_t length = 0;
    int value = -1;
  };

  // Longest phrase starting at token `i` (newline tokens never match). Skips nothing.
  Match LongestAt(std::string_view text, const std::vector<Token>& tokens, size_t i) const {
    // Most tokens start no phrase; for ASCII words the filter says so without a call.
    if (i < tokens.size() && fold_case_ && tokens[i].is(kAscii) &&
        !first_tokens_.MayContainHash(tokens[i].lower_hash)) {
      return {};
    }
    return LongestFrom(text, tokens, i);
  }

  // The hash a table's first-token filter is probed with, computed once per token so
  // that several tables can be asked about the same token (see MayStartWith).
  struct StartKey {
    uint64_t hash = 0;
    bool ascii = false;
    std::string_view token;
  };
  // The StartKey of `token` (a view of it is kept: valid while the token's text is).
  static StartKey StartKeyOf(std::string_view token);
  // The StartKey of token `token` of `text` (its hash from Tokenize when it has one).
  static StartKey StartKeyOf(const Token& token, std::string_view text);
  // False when no phrase of the table can start with the token of `key`.
  bool MayStartWith(const StartKey& key) const {
    if (fold_case_ && key.ascii) return first_tokens_.MayContainHash(key.hash);
    return MayStartWithSlow(key);
  }

  // True when the single token `word` is a one-token phrase of the table.
  bool ContainsWord(std::string_view word) const;

  // Number of phrases stored.
  size_t size() const { return count_; }

 private:
  std::string Key(std::string_view token) const;
  // The lookup form of `token`: itself, or lower-cased into `buffer` (ASCII fast path).
  std::string_view LookupKey(std::string_view token, std::string* buffer) const;
  // False when no phrase can start with `token` (most tokens; decided without a copy).
  bool MayStart(std::string_view token) const;
  // LongestAt after its filter check.
  Match LongestFrom(std::string_view text, const std::vector<Token>& tokens, size_t i) const;
  // MayStartWith for keys the filter cannot answer from the hash alone.
  bool MayStartWithSlow(const StartKey& key) const;
  // The child of trie node `node` along token `t` of `text`, or nullptr.
  const uint32_t* Child(uint32_t node, const Token& t, std::string_view text,
                        std::string* buffer) const;

  bool fold_case_;
  WordMap<uint32_t> edges_;  // (node, token key) -> child node; node 0 is the root
  std::vector<int> values_;  // per node: the phrase's value, or -1
  WordFilter first_tokens_;  // keys of the root's children
  size_t count_ = 0;
};

// Lower-cases UTF-8 text (full Unicode case mapping via ICU).
std::string FoldCase(std::string_view text);

// FoldCase into `buffer` (reused, so a hot loop allocates nothing once it is large
// enough); returns a view of it, valid until the buffer is next changed.
std::string_view FoldCaseInto(std::string_view text, std::string* buffer);

}  // namespace letapis
