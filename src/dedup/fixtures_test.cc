// Precision and recall of near-duplicate linking on the fictional fixture set of
// tests/data/near-duplicates (groups.tsv says which documents are copies of one report).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "letapis/ingest.h"
#include "letapis/near_duplicates.h"
#include "letapis/tsv.h"

namespace letapis {
namespace {

const std::string kFixtures = std::string(LETAPIS_SOURCE_DIR) + "/tests/data/near-duplicates";

TEST(NearDuplicateFixturesTest, CopiesAreLinkedAndDistinctReportsAreNot) {
  std::vector<TsvRow> rows;
  ASSERT_TRUE(ReadTsv(kFixtures + "/groups.tsv", 2, &rows).ok());
  std::map<std::string, std::string> group_of;
  for (const TsvRow& row : rows) group_of[row.fields[0]] = row.fields[1];

  std::vector<std::string> files;
  std::vector<ReadProblem> problems;
  CollectInputFiles({kFixtures}, &files, &problems);
  std::vector<Document> docs;
  for (const std::string& file : files) ReadInputFile(file, ReadOptions(), &docs, &problems);
  ASSERT_TRUE(problems.empty()) << problems.front().ToString();
  ASSERT_EQ(docs.size(), group_of.size());

  std::vector<Fingerprint> prints;
  for (const Document& d : docs) {
    ASSERT_TRUE(group_of.count(d.meta.name)) << d.meta.name << " is not in groups.tsv";
    prints.push_back(FingerprintDocument(d));
  }
  size_t true_links = 0, false_links = 0, missed = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      const double r = Resemblance(prints[i], prints[j]);
      const bool same = group_of[docs[i].meta.name] == group_of[docs[j].meta.name];
      const bool linked = r >= kNearDuplicateThreshold;
      true_links += same && linked;
      false_links += !same && linked;
      missed += same && !linked;
      if (same || r > 0.05) {
        std::cout << fmt::format("{:.3f} {} {} - {}\n", r, same ? "copy" : "    ",
                                 docs[i].meta.name, docs[j].meta.name);
      }
    }
  }
  std::cout << fmt::format("near-duplicate pairs: {} linked, {} wrongly linked, {} missed\n",
                           true_links, false_links, missed);
  EXPECT_EQ(false_links, 0u);
  EXPECT_EQ(missed, 0u);
  EXPECT_GT(true_links, 0u);
}

}  // namespace
}  // namespace letapis
