// libFuzzer target: DecodeText and HtmlToText on arbitrary bytes; maps stay inside input.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "letapis/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  letapis::DecodedText decoded;
  if (!letapis::DecodeText(input, "", &decoded).ok()) return 0;
  for (uint32_t i = 0; i <= decoded.text.size(); ++i) {
    if (decoded.to_input.ToSource(i) > size) std::abort();
  }
  letapis::HtmlText html;
  if (letapis::HtmlToText(decoded.text, &html).ok()) {
    for (uint32_t i = 0; i <= html.text.size(); ++i) {
      if (html.to_input.ToSource(i) > decoded.text.size()) std::abort();
    }
  }
  letapis::FindBoilerplate(decoded.text);
  return 0;
}
