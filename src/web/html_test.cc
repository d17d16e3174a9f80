#include "web/html.h"

#include <gtest/gtest.h>

#include "letapis/search.h"
#include "web/app.h"
#include "web/rate_limit.h"
#include "web/server.h"

namespace letapis::web {
namespace {

TEST(HtmlTest, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(Escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(Escape("Алесь"), "Алесь");
}

TEST(HtmlTest, HighlightsSnippetsSafely) {
  const std::string snippet =
      std::string("a <b>") + kHitOpen + "Карпенку" + kHitClose + " & " + kHitOpen + "x" + kHitClose;
  EXPECT_EQ(HighlightSnippet(snippet), "a &lt;b&gt;<mark>Карпенку</mark> &amp; <mark>x</mark>");
}

TEST(HtmlTest, UrlEncodesEverythingButUnreserved) {
  EXPECT_EQ(UrlEncode("a b/\"<"), "a%20b%2F%22%3C");
  EXPECT_EQ(UrlEncode("Я"), "%D0%AF");
}

TEST(HtmlTest, PagesCarryNoInlineScriptOrStyle) {
  Viewer viewer{User{1, "<b>x</b>", "admin", ""}, "token"};
  const std::string page = Page(viewer, "/", "T<i>", "<p>body</p>");
  EXPECT_EQ(page.find("<b>x</b>"), std::string::npos);
  EXPECT_EQ(page.find("T<i>"), std::string::npos);
  EXPECT_EQ(page.find("style="), std::string::npos);
  EXPECT_NE(page.find("<script src=\"/static/app.js\" defer></script>"), std::string::npos);
  const std::string chart =
      BarChart({{"2025-01", 3}, {"<x>", 1}}, "c") + LineChart({{"a", 1}}, "d");
  EXPECT_EQ(chart.find("style="), std::string::npos);
  EXPECT_EQ(chart.find("<x>"), std::string::npos);
}

TEST(RateLimiterTest, BlocksAfterTooManyFailuresWithinTheWindow) {
  RateLimiter limiter(3, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.Allowed("u", 100));
    limiter.Fail("u", 100 + i);
  }
  EXPECT_FALSE(limiter.Allowed("u", 110));
  EXPECT_TRUE(limiter.Allowed("other", 110));
  EXPECT_TRUE(limiter.Allowed("u", 161));  // the first failure left the window
  limiter.Clear("u");
  EXPECT_TRUE(limiter.Allowed("u", 110));
}

TEST(RoutesTest, OnlyLoginAndStaticFilesArePublicAndChangesNeedAnEditor) {
  for (const Route& r : AllRoutes()) {
    if (r.access == Access::kPublic) {
      EXPECT_TRUE(r.pattern == "/login" || r.pattern.rfind("/static/", 0) == 0) << r.pattern;
      continue;
    }
    EXPECT_GE(r.min_rank, 1) << r.pattern;
    if (r.method != "GET" && r.pattern != "/logout") {
      EXPECT_GE(r.min_rank, 2) << r.pattern;
    }
    EXPECT_EQ(r.access == Access::kApi, r.pattern.rfind("/api/", 0) == 0) << r.pattern;
  }
}

TEST(SecurityHeadersTest, ForbidInlineCodeAndFraming) {
  WebResponse r;
  AddSecurityHeaders(&r);
  std::string csp;
  for (const auto& [k, v] : r.headers) {
    if (k == "Content-Security-Policy") csp = v;
  }
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
}

}  // namespace
}  // namespace letapis::web
