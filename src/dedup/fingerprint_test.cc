#include <gtest/gtest.h>

#include <string>

#include "letapis/near_duplicates.h"

namespace letapis {
namespace {

// A fictional report of about 120 words, long enough to be compared.
const char* kReport =
    "The district court in Lida sentenced the blogger Maksim Charniak to five years in a "
    "medium-security penal colony on Tuesday, finding him guilty of organising actions that "
    "grossly violate public order. Judge Tatsiana Rudak read out the verdict in a half-empty "
    "courtroom. Charniak, who ran a popular channel about life in the town, was detained in "
    "April after officers searched his flat and seized two laptops and a phone. The prosecutor "
    "had asked for six years. The defence argued that the videos cited by the investigators "
    "showed peaceful gatherings and that Charniak had filmed them as a journalist. His lawyer "
    "said the family would appeal. His mother said her son had lost weight and had not received "
    "her letters for two months.";

Fingerprint Of(const std::string& text) { return FingerprintText(text, {}); }

TEST(FingerprintTest, IdenticalTextsAreIdentical) {
  EXPECT_EQ(Of(kReport), Of(kReport));
  EXPECT_DOUBLE_EQ(Resemblance(Of(kReport), Of(kReport)), 1.0);
}

TEST(FingerprintTest, CaseSpacingAndPunctuationDoNotMatter) {
  std::string shouted;
  for (char c : std::string(kReport)) {
    shouted += c == ' ' ? std::string("  \n") : std::string(1, static_cast<char>(std::toupper(c)));
  }
  std::string unpunctuated;
  for (char c : std::string(kReport)) {
    if (c != ',' && c != '.') unpunctuated += c;
  }
  EXPECT_EQ(Of(kReport), Of(shouted));
  EXPECT_EQ(Of(kReport), Of(unpunctuated));
}

TEST(FingerprintTest, CyrillicIsCaseFolded) {
  const std::string lower =
      "суд ленинского района минска приговорил журналистку к трём годам колонии за "
      "публикации о протестах две тысячи двадцатого года в независимых изданиях города и "
      "области по статье о дискредитации страны и её органов власти на закрытом заседании";
  const std::string upper =
      "СУД ЛЕНИНСКОГО РАЙОНА МИНСКА ПРИГОВОРИЛ ЖУРНАЛИСТКУ К ТРЁМ ГОДАМ КОЛОНИИ ЗА "
      "ПУБЛИКАЦИИ О ПРОТЕСТАХ ДВЕ ТЫСЯЧИ ДВАДЦАТОГО ГОДА В НЕЗАВИСИМЫХ ИЗДАНИЯХ ГОРОДА И "
      "ОБЛАСТИ ПО СТАТЬЕ О ДИСКРЕДИТАЦИИ СТРАНЫ И ЕЁ ОРГАНОВ ВЛАСТИ НА ЗАКРЫТОМ ЗАСЕДАНИИ";
  ASSERT_TRUE(Of(lower).comparable());
  EXPECT_EQ(Of(lower), Of(upper));
}

TEST(FingerprintTest, SkippedRangesAreIgnored) {
  const std::string banner = "Share on Facebook Share on Telegram Copy link Subscribe now\n";
  const std::string text = banner + kReport;
  const Span skip{0, static_cast<uint32_t>(banner.size())};
  EXPECT_EQ(FingerprintText(text, {skip}), Of(kReport));
  EXPECT_NE(FingerprintText(text, {}), Of(kReport));
  Document doc;
  doc.text = text;
  doc.boilerplate = {skip};
  EXPECT_EQ(FingerprintDocument(doc), Of(kReport));
}

TEST(FingerprintTest, LightEditsStayAboveTheThreshold) {
  std::string edited = std::string("Five years for Lida blogger. ") + kReport;
  edited.replace(edited.find("on Tuesday"), 10, "on 14 October");
  edited.replace(edited.find("a journalist"), 12, "a reporter");
  edited += " Photo: the court building.";
  EXPECT_GE(Resemblance(Of(kReport), Of(edited)), kNearDuplicateThreshold);
}

TEST(FingerprintTest, DifferentTextsOnOneTopicStayBelowTheThreshold) {
  const std::string other =
      "Maksim Charniak, a blogger from Lida, will appeal against his five-year sentence, his "
      "family said. The case rests on eleven short videos from August 2020 in which he walks "
      "with a crowd and comments on what he sees. No witness said that he had led anyone. Two "
      "police officers testified that they recognised him from his channel. Since April he has "
      "spent six months in the detention centre, where he shares a cell with eleven other men, "
      "and his letters reach his mother only rarely, she told the court after the verdict.";
  EXPECT_LT(Resemblance(Of(kReport), Of(other)), 0.2);
}

TEST(FingerprintTest, ShortTextsAreNotComparable) {
  const Fingerprint a = Of("Police detained Ivan Petrenko in Minsk on 3 March 2024.");
  EXPECT_FALSE(a.comparable());
  EXPECT_EQ(Resemblance(a, a), 0.0);
  EXPECT_EQ(Of("").shingles, 0u);
  EXPECT_EQ(Of("two words").shingles, 0u);
}

TEST(FingerprintTest, SharedBandKeysFollowResemblance) {
  const auto a = BandKeys(Of(kReport));
  EXPECT_EQ(a, BandKeys(Of(kReport)));
  std::string edited = kReport;
  edited.replace(edited.find("two laptops"), 11, "three laptops");
  const auto b = BandKeys(Of(edited));
  size_t shared = 0;
  for (size_t i = 0; i < kBands; ++i) shared += a[i] == b[i] ? 1 : 0;
  EXPECT_GT(shared, 0u);
  const auto c =
      BandKeys(Of("An entirely different text about a harvest festival in a village "
                  "where farmers showed their largest pumpkins and a band played old "
                  "songs until late in the evening while children ran between the "
                  "stalls and the mayor gave a short speech about the weather."));
  for (size_t i = 0; i < kBands; ++i) EXPECT_NE(a[i], c[i]) << "band " << i;
}

TEST(FingerprintTest, TheSchemeIsStable) {
  // Stored fingerprints are compared with new ones: the hash functions must never change
  // within kFingerprintScheme. These values pin them.
  const Fingerprint f = Of(kReport);
  EXPECT_EQ(f.shingles, 120u);
  EXPECT_EQ(f.minhash[0], 20441626u);
  EXPECT_EQ(f.minhash[63], 8286307u);
}

}  // namespace
}  // namespace letapis
