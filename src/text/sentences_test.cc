#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "letapis/text.h"

namespace letapis {
namespace {

using Strings = std::vector<std::string>;

// Splits `text` and returns each sentence's text from its first to its last token.
Strings Split(std::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  Strings out;
  for (const Sentence& s : SplitSentences(text, tokens)) {
    const uint32_t begin = tokens[s.first].begin;
    out.emplace_back(text.substr(begin, tokens[s.last - 1].end - begin));
  }
  return out;
}

TEST(SentencesTest, SplitsAtFullStopBeforeCapital) {
  EXPECT_EQ(Split("He remains in prison. The court refused bail."),
            (Strings{"He remains in prison.", "The court refused bail."}));
}

TEST(SentencesTest, SplitsAtQuestionAndExclamation) {
  EXPECT_EQ(Split("Why was he held? Nobody knows! 12 people were there."),
            (Strings{"Why was he held?", "Nobody knows!", "12 people were there."}));
}

TEST(SentencesTest, NoSplitBeforeLowerCase) {
  EXPECT_EQ(Split("He was held approx. three days. it was cold."),
            (Strings{"He was held approx. three days. it was cold."}));
}

TEST(SentencesTest, NoSplitAfterAbbreviations) {
  EXPECT_EQ(Split("Mr. Ivan Petrenko was detained. Dr. Smith and Gen. Koval met him."),
            (Strings{"Mr. Ivan Petrenko was detained.", "Dr. Smith and Gen. Koval met him."}));
  EXPECT_EQ(Split("He was charged under Art. 342 on 3 Sept. 2021 with Ms. Kovalenko."),
            (Strings{"He was charged under Art. 342 on 3 Sept. 2021 with Ms. Kovalenko."}));
}

TEST(SentencesTest, AbbreviationsAreCaseSensitive) {
  EXPECT_EQ(Split("He said no. Then he left."), (Strings{"He said no.", "Then he left."}));
}

TEST(SentencesTest, NoSplitAfterInitials) {
  EXPECT_EQ(Split("A. Lukashenko and M. Kolesnikova were named."),
            (Strings{"A. Lukashenko and M. Kolesnikova were named."}));
  EXPECT_EQ(Split("\u0410. \u041B\u0443\u043A\u0430\u0448\u0435\u043D\u043A\u0430 said."),
            (Strings{"\u0410. \u041B\u0443\u043A\u0430\u0448\u0435\u043D\u043A\u0430 said."}));
}

TEST(SentencesTest, NoSplitAfterDottedAbbreviation) {
  EXPECT_EQ(Split("A statement by the U.S. State Department followed. It was brief."),
            (Strings{"A statement by the U.S. State Department followed.", "It was brief."}));
  EXPECT_EQ(Split("the U.S. embassy, e.g. staff"), (Strings{"the U.S. embassy, e.g. staff"}));
}

TEST(SentencesTest, ClosingQuoteStaysWithSentence) {
  EXPECT_EQ(Split("She said: \"It is unjust.\" The judge left."),
            (Strings{"She said: \"It is unjust.\"", "The judge left."}));
  EXPECT_EQ(Split("\"Four years,\" she said. \"It is unjust.\""),
            (Strings{"\"Four years,\" she said.", "\"It is unjust.\""}));
  EXPECT_EQ(Split("He was fined (see above.) Then released."),
            (Strings{"He was fined (see above.)", "Then released."}));
}

TEST(SentencesTest, EllipsisAndRepeatedMarks) {
  EXPECT_EQ(Split("They waited... Then the verdict came?! Four years."),
            (Strings{"They waited...", "Then the verdict came?!", "Four years."}));
}

TEST(SentencesTest, ListMarkerIsNotASentence) {
  EXPECT_EQ(Split("1. Ivan Petrenko\n\n2. Olga Marchuk"),
            (Strings{"1. Ivan Petrenko", "2. Olga Marchuk"}));
}

TEST(SentencesTest, ParagraphBreakAlwaysSplits) {
  EXPECT_EQ(Split("The trial began\n\nand it was closed to the public"),
            (Strings{"The trial began", "and it was closed to the public"}));
}

TEST(SentencesTest, SplitAcrossSingleNewlineAfterFullStop) {
  EXPECT_EQ(Split("He remains in prison.\nThe court refused bail."),
            (Strings{"He remains in prison.", "The court refused bail."}));
}

TEST(SentencesTest, ShortUnpunctuatedLineIsItsOwnSentence) {
  EXPECT_EQ(Split("Activist sentenced to four years\nMINSK, 3 March\nIvan Petrenko was sentenced."),
            (Strings{"Activist sentenced to four years", "MINSK, 3 March",
                     "Ivan Petrenko was sentenced."}));
}

TEST(SentencesTest, WrappedLinesStayTogether) {
  // Lower case continuation, a trailing comma and a long line do not split.
  EXPECT_EQ(Split("He was detained\nat home on Monday."),
            (Strings{"He was detained\nat home on Monday."}));
  EXPECT_EQ(Split("He was detained at home,\nIvan said."),
            (Strings{"He was detained at home,\nIvan said."}));
  EXPECT_EQ(Split("On Monday the police detained the journalist at his home in the city "
                  "centre\nIvan said."),
            (Strings{"On Monday the police detained the journalist at his home in the city "
                     "centre\nIvan said."}));
}

TEST(SentencesTest, NoNewlinesAtEdgesAndNoEmptySentences) {
  const std::string text = "\n\n\nFirst.\n\n\n\nSecond.\n\n";
  const std::vector<Token> tokens = Tokenize(text);
  const std::vector<Sentence> sentences = SplitSentences(text, tokens);
  ASSERT_EQ(sentences.size(), 2u);
  for (const Sentence& s : sentences) {
    EXPECT_LT(s.first, s.last);
    EXPECT_NE(tokens[s.first].kind, TokenKind::kNewline);
    EXPECT_NE(tokens[s.last - 1].kind, TokenKind::kNewline);
  }
  EXPECT_TRUE(SplitSentences("", {}).empty());
  EXPECT_TRUE(SplitSentences("\n\n", Tokenize("\n\n")).empty());
}

TEST(SentencesTest, CoversAllNonNewlineTokensInOrder) {
  const std::string text = "Mr. Petrenko was detained.\nHe is held in Minsk. Lawyers protested.";
  const std::vector<Token> tokens = Tokenize(text);
  uint32_t expected_next = 0;
  for (const Sentence& s : SplitSentences(text, tokens)) {
    EXPECT_GE(s.first, expected_next);
    for (uint32_t i = expected_next; i < s.first; ++i) {
      EXPECT_EQ(tokens[i].kind, TokenKind::kNewline);
    }
    expected_next = s.last;
  }
  EXPECT_EQ(expected_next, tokens.size());
}

}  // namespace
}  // namespace letapis
