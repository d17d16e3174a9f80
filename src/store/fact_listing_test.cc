// Tests of store-wide fact listings on a real store: events counted per month without the
// rejected ones, and pages of events across reports in date order.
#include "store/store_test_fixture.h"

namespace letapis {
namespace {

class FactListingTest : public StoreFixture {
 protected:
  // Stores report `name` with one arrest event per date of `dates` (each sentence of the
  // text is one event's evidence).
  void AddEvents(const std::string& name, const std::vector<PartialDate>& dates) {
    std::string text;
    Extraction x;
    for (size_t i = 0; i < dates.size(); ++i) {
      Event e;
      e.type = "arrest";
      e.date = dates[i];
      const std::string sentence =
          "An activist was detained in " + name + " " + std::to_string(i) + ". ";
      e.evidence = {static_cast<uint32_t>(text.size()),
                    static_cast<uint32_t>(text.size() + sentence.size() - 1)};
      e.trigger = {e.evidence.begin + 15, e.evidence.begin + 23};
      e.rule = "event.test";
      text += sentence;
      x.events.push_back(e);
    }
    AddExtraction(name, text, [&x](const Document&) { return x; });
  }
};

TEST_F(FactListingTest, EventsPerMonthLeaveOutRejectedAndUndatedEvents) {
  AddEvents("a.txt", {PartialDate{2024, 3, 2}, PartialDate{2024, 3, 20}, PartialDate{2024, 5, 0},
                      PartialDate{2024, 0, 0}, PartialDate{}});
  AddEvents("b.txt", {PartialDate{2024, 3, 9}, PartialDate{2023, 12, 31}});
  std::map<std::string, int64_t> months;
  ASSERT_TRUE(store_->CountEventsPerMonth(&months).ok());
  EXPECT_EQ(months,
            (std::map<std::string, int64_t>{{"2023-12", 1}, {"2024-03", 3}, {"2024-05", 1}}));

  FactFilter march;
  march.date_from = "2024-03";
  march.date_to = "2024-03";
  std::vector<FactRow> events;
  ASSERT_TRUE(store_->ListFacts(march, &events, nullptr).ok());
  ASSERT_EQ(events.size(), 3u);
  Reject("event", events[0].id);
  ASSERT_TRUE(store_->CountEventsPerMonth(&months).ok());
  EXPECT_EQ(months["2024-03"], 2);
}

TEST_F(FactListingTest, PagesAcrossReportsFollowTheDateOrderWithTheirEvidence) {
  AddEvents("a.txt", {PartialDate{2024, 3, 2}, PartialDate{2024, 3, 20}, PartialDate{}});
  AddEvents("b.txt", {PartialDate{2024, 3, 9}, PartialDate{2025, 1, 1}});
  FactFilter filter;
  filter.limit = 2;
  std::vector<std::string> seen;
  for (filter.offset = 0; filter.offset < 6; filter.offset += 2) {
    std::vector<FactRow> page;
    int64_t total = 0;
    ASSERT_TRUE(store_->ListFacts(filter, &page, &total).ok());
    EXPECT_EQ(total, 5);
    for (const FactRow& f : page) {
      seen.push_back(f.date + " " + f.evidence);
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "2025-01-01 An activist was detained in b.txt 1.",
                      "2024-03-20 An activist was detained in a.txt 1.",
                      "2024-03-09 An activist was detained in b.txt 0.",
                      "2024-03-02 An activist was detained in a.txt 0.",
                      " An activist was detained in a.txt 2.",
                  }));
}

}  // namespace
}  // namespace letapis
