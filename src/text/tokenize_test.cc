#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "letapis/text.h"
#include "text/word_hash.h"

namespace letapis {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(t.view(text));
  return out;
}

using Strings = std::vector<std::string>;

TEST(TokenizeTest, WordsNumbersAndPunctuation) {
  const std::string text = "Mr. Ivan Petrenko was detained on 3 March 2021.";
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(Texts(text, tokens), (Strings{"Mr", ".", "Ivan", "Petrenko", "was", "detained", "on",
                                          "3", "March", "2021", "."}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[7].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].begin, 4u);
  EXPECT_EQ(tokens[2].end, 8u);
}

TEST(TokenizeTest, InnerApostrophesHyphensAndDots) {
  const std::string text = "O'Brien met Ramos-Horta in the U.S. activists' rights -x";
  EXPECT_EQ(Texts(text, Tokenize(text)),
            (Strings{"O'Brien", "met", "Ramos-Horta", "in", "the", "U.S", ".", "activists", "'",
                     "rights", "-", "x"}));
}

TEST(TokenizeTest, WordWithDigits) {
  const std::string text = "COVID-19 and MH17";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(Texts(text, tokens), (Strings{"COVID-19", "and", "MH17"}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_TRUE(tokens[0].is(kHasDigit));
  EXPECT_TRUE(tokens[0].is(kAllCaps));
  EXPECT_FALSE(tokens[1].is(kHasDigit));
  EXPECT_TRUE(tokens[2].is(kHasDigit));
}

TEST(TokenizeTest, Numbers) {
  const std::string text = "65,000 people, 1.5 years, Part 2 of Article 361-1 in the 1980s, 10th.";
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(Texts(text, tokens),
            (Strings{"65,000", "people", ",", "1.5", "years", ",", "Part", "2", "of", "Article",
                     "361-1", "in", "the", "1980s", ",", "10th", "."}));
  for (size_t i : {0, 3, 7, 10, 13, 15}) {
    EXPECT_EQ(tokens[i].kind, TokenKind::kNumber) << i;
    EXPECT_TRUE(tokens[i].is(kHasDigit)) << i;
  }
}

TEST(TokenizeTest, TrailingSeparatorsAreNotPartOfNumbers) {
  const std::string text = "2,131. 5- 7,a";
  EXPECT_EQ(Texts(text, Tokenize(text)), (Strings{"2,131", ".", "5", "-", "7", ",", "a"}));
}

TEST(TokenizeTest, CaseFlags) {
  const std::string text = "Ivan KGB i A ivan";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[0].is(kCapitalized));
  EXPECT_FALSE(tokens[0].is(kAllCaps));
  EXPECT_TRUE(tokens[1].is(kCapitalized));
  EXPECT_TRUE(tokens[1].is(kAllCaps));
  EXPECT_EQ(tokens[2].flags, kAscii);
  EXPECT_TRUE(tokens[3].is(kCapitalized));
  EXPECT_FALSE(tokens[3].is(kAllCaps));  // one letter only
  EXPECT_EQ(tokens[4].flags, kAscii);
}

// Lexicon lookups trust the hash Tokenize stores: it must be the hash of the lower-cased
// word, the same for every spelling of the word's case, and absent for non-ASCII words.
TEST(TokenizeTest, AsciiWordsCarryTheirLowerCaseHash) {
  const std::string text = "Ivan IVAN ivan mid-2024 \u0406\u0432\u0430\u043D 2024";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 6u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(tokens[i].is(kAscii));
    EXPECT_EQ(tokens[i].lower_hash, HashWord("ivan"));
  }
  EXPECT_TRUE(tokens[3].is(kHasHyphen));
  EXPECT_FALSE(tokens[0].is(kHasHyphen));
  EXPECT_EQ(tokens[3].lower_hash, HashWord("mid-2024"));
  EXPECT_FALSE(tokens[4].is(kAscii));  // Cyrillic: looked up by its folded text instead
  EXPECT_EQ(tokens[4].lower_hash, 0u);
  EXPECT_EQ(tokens[5].kind, TokenKind::kNumber);
  EXPECT_FALSE(tokens[5].is(kAscii));
}

