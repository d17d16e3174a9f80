// libFuzzer target for the expression finders: valid UTF-8 input is normalised and
// tokenised, then dates (with a full, a leap-day and no anchor), numbers, terms and
// articles are found; every match must be a non-empty token range inside the stream,
// in order and not overlapping the previous match.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "extract/expressions.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace {

using letapis::ExpressionLexicon;

bool IsValidUtf8(const uint8_t* data, size_t size) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(size);
  while (i < length) {
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

const ExpressionLexicon& Lexicon() {
  static const ExpressionLexicon* lexicon = [] {
    auto* lex = new ExpressionLexicon();
    letapis::Status s = ExpressionLexicon::Load(letapis::DataDir(), lex);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      std::abort();
    }
    return lex;
  }();
  return *lexicon;
}

template <typename Match>
void CheckRanges(const std::vector<Match>& matches, size_t token_count) {
  uint32_t previous_end = 0;
  for (const Match& m : matches) {
    if (m.first >= m.end || m.end > token_count || m.first < previous_end || m.rule.empty()) {
      std::abort();
    }
    previous_end = m.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 16) || !IsValidUtf8(data, size)) return 0;
  const ExpressionLexicon& lex = Lexicon();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  letapis::NormalizedText normalized = letapis::Normalize(input, {});
  const std::string_view text = normalized.text;
  const std::vector<letapis::Token> tokens = letapis::Tokenize(text);
  for (const letapis::PartialDate& anchor :
       {letapis::PartialDate{2025, 7, 14}, letapis::PartialDate{2024, 2, 29},
        letapis::PartialDate{}}) {
    CheckRanges(letapis::FindDates(text, tokens, anchor, lex), tokens.size());
  }
  CheckRanges(letapis::FindNumbers(text, tokens, lex), tokens.size());
  CheckRanges(letapis::FindTerms(text, tokens, lex), tokens.size());
  CheckRanges(letapis::FindArticles(text, tokens), tokens.size());
  return 0;
}
