// Tests of `export --public`: confirmed facts only, confidential reports left out,
// protected people replaced by stable pseudonyms everywhere.
#include "letapis/public_export.h"

#include <unistd.h>

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "letapis/extractor.h"
#include "letapis/ingest.h"
#include "store/store_file.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

constexpr char kPassphrase[] = "public export test passphrase";
constexpr char kCourtReport[] = "belarus-court-hrodna.txt";
constexpr char kOtherReport[] = "iran-rasht-activists.html";

class PublicExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "letapis-public-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    db_ = (dir_ / "store.db").string();
    ASSERT_TRUE(OpenSqlcipherStore(db_, kPassphrase, true, &store_).ok());
    ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher_).ok());
    Extractor extractor;
    ASSERT_TRUE(Extractor::Load(LETAPIS_DATA_DIR, &extractor).ok());
    for (const char* name : {kCourtReport, kOtherReport}) {
      std::vector<Document> docs;
      std::vector<ReadProblem> problems;
      ReadInputFile(std::string(LETAPIS_SOURCE_DIR) + "/examples/" + name, ReadOptions{}, &docs,
                    &problems);
      ASSERT_EQ(docs.size(), 1u);
      bool added = false;
      ASSERT_TRUE(store_->AddReport(docs[0], extractor.Run(docs[0]), "tester", &added).ok());
    }
    // The review workflow is another command's; here the states are set directly.
    Sql("UPDATE event SET review_state = 'confirmed'; UPDATE claim SET review_state = "
        "'confirmed'; UPDATE quote SET review_state = 'confirmed';");
  }

  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  void Sql(const char* sql) {
    store::RawKey key;
    store::Database db;
    ASSERT_TRUE(store::DeriveKeyOf(db_, kPassphrase, &key).ok());
    ASSERT_TRUE(store::OpenKeyed(db_, key, &db).ok());
    Status s = db.Exec(sql);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  std::string Export() {
    std::ostringstream out;
    Status s = WritePublicExport(store_.get(), matcher_, &out);
    EXPECT_TRUE(s.ok()) << s.message();
    return out.str();
  }

  StoredReport Report(const char* name) {
    StoredReport r;
    EXPECT_TRUE(store_->FindReport(name, &r).ok());
    return r;
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
  NameMatcher matcher_;
};

TEST_F(PublicExportTest, OnlyConfirmedFactsAreExported) {
  const StoredReport court = Report(kCourtReport);
  ASSERT_GE(court.extraction.events.size(), 2u);
  Sql("UPDATE event SET review_state = 'proposed' WHERE source_id = 1 AND id > "
      "(SELECT min(id) FROM event WHERE source_id = 1)");
  Sql("UPDATE claim SET review_state = 'rejected'; UPDATE quote SET review_state = 'corrected'");
  std::istringstream lines(Export());
  std::string line;
  size_t events = 0, records = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json record = nlohmann::json::parse(line);
    ++records;
    events += record["events"].size();
    EXPECT_TRUE(record["claims"].empty());
    EXPECT_TRUE(record["quotes"].empty());
  }
  EXPECT_EQ(records, 2u);
  EXPECT_EQ(events, 1 + Report(kOtherReport).extraction.events.size());
  Sql("UPDATE event SET review_state = 'proposed'");
  EXPECT_EQ(Export(), "");  // nothing confirmed, nothing published
}

TEST_F(PublicExportTest, ConfidentialReportIsLeftOutAndMarkIsAudited) {
  const StoredReport other = Report(kOtherReport);
  ASSERT_FALSE(other.document.meta.title.empty());
  EXPECT_NE(Export().find(other.document.meta.title), std::string::npos);
  ASSERT_TRUE(store_->SetConfidential(kOtherReport, true, "reviewer").ok());
  ASSERT_TRUE(store_->SetConfidential(kOtherReport, true, "reviewer").ok());  // no change
  const std::string out = Export();
  EXPECT_EQ(out.find(other.document.meta.title), std::string::npos);
  EXPECT_NE(out.find(Report(kCourtReport).document.meta.title), std::string::npos);
  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store_->ListAudit(2, &audit).ok());
  EXPECT_EQ(audit.back().action, "mark_confidential");
  EXPECT_EQ(audit.back().actor, "reviewer");
  EXPECT_EQ(audit.front().action, "ingest");  // the second mark wrote nothing
  ASSERT_TRUE(store_->SetConfidential(kOtherReport, false, "reviewer").ok());
  EXPECT_NE(Export().find(other.document.meta.title), std::string::npos);
  EXPECT_EQ(store_->SetConfidential("no-such-report.txt", true, "x").code(),
            Status::Code::kNotFound);
}

