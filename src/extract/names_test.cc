#include <gtest/gtest.h>

#include "extract/extractor_test_util.h"

namespace letapis {
namespace {

TEST(NamesTest, PersonWithRoleAndSurnameAlias) {
  const Extraction x = ExtractText(
      "Belarusian Nobel laureate Maryna Dubovik wrote to the court. Dubovik said she would "
      "not give up.");
  const int e = FindEntity(x, "Maryna Dubovik");
  ASSERT_GE(e, 0);
  EXPECT_EQ(x.entities[e].kind, EntityKind::kPerson);
  EXPECT_EQ(FindEntity(x, "Dubovik"), e);
  EXPECT_EQ(FindEntity(x, "Belarusian Nobel laureate Maryna Dubovik"), -1);
}

TEST(NamesTest, PossessiveIsStripped) {
  const Extraction x = ExtractText("Pavel Kruk was detained. Kruk's lawyer was not admitted.");
  const int e = FindEntity(x, "Pavel Kruk");
  ASSERT_GE(e, 0);
  EXPECT_EQ(FindEntity(x, "Kruk"), e);
  EXPECT_EQ(FindEntity(x, "Kruk's"), -1);
}

TEST(NamesTest, NoFalsePersonsFromCapitalisedPhrases) {
  const Extraction x = ExtractText(
      "On Monday the Criminal Code was amended. The Nobel Peace Prize was awarded in October.");
  for (const Entity& e : x.entities) EXPECT_NE(e.kind, EntityKind::kPerson) << e.name;
}

TEST(NamesTest, OrganisationWithDefinedAbbreviation) {
  const Extraction x = ExtractText(
      "The Baltic Media Defence Network (BMDN) condemned the verdict. BMDN said it would "
      "appeal.");
  const int e = FindEntity(x, "Baltic Media Defence Network");
  ASSERT_GE(e, 0);
  EXPECT_EQ(x.entities[e].kind, EntityKind::kOrganization);
  EXPECT_EQ(FindEntity(x, "BMDN"), e);
}

TEST(NamesTest, DescriptorWithQuotedName) {
  const Extraction x = ExtractText("Police searched the office of NGO \"Open Doors\" in Brest.");
  const int e = FindEntity(x, "NGO Open Doors");
  ASSERT_GE(e, 0);
  EXPECT_EQ(FindEntity(x, "Open Doors"), e);
  EXPECT_GE(FindEntity(x, "Brest"), 0);
}

TEST(NamesTest, RoleOfOrganisationBeforePerson) {
  const Extraction x =
      ExtractText("Head of the Security Service of Moldova Ion Rusu met the delegation.");
  EXPECT_GE(FindEntity(x, "Security Service of Moldova"), 0);
  EXPECT_GE(FindEntity(x, "Ion Rusu"), 0);
}

TEST(NamesTest, GivenNameBeatsPlaceName) {
  const Extraction x = ExtractText("Director Agnes Holland and Vladimir Paulau signed it.");
  EXPECT_GE(FindEntity(x, "Vladimir Paulau"), 0);
  const int v = FindEntity(x, "Vladimir Paulau");
  EXPECT_EQ(x.entities[v].kind, EntityKind::kPerson);
}

TEST(NamesTest, CountriesAndCitiesAreSeparateFromOrganisations) {
  const Extraction x =
      ExtractText("The Hrodna Regional Court sat in Hrodna. Activists fled to Lithuania.");
  const int court = FindEntity(x, "Hrodna Regional Court");
  ASSERT_GE(court, 0);
  EXPECT_EQ(x.entities[court].kind, EntityKind::kOrganization);
  const int city = FindEntity(x, "Hrodna");
  ASSERT_GE(city, 0);
  EXPECT_EQ(x.entities[city].kind, EntityKind::kPlace);
  EXPECT_GE(FindEntity(x, "Lithuania"), 0);
}

TEST(NamesTest, EveryMentionSpanIsItsSurfaceInTheText) {
  const std::string text =
      "Journalist Ihar Kazlou was detained in Minsk. Kazlou's wife said the KGB took him.";
  const Extraction x = ExtractText(text);
  ASSERT_FALSE(x.mentions.empty());
  for (const Mention& m : x.mentions) {
    EXPECT_EQ(text.substr(m.span.begin, m.span.end - m.span.begin).rfind(m.surface, 0), 0u)
        << m.surface;
    EXPECT_FALSE(m.rule.empty());
  }
}

}  // namespace
}  // namespace letapis
