// libFuzzer target: PdfToText on arbitrary bytes. On success the page ranges must be
// ordered and inside the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pdf/pdf_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  letapis::PdfText pdf;
  if (!letapis::PdfToText(input, &pdf).ok()) return 0;
  uint32_t previous_end = 0;
  for (const letapis::Span& page : pdf.pages) {
    if (page.begin > page.end || page.end > pdf.text.size() || page.begin < previous_end) {
      std::abort();
    }
    previous_end = page.end;
  }
  return 0;
}
