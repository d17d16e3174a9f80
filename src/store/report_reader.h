// Reading one stored report back into a Document and an Extraction.
#pragma once

#include <cstdint>

#include "letapis/status.h"
#include "letapis/store.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Loads the report of source row `source_id` inside the caller's read transaction.
// The raw bytes are decompressed and checked against the stored sha256; entity
// indices are renumbered 0..n-1 in insertion order. kCorrupt names the source.
Status ReadReport(Database* db, int64_t source_id, StoredReport* out);

}  // namespace letapis::store
