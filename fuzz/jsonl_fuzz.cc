// libFuzzer target: one JSONL line through ReadJsonlRecord, and the same bytes as a
// .txt and an .html report through MakeDocument. Every Document must map each text
// offset into its raw bytes and mark boilerplate within its text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/jsonl.h"
#include "letapis/ingest.h"

namespace {

void CheckDocument(const letapis::Document& doc) {
  const letapis::OffsetMap& map = doc.text_to_raw;
  if (map.size() != doc.text.size()) std::abort();
  for (uint32_t i = 0; i <= map.size(); ++i) {
    if (map.ToSource(i) > doc.raw.size() || map.EndToSource(i) > doc.raw.size()) std::abort();
  }
  for (const letapis::Span& span : doc.boilerplate) {
    if (span.begin >= span.end || span.end > doc.text.size()) std::abort();
  }
  if (doc.meta.sha256 != letapis::Sha256Hex(doc.raw)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  letapis::Document doc;
  if (letapis::ReadJsonlRecord(input, "fuzz.jsonl", 1, &doc).ok()) CheckDocument(doc);
  for (const char* format : {"txt", "html"}) {
    letapis::SourceMeta meta;
    meta.name = "fuzz";
    meta.format = format;
    if (letapis::MakeDocument(std::string(input), meta, &doc).ok()) CheckDocument(doc);
  }
  return 0;
}
