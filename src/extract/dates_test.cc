#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/expression_test_util.h"
#include "extract/expressions.h"

namespace letapis {
namespace {

using testing::Analyze;
using testing::Lexicon;

// A date match reduced to comparable strings.
struct Found {
  std::string covered;
  std::string date;  // ISO, "" when unknown
  bool relative = false;
  bool start = false;
  std::string rule;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{\"" << f.covered << "\", \"" << f.date << "\", rel=" << f.relative
            << ", start=" << f.start << ", " << f.rule << "}";
}

const PartialDate kAnchor{2025, 7, 14};  // a Monday
const PartialDate kNoAnchor{};

std::vector<Found> Dates(std::string_view raw, const PartialDate& anchor = kAnchor) {
  testing::Analyzed a = Analyze(raw);
  std::vector<DateMatch> matches = FindDates(a.text, a.tokens, anchor, Lexicon());
  testing::ExpectOrdered(matches, a.tokens.size());
  std::vector<Found> out;
  for (const DateMatch& m : matches) {
    out.push_back(Found{a.Covered(m.first, m.end), m.date.ToIso(), m.relative,
                        m.is_range_or_duration_start, m.rule});
  }
  return out;
}

// The one date of `raw`.
Found Only(std::string_view raw, const PartialDate& anchor = kAnchor) {
  std::vector<Found> all = Dates(raw, anchor);
  EXPECT_EQ(all.size(), 1u) << raw;
  return all.empty() ? Found{} : all[0];
}

TEST(FindDatesTest, DayMonthYear) {
  EXPECT_EQ(Only("Ivan Zhuk was detained on 14 July 2025 in Hrodna."),
            (Found{"14 July 2025", "2025-07-14", false, false, "date.dmy"}));
  EXPECT_EQ(Only("It happened on the 14th of July 2025."),
            (Found{"14th of July 2025", "2025-07-14", false, false, "date.dmy"}));
  EXPECT_EQ(Only("on 3rd March, 2024").date, "2024-03-03");
  EXPECT_EQ(Only("on 1st May 2024").date, "2024-05-01");
  EXPECT_EQ(Only("on 22nd June 2024").date, "2024-06-22");
}

TEST(FindDatesTest, MonthDayYear) {
  EXPECT_EQ(Only("On July 14, 2025, the court met."),
            (Found{"July 14, 2025", "2025-07-14", false, false, "date.mdy"}));
  EXPECT_EQ(Only("On July 14 2025 the court met.").date, "2025-07-14");
  EXPECT_EQ(Only("filed on Jan. 5, 2024").covered, "Jan. 5, 2024");
  EXPECT_EQ(Only("filed on Jan. 5, 2024").date, "2024-01-05");
  EXPECT_EQ(Only("by Sept 30 2023").date, "2023-09-30");
}

TEST(FindDatesTest, WeekdayBeforeADateJoinsIt) {
  EXPECT_EQ(Only("Tuesday 25 February 2025 13:00 GMT"),
            (Found{"Tuesday 25 February 2025", "2025-02-25", false, false, "date.dmy"}));
  EXPECT_EQ(Only("Friday, March 7, 2025").covered, "Friday, March 7, 2025");
}

TEST(FindDatesTest, MonthYearAndNumericForms) {
  EXPECT_EQ(Only("the events of May 2020"),
            (Found{"May 2020", "2020-05", false, false, "date.my"}));
  EXPECT_EQ(Only("in October of 2023").date, "2023-10");
  EXPECT_EQ(Only("dated 2025-07-14."),
            (Found{"2025-07-14", "2025-07-14", false, false, "date.iso"}));
  EXPECT_EQ(Only("dated 14.07.2025."),
            (Found{"14.07.2025", "2025-07-14", false, false, "date.numeric"}));
  EXPECT_EQ(Only("dated 04/07/2025."),
            (Found{"04/07/2025", "2025-07-04", false, false, "date.numeric"}));
  EXPECT_EQ(Only("protests in 2020-2021"),
            (Found{"2020-2021", "2020", false, false, "date.year_range"}));
  EXPECT_TRUE(Dates("dated 31.02.2025").empty());
}

TEST(FindDatesTest, InvalidDayFallsBackToMonthYear) {
  EXPECT_EQ(Only("on 31 February 2024"),
            (Found{"February 2024", "2024-02", false, false, "date.my"}));
}

TEST(FindDatesTest, CyrillicDates) {
  EXPECT_EQ(Only("задержан 14 июля 2025 г. в Минске"),
            (Found{"14 июля 2025 г.", "2025-07-14", false, false, "date.dmy"}));
  EXPECT_EQ(Only("затрыманы 3 ліпеня 2024").date, "2024-07-03");
}

TEST(FindDatesTest, DayMonthWithoutYear) {
  EXPECT_EQ(Only("During a meeting on July 13, the minister spoke."),
            (Found{"July 13", "2025-07-13", true, false, "date.md"}));
  EXPECT_EQ(Only("on 13 July the court met", kNoAnchor),
            (Found{"13 July", "", true, false, "date.dm"}));
  EXPECT_EQ(Only("the raid of May 23 this year"),
            (Found{"May 23 this year", "2025-05-23", true, false, "date.md"}));
  EXPECT_EQ(Only("on 2 March last year").date, "2024-03-02");
}

TEST(FindDatesTest, MonthDayIsNotACount) {
  EXPECT_EQ(Only("In July 14 people were detained.").rule, "date.rel.month");
}

TEST(FindDatesTest, Years) {
  EXPECT_EQ(Only("She was arrested in 2021."), (Found{"2021", "2021", false, false, "date.year"}));
  EXPECT_EQ(Only("repressed since 2020, the group says"),
            (Found{"since 2020", "2020", false, true, "date.year"}));
  EXPECT_EQ(Only("during the 2020 presidential election").date, "2020");
  EXPECT_EQ(Only("during the 2020 protests").date, "2020");
  EXPECT_EQ(Only("The year 2025 marks a grim anniversary.").date, "2025");
  EXPECT_EQ(Only("the 2022 Nobel Peace Prize").date, "2022");
}

TEST(FindDatesTest, FourDigitCountsAreNotYears) {
  EXPECT_TRUE(Dates("They counted 2021 people in the square.").empty());
  EXPECT_TRUE(Dates("more than 2000 political prisoners").empty());
  EXPECT_TRUE(Dates("over 2000 detainees were released").empty());
  EXPECT_TRUE(Dates("charged under Article 2001").empty());
  EXPECT_TRUE(Dates("fined $2000 for a post").empty());
  EXPECT_TRUE(Dates("65,000 people and 1,300 prisoners").empty());
  EXPECT_TRUE(Dates("in the 1980s").empty());
  EXPECT_TRUE(Dates("in 1850 and 2150").empty());
}

TEST(FindDatesTest, LowerCaseEnglishMonthsAreWords) {
  EXPECT_TRUE(Dates("They may march 5 km.").empty());
}

TEST(FindDatesTest, LastAndBareMonth) {
  EXPECT_EQ(Only("He was arrested in Serbia last October."),
            (Found{"last October", "2024-10", true, false, "date.rel.last_month"}));
  EXPECT_EQ(Only("arrested last October", PartialDate{2025, 11, 2}).date, "2025-10");
  EXPECT_EQ(Only("arrested last July").date, "2024-07");
  EXPECT_EQ(Only("arrested last October", kNoAnchor),
            (Found{"last October", "", true, false, "date.rel.last_month"}));
  EXPECT_EQ(Only("The hearing took place in October."),
            (Found{"October", "2024-10", true, false, "date.rel.month"}));
  EXPECT_EQ(Only("released in June").date, "2025-06");
  EXPECT_EQ(Only("released in July").date, "2025-07");
  EXPECT_EQ(Only("held since March"),
            (Found{"since March", "2025-03", true, true, "date.rel.month"}));
  EXPECT_EQ(Only("in March last year").date, "2024-03");
  EXPECT_EQ(Only("next October").date, "2025-10");
  EXPECT_EQ(Only("next May").date, "2026-05");
}

TEST(FindDatesTest, Weekdays) {
  EXPECT_EQ(Only("The appeal was heard on Tuesday."),
            (Found{"Tuesday", "2025-07-08", true, false, "date.rel.weekday"}));
  EXPECT_EQ(Only("on Monday").date, "2025-07-14");
  EXPECT_EQ(Only("last Monday"),
            (Found{"last Monday", "2025-07-07", true, false, "date.rel.last_weekday"}));
  EXPECT_EQ(Only("last Tuesday").date, "2025-07-08");
  EXPECT_EQ(Only("next Friday").date, "2025-07-18");
  EXPECT_EQ(Only("next Monday").date, "2025-07-21");
  EXPECT_EQ(Only("on Tuesday", PartialDate{2025, 7, 0}).date, "");
  EXPECT_EQ(Only("on Tuesday", kNoAnchor), (Found{"Tuesday", "", true, false, "date.rel.weekday"}));
}

TEST(FindDatesTest, DayWords) {
  EXPECT_EQ(Only("Yesterday the police came."),
            (Found{"Yesterday", "2025-07-13", true, false, "date.rel.day"}));
  EXPECT_EQ(Only("today").date, "2025-07-14");
  EXPECT_EQ(Only("Today's anniversary").date, "2025-07-14");
  EXPECT_EQ(Only("tomorrow", kNoAnchor).date, "");
  std::vector<Found> both = Dates("Today, July 14, 2021, the police came.");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].rule, "date.rel.day");
  EXPECT_EQ(both[1], (Found{"July 14, 2021", "2021-07-14", false, false, "date.mdy"}));
}

TEST(FindDatesTest, AgoKeepsAnchorPrecision) {
  EXPECT_EQ(Only("He was detained four years ago."),
            (Found{"four years ago", "2021-07-14", true, false, "date.rel.ago"}));
  EXPECT_EQ(Only("two months ago").date, "2025-05-14");
  EXPECT_EQ(Only("3 days ago").date, "2025-07-11");
  EXPECT_EQ(Only("a week ago").date, "2025-07-07");
  EXPECT_EQ(Only("a year ago").date, "2024-07-14");
  EXPECT_EQ(Only("3-4 months ago").date, "2025-04-14");
  EXPECT_EQ(Only("four years ago", PartialDate{2025, 7, 0}).date, "2021-07");
  EXPECT_EQ(Only("four years ago", PartialDate{2025, 0, 0}).date, "2021");
  EXPECT_EQ(Only("two months ago", PartialDate{2025, 0, 0}).date, "");
  EXPECT_EQ(Only("four years ago", kNoAnchor),
            (Found{"four years ago", "", true, false, "date.rel.ago"}));
  EXPECT_EQ(Only("one year ago", PartialDate{2024, 2, 29}).date, "2023-02-28");
}

TEST(FindDatesTest, ThisLastNextYearAndMonth) {
  EXPECT_EQ(Only("this year"), (Found{"this year", "2025", true, false, "date.rel.this_year"}));
  EXPECT_EQ(Only("last year's election"),
            (Found{"last year's", "2024", true, false, "date.rel.last_year"}));
  EXPECT_EQ(Only("next year").date, "2026");
  EXPECT_EQ(Only("last month"),
            (Found{"last month", "2025-06", true, false, "date.rel.month_unit"}));
  EXPECT_EQ(Only("this year", kNoAnchor).date, "");
  EXPECT_TRUE(Dates("in the last years").empty());
}

TEST(FindDatesTest, ContextRelativeToThePreviousDate) {
  std::vector<Found> d = Dates("He was detained in 2021 and convicted the following year.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1], (Found{"the following year", "2022", true, false, "date.rel.context"}));
  d = Dates("the 2020 election in Belarus that year");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].covered, "that year");
  EXPECT_EQ(d[1].date, "2020");
  d = Dates("arrested on 3 May 2024 and released the next day");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].date, "2024-05-04");
  EXPECT_EQ(Only("convicted the following year"),
            (Found{"the following year", "", true, false, "date.rel.context"}));
}

