// Tests of the sweep for written forms of protected names that extraction did not link.
#include "export/spelling_sweep.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

class SpellingSweepTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher_).ok()); }
  NameMatcher matcher_;
};

TEST_F(SpellingSweepTest, ReplacesEveryScriptAndFormOfAProtectedName) {
  const SpellingSweep sweep(matcher_, {{"Radmila Kuzmenich", "[P1]"}});
  EXPECT_EQ(sweep.Apply("Police detained Радміла Кузьменіч and Ostap Sarnavich."),
            "Police detained [P1] and Ostap Sarnavich.");
  EXPECT_EQ(sweep.Apply("\"No,\" R. Kuzmenich said; KUZMENICH Radmila signed."),
            "\"No,\" [P1] said; [P1] signed.");
  EXPECT_EQ(sweep.Apply("Kuzmenich (Кузьменіч) was fined."), "[P1] ([P1]) was fined.");
  EXPECT_EQ(sweep.Apply("Kuzmenich's lawyer met Кузьменіч’s mother."),
            "[P1]'s lawyer met [P1]’s mother.");
}

TEST_F(SpellingSweepTest, LeavesOtherPeopleAndTextAlone) {
  const SpellingSweep sweep(matcher_, {{"Radmila Kuzmenich", "[P1]"}});
  for (const char* text : {"Police detained Radmila Dubrova in Varensk.",
                           "Oleg Kuzmenko and Marta Kuzmina were searched.", "", "Ü—«»"}) {
    EXPECT_EQ(sweep.Apply(text), text);
  }
  const SpellingSweep none(matcher_, {});
  EXPECT_EQ(none.Apply("Radmila Kuzmenich"), "Radmila Kuzmenich");
}

}  // namespace
}  // namespace letapis
