// Near-duplicate links in the store: written at ingest, read back with every report,
// listed by group, rebuilt for stores made before fingerprints.
#include "store/near_duplicates.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "letapis/ingest.h"
#include "letapis/store.h"
#include "store/store_key.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

constexpr char kPassphrase[] = "near duplicate test passphrase";

// A fictional report of about ninety words.
const std::string kReport =
    "The district court in Lida sentenced the blogger Maksim Charniak to five years in a "
    "medium-security penal colony, finding him guilty of organising actions that grossly "
    "violate public order. Judge Tatsiana Rudak read out the verdict in a half-empty "
    "courtroom. Charniak, who ran a popular channel about life in the town, was detained in "
    "April after officers searched his flat and seized two laptops and a phone. The "
    "prosecutor had asked for six years. His lawyer said the family would appeal.";
const std::string kOther =
    "Relatives of political prisoners in Vitsebsk say that letters to the city's penal colony "
    "have not been delivered since the summer. Three mothers told our correspondent that the "
    "colony administration returned their parcels without explanation and that phone calls "
    "were cut off after a new governor took office. The prison service did not answer.";

Document Doc(const std::string& name, const std::string& publisher, const std::string& text) {
  Document d;
  d.meta.name = name;
  d.meta.format = "txt";
  d.meta.publisher = publisher;
  d.meta.encoding = "UTF-8";
  d.raw = text;
  d.text = text;
  d.text_to_raw = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  d.meta.sha256 = Sha256Hex(text);
  return d;
}

