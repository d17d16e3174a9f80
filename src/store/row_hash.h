// RowHasher: SHA-256 over SQL values in a canonical, unambiguous encoding, shared by the
// audit hash chain and the content digest that checks backups.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

#include "store/sqlite_handle.h"

namespace letapis::store {

// Bytes of a SHA-256 digest.
inline constexpr size_t kRowHashBytes = crypto_hash_sha256_BYTES;

// Each value is hashed as a storage-class tag ('N' null, 'I' integer in decimal, 'F' real
// as %.17g, 'T' text, 'B' blob), an 8-byte little-endian length and its bytes.
class RowHasher {
 public:
  RowHasher();

  // Hashes raw bytes as they are (a previous digest, a separator).
  void AddRaw(std::string_view bytes);
  // Hashes one tagged value.
  void AddTagged(char tag, std::string_view bytes);
  // Hashes column `col` of the current row of `stmt`.
  void AddColumn(const Statement& stmt, int col);
  // Hashes an SQL function argument.
  void AddValue(sqlite3_value* value);
  // The digest as lower-case hex; the hasher must not be used afterwards.
  std::string HexDigest();

 private:
  crypto_hash_sha256_state state_;
};

}  // namespace letapis::store