// Plain ASCII words take a fast path that reads eight bytes at a time where the text
// allows: words longer than eight letters, words at the very end of the text and words
// cut by a byte that may continue a word must get the same hash and case flags as any.
TEST(TokenizeTest, FastAndSlowWordsAgree) {
  const std::string text =
      "Internationalisation UNDERSTANDING people O'Brien NATO-led Lukashenka's X9 Baku";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].lower_hash, HashWord("internationalisation"));
  EXPECT_TRUE(tokens[0].is(kCapitalized));
  EXPECT_FALSE(tokens[0].is(kAllCaps));
  EXPECT_EQ(tokens[1].lower_hash, HashWord("understanding"));
  EXPECT_TRUE(tokens[1].is(kAllCaps));
  EXPECT_EQ(tokens[2].flags, kAscii);
  EXPECT_EQ(tokens[3].view(text), "O'Brien");
  EXPECT_EQ(tokens[3].lower_hash, HashWord("o'brien"));
  EXPECT_TRUE(tokens[4].is(kHasHyphen));
  EXPECT_EQ(tokens[5].view(text), "Lukashenka's");
  EXPECT_TRUE(tokens[6].is(kHasDigit));
  EXPECT_EQ(tokens[7].view(text), "Baku");  // ends the text: no read past its end
  EXPECT_EQ(tokens[7].lower_hash, HashWord("baku"));
  EXPECT_TRUE(tokens[7].is(kCapitalized));
}

TEST(TokenizeTest, Cyrillic) {
  const std::string text =
      "\u0410\u043B\u0435\u0441\u044C \u0411\u044F\u043B\u044F\u0446\u043A\u0456 "
      "\u041A\u0413\u0411 \u0441\u044F\u043C'\u044F";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].view(text), "\u0410\u043B\u0435\u0441\u044C");
  EXPECT_EQ(tokens[1].view(text), "\u0411\u044F\u043B\u044F\u0446\u043A\u0456");
  for (const Token& t : tokens) {
    EXPECT_EQ(t.kind, TokenKind::kWord);
    EXPECT_TRUE(t.is(kCyrillic));
  }
  EXPECT_TRUE(tokens[0].is(kCapitalized));
  EXPECT_TRUE(tokens[2].is(kAllCaps));
  EXPECT_FALSE(tokens[3].is(kCapitalized));
  EXPECT_EQ(tokens[3].view(text), "\u0441\u044F\u043C'\u044F");
}

TEST(TokenizeTest, LatinWithDiacriticsAndCombiningMarks) {
  const std::string text = "Łukašenka Jose\u0301 \u00E9t\u00E9";
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(Texts(text, tokens), (Strings{"Łukašenka", "Jose\u0301", "\u00E9t\u00E9"}));
  EXPECT_TRUE(tokens[0].is(kCapitalized));
  EXPECT_FALSE(tokens[0].is(kCyrillic));
}

TEST(TokenizeTest, QuotesAreOwnTokens) {
  const std::string text = "\"Four years,\" she said.";
  EXPECT_EQ(Texts(text, Tokenize(text)),
            (Strings{"\"", "Four", "years", ",", "\"", "she", "said", "."}));
}

TEST(TokenizeTest, NonAsciiPunctuationIsOneCodePoint) {
  const std::string text = "a\u2026\u00A7b";
  EXPECT_EQ(Texts(text, Tokenize(text)), (Strings{"a", "\u2026", "\u00A7", "b"}));
}

TEST(TokenizeTest, Newlines) {
  const std::string text = "Headline\nLine two\n \n\nNew paragraph \n";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(Texts(text, tokens),
            (Strings{"Headline", "\n", "Line", "two", "\n \n\n", "New", "paragraph", "\n"}));
  EXPECT_EQ(tokens[1].kind, TokenKind::kNewline);
  EXPECT_FALSE(tokens[1].is(kParagraphEnd));
  EXPECT_EQ(tokens[4].kind, TokenKind::kNewline);
  EXPECT_TRUE(tokens[4].is(kParagraphEnd));
  EXPECT_FALSE(tokens[7].is(kParagraphEnd));
}

TEST(TokenizeTest, EmptyAndBlank) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize("   ").empty());
}

TEST(TokenizeTest, OffsetsMapBackThroughNormalize) {
  const std::string input = "\u201CFour\u00A0years,\u201D she said \u2014 Petrenko\u2019s lawyer.";
  const NormalizedText n = Normalize(input, {});
  const std::vector<Token> tokens = Tokenize(n.text);
  std::vector<std::string> sources;
  for (const Token& t : tokens) {
    const uint32_t b = n.to_input.ToSource(t.begin);
    sources.emplace_back(input.substr(b, n.to_input.EndToSource(t.end) - b));
  }
  EXPECT_EQ(sources, (Strings{"\u201C", "Four", "years", ",", "\u201D", "she", "said", "\u2014",
                              "Petrenko\u2019s", "lawyer", "."}));
}

}  // namespace
}  // namespace letapis
