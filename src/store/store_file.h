// Files of a store: the salt header, exclusive creation, keyed opening and durable
// replacement (fsync of files and directories).
#pragma once

#include <string>
#include <string_view>

#include "letapis/status.h"
#include "store/sqlite_handle.h"
#include "store/store_key.h"

namespace letapis::store {

// Reads the first kSaltBytes of the file: the salt of a store.
Status ReadSalt(const std::string& path, std::string* salt);

// Creates `path` exclusively (mode 0600), so that two creators cannot share a file.
Status CreateEmptyFile(const std::string& path);

// Copies file `from` to the new file `to` (mode 0600, refused when it exists) and
// flushes it to disk; removes `to` on failure.
Status CopyFileExclusive(const std::string& from, const std::string& to);

// Flushes the contents of file `path` to stable storage (fsync).
Status SyncFile(const std::string& path);

// Flushes the directory that holds `path`, so that a rename or link in it survives a crash.
Status SyncParentDirectory(const std::string& path);

// A name that does not exist yet in the directory of `path`: "<path>.<tag>-<16 hex>".
std::string TempPathBeside(const std::string& path, std::string_view tag);

// Derives the key of the existing store file `path` from `passphrase` and its salt.
Status DeriveKeyOf(const std::string& path, std::string_view passphrase, RawKey* key);

// Opens the existing store file `path` with `key` and checks the key: kWrongPassphrase
// when it does not decrypt the file. Sets temp_store = MEMORY and busy_timeout and
// registers the audit-chain SQL function. The schema is not migrated.
Status OpenKeyed(const std::string& path, const RawKey& key, Database* db);

// Fails with kInvalidInput when SQLite's rollback journal of `path` exists: a writer is
// running or crashed, and replacing the file under that journal would corrupt it.
Status RequireNoJournal(const std::string& path);

}  // namespace letapis::store
