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

// The HTML bytes that text[begin, end) came from.
std::string_view SourceOf(std::string_view html, const HtmlText& page, size_t begin, size_t end) {
  const uint32_t from = page.to_input.ToSource(static_cast<uint32_t>(begin));
  const uint32_t to = page.to_input.EndToSource(static_cast<uint32_t>(end));
  EXPECT_LE(from, to);
  EXPECT_LE(to, html.size());
  return html.substr(from, to - from);
}

// Asserts that every word of the text (no entities in it) maps back to the same bytes.
void ExpectWordsMapBack(std::string_view html, const HtmlText& page) {
  ASSERT_EQ(page.to_input.size(), page.text.size());
  const std::string& text = page.text;
  size_t word = 0;
  while ((word = text.find_first_not_of(" \n", word)) != std::string::npos) {
    const size_t end = std::min(text.find_first_of(" \n", word), text.size());
    EXPECT_EQ(SourceOf(html, page, word, end), text.substr(word, end - word));
    word = end;
  }
}

TEST(HtmlToTextTest, BlocksBecomeLinesAndParagraphs) {
  const HtmlText page = Convert(
      "<html><body><h1>Verdict</h1><p>One.</p><p>Two<br>three</p>"
      "<ul><li>first</li><li>second</li></ul><div>end</div></body></html>");
  EXPECT_EQ(page.text, "Verdict\n\nOne.\n\nTwo\nthree\n\nfirst\nsecond\n\nend");
  ExpectWordsMapBack(
      "<html><body><h1>Verdict</h1><p>One.</p><p>Two<br>three</p>"
      "<ul><li>first</li><li>second</li></ul><div>end</div></body></html>",
      page);
}

TEST(HtmlToTextTest, WhiteSpaceIsCollapsedOutsidePre) {
  EXPECT_EQ(Convert("<p>  Maryna \n\t  Zolatava\r\n was  detained </p>").text,
            "Maryna Zolatava was detained");
  EXPECT_EQ(Convert("<p>before</p><pre>a  b\nc</pre><p>after</p>").text,
            "before\n\na  b\nc\n\nafter");
}

TEST(HtmlToTextTest, TableCellsAreSeparatedAndRowsAreLines) {
  EXPECT_EQ(Convert("<table><tr><td>Name</td><td>Term</td></tr><tr><td>Ihar</td><td>5 years</td>"
                    "</tr></table>")
                .text,
            "Name Term\nIhar 5 years");
}

TEST(HtmlToTextTest, PageFurnitureIsDropped) {
  const std::string html =
      "<html><head><title>T</title><style>p{color:red}</style></head><body>"
      "<header><a href=/>Site</a> <nav><a>News</a><a>World</a></nav></header>"
      "<div class=\"cookie-banner\">We use cookies</div><div class=consent>Accept?</div>"
      "<main><article><p>Andrei Hniot remains in custody in Belgrade.</p>"
      "<div class=\"shareButtons\"><a>Share</a><a>Tweet</a></div>"
      "<script>var x = '<p>not text</p>';</script>"
      "<div id=\"comments\"><p>Leave a comment</p></div>"
      "<section class=\"related-articles\"><p>Other story</p></section>"
      "<p class=\"commentary\">His lawyer appealed.</p></article></main>"
      "<aside>Most read</aside><div "
      "class=\"sidebar\">Ads</div><form><label>Search</label><input></form>"
      "<div hidden>Secret</div><noscript>Enable JS</noscript>"
      "<footer>Copyright</footer></body></html>";
  EXPECT_EQ(Convert(html).text,
            "Andrei Hniot remains in custody in Belgrade.\n\nHis lawyer appealed.");
}

TEST(HtmlToTextTest, HeadersAreDroppedButTheirDatesCount) {
  const HtmlText page = Convert(
      "<header>Site name</header><article><header><h1>Three defenders jailed</h1><p>By "
      "Staff, <time datetime=\"2025-03-12\">12 March</time></p></header><p>Body.</p></article>");
  EXPECT_EQ(page.text, "Body.");
  EXPECT_EQ(page.published.ToIso(), "2025-03-12");
}

TEST(HtmlToTextTest, EntitiesAreDecodedAndMapToTheirAmpersand) {
  const std::string html = "<p>Tom &amp; Jerry &#8220;free&#x201D; caf&eacute; &copy2024 x</p>";
  const HtmlText page = Convert(html);
  EXPECT_EQ(page.text, "Tom & Jerry \u201Cfree\u201D caf\u00E9 \u00A92024 x");
  const size_t amp_in_text = page.text.find('&');
  EXPECT_EQ(page.to_input.ToSource(static_cast<uint32_t>(amp_in_text)), html.find("&amp;"));
  EXPECT_EQ(SourceOf(html, page, amp_in_text, amp_in_text + 1), "&amp;");
  const size_t quote = page.text.find("\u201C");
  for (size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(page.to_input.ToSource(static_cast<uint32_t>(quote + k)), html.find("&#8220;"));
  }
  EXPECT_EQ(SourceOf(html, page, quote, page.text.find(" caf")), "&#8220;free&#x201D;");
  const size_t free = page.text.find("free");
  EXPECT_EQ(SourceOf(html, page, free, free + 4), "free");
  const size_t year = page.text.find("2024");
  EXPECT_EQ(SourceOf(html, page, year, year + 4), "2024");  // "&copy" ends without ';'
  const size_t x = page.text.rfind('x');
  EXPECT_EQ(page.to_input.ToSource(static_cast<uint32_t>(x)), html.rfind('x'));
}

