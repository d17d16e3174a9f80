// Encrypted copies of an open store (used by rekey and backup) and the content digest
// that proves a copy equal to its original.
#pragma once

#include <string>
#include <string_view>

#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// SHA-256 (hex) over the schema (type, name, table and SQL of every object) and every row
// of every table of the attached database `schema` ("main" or a name this code attached),
// tables by name and rows by rowid, values in RowHasher's encoding.
Status ContentDigest(Database* db, std::string_view schema, std::string* hex);

// Writes the database open in `src` to the new file `dest` (mode 0600), encrypted with
// a key derived from `passphrase` and a fresh salt, inside one read transaction of `src`:
// sqlcipher_export, then application_id and user_version, then ContentDigest of both
// must agree. Flushes `dest` to disk. On failure `dest` is removed.
Status WriteEncryptedCopy(Database* src, const std::string& dest, std::string_view passphrase);

}  // namespace letapis::store
