#include "store/store_key.h"

#include <sodium.h>

namespace letapis::store {

RawKey::~RawKey() { sodium_memzero(buf_.data(), buf_.size()); }

Status NewSalt(std::array<unsigned char, kSaltBytes>* salt) {
  if (sodium_init() < 0) return Status::IoError("libsodium failed to initialise");
  randombytes_buf(salt->data(), salt->size());
  return Status::Ok();
}

Status DeriveRawKey(std::string_view passphrase, std::string_view salt, bool include_salt,
                    RawKey* out) {
  static_assert(crypto_pwhash_SALTBYTES == kSaltBytes);
  if (salt.size() != kSaltBytes) return Status::InvalidInput("salt must be 16 bytes");
  if (sodium_init() < 0) return Status::IoError("libsodium failed to initialise");
  std::array<unsigned char, kKeyBytes> key;
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(),
                    reinterpret_cast<const unsigned char*>(salt.data()), kOpsLimit, kMemLimit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::IoError("Argon2id key derivation failed (out of memory?)");
  }
  char* p = out->buf_.data();
  *p++ = 'x';
  *p++ = '\'';
  sodium_bin2hex(p, 2 * kKeyBytes + 1, key.data(), key.size());
  p += 2 * kKeyBytes;
  sodium_memzero(key.data(), key.size());
  if (include_salt) {
    sodium_bin2hex(p, 2 * kSaltBytes + 1, reinterpret_cast<const unsigned char*>(salt.data()),
                   salt.size());
    p += 2 * kSaltBytes;
  }
  *p++ = '\'';
  out->size_ = static_cast<size_t>(p - out->buf_.data());
  return Status::Ok();
}

}  // namespace letapis::store
