#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "letapis/store.h"

namespace letapis {
namespace {

namespace fs = std::filesystem;

class WatchRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "letapis-watch-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    ASSERT_TRUE(OpenSqlcipherStore((dir_ / "s.db").string(), "watch test", true, &store_).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(WatchRowsTest, FeedsAreAddedOnceAndChecksRecordTheirArticles) {
  bool added = false;
  ASSERT_TRUE(store_->AddWatchedFeed("https://example.org/rss", "t", &added).ok());
  EXPECT_TRUE(added);
  ASSERT_TRUE(store_->AddWatchedFeed("https://example.org/rss", "t", &added).ok());
  EXPECT_FALSE(added);
  ASSERT_TRUE(store_->AddWatchedFeed("https://example.org/atom", "t", &added).ok());

  WatchedFeed feed{"https://example.org/rss",       "", "\"v1\"",
                   "Mon, 02 Mar 2026 09:00:00 GMT", "", "200 (1 new, 0 failed)"};
  const WatchedItem item{"https://example.org/a", "", "\"a\"", "", std::string(64, 'f'), ""};
  ASSERT_TRUE(store_->SaveFeedCheck(feed, {item, item}, "t").ok());

  std::vector<WatchedFeed> feeds;
  std::vector<WatchedItem> items;
  ASSERT_TRUE(store_->ListWatched(&feeds, &items).ok());
  ASSERT_EQ(feeds.size(), 2u);
  EXPECT_EQ(feeds[0].url, "https://example.org/rss");
  EXPECT_EQ(feeds[0].etag, "\"v1\"");
  EXPECT_EQ(feeds[0].last_modified, "Mon, 02 Mar 2026 09:00:00 GMT");
  EXPECT_EQ(feeds[0].last_result, "200 (1 new, 0 failed)");
  EXPECT_FALSE(feeds[0].added_at.empty());
  EXPECT_FALSE(feeds[0].checked_at.empty());
  EXPECT_TRUE(feeds[1].checked_at.empty());
  ASSERT_EQ(items.size(), 1u);  // the same URL is recorded once
  EXPECT_EQ(items[0].url, "https://example.org/a");
  EXPECT_EQ(items[0].feed_url, "https://example.org/rss");
  EXPECT_EQ(items[0].sha256, std::string(64, 'f'));

  feed.url = "https://example.org/unknown";
  EXPECT_EQ(store_->SaveFeedCheck(feed, {}, "t").code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace letapis