class NearDuplicateStoreTest : public ::testing::Test {
 protected:
  NearDuplicateStoreTest() {
    std::string pattern = (fs::temp_directory_path() / "letapis-dedup-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~NearDuplicateStoreTest() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::string path() const { return (dir_ / "store.letapis").string(); }

  std::unique_ptr<Store> Open(bool create) {
    std::unique_ptr<Store> store;
    Status s = OpenSqlcipherStore(path(), kPassphrase, create, &store);
    EXPECT_TRUE(s.ok()) << s.message();
    return store;
  }

  // Adds the four reports: an original, two copies and an unrelated report.
  void AddFour(Store* store) {
    const Document docs[] = {
        Doc("wire.txt", "Wire", kReport),
        Doc("outlet.txt", "Outlet", "Blogger jailed in Lida. " + kReport + " Photo: court."),
        Doc("other.txt", "Other", kOther),
        Doc("edited.txt", "Edited", "Five years for Lida blogger. " + kReport + " Subscribe."),
    };
    for (const Document& d : docs) {
      bool added = false;
      ASSERT_TRUE(store->AddReport(d, Extraction(), "tester", &added).ok());
      ASSERT_TRUE(added);
    }
  }

  // (name, original_id) of every stored report, in ingestion order.
  std::vector<std::pair<std::string, int64_t>> Links(Store* store) {
    std::vector<std::pair<std::string, int64_t>> out;
    EXPECT_TRUE(store
                    ->ForEachReport([&](const StoredReport& r) {
                      out.emplace_back(r.document.meta.name, r.original_id);
                      if (r.original_id != 0) {
                        EXPECT_GE(r.similarity, kNearDuplicateThreshold);
                      }
                      return Status::Ok();
                    })
                    .ok());
    return out;
  }

  fs::path dir_;
};

const std::vector<std::pair<std::string, int64_t>> kExpectedLinks = {
    {"wire.txt", 0}, {"outlet.txt", 1}, {"other.txt", 0}, {"edited.txt", 1}};

TEST_F(NearDuplicateStoreTest, CopiesPointToTheFirstIngestedOriginal) {
  std::unique_ptr<Store> store = Open(true);
  ASSERT_TRUE(store);
  AddFour(store.get());
  EXPECT_EQ(Links(store.get()), kExpectedLinks);
  StoreCounts counts;
  ASSERT_TRUE(store->Counts(&counts).ok());
  EXPECT_EQ(counts.sources, 4);
  EXPECT_EQ(counts.copies, 2);

  std::vector<NearDuplicate> group;
  ASSERT_TRUE(store->ListNearDuplicates(4, &group).ok());
  ASSERT_EQ(group.size(), 3u);
  EXPECT_EQ(group[0].name, "wire.txt");
  EXPECT_EQ(group[0].original_id, 0);
  EXPECT_EQ(group[1].name, "outlet.txt");
  EXPECT_EQ(group[1].publisher, "Outlet");
  EXPECT_EQ(group[1].original_id, 1);
  EXPECT_EQ(group[2].name, "edited.txt");
  ASSERT_TRUE(store->ListNearDuplicates(3, &group).ok());
  EXPECT_TRUE(group.empty());
  EXPECT_EQ(store->ListNearDuplicates(99, &group).code(), Status::Code::kNotFound);

  StoredReport copy;
  ASSERT_TRUE(store->FindReport("edited.txt", &copy).ok());
  EXPECT_EQ(copy.original_id, 1);
}

TEST_F(NearDuplicateStoreTest, StoresMadeBeforeFingerprintsAreLinkedWhenOpened) {
  {
    std::unique_ptr<Store> store = Open(true);
    ASSERT_TRUE(store);
    AddFour(store.get());
  }
  {
    // Forget every fingerprint and link, as in a store of schema version 2.
    store::Database db;
    std::ifstream in(path(), std::ios::binary);
    std::string salt(store::kSaltBytes, '\0');
    in.read(salt.data(), static_cast<std::streamsize>(salt.size()));
    store::RawKey key;
    ASSERT_TRUE(store::DeriveRawKey(kPassphrase, salt, false, &key).ok());
    ASSERT_TRUE(db.Open(path(), false).ok());
    ASSERT_TRUE(db.Key(key.view()).ok());
    ASSERT_TRUE(
        db.Exec(
              "DELETE FROM near_duplicate; DELETE FROM fingerprint_band; DELETE FROM fingerprint;")
            .ok());
  }
  std::unique_ptr<Store> store = Open(false);
  ASSERT_TRUE(store);
  EXPECT_EQ(Links(store.get()), kExpectedLinks);
}

// Words of blocks [first, last) of a text of made-up words, 12 distinct words a block.
std::string Blocks(int first, int last) {
  std::string text;
  for (int w = first * 12; w < last * 12; ++w) text += "w" + std::to_string(w) + " ";
  return text;
}

TEST_F(NearDuplicateStoreTest, ACopyMustResembleItsOriginalItself) {
  // b edits a, c edits b again: c resembles b but not a, so it is an original.
  const Fingerprint a = FingerprintText(Blocks(0, 10), {});
  const Fingerprint b = FingerprintText(Blocks(2, 12), {});
  const Fingerprint c = FingerprintText(Blocks(4, 14), {});
  ASSERT_GE(Resemblance(a, b), kNearDuplicateThreshold);
  ASSERT_GE(Resemblance(b, c), kNearDuplicateThreshold);
  ASSERT_LT(Resemblance(a, c), kNearDuplicateThreshold);
  std::unique_ptr<Store> store = Open(true);
  ASSERT_TRUE(store);
  bool added = false;
  for (const auto& [name, first] : {std::pair{"a.txt", 0}, {"b.txt", 2}, {"c.txt", 4}}) {
    const Document d = Doc(name, "", Blocks(first, first + 10));
    ASSERT_TRUE(store->AddReport(d, Extraction(), "t", &added).ok());
  }
  EXPECT_EQ(Links(store.get()), (std::vector<std::pair<std::string, int64_t>>{
                                    {"a.txt", 0}, {"b.txt", 1}, {"c.txt", 0}}));
}

TEST_F(NearDuplicateStoreTest, ShortReportsAreNeverLinked) {
  std::unique_ptr<Store> store = Open(true);
  ASSERT_TRUE(store);
  bool added = false;
  const std::string text = "Police detained Ivan Petrenko in Minsk on 3 March 2024.";
  ASSERT_TRUE(store->AddReport(Doc("a.txt", "", text), Extraction(), "t", &added).ok());
  ASSERT_TRUE(store->AddReport(Doc("b.txt", "", text + " "), Extraction(), "t", &added).ok());
  StoreCounts counts;
  ASSERT_TRUE(store->Counts(&counts).ok());
  EXPECT_EQ(counts.sources, 2);
  EXPECT_EQ(counts.copies, 0);
}

}  // namespace
}  // namespace letapis