TEST(HtmlToTextTest, UnknownEntitiesAndBareAmpersandsStayLiteral) {
  const std::string html = "<p>AT&T &unknown; a&b</p>";
  const HtmlText page = Convert(html);
  EXPECT_EQ(page.text, "AT&T &unknown; a&b");
  ExpectWordsMapBack(html, page);
  for (size_t k = 0; k < page.text.size(); ++k) {  // every byte is copied verbatim
    EXPECT_EQ(page.to_input.ToSource(static_cast<uint32_t>(k)), html.find("AT&T") + k);
  }
}

TEST(HtmlToTextTest, WordsMapBackToTheirBytes) {
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=utf-8><title>Report</title></head><body>\r\n"
      "<div class=content><h2>Затрымалі праваабаронцу</h2>\r\n<p>Valiantsin "
      "<b>Stefanovich</b> was\r\n sentenced to <i>nine years</i>.</p>\n<p>Ales&nbsp;Bialiatski "
      "and Uladzimir Labkovich remain in prison.</p></div></body></html>";
  const HtmlText page = Convert(html);
  EXPECT_EQ(page.text,
            "Затрымалі праваабаронцу\n\nValiantsin Stefanovich was sentenced to nine years.\n\n"
            "Ales\u00A0Bialiatski and Uladzimir Labkovich remain in prison.");
  const size_t labkovich = page.text.find("Labkovich");
  EXPECT_EQ(SourceOf(html, page, labkovich, labkovich + 9), "Labkovich");
  const size_t years = page.text.find("nine years.");
  EXPECT_EQ(SourceOf(html, page, years, years + 11), "nine years</i>.");
  const size_t cyrillic = page.text.find("праваабаронцу");
  EXPECT_EQ(SourceOf(html, page, cyrillic, cyrillic + std::string("праваабаронцу").size()),
            "праваабаронцу");
}

TEST(HtmlToTextTest, OpenGraphAndCanonicalMetadata) {
  const HtmlText page = Convert(
      "<html><head><title>Defenders jailed | Example News</title>"
      "<meta property=\"og:title\" content=\"Defenders jailed\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"og:url\" content=\"https://example.org/og\">"
      "<link rel=\"canonical\" href=\"https://example.org/canonical\">"
      "<meta property=\"article:published_time\" content=\"2025-07-14T09:30:00+03:00\">"
      "</head><body><p>Text.</p><time datetime=\"2020-01-01\">old</time></body></html>");
  EXPECT_EQ(page.title, "Defenders jailed");
  EXPECT_EQ(page.url, "https://example.org/canonical");
  EXPECT_EQ(page.publisher, "Example News");
  EXPECT_EQ(page.published.ToIso(), "2025-07-14");
}

TEST(HtmlToTextTest, TitleElementAndOgUrlAreFallbacks) {
  const HtmlText page = Convert(
      "<title>\n  Searches in Minsk\n</title><meta property=og:url content=https://example.org/a>"
      "<p>Text.</p>");
  EXPECT_EQ(page.title, "Searches in Minsk");
  EXPECT_EQ(page.url, "https://example.org/a");
  EXPECT_FALSE(page.published.known());
}

TEST(HtmlToTextTest, JsonLdDatePublished) {
  const HtmlText page = Convert(
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-10-03T12:00"
      ":00Z\"}]}</script><p>Text.</p><time datetime=\"2020-01-01\">old</time>");
  EXPECT_EQ(page.published.ToIso(), "2024-10-03");
}

TEST(HtmlToTextTest, MalformedJsonLdFallsBackToTimeOutsideAsides) {
  const HtmlText page = Convert(
      "<script type=\"application/ld+json\">{\"datePublished\": </script>"
      "<aside><time datetime=\"2019-05-05\">related</time></aside>"
      "<article><time datetime=\"2023-02-25\">25 February 2023</time><p>Text.</p></article>");
  EXPECT_EQ(page.published.ToIso(), "2023-02-25");
}

TEST(HtmlToTextTest, NestingPastTheLimitIsRefused) {
  std::string html;
  for (int i = 0; i < 600; ++i) html += "<div>";
  html += "deep";
  HtmlText page;
  const Status status = HtmlToText(html, &page);
  EXPECT_EQ(status.code(), Status::Code::kLimit);
  EXPECT_NE(status.message().find("nested deeper than 512"), std::string::npos);
  EXPECT_TRUE(page.text.empty());
}

TEST(HtmlToTextTest, NestingThroughImpliedElementsIsCheckedOnTheTree) {
  std::string html;
  for (int i = 0; i < 300; ++i) html += "<ul><li>";  // the tree nests 600 elements
  html += "deep";
  HtmlText page;
  EXPECT_EQ(HtmlToText(html, &page).code(), Status::Code::kLimit);
}

TEST(HtmlToTextTest, NestingWithinTheLimitIsFine) {
  std::string html;
  for (int i = 0; i < 400; ++i) html += "<div>";
  html += "deep";
  EXPECT_EQ(Convert(html).text, "deep");
}

TEST(HtmlToTextTest, HostileNestingIsRefusedQuickly) {
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<div><span>";
  HtmlText page;
  EXPECT_EQ(HtmlToText(html, &page).code(), Status::Code::kLimit);
}

TEST(HtmlToTextTest, UnclosedParagraphsAndLinksDoNotCountAsNesting) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<p><a href=x>item</a><a href=y>more";
  const HtmlText page = Convert(html);
  EXPECT_EQ(page.text.substr(0, 18), "itemmore\n\nitemmore");
}

TEST(HtmlToTextTest, EmptyAndTextlessPages) {
  EXPECT_EQ(Convert("").text, "");
  EXPECT_EQ(Convert("<script>x()</script>").text, "");
}

}  // namespace
}  // namespace letapis
