// libFuzzer target for the prison-term finder alone: every match is a non-empty token
// range in order, with a positive number of months (or -1 for a life term) and a rule id.
#include "fuzz_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace letapis::fuzz;
  FuzzText input;
  if (!PrepareText(data, size, &input)) return 0;
  const auto matches = letapis::FindTerms(input.normalized.text, input.tokens, SharedLexicon());
  RequireOrderedRanges(matches, input.tokens.size());
  for (const letapis::TermMatch& m : matches) {
    Require(m.months > 0 || (m.months == -1 && m.rule == "term.life"),
            "a positive term, or -1 for life");
  }
  return 0;
}
