// Thin RAII wrappers over a SQLCipher connection and prepared statements.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "letapis/status.h"

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_context;
typedef struct Mem sqlite3_value;  // as in sqlite3.h

namespace letapis::store {

class Statement;

// The C signature of a SQL scalar function implementation.
using ScalarFunction = void (*)(sqlite3_context*, int, sqlite3_value**);

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
  // Waits up to `timeout_ms` for locks of other connections, polling every millisecond:
  // SQLite's default handler (PRAGMA busy_timeout) sleeps up to 100 ms between polls, so a
  // reader can starve while another process commits back to back. Replaces busy_timeout.
  void SetBusyWait(int timeout_ms);
  // Registers the deterministic SQL scalar function `name` taking `nargs` arguments.
  Status CreateFunction(const char* name, int nargs, ScalarFunction fn);
  // True when the last failed call reported SQLITE_NOTADB: with SQLCipher, a key that does
  // not authenticate page 1 (unlike SQLITE_CORRUPT, a damaged page further on).
  bool LastErrorIsNotADatabase() const;
  // Row id of the last successful INSERT on this connection.
  int64_t LastInsertRowid() const;
  // A status for the failure `rc` during `what`, with the file name and sqlite3_errmsg.
  Status Error(int rc, std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string label_;
  int busy_wait_ms_ = 0;  // SetBusyWait's limit, read by the busy handler
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

  // Number of columns of the result rows.
  int ColumnCount() const;
  // SQLite's storage class of column `col`: SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB or _NULL.
  int ColumnType(int col) const;
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
