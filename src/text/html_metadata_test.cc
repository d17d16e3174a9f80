#include <gtest/gtest.h>

#include <string>

#include "letapis/text.h"

namespace letapis {
namespace {

HtmlText Convert(std::string_view html) {
  HtmlText out;
  const Status status = HtmlToText(html, &out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

TEST(PageMetadataTest, JsonLdGivesHeadlinePublisherAuthorAndUrl) {
  const HtmlText page = Convert(
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":\"NewsArticle\",\"headline\":"
      "\"Two activists sentenced\",\"url\":\"https://example.org/ld\",\"datePublished\":"
      "\"2025-02-03\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Lake Herald\"},"
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Ona Kirss\"},\"Piotr Lenk\"]}]}</script>"
      "<title>Page title</title><p>Text.</p>");
  EXPECT_EQ(page.title, "Two activists sentenced");
  EXPECT_EQ(page.url, "https://example.org/ld");
  EXPECT_EQ(page.publisher, "Lake Herald");
  EXPECT_EQ(page.author, "Ona Kirss, Piotr Lenk");
  EXPECT_EQ(page.published.ToIso(), "2025-02-03");
}

TEST(PageMetadataTest, MetaTagsWinOverJsonLd) {
  const HtmlText page = Convert(
      "<meta property=\"og:title\" content=\"OG headline\">"
      "<meta property=\"og:site_name\" content=\"OG Site\">"
      "<meta name=\"author\" content=\"Meta Author\">"
      "<script type=\"application/ld+json\">{\"headline\":\"LD\",\"publisher\":\"LD Site\","
      "\"author\":\"LD Author\"}</script><p>Text.</p>");
  EXPECT_EQ(page.title, "OG headline");
  EXPECT_EQ(page.publisher, "OG Site");
  EXPECT_EQ(page.author, "Meta Author");
}

TEST(PageMetadataTest, AuthorUrlsAreNotNames) {
  const HtmlText page = Convert(
      "<meta property=\"article:author\" content=\"https://example.org/people/x\">"
      "<article><p class=\"byline\">By Mira Dovnar | <time datetime=\"2024-01-02\">2 Jan</time>"
      "</p><p>Text.</p></article>");
  EXPECT_EQ(page.author, "Mira Dovnar");
  EXPECT_EQ(page.published.ToIso(), "2024-01-02");
}

TEST(PageMetadataTest, BylineInAsidesOrTooLongIsIgnored) {
  EXPECT_EQ(Convert("<aside><span class=byline>By Other Person</span></aside><p>Text.</p>").author,
            "");
  EXPECT_EQ(Convert("<p class=byline>" + std::string(300, 'x') + "</p>").author, "");
  EXPECT_EQ(Convert("<a rel=author href=/p>Lena Horn</a><p>Text.</p>").author, "Lena Horn");
}

}  // namespace
}  // namespace letapis
