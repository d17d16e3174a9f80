// Test helpers for the expression finders: text run through Normalize and Tokenize, and
// the lexicon loaded once from the source tree's data/.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/expressions.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis::testing {

// Normalised text and its tokens.
struct Analyzed {
  std::string text;
  std::vector<Token> tokens;

  // The normalised text of tokens [first, end).
  std::string Covered(uint32_t first, uint32_t end) const {
    if (first >= end || end > tokens.size()) return "";
    return text.substr(tokens[first].begin, tokens[end - 1].end - tokens[first].begin);
  }
};

// Normalises and tokenises `raw`.
inline Analyzed Analyze(std::string_view raw) {
  Analyzed a;
  a.text = Normalize(raw, {}).text;
  a.tokens = Tokenize(a.text);
  return a;
}

// The lexicon of data/, loaded on first use; a load failure fails the calling test.
inline const ExpressionLexicon& Lexicon() {
  static const ExpressionLexicon* lexicon = [] {
    auto* lex = new ExpressionLexicon();
    Status s = ExpressionLexicon::Load(DataDir(), lex);
    EXPECT_TRUE(s.ok()) << s.message();
    return lex;
  }();
  return *lexicon;
}

// Checks that matches are sorted, non-overlapping and within the token stream.
template <typename Match>
void ExpectOrdered(const std::vector<Match>& matches, size_t token_count) {
  uint32_t previous_end = 0;
  for (const Match& m : matches) {
    EXPECT_LT(m.first, m.end);
    EXPECT_LE(m.end, token_count);
    EXPECT_GE(m.first, previous_end);
    previous_end = m.end;
  }
}

}  // namespace letapis::testing
