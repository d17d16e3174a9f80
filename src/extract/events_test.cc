#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "extract/extractor_test_util.h"

namespace letapis {
namespace {

TEST(EventsTest, PassiveVoiceWithDateAndPlace) {
  const Extraction x = ExtractText("Andrus Kalina was detained in Vitsebsk on 3 March 2024.");
  const auto events = EventsOf(x, "detention", "Andrus Kalina");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2024-03-03");
  ASSERT_GE(events[0].place, 0);
  EXPECT_EQ(x.entities[events[0].place].name, "Vitsebsk");
  EXPECT_FALSE(events[0].rule.empty());
}

TEST(EventsTest, ActiveVoice) {
  const Extraction x = ExtractText("In Orsha, security forces detained Zmitser Bialou.");
  EXPECT_EQ(EventsOf(x, "detention", "Zmitser Bialou").size(), 1u);
}

TEST(EventsTest, NominalWithOf) {
  const Extraction x = ExtractText("Rights groups condemned the arrest of Hanna Miron.");
  EXPECT_EQ(EventsOf(x, "detention", "Hanna Miron").size(), 1u);
}

TEST(EventsTest, RelativeClause) {
  const Extraction x = ExtractText(
      "Aliaksei Padol, who was arrested in 2021, died in a penal colony.", "2025-05-01");
  const auto events = EventsOf(x, "detention", "Aliaksei Padol");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2021");
}

TEST(EventsTest, RespectivelyDistributesTerms) {
  const Extraction x = ExtractText(
      "A court sentenced Ihar Tsaryk, Olga Paulava and Pavel Shyk to 10, 9 and 7 years "
      "respectively.");
  const auto a = EventsOf(x, "sentence", "Ihar Tsaryk");
  const auto b = EventsOf(x, "sentence", "Olga Paulava");
  const auto c = EventsOf(x, "sentence", "Pavel Shyk");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(a[0].term_months, 120);
  EXPECT_EQ(b[0].term_months, 108);
  EXPECT_EQ(c[0].term_months, 84);
}

TEST(EventsTest, RespectivelyIgnoresArticleNumbersBeforeTheVerb) {
  const Extraction x = ExtractText(
      "Judge Ina Rak found Ihar Tsaryk, Olga Paulava and Pavel Shyk guilty under Part 2 of "
      "Article 342 and Article 361-1 and sentenced them to six, five and four and a half years "
      "respectively.");
  const auto b = EventsOf(x, "sentence", "Olga Paulava");
  const auto c = EventsOf(x, "sentence", "Pavel Shyk");
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(b[0].term_months, 60);
  EXPECT_EQ(c[0].term_months, 54);
}

TEST(EventsTest, TermInWords) {
  const Extraction x =
      ExtractText("Maryia Sidar was sentenced to two and a half years in a penal colony.");
  const auto events = EventsOf(x, "sentence", "Maryia Sidar");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].term_months, 30);
}

TEST(EventsTest, PronounRefersToThePersonOfThePreviousSentence) {
  const Extraction x = ExtractText(
      "Filmmaker Stepan Harbuz left Belarus in 2021. In May he was arrested in Serbia.");
  EXPECT_EQ(EventsOf(x, "detention", "Stepan Harbuz").size(), 1u);
}

TEST(EventsTest, DemandsAreNotFacts) {
  const Extraction x = ExtractText(
      "The group urged the authorities to release Raman Kul. Supporters demand the release of "
      "Ina Vaitsik.");
  EXPECT_TRUE(EventsOf(x, "release", "Raman Kul").empty());
  EXPECT_TRUE(EventsOf(x, "release", "Ina Vaitsik").empty());
}

TEST(EventsTest, RelativeDateResolvedAgainstPublication) {
  const Extraction x = ExtractText("Siarhei Lapo was arrested last October.", "2025-02-10");
  const auto events = EventsOf(x, "detention", "Siarhei Lapo");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2024-10");
}

TEST(EventsTest, SignatoriesAreAdvocates) {
  const Extraction x = ExtractText(
      "More than 40 writers signed an open letter. Signatories include poet Ales Rudak and "
      "novelist Maryna Kolas.");
  EXPECT_EQ(EventsOf(x, "advocacy", "Ales Rudak").size(), 1u);
  EXPECT_EQ(EventsOf(x, "advocacy", "Maryna Kolas").size(), 1u);
}

