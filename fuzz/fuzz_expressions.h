// Setup shared by the libFuzzer targets of the expression finders (dates, numbers, terms).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/expressions.h"
#include "fuzz_util.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis::fuzz {

// The expression lexicon of data/, loaded once; aborts when it cannot be loaded.
inline const ExpressionLexicon& SharedLexicon() {
  static const ExpressionLexicon* lexicon = [] {
    auto* lex = new ExpressionLexicon();
    RequireLoaded(ExpressionLexicon::Load(DataDir(), lex));
    return lex;
  }();
  return *lexicon;
}

// A fuzz input as the finders see it: normalised text and its tokens.
struct FuzzText {
  NormalizedText normalized;
  std::vector<Token> tokens;
};

// Normalises and tokenises data[0, size); false (input skipped) when it is over 64 KiB or
// not well-formed UTF-8, which the readers never hand to the finders.
inline bool PrepareText(const uint8_t* data, size_t size, FuzzText* out) {
  if (size > (1u << 16) || !IsValidUtf8(data, size)) return false;
  out->normalized = Normalize(std::string_view(reinterpret_cast<const char*>(data), size), {});
  out->tokens = Tokenize(out->normalized.text);
  return true;
}

// Aborts unless every match is a non-empty token range inside the stream, in order, not
// overlapping the previous one, with a rule id.
template <typename Match>
void RequireOrderedRanges(const std::vector<Match>& matches, size_t token_count) {
  uint32_t previous_end = 0;
  for (const Match& m : matches) {
    Require(m.first < m.end && m.end <= token_count, "match inside the token stream");
    Require(m.first >= previous_end, "matches in order, not overlapping");
    Require(!m.rule.empty(), "a rule id");
    previous_end = m.end;
  }
}

}  // namespace letapis::fuzz
