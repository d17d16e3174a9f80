// Tests of StatisticsCache on a real store: the same figures while the store is unchanged;
// new reports folded in without a full computation; reviews computing afresh; and the
// kept figures always equal to those a fresh cache computes from the whole store.
#include "web/statistics_cache.h"

#include <fmt/format.h>

#include "letapis/names.h"
#include "letapis/resolution.h"
#include "store/store_test_fixture.h"

namespace letapis::web {
namespace {

// Every field of a point, to compare two lists of points whole.
std::string Describe(const std::vector<StatisticPoint>& points) {
  std::string out;
  for (const StatisticPoint& p : points) {
    out += fmt::format("{} {} {} {} [{}] [{}] {} |", p.category,
                       p.as_of.known() ? p.as_of.ToIso() : "undated", p.value, p.qualifier,
                       p.source, p.what, p.conflicting);
    for (const auto* list : {&p.reports, &p.evidence, &p.copies, &p.publishers}) {
      for (const std::string& item : *list) out += " " + item;
      out += " |";
    }
    out += "\n";
  }
  return out;
}

// Filler that makes a report long enough to be compared for near-duplicates.
constexpr char kFiller[] =
    " The monitoring group collected the account from relatives of the detained, from court "
    "records of the regional court and from lawyers who asked not to be named, and it repeats "
    "its call for the release of everyone held for their views or their work.";

class StatisticsCacheTest : public StoreFixture {
 protected:
  // Stores a report `name` whose one claim is `value` political prisoners as of `as_of`
  // (undated when as_of is unknown); returns its id.
  int64_t AddReport(const std::string& name, const std::string& text, double value,
                    const PartialDate& as_of) {
    SourceMeta meta;
    meta.name = name;
    meta.format = "txt";
    meta.published = PartialDate{2025, 5, 2};
    Document doc;
    EXPECT_TRUE(MakeDocument(text, meta, &doc).ok());
    Extraction x;
    Claim claim;
    claim.value = value;
    claim.category = "political_prisoners";
    claim.as_of = as_of;
    claim.evidence = {0, static_cast<uint32_t>(text.find('.') + 1)};
    claim.rule = "claim.test";
    x.claims.push_back(claim);
    bool added = false;
    Status s = store_->AddReport(doc, x, "tester", &added);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_TRUE(added);
    std::vector<ReportSummary> newest;
    int64_t total = 0;
    EXPECT_TRUE(store_->ListReports(1, 0, &newest, &total).ok());
    return newest.empty() ? 0 : newest.front().id;
  }

  std::shared_ptr<const std::vector<StatisticPoint>> Get() {
    std::shared_ptr<const std::vector<StatisticPoint>> points;
    Status s = cache_.Get(store_.get(), &points);
    EXPECT_TRUE(s.ok()) << s.message();
    return points;
  }

  // The figures a fresh cache computes from the whole store.
  std::string Fresh() {
    StatisticsCache fresh;
    std::shared_ptr<const std::vector<StatisticPoint>> points;
    Status s = fresh.Get(store_.get(), &points);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(fresh.full_computations(), 1u);
    return points == nullptr ? "" : Describe(*points);
  }

  // Rejects the claim of report `source_id` as `actor`.
  void RejectClaimOf(int64_t source_id) {
    std::vector<FactRow> claims;
    FactFilter filter;
    filter.kind = "claim";
    ASSERT_TRUE(store_->ListFacts(filter, &claims, nullptr).ok());
    for (const FactRow& c : claims) {
      if (c.source_id != source_id) continue;
      Reject("claim", c.id);
      return;
    }
    FAIL() << "no claim in report " << source_id;
  }