TEST(EventsTest, YearsSinceCountsBackFromTheSentenceDate) {
  const Extraction x = ExtractText(
      "On 2 May 2026 it will be three years since police arrested the blogger Yan Sharko.");
  const auto events = EventsOf(x, "detention", "Yan Sharko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2023-05-02");
}

TEST(EventsTest, AttributiveYearIsNotTheDate) {
  const Extraction x =
      ExtractText("Among those imprisoned is the 2019 Sakharov Prize winner Ales Varona.");
  const auto events = EventsOf(x, "detention", "Ales Varona");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].date.known());
}

TEST(EventsTest, EachClauseKeepsItsOwnDate) {
  const Extraction x = ExtractText(
      "Ihar Lin was charged in May, while the case against Olga Rak was opened in July.",
      "2025-10-01");
  const auto lin = EventsOf(x, "charge", "Ihar Lin");
  const auto rak = EventsOf(x, "charge", "Olga Rak");
  ASSERT_EQ(lin.size(), 1u);
  ASSERT_EQ(rak.size(), 1u);
  EXPECT_EQ(lin[0].date.ToIso(), "2025-05");
  EXPECT_EQ(rak[0].date.ToIso(), "2025-07");
}

TEST(EventsTest, RoleNounRefersToThePerson) {
  const Extraction x = ExtractText(
      "Documentary maker Andrei Lavor fled to Poland in 2021. Last year the filmmaker was "
      "arrested in Warsaw.",
      "2025-03-01");
  EXPECT_EQ(EventsOf(x, "detention", "Andrei Lavor").size(), 1u);
}

TEST(EventsTest, AdverbsDoNotMakeAPassive) {
  const Extraction x = ExtractText(
      "Blogger Pavel Kaval was arrested in Pinsk. A court later sentenced him to eight years. "
      "Prosecutors accuse him of treason.");
  const auto sentences = EventsOf(x, "sentence", "Pavel Kaval");
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].term_months, 96);
  EXPECT_EQ(EventsOf(x, "charge", "Pavel Kaval").size(), 1u);
}

TEST(EventsTest, LeavingAPrisonIsARelease) {
  const Extraction x = ExtractText(
      "Trade unionist Vasil Hrom left the Mahiliou prison on 28 November. Vasil Hrom left "
      "Minsk for Vilnius a week later.",
      "2025-12-03");
  const auto events = EventsOf(x, "release", "Vasil Hrom");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2025-11-28");
}

TEST(EventsTest, NoContactIsIncommunicado) {
  const Extraction x = ExtractText(
      "Blogger Pavel Sin was taken to Akrestsina. His family has not heard from him since.");
  EXPECT_EQ(EventsOf(x, "incommunicado", "Pavel Sin").size(), 1u);
}

TEST(EventsTest, ColleaguesOfANamedPersonAreNotThatPerson) {
  const Extraction x =
      ExtractText("Reporter Ina Lazar was abroad when her colleagues were arrested.");
  EXPECT_TRUE(EventsOf(x, "detention", "Ina Lazar").empty());
}

TEST(EventsTest, TheAdvocateIsTheSubject) {
  const Extraction x =
      ExtractText("The Nordic Press Council called for the release of Maksim Hlinski on Friday.");
  EXPECT_EQ(EventsOf(x, "advocacy", "Nordic Press Council").size(), 1u);
  EXPECT_TRUE(EventsOf(x, "advocacy", "Maksim Hlinski").empty());
}

TEST(EventsTest, AnExtraditionRequestIsAnEvent) {
  const Extraction x =
      ExtractText("Belarus has asked Lithuania to extradite the activist Yan Barok.");
  EXPECT_EQ(EventsOf(x, "extradition", "Yan Barok").size(), 1u);
}

TEST(EventsTest, QuotedLabelStillDesignates) {
  const Extraction x = ExtractText(
      "On Friday the Ministry of Justice added Ihar Sosna to its register of \"foreign "
      "agents\".");
  EXPECT_EQ(EventsOf(x, "designation", "Ihar Sosna").size(), 1u);
}

TEST(EventsTest, AmongThemNamesThePeopleOfThePreviousSentence) {
  const Extraction x =
      ExtractText("More than 900 people remain in prison. Among them is the journalist Ina Hrak.");
  EXPECT_EQ(EventsOf(x, "detention", "Ina Hrak").size(), 1u);
}

}  // namespace
}  // namespace letapis

