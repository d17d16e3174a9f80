#include "store/transaction.h"

namespace letapis::store {

Transaction::~Transaction() {
  // A failed ROLLBACK leaves nothing better to do: SQLite rolls back on close anyway.
  if (active_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Begin(Mode mode) {
  Status s = db_->Exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  active_ = s.ok();
  return s;
}

Status Transaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) active_ = false;
  return s;
}

}  // namespace letapis::store
