#include <gtest/gtest.h>

#include "extract/extractor_test_util.h"

namespace letapis {
namespace {

const Claim* FindClaim(const Extraction& x, double value) {
  for (const Claim& c : x.claims) {
    if (c.value == value) return &c;
  }
  return nullptr;
}

TEST(ClaimsTest, QualifierCategoryAndSource) {
  const Extraction x = ExtractText(
      "According to the Dzvina Rights Centre, more than 1,150 political prisoners are held in "
      "Belarus.",
      "2025-09-01");
  const Claim* c = FindClaim(x, 1150);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->qualifier, "more_than");
  EXPECT_EQ(c->category, "political_prisoners");
  ASSERT_GE(c->source, 0);
  EXPECT_EQ(x.entities[c->source].name, "Dzvina Rights Centre");
  EXPECT_EQ(c->as_of.ToIso(), "2025-09-01");
}

TEST(ClaimsTest, SourceAfterArticleAppositionOrAuxiliary) {
  const Extraction x = ExtractText(
      "Weekly notes\n\nAccording to the Lakeside Monitoring Group (LMG), which follows trials in "
      "the north, the regional court has convicted more than 640 people. The Birch Legal Aid "
      "Bureau, a lawyers' network based in Vilnius, says at least 85 people are in prison for "
      "their posts. Since 2021 the Rivne Watch Collective has recorded more than 910 "
      "prosecutions.",
      "2025-09-01");
  const struct {
    double value;
    const char* source;
  } expected[] = {{640, "Lakeside Monitoring Group"},
                  {85, "Birch Legal Aid Bureau"},
                  {910, "Rivne Watch Collective"}};
  for (const auto& e : expected) {
    const Claim* c = FindClaim(x, e.value);
    ASSERT_NE(c, nullptr) << e.value;
    ASSERT_GE(c->source, 0) << e.value;
    EXPECT_EQ(x.entities[c->source].name, e.source) << e.value;
  }
}

TEST(ClaimsTest, CategoryFromTheVerbAfterTheCountedPhraseAndWithinASubset) {
  const Extraction x = ExtractText(
      "Forty-two political prisoners walked free in March. The monitors count 870 political "
      "prisoners, among them at least 95 women. Some 310 people have been prosecuted for posts; "
      "about 140 of those are currently serving prison sentences. At least 55 reporters have "
      "been summoned for questioning.");
  const struct {
    double value;
    const char* category;
  } expected[] = {{42, "released"},
                  {95, "political_prisoners"},
                  {140, "political_prisoners"},
                  {55, "repressed"}};
  for (const auto& e : expected) {
    const Claim* c = FindClaim(x, e.value);
    ASSERT_NE(c, nullptr) << e.value;
    EXPECT_EQ(c->category, e.category) << e.value;
  }
}

TEST(ClaimsTest, TheGroupSaysAndTheTextsOwnVoice) {
  Document d = MakeTestDocument(
      "Monthly figures\n\nThe Birch Legal Aid Bureau defends teachers in court. The group says "
      "at least 85 teachers are in prison.\n\nWe counted 230 new criminal cases in May, "
      "according to our database. The Lakeside Monitoring Group publishes these figures every "
      "month.",
      "2025-06-05");
  d.meta.publisher = "Lakeside Monitoring Group";
  const Extraction x = TestExtractor().Run(d);
  const Claim* teachers = FindClaim(x, 85);
  ASSERT_NE(teachers, nullptr);
  ASSERT_GE(teachers->source, 0);
  EXPECT_EQ(x.entities[teachers->source].name, "Birch Legal Aid Bureau");
  const Claim* cases = FindClaim(x, 230);
  ASSERT_NE(cases, nullptr);
  ASSERT_GE(cases->source, 0);
  EXPECT_EQ(x.entities[cases->source].name, "Lakeside Monitoring Group");
}

TEST(ClaimsTest, TheNumberOfStandsAtAndAuxiliariesBeforeTheCue) {
  const Extraction x = ExtractText(
      "The number of political prisoners on the list stands at 512. Nearly 240 have been "
      "prosecuted for posts. At least 35 of the defendants are nurses.");
  const Claim* list = FindClaim(x, 512);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->category, "political_prisoners");
  EXPECT_EQ(list->what, "political prisoners on the list");
  const Claim* posts = FindClaim(x, 240);
  ASSERT_NE(posts, nullptr);
  EXPECT_EQ(posts->category, "prosecuted");
  const Claim* defendants = FindClaim(x, 35);
  ASSERT_NE(defendants, nullptr);
  EXPECT_EQ(defendants->category, "prosecuted");
  const Extraction y = ExtractText("The bureau has recorded more than 430 criminal prosecutions.");
  const Claim* adjective = FindClaim(y, 430);
  ASSERT_NE(adjective, nullptr);
  EXPECT_EQ(adjective->category, "prosecuted");
}

