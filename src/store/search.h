// Full-text search over the stored reports (the Store::Search method).
#pragma once

#include "letapis/search.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Registers the SQL function letapis_bm25(matchinfo blob 'pcnalx') on the connection.
Status RegisterSearchFunctions(Database* db);

// See Store::Search.
Status Search(Database* db, const std::string& query, int64_t limit, int64_t offset,
              SearchResults* out);

}  // namespace letapis::store
