#include "letapis/reviewed.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "letapis/extractor.h"
#include "letapis/ingest.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

TEST(DropRejectedFactsTest, LeavesOutOnlyWhatReviewersRejected) {
  std::string pattern = (fs::temp_directory_path() / "letapis-reviewed-XXXXXX").string();
  const fs::path dir = mkdtemp(pattern.data());
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(OpenSqlcipherStore((dir / "s.db").string(), "pass phrase", true, &store).ok());
    Extractor extractor;
    ASSERT_TRUE(Extractor::Load(LETAPIS_DATA_DIR, &extractor).ok());
    SourceMeta meta;
    meta.name = "r.txt";
    meta.format = "txt";
    Document doc;
    ASSERT_TRUE(MakeDocument("On 3 March 2025 police detained Ivan Marchuk in Hrodna. On 4 March "
                             "2025 police searched the flat of Olga Kavalenka in Brest.",
                             meta, &doc)
                    .ok());
    bool added = false;
    ASSERT_TRUE(store->AddReport(doc, extractor.Run(doc), "test", &added).ok());
    StoredReport report;
    ASSERT_TRUE(store->FindReport("r.txt", &report).ok());
    ASSERT_EQ(report.extraction.events.size(), 2u);
    FactFilter filter;
    filter.type = "search";
    std::vector<FactRow> rows;
    ASSERT_TRUE(store->ListFacts(filter, &rows, nullptr).ok());
    ASSERT_EQ(rows.size(), 1u);
    ReviewAction reject;
    reject.kind = "event";
    reject.id = rows[0].id;
    reject.action = "reject";
    reject.actor = "ana";
    ASSERT_TRUE(store->ReviewFact(reject, nullptr).ok());

    ASSERT_TRUE(DropRejectedFacts(store.get(), &report).ok());
    ASSERT_EQ(report.extraction.events.size(), 1u);
    EXPECT_EQ(report.extraction.events[0].type, "detention");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace letapis
