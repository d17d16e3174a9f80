// Tests of rekey, backup/restore and the audit hash chain on stores filled from examples/.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "letapis/extractor.h"
#include "letapis/ingest.h"
#include "letapis/store.h"
#include "letapis/store_admin.h"
#include "store/encrypted_copy.h"
#include "store/schema.h"
#include "store/store_file.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

constexpr char kPassphrase[] = "first passphrase of the test";
constexpr char kNewPassphrase[] = "second passphrase of the test";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Opens `path` on a raw connection (no migration) with `passphrase`.
Status OpenRaw(const fs::path& path, const std::string& passphrase, store::Database* db) {
  store::RawKey key;
  Status s = store::DeriveKeyOf(path.string(), passphrase, &key);
  if (s.ok()) s = store::OpenKeyed(path.string(), key, db);
  return s;
}

int64_t QueryInt(store::Database* db, const std::string& sql) {
  store::Statement stmt;
  bool row = false;
  EXPECT_TRUE(db->Prepare(sql, &stmt).ok()) << sql;
  EXPECT_TRUE(stmt.Step(&row).ok()) << sql;
  return row ? stmt.ColumnInt64(0) : -1;
}

// Every row of every table of `db` as text lines "table|col|col|...", tables by name and
// rows by their columns: the row-by-row image compared across copies.
std::vector<std::string> AllRows(store::Database* db) {
  std::vector<std::string> tables, rows;
  store::Statement stmt;
  bool row = false;
  EXPECT_TRUE(
      db->Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", &stmt).ok());
  while (stmt.Step(&row).ok() && row) tables.push_back(stmt.ColumnText(0));
  for (const std::string& table : tables) {
    store::Statement all;
    EXPECT_TRUE(db->Prepare("SELECT * FROM \"" + table + "\"", &all).ok());
    std::string order;  // every column, which also suits tables WITHOUT ROWID
    for (int col = 1; col <= all.ColumnCount(); ++col) {
      order += (col > 1 ? ", " : "") + std::to_string(col);
    }
    EXPECT_TRUE(db->Prepare("SELECT * FROM \"" + table + "\" ORDER BY " + order, &all).ok());
    while (all.Step(&row).ok() && row) {
      std::string line = table;
      for (int col = 0; col < all.ColumnCount(); ++col) {
        line += "|" + std::to_string(all.ColumnType(col)) + ":" + all.ColumnBlob(col);
      }
      rows.push_back(std::move(line));
    }
  }
  return rows;
}

class SafekeepingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "letapis-safe-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    db_ = dir_ / "store.db";
    std::unique_ptr<Store> store;
    ASSERT_TRUE(OpenSqlcipherStore(db_.string(), kPassphrase, true, &store).ok());
    Extractor extractor;
    ASSERT_TRUE(Extractor::Load(LETAPIS_DATA_DIR, &extractor).ok());
    std::vector<std::string> files;
    std::vector<ReadProblem> problems;
    CollectInputFiles({std::string(LETAPIS_SOURCE_DIR) + "/examples"}, &files, &problems);
    ASSERT_GE(files.size(), 5u);
    for (const std::string& file : files) {
      std::vector<Document> docs;
      ReadInputFile(file, ReadOptions{}, &docs, &problems);
      for (const Document& doc : docs) {
        bool added = false;
        ASSERT_TRUE(store->AddReport(doc, extractor.Run(doc), "tester", &added).ok());
      }
    }
    ASSERT_TRUE(problems.empty());
  }

  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::vector<std::string> RowsOf(const fs::path& path, const std::string& passphrase) {
    store::Database db;
    Status s = OpenRaw(path, passphrase, &db);
    EXPECT_TRUE(s.ok()) << s.message();
    return AllRows(&db);
  }

  fs::path dir_, db_;
};

TEST_F(SafekeepingTest, RekeyChangesPassphraseAndSaltAndKeepsEveryRow) {
  const std::vector<std::string> before = RowsOf(db_, kPassphrase);
  const std::string old_salt = ReadBytes(db_).substr(0, store::kSaltBytes);
  ASSERT_GT(before.size(), 100u);
  Status s = RekeyStore(db_.string(), kPassphrase, kNewPassphrase);
  ASSERT_TRUE(s.ok()) << s.message();
  std::unique_ptr<Store> store;
  EXPECT_EQ(OpenSqlcipherStore(db_.string(), kPassphrase, false, &store).code(),
            Status::Code::kWrongPassphrase);
  EXPECT_TRUE(OpenSqlcipherStore(db_.string(), kNewPassphrase, false, &store).ok());
  store.reset();
  EXPECT_EQ(RowsOf(db_, kNewPassphrase), before);
  EXPECT_NE(ReadBytes(db_).substr(0, store::kSaltBytes), old_salt);
  // Nothing is left beside the store: no temporary copy, no journal.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(SafekeepingTest, RekeyWithWrongPassphraseChangesNothing) {
  const std::string bytes = ReadBytes(db_);
  Status s = RekeyStore(db_.string(), "not the passphrase", kNewPassphrase);
  EXPECT_EQ(s.code(), Status::Code::kWrongPassphrase) << s.message();
  EXPECT_EQ(ReadBytes(db_), bytes);
  EXPECT_EQ(RekeyStore(db_.string(), kPassphrase, "").code(), Status::Code::kInvalidInput);
}

