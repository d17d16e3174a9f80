// RekeyStore: a new passphrase and salt through an encrypted copy renamed over the store.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "letapis/store_admin.h"
#include "store/encrypted_copy.h"
#include "store/store_file.h"
#include "store/transaction.h"

namespace letapis {

Status RekeyStore(const std::string& path, const std::string& old_passphrase,
                  const std::string& new_passphrase) {
  if (new_passphrase.empty()) {
    return Status::InvalidInput(fmt::format("{}: the new passphrase must not be empty", path));
  }
  store::RawKey key;
  store::Database guard, reader;
  Status s = store::DeriveKeyOf(path, old_passphrase, &key);
  if (s.ok()) s = store::OpenKeyed(path, key, &guard);
  // The guard holds the write lock until the rename, so that no write is lost in between.
  store::Transaction lock(&guard);
  if (s.ok()) s = lock.Begin(store::Transaction::Mode::kWrite);
  if (s.ok()) s = store::OpenKeyed(path, key, &reader);
  if (!s.ok()) return s;
  const std::string temp = store::TempPathBeside(path, "rekey");
  s = store::WriteEncryptedCopy(&reader, temp, new_passphrase);
  StoreFileReport check;
  if (s.ok()) s = VerifyStoreFile(temp, new_passphrase, &check);
  if (s.ok() && std::rename(temp.c_str(), path.c_str()) != 0) {
    s = Status::IoError(
        fmt::format("{}: cannot replace it with {}: {}", path, temp, std::strerror(errno)));
  }
  if (!s.ok()) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return s;
  }
  return store::SyncParentDirectory(path);
}

}  // namespace letapis
