#include "store/encrypted_copy.h"

#include <array>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "store/row_hash.h"
#include "store/store_file.h"
#include "store/store_key.h"
#include "store/transaction.h"

namespace letapis::store {
namespace {

// Schema name of the copy while it is attached to the source connection.
constexpr const char* kCopySchema = "letapis_copy";

// `name` as a quoted SQL identifier.
std::string QuoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

Status ReadInt(Database* db, const std::string& sql, int64_t* out) {
  Statement stmt;
  bool row = false;
  Status s = db->Prepare(sql, &stmt);
  if (s.ok()) s = stmt.Step(&row);
  if (s.ok()) *out = row ? stmt.ColumnInt64(0) : 0;
  return s;
}

// Exports main into the attached copy and checks it, in one read transaction of main.
Status ExportAttached(Database* db) {
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kRead);
  if (s.ok()) s = db->Exec("SELECT sqlcipher_export('letapis_copy')");
  // sqlcipher_export (SQLCipher 3.4) does not copy the header fields letapis relies on.
  int64_t app = 0, version = 0;
  if (s.ok()) s = ReadInt(db, "PRAGMA main.application_id", &app);
  if (s.ok()) s = ReadInt(db, "PRAGMA main.user_version", &version);
  if (s.ok()) {
    // Integers read from the store, not text: safe to format into the pragmas.
    s = db->Exec(fmt::format("PRAGMA {0}.application_id = {1}; PRAGMA {0}.user_version = {2};",
                             kCopySchema, app, version)
                     .c_str());
  }
  std::string original, copy;
  if (s.ok()) s = ContentDigest(db, "main", &original);
  if (s.ok()) s = ContentDigest(db, kCopySchema, &copy);
  if (s.ok() && original != copy) {
    s = Status::Corrupt("the copy differs from the store after export");
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status AttachAndExport(Database* src, const std::string& dest, const RawKey& key) {
  Statement attach;
  Status s = src->Prepare(fmt::format("ATTACH DATABASE ?1 AS {} KEY ?2", kCopySchema), &attach);
  if (s.ok()) s = attach.BindText(1, dest).BindText(2, key.view()).Run();
  if (!s.ok()) return s;
  s = ExportAttached(src);
  Status detached = src->Exec("DETACH DATABASE letapis_copy");
  return s.ok() ? detached : s;
}

}  // namespace

Status ContentDigest(Database* db, std::string_view schema, std::string* hex) {
  RowHasher hasher;
  Statement objects;
  std::vector<std::string> tables;
  Status s = db->Prepare(fmt::format("SELECT type, name, tbl_name, sql, rootpage FROM"
                                     " {}.sqlite_master ORDER BY type, name",
                                     schema),
                         &objects);
  bool row = false;
  while (s.ok() && (s = objects.Step(&row)).ok() && row) {
    for (int col = 0; col < 4; ++col) hasher.AddColumn(objects, col);
    // A virtual table (rootpage 0: the full-text index) holds no rows of its own; its
    // shadow tables are ordinary tables and are hashed. Reading it from a fresh copy
    // would fail anyway: the copy's schema is loaded only when it is next opened.
    if (objects.ColumnText(0) == "table" && !objects.ColumnText(1).starts_with("sqlite_") &&
        objects.ColumnInt64(4) != 0) {
      tables.push_back(objects.ColumnText(1));
    }
  }
  for (const std::string& table : tables) {
    Statement rows;
    hasher.AddTagged('T', table);
    // Ordered by every column, which also suits tables WITHOUT ROWID.
    if (s.ok())
      s = db->Prepare(fmt::format("SELECT * FROM {}.{}", schema, QuoteIdentifier(table)), &rows);
    if (s.ok()) {
      std::string order;
      for (int col = 1; col <= rows.ColumnCount(); ++col)
        order += fmt::format("{}{}", col > 1 ? ", " : "", col);
      s = db->Prepare(
          fmt::format("SELECT * FROM {}.{} ORDER BY {}", schema, QuoteIdentifier(table), order),
          &rows);
    }
    while (s.ok() && (s = rows.Step(&row)).ok() && row) {
      hasher.AddRaw("\n");
      for (int col = 0; col < rows.ColumnCount(); ++col) hasher.AddColumn(rows, col);
    }
  }
  if (s.ok()) *hex = hasher.HexDigest();
  return s;
}

Status WriteEncryptedCopy(Database* src, const std::string& dest, std::string_view passphrase) {
  std::array<unsigned char, kSaltBytes> salt_bytes;
  Status s = NewSalt(&salt_bytes);
  const std::string salt(salt_bytes.begin(), salt_bytes.end());
  RawKey key;
  if (s.ok()) s = DeriveRawKey(passphrase, salt, /*include_salt=*/true, &key);
  if (s.ok()) s = CreateEmptyFile(dest);
  if (!s.ok()) return s.WithContext(dest);
  s = AttachAndExport(src, dest, key);
  std::string header;
  if (s.ok()) s = ReadSalt(dest, &header);
  if (s.ok() && header != salt) {
    s = Status::IoError(fmt::format("{}: SQLCipher did not adopt the new salt", dest));
  }
  if (s.ok()) s = SyncFile(dest);
  if (!s.ok()) {
    std::error_code ignored;
    std::filesystem::remove(dest, ignored);
    std::filesystem::remove(dest + "-journal", ignored);
  }
  return s;
}

}  // namespace letapis::store