TEST_F(SafekeepingTest, BackupAndRestoreRoundTripEveryRow) {
  const fs::path backup = dir_ / "backup.letapis", restored = dir_ / "restored.db";
  Status s = BackupStore(db_.string(), kPassphrase, backup.string());
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(fs::status(backup).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_NE(ReadBytes(backup).substr(0, 16), ReadBytes(db_).substr(0, 16));  // its own salt
  std::string kept;
  s = RestoreStore(backup.string(), kPassphrase, restored.string(), &kept);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(kept.empty());
  const std::vector<std::string> original = RowsOf(db_, kPassphrase);
  EXPECT_EQ(RowsOf(backup, kPassphrase), original);
  EXPECT_EQ(RowsOf(restored, kPassphrase), original);
  store::Database a, b;
  ASSERT_TRUE(OpenRaw(db_, kPassphrase, &a).ok());
  ASSERT_TRUE(OpenRaw(restored, kPassphrase, &b).ok());
  for (const char* pragma : {"PRAGMA user_version", "PRAGMA application_id"}) {
    EXPECT_EQ(QueryInt(&a, pragma), QueryInt(&b, pragma)) << pragma;
  }
  EXPECT_EQ(BackupStore(db_.string(), kPassphrase, backup.string()).code(),
            Status::Code::kInvalidInput);  // never overwritten
}

TEST_F(SafekeepingTest, BackupReadsCommittedSnapshotWhileAnotherConnectionWrites) {
  store::Database writer;
  ASSERT_TRUE(OpenRaw(db_, kPassphrase, &writer).ok());
  const int64_t sources = QueryInt(&writer, "SELECT count(*) FROM source");
  ASSERT_TRUE(writer.Exec("BEGIN IMMEDIATE; UPDATE source SET title = 'uncommitted'").ok());
  const fs::path backup = dir_ / "backup.letapis";
  Status s = BackupStore(db_.string(), kPassphrase, backup.string());
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(writer.Exec("ROLLBACK").ok());
  store::Database copy;
  ASSERT_TRUE(OpenRaw(backup, kPassphrase, &copy).ok());
  EXPECT_EQ(QueryInt(&copy, "SELECT count(*) FROM source"), sources);
  EXPECT_EQ(QueryInt(&copy, "SELECT count(*) FROM source WHERE title = 'uncommitted'"), 0);
}

TEST_F(SafekeepingTest, RestoreRefusesDamagedBackupAndKeepsTarget) {
  const fs::path backup = dir_ / "backup.letapis";
  ASSERT_TRUE(BackupStore(db_.string(), kPassphrase, backup.string()).ok());
  const std::string target_bytes = ReadBytes(db_);
  std::string bytes = ReadBytes(backup);
  bytes[bytes.size() / 2] ^= 0x01;  // one bit in a middle page
  std::ofstream(backup, std::ios::binary | std::ios::trunc) << bytes;
  std::string kept;
  Status s = RestoreStore(backup.string(), kPassphrase, db_.string(), &kept);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt) << s.message();
  EXPECT_NE(s.message().find("refusing to restore"), std::string::npos) << s.message();
  EXPECT_EQ(ReadBytes(db_), target_bytes);
  // A truncated backup and a wrong passphrase are refused too.
  std::ofstream(backup, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 3);
  EXPECT_FALSE(RestoreStore(backup.string(), kPassphrase, db_.string(), &kept).ok());
  EXPECT_EQ(ReadBytes(db_), target_bytes);
}

TEST_F(SafekeepingTest, RestoreOverStoreKeepsThePreviousOne) {
  const fs::path backup = dir_ / "backup.letapis";
  ASSERT_TRUE(BackupStore(db_.string(), kPassphrase, backup.string()).ok());
  const std::string previous = ReadBytes(db_);
  std::string kept;
  Status s = RestoreStore(backup.string(), kPassphrase, db_.string(), &kept);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(ReadBytes(kept), previous);
  EXPECT_EQ(ReadBytes(db_), ReadBytes(backup));
}

TEST_F(SafekeepingTest, BackupAndStoreHoldNoPlaintext) {
  const fs::path backup = dir_ / "backup.letapis";
  ASSERT_TRUE(BackupStore(db_.string(), kPassphrase, backup.string()).ok());
  // Phrases and names of examples/ (ingested in SetUp) and the schema's own words.
  for (const fs::path& file : {db_, backup}) {
    const std::string bytes = ReadBytes(file);
    for (const char* phrase : {"Savitskaya", "Hrodna", "political prisoner", "CREATE TABLE",
                               "audit_log", "SQLite format"}) {
      EXPECT_EQ(bytes.find(phrase), std::string::npos) << file << " holds " << phrase;
    }
  }
}

