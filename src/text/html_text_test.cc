#include <gtest/gtest.h>

#include "letapis/text.h"

namespace letapis {
namespace {

const char* kPage = R"(<!doctype html><html><head><title>Court in Hrodna</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2025-03-12T10:00:00Z">
<link rel="canonical" href="https://example.org/hrodna"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies to improve the site.</div>
<article><h1>Three sentenced</h1>
<p>The court sentenced Ihar Zhuk &amp; Olga Laur to <b>five years</b>.</p>
<div class="share-buttons">Share on Facebook</div>
<p>Their lawyer said they would appeal.</p></article>
<section id="comments"><p>First comment!</p></section>
<footer>Copyright</footer></body></html>)";

TEST(HtmlToTextTest, KeepsTheArticleAndDropsWidgets) {
  HtmlText h;
  ASSERT_TRUE(HtmlToText(kPage, &h).ok());
  EXPECT_NE(h.text.find("Three sentenced"), std::string::npos);
  EXPECT_NE(h.text.find("The court sentenced Ihar Zhuk & Olga Laur to five years."),
            std::string::npos);
  EXPECT_NE(h.text.find("Their lawyer said they would appeal."), std::string::npos);
  for (const char* junk : {"Home", "cookies", "Share on", "First comment", "Copyright"}) {
    EXPECT_EQ(h.text.find(junk), std::string::npos) << junk;
  }
}

TEST(HtmlToTextTest, ReadsMetadata) {
  HtmlText h;
  ASSERT_TRUE(HtmlToText(kPage, &h).ok());
  EXPECT_EQ(h.title, "Court in Hrodna");
  EXPECT_EQ(h.publisher, "Example Daily");
  EXPECT_EQ(h.url, "https://example.org/hrodna");
  EXPECT_EQ(h.published.ToIso(), "2025-03-12");
}

TEST(HtmlToTextTest, JsonLdAndTimeDates) {
  HtmlText a, b;
  ASSERT_TRUE(HtmlToText(R"(<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
      "datePublished":"2024-11-19"}]}</script><p>Text here.</p>)",
                         &a)
                  .ok());
  EXPECT_EQ(a.published.ToIso(), "2024-11-19");
  ASSERT_TRUE(HtmlToText(R"(<p><time datetime="2023-05-02">2 May</time> Text.</p>)", &b).ok());
  EXPECT_EQ(b.published.ToIso(), "2023-05-02");
}

TEST(HtmlToTextTest, TextMapsBackToTheMarkup) {
  const std::string html = "<p>Police detained <i>Pavel Lis</i> in Minsk.</p>";
  HtmlText h;
  ASSERT_TRUE(HtmlToText(html, &h).ok());
  const size_t at = h.text.find("Pavel Lis");
  ASSERT_NE(at, std::string::npos);
  const uint32_t begin = h.to_input.ToSource(static_cast<uint32_t>(at));
  EXPECT_EQ(html.substr(begin, 9), "Pavel Lis");
}

TEST(HtmlToTextTest, EntityMapsToItsAmpersand) {
  const std::string html = "<p>A &amp; B</p>";
  HtmlText h;
  ASSERT_TRUE(HtmlToText(html, &h).ok());
  const size_t amp = h.text.find('&');
  ASSERT_NE(amp, std::string::npos);
  EXPECT_EQ(html.substr(h.to_input.ToSource(static_cast<uint32_t>(amp)), 5), "&amp;");
}

TEST(HtmlToTextTest, DeepNestingIsALimitError) {
  std::string html;
  for (int i = 0; i < 2000; ++i) html += "<div>";
  html += "deep";
  HtmlText h;
  EXPECT_EQ(HtmlToText(html, &h).code(), Status::Code::kLimit);
}

TEST(BoilerplateTest, WidgetLinesAreFoundAndSentencesKept) {
  const std::string text =
      "A+ A-\nShare this article\nPolice detained five activists in Brest on Monday, their "
      "colleagues said.\nRead more: other news\nhttps://example.org/x\n";
  const std::vector<Span> spans = FindBoilerplate(text);
  std::string kept;
  size_t pos = 0;
  for (const Span& s : spans) {
    kept += text.substr(pos, s.begin - pos);
    pos = s.end;
  }
  kept += text.substr(pos);
  EXPECT_EQ(kept, "Police detained five activists in Brest on Monday, their colleagues said.\n");
}

}  // namespace
}  // namespace letapis
