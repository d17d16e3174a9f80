// libFuzzer target: HtmlToText on arbitrary bytes (as given, and after DecodeText as the
// readers do). On success the map must cover every text offset within the HTML.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "letapis/text.h"

namespace {

void Check(std::string_view html) {
  letapis::HtmlText page;
  if (!letapis::HtmlToText(html, &page).ok()) return;
  const letapis::OffsetMap& map = page.to_input;
  if (map.size() != page.text.size()) std::abort();
  for (uint32_t i = 0; i <= map.size(); ++i) {
    if (map.ToSource(i) > html.size() || map.EndToSource(i) > html.size()) std::abort();
  }
  for (const letapis::Span& span : letapis::FindBoilerplate(page.text)) {
    if (span.begin >= span.end || span.end > page.text.size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Check(input);
  letapis::DecodedText decoded;
  if (letapis::DecodeText(input, "", &decoded).ok()) Check(decoded.text);
  return 0;
}
