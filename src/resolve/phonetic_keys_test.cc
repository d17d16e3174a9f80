// Regression tests found by fuzz/names_fuzz.cc.
#include <gtest/gtest.h>

#include "letapis/names.h"

namespace letapis {
namespace {

// "aaya" has no consonant skeleton: PhoneticKey gives "" and PhoneticKeys gave "~f" (a
// gender mark alone, which would block every vowel-only feminine surname together).
TEST(PhoneticKeysRegression, VowelOnlyFeminineSurnameHasNoKeyInEitherForm) {
  NameMatcher matcher;
  ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher).ok());
  EXPECT_EQ(matcher.PhoneticKey("aaya"), "");
  const std::vector<std::string> keys = matcher.PhoneticKeys("aaya");
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys.front(), matcher.PhoneticKey("aaya"));
  // A real feminine surname keeps its mark in both.
  EXPECT_EQ(matcher.PhoneticKeys("Tsikhanouskaya").front(), matcher.PhoneticKey("Tsikhanouskaya"));
}

// "I-l": the first part of the hyphenated surname has an empty skeleton; PhoneticKey
// dropped the separator ("l") while PhoneticKeys kept it ("-l"). "J-r": the first part
// has no canonical form at all; PhoneticKeys dropped it ("r"), PhoneticKey kept it.
TEST(PhoneticKeysRegression, HyphenatedSurnameWithEmptyFirstPartKeepsTheSeparator) {
  NameMatcher matcher;
  ASSERT_TRUE(NameMatcher::Load(LETAPIS_DATA_DIR, &matcher).ok());
  EXPECT_EQ(matcher.PhoneticKey("I-l"), "-l");
  EXPECT_EQ(matcher.PhoneticKeys("I-l").front(), "-l");
  EXPECT_EQ(matcher.PhoneticKey("J-r"), "-r");
  EXPECT_EQ(matcher.PhoneticKeys("J-r").front(), "-r");
}

}  // namespace
}  // namespace letapis
