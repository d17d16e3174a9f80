// Transaction: RAII scope of a SQLite transaction that rolls back unless committed.
#pragma once

#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Begins nothing until Begin(); on destruction rolls back a begun, uncommitted transaction.
class Transaction {
 public:
  // How the transaction takes its locks.
  enum class Mode { kRead, kWrite };

  explicit Transaction(Database* db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // BEGIN (kRead, a consistent snapshot) or BEGIN IMMEDIATE (kWrite, takes the write
  // lock at once so that a busy store fails before any work is done).
  Status Begin(Mode mode = Mode::kWrite);
  // COMMIT; after a failure the destructor still rolls back.
  Status Commit();

 private:
  Database* db_;
  bool active_ = false;
};

}  // namespace letapis::store
