// libFuzzer target for the number finder alone: every match is a non-empty token range in
// order, its value finite and not negative, with a rule id.
#include <cmath>

#include "fuzz_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace letapis::fuzz;
  FuzzText input;
  if (!PrepareText(data, size, &input)) return 0;
  const auto matches = letapis::FindNumbers(input.normalized.text, input.tokens, SharedLexicon());
  RequireOrderedRanges(matches, input.tokens.size());
  for (const letapis::NumberMatch& m : matches) {
    Require(std::isfinite(m.value) && m.value >= 0, "value finite and not negative");
  }
  return 0;
}
