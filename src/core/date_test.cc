#include "letapis/date.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

TEST(PartialDateTest, ToIsoByPrecision) {
  EXPECT_EQ(PartialDate{}.ToIso(), "");
  EXPECT_EQ((PartialDate{2021, 0, 0}).ToIso(), "2021");
  EXPECT_EQ((PartialDate{2021, 3, 0}).ToIso(), "2021-03");
  EXPECT_EQ((PartialDate{2021, 3, 7}).ToIso(), "2021-03-07");
}

TEST(PartialDateTest, FromIsoParsesEachPrecision) {
  EXPECT_EQ(PartialDate::FromIso("2021"), (PartialDate{2021, 0, 0}));
  EXPECT_EQ(PartialDate::FromIso("2021-03"), (PartialDate{2021, 3, 0}));
  EXPECT_EQ(PartialDate::FromIso("2021-03-07"), (PartialDate{2021, 3, 7}));
}

TEST(PartialDateTest, FromIsoCutsTimestamps) {
  EXPECT_EQ(PartialDate::FromIso("2025-07-14T09:30:00Z"), (PartialDate{2025, 7, 14}));
  EXPECT_EQ(PartialDate::FromIso("2025-07-14 09:30"), (PartialDate{2025, 7, 14}));
}

TEST(PartialDateTest, FromIsoRejectsMalformed) {
  for (const char* bad :
       {"", "202", "20a1", "0000", "2021-", "2021-3", "2021-13", "2021-00", "2021-03-", "2021-03-7",
        "2021-03-00", "2021-04-31", "2021/03/07", "2021-03-07X", "2021-03x"}) {
    EXPECT_FALSE(PartialDate::FromIso(bad).has_value()) << bad;
  }
}

TEST(PartialDateTest, FromIsoHandlesLeapYears) {
  EXPECT_TRUE(PartialDate::FromIso("2024-02-29").has_value());
  EXPECT_TRUE(PartialDate::FromIso("2000-02-29").has_value());
  EXPECT_FALSE(PartialDate::FromIso("2023-02-29").has_value());
  EXPECT_FALSE(PartialDate::FromIso("1900-02-29").has_value());
}

TEST(PartialDateTest, RoundTrips) {
  for (const char* iso : {"1994", "2020-08", "2020-08-09", "1999-12-31"}) {
    EXPECT_EQ(PartialDate::FromIso(iso)->ToIso(), iso);
  }
}

TEST(PartialDateTest, Weekday) {
  EXPECT_EQ((PartialDate{1970, 1, 1}).Weekday(), 3);    // Thursday
  EXPECT_EQ((PartialDate{2021, 3, 3}).Weekday(), 2);    // Wednesday
  EXPECT_EQ((PartialDate{2024, 2, 29}).Weekday(), 3);   // Thursday
  EXPECT_EQ((PartialDate{1969, 12, 28}).Weekday(), 6);  // Sunday
  EXPECT_EQ((PartialDate{2021, 3, 0}).Weekday(), -1);
}

TEST(PartialDateTest, AddDays) {
  EXPECT_EQ((PartialDate{2021, 3, 3}).AddDays(0), (PartialDate{2021, 3, 3}));
  EXPECT_EQ((PartialDate{2021, 2, 28}).AddDays(1), (PartialDate{2021, 3, 1}));
  EXPECT_EQ((PartialDate{2024, 2, 28}).AddDays(1), (PartialDate{2024, 2, 29}));
  EXPECT_EQ((PartialDate{2021, 1, 1}).AddDays(-1), (PartialDate{2020, 12, 31}));
  EXPECT_EQ((PartialDate{2020, 1, 1}).AddDays(366), (PartialDate{2021, 1, 1}));
  EXPECT_EQ((PartialDate{1970, 1, 1}).AddDays(-1), (PartialDate{1969, 12, 31}));
  EXPECT_EQ((PartialDate{2021, 3, 0}).AddDays(5), (PartialDate{2021, 3, 0}));
}

}  // namespace
}  // namespace letapis
