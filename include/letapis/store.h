// Store: the narrow storage interface. SQLCipher today; PostgreSQL can implement it later.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "letapis/accounts.h"
#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/review.h"
#include "letapis/search.h"
#include "letapis/status.h"

namespace letapis {

// A stored report: its document and the extraction made from it.
struct StoredReport {
  int64_t id = 0;
  Document document;
  Extraction extraction;
  std::string ingested_at;  // UTC, ISO 8601
};

// Counts shown by `letapis status` and the demo summary.
struct StoreCounts {
  int64_t sources = 0, mentions = 0, entities = 0, events = 0, claims = 0, quotes = 0;
};

// A reviewer's decision that two person names do ("same") or do not ("different") denote
// one person. Later decisions override earlier ones; every re-resolution respects them.
struct Judgement {
  int64_t id = 0;
  std::string name_a, name_b;
  std::string verdict;  // "same" or "different"
  std::string actor;    // who decided
  std::string at;       // when (UTC, ISO 8601), set by the store
  std::string why;
};

// Storage of sources, documents and extracted facts, plus the audit log. Every mutating
// call runs in one transaction: it either applies wholly or not at all.
class Store {
 public:
  virtual ~Store() = default;

  // Adds a report and its extraction. When a source with the same sha256 exists nothing
  // is written and *added is false. `actor` is recorded in the audit log.
  virtual Status AddReport(const Document& doc, const Extraction& extraction,
                           const std::string& actor, bool* added) = 0;

  // Calls `visit` for every stored report in ingestion order; stops early and returns
  // the visitor's status if it is not OK.
  virtual Status ForEachReport(const std::function<Status(const StoredReport&)>& visit) = 0;

  // Loads one report by source name (file name) or by sha256 prefix (>= 8 hex digits).
  virtual Status FindReport(const std::string& name_or_hash, StoredReport* out) = 0;

  // Row counts of the main tables.
  virtual Status Counts(StoreCounts* out) = 0;

  // Records a judgement (and its audit-log entry) in one transaction; fills id and at.
  virtual Status AddJudgement(Judgement* judgement) = 0;

  // Every judgement, oldest first.
  virtual Status ListJudgements(std::vector<Judgement>* out) = 0;

  // --- Team accounts (src/store/accounts.cc). `actor` is recorded in the audit log.

  // Adds a user with an Argon2id hash of `password` (at least 10 bytes); kInvalidInput
  // when the name is taken or empty, the role unknown or the password too short.
  virtual Status AddUser(const std::string& name, const std::string& password,
                         const std::string& role, const std::string& actor, User* out) = 0;
  // Changes a user's role ("disabled" locks the account and ends its sessions).
  virtual Status SetUserRole(const std::string& name, const std::string& role,
                             const std::string& actor) = 0;
  // Every user, by name.
  virtual Status ListUsers(std::vector<User>* out) = 0;
  // Checks a login: kInvalidInput "wrong user name or password" for an unknown user, a
  // wrong password or a disabled account (the same message and cost for each).
  virtual Status CheckPassword(const std::string& name, const std::string& password,
                               User* out) = 0;
  // Starts a session for `user_id`; *token is the secret for the cookie (only its hash
  // is stored). Expired sessions are removed.
  virtual Status CreateSession(int64_t user_id, std::string* token) = 0;
  // The user of a live session; kNotFound when unknown, expired or the user is disabled.
  virtual Status FindSession(const std::string& token, User* out) = 0;
  // Ends a session (no error when it does not exist).
  virtual Status EndSession(const std::string& token) = 0;
  // Creates an API token for user `name`; *token is shown once (only its hash is stored).
  virtual Status CreateApiToken(const std::string& name, const std::string& label,
                                const std::string& actor, std::string* token) = 0;
  // The user of an API token; kNotFound when unknown or the user is disabled.
  virtual Status FindApiToken(const std::string& token, User* out) = 0;

  // --- Reports, facts and review (src/store/review.cc, reextract.cc).

  // A page of reports, newest first, and the total number.
  virtual Status ListReports(int64_t limit, int64_t offset, std::vector<ReportSummary>* out,
                             int64_t* total) = 0;
  // Loads one report by source row id; kNotFound when there is none.
  virtual Status LoadReport(int64_t source_id, StoredReport* out) = 0;
  // A page of facts matching `filter` (by date, then id) and the total number.
  virtual Status ListFacts(const FactFilter& filter, std::vector<FactRow>* out,
                           int64_t* total) = 0;
  // One fact; kNotFound when there is none.
  virtual Status GetFact(const std::string& kind, int64_t id, FactRow* out) = 0;
  // Applies a review action in one transaction: the fact row, the decision kept for
  // re-extraction, and an audit entry with before and after. Fills *after when given.
  virtual Status ReviewFact(const ReviewAction& action, FactRow* after) = 0;
  // Audit entries about one object (e.g. "event", 12), oldest first.
  virtual Status ListAudit(const std::string& object_type, int64_t object_id,
                           std::vector<AuditEntry>* out) = 0;
  // Replaces the extraction of a stored report with `extraction` (made by the current
  // rules from the stored document), then re-applies the human review decisions whose
  // fact (same kind, evidence span and rule) is found again. One transaction.
  virtual Status ReplaceExtraction(int64_t source_id, const Extraction& extraction,
                                   const std::string& actor, ReextractStats* stats) = 0;

  // --- Full-text search (src/store/search.cc).

  // Reports matching `query` (see SearchMatchExpression), best first (BM25 over
  // matchinfo), `limit` from `offset`, with highlighted snippets.
  virtual Status Search(const std::string& query, int64_t limit, int64_t offset,
                        SearchResults* out) = 0;
};

// Opens (create=false) or creates (create=true) an encrypted SQLCipher store at `path`.
// The key is derived from `passphrase` with Argon2id; the salt is the file header.
// Creating fails when the file exists; opening fails with kNotFound when it does not,
// and with kWrongPassphrase when the passphrase does not open it.
Status OpenSqlcipherStore(const std::string& path, const std::string& passphrase, bool create,
                          std::unique_ptr<Store>* out);

}  // namespace letapis
