#include "store/sqlite_handle.h"

#include <time.h>

// sqlite3_key_v2 is declared only for codec builds; SQLCipher always is one.
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <fmt/format.h>

namespace letapis::store {

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Open(const std::string& path, bool create) {
  label_ = path;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "open");
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

Status Database::Key(std::string_view raw_key) {
  int rc = sqlite3_key_v2(db_, "main", raw_key.data(), static_cast<int>(raw_key.size()));
  if (rc != SQLITE_OK) return Error(rc, "set key");
  return Status::Ok();
}

Status Database::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    std::string_view text(sql);
    constexpr size_t kShown = 60;  // a migration script is long; its start identifies it
    return Error(rc, fmt::format("exec \"{}{}\"", text.substr(0, kShown),
                                 text.size() > kShown ? "..." : ""));
  }
  return Status::Ok();
}

Status Database::Prepare(std::string_view sql, Statement* out) {
  sqlite3_finalize(out->stmt_);
  out->stmt_ = nullptr;
  out->db_ = this;
  out->bind_rc_ = 0;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &out->stmt_, nullptr);
  if (rc != SQLITE_OK) return Error(rc, fmt::format("prepare \"{}\"", sql));
  return Status::Ok();
}

void Database::SetBusyWait(int timeout_ms) {
  busy_wait_ms_ = timeout_ms;
  sqlite3_busy_handler(
      db_,
      [](void* arg, int tries) {
        constexpr timespec kPoll{0, 1000 * 1000};  // 1 ms
        nanosleep(&kPoll, nullptr);
        return tries < *static_cast<int*>(arg) ? 1 : 0;
      },
      &busy_wait_ms_);
}

Status Database::CreateFunction(const char* name, int nargs, ScalarFunction fn) {
  int rc = sqlite3_create_function_v2(db_, name, nargs, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                      fn, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, fmt::format("register SQL function {}", name));
  return Status::Ok();
}

bool Database::LastErrorIsNotADatabase() const {
  return db_ != nullptr && (sqlite3_extended_errcode(db_) & 0xff) == SQLITE_NOTADB;
}

int64_t Database::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

Status Database::Error(int rc, std::string_view what) const {
  // sqlite3_errmsg describes the last call on the connection; fall back to the generic
  // text of `rc` when that call was not the failing one (e.g. a deferred key check).
  const char* detail = db_ != nullptr && sqlite3_extended_errcode(db_) == rc ? sqlite3_errmsg(db_)
                                                                             : sqlite3_errstr(rc);
  std::string msg = fmt::format("{}: {}: {}", label_, what, detail);
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(std::move(msg));
    case SQLITE_CONSTRAINT:
      return Status::InvalidInput(std::move(msg));
    default:
      return Status::IoError(std::move(msg));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Note(int rc, int index) {
  if (rc != SQLITE_OK && bind_rc_ == 0) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
  return *this;
}

Statement& Statement::BindInt64(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  return Note(rc, index);
}

Statement& Statement::BindDouble(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  return Note(rc, index);
}

Statement& Statement::BindText(int index, std::string_view value) {
  int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return Note(rc, index);
}

Statement& Statement::BindBlob(int index, std::string_view value) {
  int rc = value.empty()
               ? sqlite3_bind_zeroblob(stmt_, index, 0)
               : sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT);
  return Note(rc, index);
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  return Note(rc, index);
}

Status Statement::Step(bool* row) {
  if (bind_rc_ != 0) {
    return db_->Error(bind_rc_,
                      fmt::format("bind parameter {} of \"{}\"", bind_index_, sqlite3_sql(stmt_)));
  }
  int rc = sqlite3_step(stmt_);
  *row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
  return db_->Error(rc, fmt::format("run \"{}\"", sqlite3_sql(stmt_)));
}

Status Statement::Run() {
  bool row = false;
  Status s = Step(&row);
  Reset();
  if (s.ok() && row) {
    return db_->Error(SQLITE_MISUSE, fmt::format("\"{}\" returned a row", sqlite3_sql(stmt_)));
  }
  return s;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = 0;
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

int Statement::ColumnType(int col) const { return sqlite3_column_type(stmt_, col); }

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

int64_t Statement::ColumnInt64(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::ColumnText(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Statement::ColumnBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return std::string(static_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

}  // namespace letapis::store
