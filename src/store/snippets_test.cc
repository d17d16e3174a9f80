// Snippets of search hits: folded and prefix matches highlighted in the stored text, the
// fragment around the matches, several fragments for words far apart.
#include <string>

#include "store/store_test_fixture.h"

namespace letapis {
namespace {

class SnippetsTest : public StoreFixture {
 protected:
  // The snippet of the only hit of `query`, with the marks shown as [ and ].
  std::string SnippetOf(const std::string& query) {
    SearchResults results;
    EXPECT_TRUE(store_->Search(query, 10, 0, &results).ok());
    EXPECT_EQ(results.hits.size(), 1u) << query;
    if (results.hits.empty()) return "";
    std::string out;
    for (char c : results.hits[0].snippet) {
      out += c == kHitOpen ? '[' : c == kHitClose ? ']' : c;
    }
    return out;
  }
};

TEST_F(SnippetsTest, ShortTextIsWholeWithFoldedAndPrefixMatchesMarked) {
  AddText("a.txt", "  Café in Zürich: Карпенку and KARPENKO met.");
  EXPECT_EQ(SnippetOf("zurich"), "  Café in [Zürich]: Карпенку and KARPENKO met");
  EXPECT_EQ(SnippetOf("карпен*"), "  Café in Zürich: [Карпенку] and KARPENKO met");
  EXPECT_EQ(SnippetOf("CAFE karpenko"), "  [Café] in Zürich: Карпенку and [KARPENKO] met");
}

TEST_F(SnippetsTest, WordsTheTokenizerSplitsMatchAsConsecutiveTokens) {
  AddText("a.txt", "They said they don’t know; don and t are apart here.");
  EXPECT_EQ(SnippetOf("don’t"), "They said they [don]’[t] know; don and t are apart here");
}

TEST_F(SnippetsTest, LongTextShowsTheFragmentAroundTheMatch) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "word" + std::to_string(i) + " ";
  text += "the tribunal sat ";
  for (int i = 100; i < 200; ++i) text += "word" + std::to_string(i) + " ";
  AddText("a.txt", text);
  const std::string snippet = SnippetOf("tribunal");
  EXPECT_EQ(snippet.rfind("…word", 0), 0u) << snippet;
  EXPECT_NE(snippet.find("word99 the [tribunal] sat word100"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.substr(snippet.size() - std::string("…").size()), "…");
  size_t words = 1;
  for (char c : snippet) words += c == ' ';
  EXPECT_EQ(words, 24u) << snippet;
}

TEST_F(SnippetsTest, WordsFarApartGetAFragmentEach) {
  std::string text = "Alpha opens. ";
  for (int i = 0; i < 200; ++i) text += "filler" + std::to_string(i) + " ";
  text += "Omega closes.";
  AddText("a.txt", text);
  const std::string snippet = SnippetOf("alpha omega");
  EXPECT_EQ(snippet.rfind("[Alpha] opens", 0), 0u) << snippet;
  EXPECT_NE(snippet.find("…"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("[Omega] closes"), std::string::npos) << snippet;
}

}  // namespace
}  // namespace letapis
