// libFuzzer target: one JSONL report line; the body's map stays inside the line.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/jsonl_record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  letapis::JsonlRecord record;
  if (!letapis::ParseJsonlRecord(line, &record).ok()) return 0;
  for (uint32_t i = 0; i <= record.body.text.size(); ++i) {
    if (record.body.to_input.ToSource(i) > size) std::abort();
  }
  return 0;
}
