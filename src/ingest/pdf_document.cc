// MakePdfDocument and PageOf: PDF reports as Documents with a page map.
#include <algorithm>

#include "letapis/ingest.h"
#include "letapis/text.h"
#include "pdf/pdf_text.h"

namespace letapis {

Status MakePdfDocument(std::string raw, const SourceMeta& meta, Document* out) {
  if (meta.format != "pdf") return Status::InvalidInput("format must be \"pdf\"");
  PdfText pdf;
  if (Status status = PdfToText(raw, &pdf); !status.ok()) return status;
  Document doc;
  doc.meta = meta;
  doc.raw = std::move(raw);
  doc.meta.sha256 = Sha256Hex(doc.raw);
  doc.text = std::move(pdf.text);
  doc.text_to_raw = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  doc.pages = std::move(pdf.pages);
  doc.boilerplate = FindBoilerplate(doc.text);
  *out = std::move(doc);
  return Status::Ok();
}

int PageOf(const Document& doc, uint32_t offset) {
  const auto after = std::upper_bound(doc.pages.begin(), doc.pages.end(), offset,
                                      [](uint32_t o, const Span& page) { return o < page.begin; });
  return static_cast<int>(after - doc.pages.begin());
}

}  // namespace letapis
