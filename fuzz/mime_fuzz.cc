// libFuzzer target: ParseMail and DecodeHeaderWords on arbitrary bytes. On success the
// body must be valid UTF-8 when it came from a text part.
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mail/mime.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  letapis::MailMessage message;
  if (letapis::ParseMail(input, &message).ok()) {
    const auto* p = reinterpret_cast<const uint8_t*>(message.body.data());
    const auto n = static_cast<int32_t>(message.body.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) std::abort();
    }
  }
  (void)letapis::DecodeHeaderWords(input.substr(0, 4096));
  (void)letapis::ParseMailDate(input.substr(0, 256));
  return 0;
}
