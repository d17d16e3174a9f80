#include "store/publication.h"

#include <sodium.h>

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/codec.h"
#include "store/transaction.h"

namespace letapis::store {
namespace {

constexpr const char* kReviewedConfirmed = "confirmed";

Status WriteAudit(Database* db, const std::string& actor, const char* action,
                  const char* object_type, int64_t object_id, const nlohmann::json& after) {
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
      " VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
      &stmt);
  if (!s.ok()) return s;
  stmt.BindText(1, UtcNow()).BindText(2, actor).BindText(3, action).BindText(4, object_type);
  stmt.BindInt64(5, object_id).BindText(6, after.dump());
  return stmt.Run();
}

// Appends whether each row of `sql` (one review_state column, bound ?1 = source id) is
// confirmed.
Status ReadConfirmed(Database* db, const char* sql, int64_t source_id, std::vector<bool>* out) {
  Statement stmt;
  Status s = db->Prepare(sql, &stmt);
  if (!s.ok()) return s;
  stmt.BindInt64(1, source_id);
  bool row = false;
  while ((s = stmt.Step(&row)).ok() && row) {
    out->push_back(stmt.ColumnText(0) == kReviewedConfirmed);
  }
  return s;
}

}  // namespace

Status WriteConfidentialMark(Database* db, int64_t source_id, const std::string& source_name,
                             bool confidential, const std::string& actor) {
  Transaction tx(db);
  Statement find, change;
  bool marked = false;
  Status s = tx.Begin(Transaction::Mode::kWrite);
  if (s.ok()) s = db->Prepare("SELECT 1 FROM confidential_source WHERE source_id = ?1", &find);
  if (s.ok()) s = find.BindInt64(1, source_id).Step(&marked);
  if (!s.ok() || marked == confidential) return s;
  s = db->Prepare(confidential
                      ? "INSERT INTO confidential_source (source_id, actor, at) VALUES (?1, ?2, ?3)"
                      : "DELETE FROM confidential_source WHERE source_id = ?1",
                  &change);
  if (s.ok()) {
    change.BindInt64(1, source_id);
    if (confidential) change.BindText(2, actor).BindText(3, UtcNow());
    s = change.Run();
  }
  if (s.ok()) {
    s = WriteAudit(db, actor, confidential ? "mark_confidential" : "unmark_confidential", "source",
                   source_id, {{"name", source_name}});
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status WriteProtectedPerson(Database* db, const std::string& name, const std::string& actor) {
  const size_t begin = name.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return Status::InvalidInput("a protected name must not be empty");
  const std::string trimmed = name.substr(begin, name.find_last_not_of(" \t\r\n") - begin + 1);
  Transaction tx(db);
  Statement find, insert;
  bool known = false;
  Status s = tx.Begin(Transaction::Mode::kWrite);
  if (s.ok()) s = db->Prepare("SELECT 1 FROM protected_person WHERE name = ?1", &find);
  if (s.ok()) s = find.BindText(1, trimmed).Step(&known);
  if (!s.ok() || known) return s;
  s = db->Prepare("INSERT INTO protected_person (name, actor, at) VALUES (?1, ?2, ?3)", &insert);
  if (s.ok()) s = insert.BindText(1, trimmed).BindText(2, actor).BindText(3, UtcNow()).Run();
  if (s.ok()) {
    s = WriteAudit(db, actor, "protect", "person", db->LastInsertRowid(), {{"name", trimmed}});
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status ReadProtectedPeople(Database* db, std::vector<std::string>* out) {
  Statement stmt;
  Status s = db->Prepare("SELECT name FROM protected_person ORDER BY id", &stmt);
  bool row = false;
  while (s.ok() && (s = stmt.Step(&row)).ok() && row) out->push_back(stmt.ColumnText(0));
  return s;
}

Status ReadMarks(Database* db, int64_t source_id, PublicationMarks* out) {
  *out = PublicationMarks{};
  Transaction tx(db);
  Statement find;
  Status s = tx.Begin(Transaction::Mode::kRead);
  if (s.ok()) s = db->Prepare("SELECT 1 FROM confidential_source WHERE source_id = ?1", &find);
  if (s.ok()) s = find.BindInt64(1, source_id).Step(&out->confidential);
  if (s.ok()) {
    s = ReadConfirmed(db, "SELECT review_state FROM event WHERE source_id = ?1 ORDER BY id",
                      source_id, &out->events);
  }
  if (s.ok()) {
    s = ReadConfirmed(db, "SELECT review_state FROM claim WHERE source_id = ?1 ORDER BY id",
                      source_id, &out->claims);
  }
  if (s.ok()) {
    s = ReadConfirmed(db, "SELECT review_state FROM quote WHERE source_id = ?1 ORDER BY id",
                      source_id, &out->quotes);
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

Status ComputePseudonym(Database* db, const std::string& name, std::string* out) {
  Statement stmt;
  bool row = false;
  Status s = db->Prepare("SELECT value FROM store_secret WHERE name = 'pseudonym_key'", &stmt);
  if (s.ok()) s = stmt.Step(&row);
  if (!s.ok()) return s;
  const std::string key = row ? stmt.ColumnBlob(0) : "";
  if (key.size() != crypto_auth_hmacsha256_KEYBYTES) {
    return Status::Corrupt("the store's pseudonym key is missing or malformed");
  }
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac;
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(name.data()),
                         name.size(), reinterpret_cast<const unsigned char*>(key.data()));
  std::array<char, 2 * crypto_auth_hmacsha256_BYTES + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  out->assign(hex.data(), 2 * crypto_auth_hmacsha256_BYTES);
  return Status::Ok();
}

}  // namespace letapis::store
