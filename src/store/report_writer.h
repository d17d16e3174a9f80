// Writing one report (source, document, extraction, audit entry) into the store.
#pragma once

#include <cstdint>
#include <string>

#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Checks what the schema cannot: sha256 matches raw, every entity index is in range,
// every span lies within the text, the offset map covers exactly the text.
// kInvalidInput names the source and the first problem.
Status ValidateReport(const Document& doc, const Extraction& extraction);

// Inserts a validated report inside the caller's write transaction and sets *source_id.
// Does not check for duplicates. `actor` goes into the audit log.
Status WriteReport(Database* db, const Document& doc, const Extraction& extraction,
                   const std::string& actor, int64_t* source_id);

// Inserts the facts of `extraction` (entities, mentions, events, claims, quotes) for the
// existing source `source_id` inside the caller's write transaction.
Status WriteExtraction(Database* db, int64_t source_id, const Document& doc,
                       const Extraction& extraction);

}  // namespace letapis::store
