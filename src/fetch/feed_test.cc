#include "fetch/feed.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

TEST(FeedTest, Rss) {
  std::vector<FeedItem> items;
  ASSERT_TRUE(ParseFeed(R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Lakeside Monitor</title><link>https://example.org/</link>
<item><title>Two detained in Varosk</title><link> https://example.org/a </link>
<guid>a-1</guid><pubDate>Tue, 03 Mar 2026 10:00:00 +0100</pubDate></item>
<item><title>No link</title></item>
<item><title><![CDATA[Court & verdict]]></title><link>https://example.org/b</link></item>
</channel></rss>)",
                        &items)
                  .ok());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].title, "Two detained in Varosk");
  EXPECT_EQ(items[0].link, "https://example.org/a");
  EXPECT_EQ(items[0].id, "a-1");
  EXPECT_EQ(items[0].published.ToIso(), "2026-03-03");
  EXPECT_EQ(items[1].title, "Court & verdict");
}

TEST(FeedTest, Atom) {
  std::vector<FeedItem> items;
  ASSERT_TRUE(ParseFeed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Search of an office</title><link rel="edit" href="https://example.org/edit"/>
<link href="https://example.org/c"/><id>urn:c</id><updated>2025-12-01T08:00:00Z</updated>
</entry></feed>)",
                        &items)
                  .ok());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].link, "https://example.org/c");
  EXPECT_EQ(items[0].published.ToIso(), "2025-12-01");
}

TEST(FeedTest, TruncatedAndForeignXmlAreErrors) {
  std::vector<FeedItem> items;
  const Status truncated =
      ParseFeed("<rss><channel>\n<item><title>x</title><link>https://e.org/x</link>", &items);
  EXPECT_EQ(truncated.code(), Status::Code::kInvalidInput);
  EXPECT_NE(truncated.message().find("line 2:"), std::string::npos) << truncated.message();
  EXPECT_NE(truncated.message().find("truncated"), std::string::npos);
  EXPECT_TRUE(items.empty());
  EXPECT_EQ(ParseFeed("<html><body/></html>", &items).message(), "not an RSS or Atom feed");
  std::string deep = "<rss>";
  for (int i = 0; i < 100; ++i) deep += "<x>";
  EXPECT_EQ(ParseFeed(deep, &items).code(), Status::Code::kLimit);
}

TEST(FeedTest, EntityExpansionIsRefused) {
  std::vector<FeedItem> items;
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">";
  for (int i = 1; i < 10; ++i) {
    xml += "<!ENTITY " + std::string(1, static_cast<char>('a' + i)) + " \"";
    for (int k = 0; k < 10; ++k) xml += "&" + std::string(1, static_cast<char>('a' + i - 1)) + ";";
    xml += "\">";
  }
  xml +=
      "]><rss><channel><item><title>&j;</title><link>https://e.org/</link></item></channel></rss>";
  EXPECT_FALSE(ParseFeed(xml, &items).ok());
}

}  // namespace
}  // namespace letapis
