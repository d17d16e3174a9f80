#include <gtest/gtest.h>

#include "letapis/text.h"

namespace letapis {
namespace {

// The input bytes that normalised range [begin, end) came from.
std::string_view Source(std::string_view input, const NormalizedText& n, uint32_t begin,
                        uint32_t end) {
  const uint32_t b = n.to_input.ToSource(begin);
  return input.substr(b, n.to_input.EndToSource(end) - b);
}

TEST(NormalizeTest, PlainAsciiIsUnchanged) {
  const std::string input = "Mr. Ivan Petrenko was detained on 3 March 2021.\nNext line.";
  const NormalizedText n = Normalize(input, {});
  EXPECT_EQ(n.text, input);
  ASSERT_EQ(n.to_input.size(), input.size());
  for (uint32_t i = 0; i <= input.size(); ++i) EXPECT_EQ(n.to_input.ToSource(i), i);
}

TEST(NormalizeTest, FoldsQuotesAndDashes) {
  const std::string input =
      "\u201CFour years,\u201D she said \u2013 \u00ABunjust\u00BB \u2018so\u2019 \u2014 "
      "\u201Eyes\u201F \u2212 5 \u2012 \u2015 \u2032 \u2033 \u201A\u201B";
  const NormalizedText n = Normalize(input, {});
  EXPECT_EQ(n.text, "\"Four years,\" she said - \"unjust\" 'so' - \"yes\" - 5 - - ' \" ''");
}

TEST(NormalizeTest, FoldedCharacterMapsToItsFirstByte) {
  const std::string input = "a \u2013 b";  // the dash is three bytes at offset 2
  const NormalizedText n = Normalize(input, {});
  ASSERT_EQ(n.text, "a - b");
  EXPECT_EQ(n.to_input.ToSource(2), 2u);
  EXPECT_EQ(n.to_input.ToSource(3), 5u);
  EXPECT_EQ(Source(input, n, 2, 3), "\u2013");
  EXPECT_EQ(n.to_input.ToSource(5), input.size());
}

TEST(NormalizeTest, FoldsAndCollapsesSpaces) {
  const std::string input = "Ales\u00A0\u00A0Bialacki\t \u202F\u2009was  \u3000 held";
  const NormalizedText n = Normalize(input, {});
  EXPECT_EQ(n.text, "Ales Bialacki was held");
}

TEST(NormalizeTest, KeepsNewlinesButCollapsesSpacesAroundThem) {
  const NormalizedText n = Normalize("one  \n  two\r\nthree\rfour", {});
  EXPECT_EQ(n.text, "one \n two\nthree\nfour");
}

TEST(NormalizeTest, CrLfMapsToTheCarriageReturn) {
  const std::string input = "a\r\nb";
  const NormalizedText n = Normalize(input, {});
  ASSERT_EQ(n.text, "a\nb");
  EXPECT_EQ(n.to_input.ToSource(1), 1u);
  EXPECT_EQ(n.to_input.ToSource(2), 3u);
  EXPECT_EQ(Source(input, n, 1, 2), "\r\n");
}

TEST(NormalizeTest, DropsSoftHyphensAndZeroWidthCharacters) {
  const std::string input = "\uFEFFPet\u00ADren\u200Bko \u200C\u200Dsaid";
  const NormalizedText n = Normalize(input, {});
  EXPECT_EQ(n.text, "Petrenko said");
  EXPECT_EQ(Source(input, n, 0, 8), "Pet\u00ADren\u200Bko");
}

TEST(NormalizeTest, ZeroWidthBetweenSpacesStillCollapses) {
  EXPECT_EQ(Normalize("a \u200B b", {}).text, "a b");
}

TEST(NormalizeTest, KeepsOtherCharactersByteForByte) {
  const std::string input =
      "\u0410\u043B\u0435\u0441\u044C \u0411\u044F\u043B\u044F\u0446\u043A\u0456";
  const NormalizedText n = Normalize(input, {});
  EXPECT_EQ(n.text, input);
  EXPECT_EQ(n.to_input.ToSource(3), 3u);
}

TEST(NormalizeTest, ReplacesSkippedRangesWithParagraphBreak) {
  const std::string input = "Court news.\nShare Tweet\nThe court ruled.";
  const NormalizedText n = Normalize(input, {Span{12, 24}});
  ASSERT_EQ(n.text, "Court news.\n\n\nThe court ruled.");
  EXPECT_EQ(n.to_input.ToSource(12), 12u);
  EXPECT_EQ(n.to_input.ToSource(13), 12u);
  EXPECT_EQ(n.to_input.ToSource(14), 24u);
  EXPECT_EQ(Source(input, n, 14, 17), "The");
}

TEST(NormalizeTest, SkipAtEdgesAndOutOfRange) {
  const std::string input = "abc def";
  EXPECT_EQ(Normalize(input, {Span{0, 3}}).text, "\n\n def");
  EXPECT_EQ(Normalize(input, {Span{4, 100}}).text, "abc \n\n");
  EXPECT_EQ(Normalize(input, {Span{2, 2}}).text, "abc def");
  EXPECT_EQ(Normalize(input, {Span{1, 2}, Span{5, 6}}).text, "a\n\nc d\n\nf");
}

TEST(NormalizeTest, SkipEndingInsideACharacterResumesAfterIt) {
  const std::string input = "x\u2014y";  // em dash at [1, 4)
  EXPECT_EQ(Normalize(input, {Span{0, 2}}).text, "\n\ny");
}

TEST(NormalizeTest, ParagraphAndLineSeparators) {
  EXPECT_EQ(Normalize("a\u2028b\u2029c", {}).text, "a\nb\n\nc");
}

// Long ASCII runs are scanned eight bytes at a time: a double space, a tab, a carriage
// return or a non-ASCII character at any position of an eight-byte block (and across
// blocks) must be treated exactly as when met byte by byte. Each input is a long run
// with one such byte sequence placed at every offset in turn.
TEST(NormalizeTest, SpecialBytesAtEveryOffsetOfALongRun) {
  const std::string run = "The court in Hrodna sentenced the journalist on Tuesday.";
  const std::pair<std::string, std::string> cases[] = {
      {"  ", " "}, {"\t", " "}, {"\r\n", "\n"}, {"\n", "\n"}, {"\u2019", "'"}, {" \u00A0 ", " "}};
  for (const auto& [inserted, expected] : cases) {
    for (size_t at = 0; at <= run.size(); ++at) {
      const std::string input = run.substr(0, at) + "x" + inserted + "y" + run.substr(at);
      const NormalizedText n = Normalize(input, {});
      EXPECT_EQ(n.text, run.substr(0, at) + "x" + expected + "y" + run.substr(at))
          << "inserted at " << at;
      ASSERT_EQ(n.to_input.size(), n.text.size());
      // Every copied byte maps back to the same byte of the input.
      for (uint32_t k = 0; k < n.text.size(); ++k) {
        if (n.text[k] == ' ' || n.text[k] == '\n' || n.text[k] == '\'') continue;
        EXPECT_EQ(input[n.to_input.ToSource(k)], n.text[k]) << "at " << at << ", byte " << k;
      }
    }
  }
}

TEST(NormalizeTest, EmptyInput) {
  const NormalizedText n = Normalize("", {});
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(n.to_input.size(), 0u);
  EXPECT_EQ(n.to_input.ToSource(0), 0u);
}

}  // namespace
}  // namespace letapis
