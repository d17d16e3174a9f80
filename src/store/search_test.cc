// Full-text search: ranking order, paging, counts and snippets of every hit on a page.
#include <string>
#include <vector>

#include "store/search.h"
#include "store/store_file.h"
#include "store/store_test_fixture.h"

namespace letapis {
namespace {

class SearchTest : public StoreFixture {
 protected:
  void Add(const std::string& name, const std::string& text) { AddText(name, text); }

  // Searches through a second connection with `limits` (Store::Search uses the defaults).
  SearchResults SearchWith(const std::string& query, int64_t limit, int64_t offset,
                           const store::SearchLimits& limits) {
    const std::string path = (dir_ / "s.db").string();
    store::RawKey key;
    store::Database db;
    SearchResults out;
    EXPECT_TRUE(store::DeriveKeyOf(path, "pass phrase", &key).ok());
    EXPECT_TRUE(store::OpenKeyed(path, key, &db).ok());
    EXPECT_TRUE(store::Search(&db, query, limit, offset, limits, &out).ok());
    return out;
  }
};

TEST_F(SearchTest, PagesFollowOneOrderAndEveryHitHasASnippet) {
  // Ties (same length, same count of the word) and distinct scores, in no particular order.
  const std::vector<std::string> texts = {
      "The tribunal heard the lawyer of Petra Lom on Monday.",
      "The tribunal heard the lawyer of Petra Lom on Sunday.",
      "Tribunal tribunal: the tribunal in Vesk met again about Petra Lom.",
      "A long note on the weather in the hills, the roads, the rivers and the harvest of the "
      "year, the markets, the prices, the schools, and at the end the tribunal.",
      "The tribunal heard the lawyer of Petra Lom on Friday.",
      "Nothing here about courts at all.",
      "Tribunal of Vesk, tribunal again.",
  };
  for (size_t i = 0; i < texts.size(); ++i) Add("r" + std::to_string(i) + ".txt", texts[i]);

  SearchResults all;
  ASSERT_TRUE(store_->Search("tribunal", 100, 0, &all).ok());
  EXPECT_EQ(all.total, 6);
  ASSERT_EQ(all.hits.size(), 6u);
  for (size_t i = 1; i < all.hits.size(); ++i) {
    const SearchHit& a = all.hits[i - 1];
    const SearchHit& b = all.hits[i];
    EXPECT_TRUE(a.score > b.score || (a.score == b.score && a.source_id > b.source_id))
        << "hit " << i << " is out of order";
  }
  // The three reports that differ only in the weekday tie; the newest comes first.
  EXPECT_EQ(all.hits[2].score, all.hits[3].score);
  EXPECT_EQ(all.hits[3].score, all.hits[4].score);
  EXPECT_EQ(all.hits[2].name, "r4.txt");
  EXPECT_EQ(all.hits[4].name, "r0.txt");
  EXPECT_EQ(all.hits[0].name, "r6.txt");  // the word twice in a short text
  EXPECT_EQ(all.hits[5].name, "r3.txt");  // once in a long text
  for (const SearchHit& h : all.hits) {
    EXPECT_NE(h.snippet.find(std::string(1, kHitOpen)), std::string::npos) << h.name;
  }

  // Pages of two, concatenated, are the same list with the same snippets.
  std::vector<SearchHit> paged;
  for (int64_t offset = 0; offset < 6; offset += 2) {
    SearchResults page;
    ASSERT_TRUE(store_->Search("tribunal", 2, offset, &page).ok());
    EXPECT_EQ(page.total, 6);
    ASSERT_EQ(page.hits.size(), 2u);
    paged.insert(paged.end(), page.hits.begin(), page.hits.end());
  }
  for (size_t i = 0; i < all.hits.size(); ++i) {
    EXPECT_EQ(paged[i].source_id, all.hits[i].source_id);
    EXPECT_EQ(paged[i].snippet, all.hits[i].snippet);
    EXPECT_EQ(paged[i].score, all.hits[i].score);
  }

  // Past the end: the count stays, the page is empty.
  SearchResults beyond;
  ASSERT_TRUE(store_->Search("tribunal", 10, 6, &beyond).ok());
  EXPECT_EQ(beyond.total, 6);
  EXPECT_TRUE(beyond.hits.empty());
  ASSERT_TRUE(store_->Search("tribunal", 10, INT64_MAX, &beyond).ok());
  EXPECT_EQ(beyond.total, 6);
  EXPECT_TRUE(beyond.hits.empty());
}

TEST_F(SearchTest, EveryPageSizeGivesTheSameRanking) {
  // Lengths and counts of the word vary, so that a small page must skip most reports.
  for (int i = 0; i < 30; ++i) {
    std::string text = "Report " + std::to_string(i) + " from Vesk.";
    for (int k = 0; k < i % 4; ++k) text += " The tribunal sat.";
    for (int k = 0; k < i % 7; ++k) text += " Rain fell on the roads and fields of the valley.";
    Add("p" + std::to_string(i) + ".txt", text);
  }
  for (const std::string query : {"tribunal", "tribunal vesk", "vesk"}) {
    SearchResults all;
    ASSERT_TRUE(store_->Search(query, 100, 0, &all).ok());
    for (size_t i = 1; i < all.hits.size(); ++i) {
      EXPECT_TRUE(all.hits[i - 1].score > all.hits[i].score ||
                  (all.hits[i - 1].score == all.hits[i].score &&
                   all.hits[i - 1].source_id > all.hits[i].source_id))
          << query << ": hit " << i << " is out of order";
    }
    for (size_t i = 0; i < all.hits.size(); ++i) {
      SearchResults one;
      ASSERT_TRUE(store_->Search(query, 1, static_cast<int64_t>(i), &one).ok());
      EXPECT_EQ(one.total, all.total);
      ASSERT_EQ(one.hits.size(), 1u);
      EXPECT_EQ(one.hits[0].source_id, all.hits[i].source_id) << query << " at " << i;
      EXPECT_EQ(one.hits[0].score, all.hits[i].score);
    }
  }
}

TEST_F(SearchTest, WordsInMostReportsListThemNewestFirst) {
  Add("a.txt", "Vesk vesk vesk. The tribunal met.");
  Add("b.txt", "Vesk once, in a long note about the weather, the roads and the tribunal.");
  Add("c.txt", "Nothing of the town here.");
  Add("d.txt", "Vesk again, and the tribunal.");
  Add("e.txt", "Vesk, the last word of the day.");
  Add("f.txt", "A note on rain.");
  const store::SearchLimits limits{3};  // at least 3 matches and more than half of 6

  // "vesk" is in 4 of 6 reports: newest first, no scores, the exact count.
  SearchResults common = SearchWith("vesk", 10, 0, limits);
  EXPECT_TRUE(common.newest_first);
  EXPECT_EQ(common.total, 4);
  ASSERT_EQ(common.hits.size(), 4u);
  EXPECT_EQ(common.hits[0].name, "e.txt");
  EXPECT_EQ(common.hits[1].name, "d.txt");
  EXPECT_EQ(common.hits[2].name, "b.txt");
  EXPECT_EQ(common.hits[3].name, "a.txt");
  for (const SearchHit& h : common.hits) {
    EXPECT_EQ(h.score, 0);
    EXPECT_NE(h.snippet.find(std::string(1, kHitOpen) + "Vesk"), std::string::npos) << h.name;
  }
  SearchResults second = SearchWith("vesk", 2, 2, limits);
  EXPECT_TRUE(second.newest_first);
  EXPECT_EQ(second.total, 4);
  ASSERT_EQ(second.hits.size(), 2u);
  EXPECT_EQ(second.hits[0].name, "b.txt");
  EXPECT_EQ(second.hits[1].name, "a.txt");

  // "tribunal" is in 3 of 6 (not more than half): ranked, the word three times in a short
  // text before once in a long one.
  SearchResults ranked = SearchWith("tribunal", 10, 0, limits);
  EXPECT_FALSE(ranked.newest_first);
  EXPECT_EQ(ranked.total, 3);
  ASSERT_EQ(ranked.hits.size(), 3u);
  EXPECT_GT(ranked.hits[0].score, 0);
  EXPECT_EQ(ranked.hits[2].name, "b.txt");
  SearchResults vesk_ranked = SearchWith("vesk", 10, 0, store::SearchLimits{5});
  EXPECT_FALSE(vesk_ranked.newest_first);  // fewer matches than the least
  ASSERT_EQ(vesk_ranked.hits.size(), 4u);
  EXPECT_EQ(vesk_ranked.hits[0].name, "a.txt");
  EXPECT_EQ(vesk_ranked.hits[3].name, "b.txt");

  // "day" (only in e.txt) cannot be in most reports once e.txt is read: counting stops
  // there, and ranking counts afresh.
  SearchResults rare = SearchWith("day", 10, 0, limits);
  EXPECT_FALSE(rare.newest_first);
  EXPECT_EQ(rare.total, 1);
  ASSERT_EQ(rare.hits.size(), 1u);
  EXPECT_EQ(rare.hits[0].name, "e.txt");
  SearchResults first_only = SearchWith("weather", 10, 0, limits);
  EXPECT_FALSE(first_only.newest_first);
  EXPECT_EQ(first_only.total, 1);

  // The default limits never list a small store newest first.
  SearchResults through_store;
  ASSERT_TRUE(store_->Search("vesk", 10, 0, &through_store).ok());
  EXPECT_FALSE(through_store.newest_first);
  EXPECT_EQ(through_store.hits[0].name, "a.txt");
}

}  // namespace
}  // namespace letapis
