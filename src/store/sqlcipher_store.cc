// The SQLCipher implementation of Store; the file format is in docs/store-format.md.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "letapis/store.h"
#include "store/accounts.h"
#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/near_duplicates.h"
#include "store/people_store.h"
#include "store/publication.h"
#include "store/reextract.h"
#include "store/report_reader.h"
#include "store/report_writer.h"
#include "store/review.h"
#include "store/schema.h"
#include "store/search.h"
#include "store/sqlite_handle.h"
#include "store/store_file.h"
#include "store/store_key.h"
#include "store/transaction.h"
#include "store/watch_rows.h"

namespace letapis {
namespace {

using store::Database;
using store::Statement;
using store::Transaction;

// Connection settings applied once the key is verified: enforce references, overwrite
// deleted content, keep temporary tables and indices in memory (never plaintext on disk),
// use a rollback journal (removed after each commit).
constexpr const char* kConnectionPragmas =
    "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;"
    " PRAGMA journal_mode = DELETE;";
// How long a statement waits for another process's lock (an ingest, a server, a backup),
// polling every millisecond: with SQLite's default backoff a reader starved for tens of
// seconds while an ingest committed report after report (bench/run_bench.py --only load).
constexpr int kBusyWaitMs = 5000;

// Shortest sha256 prefix FindReport accepts.
constexpr size_t kMinHashPrefix = 8;
// Candidates listed in an ambiguity error.
constexpr size_t kListedCandidates = 5;

bool IsHexPrefix(std::string_view s) {
  return s.size() >= kMinHashPrefix && s.size() <= 64 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

// A source row id and its sha256.
using SourceRef = std::pair<int64_t, std::string>;

class SqlcipherStore final : public Store {
 public:
  explicit SqlcipherStore(std::string path) : path_(std::move(path)) {}

  // Opens the file, keys the connection with `key`, checks the key, applies settings and
  // migrations.
  Status Open(std::string_view key, bool create) {
    Status s = db_.Open(path_, create);
    if (s.ok()) s = db_.Key(key);
    if (!s.ok()) return s;
    // Wait for other processes (a server, a backup) instead of failing at the first read.
    db_.SetBusyWait(kBusyWaitMs);
    s = db_.Exec("SELECT count(*) FROM sqlite_master");
    if (s.code() == Status::Code::kCorrupt && db_.LastErrorIsNotADatabase()) {
      return Status::WrongPassphrase(
          fmt::format("{}: wrong passphrase, or not a letapis store", path_));
    }
    if (s.ok()) s = db_.Exec(kConnectionPragmas);
    if (s.ok()) s = store::RegisterAuditChain(&db_);
    if (s.ok()) s = store::Migrate(&db_, path_);
    if (s.ok()) s = store::BackfillFingerprints(&db_, "letapis");
    return s;
  }

  Status AddReport(const Document& doc, const Extraction& extraction, const std::string& actor,
                   bool* added) override {
    *added = false;
    Status s = store::ValidateReport(doc, extraction);
    if (!s.ok()) return s;
    const Fingerprint fingerprint = FingerprintDocument(doc);
    Transaction tx(&db_);
    Statement find;
    s = tx.Begin(Transaction::Mode::kWrite);
    if (s.ok()) s = db_.Prepare("SELECT id FROM source WHERE sha256 = ?1", &find);
    bool duplicate = false;
    if (s.ok()) s = find.BindText(1, doc.meta.sha256).Step(&duplicate);
    if (!s.ok() || duplicate) return s;
    int64_t source_id = 0;
    s = store::WriteReport(&db_, doc, extraction, actor, &source_id);
    store::NearDuplicateMatch match;
    if (s.ok()) s = store::FindNearDuplicate(&db_, fingerprint, &match);
    if (s.ok()) s = store::WriteFingerprint(&db_, source_id, fingerprint, match, actor);
    if (s.ok()) s = tx.Commit();
    *added = s.ok();
    return s;
  }

  Status ForEachReport(const std::function<Status(const StoredReport&)>& visit) override {
    Statement stmt;
    std::vector<SourceRef> sources;
    Status s = db_.Prepare("SELECT id, sha256 FROM source ORDER BY id", &stmt);
    if (s.ok()) s = Collect(&stmt, &sources);
    for (size_t i = 0; i < sources.size() && s.ok(); ++i) {
      StoredReport report;
      s = Load(sources[i].first, &report);
      if (s.ok()) s = visit(report);
    }
    return s;
  }

  Status FindReport(const std::string& name_or_hash, StoredReport* out) override {
    Statement stmt;
    std::vector<SourceRef> found;
    Status s = db_.Prepare("SELECT id, sha256 FROM source WHERE name = ?1 ORDER BY id", &stmt);
    if (s.ok()) s = Collect(&stmt.BindText(1, name_or_hash), &found);
    if (s.ok() && found.empty() && IsHexPrefix(name_or_hash)) {
      std::string pattern = name_or_hash;
      std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      pattern += '*';  // hex digits hold no GLOB metacharacters
      s = db_.Prepare("SELECT id, sha256 FROM source WHERE sha256 GLOB ?1 ORDER BY id", &stmt);
      if (s.ok()) s = Collect(&stmt.BindText(1, pattern), &found);
    }
    if (!s.ok()) return s;
    if (found.empty()) {
      return Status::NotFound(fmt::format(
          "{}: no stored report has this name or sha256 prefix (at least {} hex digits)",
          name_or_hash, kMinHashPrefix));
    }
    if (found.size() > 1) {
      std::string listed;
      for (size_t i = 0; i < found.size() && i < kListedCandidates; ++i) {
        listed += fmt::format("{}{}", i ? ", " : "", found[i].second.substr(0, 16));
      }
      return Status::NotFound(fmt::format(
          "{}: ambiguous, matches {} reports (sha256 {}{}); give a longer sha256 prefix",
          name_or_hash, found.size(), listed, found.size() > kListedCandidates ? ", ..." : ""));
    }
    return Load(found[0].first, out);
  }

  Status AddJudgement(Judgement* j) override {
    if (j->verdict != "same" && j->verdict != "different") {
      return Status::InvalidInput("a judgement is \"same\" or \"different\", not \"" + j->verdict +
                                  "\"");
    }
    if (j->name_a.empty() || j->name_b.empty())
      return Status::InvalidInput("a judgement needs two names");
    j->at = store::UtcNow();
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kWrite);
    Statement insert, audit;
    if (s.ok()) {
      s = db_.Prepare(
          "INSERT INTO judgement (name_a, name_b, verdict, actor, at, why) VALUES (?1, ?2, ?3, ?4, "
          "?5, ?6)",
          &insert);
    }
    if (s.ok()) {
      insert.BindText(1, j->name_a).BindText(2, j->name_b).BindText(3, j->verdict);
      insert.BindText(4, j->actor).BindText(5, j->at).BindText(6, j->why);
      s = insert.Run();
    }
    if (s.ok()) {
      j->id = db_.LastInsertRowid();
      const nlohmann::json after = {
          {"name_a", j->name_a}, {"name_b", j->name_b}, {"verdict", j->verdict}, {"why", j->why}};
      s = db_.Prepare(
          "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
          " VALUES (?1, ?2, 'judge', 'judgement', ?3, NULL, ?4)",
          &audit);
      if (s.ok()) {
        audit.BindText(1, j->at).BindText(2, j->actor).BindInt64(3, j->id);
        audit.BindText(4, after.dump());
        s = audit.Run();
      }
    }
    if (s.ok()) s = tx.Commit();
    return s;
  }

  Status ListJudgements(std::vector<Judgement>* out) override {
    Statement stmt;
    Status s = db_.Prepare(
        "SELECT id, name_a, name_b, verdict, actor, at, why FROM judgement ORDER BY id", &stmt);
    bool row = false;
    while (s.ok() && (s = stmt.Step(&row)).ok() && row) {
      out->push_back(Judgement{stmt.ColumnInt64(0), stmt.ColumnText(1), stmt.ColumnText(2),
                               stmt.ColumnText(3), stmt.ColumnText(4), stmt.ColumnText(5),
                               stmt.ColumnText(6)});
    }
    return s;
  }

  Status ListNearDuplicates(int64_t source_id, std::vector<NearDuplicate>* out) override {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kRead);
    if (s.ok()) s = store::ReadNearDuplicateGroup(&db_, source_id, out);
    if (s.ok()) s = tx.Commit();
    return s;
  }