TEST(ClaimsTest, NumberWordsAndScale) {
  const Extraction x = ExtractText(
      "Nearly 1.5 million people have fled the country. At least seven political prisoners have "
      "died in custody.");
  const Claim* fled = FindClaim(x, 1500000);
  ASSERT_NE(fled, nullptr);
  EXPECT_EQ(fled->qualifier, "about");
  EXPECT_EQ(fled->category, "fled");
  const Claim* died = FindClaim(x, 7);
  ASSERT_NE(died, nullptr);
  EXPECT_EQ(died->qualifier, "at_least");
  EXPECT_EQ(died->category, "died_in_custody");
}

TEST(ClaimsTest, ARangeIsOneFigureAtItsLowerBound) {
  const Extraction x = ExtractText("Between 300 and 400 people were detained in Hrodna region.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].value, 300);
  EXPECT_EQ(x.claims[0].qualifier, "at_least");
  EXPECT_EQ(x.claims[0].category, "detained");
}

TEST(ClaimsTest, YearsTermsAgesAndArticlesAreNotClaims) {
  const Extraction x = ExtractText(
      "In 2021 Ivan Loika, 34, was sentenced to 8 years under Article 342. Dozens of people "
      "protested.");
  EXPECT_TRUE(x.claims.empty());
}

TEST(QuotesTest, SaidAfterQuote) {
  const Extraction x = ExtractText(
      "\xE2\x80\x9CWe will keep documenting every case,\xE2\x80\x9D said Alena Kruk, head of the "
      "monitoring group.");
  ASSERT_EQ(x.quotes.size(), 1u);
  ASSERT_GE(x.quotes[0].speaker, 0);
  EXPECT_EQ(x.entities[x.quotes[0].speaker].name, "Alena Kruk");
}

TEST(QuotesTest, StraightQuotesAndSpeakerBefore) {
  const Extraction x = ExtractText(
      "Lawyer Viktar Sauka told reporters: \"My client has not seen his family for a year.\"");
  ASSERT_EQ(x.quotes.size(), 1u);
  ASSERT_GE(x.quotes[0].speaker, 0);
  EXPECT_EQ(x.entities[x.quotes[0].speaker].name, "Viktar Sauka");
}

TEST(QuotesTest, UnattributedQuoteContinuesTheLastSpeaker) {
  const Extraction x = ExtractText(
      "\"We will not stop until every prisoner is free,\" said Hanna Lis, the group's director.\n\n"
      "The court also heard from Pavel Dorn.\n\n"
      "\"Each of these cases was built on nothing but a social media post.\"");
  ASSERT_EQ(x.quotes.size(), 2u);
  ASSERT_GE(x.quotes[1].speaker, 0);
  EXPECT_EQ(x.entities[x.quotes[1].speaker].name, "Hanna Lis");
}

TEST(QuotesTest, AStatementIsNotAPerson) {
  const Extraction x = ExtractText(
      "Writer Olga Zhuk signed it. \"We call on the world to act before it is too late,\" the "
      "statement reads.");
  EXPECT_TRUE(x.quotes.empty());
}

TEST(QuotesTest, ScareQuotesAreNotQuotations) {
  const Extraction x = ExtractText(
      "He was convicted of \"calls to harm national security\" and \"insulting the president\".");
  EXPECT_TRUE(x.quotes.empty());
}

// The speaker of the quotation that starts with `start`, or "" when it has none or there is
// no such quotation.
std::string SpeakerOf(const Extraction& x, const std::string& text, const std::string& start) {
  for (const Quote& q : x.quotes) {
    if (text.compare(q.span.begin, start.size(), start) != 0) continue;
    return q.speaker >= 0 ? x.entities[q.speaker].name : "";
  }
  return "(none)";
}

TEST(QuotesTest, RoleWordsBeforeTheNameAfterSaid) {
  const std::string text =
      "\"The file holds nothing against my client at all,\" said defence lawyer Ina Rak. "
      "\"We will appeal to the regional court.\"";
  const Extraction x = ExtractText(text);
  EXPECT_EQ(SpeakerOf(x, text, "The file holds"), "Ina Rak");
  EXPECT_EQ(SpeakerOf(x, text, "We will appeal"), "Ina Rak");
}

TEST(QuotesTest, TheOneWhoToldNotTheOneTold) {
  const std::string text =
      "Her lawyer, Ina Rak, told the Lakeside Monitoring Group: \"She has not seen a doctor "
      "for weeks.\" Her mother told the Lakeside Monitoring Group: \"They do not let me see "
      "her at all.\"";
  const Extraction x = ExtractText(text);
  EXPECT_EQ(SpeakerOf(x, text, "She has not seen"), "Ina Rak");
  EXPECT_EQ(SpeakerOf(x, text, "They do not let"), "(none)");
  const std::string adverb = "Ina Rak probably said: \"Nothing will change before the vote.\"";
  EXPECT_EQ(SpeakerOf(ExtractText(adverb), adverb, "Nothing will change"), "Ina Rak");
}

}  // namespace
}  // namespace letapis
