// libFuzzer target for the prison-term finder alone: every match is a non-empty token
// range in order, with a positive number of months (or -1 for a life term) and a rule id.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/expressions.h"
#include "fuzz_util.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using letapis::fuzz::Require;
  static const letapis::ExpressionLexicon& lex = []() -> const letapis::ExpressionLexicon& {
    auto* out = new letapis::ExpressionLexicon();
    letapis::fuzz::RequireLoaded(letapis::ExpressionLexicon::Load(letapis::DataDir(), out));
    return *out;
  }();
  if (size > (1u << 16) || !letapis::fuzz::IsValidUtf8(data, size)) return 0;
  const letapis::NormalizedText normalized =
      letapis::Normalize(std::string_view(reinterpret_cast<const char*>(data), size), {});
  const std::vector<letapis::Token> tokens = letapis::Tokenize(normalized.text);
  uint32_t previous_end = 0;
  for (const letapis::TermMatch& m : letapis::FindTerms(normalized.text, tokens, lex)) {
    Require(m.first < m.end && m.end <= tokens.size(), "match inside the token stream");
    Require(m.first >= previous_end, "matches in order, not overlapping");
    Require(m.months > 0 || (m.months == -1 && m.rule == "term.life"),
            "a positive term, or -1 for life");
    Require(!m.rule.empty(), "a rule id");
    previous_end = m.end;
  }
  return 0;
}
