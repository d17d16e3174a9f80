#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/expression_test_util.h"
#include "extract/expressions.h"

namespace letapis {
namespace {

using testing::Analyze;
using testing::Lexicon;

// A term match reduced to comparable values.
struct Found {
  std::string covered;
  int months = 0;
  std::string rule;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{\"" << f.covered << "\", " << f.months << ", " << f.rule << "}";
}

std::vector<Found> Terms(std::string_view raw) {
  testing::Analyzed a = Analyze(raw);
  std::vector<TermMatch> matches = FindTerms(a.text, a.tokens, Lexicon());
  testing::ExpectOrdered(matches, a.tokens.size());
  std::vector<Found> out;
  for (const TermMatch& m : matches)
    out.push_back(Found{a.Covered(m.first, m.end), m.months, m.rule});
  return out;
}

Found Only(std::string_view raw) {
  std::vector<Found> all = Terms(raw);
  EXPECT_EQ(all.size(), 1u) << raw;
  return all.empty() ? Found{} : all[0];
}

TEST(FindTermsTest, YearsInWordsAndDigits) {
  EXPECT_EQ(Only("Pavel Hrin was sentenced to seven years."),
            (Found{"seven years", 84, "term.years"}));
  EXPECT_EQ(Only("a court sentenced her to 10 years in prison, while"),
            (Found{"10 years in prison", 120, "term.years"}));
  EXPECT_EQ(Only("jailed for twenty-five years").months, 300);
  EXPECT_EQ(Only("one year of restricted freedom"),
            (Found{"one year of restricted freedom", 12, "term.years"}));
  EXPECT_EQ(Only("1.5 years").months, 18);
}

TEST(FindTermsTest, Fractions) {
  EXPECT_EQ(Only("two and a half years in a penal colony"),
            (Found{"two and a half years in a penal colony", 30, "term.years"}));
  EXPECT_EQ(Only("one and a half years").months, 18);
  EXPECT_EQ(Only("a year and a half").months, 18);
  EXPECT_EQ(Only("half a year").months, 6);
}

TEST(FindTermsTest, Months) {
  EXPECT_EQ(Only("18 months of imprisonment"),
            (Found{"18 months of imprisonment", 18, "term.months"}));
  EXPECT_EQ(Only("six months").months, 6);
}

TEST(FindTermsTest, YearsAndMonths) {
  EXPECT_EQ(Only("5 years and 6 months in a maximum-security colony"),
            (Found{"5 years and 6 months in a maximum-security colony", 66, "term.years_months"}));
  EXPECT_EQ(Only("three years, four months").months, 40);
}

TEST(FindTermsTest, PossessiveAndNouns) {
  EXPECT_EQ(Only("sentenced to nine years' imprisonment"),
            (Found{"nine years' imprisonment", 108, "term.years"}));
  EXPECT_EQ(Only("a year's imprisonment").months, 12);
  EXPECT_EQ(Only("four years behind bars").covered, "four years behind bars");
}

TEST(FindTermsTest, HyphenForms) {
  EXPECT_EQ(Only("He received a seven-year sentence."),
            (Found{"seven-year sentence", 84, "term.hyphen"}));
  EXPECT_EQ(Only("serving an 18-year prison term"),
            (Found{"18-year prison term", 216, "term.hyphen"}));
  EXPECT_EQ(Only("a 10-year term").months, 120);
  EXPECT_EQ(Only("a two-and-a-half-year sentence").months, 30);
  EXPECT_EQ(Only("a five-year suspended sentence").covered, "five-year suspended sentence");
  EXPECT_EQ(Only("a six-month jail term").months, 6);
}

TEST(FindTermsTest, Life) {
  EXPECT_EQ(Only("sentenced to life imprisonment"), (Found{"life imprisonment", -1, "term.life"}));
  EXPECT_EQ(Only("a life sentence").months, -1);
  EXPECT_TRUE(Terms("a matter of life and death").empty());
}

TEST(FindTermsTest, PeriodsAreNotTerms) {
  EXPECT_TRUE(Terms("He was detained four years ago.").empty());
  EXPECT_TRUE(Terms("It will be four years since the arrest.").empty());
  EXPECT_TRUE(Terms("as they have done for the past five years").empty());
  EXPECT_TRUE(Terms("over the past two years").empty());
  EXPECT_TRUE(Terms("in the last three months").empty());
  EXPECT_TRUE(Terms("a 25-year-old student, 25 years old").empty());
  EXPECT_TRUE(Terms("the four-year anniversary").empty());
  EXPECT_TRUE(Terms("two years later").empty());
  EXPECT_TRUE(Terms("dozens of years").empty());
  EXPECT_TRUE(Terms("in 2021 years").empty());
}

TEST(FindTermsTest, SeveralInOrder) {
  std::vector<Found> t = Terms(
      "Ales Verbitski got 10 years, Ina Lis a seven-year sentence and Ihar Pazniak nine years' "
      "imprisonment.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].months, 120);
  EXPECT_EQ(t[1].months, 84);
  EXPECT_EQ(t[2].months, 108);
}

}  // namespace
}  // namespace letapis
