#include "store/store_key.h"

#include <gtest/gtest.h>

namespace letapis::store {
namespace {

// Known answer of format version 1, reproduced with the reference implementation:
//   echo -n letapis | argon2 0123456789abcdef -id -t 2 -m 16 -p 1 -l 32 -r
constexpr char kKnownKey[] = "90088e4fae7567d7338f13c6dceddcbf4bdad67e1cea3465ae38c6aa3560c50f";

TEST(StoreKeyTest, DerivesTheFormatVersion1Key) {
  RawKey key;
  ASSERT_TRUE(DeriveRawKey("letapis", "0123456789abcdef", false, &key).ok());
  EXPECT_EQ(key.view(), std::string("x'") + kKnownKey + "'");
}

TEST(StoreKeyTest, AppendsTheSaltForANewFile) {
  RawKey key;
  ASSERT_TRUE(DeriveRawKey("letapis", "0123456789abcdef", true, &key).ok());
  EXPECT_EQ(key.view(), std::string("x'") + kKnownKey + "30313233343536373839616263646566'");
}

TEST(StoreKeyTest, RejectsASaltOfTheWrongSize) {
  RawKey key;
  EXPECT_EQ(DeriveRawKey("letapis", "short", false, &key).code(), Status::Code::kInvalidInput);
}

TEST(StoreKeyTest, NewSaltsDiffer) {
  std::array<unsigned char, kSaltBytes> a, b;
  ASSERT_TRUE(NewSalt(&a).ok());
  ASSERT_TRUE(NewSalt(&b).ok());
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace letapis::store
