// Tests of StatisticsCache on a real store: the same figures while the store is unchanged,
// computed afresh after an ingest and after a reviewer rejects a figure.
#include "web/statistics_cache.h"
#include "store/store_test_fixture.h"

namespace letapis::web {
namespace {

class StatisticsCacheTest : public StoreFixture {
 protected:
  // Stores a report `name` whose one claim is `value` political prisoners as of `as_of`.
  void AddReport(const std::string& name, const std::string& text, double value,
                 const PartialDate& as_of) {
    SourceMeta meta;
    meta.name = name;
    meta.format = "txt";
    Document doc;
    ASSERT_TRUE(MakeDocument(text, meta, &doc).ok());
    Extraction x;
    Claim claim;
    claim.value = value;
    claim.category = "political_prisoners";
    claim.as_of = as_of;
    claim.evidence = {0, static_cast<uint32_t>(doc.text.size())};
    claim.rule = "claim.test";
    x.claims.push_back(claim);
    bool added = false;
    Status s = store_->AddReport(doc, x, "tester", &added);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE(added);
  }

  std::shared_ptr<const std::vector<StatisticPoint>> Get() {
    std::shared_ptr<const std::vector<StatisticPoint>> points;
    Status s = cache_.Get(store_.get(), &points);
    EXPECT_TRUE(s.ok()) << s.message();
    return points;
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
  ReviewAction reject;
  reject.kind = "claim";
  reject.id = claims[0].id;
  reject.action = "reject";
  reject.actor = "editor";
  ASSERT_TRUE(store_->ReviewFact(reject, nullptr).ok());
  const auto third = Get();
  ASSERT_EQ(third->size(), 1u);  // the rejected figure is left out
  EXPECT_NE(third->front().value, claims[0].value);
}

}  // namespace
}  // namespace letapis::web
