// The audit log's hash chain: every audit_log row has an audit_chain row holding
// SHA-256(previous hash || canonical encoding of the row), written by a trigger through
// the SQL function letapis_audit_hash (format in docs/store-format.md).
#pragma once

#include <cstddef>
#include <vector>

#include "letapis/status.h"
#include "letapis/store.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Registers letapis_audit_hash(prev_hash, id, at, actor, action, object_type, object_id,
// before, after) on `db`; every connection that may write the audit log needs it.
Status RegisterAuditChain(Database* db);

// Walks audit_log and audit_chain in id order and reports the first row that is missing,
// unchained or does not match its hash. Run it inside a read transaction.
Status VerifyAuditChain(Database* db, AuditVerdict* out);

// The newest `limit` rows (all when 0), oldest first, with their chain hashes.
Status ReadAuditLog(Database* db, size_t limit, std::vector<AuditEntry>* out);

// At most `limit` rows with an id above `after_id`, oldest first, with their chain hashes
// (replaces *out).
Status ReadAuditLogAfter(Database* db, int64_t after_id, size_t limit,
                         std::vector<AuditEntry>* out);

}  // namespace letapis::store
