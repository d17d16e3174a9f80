#include "letapis/names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace letapis {
namespace {

class NamesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    matcher_ = new NameMatcher();
    const Status s = NameMatcher::Load(LETAPIS_DATA_DIR, matcher_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static void TearDownTestSuite() {
    delete matcher_;
    matcher_ = nullptr;
  }

  static bool Same(std::string_view a, std::string_view b) {
    const NameMatcher::Match m = matcher_->Compare(a, b);
    const NameMatcher::Match r = matcher_->Compare(b, a);
    EXPECT_EQ(m.same, r.same) << a << " | " << b << ": not symmetric";
    return m.same;
  }
  static std::string Why(std::string_view a, std::string_view b) {
    return matcher_->Compare(a, b).why;
  }

  static NameMatcher* matcher_;
};

NameMatcher* NamesTest::matcher_ = nullptr;

TEST_F(NamesTest, ParsesGivenPatronymicSurname) {
  const auto p = matcher_->Parse("Siarhiej Leanidavič Cichanoŭski");
  EXPECT_EQ(p.given, std::vector<std::string>{"siarhiej"});
  EXPECT_EQ(p.patronymic, "leanidavich");
  EXPECT_EQ(p.surname, "cichanouski");
  EXPECT_EQ(p.suffix, "");
}

TEST_F(NamesTest, ParsesCyrillicInReadableLatin) {
  const auto be = matcher_->Parse("Алесь Бяляцкі");
  EXPECT_EQ(be.given, std::vector<std::string>{"ales"});
  EXPECT_EQ(be.surname, "bialiatski");
  const auto ru = matcher_->Parse("Светла́на Гео́ргиевна Тихано́вская");
  EXPECT_EQ(ru.given, std::vector<std::string>{"svetlana"});
  EXPECT_EQ(ru.patronymic, "georgievna");
  EXPECT_EQ(ru.surname, "tikhanovskaya");
}

TEST_F(NamesTest, ParsesSurnameFirstOrders) {
  EXPECT_EQ(matcher_->Parse("BIALIATSKI, Ales").surname, "bialiatski");
  EXPECT_EQ(matcher_->Parse("LOIKA Nasta").surname, "loika");
  EXPECT_EQ(matcher_->Parse("Стэфановіч Валянцін").surname, "stefanovich");
  EXPECT_EQ(matcher_->Parse("Bialiatski Ales").surname, "bialiatski");
  const auto p = matcher_->Parse("Dedok Nikolay Aleksandrovich");
  EXPECT_EQ(p.surname, "dedok");
  EXPECT_EQ(p.given, std::vector<std::string>{"nikolay"});
  EXPECT_EQ(p.patronymic, "aleksandrovich");
  const auto q = matcher_->Parse("Пальчис, Эдуард Александрович");
  EXPECT_EQ(q.surname, "palchis");
  EXPECT_EQ(q.patronymic, "aleksandrovich");
}

TEST_F(NamesTest, ParsesInitialsSuffixesAndHyphens) {
  const auto a = matcher_->Parse("А.Г. Лукашенко");
  EXPECT_EQ(a.given, std::vector<std::string>{"a"});
  EXPECT_EQ(a.patronymic, "g");
  EXPECT_EQ(a.surname, "lukashenko");
  const auto v = matcher_->Parse("Vladimir V. Kara-Murza");
  EXPECT_EQ(v.given, std::vector<std::string>{"vladimir"});
  EXPECT_EQ(v.patronymic, "v");
  EXPECT_EQ(v.surname, "kara-murza");
  const auto jr = matcher_->Parse("Vladimir Kara-Murza Jr.");
  EXPECT_EQ(jr.suffix, "jr");
  EXPECT_EQ(jr.surname, "kara-murza");
  EXPECT_EQ(matcher_->Parse("Labkovich U. M.").surname, "labkovich");
}

TEST_F(NamesTest, PhoneticKeyEqualAcrossTransliterations) {
  const std::string key = matcher_->PhoneticKey("Tsikhanouski");
  EXPECT_FALSE(key.empty());
  for (const char* s : {"Tikhanovsky", "Тихановский", "Ціханоўскі", "Cichanoŭski"}) {
    EXPECT_EQ(matcher_->PhoneticKey(s), key) << s;
  }
  EXPECT_EQ(matcher_->PhoneticKey("Kalesnikava"), matcher_->PhoneticKey("Kolesnikova"));
  EXPECT_EQ(matcher_->PhoneticKey("Lukashenka"), matcher_->PhoneticKey("Лукашенко"));
}

TEST_F(NamesTest, PhoneticKeysListEveryReading) {
  // "ch" in an English-style spelling is ч first, but may be х (Czech-style Zacharanka).
  const std::vector<std::string> keys = matcher_->PhoneticKeys("Zacharanka");
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys.front(), matcher_->PhoneticKey("Zacharanka"));
  EXPECT_NE(std::find(keys.begin(), keys.end(), matcher_->PhoneticKey("Zakharanka")), keys.end());
  EXPECT_EQ(matcher_->PhoneticKeys("Kara-Murza"), std::vector<std::string>{"kr-mrs"});
}

