// libFuzzer target: Normalize, Tokenize and SplitSentences on arbitrary valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "letapis/text.h"

namespace {

// Strict UTF-8 check: no overlong forms, surrogates or code points above U+10FFFF.
bool IsStrictUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!IsStrictUtf8(input)) return 0;

  // Skip every line that starts with '#', as boilerplate detection would.
  std::vector<letapis::Span> skip;
  for (size_t line = 0; line < input.size();) {
    size_t end = input.find('\n', line);
    end = end == std::string_view::npos ? input.size() : end + 1;
    if (input[line] == '#') {
      skip.push_back({static_cast<uint32_t>(line), static_cast<uint32_t>(end)});
    }
    line = end;
  }

  const letapis::NormalizedText norm = letapis::Normalize(input, skip);
  Check(IsStrictUtf8(norm.text));
  Check(norm.to_input.size() == norm.text.size());
  Check(norm.to_input.ToSource(static_cast<uint32_t>(norm.text.size())) == input.size());

  const std::vector<letapis::Token> tokens = letapis::Tokenize(norm.text);
  uint32_t previous_end = 0;
  for (const letapis::Token& t : tokens) {
    Check(t.begin >= previous_end && t.begin < t.end && t.end <= norm.text.size());
    const uint32_t begin = norm.to_input.ToSource(t.begin);
    const uint32_t end = norm.to_input.EndToSource(t.end);
    Check(begin < end && end <= input.size());
    previous_end = t.end;
  }

  const std::vector<letapis::Sentence> sentences = letapis::SplitSentences(norm.text, tokens);
  uint32_t previous_last = 0;
  for (const letapis::Sentence& s : sentences) {
    Check(s.first >= previous_last && s.first < s.last && s.last <= tokens.size());
    Check(tokens[s.first].kind != letapis::TokenKind::kNewline);
    Check(tokens[s.last - 1].kind != letapis::TokenKind::kNewline);
    previous_last = s.last;
  }
  return 0;
}
