// Building a Document from bytes already decoded to UTF-8.
#pragma once

#include <string>

#include "letapis/document.h"
#include "letapis/status.h"
#include "letapis/text.h"

namespace letapis {

// Completes a Document: `raw` is the original bytes, `decoded` their UTF-8 text (mapped
// into raw). For meta.format "html" the text is the page's readable text and metadata
// missing from `meta` is taken from the page. Fails when no text remains.
Status BuildDocument(std::string raw, const DecodedText& decoded, const SourceMeta& meta,
                     Document* out);

}  // namespace letapis