TEST_F(NamesTest, PhoneticKeySeparatesGenderForms) {
  EXPECT_NE(matcher_->PhoneticKey("Tsikhanouski"), matcher_->PhoneticKey("Tsikhanouskaya"));
  EXPECT_NE(matcher_->PhoneticKey("Navalny"), matcher_->PhoneticKey("Navalnaya"));
  EXPECT_EQ(matcher_->PhoneticKey("Tsikhanouskaya"), matcher_->PhoneticKey("Cichanouska"));
}

TEST_F(NamesTest, ScriptVariantsMatch) {
  EXPECT_TRUE(Same("Ales Bialiatski", "Алесь Бяляцкі"));
  EXPECT_TRUE(Same("Ales Bialiatski", "Алесь Беляцкий"));
  EXPECT_TRUE(Same("Siarhei Tsikhanouski", "Сергей Тихановский"));
}

TEST_F(NamesTest, TransliterationVariantsMatch) {
  EXPECT_TRUE(Same("Ales Bialiatski", "Ales Byalyatski"));
  EXPECT_TRUE(Same("Ales Bialiatski", "Aleś Bialacki"));
  EXPECT_TRUE(Same("Valentin Stefanovich", "Valiantsin Stefanovich"));
  EXPECT_TRUE(Same("Swetlana Tichanowskaja", "Sviatlana Tsikhanouskaya"));
  EXPECT_TRUE(Same("Stanislau Szuszkiewicz", "Stanislav Shushkevich"));
}

TEST_F(NamesTest, PatronymicAndInitials) {
  EXPECT_TRUE(Same("Ales Bialiatski", "Alieś Viktaravič Bialiacki"));
  EXPECT_TRUE(Same("U. M. Labkovich", "Uladzimir Labkovich"));
  EXPECT_TRUE(Same("А.Г. Лукашенко", "Alexander Grigoryevich Lukashenko"));
  EXPECT_TRUE(Same("Аляксандр Рыгоравіч Лукашэнка", "А.Г. Лукашенко"));
  EXPECT_FALSE(Same("Vladimir V. Kara-Murza", "Vladimir A. Kara-Murza"));
  EXPECT_FALSE(Same("Vladimir Vladimirovich Kara-Murza", "Vladimir Alexeyevich Kara-Murza"));
  EXPECT_FALSE(Same("А.В. Лукашенко", "Alexander Grigoryevich Lukashenko"));
}

TEST_F(NamesTest, SurnameFirstOrderMatches) {
  EXPECT_TRUE(Same("BIALIATSKI, Ales", "Ales Bialiatski"));
  EXPECT_TRUE(Same("Стэфановіч Валянцін", "Valentin Stefanovich"));
  EXPECT_TRUE(Same("Dedok Nikolay Aleksandrovich", "Mikalai Dziadok"));
}

TEST_F(NamesTest, DiminutivesAndNationalForms) {
  EXPECT_TRUE(Same("Nasta Loika", "Anastasiya Loika"));
  EXPECT_TRUE(Same("Mikola Statkevich", "Nikolai Statkevich"));
  EXPECT_TRUE(Same("Zmitser Drozd", "Dmitry Drozd"));
  EXPECT_TRUE(Same("Mascha Kalesnikava", "Maria Kolesnikova"));
  EXPECT_TRUE(Same("Ihar Losik", "Igor Losik"));
}

TEST_F(NamesTest, GenderFormsAreDifferentPeople) {
  EXPECT_FALSE(Same("Siarhei Tsikhanouski", "Sviatlana Tsikhanouskaya"));
  EXPECT_FALSE(Same("S. Tsikhanouski", "S. Tsikhanouskaya"));
  EXPECT_FALSE(Same("Alexei Navalny", "Yulia Navalnaya"));
  EXPECT_NE(Why("Tsikhanouski", "Tsikhanouskaya").find("gender"), std::string::npos);
}

TEST_F(NamesTest, NamesakesWithOtherGivenNamesAreDifferent) {
  EXPECT_FALSE(Same("Viktar Babaryka", "Eduard Babaryka"));
  EXPECT_FALSE(Same("Alexander Lukashenko", "Viktor Lukashenko"));
  EXPECT_FALSE(Same("Valentin Petrov", "Valentina Petrov"));
}