TEST(FindDatesTest, PartsOfYearsAndMonths) {
  EXPECT_EQ(Only("In early 2023, a court sentenced him."),
            (Found{"early 2023", "2023", false, false, "date.part_of_year"}));
  EXPECT_EQ(Only("late 2022").date, "2022");
  EXPECT_EQ(Only("Since mid-2024, hundreds were freed."),
            (Found{"Since mid-2024", "2024", false, true, "date.part_of_year"}));
  EXPECT_EQ(Only("in mid-February"),
            (Found{"mid-February", "2025-02", true, false, "date.part_of_month"}));
  EXPECT_EQ(Only("in mid-February 2024").date, "2024-02");
  EXPECT_EQ(Only("early March 2025").date, "2025-03");
  EXPECT_EQ(Only("by the end of 2024"),
            (Found{"the end of 2024", "2024", false, false, "date.part_of_year"}));
  EXPECT_EQ(Only("at the beginning of October").date, "2024-10");
  EXPECT_EQ(Only("late last year"),
            (Found{"late last year", "2024", true, false, "date.part_of_year"}));
  EXPECT_TRUE(Dates("an early release").empty());
}

TEST(FindDatesTest, Seasons) {
  EXPECT_EQ(Only("in the summer of 2020"),
            (Found{"summer of 2020", "2020", false, false, "date.season"}));
  EXPECT_EQ(Only("last summer").date, "2024");
  EXPECT_EQ(Only("last winter").date, "2024");
  EXPECT_EQ(Only("last spring").date, "2025");
}

TEST(FindDatesTest, SeveralDatesInOrder) {
  std::vector<Found> d = Dates(
      "Olga Savich was detained on 3 March 2021, tried in early 2022 and released "
      "on 21 June 2025, four years later.");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].date, "2021-03-03");
  EXPECT_EQ(d[1].date, "2022");
  EXPECT_EQ(d[2].date, "2025-06-21");
}

TEST(FindDatesTest, EmptyInput) {
  EXPECT_TRUE(Dates("").empty());
  EXPECT_TRUE(Dates("since").empty());
  EXPECT_TRUE(Dates("the end of").empty());
}

}  // namespace
}  // namespace letapis
