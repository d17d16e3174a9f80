// Dossiers count a step stated by near-duplicate copies of one original once.
#include <gtest/gtest.h>

#include "extract/extractor_test_util.h"
#include "letapis/dossier.h"

namespace letapis {
namespace {

bool IsVarona(const Entity& e, int64_t /*person_id*/) {
  return e.name.find("Varona") != std::string::npos;
}

Document Report(const std::string& name, const std::string& publisher, const std::string& text) {
  Document d = MakeTestDocument(text, "2023-05-04");
  d.meta.name = name;
  d.meta.publisher = publisher;
  return d;
}

TEST(DossierCopiesTest, CopiesOfOneOriginalCountOnceAndAreListed) {
  const std::string text =
      "The blogger Ales Varona was sentenced to six years in prison on 3 May 2023.";
  DossierBuilder builder(IsVarona, {"blogger"});
  const Document original = Report("wire.txt", "Wire", text);
  builder.Add(original, TestExtractor().Run(original), 1);
  for (int id = 2; id <= 4; ++id) {
    const Document copy = Report("copy" + std::to_string(id) + ".txt",
                                 "Outlet " + std::to_string(id), "Reprint. " + text);
    builder.Add(copy, TestExtractor().Run(copy), 1);
  }
  const Dossier d = builder.Build();
  EXPECT_EQ(d.reports, std::vector<std::string>{"wire.txt"});
  EXPECT_EQ(d.copies, (std::vector<std::string>{"copy2.txt", "copy3.txt", "copy4.txt"}));
  EXPECT_EQ(d.publishers.size(), 4u);
  ASSERT_EQ(d.timeline.size(), 1u);
  EXPECT_EQ(d.timeline[0].report, "wire.txt");
  EXPECT_EQ(d.timeline[0].copies.size(), 3u);
  EXPECT_TRUE(d.conflicts.empty());
}

TEST(DossierCopiesTest, IndependentReportsAndChangedFactsStaySeparate) {
  DossierBuilder builder(IsVarona, {"blogger"});
  const Document a = Report("a.txt", "A", "Ales Varona was sentenced to six years on 3 May 2023.");
  const Document b = Report("b.txt", "B", "Ales Varona was sentenced to six years on 3 May 2023.");
  const Document edited =
      Report("c.txt", "C", "Ales Varona was sentenced to seven years on 3 May 2023.");
  builder.Add(a, TestExtractor().Run(a), 1);
  builder.Add(b, TestExtractor().Run(b), 2);            // another original: counted again
  builder.Add(edited, TestExtractor().Run(edited), 1);  // a copy of a.txt with another term
  const Dossier d = builder.Build();
  EXPECT_EQ(d.reports, (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(d.copies, std::vector<std::string>{"c.txt"});
  ASSERT_EQ(d.timeline.size(), 3u);
  for (const DossierStep& s : d.timeline) EXPECT_TRUE(s.copies.empty()) << s.report;
  EXPECT_FALSE(d.conflicts.empty());
}

TEST(DossierCopiesTest, WithoutGroupsEveryReportCounts) {
  DossierBuilder builder(IsVarona, {"blogger"});
  const Document a = Report("a.txt", "A", "Ales Varona was sentenced to six years on 3 May 2023.");
  const Document b = Report("b.txt", "B", "Ales Varona was sentenced to six years on 3 May 2023.");
  builder.Add(a, TestExtractor().Run(a));
  builder.Add(b, TestExtractor().Run(b));
  const Dossier d = builder.Build();
  EXPECT_EQ(d.reports.size(), 2u);
  EXPECT_EQ(d.timeline.size(), 2u);
}

}  // namespace
}  // namespace letapis
