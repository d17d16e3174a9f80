#include "store/accounts.h"

#include <sodium.h>

#include <chrono>
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "letapis/ingest.h"
#include "store/codec.h"
#include "store/transaction.h"

namespace letapis {

bool IsUserRole(const std::string& role) {
  return role == "admin" || role == "editor" || role == "viewer" || role == "disabled";
}

int RoleRank(const std::string& role) {
  if (role == "admin") return 3;
  if (role == "editor") return 2;
  if (role == "viewer") return 1;
  return 0;
}

}  // namespace letapis

namespace letapis::store {
namespace {

constexpr size_t kMinPassword = 10;
constexpr size_t kMaxPassword = 1024;
constexpr size_t kMaxUserName = 64;
constexpr size_t kTokenBytes = 32;
constexpr char kWrongLogin[] = "wrong user name or password";

// UTC ISO 8601 `seconds` from now.
std::string UtcIn(int64_t seconds) {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) +
                  static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A fresh random secret as lower-case hex.
std::string NewToken() {
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * kTokenBytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

bool ValidName(const std::string& name) {
  if (name.empty() || name.size() > kMaxUserName) return false;
  for (unsigned char c : name) {
    if (c < 0x21 || c == 0x7f) return false;  // no spaces or control characters
  }
  return true;
}

Status ReadUser(Statement* stmt, User* out) {
  bool row = false;
  Status s = stmt->Step(&row);
  if (!s.ok()) return s;
  if (!row) return Status::NotFound("no such user");
  *out = User{stmt->ColumnInt64(0), stmt->ColumnText(1), stmt->ColumnText(2), stmt->ColumnText(3)};
  return Status::Ok();
}

// The live user of a token hash in `table` (web_session with expiry, or api_token).
Status FindByTokenHash(Database* db, const char* sql, const std::string& token, User* out) {
  Statement stmt;
  Status s = db->Prepare(sql, &stmt);
  if (!s.ok()) return s;
  stmt.BindText(1, Sha256Hex(token)).BindText(2, UtcNow());
  s = ReadUser(&stmt, out);
  if (s.code() == Status::Code::kNotFound || (s.ok() && RoleRank(out->role) == 0)) {
    return Status::NotFound("no such session or token");
  }
  return s;
}

}  // namespace

Status AppendAudit(Database* db, const std::string& actor, const std::string& action,
                   const std::string& object_type, int64_t object_id, const std::string& before,
                   const std::string& after) {
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      &stmt);
  if (!s.ok()) return s;
  stmt.BindText(1, UtcNow()).BindText(2, actor).BindText(3, action).BindText(4, object_type);
  stmt.BindInt64(5, object_id);
  before.empty() ? stmt.BindNull(6) : stmt.BindText(6, before);
  after.empty() ? stmt.BindNull(7) : stmt.BindText(7, after);
  return stmt.Run();
}

Status AddUser(Database* db, const std::string& name, const std::string& password,
               const std::string& role, const std::string& actor, User* out) {
  if (!ValidName(name)) {
    return Status::InvalidInput(
        fmt::format("user name \"{}\": 1 to {} characters without spaces", name, kMaxUserName));
  }
  if (!IsUserRole(role) || role == "disabled") {
    return Status::InvalidInput(fmt::format("role \"{}\": use admin, editor or viewer", role));
  }
  if (password.size() < kMinPassword || password.size() > kMaxPassword) {
    return Status::InvalidInput(
        fmt::format("the password must have {} to {} bytes", kMinPassword, kMaxPassword));
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::IoError("out of memory while hashing the password");
  }
  Transaction tx(db);
  Status s = tx.Begin();
  Statement exists, insert;
  bool taken = false;
  if (s.ok()) s = db->Prepare("SELECT 1 FROM app_user WHERE name = ?1", &exists);
  if (s.ok()) s = exists.BindText(1, name).Step(&taken);
  if (s.ok() && taken) return Status::InvalidInput(fmt::format("user \"{}\" already exists", name));
  const std::string now = UtcNow();
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        &insert);
  }
  if (s.ok())
    s = insert.BindText(1, name).BindText(2, role).BindText(3, hash).BindText(4, now).Run();
  const int64_t id = db->LastInsertRowid();
  if (s.ok()) {
    s = AppendAudit(db, actor, "add_user", "user", id, "",
                    nlohmann::json{{"name", name}, {"role", role}}.dump());
  }
  if (s.ok()) s = tx.Commit();
  if (s.ok() && out != nullptr) *out = User{id, name, role, now};
  return s;
}

