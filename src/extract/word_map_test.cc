#include "extract/word_map.h"

#include <gtest/gtest.h>

#include <string>

namespace letapis {
namespace {

// Lexicons and phrase tries rely on it: every word added is found again with its value
// after the table has grown many times, absent words are not found, and the same word in
// two scopes (two trie nodes) is two keys.
TEST(WordMapTest, FindsEveryWordAfterGrowing) {
  WordMap<int> map;
  for (int i = 0; i < 5000; ++i) {
    const auto [value, inserted] = map.Insert(0, "word" + std::to_string(i), i);
    EXPECT_TRUE(inserted);
    EXPECT_EQ(value, i);
  }
  EXPECT_EQ(map.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const int* v = map.Find(0, "word" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(map.Find(0, "word5000"), nullptr);
  EXPECT_EQ(map.Find(0, ""), nullptr);
  EXPECT_EQ(map.Find(1, "word1"), nullptr);  // another scope
}

TEST(WordMapTest, InsertKeepsTheFirstValue) {
  WordMap<int> map;
  EXPECT_TRUE(map.Insert(3, "minsk", 1).second);
  const auto [value, inserted] = map.Insert(3, "minsk", 2);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(value, 1);
  EXPECT_TRUE(map.Insert(4, "minsk", 5).second);
  EXPECT_EQ(*map.Find(3, "minsk"), 1);
  EXPECT_EQ(*map.Find(4, "minsk"), 5);
  EXPECT_EQ(map.size(), 2u);
}

// A token's lookup passes its own hash and says itself which stored word it matches
// (here: the stored lower-case word against a capitalised token).
TEST(WordMapTest, FindWithAGivenHashAndMatcher) {
  WordMap<int> map;
  map.Insert(0, "court", 7);
  const std::string token = "Court";
  const int* v = map.Find(0, HashWord("court"),
                          [&](std::string_view stored) { return EqualsFolded(token, stored); });
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(*v, 7);
  EXPECT_EQ(map.Find(0, HashWord("court"), [](std::string_view) { return false; }), nullptr);
}

}  // namespace
}  // namespace letapis
