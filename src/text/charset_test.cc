#include <gtest/gtest.h>

#include "letapis/text.h"

namespace letapis {
namespace {

// Every text byte maps to an input offset inside the input, in order.
void ExpectMapInside(const DecodedText& d, size_t input_size) {
  uint32_t last = 0;
  for (uint32_t i = 0; i < d.text.size(); ++i) {
    const uint32_t at = d.to_input.ToSource(i);
    EXPECT_LT(at, input_size);
    EXPECT_GE(at, last);
    last = at;
  }
}

TEST(DecodeTextTest, ValidUtf8IsKeptAsIs) {
  const std::string input = "Алесь Бяляцкі was detained \xE2\x80\x9Ctoday\xE2\x80\x9D.";
  DecodedText d;
  ASSERT_TRUE(DecodeText(input, "", &d).ok());
  EXPECT_EQ(d.text, input);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_TRUE(d.to_input.identity());
}

TEST(DecodeTextTest, ByteOrderMarkIsDroppedAndMapped) {
  const std::string input = "\xEF\xBB\xBFMinsk";
  DecodedText d;
  ASSERT_TRUE(DecodeText(input, "", &d).ok());
  EXPECT_EQ(d.text, "Minsk");
  EXPECT_EQ(d.to_input.ToSource(0), 3u);
  EXPECT_EQ(d.to_input.ToSource(5), 8u);
}

TEST(DecodeTextTest, Windows1251CyrillicIsDetected) {
  // "Алесь Бяляцкі, Мінск" in Windows-1251.
  const std::string input =
      "\xC0\xEB\xE5\xF1\xFC \xC1\xFF\xEB\xFF\xF6\xEA\xB3, \xCC\xB3\xED\xF1\xEA";
  DecodedText d;
  ASSERT_TRUE(DecodeText(input, "", &d).ok());
  EXPECT_EQ(d.encoding, "windows-1251");
  EXPECT_EQ(d.text, "Алесь Бяляцкі, Мінск");
  ExpectMapInside(d, input.size());
  // "Мінск" starts at input byte 15 and at text byte 28 (two bytes per letter before it).
  EXPECT_EQ(d.to_input.ToSource(static_cast<uint32_t>(d.text.find("Мінск"))), 15u);
}

TEST(DecodeTextTest, Windows1252QuotesAreDetected) {
  const std::string input = "He said \x93we will appeal\x94 on Monday.";
  DecodedText d;
  ASSERT_TRUE(DecodeText(input, "", &d).ok());
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.text, "He said \xE2\x80\x9Cwe will appeal\xE2\x80\x9D on Monday.");
  ExpectMapInside(d, input.size());
}

TEST(DecodeTextTest, DeclaredCharsetWins) {
  DecodedText d;
  ASSERT_TRUE(DecodeText("caf\xE9", "ISO-8859-1", &d).ok());
  EXPECT_EQ(d.text, "café");
}

TEST(DecodeTextTest, BinaryDataIsRejectedWithItsOffset) {
  DecodedText d;
  const Status s = DecodeText(std::string("text\0\x01\x02", 7), "", &d);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("byte 4"), std::string::npos) << s.message();
}

TEST(DecodeTextTest, DeclaredUtf8ThatIsNotIsAnError) {
  DecodedText d;
  EXPECT_FALSE(DecodeText("abc\xFF", "utf-8", &d).ok());
}

}  // namespace
}  // namespace letapis
