#include "fetch/robots.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

TEST(RobotsTest, GroupsAndLongestMatch) {
  const RobotsRules rules(
      "# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\n\n"
      "User-agent: OtherBot\nDisallow: /\n",
      "letapis");
  EXPECT_TRUE(rules.Allowed("/news/1.html"));
  EXPECT_FALSE(rules.Allowed("/private/3.html"));
  EXPECT_TRUE(rules.Allowed("/private/open/x"));
}

TEST(RobotsTest, OwnGroupWinsOverStar) {
  const RobotsRules rules("User-agent: *\nDisallow: /\n\nUser-agent: letapis\nDisallow:\n",
                          "letapis");
  EXPECT_TRUE(rules.Allowed("/anything"));
  const RobotsRules blocked("User-agent: Letapis\nUser-agent: x\nDisallow: /a\n", "letapis");
  EXPECT_FALSE(blocked.Allowed("/a/b"));
  EXPECT_TRUE(blocked.Allowed("/b"));
}

TEST(RobotsTest, WildcardsAndAnchors) {
  const RobotsRules rules("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n", "letapis");
  EXPECT_FALSE(rules.Allowed("/files/report.pdf"));
  EXPECT_TRUE(rules.Allowed("/files/report.pdf?x=1"));
  EXPECT_FALSE(rules.Allowed("/search?q=minsk"));
  EXPECT_TRUE(RobotsRules().Allowed("/"));
}

}  // namespace
}  // namespace letapis
