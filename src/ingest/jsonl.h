// One line of a JSONL report feed (internal to ingest).
#pragma once

#include <string>
#include <string_view>

#include "letapis/document.h"
#include "letapis/status.h"

namespace letapis {

// Reads line `line_number` (1-based) of the JSONL file at `path`, without its line break,
// into a Document: raw is the line, meta.name "FILE#LINE", meta.format "txt" or "html"
// by which of the string fields "text" and "html" it has (exactly one is required), and
// url, title, publisher (strings) and published (ISO date) come from the optional fields
// of the same names. The text maps to the bytes of the field's value inside the line.
// Fails with a message naming the problem but not the file or line, e.g. "malformed
// JSON at byte 17: ..." or "no \"text\" or \"html\" field"; kLimit past 64 levels of
// nesting.
Status ReadJsonlRecord(std::string_view line, const std::string& path, int line_number,
                       Document* out);

}  // namespace letapis
