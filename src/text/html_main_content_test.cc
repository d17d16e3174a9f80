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

TEST(MainContentTest, OnlyTheLargestArticleIsKept) {
  const HtmlText page = Convert(
      "<body><div class=top>Today: 14 degrees, light rain</div>"
      "<div class=wrap><article><h2>Court in Homel extends custody</h2><p>The court in Homel "
      "extended the custody of Pavel Mironau by two months on Tuesday, his lawyer said.</p>"
      "<p>He was detained in May.</p></article>"
      "<article><p>Teaser: weather next week</p></article></div>"
      "<div>Contact the editors</div></body>");
  EXPECT_EQ(page.text,
            "Court in Homel extends custody\n\nThe court in Homel extended the custody of Pavel "
            "Mironau by two months on Tuesday, his lawyer said.\n\nHe was detained in May.");
}

TEST(MainContentTest, ArticlesOfSimilarSizeAreAllKept) {
  const HtmlText page = Convert(
      "<article><p>First note on the trial of two students.</p></article>"
      "<article><p>Second note on the trial of a teacher.</p></article>");
  EXPECT_EQ(page.text,
            "First note on the trial of two students.\n\nSecond note on the trial of a teacher.");
}

TEST(MainContentTest, MainOrArticleBodyIsTheContainerWithoutArticles) {
  EXPECT_EQ(
      Convert("<div>Edition: World</div><main><p>Body text.</p></main><div>Imprint</div>").text,
      "Body text.");
  EXPECT_EQ(Convert("<div>Edition</div><div itemprop=\"articleBody\"><p>Body.</p></div>"
                    "<div>More</div>")
                .text,
            "Body.");
}

TEST(MainContentTest, ASmallArticleInASideBoxIsNotTheContainer) {
  const std::string story(200, 'w');
  const HtmlText page =
      Convert("<div><p>" + story + "</p></div><div><article><p>Teaser" + "</p></article></div>");
  EXPECT_EQ(page.text, story + "\n\nTeaser");
}

TEST(MainContentTest, PagesWithoutContainerKeepAllText) {
  EXPECT_EQ(Convert("<div><p>One.</p></div><div><p>Two.</p></div>").text, "One.\n\nTwo.");
}

TEST(MainContentTest, LinkListsWithoutTellingNamesAreDropped) {
  const HtmlText page = Convert(
      "<article><p>Three journalists were detained in Minsk.</p>"
      "<ul class=x1><li><a href=/a>Strike in the port</a></li><li><a href=/b>Budget vote "
      "delayed</a></li><li><a href=/c>New bridge opens</a></li></ul>"
      "<p>Their editor said they were taken from the office, <a href=/d>as reported</a> "
      "earlier, by <a href=/e>police</a> and <a href=/f>KGB</a> officers.</p></article>");
  EXPECT_EQ(page.text,
            "Three journalists were detained in Minsk.\n\nTheir editor said they were taken from "
            "the office, as reported earlier, by police and KGB officers.");
}

TEST(MainContentTest, TimeOutsideTheContainerIsNotThePublicationDate) {
  const HtmlText page = Convert(
      "<div><time datetime=\"2026-11-01\">today</time></div>"
      "<article><p>Text of the story.</p><time datetime=\"2025-04-09\">9 April</time></article>");
  EXPECT_EQ(page.published.ToIso(), "2025-04-09");
}

}  // namespace
}  // namespace letapis
