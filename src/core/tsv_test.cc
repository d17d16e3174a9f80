#include "letapis/tsv.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace letapis {
namespace {

TEST(ReadTsvTest, HeaderAfterCommentsIsNotARow) {
  const std::string path = ::testing::TempDir() + "/letapis_tsv_test.tsv";
  std::ofstream(path) << "# comment\n# more\nid\tword\nw.1\tAlpha\n\nw.2\tBeta\textra\n";
  std::vector<TsvRow> rows;
  ASSERT_TRUE(ReadTsv(path, 2, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[1], "Alpha");
  EXPECT_EQ(rows[0].line, 4);
  EXPECT_EQ(rows[1].fields.size(), 3u);
  std::remove(path.c_str());
}

TEST(ReadTsvTest, ShortRowNamesFileAndLine) {
  const std::string path = ::testing::TempDir() + "/letapis_tsv_short.tsv";
  std::ofstream(path) << "id\tword\nw.1\n";
  std::vector<TsvRow> rows;
  const Status s = ReadTsv(path, 2, &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("letapis_tsv_short.tsv:2"), std::string::npos) << s.message();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace letapis
