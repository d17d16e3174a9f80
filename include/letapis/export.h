// Exports of documents and their extractions: the eval interchange format and full JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "letapis/document.h"
#include "letapis/extraction.h"

namespace letapis {

// Appends to `out` one record of the eval interchange format (../shared/eval/SCHEMA.md)
// as compact JSON text, without a newline: only asserted events, only quotes with a known
// speaker, only entities with a mention; evidence strings are verbatim document text.
// The text is byte-identical to nlohmann::json's dump(-1, ' ', false,
// error_handler_t::replace) of the same record as a json object: keys sorted at every
// level, invalid UTF-8 replaced by U+FFFD, integral values as integers.
void AppendEvalRecord(const Document& doc, const Extraction& extraction, std::string* out);

// Everything known about a document's facts: provenance, entities with mentions, events
// (with modality), claims and quotes, each with text and raw-byte spans, rule id and
// confidence.
nlohmann::json FullRecord(const Document& doc, const Extraction& extraction);

// The document text of `span` (empty when the span is out of range).
std::string SpanText(const Document& doc, const Span& span);

}  // namespace letapis