  StatisticsCache cache_;
};

TEST_F(StatisticsCacheTest, KeptWhileUnchangedAndComputedAfreshAfterEveryChange) {
  AddReport("march.txt", "There are 1,150 political prisoners, the centre said.", 1150,
            PartialDate{2025, 3, 1});
  const auto first = Get();
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ(Get(), first);  // nothing changed: the very same points

  AddReport("april.txt", "The number of political prisoners rose to 1,170.", 1170,
            PartialDate{2025, 4, 1});
  const auto second = Get();
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ(second->back().value, 1170);

  std::vector<FactRow> claims;
  FactFilter filter;
  filter.kind = "claim";
  ASSERT_TRUE(store_->ListFacts(filter, &claims, nullptr).ok());
  ASSERT_EQ(claims.size(), 2u);
  Reject("claim", claims[0].id);
  const auto third = Get();
  ASSERT_EQ(third->size(), 1u);  // the rejected figure is left out
  EXPECT_NE(third->front().value, claims[0].value);
}

TEST_F(StatisticsCacheTest, IngestsAreFoldedInAndEqualAFullComputation) {
  NameMatcher matcher;
  ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher).ok());
  const std::string march = "There are 1,150 political prisoners, the centre said.";
  AddReport("march.txt", march + kFiller, 1150, PartialDate{2025, 3, 1});
  AddReport("undated.txt", "Some 900 political prisoners remain held.", 900, PartialDate{});
  ASSERT_EQ(Describe(*Get()), Fresh());
  ASSERT_EQ(cache_.full_computations(), 1u);

  // New reports, one a near-duplicate copy of march.txt stating the same figure, and a
  // people resolution (an ingest runs one) only fold in the new reports.
  const int64_t april = AddReport("april.txt", "The number of political prisoners rose to 1,170.",
                                  1170, PartialDate{2025, 4, 1});
  const int64_t copy =
      AddReport("march-copy.txt", march + kFiller + " Reposted.", 1150, PartialDate{2025, 3, 1});
  StoredReport stored_copy;
  ASSERT_TRUE(store_->LoadReport(copy, &stored_copy).ok());
  ASSERT_NE(stored_copy.original_id, 0) << "the copy should be linked to march.txt";
  ResolutionSummary summary;
  ASSERT_TRUE(ResolvePeople(store_.get(), matcher, false, "tester", &summary).ok());
  const auto folded = Get();
  EXPECT_EQ(cache_.full_computations(), 1u);
  EXPECT_EQ(Describe(*folded), Fresh());
  ASSERT_EQ(folded->size(), 3u);

  // A merge judgement and the re-resolution after it change no figure.
  Judgement same{0, "Ales Bialiatski", "Ales Byalyatski", "same", "editor", "", "one man"};
  ASSERT_TRUE(store_->AddJudgement(&same).ok());
  ASSERT_TRUE(ResolvePeople(store_.get(), matcher, true, "editor", &summary).ok());
  EXPECT_EQ(Get(), folded);
  EXPECT_EQ(cache_.full_computations(), 1u);

  // A rejection computes everything afresh; later ingests fold in again.
  RejectClaimOf(april);
  const auto reviewed = Get();
  EXPECT_EQ(cache_.full_computations(), 2u);
  EXPECT_EQ(Describe(*reviewed), Fresh());
  EXPECT_EQ(reviewed->size(), 2u);
  AddReport("may.txt", "By May, 1,190 political prisoners were counted.", 1190,
            PartialDate{2025, 5, 1});
  AddReport("june.txt", "Another 40 political prisoners were counted.", 40, PartialDate{});
  const auto last = Get();
  EXPECT_EQ(cache_.full_computations(), 2u);
  EXPECT_EQ(Describe(*last), Fresh());
  EXPECT_EQ(last->size(), 4u);
}

TEST_F(StatisticsCacheTest, ChangesLongerThanOneReadOfTheLogAreAllFoldedIn) {
  StatisticsCache small(3);  // three audit-log rows per read
  std::shared_ptr<const std::vector<StatisticPoint>> points;
  AddReport("first.txt", "There are 100 political prisoners.", 100, PartialDate{2020, 1, 1});
  ASSERT_TRUE(small.Get(store_.get(), &points).ok());
  ASSERT_EQ(points->size(), 1u);
  for (int i = 0; i < 7; ++i) {
    Judgement j{0, fmt::format("Name {}", i), "Other Name", "different", "editor", "", ""};
    ASSERT_TRUE(store_->AddJudgement(&j).ok());
    if (i % 3 == 0) {
      AddReport(fmt::format("more-{}.txt", i),
                fmt::format("There are {} political prisoners.", 120 + i), 120 + i,
                PartialDate{2020, 2, i + 1});
    }
  }
  ASSERT_TRUE(small.Get(store_.get(), &points).ok());
  EXPECT_EQ(small.full_computations(), 1u);
  EXPECT_EQ(points->size(), 4u);
  EXPECT_EQ(Describe(*points), Fresh());
}

}  // namespace
}  // namespace letapis::web
