// Whole-file operations on an encrypted store: changing the passphrase, backing up,
// verifying and restoring. Each opens its own connections by path; see docs/security.md.
#pragma once

#include <cstdint>
#include <string>

#include "letapis/status.h"

namespace letapis {

// What VerifyStoreFile checked.
struct StoreFileReport {
  int64_t schema_version = 0;
  int64_t pages = 0;   // database pages read and authenticated
  std::string digest;  // hex SHA-256 of the schema and every row (ContentDigest)
};

// Re-encrypts the store at `path` under `new_passphrase` with a fresh salt. The copy is
// written (encrypted) to a temporary file beside `path`, compared row by row with the
// store, flushed and renamed over it, so that a crash leaves either the old or the new
// file. Writers are blocked meanwhile; other processes must not keep the store open.
// kWrongPassphrase when `old_passphrase` does not open it.
Status RekeyStore(const std::string& path, const std::string& old_passphrase,
                  const std::string& new_passphrase);

// Writes an encrypted, verified copy of the store at `path` to the new file
// `backup_path`, keyed by the same passphrase with its own salt. Reads one consistent
// snapshot, so it works while another process uses the store. Refuses an existing
// `backup_path`.
Status BackupStore(const std::string& path, const std::string& passphrase,
                   const std::string& backup_path);

// Checks that `path` is a letapis store this binary can read, that `passphrase` opens it
// and that every page authenticates and the structure is sound (PRAGMA integrity_check).
// kCorrupt with the first problems otherwise.
Status VerifyStoreFile(const std::string& path, const std::string& passphrase,
                       StoreFileReport* out);

// Verifies the backup, copies it to a temporary file beside `target`, verifies the copy
// and renames it over `target`. An existing `target` is first kept as
// "<target>.before-restore-<UTC time>" (named in *kept, "" when there was none). Refuses
// while `target` has a rollback journal (a writer is active or crashed).
Status RestoreStore(const std::string& backup_path, const std::string& passphrase,
                    const std::string& target, std::string* kept);

}  // namespace letapis