Status SetUserRole(Database* db, const std::string& name, const std::string& role,
                   const std::string& actor) {
  if (!IsUserRole(role)) {
    return Status::InvalidInput(
        fmt::format("role \"{}\": use admin, editor, viewer or disabled", role));
  }
  Transaction tx(db);
  Status s = tx.Begin();
  Statement find, update, drop;
  User user;
  if (s.ok())
    s = db->Prepare("SELECT id, name, role, created_at FROM app_user WHERE name = ?1", &find);
  if (s.ok()) s = ReadUser(&find.BindText(1, name), &user);
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound(fmt::format("no user \"{}\"", name));
  }
  if (s.ok()) s = db->Prepare("UPDATE app_user SET role = ?1 WHERE id = ?2", &update);
  if (s.ok()) s = update.BindText(1, role).BindInt64(2, user.id).Run();
  if (s.ok() && role == "disabled") {
    s = db->Prepare("DELETE FROM web_session WHERE user_id = ?1", &drop);
    if (s.ok()) s = drop.BindInt64(1, user.id).Run();
  }
  if (s.ok()) {
    s = AppendAudit(db, actor, "set_role", "user", user.id,
                    nlohmann::json{{"role", user.role}}.dump(),
                    nlohmann::json{{"role", role}}.dump());
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status ListUsers(Database* db, std::vector<User>* out) {
  Statement stmt;
  Status s = db->Prepare("SELECT id, name, role, created_at FROM app_user ORDER BY name", &stmt);
  bool row = false;
  while (s.ok() && (s = stmt.Step(&row)).ok() && row) {
    out->push_back(
        User{stmt.ColumnInt64(0), stmt.ColumnText(1), stmt.ColumnText(2), stmt.ColumnText(3)});
  }
  return s;
}

Status CheckPassword(Database* db, const std::string& name, const std::string& password,
                     User* out) {
  // A fixed hash for unknown users, so that they cost as much as a wrong password.
  static const std::string kDummy = [] {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, "x", 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
      return std::string();
    }
    return std::string(hash);
  }();
  Statement stmt;
  Status s = db->Prepare(
      "SELECT id, name, role, created_at, password_hash FROM app_user WHERE name = ?1", &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindText(1, name).Step(&row);
  if (!s.ok()) return s;
  const std::string hash = row ? stmt.ColumnText(4) : kDummy;
  const bool verified =
      password.size() <= kMaxPassword &&
      crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  if (!row || !verified || RoleRank(stmt.ColumnText(2)) == 0) {
    return Status::InvalidInput(kWrongLogin);
  }
  *out = User{stmt.ColumnInt64(0), stmt.ColumnText(1), stmt.ColumnText(2), stmt.ColumnText(3)};
  return Status::Ok();
}

Status CreateSession(Database* db, int64_t user_id, std::string* token) {
  *token = NewToken();
  Transaction tx(db);
  Status s = tx.Begin();
  Statement expire, insert;
  if (s.ok()) s = db->Prepare("DELETE FROM web_session WHERE expires_at < ?1", &expire);
  if (s.ok()) s = expire.BindText(1, UtcNow()).Run();
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO web_session (token_hash, user_id, created_at, expires_at)"
        " VALUES (?1, ?2, ?3, ?4)",
        &insert);
  }
  if (s.ok()) {
    s = insert.BindText(1, Sha256Hex(*token))
            .BindInt64(2, user_id)
            .BindText(3, UtcNow())
            .BindText(4, UtcIn(kSessionSeconds))
            .Run();
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status FindSession(Database* db, const std::string& token, User* out) {
  return FindByTokenHash(db,
                         "SELECT u.id, u.name, u.role, u.created_at FROM web_session w"
                         " JOIN app_user u ON u.id = w.user_id"
                         " WHERE w.token_hash = ?1 AND w.expires_at > ?2",
                         token, out);
}

Status EndSession(Database* db, const std::string& token) {
  Statement stmt;
  Status s = db->Prepare("DELETE FROM web_session WHERE token_hash = ?1", &stmt);
  if (s.ok()) s = stmt.BindText(1, Sha256Hex(token)).Run();
  return s;
}

Status CreateApiToken(Database* db, const std::string& name, const std::string& label,
                      const std::string& actor, std::string* token) {
  Transaction tx(db);
  Status s = tx.Begin();
  Statement find, insert;
  User user;
  if (s.ok())
    s = db->Prepare("SELECT id, name, role, created_at FROM app_user WHERE name = ?1", &find);
  if (s.ok()) s = ReadUser(&find.BindText(1, name), &user);
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound(fmt::format("no user \"{}\"", name));
  }
  *token = "lt_" + NewToken();
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO api_token (token_hash, user_id, label, created_at) VALUES (?1, ?2, ?3, ?4)",
        &insert);
  }
  if (s.ok()) {
    s = insert.BindText(1, Sha256Hex(*token))
            .BindInt64(2, user.id)
            .BindText(3, label)
            .BindText(4, UtcNow())
            .Run();
  }
  if (s.ok()) {
    s = AppendAudit(db, actor, "create_token", "api_token", db->LastInsertRowid(), "",
                    nlohmann::json{{"user", name}, {"label", label}}.dump());
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status FindApiToken(Database* db, const std::string& token, User* out) {
  return FindByTokenHash(db,
                         "SELECT u.id, u.name, u.role, u.created_at FROM api_token t"
                         " JOIN app_user u ON u.id = t.user_id"
                         " WHERE t.token_hash = ?1 AND ?2 IS NOT NULL",
                         token, out);
}

}  // namespace letapis::store
