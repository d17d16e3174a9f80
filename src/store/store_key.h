// Key derivation of the store format, version 1: Argon2id over the passphrase and the
// 16-byte salt that SQLCipher keeps as the first bytes of the database file.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "letapis/status.h"

namespace letapis::store {

// Bytes of the Argon2id salt (= SQLCipher's file salt, the file header).
inline constexpr size_t kSaltBytes = 16;
// Bytes of the derived SQLCipher key (AES-256).
inline constexpr size_t kKeyBytes = 32;
// Argon2id passes and memory of format version 1: the values of libsodium's
// crypto_pwhash_OPSLIMIT_INTERACTIVE and MEMLIMIT_INTERACTIVE, fixed here so that a
// libsodium that changes its defaults still opens existing stores.
inline constexpr unsigned long long kOpsLimit = 2;
inline constexpr size_t kMemLimit = size_t{64} << 20;

// A SQLCipher raw key "x'<64 hex key>'" or "x'<64 hex key><32 hex salt>'", held in a
// fixed buffer that is wiped on destruction.
class RawKey {
 public:
  RawKey() = default;
  ~RawKey();
  RawKey(const RawKey&) = delete;
  RawKey& operator=(const RawKey&) = delete;

  // The key text to hand to SQLCipher.
  std::string_view view() const { return {buf_.data(), size_}; }

 private:
  friend Status DeriveRawKey(std::string_view, std::string_view, bool, RawKey*);
  std::array<char, 3 + 2 * (kKeyBytes + kSaltBytes)> buf_{};
  size_t size_ = 0;
};

// Fills `salt` (kSaltBytes) with random bytes.
Status NewSalt(std::array<unsigned char, kSaltBytes>* salt);

// Derives the key from `passphrase` and `salt` (kSaltBytes) with crypto_pwhash
// (Argon2id 1.3, kOpsLimit, kMemLimit) and writes its raw-key form
// to `out`; with `include_salt` the salt is appended so that a new file adopts it.
Status DeriveRawKey(std::string_view passphrase, std::string_view salt, bool include_salt,
                    RawKey* out);

}  // namespace letapis::store
