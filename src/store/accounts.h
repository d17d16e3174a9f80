// Users, sessions and API tokens in the store (the Store account methods).
#pragma once

#include <string>
#include <vector>

#include "letapis/accounts.h"
#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// See Store::AddUser.
Status AddUser(Database* db, const std::string& name, const std::string& password,
               const std::string& role, const std::string& actor, User* out);
// See Store::SetUserRole.
Status SetUserRole(Database* db, const std::string& name, const std::string& role,
                   const std::string& actor);
// See Store::ListUsers.
Status ListUsers(Database* db, std::vector<User>* out);
// See Store::CheckPassword.
Status CheckPassword(Database* db, const std::string& name, const std::string& password, User* out);
// See Store::CreateSession.
Status CreateSession(Database* db, int64_t user_id, std::string* token);
// See Store::FindSession.
Status FindSession(Database* db, const std::string& token, User* out);
// See Store::EndSession.
Status EndSession(Database* db, const std::string& token);
// See Store::CreateApiToken.
Status CreateApiToken(Database* db, const std::string& name, const std::string& label,
                      const std::string& actor, std::string* token);
// See Store::FindApiToken.
Status FindApiToken(Database* db, const std::string& token, User* out);

// Appends one audit-log row inside the caller's transaction (`before`/`after` JSON or "").
Status AppendAudit(Database* db, const std::string& actor, const std::string& action,
                   const std::string& object_type, int64_t object_id, const std::string& before,
                   const std::string& after);

}  // namespace letapis::store