TEST_F(SafekeepingTest, WholeFileConnectionsKeepTemporaryDataInMemory) {
  store::Database db;
  ASSERT_TRUE(OpenRaw(db_, kPassphrase, &db).ok());
  EXPECT_EQ(QueryInt(&db, "PRAGMA temp_store"), 2);  // 2 = MEMORY
}

TEST_F(SafekeepingTest, AuditChainIsIntactAfterIngest) {
  std::unique_ptr<Store> store;
  ASSERT_TRUE(OpenSqlcipherStore(db_.string(), kPassphrase, false, &store).ok());
  AuditVerdict verdict;
  ASSERT_TRUE(store->VerifyAudit(&verdict).ok());
  EXPECT_TRUE(verdict.intact) << verdict.problem;
  EXPECT_GE(verdict.rows, 5);
  EXPECT_EQ(verdict.head_hash.size(), 64u);
  std::vector<AuditEntry> last;
  ASSERT_TRUE(store->ListAudit(2, &last).ok());
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last[1].id, verdict.head_id);
  EXPECT_EQ(last[1].hash, verdict.head_hash);
  EXPECT_LT(last[0].id, last[1].id);
}

// An attacker with the key drops the append-only triggers and edits the log directly.
class AuditTamperTest : public SafekeepingTest {
 protected:
  void Tamper(const char* sql) {
    store::Database db;
    ASSERT_TRUE(OpenRaw(db_, kPassphrase, &db).ok());
    ASSERT_TRUE(db.Exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                        " DROP TRIGGER audit_chain_no_update; DROP TRIGGER audit_chain_no_delete;")
                    .ok());
    Status s = db.Exec(sql);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  AuditVerdict Verify() {
    std::unique_ptr<Store> store;
    AuditVerdict verdict;
    EXPECT_TRUE(OpenSqlcipherStore(db_.string(), kPassphrase, false, &store).ok());
    EXPECT_TRUE(store->VerifyAudit(&verdict).ok());
    return verdict;
  }
};

TEST_F(AuditTamperTest, ChangedRowIsNamed) {
  Tamper("UPDATE audit_log SET actor = 'nobody' WHERE id = 3");
  const AuditVerdict v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_NE(v.problem.find("changed"), std::string::npos) << v.problem;
}

TEST_F(AuditTamperTest, DeletedRowIsNamed) {
  Tamper("DELETE FROM audit_log WHERE id = 2");
  const AuditVerdict v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_NE(v.problem.find("deleted"), std::string::npos) << v.problem;
}

TEST_F(AuditTamperTest, RowDeletedWithItsChainEntryBreaksTheNextLink) {
  Tamper("DELETE FROM audit_log WHERE id = 2; DELETE FROM audit_chain WHERE audit_id = 2");
  const AuditVerdict v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 3);
}

TEST_F(AuditTamperTest, SwappedRowsAreDetected) {
  Tamper(
      "UPDATE audit_log SET id = -1 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3;"
      " UPDATE audit_log SET id = 3 WHERE id = -1");
  const AuditVerdict v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 2);
}

TEST_F(AuditTamperTest, RowAddedAroundTheChainIsNamed) {
  Tamper(
      "DROP TRIGGER audit_log_chain; INSERT INTO audit_log (at, actor, action, object_type)"
      " VALUES ('2020-01-01T00:00:00Z', 'x', 'ingest', 'source')");
  const AuditVerdict v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("no chain hash"), std::string::npos) << v.problem;
}

TEST_F(SafekeepingTest, MigrationChainsExistingRows) {
  std::string head;
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(OpenSqlcipherStore(db_.string(), kPassphrase, false, &store).ok());
    AuditVerdict verdict;
    ASSERT_TRUE(store->VerifyAudit(&verdict).ok());
    head = verdict.head_hash;
  }
  {
    // Back to schema version 6, before the chain existed: without what migrations 7 and 8
    // made.
    store::Database db;
    ASSERT_TRUE(OpenRaw(db_, kPassphrase, &db).ok());
    ASSERT_TRUE(db.Exec("DROP TRIGGER audit_log_chain; DROP TABLE audit_chain;"
                        " DROP TABLE confidential_source; DROP TABLE protected_person;"
                        " DROP TABLE store_secret; DROP TABLE api_token; DROP TABLE web_session;"
                        " DROP TABLE app_user; DROP TABLE review_decision; DROP INDEX event_date;"
                        " DROP INDEX event_review; DROP TRIGGER document_fts_insert;"
                        " DROP TRIGGER document_fts_delete; DROP TABLE report_fts;")
                    .ok());
    ASSERT_TRUE(db.Exec("PRAGMA user_version = 6").ok());
  }
  std::unique_ptr<Store> store;
  ASSERT_TRUE(OpenSqlcipherStore(db_.string(), kPassphrase, false, &store).ok());
  AuditVerdict verdict;
  ASSERT_TRUE(store->VerifyAudit(&verdict).ok());
  EXPECT_TRUE(verdict.intact) << verdict.problem;
  EXPECT_EQ(verdict.head_hash, head);  // the same chain as written row by row
}

}  // namespace
}  // namespace letapis
