// Deriving a Document's text from the bytes that hold the report (internal to ingest).
#pragma once

#include <string_view>

#include "letapis/document.h"
#include "letapis/offset_map.h"
#include "letapis/status.h"

namespace letapis {

// Decodes `body` (declared charset: out->meta.encoding, or an HTML page's <meta charset>),
// converts it to text when out->meta.format is "html" (filling title, url, publisher and
// published where out->meta lacks them), and sets out->text, out->text_to_raw (through
// `body_to_raw`, which maps body offsets to out->raw offsets), out->meta.encoding and
// out->boilerplate. `body` is out->raw itself or a part of it, such as a JSON string
// value. Fails on undecodable bytes, HTML over the limits, or no readable text.
Status DeriveText(std::string_view body, const OffsetMap& body_to_raw, Document* out);

}  // namespace letapis
