#include "letapis/statistics.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

// A report stating one undated figure of political prisoners, published on `published`.
struct Report {
  Document doc;
  Extraction x;
};

Report Figure(const std::string& name, const std::string& publisher, const std::string& published,
              double value) {
  Report r;
  r.doc.meta.name = name;
  r.doc.meta.publisher = publisher;
  r.doc.text = "There are many political prisoners.";
  r.x.published = *PartialDate::FromIso(published);
  Claim c;
  c.value = value;
  c.category = "political_prisoners";
  c.source_name = "Spring";
  c.evidence = Span{0, static_cast<uint32_t>(r.doc.text.size())};
  r.x.claims.push_back(c);
  return r;
}

TEST(StatisticsTimelineTest, NearDuplicateCopiesCountOnceUnderTheOriginalsDate) {
  StatisticsTimeline t;
  const Report original = Figure("wire.txt", "Wire", "2025-11-03", 1149);
  const Report copy1 = Figure("niemen.html", "Niemen", "2025-11-04", 1149);
  const Report copy2 = Figure("naroch.html", "Naroch", "2025-11-05", 1149);
  t.Add(original.doc, original.x, "", 1);
  t.Add(copy1.doc, copy1.x, "", 1);
  t.Add(copy2.doc, copy2.x, "", 1);
  const std::vector<StatisticPoint> points = t.Points();
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].as_of.ToIso(), "2025-11-03");
  EXPECT_EQ(points[0].reports, std::vector<std::string>{"wire.txt"});
  EXPECT_EQ(points[0].evidence.size(), 1u);
  EXPECT_EQ(points[0].copies, (std::vector<std::string>{"niemen.html", "naroch.html"}));
  EXPECT_EQ(points[0].publishers, (std::vector<std::string>{"Wire", "Niemen", "Naroch"}));
}

TEST(StatisticsTimelineTest, IndependentReportsAreEachListed) {
  StatisticsTimeline t;
  const Report a = Figure("a.txt", "A", "2025-11-03", 1149);
  const Report b = Figure("b.txt", "B", "2025-11-03", 1149);
  const Report later = Figure("c.txt", "C", "2025-11-04", 1149);
  t.Add(a.doc, a.x, "", 1);
  t.Add(b.doc, b.x, "", 2);
  t.Add(later.doc, later.x, "");  // no group: its own date
  const std::vector<StatisticPoint> points = t.Points();
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].reports, (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_TRUE(points[0].copies.empty());
  EXPECT_EQ(points[1].reports, std::vector<std::string>{"c.txt"});
}

TEST(StatisticsTimelineTest, ACopyWithAnotherFigureIsItsOwnPoint) {
  StatisticsTimeline t;
  const Report original = Figure("wire.txt", "Wire", "2025-11-03", 1149);
  const Report edited = Figure("edited.txt", "Edited", "2025-11-04", 1150);
  t.Add(original.doc, original.x, "", 1);
  t.Add(edited.doc, edited.x, "", 1);
  const std::vector<StatisticPoint> points = t.Points();
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[1].reports, std::vector<std::string>{"edited.txt"});
  EXPECT_EQ(points[1].as_of.ToIso(), "2025-11-03");
}

}  // namespace
}  // namespace letapis