  Status ListPeople(std::vector<Person>* out) override {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kRead);
    if (s.ok()) s = store::ReadPeople(&db_, out);
    if (s.ok()) s = tx.Commit();
    return s;
  }

  Status ListPersonMentions(std::vector<PersonMention>* out) override {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kRead);
    if (s.ok()) s = store::ReadPersonMentions(&db_, out);
    if (s.ok()) s = tx.Commit();
    return s;
  }

  Status ListReportsOfPerson(int64_t person_id, std::vector<int64_t>* out) override {
    out->clear();
    Statement stmt;
    Status s = db_.Prepare(
        "SELECT DISTINCT source_id FROM entity WHERE person_id = ?1 ORDER BY source_id", &stmt);
    if (s.ok()) stmt.BindInt64(1, person_id);
    bool row = false;
    while (s.ok() && (s = stmt.Step(&row)).ok() && row) out->push_back(stmt.ColumnInt64(0));
    return s;
  }

  Status CountReportsPerPerson(std::map<int64_t, size_t>* out) override {
    out->clear();
    Statement stmt;
    Status s = db_.Prepare(
        "SELECT person_id, count(DISTINCT source_id) FROM entity WHERE person_id IS NOT NULL"
        " GROUP BY person_id",
        &stmt);
    bool row = false;
    while (s.ok() && (s = stmt.Step(&row)).ok() && row) {
      (*out)[stmt.ColumnInt64(0)] = static_cast<size_t>(stmt.ColumnInt64(1));
    }
    return s;
  }

  Status SaveResolution(const std::vector<Person>& people, const std::vector<int64_t>& removed,
                        const std::vector<PersonAssignment>& assignments, bool full,
                        const std::string& actor) override {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kWrite);
    if (s.ok()) s = store::WriteResolution(&db_, people, removed, assignments, full);
    const nlohmann::json after = {{"full", full},
                                  {"people_written", people.size()},
                                  {"people_removed", removed.size()},
                                  {"mentions_assigned", assignments.size()}};
    if (s.ok()) s = Audit(actor, full ? "re-resolve" : "resolve", "person", 0, after);
    if (s.ok()) s = tx.Commit();
    return s;
  }

  Status AddListedPeople(const std::vector<Person>& people, const std::string& actor,
                         std::vector<int64_t>* ids) override {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kWrite);
    std::vector<int64_t> added;
    if (s.ok()) s = store::InsertListedPeople(&db_, people, &added);
    if (s.ok()) s = Audit(actor, "import", "person", 0, {{"people", added.size()}});
    if (s.ok()) s = tx.Commit();
    if (s.ok()) ids->insert(ids->end(), added.begin(), added.end());
    return s;
  }

  Status AddWatchedFeed(const std::string& url, const std::string& actor, bool* added) override {
    return store::InsertWatchedFeed(&db_, url, actor, added);
  }

  Status ListWatched(std::vector<WatchedFeed>* feeds, std::vector<WatchedItem>* items) override {
    return store::SelectWatched(&db_, feeds, items);
  }

  Status SaveFeedCheck(const WatchedFeed& feed, const std::vector<WatchedItem>& items,
                       const std::string& actor) override {
    return store::UpdateFeedCheck(&db_, feed, items, actor);
  }

  Status VerifyAudit(AuditVerdict* out) override {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kRead);
    if (s.ok()) s = store::VerifyAuditChain(&db_, out);
    if (s.ok()) s = tx.Commit();
    return s;
  }

  Status ListAudit(size_t limit, std::vector<AuditEntry>* out) override {
    return store::ReadAuditLog(&db_, limit, out);
  }

  Status ListAuditAfter(int64_t after_id, size_t limit, std::vector<AuditEntry>* out) override {
    return store::ReadAuditLogAfter(&db_, after_id, limit, out);
  }

  Status SetConfidential(const std::string& name_or_hash, bool confidential,
                         const std::string& actor) override {
    StoredReport report;
    Status s = FindReport(name_or_hash, &report);
    if (!s.ok()) return s;
    return store::WriteConfidentialMark(&db_, report.id, report.document.meta.name, confidential,
                                        actor);
  }

  Status ProtectPerson(const std::string& name, const std::string& actor) override {
    return store::WriteProtectedPerson(&db_, name, actor);
  }

  Status ListProtected(std::vector<std::string>* out) override {
    return store::ReadProtectedPeople(&db_, out);
  }

  Status ReadPublicationMarks(int64_t source_id, PublicationMarks* out) override {
    return store::ReadMarks(&db_, source_id, out);
  }

  Status Pseudonym(const std::string& name, std::string* out) override {
    return store::ComputePseudonym(&db_, name, out);
  }

  Status Counts(StoreCounts* out) override {
    Statement stmt;
    Status s = db_.Prepare(
        "SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM mention),"
        " (SELECT count(*) FROM entity), (SELECT count(*) FROM event),"
        " (SELECT count(*) FROM claim), (SELECT count(*) FROM quote),"
        " (SELECT count(*) FROM near_duplicate)",
        &stmt);
    bool row = false;
    if (s.ok()) s = stmt.Step(&row);
    if (!s.ok()) return s;
    *out = StoreCounts{stmt.ColumnInt64(0), stmt.ColumnInt64(1), stmt.ColumnInt64(2),
                       stmt.ColumnInt64(3), stmt.ColumnInt64(4), stmt.ColumnInt64(5),
                       stmt.ColumnInt64(6)};
    return Status::Ok();
  }

  // Team accounts, review and search: implemented in accounts.cc, review.cc, reextract.cc
  // and search.cc over this connection.
  Status AddUser(const std::string& name, const std::string& password, const std::string& role,
                 const std::string& actor, User* out) override {
    return store::AddUser(&db_, name, password, role, actor, out);
  }
  Status SetUserRole(const std::string& name, const std::string& role,
                     const std::string& actor) override {
    return store::SetUserRole(&db_, name, role, actor);
  }
  Status ListUsers(std::vector<User>* out) override { return store::ListUsers(&db_, out); }
  Status CheckPassword(const std::string& name, const std::string& password, User* out) override {
    return store::CheckPassword(&db_, name, password, out);
  }
  Status CreateSession(int64_t user_id, std::string* token) override {
    return store::CreateSession(&db_, user_id, token);
  }
  Status FindSession(const std::string& token, User* out) override {
    return store::FindSession(&db_, token, out);
  }
  Status EndSession(const std::string& token) override { return store::EndSession(&db_, token); }
  Status CreateApiToken(const std::string& name, const std::string& label, const std::string& actor,
                        std::string* token) override {
    return store::CreateApiToken(&db_, name, label, actor, token);
  }
  Status FindApiToken(const std::string& token, User* out) override {
    return store::FindApiToken(&db_, token, out);
  }
  Status ListReports(int64_t limit, int64_t offset, std::vector<ReportSummary>* out,
                     int64_t* total) override {
    return store::ListReports(&db_, limit, offset, out, total);
  }
  Status LoadReport(int64_t source_id, StoredReport* out) override {
    Statement stmt;
    bool row = false;
    Status s = db_.Prepare("SELECT 1 FROM source WHERE id = ?1", &stmt);
    if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
    if (s.ok() && !row) return Status::NotFound(fmt::format("no report {}", source_id));
    return s.ok() ? Load(source_id, out) : s;
  }
  Status ListFacts(const FactFilter& filter, std::vector<FactRow>* out, int64_t* total) override {
    return store::ListFacts(&db_, filter, out, total);
  }
  Status CountEventsPerMonth(std::map<std::string, int64_t>* out) override {
    return store::CountEventsPerMonth(&db_, out);
  }
  Status GetFact(const std::string& kind, int64_t id, FactRow* out) override {
    return store::GetFact(&db_, kind, id, out);
  }
  Status ReviewFact(const ReviewAction& action, FactRow* after) override {
    return store::ReviewFact(&db_, action, after);
  }
  Status ListAudit(const std::string& object_type, int64_t object_id,
                   std::vector<AuditEntry>* out) override {
    return store::ListAudit(&db_, object_type, object_id, out);
  }
  Status ReplaceExtraction(int64_t source_id, const Extraction& extraction,
                           const std::string& actor, ReextractStats* stats) override {
    return store::ReplaceExtraction(&db_, source_id, extraction, actor, stats);
  }
  Status Search(const std::string& query, int64_t limit, int64_t offset,
                SearchResults* out) override {
    return store::Search(&db_, query, limit, offset, out);
  }

 private:
  // Appends every (id, sha256) row of `stmt`, then resets it.
  static Status Collect(Statement* stmt, std::vector<SourceRef>* out) {
    bool row = false;
    Status s = stmt->Step(&row);
    while (s.ok() && row) {
      out->emplace_back(stmt->ColumnInt64(0), stmt->ColumnText(1));
      s = stmt->Step(&row);
    }
    stmt->Reset();
    return s;
  }

  // Appends one audit-log entry inside the caller's transaction.
  Status Audit(const std::string& actor, const char* action, const char* object_type,
               int64_t object_id, const nlohmann::json& after) {
    Statement audit;
    Status s = db_.Prepare(
        "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
        " VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
        &audit);
    if (!s.ok()) return s;
    audit.BindText(1, store::UtcNow()).BindText(2, actor).BindText(3, action);
    audit.BindText(4, object_type);
    if (object_id != 0) {
      audit.BindInt64(5, object_id);
    } else {
      audit.BindNull(5);
    }
    return audit.BindText(6, after.dump()).Run();
  }

  // Reads one report in its own read transaction, so that it is seen whole.
  Status Load(int64_t source_id, StoredReport* out) {
    Transaction tx(&db_);
    Status s = tx.Begin(Transaction::Mode::kRead);
    if (s.ok()) s = store::ReadReport(&db_, source_id, out);
    if (s.ok())
      s = store::ReadNearDuplicateLink(&db_, source_id, &out->original_id, &out->similarity);
    if (s.ok()) s = tx.Commit();
    return s;
  }

  std::string path_;
  Database db_;
};

