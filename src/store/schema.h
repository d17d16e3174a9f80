// Schema of the SQLCipher store: numbered migration scripts kept in code.
#pragma once

#include <cstdint>
#include <string>

#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// PRAGMA application_id of every letapis store: "LTAP".
inline constexpr int64_t kApplicationId = 0x4C544150;

// The schema version this binary writes (PRAGMA user_version after Migrate).
int LatestSchemaVersion();

// Brings the schema of `db` up to LatestSchemaVersion() in one transaction: every script
// numbered above the stored user_version runs, then user_version is set. A store newer
// than this binary is refused with kInvalidInput naming both versions; `path` labels errors.
Status Migrate(Database* db, const std::string& path);

}  // namespace letapis::store
