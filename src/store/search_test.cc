// Full-text search: ranking order, paging, counts and snippets of every hit on a page.
#include <string>
#include <vector>

#include "store/store_test_fixture.h"

namespace letapis {
namespace {

class SearchTest : public StoreFixture {
 protected:
  void Add(const std::string& name, const std::string& text) { AddText(name, text); }
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

}  // namespace
}  // namespace letapis
