#include "store/row_hash.h"

// The sqlite3_value API; SQLCipher is always a codec build.
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace letapis::store {

RowHasher::RowHasher() { crypto_hash_sha256_init(&state_); }

void RowHasher::AddRaw(std::string_view bytes) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

void RowHasher::AddTagged(char tag, std::string_view bytes) {
  std::array<char, 9> head{tag};
  uint64_t n = bytes.size();
  for (size_t i = 1; i < head.size(); ++i, n >>= 8) head[i] = static_cast<char>(n & 0xff);
  AddRaw({head.data(), head.size()});
  AddRaw(bytes);
}

void RowHasher::AddColumn(const Statement& stmt, int col) {
  switch (stmt.ColumnType(col)) {
    case SQLITE_INTEGER:
      return AddTagged('I', std::to_string(stmt.ColumnInt64(col)));
    case SQLITE_FLOAT:
      return AddTagged('F', fmt::format("{:.17g}", stmt.ColumnDouble(col)));
    case SQLITE_NULL:
      return AddTagged('N', "");
    case SQLITE_BLOB:
      return AddTagged('B', stmt.ColumnBlob(col));
    default:
      return AddTagged('T', stmt.ColumnText(col));
  }
}

void RowHasher::AddValue(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      return AddTagged('I', std::to_string(sqlite3_value_int64(v)));
    case SQLITE_FLOAT:
      return AddTagged('F', fmt::format("{:.17g}", sqlite3_value_double(v)));
    case SQLITE_NULL:
      return AddTagged('N', "");
    case SQLITE_BLOB: {
      const void* p = sqlite3_value_blob(v);
      const size_t n = static_cast<size_t>(sqlite3_value_bytes(v));
      return AddTagged('B', p == nullptr ? std::string_view()
                                         : std::string_view(static_cast<const char*>(p), n));
    }
    default: {
      const unsigned char* p = sqlite3_value_text(v);
      const size_t n = static_cast<size_t>(sqlite3_value_bytes(v));
      return AddTagged('T', p == nullptr ? std::string_view()
                                         : std::string_view(reinterpret_cast<const char*>(p), n));
    }
  }
}

std::string RowHasher::HexDigest() {
  std::array<unsigned char, kRowHashBytes> digest;
  crypto_hash_sha256_final(&state_, digest.data());
  std::array<char, 2 * kRowHashBytes + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), 2 * kRowHashBytes);
}

}  // namespace letapis::store
