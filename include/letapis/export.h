// Exports of documents and their extractions: the eval interchange format and full JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "letapis/document.h"
#include "letapis/extraction.h"

namespace letapis {

// One line of the eval interchange format (../shared/eval/SCHEMA.md): only asserted
// events, only quotes with a known speaker; evidence strings are verbatim document text.
nlohmann::json EvalRecord(const Document& doc, const Extraction& extraction);

// Everything known about a document's facts: provenance, entities with mentions, events
// (with modality), claims and quotes, each with text and raw-byte spans, rule id and
// confidence.
nlohmann::json FullRecord(const Document& doc, const Extraction& extraction);

// The document text of `span` (empty when the span is out of range).
std::string SpanText(const Document& doc, const Span& span);

}  // namespace letapis
