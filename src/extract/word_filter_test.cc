#include "extract/word_filter.h"

#include <gtest/gtest.h>

#include "letapis/text.h"

namespace letapis {
namespace {

// The name finder trusts these answers to skip exact-case lookups: a word that was added
// is never reported absent, whatever the case of the token that asks.
TEST(WordSetTest, ExactLookupsAndAnyCaseFilter) {
  WordSet set;
  set.insert("Olga");
  set.insert("Minsk");
  set.insert("\u0410\u043d\u043d\u0430");  // a Cyrillic word is only looked up exactly
  EXPECT_EQ(set.count("Olga"), 1u);
  EXPECT_EQ(set.count("olga"), 0u);  // case-sensitive
  EXPECT_EQ(set.count("\u0410\u043d\u043d\u0430"), 1u);
  EXPECT_EQ(set.words().size(), 3u);
  set.insert("Olga");
  EXPECT_EQ(set.words().size(), 3u);

  const std::string text = "OLGA olga Olga Minsk's";
  for (const Token& t : Tokenize(text)) {
    if (t.view(text).starts_with("Minsk")) continue;  // the possessive: hashed whole
    EXPECT_TRUE(set.MayContainAnyCase(t.lower_hash)) << t.view(text);
  }
  int rejected = 0;
  const std::string others = "the court sentenced journalists activists lawyers yesterday";
  for (const Token& t : Tokenize(others)) rejected += set.MayContainAnyCase(t.lower_hash) ? 0 : 1;
  EXPECT_GE(rejected, 6);  // a Bloom filter may let one through, not most
}

TEST(SuffixSetTest, MatchesEndingsOnly) {
  SuffixSet suffixes;
  suffixes.insert("vich");
  suffixes.insert("enko");
  suffixes.insert("");
  EXPECT_EQ(suffixes.size(), 2u);
  EXPECT_TRUE(suffixes.AnyEndOf("labkovich"));
  EXPECT_TRUE(suffixes.AnyEndOf("tsikhanenko"));
  EXPECT_FALSE(suffixes.AnyEndOf("vichy"));
  EXPECT_FALSE(suffixes.AnyEndOf(""));
}

}  // namespace
}  // namespace letapis
