// FTS4 statistics read from the shadow tables: varints, the index totals and report
// lengths asked for in any order.
#include "store/fts_stats.h"

#include <string>

#include "store/store_file.h"
#include "store/store_test_fixture.h"

namespace letapis::store {
namespace {

TEST(FtsVarintTest, DecodesLeastSignificantGroupFirstAndRejectsTruncation) {
  const std::string bytes = {'\x05', '\x96', '\x01', '\xff'};
  size_t pos = 0;
  uint64_t v = 0;
  ASSERT_TRUE(ReadFtsVarint(bytes, &pos, &v));
  EXPECT_EQ(v, 5u);
  ASSERT_TRUE(ReadFtsVarint(bytes, &pos, &v));
  EXPECT_EQ(v, 150u);  // 0x16 + (1 << 7)
  EXPECT_EQ(pos, 3u);
  EXPECT_FALSE(ReadFtsVarint(bytes, &pos, &v));  // 0xff continues past the end
  const std::string endless(11, '\x80');
  pos = 0;
  EXPECT_FALSE(ReadFtsVarint(endless, &pos, &v));
}

class FtsStatsTest : public StoreFixture {
 protected:
  // A second connection to the fixture's store, for the internal functions.
  void OpenDirect() {
    const std::string path = (dir_ / "s.db").string();
    RawKey key;
    ASSERT_TRUE(DeriveKeyOf(path, "pass phrase", &key).ok());
    ASSERT_TRUE(OpenKeyed(path, key, &db_).ok());
  }
  Database db_;
};

TEST_F(FtsStatsTest, ReadsTotalsAndLengthsInAnyOrder) {
  const int64_t a = AddText("a.txt", "One two three four.");
  const int64_t b = AddText("b.txt", "Five six seven eight nine ten, eleven twelve.");
  const int64_t c = AddText("c.txt", "Thirteen.");
  OpenDirect();
  FtsIndexStats stats;
  ASSERT_TRUE(ReadFtsIndexStats(&db_, &stats).ok());
  EXPECT_EQ(stats.reports, 3);
  EXPECT_DOUBLE_EQ(stats.average_tokens, (4 + 8 + 1) / 3.0);
  EXPECT_EQ(stats.last_docid, c);

  FtsDocLengths lengths(&db_);
  double tokens = -1;
  ASSERT_TRUE(lengths.Get(a, &tokens).ok());
  EXPECT_EQ(tokens, 4);
  ASSERT_TRUE(lengths.Get(c, &tokens).ok());
  EXPECT_EQ(tokens, 1);
  ASSERT_TRUE(lengths.Get(b, &tokens).ok());  // backwards: seeks again
  EXPECT_EQ(tokens, 8);
  ASSERT_TRUE(lengths.Get(c + 1000, &tokens).ok());  // past the last report
  EXPECT_EQ(tokens, 0);
  ASSERT_TRUE(lengths.Get(c, &tokens).ok());  // after running off the end
  EXPECT_EQ(tokens, 1);
}

TEST_F(FtsStatsTest, EmptyIndexHasNoReports) {
  OpenDirect();
  FtsIndexStats stats;
  ASSERT_TRUE(ReadFtsIndexStats(&db_, &stats).ok());
  EXPECT_EQ(stats.reports, 0);
  EXPECT_EQ(stats.average_tokens, 1);
  EXPECT_EQ(stats.last_docid, 0);
  FtsDocLengths lengths(&db_);
  double tokens = -1;
  ASSERT_TRUE(lengths.Get(1, &tokens).ok());
  EXPECT_EQ(tokens, 0);
}

}  // namespace
}  // namespace letapis::store
