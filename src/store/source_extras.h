// The columns of source and document added in schema version 3 (internal to the store).
#pragma once

#include <cstdint>

#include "letapis/document.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Stores doc.meta.author, doc.meta.parent and doc.pages for the source row `source_id` (already
// written, inside the caller's transaction).
Status WriteSourceExtras(Database* db, int64_t source_id, const Document& doc);

// Reads them back into `doc`; fails with kCorrupt on a malformed page list.
Status ReadSourceExtras(Database* db, int64_t source_id, Document* doc);

}  // namespace letapis::store
