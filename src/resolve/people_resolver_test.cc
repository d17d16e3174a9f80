#include <map>

#include <gtest/gtest.h>

#include "letapis/people.h"

namespace letapis {
namespace {

class PeopleResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    matcher_ = new NameMatcher();
    ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, matcher_).ok());
  }
  static void TearDownTestSuite() { delete matcher_; }

  // A mention of `name` in report `source` next to the given people and bodies.
  static PersonMention Mention(int64_t entity, int64_t source, std::string name,
                               std::vector<std::string> co_people = {},
                               std::vector<std::string> co_bodies = {}) {
    PersonMention m;
    m.entity_id = entity;
    m.source_id = source;
    m.name = std::move(name);
    m.co_people = std::move(co_people);
    m.co_bodies = std::move(co_bodies);
    return m;
  }

  // entity id -> person id after resolving `mentions` in order.
  static std::map<int64_t, int64_t> Resolve(const std::vector<PersonMention>& mentions,
                                            const std::vector<Judgement>& judgements = {}) {
    PeopleResolver resolver(*matcher_, judgements);
    for (const PersonMention& m : mentions) resolver.Resolve(m);
    std::map<int64_t, int64_t> out;
    for (const PersonAssignment& a : resolver.Changes()) out[a.entity_id] = a.person_id;
    return out;
  }

  static NameMatcher* matcher_;
};

NameMatcher* PeopleResolverTest::matcher_ = nullptr;

TEST_F(PeopleResolverTest, OnePersonAcrossScriptsAndSpellings) {
  auto p =
      Resolve({Mention(1, 1, "Ales Bialiatski"), Mention(2, 2, "Алесь Бяляцкі"),
               Mention(3, 3, "Ales Byalyatski"), Mention(4, 4, "Алесь Беляцкий"),
               Mention(5, 5, "Valentin Stefanovich"), Mention(6, 6, "Valiantsin Stefanovich")});
  EXPECT_NE(p[1], 0);
  EXPECT_EQ(p[2], p[1]);
  EXPECT_EQ(p[3], p[1]);
  EXPECT_EQ(p[4], p[1]);
  EXPECT_NE(p[5], p[1]);
  EXPECT_EQ(p[6], p[5]);
}

TEST_F(PeopleResolverTest, RelativesAndGenderFormsStayApart) {
  auto p =
      Resolve({Mention(1, 1, "Siarhei Tsikhanouski"), Mention(2, 1, "Sviatlana Tsikhanouskaya"),
               Mention(3, 2, "Viktar Babaryka"), Mention(4, 2, "Eduard Babaryka")});
  EXPECT_NE(p[1], p[2]);
  EXPECT_NE(p[3], p[4]);
  EXPECT_NE(p[3], 0);
  EXPECT_NE(p[4], 0);
}

TEST_F(PeopleResolverTest, SharedContextPicksAmongNamesakes) {
  auto p = Resolve({
      Mention(1, 1, "Vladimir Vladimirovich Kara-Murza", {}, {"Open Russia"}),
      Mention(2, 2, "Vladimir Alekseevich Kara-Murza", {}, {"Moscow Evening News"}),
      Mention(3, 3, "Vladimir Kara-Murza", {}, {"Open Russia"}),
      Mention(4, 4, "Vladimir Kara-Murza", {}, {"Memorial"}),
  });
  EXPECT_NE(p[1], p[2]);
  EXPECT_EQ(p[3], p[1]);  // the son's organisation decides
  EXPECT_EQ(p[4], 0);     // nothing decides: left unassigned rather than guessed
}

TEST_F(PeopleResolverTest, SurnameAloneNeedsSharedContextAndNeverStartsAPerson) {
  auto p = Resolve({
      Mention(1, 1, "Viktar Babaryka", {"Maria Kalesnikava"}, {"Belgazprombank"}),
      Mention(2, 2, "Eduard Babaryka", {}, {"Teleskop"}),
      Mention(3, 3, "Babaryka", {}, {"Belgazprombank"}),
      Mention(4, 4, "Babaryka", {}, {"Viasna"}),
      Mention(5, 5, "Kalesnikava"),
  });
  EXPECT_EQ(p[3], p[1]);
  EXPECT_EQ(p[4], 0);
  EXPECT_EQ(p[5], 0);
}

