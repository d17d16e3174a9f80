// Replacing a stored report's extraction while keeping human review decisions.
#pragma once

#include "letapis/review.h"
#include "letapis/status.h"
#include "letapis/store.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// See Store::ReplaceExtraction.
Status ReplaceExtraction(Database* db, int64_t source_id, const Extraction& extraction,
                         const std::string& actor, ReextractStats* stats);

}  // namespace letapis::store
