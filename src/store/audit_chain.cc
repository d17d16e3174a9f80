#include "store/audit_chain.h"

// The sqlite3_value API; SQLCipher is always a codec build.
#define SQLITE_HAS_CODEC 1
#include <sodium.h>
#include <sqlcipher/sqlite3.h>

#include <array>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "store/row_hash.h"

namespace letapis::store {
namespace {

// Arguments of letapis_audit_hash: the previous hash, then the eight audit_log columns.
constexpr int kHashArgs = 9;

// Starts a link of the chain: the previous hash as 32 raw bytes (zeros for the first row).
// False when `prev_hex` is neither empty nor a hex SHA-256.
bool StartLink(std::string_view prev_hex, RowHasher* hasher) {
  std::array<unsigned char, kRowHashBytes> prev{};
  size_t prev_len = 0;
  if (!prev_hex.empty() && (sodium_hex2bin(prev.data(), prev.size(), prev_hex.data(),
                                           prev_hex.size(), nullptr, &prev_len, nullptr) != 0 ||
                            prev_len != kRowHashBytes)) {
    return false;
  }
  hasher->AddRaw({reinterpret_cast<const char*>(prev.data()), prev.size()});
  return true;
}

void AuditHashFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  RowHasher hasher;
  const int prev_type = sqlite3_value_type(argv[0]);
  std::string_view prev;
  if (prev_type == SQLITE_TEXT) {
    prev = {reinterpret_cast<const char*>(sqlite3_value_text(argv[0])),
            static_cast<size_t>(sqlite3_value_bytes(argv[0]))};
  }
  if ((prev_type != SQLITE_NULL && prev_type != SQLITE_TEXT) || !StartLink(prev, &hasher)) {
    sqlite3_result_error(ctx, "letapis_audit_hash: the previous chain hash is malformed", -1);
    return;
  }
  for (int i = 1; i < argc; ++i) hasher.AddValue(argv[i]);
  const std::string hash = hasher.HexDigest();
  sqlite3_result_text(ctx, hash.data(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
}

// audit_log rows joined with their chain rows, plus chain rows whose audit_log row is
// gone (column 9 = 1), in id order. Columns 0 and 2..8 are the hashed audit_log columns.
constexpr const char* kChainWalk =
    "SELECT l.id, c.hash, l.at, l.actor, l.action, l.object_type, l.object_id, l.before,"
    " l.after, 0 FROM audit_log l LEFT JOIN audit_chain c ON c.audit_id = l.id"
    " UNION ALL SELECT c.audit_id, c.hash, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1"
    " FROM audit_chain c WHERE c.audit_id NOT IN (SELECT id FROM audit_log) ORDER BY 1";

// Describes what is wrong with the current row of kChainWalk given the previous row's
// hash, or returns "" when it chains.
std::string RowProblem(const Statement& row, const std::string& prev_hash) {
  const int64_t id = row.ColumnInt64(0);
  if (row.ColumnInt64(9) == 1) return fmt::format("audit row {} was deleted", id);
  if (row.IsNull(1)) {
    return fmt::format(
        "audit row {} has no chain hash: it was added around letapis, or its chain entry "
        "was deleted",
        id);
  }
  RowHasher hasher;
  bool chained = StartLink(prev_hash, &hasher);
  hasher.AddColumn(row, 0);
  for (int col = 2; col <= 8; ++col) hasher.AddColumn(row, col);
  if (!chained || hasher.HexDigest() != row.ColumnText(1)) {
    return fmt::format(
        "audit row {} does not match its chain hash: it was changed, or a row before it was "
        "deleted or reordered",
        id);
  }
  return "";
}

}  // namespace

Status RegisterAuditChain(Database* db) {
  return db->CreateFunction("letapis_audit_hash", kHashArgs, AuditHashFunction);
}

Status VerifyAuditChain(Database* db, AuditVerdict* out) {
  *out = AuditVerdict{};
  Statement walk;
  Status s = db->Prepare(kChainWalk, &walk);
  bool row = false;
  std::string prev;
  while (s.ok() && (s = walk.Step(&row)).ok() && row) {
    ++out->rows;
    std::string problem = RowProblem(walk, prev);
    if (!problem.empty()) {
      out->first_bad_id = walk.ColumnInt64(0);
      out->problem = std::move(problem);
      return Status::Ok();
    }
    prev = walk.ColumnText(1);
    out->head_id = walk.ColumnInt64(0);
    out->head_hash = prev;
  }
  out->intact = s.ok();
  return s;
}

namespace {

// Appends the rows of `stmt` (id, at, actor, action, object_type, object_id, before, after,
// hash) to *out.
Status CollectAuditRows(Statement* stmt, std::vector<AuditEntry>* out) {
  Status s;
  bool row = false;
  while ((s = stmt->Step(&row)).ok() && row) {
    AuditEntry e;
    e.id = stmt->ColumnInt64(0);
    e.at = stmt->ColumnText(1);
    e.actor = stmt->ColumnText(2);
    e.action = stmt->ColumnText(3);
    e.object_type = stmt->ColumnText(4);
    if (!stmt->IsNull(5)) e.object_id = stmt->ColumnInt64(5);
    e.before = stmt->ColumnText(6);
    e.after = stmt->ColumnText(7);
    e.hash = stmt->ColumnText(8);
    out->push_back(std::move(e));
  }
  return s;
}

}  // namespace

Status ReadAuditLog(Database* db, size_t limit, std::vector<AuditEntry>* out) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT * FROM (SELECT l.id, l.at, l.actor, l.action, l.object_type, l.object_id,"
      " l.before, l.after, c.hash FROM audit_log l LEFT JOIN audit_chain c ON c.audit_id = l.id"
      " ORDER BY l.id DESC LIMIT ?1) ORDER BY id",
      &stmt);
  if (!s.ok()) return s;
  stmt.BindInt64(1, limit == 0 ? -1 : static_cast<int64_t>(limit));
  return CollectAuditRows(&stmt, out);
}

Status ReadAuditLogAfter(Database* db, int64_t after_id, size_t limit,
                         std::vector<AuditEntry>* out) {
  out->clear();
  Statement stmt;
  Status s = db->Prepare(
      "SELECT l.id, l.at, l.actor, l.action, l.object_type, l.object_id, l.before, l.after,"
      " c.hash FROM audit_log l LEFT JOIN audit_chain c ON c.audit_id = l.id WHERE l.id > ?1"
      " ORDER BY l.id LIMIT ?2",
      &stmt);
  if (!s.ok()) return s;
  stmt.BindInt64(1, after_id).BindInt64(2, static_cast<int64_t>(limit));
  return CollectAuditRows(&stmt, out);
}

}  // namespace letapis::store
