// Tests of PublicViewCache on a real store: kept while the store is unchanged, read
// afresh after a review, a protect mark or a confidential mark.
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "letapis/ingest.h"
#include "web/public_view.h"

namespace letapis::web {
namespace {

namespace fs = std::filesystem;

class PublicViewCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "letapis-public-cache-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    ASSERT_TRUE(
        OpenSqlcipherStore((dir_ / "store.db").string(), "cache test passphrase", true, &store_)
            .ok());
    ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher_).ok());
  }

  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // Stores a report in which police detain a witness; its one event is proposed.
  void AddReport() {
    SourceMeta meta;
    meta.name = "bulletin.txt";
    meta.format = "txt";
    meta.title = "Bulletin";
    Document doc;
    ASSERT_TRUE(MakeDocument("Police detained Radmila Kuzmenich in Varensk.", meta, &doc).ok());
    Extraction x;
    x.entities.push_back({EntityKind::kPerson, "Radmila Kuzmenich", {}});
    Mention m;
    m.span = {16, 33};
    m.surface = "Radmila Kuzmenich";
    m.entity = 0;
    x.mentions.push_back(m);
    Event detention;
    detention.type = "detention";
    detention.who = {0};
    detention.evidence = {0, static_cast<uint32_t>(doc.text.size())};
    x.events.push_back(detention);
    bool added = false;
    Status s = store_->AddReport(doc, x, "tester", &added);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE(added);
  }

  std::shared_ptr<const PublicView> Get() {
    std::shared_ptr<const PublicView> view;
    Status s = cache_.Get(store_.get(), matcher_, &view);
    EXPECT_TRUE(s.ok()) << s.message();
    return view;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  NameMatcher matcher_;
  PublicViewCache cache_;
};

TEST_F(PublicViewCacheTest, KeptWhileUnchangedAndReadAfreshAfterEveryMark) {
  AddReport();
  EXPECT_TRUE(Get()->records.empty());  // nothing confirmed yet
  std::vector<FactRow> events;
  ASSERT_TRUE(store_->ListFacts(FactFilter{}, &events, nullptr).ok());
  ASSERT_EQ(events.size(), 1u);
  ReviewAction confirm;
  confirm.kind = "event";
  confirm.id = events[0].id;
  confirm.action = "confirm";
  confirm.actor = "editor";
  FactRow after;
  ASSERT_TRUE(store_->ReviewFact(confirm, &after).ok());

  const std::shared_ptr<const PublicView> confirmed = Get();
  ASSERT_EQ(confirmed->records.size(), 1u);
  EXPECT_EQ(confirmed->records[0]["events"][0]["who"][0], "Radmila Kuzmenich");
  EXPECT_EQ(Get(), confirmed);  // unchanged store: the same view

  ASSERT_TRUE(store_->ProtectPerson("Radmila Kuzmenich", "editor").ok());
  const std::shared_ptr<const PublicView> protected_view = Get();
  ASSERT_EQ(protected_view->records.size(), 1u);
  const std::string evidence = protected_view->records[0]["events"][0]["evidence"];
  EXPECT_EQ(evidence.find("Kuzmenich"), std::string::npos) << evidence;
  EXPECT_EQ(evidence.rfind("Police detained Protected person ", 0), 0u) << evidence;

  ASSERT_TRUE(store_->SetConfidential("bulletin.txt", true, "editor").ok());
  EXPECT_TRUE(Get()->records.empty());
}

}  // namespace
}  // namespace letapis::web
