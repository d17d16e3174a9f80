#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <string>

#include "letapis/text.h"

namespace letapis {
namespace {

// Asserts that every character of `decoded.text`, and every whitespace-separated word,
// maps back to input bytes that decode (with the same charset) to the same text.
void ExpectMapsBack(std::string_view input, const DecodedText& decoded) {
  const std::string& text = decoded.text;
  ASSERT_EQ(decoded.to_input.size(), text.size());
  auto check = [&](uint32_t begin, uint32_t end) {
    const uint32_t source_begin = decoded.to_input.ToSource(begin);
    const uint32_t source_end = decoded.to_input.EndToSource(end);
    ASSERT_LE(source_begin, source_end);
    ASSERT_LE(source_end, input.size());
    DecodedText piece;
    ASSERT_TRUE(
        DecodeText(input.substr(source_begin, source_end - source_begin), decoded.encoding, &piece)
            .ok());
    EXPECT_EQ(piece.text, text.substr(begin, end - begin)) << "at " << begin;
  };
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    check(static_cast<uint32_t>(begin), static_cast<uint32_t>(i));
  }
  size_t word = 0;
  while ((word = text.find_first_not_of(' ', word)) != std::string::npos) {
    const size_t end = std::min(text.find(' ', word), text.size());
    check(static_cast<uint32_t>(word), static_cast<uint32_t>(end));
    word = end;
  }
}

TEST(DecodeTextTest, ValidUtf8IsKeptWithAnIdentityMap) {
  const std::string input = "Алесь Бяляцкі was detained in Minsk.";
  DecodedText decoded;
  ASSERT_TRUE(DecodeText(input, "", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.text, input);
  EXPECT_TRUE(decoded.to_input.identity());
}

TEST(DecodeTextTest, Utf8ByteOrderMarkIsDroppedAndOffsetsShift) {
  const std::string input = "\xEF\xBB\xBFNasta Lojka";
  DecodedText decoded;
  ASSERT_TRUE(DecodeText(input, "", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.text, "Nasta Lojka");
  EXPECT_EQ(decoded.to_input.ToSource(0), 3u);
  EXPECT_EQ(decoded.to_input.ToSource(11), 14u);
  ExpectMapsBack(input, decoded);
}

TEST(DecodeTextTest, Windows1251CyrillicIsDetected) {
  const std::string input = "\xC0\xEB\xE5\xF1\xFC";  // "Алесь" in Windows-1251
  DecodedText decoded;
  ASSERT_TRUE(DecodeText(input, "", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.text, "Алесь");
  // Each two-byte letter maps to its one input byte.
  EXPECT_EQ(decoded.to_input.ToSource(0), 0u);
  EXPECT_EQ(decoded.to_input.ToSource(1), 0u);
  EXPECT_EQ(decoded.to_input.ToSource(2), 1u);
  EXPECT_EQ(decoded.to_input.EndToSource(10), 5u);
  ExpectMapsBack(input, decoded);
}

TEST(DecodeTextTest, Windows1251BelarusianLettersAndLatinWords) {
  // "Затрыманы Ўладзімір і Sergei Karpenka" with Ў (0xA1) and і (0xB3).
  const std::string input =
      "\xC7\xE0\xF2\xF0\xFB\xEC\xE0\xED\xFB \xA1\xEB\xE0\xE4\xE7\xB3\xEC\xB3\xF0 \xB3 Sergei "
      "Karpenka";
  DecodedText decoded;
  ASSERT_TRUE(DecodeText(input, "", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.text, "Затрыманы Ўладзімір і Sergei Karpenka");
  ExpectMapsBack(input, decoded);
}

TEST(DecodeTextTest, Windows1252CurlyQuotesAndAccents) {
  const std::string input =
      "\x93"
      "Free them\x94 \x96 said Ms. Kov\xE1"
      "cs, caf\xE9 owner.";
  DecodedText decoded;
  ASSERT_TRUE(DecodeText(input, "", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.text, "\u201CFree them\u201D \u2013 said Ms. Kov\u00E1cs, caf\u00E9 owner.");
  ExpectMapsBack(input, decoded);
}

TEST(DecodeTextTest, DeclaredCharsetIsHonouredCaseInsensitively) {
  const std::string input = "\xC0\xEB\xE5\xF1\xFC";
  DecodedText decoded;
  ASSERT_TRUE(DecodeText(input, "Windows-1252", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.text, "\u00C0\u00EB\u00E5\u00F1\u00FC");
  ASSERT_TRUE(DecodeText(input, "ISO-8859-1", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1252");
  ASSERT_TRUE(DecodeText(input, "CP1251", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.text, "Алесь");
}

TEST(DecodeTextTest, ValidUtf8WinsOverADeclaredSingleByteCharset) {
  DecodedText decoded;
  ASSERT_TRUE(DecodeText("Алесь", "windows-1251", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.text, "Алесь");
}

TEST(DecodeTextTest, WrongUtf8DeclarationFallsBackToDetection) {
  DecodedText decoded;
  ASSERT_TRUE(DecodeText("\xC0\xEB\xE5\xF1\xFC", "utf-8", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.text, "Алесь");
}

TEST(DecodeTextTest, OverlongAndSurrogateSequencesAreNotUtf8) {
  DecodedText decoded;
  ASSERT_TRUE(DecodeText("a\xC0\xAF", "", &decoded).ok());
  EXPECT_NE(decoded.encoding, "UTF-8");
  ASSERT_TRUE(DecodeText("a\xED\xA0\x80", "", &decoded).ok());
  EXPECT_NE(decoded.encoding, "UTF-8");
}

TEST(DecodeTextTest, NulBytesAreBinary) {
  DecodedText decoded;
  Status status = DecodeText(std::string("report\0text", 11), "", &decoded);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(), "not text (binary data at byte 6)");
  status = DecodeText(std::string("PK\x03\x04\x14\x00\x08\x00\xFF\xFE", 10), "", &decoded);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(),
            "not UTF-8 text and not a known single-byte encoding (binary data at byte 5)");
}

TEST(DecodeTextTest, ControlHeavyBytesAreBinaryButAStrayControlIsNot) {
  DecodedText decoded;
  const Status status = DecodeText("\x01\x02\x03 header \x7F", "", &decoded);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(), "not text (binary data at byte 0)");
  const std::string text = std::string(200, 'a') + "\x1B";
  EXPECT_TRUE(DecodeText(text, "", &decoded).ok());
}

// The checks read eight bytes at a time: a NUL, a DEL or an invalid UTF-8 byte is found
// wherever it falls in or between those words.
TEST(DecodeTextTest, BadBytesAreFoundAtEveryPositionOfALongText) {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'x');
    text[at] = '\0';
    DecodedText decoded;
    Status status = DecodeText(text, "", &decoded);
    EXPECT_EQ(status.message(), "not text (binary data at byte " + std::to_string(at) + ")");
    text[at] = '\x7F';
    text.append(std::string(at + 1, '\x7F'));  // more than one byte in a hundred
    status = DecodeText(text, "", &decoded);
    EXPECT_EQ(status.message(), "not text (binary data at byte " + std::to_string(at) + ")");
    text = std::string(40, 'x');
    text[at] = '\xC3';  // a lead byte without its continuation: Windows-1252 instead
    ASSERT_TRUE(DecodeText(text, "", &decoded).ok());
    EXPECT_NE(decoded.encoding, "UTF-8") << at;
  }
}

TEST(DecodeTextTest, BytesUndefinedInBothCharsetsAreRefused) {
  DecodedText decoded;
  const Status status = DecodeText("ab\x98\x81", "", &decoded);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(),
            "not UTF-8 text (invalid byte at 2) and not a known single-byte encoding "
            "(undefined byte 0x81 at 3)");
}

TEST(DecodeTextTest, ByteUndefinedInTheGuessTriesTheOtherCharset) {
  DecodedText decoded;
  ASSERT_TRUE(DecodeText("caf\xE9 \x81", "", &decoded).ok());
  EXPECT_EQ(decoded.encoding, "windows-1251");
}

TEST(DecodeTextTest, ByteOrderMarkBeforeInvalidUtf8IsRefused) {
  DecodedText decoded;
  const Status status = DecodeText(
      "\xEF\xBB\xBF"
      "ab\xFF",
      "", &decoded);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(),
            "starts with a UTF-8 byte order mark but is not UTF-8 (invalid byte at 5)");
}

TEST(DecodeTextTest, InputOverTheLimitIsRefused) {
  const std::string input(kMaxInputBytes + 1, 'a');
  DecodedText decoded;
  EXPECT_EQ(DecodeText(input, "", &decoded).code(), Status::Code::kLimit);
}

TEST(DecodeTextTest, EmptyInputIsEmptyText) {
  DecodedText decoded;
  ASSERT_TRUE(DecodeText("", "", &decoded).ok());
  EXPECT_EQ(decoded.text, "");
  EXPECT_EQ(decoded.to_input.size(), 0u);
}

}  // namespace
}  // namespace letapis
