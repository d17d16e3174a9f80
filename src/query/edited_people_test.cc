// People in a store: the list with report counts, and a reviewer's edit of an event's
// people moving the event between dossiers through re-extraction and re-resolution.
#include "letapis/person_lookup.h"
#include "letapis/resolution.h"
#include "store/store_test_fixture.h"

namespace letapis {
namespace {

class EditedPeopleTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher_).ok());
  }

  void Add(const std::string& name, const std::string& text) {
    AddText(name, text);
    Resolve(false);
  }

  void Resolve(bool full) {
    ResolutionSummary summary;
    ASSERT_TRUE(ResolvePeople(store_.get(), matcher_, full, "test", &summary).ok());
  }

  // The event types of the dossier of the one person called `name`.
  std::vector<std::string> Steps(const std::string& name) {
    std::vector<Person> people;
    EXPECT_TRUE(FindPeople(store_.get(), matcher_, name, &people).ok());
    EXPECT_EQ(people.size(), 1u) << name;
    if (people.size() != 1) return {};
    Dossier d;
    EXPECT_TRUE(BuildPersonDossier(store_.get(), people[0], {}, &d).ok());
    std::vector<std::string> out;
    for (const DossierStep& s : d.timeline) out.push_back(s.type + " " + s.report);
    return out;
  }

  NameMatcher matcher_;
};

TEST_F(EditedPeopleTest, TheEventMovesToTheRightDossier) {
  Add("court.txt",
      "On 12 April 2025 the court in Brest sentenced Olga Kavalenka to five years in prison.");
  Add("raid.txt",
      "On 3 March 2025 police detained Ivan Marchuk in Hrodna; his colleague was at home.");
  const std::vector<std::string> detained = {"detention raid.txt"};
  ASSERT_EQ(Steps("Ivan Marchuk"), detained);
  ASSERT_EQ(Steps("Olga Kavalenka"), std::vector<std::string>{"sentence court.txt"});

  // The rules named the wrong person: a reviewer names the right one, who is not named in
  // that report, then resolution places the new entity.
  FactFilter filter;
  filter.type = "detention";
  std::vector<FactRow> rows;
  ASSERT_TRUE(store_->ListFacts(filter, &rows, nullptr).ok());
  ASSERT_EQ(rows.size(), 1u);
  ReviewAction edit;
  edit.kind = "event";
  edit.id = rows[0].id;
  edit.action = "edit";
  edit.actor = "ana";
  edit.people = std::vector<std::string>{"Olga Kavalenka"};
  ASSERT_TRUE(store_->ReviewFact(edit, nullptr).ok());
  Resolve(false);
  const std::vector<std::string> both = {"detention raid.txt", "sentence court.txt"};
  EXPECT_EQ(Steps("Olga Kavalenka"), both);
  EXPECT_TRUE(Steps("Ivan Marchuk").empty());

  // Re-extraction rewrites every entity; the edit comes back and resolution follows.
  StoredReport raid;
  ASSERT_TRUE(store_->FindReport("raid.txt", &raid).ok());
  ReextractStats stats;
  ASSERT_TRUE(
      store_->ReplaceExtraction(raid.id, extractor_.Run(raid.document), "test", &stats).ok());
  EXPECT_EQ(stats.decisions_applied, 1);
  Resolve(true);
  EXPECT_EQ(Steps("Olga Kavalenka"), both);
  EXPECT_TRUE(Steps("Ivan Marchuk").empty());
}

TEST_F(EditedPeopleTest, PeopleAreListedWithTheReportsThatNameThem) {
  Add("one.txt", "On 3 March 2025 police detained Ivan Marchuk in Hrodna.");
  Add("two.txt", "Ivan Marchuk and Olga Kavalenka were sentenced in Brest on 12 April 2025.");
  Add("three.txt", "Ivan Marchuk was released on 1 June 2025, his lawyer said.");
  std::vector<PersonListing> people;
  ASSERT_TRUE(ListPeopleWithReports(store_.get(), "", &people).ok());
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].person.name, "Ivan Marchuk");  // the most reported first
  EXPECT_EQ(people[0].reports, 3u);                  // in either script
  EXPECT_EQ(people[1].person.name, "Olga Kavalenka");
  EXPECT_EQ(people[1].reports, 1u);
  ASSERT_TRUE(ListPeopleWithReports(store_.get(), "kavalen", &people).ok());
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].person.name, "Olga Kavalenka");
  std::vector<int64_t> reports;
  ASSERT_TRUE(store_->ListReportsOfPerson(people[0].person.id, &reports).ok());
  EXPECT_EQ(reports.size(), 1u);
}

}  // namespace
}  // namespace letapis
