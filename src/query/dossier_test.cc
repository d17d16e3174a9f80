#include "letapis/dossier.h"

#include <gtest/gtest.h>

#include "extract/extractor_test_util.h"

namespace letapis {
namespace {

// Matches entities whose name or alias contains "Varona" or "Варона".
bool IsVarona(const Entity& e, int64_t /*person_id*/) {
  auto has = [](const std::string& s) {
    return s.find("Varona") != std::string::npos || s.find("Варона") != std::string::npos;
  };
  if (has(e.name)) return true;
  for (const std::string& a : e.aliases) {
    if (has(a)) return true;
  }
  return false;
}

TEST(DossierTest, TimelineInDateOrderWithStatusAndSources) {
  DossierBuilder builder(IsVarona, {"blogger", "journalist"});
  const Document first = MakeTestDocument(
      "The blogger Ales Varona was sentenced to six years in prison on 3 May 2023.", "2023-05-04");
  const Document second = MakeTestDocument(
      "Ales Varona was detained in Minsk on 12 January 2022. Journalist Ina Kol was detained "
      "too.",
      "2022-01-13");
  builder.Add(first, TestExtractor().Run(first));
  builder.Add(second, TestExtractor().Run(second));
  ASSERT_TRUE(builder.found());
  const Dossier d = builder.Build();
  EXPECT_EQ(d.name, "Ales Varona");
  EXPECT_EQ(d.roles, std::vector<std::string>{"blogger"});
  ASSERT_EQ(d.timeline.size(), 2u);
  EXPECT_EQ(d.timeline[0].type, "detention");
  EXPECT_EQ(d.timeline[0].date.ToIso(), "2022-01-12");
  EXPECT_EQ(d.timeline[0].place, "Minsk");
  EXPECT_EQ(d.timeline[1].type, "sentence");
  EXPECT_EQ(d.timeline[1].term_months, 72);
  EXPECT_EQ(d.timeline[1].report, "test.txt");
  EXPECT_EQ(d.status, "sentenced to 6 years");
  EXPECT_EQ(d.status_since.ToIso(), "2023-05-03");
  EXPECT_TRUE(d.conflicts.empty());
}

TEST(DossierTest, DifferentTermsFromDifferentReportsAreAConflict) {
  DossierBuilder builder(IsVarona, {"blogger", "journalist"});
  Document a = MakeTestDocument("Ales Varona was sentenced to six years.");
  a.meta.name = "a.txt";
  Document b = MakeTestDocument("Ales Varona was sentenced to seven years.");
  b.meta.name = "b.txt";
  builder.Add(a, TestExtractor().Run(a));
  builder.Add(b, TestExtractor().Run(b));
  const Dossier d = builder.Build();
  ASSERT_EQ(d.conflicts.size(), 1u);
  EXPECT_NE(d.conflicts[0].find("6 years (a.txt)"), std::string::npos) << d.conflicts[0];
}

TEST(DossierTest, AnUndatedSentenceOutranksADatedTrial) {
  DossierBuilder builder(IsVarona, {});
  const Document doc = MakeTestDocument(
      "The trial of Ales Varona opened in March 2024. The court sentenced Ales Varona to five "
      "years.");
  builder.Add(doc, TestExtractor().Run(doc));
  EXPECT_EQ(builder.Build().status, "sentenced to 5 years");
}

TEST(DossierTest, OtherPeopleAreNotIncluded) {
  DossierBuilder builder(IsVarona, {"blogger", "journalist"});
  const Document doc = MakeTestDocument("Ina Kol was detained in Brest.");
  builder.Add(doc, TestExtractor().Run(doc));
  EXPECT_FALSE(builder.found());
}

}  // namespace
}  // namespace letapis
