// Thin RAII wrappers over a SQLCipher connection and prepared statements.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "letapis/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace letapis::store {

class Statement;

// An open SQLCipher connection; closed on destruction. Errors name `label` (the file).
class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens `path` read-write (creating it when `create`), with extended result codes.
  Status Open(const std::string& path, bool create);
  // Sets the SQLCipher key: `raw_key` is the raw-key form "x'HEX'" (see docs/store-format.md).
  Status Key(std::string_view raw_key);
  // Runs constant SQL (one or more statements, no parameters).
  Status Exec(const char* sql);
  // Prepares one statement of `sql` into `out`.
  Status Prepare(std::string_view sql, Statement* out);
  // The underlying connection, for registering SQL functions (see store/search.cc).
  sqlite3* Handle() const { return db_; }
  // Row id of the last successful INSERT on this connection.
  int64_t LastInsertRowid() const;
  // A status for the failure `rc` during `what`, with the file name and sqlite3_errmsg.
  Status Error(int rc, std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string label_;
};

// A prepared statement; finalized on destruction. Bind* calls remember the first
// failure, which the next Step or Run reports; indices are 1-based as in SQLite.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds a 64-bit integer.
  Statement& BindInt64(int index, int64_t value);
  // Binds a floating-point value.
  Statement& BindDouble(int index, double value);
  // Binds UTF-8 text (copied).
  Statement& BindText(int index, std::string_view value);
  // Binds a blob (copied); an empty view binds a zero-length blob, not NULL.
  Statement& BindBlob(int index, std::string_view value);
  // Binds NULL.
  Statement& BindNull(int index);

  // Steps once: *row is true when a result row is available, false when done.
  Status Step(bool* row);
  // Steps to completion expecting no result row, then resets for reuse.
  Status Run();
  // Resets the statement and clears its bindings for reuse.
  void Reset();

  // True when column `col` (0-based) of the current row is NULL.
  bool IsNull(int col) const;
  // Column `col` as an integer.
  int64_t ColumnInt64(int col) const;
  // Column `col` as a floating-point value.
  double ColumnDouble(int col) const;
  // Column `col` as text ("" for NULL).
  std::string ColumnText(int col) const;
  // Column `col` as blob bytes ("" for NULL or empty).
  std::string ColumnBlob(int col) const;

 private:
  friend class Database;
  // Remembers the bind result `rc` of parameter `index` when it is the first failure.
  Statement& Note(int rc, int index);

  const Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = 0;  // first failing bind result, 0 when none
  int bind_index_ = 0;
};

}  // namespace letapis::store
