// libFuzzer target: the whole extraction pipeline on arbitrary text; every span of every
// fact must lie inside the document text.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "letapis/extractor.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace {

const letapis::Extractor& Loaded() {
  static letapis::Extractor* extractor = [] {
    auto* e = new letapis::Extractor();
    if (!letapis::Extractor::Load(letapis::DataDir(), e).ok()) std::abort();
    return e;
  }();
  return *extractor;
}

void CheckSpan(const letapis::Span& s, size_t size) {
  if (s.begin > s.end || s.end > size) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  letapis::DecodedText decoded;
  if (!letapis::DecodeText(std::string_view(reinterpret_cast<const char*>(data), size), "utf-8",
                           &decoded)
           .ok()) {
    return 0;
  }
  letapis::Document doc;
  doc.text = decoded.text;
  doc.raw = decoded.text;
  doc.text_to_raw = letapis::OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  doc.boilerplate = letapis::FindBoilerplate(doc.text);
  const letapis::Extraction x = Loaded().Run(doc);
  const size_t n = doc.text.size();
  for (const auto& m : x.mentions) {
    CheckSpan(m.span, n);
    if (m.entity < 0 || m.entity >= static_cast<int>(x.entities.size())) std::abort();
  }
  for (const auto& e : x.events) {
    CheckSpan(e.evidence, n);
    for (int w : e.who) {
      if (w < 0 || w >= static_cast<int>(x.entities.size())) std::abort();
    }
  }
  for (const auto& c : x.claims) CheckSpan(c.evidence, n);
  for (const auto& q : x.quotes) CheckSpan(q.span, n);
  return 0;
}