Status CreateStore(const std::string& path, const std::string& passphrase,
                   std::unique_ptr<Store>* out) {
  if (passphrase.empty()) {
    return Status::InvalidInput(
        fmt::format("{}: refusing to create a store with an empty passphrase", path));
  }
  std::array<unsigned char, store::kSaltBytes> salt_bytes;
  Status s = store::NewSalt(&salt_bytes);
  if (!s.ok()) return s.WithContext(path);
  const std::string salt(salt_bytes.begin(), salt_bytes.end());
  store::RawKey key;
  s = store::DeriveRawKey(passphrase, salt, /*include_salt=*/true, &key);
  if (!s.ok()) return s.WithContext(path);
  s = store::CreateEmptyFile(path);
  if (!s.ok()) return s;
  auto store = std::make_unique<SqlcipherStore>(path);
  s = store->Open(key.view(), /*create=*/true);
  // The salt must have become the file header, or the store could never be reopened.
  std::string header;
  if (s.ok()) s = store::ReadSalt(path, &header);
  if (s.ok() && header != salt) {
    s = Status::IoError(
        fmt::format("{}: SQLCipher did not adopt the key salt as file header", path));
  }
  if (!s.ok()) {
    store.reset();
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return s;
  }
  *out = std::move(store);
  return Status::Ok();
}

}  // namespace

Status OpenSqlcipherStore(const std::string& path, const std::string& passphrase, bool create,
                          std::unique_ptr<Store>* out) {
  out->reset();
  if (create) return CreateStore(path, passphrase, out);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format("{}: no such store", path));
  }
  std::string salt;
  store::RawKey key;
  Status s = store::ReadSalt(path, &salt);
  if (!s.ok()) return s;
  s = store::DeriveRawKey(passphrase, salt, /*include_salt=*/false, &key);
  if (!s.ok()) return s.WithContext(path);
  auto store = std::make_unique<SqlcipherStore>(path);
  s = store->Open(key.view(), /*create=*/false);
  if (!s.ok()) return s;
  *out = std::move(store);
  return Status::Ok();
}

}  // namespace letapis
