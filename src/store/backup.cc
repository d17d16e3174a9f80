// BackupStore, VerifyStoreFile and RestoreStore: verified encrypted copies of a store.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "letapis/store_admin.h"
#include "store/codec.h"
#include "store/encrypted_copy.h"
#include "store/schema.h"
#include "store/store_file.h"
#include "store/transaction.h"

namespace letapis {
namespace {

// Problems of PRAGMA integrity_check shown in an error.
constexpr int kShownProblems = 3;

Status ReadInt(store::Database* db, const char* sql, int64_t* out) {
  store::Statement stmt;
  bool row = false;
  Status s = db->Prepare(sql, &stmt);
  if (s.ok()) s = stmt.Step(&row);
  if (s.ok()) *out = row ? stmt.ColumnInt64(0) : 0;
  return s;
}

// The letapis header fields: ours, and a schema this binary reads.
Status CheckHeader(store::Database* db, const std::string& path, StoreFileReport* out) {
  int64_t app = 0;
  Status s = ReadInt(db, "PRAGMA application_id", &app);
  if (s.ok()) s = ReadInt(db, "PRAGMA user_version", &out->schema_version);
  if (s.ok()) s = ReadInt(db, "PRAGMA page_count", &out->pages);
  if (!s.ok()) return s;
  if (app != store::kApplicationId) {
    return Status::InvalidInput(
        fmt::format("{}: not a letapis store (application_id {:#x})", path, app));
  }
  if (out->schema_version > store::LatestSchemaVersion()) {
    return Status::InvalidInput(fmt::format(
        "{}: store schema version {} is newer than this letapis supports ({}); upgrade letapis",
        path, out->schema_version, store::LatestSchemaVersion()));
  }
  return Status::Ok();
}

// PRAGMA integrity_check reads every page of every b-tree; SQLCipher authenticates each
// page it reads (HMAC), so a changed, swapped or missing page fails here.
Status CheckIntegrity(store::Database* db, const std::string& path) {
  store::Statement stmt;
  Status s = db->Prepare("PRAGMA integrity_check", &stmt);
  std::string report;
  bool row = false;
  while (s.ok() && (s = stmt.Step(&row)).ok() && row) report += stmt.ColumnText(0) + "\n";
  if (!s.ok()) return s;
  if (report == "ok\n") return Status::Ok();
  // The report is one problem per line; the first few say enough.
  std::string shown;
  size_t begin = 0;
  for (int i = 0; i < kShownProblems && begin < report.size(); ++i) {
    const size_t end = report.find('\n', begin);
    shown += (i ? "; " : "") + report.substr(begin, end - begin);
    begin = end + 1;
  }
  return Status::Corrupt(fmt::format("{}: integrity check failed: {}", path, shown));
}

// link() instead of rename(): fails rather than replacing an existing `to`.
Status LinkNew(const std::string& from, const std::string& to) {
  if (::link(from.c_str(), to.c_str()) != 0) {
    return Status::IoError(errno == EEXIST
                               ? fmt::format("{}: already exists; not overwriting it", to)
                               : fmt::format("{}: cannot create: {}", to, std::strerror(errno)));
  }
  return Status::Ok();
}

std::string CompactUtcNow() {
  std::string now = store::UtcNow();
  std::erase_if(now, [](char c) { return c == '-' || c == ':'; });
  return now;
}

}  // namespace

Status VerifyStoreFile(const std::string& path, const std::string& passphrase,
                       StoreFileReport* out) {
  *out = StoreFileReport{};
  store::RawKey key;
  store::Database db;
  Status s = store::DeriveKeyOf(path, passphrase, &key);
  if (s.ok()) s = store::OpenKeyed(path, key, &db);
  store::Transaction tx(&db);
  if (s.ok()) s = tx.Begin(store::Transaction::Mode::kRead);
  if (s.ok()) s = CheckHeader(&db, path, out);
  if (s.ok()) s = CheckIntegrity(&db, path);
  if (s.ok()) s = store::ContentDigest(&db, "main", &out->digest);
  if (s.ok()) s = tx.Commit();
  if (s.code() == Status::Code::kCorrupt || s.code() == Status::Code::kIoError) {
    return Status::Corrupt(fmt::format("damaged or tampered: {}", s.message()));
  }
  return s;
}

Status BackupStore(const std::string& path, const std::string& passphrase,
                   const std::string& backup_path) {
  std::error_code ec;
  if (std::filesystem::exists(backup_path, ec)) {
    return Status::InvalidInput(fmt::format("{}: already exists; not overwriting it", backup_path));
  }
  store::RawKey key;
  store::Database db;
  Status s = store::DeriveKeyOf(path, passphrase, &key);
  if (s.ok()) s = store::OpenKeyed(path, key, &db);
  if (!s.ok()) return s;
  const std::string temp = store::TempPathBeside(backup_path, "partial");
  s = store::WriteEncryptedCopy(&db, temp, passphrase);
  StoreFileReport check;
  if (s.ok()) s = VerifyStoreFile(temp, passphrase, &check);
  if (s.ok()) s = LinkNew(temp, backup_path);
  std::filesystem::remove(temp, ec);
  if (s.ok()) s = store::SyncParentDirectory(backup_path);
  return s;
}

Status RestoreStore(const std::string& backup_path, const std::string& passphrase,
                    const std::string& target, std::string* kept) {
  kept->clear();
  StoreFileReport backup, copy;
  Status s = VerifyStoreFile(backup_path, passphrase, &backup);
  if (!s.ok()) return s.WithContext("refusing to restore");
  s = store::RequireNoJournal(target);
  if (!s.ok()) return s;
  const std::string temp = store::TempPathBeside(target, "restore");
  s = store::CopyFileExclusive(backup_path, temp);
  if (s.ok()) s = VerifyStoreFile(temp, passphrase, &copy);
  if (s.ok() && copy.digest != backup.digest) {
    s = Status::Corrupt(fmt::format("{}: the copy of {} differs from it", temp, backup_path));
  }
  std::error_code ec;
  if (s.ok() && std::filesystem::exists(target, ec)) {
    const std::string previous = fmt::format("{}.before-restore-{}", target, CompactUtcNow());
    s = LinkNew(target, previous);
    if (s.ok()) *kept = previous;
  }
  if (s.ok() && std::rename(temp.c_str(), target.c_str()) != 0) {
    s = Status::IoError(
        fmt::format("{}: cannot replace it with {}: {}", target, temp, std::strerror(errno)));
  }
  if (!s.ok()) {
    std::filesystem::remove(temp, ec);
    return s;
  }
  return store::SyncParentDirectory(target);
}

}  // namespace letapis
