// libFuzzer target for the expression finders: valid UTF-8 input is normalised and
// tokenised, then dates (with a full, a leap-day and no anchor), numbers, terms and
// articles are found; every match must be a non-empty token range inside the stream,
// in order and not overlapping the previous match.
#include "fuzz_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace letapis::fuzz;
  FuzzText input;
  if (!PrepareText(data, size, &input)) return 0;
  const std::string_view text = input.normalized.text;
  const std::vector<letapis::Token>& tokens = input.tokens;
  const letapis::ExpressionLexicon& lex = SharedLexicon();
  for (const letapis::PartialDate& anchor :
       {letapis::PartialDate{2025, 7, 14}, letapis::PartialDate{2024, 2, 29},
        letapis::PartialDate{}}) {
    RequireOrderedRanges(letapis::FindDates(text, tokens, anchor, lex), tokens.size());
  }
  RequireOrderedRanges(letapis::FindNumbers(text, tokens, lex), tokens.size());
  RequireOrderedRanges(letapis::FindTerms(text, tokens, lex), tokens.size());
  RequireOrderedRanges(letapis::FindArticles(text, tokens), tokens.size());
  return 0;
}
