// Publication marks of the store: confidential sources, protected people and the secret
// key of their pseudonyms (tables in docs/store-format.md). Mutations are one transaction
// each, with an audit-log entry.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "letapis/status.h"
#include "letapis/store.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Sets or clears the confidential mark of source `source_id` (named `source_name` in
// the audit log); nothing is written when the mark is already as asked.
Status WriteConfidentialMark(Database* db, int64_t source_id, const std::string& source_name,
                             bool confidential, const std::string& actor);

// Adds `name` (trimmed, not empty) to protected_person; nothing when already there.
Status WriteProtectedPerson(Database* db, const std::string& name, const std::string& actor);

// Every protected name in id order.
Status ReadProtectedPeople(Database* db, std::vector<std::string>* out);

// The confidential mark and the confirmed flags of every fact of `source_id`, facts in
// row-id order (the order ReadReport gives them).
Status ReadMarks(Database* db, int64_t source_id, PublicationMarks* out);

// Hex HMAC-SHA256 of `name` under store_secret 'pseudonym_key'.
Status ComputePseudonym(Database* db, const std::string& name, std::string* out);

}  // namespace letapis::store
