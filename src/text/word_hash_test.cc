#include "text/word_hash.h"

#include <gtest/gtest.h>

#include <string>

namespace letapis {
namespace {

// HashWord as its contract defines it: the word's bytes taken eight at a time,
// little-endian, zero past the end, each chunk mixed into the running hash.
uint64_t ReferenceHash(std::string_view word) {
  uint64_t h = word.size() * word_hash_detail::kLength;
  for (size_t i = 0; i < word.size(); i += 8) {
    uint64_t v = 0;
    for (size_t k = 0; k < 8 && i + k < word.size(); ++k) {
      v |= uint64_t{static_cast<unsigned char>(word[i + k])} << (8 * k);
    }
    h = word_hash_detail::Mix(h ^ v);
  }
  return h;
}

// Lexicons are filled with one hashing path and looked up with others (the tokenizer's
// eight-byte reads, the short-tail loads): every length must hash the same way.
TEST(WordHashTest, EveryLengthMatchesTheByteByByteDefinition) {
  const std::string text = "Przewodniczacy\xD0\x9C\xD1\x96\xD0\xBD\xD1\x81\xD0\xBA abc'-x9";
  for (size_t begin = 0; begin < text.size(); ++begin) {
    for (size_t end = begin + 1; end <= text.size(); ++end) {
      const std::string_view word(text.data() + begin, end - begin);
      ASSERT_EQ(HashWord(word), ReferenceHash(word)) << begin << ".." << end;
    }
  }
}

TEST(WordHashTest, AsciiLowerHashIsTheHashOfTheLowerCasedWord) {
  bool ascii = false;
  EXPECT_EQ(HashWordAsciiLower("HRODNA Court", &ascii), HashWord("hrodna court"));
  EXPECT_TRUE(ascii);
  HashWordAsciiLower("Мінск", &ascii);
  EXPECT_FALSE(ascii);
  EXPECT_TRUE(EqualsFolded("Court", "court"));
  EXPECT_FALSE(EqualsFolded("Courts", "court"));
}

}  // namespace
}  // namespace letapis