TEST_F(PublicExportTest, ProtectedPersonIsPseudonymisedEverywhereAndStably) {
  const StoredReport court = Report(kCourtReport);
  // The first person taking part in an event of the court report.
  const Entity* person = nullptr;
  for (const Event& ev : court.extraction.events) {
    for (int w : ev.who) {
      if (!person && court.extraction.entities[w].kind == EntityKind::kPerson) {
        person = &court.extraction.entities[w];
      }
    }
  }
  ASSERT_NE(person, nullptr);
  ASSERT_NE(Export().find(person->name), std::string::npos);
  ASSERT_TRUE(store_->ProtectPerson("  " + person->name + " ", "reviewer").ok());
  ASSERT_TRUE(store_->ProtectPerson(person->name, "reviewer").ok());  // already protected
  std::vector<std::string> protected_names;
  ASSERT_TRUE(store_->ListProtected(&protected_names).ok());
  EXPECT_EQ(protected_names, std::vector<std::string>{person->name});
  const std::string out = Export();
  EXPECT_EQ(out.find(person->name), std::string::npos) << out;
  for (const std::string& alias : person->aliases) {
    EXPECT_EQ(out.find(alias), std::string::npos) << alias;
  }
  std::string pseudonym;
  ASSERT_TRUE(store_->Pseudonym(person->name, &pseudonym).ok());
  EXPECT_EQ(pseudonym.size(), 64u);
  EXPECT_NE(out.find("Protected person " + pseudonym.substr(0, 10)), std::string::npos);
  EXPECT_EQ(Export(), out);  // stable across exports
  // Another store has another secret key: the pseudonym does not identify the name.
  std::unique_ptr<Store> other;
  ASSERT_TRUE(OpenSqlcipherStore((dir_ / "other.db").string(), kPassphrase, true, &other).ok());
  std::string other_pseudonym;
  ASSERT_TRUE(other->Pseudonym(person->name, &other_pseudonym).ok());
  EXPECT_NE(other_pseudonym, pseudonym);
  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store_->ListAudit(1, &audit).ok());
  EXPECT_EQ(audit.back().action, "protect");
  EXPECT_EQ(store_->ProtectPerson(" ", "x").code(), Status::Code::kInvalidInput);
}

TEST(PublicRecordTest, ProtectedNameIsReplacedInTheTitleToo) {
  Document doc;
  doc.meta.title = "Witness Radmila Kuzmenich detained; Kuzmenich speaks";
  doc.text = "Police detained R. Kuzmenich in Varensk.";
  Extraction x;
  x.entities.push_back({EntityKind::kPerson, "Radmila Kuzmenich", {"Kuzmenich", "R. Kuzmenich"}});
  Event detention;
  detention.type = "detention";
  detention.who = {0};
  detention.evidence = {0, static_cast<uint32_t>(doc.text.size())};
  x.events.push_back(detention);
  PublicationMarks marks;
  marks.events = {true};
  const nlohmann::json record = PublicRecord(doc, x, marks, {"Protected person 0123456789"});
  EXPECT_EQ(record["title"],
            "Witness Protected person 0123456789 detained; Protected person "
            "0123456789 speaks");
  EXPECT_EQ(record["events"][0]["evidence"],
            "Police detained Protected person 0123456789 in Varensk.");
  EXPECT_EQ(record["events"][0]["who"][0], "Protected person 0123456789");
  EXPECT_EQ(PublicRecord(doc, x, marks, {""})["title"], doc.meta.title);  // not protected
}

}  // namespace
}  // namespace letapis