TEST_F(NamesTest, GivenNamesThatSoundAlikeStayApart) {
  EXPECT_FALSE(Same("Tonya Ivanova", "Tanya Ivanova"));  // Antonina, Tatiana
  EXPECT_FALSE(Same("Ulya Ivanova", "Yulya Ivanova"));   // Uliana, Yulia
  EXPECT_FALSE(Same("Eugene Sys", "Evgenia Sys"));
  EXPECT_FALSE(Same("Ilya Sys", "Alla Sys"));
  EXPECT_TRUE(Same("Tonya Ivanova", "Antonina Ivanova"));
}

TEST_F(NamesTest, JuniorAndSenior) {
  EXPECT_TRUE(Same("Vladimir Kara-Murza", "Vladimir Kara-Murza Jr."));
  EXPECT_TRUE(Same("Vladimir Alexeyevich Kara-Murza", "Vladimir Kara-Murza Sr."));
  EXPECT_FALSE(Same("Vladimir Kara-Murza Jr.", "Vladimir Kara-Murza Sr."));
  EXPECT_FALSE(Same("Vladimir Vladimirovich Kara-Murza", "Vladimir Kara-Murza Sr."));
}

TEST_F(NamesTest, WhyExplainsTheDecision) {
  const NameMatcher::Match m = matcher_->Compare("Siarhei Tsikhanouski", "Sergei Tikhanovsky");
  EXPECT_TRUE(m.same);
  EXPECT_GT(m.score, 0.9);
  EXPECT_NE(m.why.find("surname keys equal"), std::string::npos) << m.why;
  EXPECT_NE(m.why.find("class gn."), std::string::npos) << m.why;
}

TEST_F(NamesTest, MissingGivenNameIsCompatibleWithLowerScore) {
  const NameMatcher::Match full = matcher_->Compare("Ales Bialiatski", "Ales Byalyatski");
  const NameMatcher::Match bare = matcher_->Compare("Bialiatski", "Ales Byalyatski");
  EXPECT_TRUE(bare.same);
  EXPECT_LT(bare.score, full.score);
}

TEST(NameMatcherLoad, FailsNamingTheMissingFile) {
  NameMatcher m;
  const Status s = NameMatcher::Load("/nonexistent-dir", &m);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent-dir/transliteration.tsv"), std::string::npos);
}

TEST(NameMatcherDefault, WorksWithoutTablesThroughIcu) {
  const NameMatcher m;
  EXPECT_TRUE(m.Compare("Ales Bialiatski", "ALES BIALIATSKI").same);
  EXPECT_FALSE(m.Parse("Алесь Бяляцкі").surname.empty());
  EXPECT_FALSE(m.Compare("Ales Bialiatski", "Ales Pushkin").same);
}

// Precision and recall of `same` on the labelled pairs of ../shared/eval.
TEST_F(NamesTest, LabelledPairs) {
  const std::string path = LETAPIS_SOURCE_DIR "/../shared/eval/name-pairs.tsv";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " not found";
  std::string line;
  std::getline(in, line);  // header
  struct Counts {
    int tp = 0, fp = 0, fn = 0, tn = 0;
  };
  Counts all;
  std::map<std::string, Counts> by_kind;
  std::ostringstream errors;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (f.size() < 4) continue;
    const bool label = f[2] == "1";
    const NameMatcher::Match m = matcher_->Compare(f[0], f[1]);
    Counts& k = by_kind[f[3]];
    if (m.same && label) ++all.tp, ++k.tp;
    if (m.same && !label) {
      ++all.fp, ++k.fp;
      errors << "FP [" << f[3] << "] " << f[0] << " | " << f[1] << " : " << m.why << "\n";
    }
    if (!m.same && label) {
      ++all.fn, ++k.fn;
      errors << "FN [" << f[3] << "] " << f[0] << " | " << f[1] << " : " << m.why << "\n";
    }
    if (!m.same && !label) ++all.tn, ++k.tn;
  }
  const double precision = all.tp / std::max(1.0, double(all.tp + all.fp));
  const double recall = all.tp / std::max(1.0, double(all.tp + all.fn));
  std::printf("name-pairs: precision %.4f recall %.4f (tp %d fp %d fn %d tn %d)\n", precision,
              recall, all.tp, all.fp, all.fn, all.tn);
  for (const auto& [kind, k] : by_kind) {
    std::printf("  %-18s tp %4d fp %3d fn %3d tn %4d\n", kind.c_str(), k.tp, k.fp, k.fn, k.tn);
  }
  std::printf("%s", errors.str().c_str());
  EXPECT_GE(precision, 0.97);
  EXPECT_GE(recall, 0.90);
}

}  // namespace
}  // namespace letapis
