// Store: the narrow storage interface. SQLCipher today; PostgreSQL can implement it later.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "letapis/accounts.h"
#include "letapis/date.h"
#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/people.h"
#include "letapis/review.h"
#include "letapis/search.h"
#include "letapis/status.h"
#include "letapis/watch.h"

namespace letapis {

// A stored report: its document and the extraction made from it.
struct StoredReport {
  int64_t id = 0;
  Document document;
  Extraction extraction;
  std::string ingested_at;  // UTC, ISO 8601
  // Per entity index: the person the entity is resolved to (people.h), 0 when none.
  std::vector<int64_t> entity_person;
  int64_t original_id = 0;  // the report this one is a near-duplicate copy of; 0 for an original
  double similarity = 0;    // a copy's estimated resemblance to its original
};

// Counts shown by `letapis status` and the demo summary.
struct StoreCounts {
  int64_t sources = 0, mentions = 0, entities = 0, events = 0, claims = 0, quotes = 0;
  int64_t copies = 0;  // sources that are near-duplicate copies of earlier ones
};

// A stored report as listed among its near-duplicates (syndicated or edited copies).
struct NearDuplicate {
  int64_t id = 0;
  std::string name, publisher, url;
  PartialDate published;
  int64_t original_id = 0;  // 0 for the original of the group
  double similarity = 0;    // for a copy: estimated resemblance to the original
};

// The result of checking the audit log's hash chain (see docs/security.md).
struct AuditVerdict {
  bool intact = false;
  int64_t rows = 0;          // rows checked
  int64_t first_bad_id = 0;  // id of the first row that fails, 0 when intact
  std::string problem;       // what is wrong with that row, "" when intact
  int64_t head_id = 0;       // last row of the chain (0 for an empty log)
  std::string head_hash;     // its hash: note it down to detect later truncation
};

// What a public export may show of one source (docs/security.md, "Publishing").
struct PublicationMarks {
  bool confidential = false;                 // the source and all its facts are left out
  std::vector<bool> events, claims, quotes;  // per fact in Extraction order: confirmed
};

// Storage of sources, documents and extracted facts, plus the audit log. Every mutating
// call runs in one transaction: it either applies wholly or not at all.
class Store {
 public:
  virtual ~Store() = default;

  // Adds a report and its extraction. When a source with the same sha256 exists nothing
  // is written and *added is false. `actor` is recorded in the audit log. A report that
  // resembles an earlier one (near_duplicates.h) is recorded as a copy of its original.
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

  // Every person record with its names, by id.
  virtual Status ListPeople(std::vector<Person>* out) = 0;

  // Every person entity of every report in ingestion order, with its context and its
  // current assignment (people.h).
  virtual Status ListPersonMentions(std::vector<PersonMention>* out) = 0;

  // The ids of the reports with a mention resolved to person `person_id`, ascending
  // (StoredReport::id); empty when none.
  virtual Status ListReportsOfPerson(int64_t person_id, std::vector<int64_t>* out) = 0;

  // For every person with a mention, how many reports mention them (replaces *out).
  virtual Status CountReportsPerPerson(std::map<int64_t, size_t>* out) = 0;

  // Saves one resolution run in one transaction with one audit entry: `people` inserted or
  // their names updated, `removed` people (from reports) deleted, `assignments` recorded on
  // their entities. `full`: a re-resolution from scratch (every earlier assignment cleared).
  virtual Status SaveResolution(const std::vector<Person>& people,
                                const std::vector<int64_t>& removed,
                                const std::vector<PersonAssignment>& assignments, bool full,
                                const std::string& actor) = 0;

  // Adds reviewed people from a prisoner list in one transaction, audited; appends their
  // ids to *ids. Nothing is written when one fails.
  virtual Status AddListedPeople(const std::vector<Person>& people, const std::string& actor,
                                 std::vector<int64_t>* ids) = 0;
  // The near-duplicate group of source `source_id`: the original first, then every copy in
  // ingestion order (`source_id` among them). Empty when the report has no copies and is
  // none; kNotFound when no source has that id.
  virtual Status ListNearDuplicates(int64_t source_id, std::vector<NearDuplicate>* out) = 0;
  // Starts watching the feed at `url` (audited); *added is false when already watched.
  virtual Status AddWatchedFeed(const std::string& url, const std::string& actor, bool* added) = 0;
  // Every watched feed in the order added, and every fetched article.
  virtual Status ListWatched(std::vector<WatchedFeed>* feeds, std::vector<WatchedItem>* items) = 0;
  // Records one check of a feed (its etag, last_modified and last_result; checked_at is
  // set here) and the articles fetched in it, in one transaction.
  virtual Status SaveFeedCheck(const WatchedFeed& feed, const std::vector<WatchedItem>& items,
                               const std::string& actor) = 0;
  // Checks the audit log's hash chain from its first row. A broken chain is reported in
  // `out`; the status fails only when the check itself cannot run.
  virtual Status VerifyAudit(AuditVerdict* out) = 0;

  // The newest `limit` audit-log rows (all when 0), oldest first.
  virtual Status ListAudit(size_t limit, std::vector<AuditEntry>* out) = 0;

  // At most `limit` audit-log rows with an id above `after_id`, oldest first (replaces
  // *out): what changed since a row a reader saw last.
  virtual Status ListAuditAfter(int64_t after_id, size_t limit, std::vector<AuditEntry>* out) = 0;

  // Marks the report `name_or_hash` (as FindReport takes it) confidential, or clears the
  // mark, with an audit-log entry; marking twice changes nothing.
  virtual Status SetConfidential(const std::string& name_or_hash, bool confidential,
                                 const std::string& actor) = 0;

  // Adds `name` to the protected people (witnesses, relatives) with an audit-log entry;
  // protecting a name twice changes nothing.
  virtual Status ProtectPerson(const std::string& name, const std::string& actor) = 0;

  // The protected names, in the order they were protected.
  virtual Status ListProtected(std::vector<std::string>* out) = 0;

  // The publication marks of the report with id `source_id` (StoredReport::id).
  virtual Status ReadPublicationMarks(int64_t source_id, PublicationMarks* out) = 0;

  // A stable pseudonym for `name`: hex HMAC-SHA256 under the store's secret key, the same
  // in every export of this store and not reversible without the key.
  virtual Status Pseudonym(const std::string& name, std::string* out) = 0;
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
  virtual Status CheckPassword(const std::string& name, const std::string& password, User* out) = 0;
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
  virtual Status ListFacts(const FactFilter& filter, std::vector<FactRow>* out, int64_t* total) = 0;
  // How many events each month ("YYYY-MM") holds: events dated at least to the month and
  // not rejected by a reviewer, by the month of their date (replaces *out).
  virtual Status CountEventsPerMonth(std::map<std::string, int64_t>* out) = 0;
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
