// libFuzzer target: DecodeText on arbitrary bytes. On success the text must be valid
// UTF-8 and its map must cover every text offset with input offsets that never go past
// the input or backwards.
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "letapis/text.h"

namespace {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void Check(std::string_view input, std::string_view declared) {
  letapis::DecodedText decoded;
  if (!letapis::DecodeText(input, declared, &decoded).ok()) return;
  if (!IsValidUtf8(decoded.text)) std::abort();
  const letapis::OffsetMap& map = decoded.to_input;
  if (map.size() != decoded.text.size()) std::abort();
  uint32_t previous = 0;
  for (uint32_t i = 0; i <= map.size(); ++i) {
    const uint32_t source = map.ToSource(i);
    if (source > input.size() || source < previous) std::abort();
    if (map.EndToSource(i) > input.size()) std::abort();
    previous = source;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Check(input, "");
  Check(input, "windows-1251");
  Check(input, "utf-8");
  return 0;
}