namespace letapis {
namespace {

// Fuzz regressions: texts that once made the extractor read out of bounds.
// The name of the event's place, or "" when it has none.
std::string PlaceOf(const Extraction& x, const Event& ev) {
  return ev.place >= 0 ? x.entities[ev.place].name : "";
}

TEST(EventsTest, TheCourtsCityIsTheSentencesPlace) {
  const Extraction x = ExtractText(
      "Lida lies west of Minsk. The Lida District Court sentenced Yanka Marozau, a driver from "
      "Minsk, to three years in a colony in Homiel.");
  const auto events = EventsOf(x, "sentence", "Yanka Marozau");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(PlaceOf(x, events[0]), "Lida");
}

TEST(EventsTest, PrepositionsThatNameThePlaceDependOnTheEvent) {
  const Extraction x = ExtractText(
      "Zoya Lapitskaya, a nurse from Pinsk who was released in April, was forced to leave for "
      "Lithuania. Kanstantsin Sak walked out of the Babruisk prison on 2 May. Viktar Vaida "
      "died in Penal Colony No. 9 in Horki.");
  const auto release = EventsOf(x, "release", "Zoya Lapitskaya");
  ASSERT_EQ(release.size(), 1u);
  EXPECT_EQ(PlaceOf(x, release[0]), "");
  const auto exile = EventsOf(x, "exile", "Zoya Lapitskaya");
  ASSERT_EQ(exile.size(), 1u);
  EXPECT_EQ(PlaceOf(x, exile[0]), "Lithuania");
  const auto left = EventsOf(x, "release", "Kanstantsin Sak");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(PlaceOf(x, left[0]), "Babruisk");
  const auto died = EventsOf(x, "death_in_custody", "Viktar Vaida");
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(PlaceOf(x, died[0]), "Horki");
}

TEST(EventsTest, ATermBeingServedHasNoDateOrPlace) {
  const Extraction x = ExtractText(
      "On 4 June 2025 Ales Hrynko, who is serving a sentence of six years in Penal Colony No. 3 "
      "in Vitsebsk, was moved to a punishment cell.");
  const auto events = EventsOf(x, "sentence", "Ales Hrynko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].term_months, 72);
  EXPECT_FALSE(events[0].date.known());
  EXPECT_EQ(PlaceOf(x, events[0]), "");
}

TEST(EventsTest, TheCountryAskedToExtradite) {
  const Extraction x =
      ExtractText("Belarus has asked Georgia to extradite the blogger Ilya Varon.");
  const auto events = EventsOf(x, "extradition", "Ilya Varon");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(PlaceOf(x, events[0]), "Georgia");
}

TEST(EventsTest, NamesInTheNextParagraphTakeTheAnonymousReportsDateAndPlace) {
  const Extraction x = ExtractText(
      "A court in Lida on Tuesday handed prison terms to two bloggers.\n\n"
      "Judge Ina Rak sentenced Yanka Marozau and Zoya Lapitskaya to four and three years "
      "respectively.",
      "2025-06-05");
  const auto events = EventsOf(x, "sentence", "Zoya Lapitskaya");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2025-06-03");
  EXPECT_EQ(PlaceOf(x, events[0]), "Lida");
}

TEST(EventsTest, TheVerdictsDateInTheNextSentence) {
  const Extraction x = ExtractText(
      "Ales Hrynko was sentenced to five years in a colony. The verdict was read out on 2 April "
      "2025.");
  const auto events = EventsOf(x, "sentence", "Ales Hrynko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2025-04-02");
}

TEST(EventsTest, AStateSinceAYearDatesNoOneNamedAfter) {
  const Extraction x = ExtractText(
      "The group reports that over 1,300 people are imprisoned as political prisoners in Belarus "
      "since 2020. Among those imprisoned are the writer Ales Hrynko.");
  const auto events = EventsOf(x, "detention", "Ales Hrynko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].date.known());
}

TEST(EventsTest, ADemandInThePresentTenseIsDatedByPublication) {
  const Extraction x = ExtractText(
      "The Lakeside Monitoring Group calls on the authorities to free all political prisoners "
      "in Belarus. The Birch Legal Aid Bureau urges the court to release Ales Hrynko.",
      "2025-06-05");
  const auto calls = EventsOf(x, "advocacy", "Lakeside Monitoring Group");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].date.ToIso(), "2025-06-05");
  EXPECT_EQ(PlaceOf(x, calls[0]), "");
  const auto urges = EventsOf(x, "advocacy", "Birch Legal Aid Bureau");
  ASSERT_EQ(urges.size(), 1u);
  EXPECT_EQ(urges[0].date.ToIso(), "2025-06-05");
  const Extraction past = ExtractText(
      "In 2023 the Rivne Watch Collective urged the authorities to release Ales Hrynko.",
      "2025-06-05");
  const auto urged = EventsOf(past, "advocacy", "Rivne Watch Collective");
  ASSERT_EQ(urged.size(), 1u);
  EXPECT_EQ(urged[0].date.ToIso(), "2023");
}

TEST(EventsTest, APerfectTenseWithAnObjectPronounIsActive) {
  const Extraction x = ExtractText(
      "Ales Hrynko was held at a police station. Investigators have charged him with "
      "insulting the president.");
  EXPECT_EQ(EventsOf(x, "charge", "Ales Hrynko").size(), 1u);
}

TEST(EventsTest, ARelativeClauseKeepsItsDateAndPlace) {
  const Extraction x = ExtractText(
      "Ales Hrynko, who fled to Poland in 2022, was sentenced in absentia to six years on 3 "
      "March 2025. Zoya Lapitskaya, who was detained in May, faces charges of insulting the "
      "president.",
      "2025-06-05");
  const auto fled = EventsOf(x, "exile", "Ales Hrynko");
  ASSERT_EQ(fled.size(), 1u);
  EXPECT_EQ(fled[0].date.ToIso(), "2022");
  EXPECT_EQ(PlaceOf(x, fled[0]), "Poland");
  const auto sentence = EventsOf(x, "sentence", "Ales Hrynko");
  ASSERT_EQ(sentence.size(), 1u);
  EXPECT_EQ(sentence[0].date.ToIso(), "2025-03-03");
  EXPECT_EQ(PlaceOf(x, sentence[0]), "");
  const auto charge = EventsOf(x, "charge", "Zoya Lapitskaya");
  ASSERT_EQ(charge.size(), 1u);
  EXPECT_FALSE(charge[0].date.known());
}

TEST(EventsTest, AYearAfterTheQualifiesANoun) {
  const Extraction x =
      ExtractText("Ales Hrynko was detained on Monday over posts about the 2020 street protests.",
                  "2025-06-05");
  const auto events = EventsOf(x, "detention", "Ales Hrynko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2025-06-02");
}

TEST(EventsTest, HasBeenChargedIsAStateWithoutADate) {
  const Extraction x =
      ExtractText("Ales Hrynko has been charged with organising mass riots.", "2025-06-05");
  const auto events = EventsOf(x, "charge", "Ales Hrynko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].date.known());
}

TEST(EventsTest, TheSubjectPastARelativeClauseOrACoordination) {
  const Extraction x = ExtractText(
      "Zoya Lapitskaya, whose drawings of the river were shown in three galleries last year, "
      "walked out of the Babruisk prison on 2 May. Ales Hrynko, a poet who lives in Vilnius, was "
      "stopped at the border on 4 May, questioned for a night and deported to Lithuania.");
  EXPECT_EQ(EventsOf(x, "release", "Zoya Lapitskaya").size(), 1u);
  const auto deported = EventsOf(x, "exile", "Ales Hrynko");
  ASSERT_EQ(deported.size(), 1u);
  EXPECT_EQ(PlaceOf(x, deported[0]), "Lithuania");
}

TEST(EventsTest, TheWomenAreThePeopleNamedTogether) {
  const Extraction x = ExtractText(
      "Zoya Lapitskaya and Ina Rak wrote poems about the river. The women were detained in "
      "Lida in March.",
      "2025-06-05");
  EXPECT_EQ(EventsOf(x, "detention", "Zoya Lapitskaya").size(), 1u);
  EXPECT_EQ(EventsOf(x, "detention", "Ina Rak").size(), 1u);
}

TEST(EventsTest, TheSubjectCallsForAndALaterSentenceDatesAnEarlierMention) {
  const Extraction x = ExtractText(
      "The Lakeside Monitoring Group is shocked by the death in custody of Ales Hrynko, a poet, "
      "and calls for an inquiry. Hrynko died in custody on 2 May in Lida.",
      "2025-06-05");
  EXPECT_EQ(EventsOf(x, "advocacy", "Ales Hrynko").size(), 0u);
  EXPECT_EQ(EventsOf(x, "advocacy", "Lakeside Monitoring Group").size(), 1u);
  const auto died = EventsOf(x, "death_in_custody", "Ales Hrynko");
  ASSERT_EQ(died.size(), 1u);
  EXPECT_EQ(died[0].date.ToIso(), "2025-05-02");
  EXPECT_EQ(PlaceOf(x, died[0]), "Lida");
}

TEST(EventsTest, ATrialOfDescribedPeopleIsNotTheNamedOnes) {
  const Extraction x =
      ExtractText("Ales Hrynko wrote about the trial of the four students from Lida.");
  EXPECT_TRUE(EventsOf(x, "trial", "Ales Hrynko").empty());
}

TEST(EventsTest, ADateAfterASemicolonIsAnotherClauses) {
  const Extraction x =
      ExtractText("Zoya Lapitskaya was held incommunicado for a week; on 9 May her lawyer saw her.",
                  "2025-06-05");
  const auto events = EventsOf(x, "incommunicado", "Zoya Lapitskaya");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].date.known());
}

TEST(EventsTest, APossessorAndTheOneItNamesAreNotAList) {
  const Extraction x = ExtractText(
      "Zoya Lapitskaya and Ales Hrynko ran a cycling club. Hrynko's lawyer, Ina Rak, spoke to "
      "reporters. The two were detained in May.",
      "2025-06-05");
  EXPECT_EQ(EventsOf(x, "detention", "Zoya Lapitskaya").size(), 1u);
  EXPECT_TRUE(EventsOf(x, "detention", "Ina Rak").empty());
}

TEST(EventsTest, ARelativeClauseAfterARequestIsAFact) {
  const Extraction x = ExtractText(
      "Belarus has asked Georgia to extradite the blogger Ilya Varon, who was detained in "
      "Batumi on 2 May. Ales Hrynko was serving five years under Article 361.");
  const auto detained = EventsOf(x, "detention", "Ilya Varon");
  ASSERT_EQ(detained.size(), 1u);
  EXPECT_EQ(PlaceOf(x, detained[0]), "Batumi");
  const auto serving = EventsOf(x, "sentence", "Ales Hrynko");
  ASSERT_EQ(serving.size(), 1u);
  EXPECT_EQ(serving[0].term_months, 60);
}

TEST(EventsTest, TheSubjectAfterAnOpeningPhraseCallsFor) {
  const Extraction x = ExtractText(
      "In a statement on Friday the Lakeside Monitoring Group called the verdict unjust and "
      "urged the court to free Ales Hrynko.",
      "2025-06-07");
  EXPECT_EQ(EventsOf(x, "advocacy", "Lakeside Monitoring Group").size(), 1u);
  EXPECT_TRUE(EventsOf(x, "advocacy", "Ales Hrynko").empty());
}

TEST(EventsTest, AnOpeningInPlaceFramesTheWholeSentence) {
  const Extraction x = ExtractText(
      "In Lida, officers of the local police department detained the teacher Ales Hrynko at "
      "dawn and held him incommunicado for three days.");
  const auto events = EventsOf(x, "incommunicado", "Ales Hrynko");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(PlaceOf(x, events[0]), "Lida");
}

TEST(EventsTest, AmongThemAfterAnActorPardonedCountedPeople) {
  const Extraction x = ExtractText(
      "On 3 April President Ivan Loika pardoned 40 people convicted of insulting officials. "
      "Among them was the blogger Zoya Lapitskaya.",
      "2025-06-05");
  const auto events = EventsOf(x, "pardon", "Zoya Lapitskaya");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToIso(), "2025-04-03");
  EXPECT_TRUE(EventsOf(x, "sentence", "Zoya Lapitskaya").empty());
}

TEST(EventsTest, TriggerAtTheEndOfTheText) {
  EXPECT_NO_FATAL_FAILURE(ExtractText("Ihar Lin was detained"));
  EXPECT_NO_FATAL_FAILURE(ExtractText("the detention"));
  EXPECT_NO_FATAL_FAILURE(ExtractText("\n\n\"\n"));
  std::ifstream in(
      std::string(LETAPIS_SOURCE_DIR) + "/src/extract/testdata/crash-trigger-at-end.txt",
      std::ios::binary);
  ASSERT_TRUE(in.good());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  DecodedText decoded;
  if (DecodeText(text, "", &decoded).ok()) {
    EXPECT_NO_FATAL_FAILURE(ExtractText(decoded.text));
  }
}

}  // namespace
}  // namespace letapis