TEST_F(PeopleResolverTest, JudgementsJoinSeparateAndMerge) {
  const std::vector<Judgement> judgements = {
      {1, "Maria Kolesnikova", "Maryja Kalesnikava", "same", "editor", "", ""},
      {2, "Maryia Kalesnikava", "Maria Kalesnikava", "different", "editor", "", ""},
      {3, "Anna Pseudonym", "Maria Kolesnikova", "same", "editor", "", "pen name"},
  };
  auto p = Resolve({Mention(1, 1, "Anna Pseudonym"), Mention(2, 2, "Maria Kolesnikova"),
                    Mention(3, 3, "Maria Kalesnikava"), Mention(4, 4, "Maryia Kalesnikava")},
                   judgements);
  EXPECT_EQ(p[2], p[1]);  // the pen name, by judgement, though no name rule links them
  EXPECT_NE(p[4], p[3]);  // judged different though the names fit
  // The later "same" verdict on a pair overrides an earlier "different" one.
  std::vector<Judgement> reversed = judgements;
  reversed.push_back({4, "Maria Kalesnikava", "Maryia Kalesnikava", "same", "editor", "", ""});
  auto q =
      Resolve({Mention(1, 1, "Maria Kalesnikava"), Mention(2, 2, "Maryia Kalesnikava")}, reversed);
  EXPECT_EQ(q[1], q[2]);
}

TEST_F(PeopleResolverTest, JudgementLinkingTwoPeopleMergesThem) {
  // "Nina Alias" and "Nina Realname" start apart; a third mention judged the same as both
  // merges the two people.
  const std::vector<Judgement> judgements = {
      {1, "Nina Alias", "Nina Realname", "same", "editor", "", ""},
  };
  PeopleResolver resolver(*matcher_, judgements);
  resolver.Resolve(Mention(1, 1, "Nina Realname"));
  resolver.Resolve(Mention(2, 2, "Nina Alias"));
  std::map<int64_t, int64_t> p;
  for (const PersonAssignment& a : resolver.Changes()) p[a.entity_id] = a.person_id;
  EXPECT_EQ(p[1], p[2]);
}

TEST_F(PeopleResolverTest, IncrementalEqualsOneBatchAndKeepsIds) {
  const std::vector<PersonMention> first = {Mention(1, 1, "Ales Bialiatski"),
                                            Mention(2, 1, "Valiantsin Stefanovich")};
  PeopleResolver batch(*matcher_, {});
  for (const PersonMention& m : first) batch.Resolve(m);
  std::vector<PersonMention> stored = first;
  for (const PersonAssignment& a : batch.Changes()) {
    for (PersonMention& m : stored) {
      if (m.entity_id == a.entity_id) {
        m.person_id = a.person_id;
        m.resolved = true;
      }
    }
  }
  PeopleResolver later(*matcher_, {});
  for (const Person& p : batch.Touched()) later.AddPerson(p);
  for (const PersonMention& m : stored) later.AddResolved(m);
  later.Resolve(Mention(3, 2, "Алесь Бяляцкі"));
  later.Resolve(Mention(4, 2, "Nasta Loika"));
  const auto changes = later.Changes();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].person_id, stored[0].person_id);
  EXPECT_NE(changes[1].person_id, stored[0].person_id);
  EXPECT_NE(changes[1].person_id, stored[1].person_id);
  EXPECT_NE(changes[0].why.find("fits #"), std::string::npos) << changes[0].why;
}

TEST_F(PeopleResolverTest, ListedPeopleAttractOtherSpellings) {
  Person listed;
  listed.id = 7;
  listed.name = "Ihar Losik";
  listed.names = {"Ihar Losik", "Игорь Лосик"};
  listed.origin = "list";
  PeopleResolver resolver(*matcher_, {});
  resolver.AddPerson(listed);
  resolver.Resolve(Mention(1, 1, "Igor Losik"));
  resolver.Resolve(Mention(2, 1, "Ігар Лосік"));
  for (const PersonAssignment& a : resolver.Changes()) EXPECT_EQ(a.person_id, 7) << a.why;
}

}  // namespace
}  // namespace letapis
