#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis {
namespace {

bool IsBoilerplate(const std::string& line) {
  const std::vector<Span> spans = FindBoilerplate(line + "\n");
  return spans.size() == 1 && spans[0] == Span{0, static_cast<uint32_t>(line.size() + 1)};
}

TEST(FindBoilerplateTest, WebFurnitureLines) {
  for (const char* line : {"A+ A-",
                           "Share",
                           "SHARE:",
                           "Tweet",
                           "Print",
                           "Comments",
                           "Comments (12)",
                           "Comment",
                           "Leave a comment",
                           "Join the conversation",
                           "Join our commenting forum",
                           "Read more: Minsk court hands down sentences",
                           "Read More \u00BB",
                           "Related",
                           "Related: Viasna lawyers detained",
                           "Subscribe",
                           "Sign up for our newsletter",
                           "Follow us on Telegram",
                           "We use cookies",
                           "Accept all cookies",
                           "Advertisement",
                           "https://example.org/news/2025/07/14/report",
                           "www.example.org",
                           "Home > News > World",
                           "Home \u203A Belarus",
                           "Politics | Society | Economy",
                           "***",
                           "\u2022 \u2022 \u2022",
                           "\u2014",
                           "Поделиться",
                           "ЧИТАЙТЕ ТАКЖЕ: Суд у Мінску",
                           "Падзяліцца",
                           "  Tweet  ",
                           "Share\u00A0this\u00A0article"}) {
    EXPECT_TRUE(IsBoilerplate(line)) << line;
  }
}

TEST(FindBoilerplateTest, ReportLinesAreKept) {
  for (const char* line :
       {"Ales Bialiatski was sentenced to ten years.", "Share prices fell.",
        "Related charges were dropped.", "Print media were shut down in 2021 by the authorities.",
        "Minsk, 14 July 2025", "Tuesday 25 February 2025 13:00 GMT", "By Olga Kuzmich | Viasna",
        "Comment on the verdict came swiftly from the lawyers of the human rights group",
        "Subscribers of the channel were detained", "1,400", "Article 342",
        "Read the statement of the Belarusian Helsinki Committee in full on its site today"}) {
    EXPECT_FALSE(IsBoilerplate(line)) << line;
  }
}

TEST(FindBoilerplateTest, FullSentencesAreNeverBoilerplate) {
  // A cookie notice written as a full sentence is kept: the rule is conservative.
  EXPECT_FALSE(IsBoilerplate(
      "We use cookies to give you the best experience on our website and to analyse traffic."));
  EXPECT_FALSE(IsBoilerplate("Read more about the eight people detained in Homiel last week."));
  EXPECT_TRUE(IsBoilerplate("Read more about the detentions"));
}

TEST(FindBoilerplateTest, SpansCoverWholeLinesAndMergeNeighbours) {
  const std::string text =
      "Share\nTweet\nNasta Loika was detained on 3 October.\n\nComments\nThe court sat.";
  const std::vector<Span> spans = FindBoilerplate(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Share\nTweet\n");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "Comments\n");
}

TEST(FindBoilerplateTest, LastLineWithoutNewline) {
  const std::string text = "The court sat.\nA+ A-";
  const std::vector<Span> spans = FindBoilerplate(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (Span{15, 20}));
}

TEST(FindBoilerplateTest, NothingInCleanOrEmptyText) {
  EXPECT_TRUE(FindBoilerplate("").empty());
  EXPECT_TRUE(FindBoilerplate("\n\n\n").empty());
  EXPECT_TRUE(FindBoilerplate("Three Viasna members remain in prison.\n").empty());
}

TEST(FindBoilerplateTest, LexiconRowsAreWellFormed) {
  std::vector<TsvRow> rows;
  const Status status = ReadTsv(DataDir() + "/boilerplate.tsv", 3, &rows);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_FALSE(rows.empty());
  std::set<std::string> ids;
  for (const TsvRow& row : rows) {
    EXPECT_TRUE(ids.insert(row.fields[0]).second) << "duplicate id at line " << row.line;
    EXPECT_TRUE(row.fields[0].starts_with("bp.")) << "line " << row.line;
    EXPECT_FALSE(row.fields[1].empty()) << "line " << row.line;
    const std::string& kind = row.fields[2];
    EXPECT_TRUE(kind == "exact" || kind == "prefix" || kind == "contains") << "line " << row.line;
  }
}

}  // namespace
}  // namespace letapis
