// Tests of StatisticsRefresher: the figures are computed once at the start, before any page
// asks, and the refresher stops when it goes out of scope.
#include "web/statistics_refresher.h"

#include "store/store_test_fixture.h"

namespace letapis::web {
namespace {

class StatisticsRefresherTest : public StoreFixture {};

TEST_F(StatisticsRefresherTest, ComputesTheFiguresOnceAtTheStartAndStops) {
  AddText("march.txt", "On 1 March 2025 there were 1,150 political prisoners, the centre said.");
  App app;
  app.store = std::move(store_);
  { StatisticsRefresher refresher(app, std::chrono::hours(1)); }
  EXPECT_EQ(app.statistics.full_computations(), 1u);
  std::shared_ptr<const std::vector<StatisticPoint>> points;
  ASSERT_TRUE(app.statistics.Get(app.store.get(), &points).ok());
  EXPECT_EQ(app.statistics.full_computations(), 1u);  // nothing changed since
  store_ = std::move(app.store);
}

}  // namespace
}  // namespace letapis::web
