#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/expression_test_util.h"
#include "extract/expressions.h"

namespace letapis {
namespace {

using testing::Analyze;
using testing::Lexicon;

// A number match reduced to comparable values.
struct Found {
  std::string covered;
  double value = 0;
  bool vague = false;
  std::string rule;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{\"" << f.covered << "\", " << f.value << ", vague=" << f.vague << ", " << f.rule
            << "}";
}

std::vector<Found> Numbers(std::string_view raw) {
  testing::Analyzed a = Analyze(raw);
  std::vector<NumberMatch> matches = FindNumbers(a.text, a.tokens, Lexicon());
  testing::ExpectOrdered(matches, a.tokens.size());
  std::vector<Found> out;
  for (const NumberMatch& m : matches) {
    out.push_back(Found{a.Covered(m.first, m.end), m.value, m.vague, m.rule});
  }
  return out;
}

Found Only(std::string_view raw) {
  std::vector<Found> all = Numbers(raw);
  EXPECT_EQ(all.size(), 1u) << raw;
  return all.empty() ? Found{} : all[0];
}

TEST(FindNumbersTest, Digits) {
  EXPECT_EQ(Only("over 65,000 individuals"), (Found{"65,000", 65000, false, "num.digits"}));
  EXPECT_EQ(Only("more than 1,300 prisoners").value, 1300);
  EXPECT_EQ(Only("1,250,000 signatures").value, 1250000);
  EXPECT_EQ(Only("1.5 percent").value, 1.5);
  EXPECT_EQ(Only("in 2021.").value, 2021);
  EXPECT_EQ(Only("70%").value, 70);
}

TEST(FindNumbersTest, DigitsWithScale) {
  EXPECT_EQ(Only("1.5 million people"), (Found{"1.5 million", 1500000, false, "num.scale"}));
  EXPECT_EQ(Only("2 thousand").value, 2000);
}

TEST(FindNumbersTest, NotPlainNumbers) {
  EXPECT_TRUE(Numbers("Article 361-1 and 14.07.2025 and the 10th and the 1980s").empty());
  EXPECT_TRUE(Numbers("a man, a thousand-strong crowd? no: a seven-year term").empty());
}

TEST(FindNumbersTest, Words) {
  EXPECT_EQ(Only("seven activists"), (Found{"seven", 7, false, "num.words"}));
  EXPECT_EQ(Only("twenty-one journalists").value, 21);
  EXPECT_EQ(Only("twenty one journalists").value, 21);
  EXPECT_EQ(Only("one hundred and fifty people"),
            (Found{"one hundred and fifty", 150, false, "num.words"}));
  EXPECT_EQ(Only("two hundred thousand").value, 200000);
  EXPECT_EQ(Only("three million two hundred thousand").value, 3200000);
  EXPECT_EQ(Only("two and a half years").value, 2.5);
  EXPECT_EQ(Only("one and a half").value, 1.5);
  EXPECT_EQ(Only("two and a half million").value, 2500000);
  EXPECT_EQ(Only("a thousand people"), (Found{"a thousand", 1000, false, "num.words"}));
  EXPECT_EQ(Only("a dozen lawyers").value, 12);
  EXPECT_EQ(Only("two dozen lawyers").value, 24);
  EXPECT_EQ(Only("half a million").value, 500000);
  EXPECT_EQ(Only("One activist remains in custody.").value, 1);
  EXPECT_EQ(Only("one of the founders").value, 1);
}

TEST(FindNumbersTest, CallerKeepsQualifiers) {
  EXPECT_EQ(Only("more than a thousand people"), (Found{"a thousand", 1000, false, "num.words"}));
}

TEST(FindNumbersTest, WordsThatAreNotNumbers) {
  EXPECT_TRUE(Numbers("a man and a woman").empty());
  EXPECT_TRUE(Numbers("thousand").empty());
  EXPECT_TRUE(Numbers("half of them").empty());
  EXPECT_TRUE(Numbers("tens of people").empty());
}

TEST(FindNumbersTest, Vague) {
  EXPECT_EQ(Only("dozens of individuals"), (Found{"dozens", 24, true, "num.vague"}));
  EXPECT_EQ(Only("hundreds of people").value, 200);
  EXPECT_EQ(Only("thousands more").value, 2000);
  EXPECT_EQ(Only("tens of thousands of people"),
            (Found{"tens of thousands", 20000, true, "num.vague"}));
  EXPECT_EQ(Only("hundreds of thousands").value, 200000);
  EXPECT_EQ(Only("several hundred people"), (Found{"several hundred", 300, true, "num.vague"}));
}

TEST(FindNumbersTest, SeveralInOrder) {
  std::vector<Found> n = Numbers("Of 1,400 prisoners, seven were freed and dozens moved.");
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].value, 1400);
  EXPECT_EQ(n[1].value, 7);
  EXPECT_EQ(n[2].value, 24);
}

TEST(ExpressionLexiconTest, LoadFailsNamingTheFile) {
  ExpressionLexicon lex;
  Status s = ExpressionLexicon::Load("/nonexistent-letapis-dir", &lex);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("months.tsv"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace letapis
