// Tests of the public site's lists and filters, and of its routes and frame.
#include "web/public_view.h"

#include <gtest/gtest.h>

#include "web/html.h"
#include "web/public_site.h"

namespace letapis::web {
namespace {

using nlohmann::json;

json Event(const std::string& type, const std::string& date, json who, const std::string& place) {
  return {{"type", type},
          {"who", std::move(who)},
          {"date", date.empty() ? json() : json(date)},
          {"place", place},
          {"term_months", nullptr},
          {"article", ""},
          {"modality", "asserted"},
          {"evidence", type + " evidence"}};
}

// Two reports: the second names a protected person (already a pseudonym, as
// PublicRecord publishes it) and has a quote and a figure.
PublicView TwoReports() {
  PublicView view;
  view.records.push_back({{"title", "First"},
                          {"publisher", "Monitor"},
                          {"url", "https://example.org/1"},
                          {"published", "2025-03-02"},
                          {"events",
                           {Event("detention", "2025-02-10", {"Ales Dubrovich"}, "Varensk"),
                            Event("sentence", "2025-03-01",
                                  {"Ales Dubrovich", "Protected person 0a1b2c3d4e"}, "Varensk")}},
                          {"claims", json::array()},
                          {"quotes", json::array()}});
  view.records.push_back(
      {{"title", "Second"},
       {"publisher", nullptr},
       {"url", ""},
       {"published", nullptr},
       {"events",
        {Event("search", "", {"Protected person 0a1b2c3d4e"}, "Dolmira"),
         Event("detention", "2025-03-20", {nullptr}, "Dolmira")}},
       {"claims",
        {{{"value", 12},
          {"qualifier", "at_least"},
          {"category", "political_prisoners"},
          {"what", "prisoners"},
          {"as_of", "2025-03-01"},
          {"source", "Protected person 0a1b2c3d4e"},
          {"evidence", "twelve"}}}},
       {"quotes", {{{"speaker", "Protected person 0a1b2c3d4e"}, {"text", "We were there."}}}}});
  return view;
}

std::vector<std::string> Types(const std::vector<PublicFact>& facts) {
  std::vector<std::string> out;
  for (const PublicFact& f : facts) out.push_back(JsonString(*f.fact, "type"));
  return out;
}

TEST(PublicViewTest, ListsFactsOfEveryRecordInOrder) {
  const PublicView view = TwoReports();
  EXPECT_EQ(Types(PublicFacts(view, "events")),
            (std::vector<std::string>{"detention", "sentence", "search", "detention"}));
  EXPECT_EQ(PublicFacts(view, "claims").size(), 1u);
  EXPECT_EQ(PublicFacts(view, "quotes").size(), 1u);
  EXPECT_TRUE(PublicFacts(view, "nonsense").empty());
}

TEST(PublicViewTest, FiltersEvents) {
  const PublicView view = TwoReports();
  EXPECT_EQ(Types(FilterPublicEvents(view, {"detention", "", "", "", ""})),
            (std::vector<std::string>{"detention", "detention"}));
  // `to` by prefix: "2025-03" includes 2025-03-20; undated events fail any bound.
  EXPECT_EQ(Types(FilterPublicEvents(view, {"", "2025-03", "2025-03", "", ""})),
            (std::vector<std::string>{"sentence", "detention"}));
  EXPECT_EQ(Types(FilterPublicEvents(view, {"", "", "2025-02-28", "", ""})),
            (std::vector<std::string>{"detention"}));
  EXPECT_EQ(Types(FilterPublicEvents(view, {"", "", "", "dolMIRA", ""})),
            (std::vector<std::string>{"search", "detention"}));
  EXPECT_EQ(Types(FilterPublicEvents(view, {"", "", "", "", "protected PERSON"})),
            (std::vector<std::string>{"sentence", "search"}));
  EXPECT_TRUE(FilterPublicEvents(view, {"", "", "", "", "nobody"}).empty());
}

TEST(PublicViewTest, PeopleAreParticipantsUnderTheirPublishedNames) {
  const std::vector<PublicPerson> people = PublicPeople(TwoReports(), "");
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].name, "Ales Dubrovich");
  EXPECT_EQ(people[0].events, 2);
  EXPECT_EQ(people[0].reports, 1);
  EXPECT_EQ(people[1].name, "Protected person 0a1b2c3d4e");
  EXPECT_EQ(people[1].events, 2);
  EXPECT_EQ(people[1].reports, 2);
  ASSERT_EQ(PublicPeople(TwoReports(), "dubro").size(), 1u);
}

TEST(PublicViewTest, DossierCollectsEventsFiguresAndQuotesOfOneName) {
  const PublicView view = TwoReports();
  const PublicDossier d = BuildPublicDossier(view, "Protected person 0a1b2c3d4e");
  // Undated first (sorted by date text), then by date.
  EXPECT_EQ(Types(d.events), (std::vector<std::string>{"search", "sentence"}));
  ASSERT_EQ(d.claims.size(), 1u);
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(JsonString(*d.quotes[0].fact, "text"), "We were there.");
  const PublicDossier none = BuildPublicDossier(view, "Protected person");
  EXPECT_TRUE(none.events.empty() && none.claims.empty() && none.quotes.empty());
}

TEST(PublicViewTest, CountsEventsPerMonthAndCarriesProvenance) {
  const PublicView view = TwoReports();
  EXPECT_EQ(PublicEventsPerMonth(view),
            (std::map<std::string, int>{{"2025-02", 1}, {"2025-03", 2}}));
  const json j = PublicFactJson(PublicFacts(view, "events")[0]);
  EXPECT_EQ(j["type"], "detention");
  EXPECT_EQ(j["report"]["title"], "First");
  EXPECT_EQ(j["report"]["url"], "https://example.org/1");
  EXPECT_FALSE(j["report"].contains("name"));
}

TEST(PublicViewTest, JsonStringToleratesNullsAndOtherTypes) {
  const json j = {{"a", "x"}, {"b", nullptr}, {"c", 3}};
  EXPECT_EQ(JsonString(j, "a"), "x");
  EXPECT_EQ(JsonString(j, "b"), "");
  EXPECT_EQ(JsonString(j, "c"), "");
  EXPECT_EQ(JsonString(j, "d"), "");
  EXPECT_EQ(JsonString(json::array(), "a"), "");
}

TEST(PublicSiteTest, EveryRouteIsAPublicGet) {
  const std::vector<Route> routes = PublicRoutes();
  EXPECT_GE(routes.size(), 9u);
  for (const Route& r : routes) {
    EXPECT_EQ(r.method, "GET") << r.pattern;
    EXPECT_EQ(r.access, Access::kPublic) << r.pattern;
    for (const char* staff : {"/login", "/users", "/upload", "/review", "/reports", "/search",
                              "/export", "/facts", "/api/v1/ingest", "/api/v1/events"}) {
      EXPECT_NE(r.pattern.rfind(staff, 0), 0u) << r.pattern;
    }
  }
}

TEST(PublicSiteTest, PublicFrameHasNoAccountNorForms) {
  const std::string page = PublicPage("/events", "T<i>", "<p>body</p>");
  EXPECT_EQ(page.find("T<i>"), std::string::npos);
  EXPECT_EQ(page.find("<form"), std::string::npos);
  EXPECT_EQ(page.find("/login"), std::string::npos);
  EXPECT_EQ(page.find("/review"), std::string::npos);
  EXPECT_NE(page.find("aria-current=\"page\">Events"), std::string::npos);
  EXPECT_NE(page.find("<p>body</p>"), std::string::npos);
}

}  // namespace
}  // namespace letapis::web
