// A small RFC 4180 CSV reader: quoted fields with doubled quotes, separators and line
// breaks inside quotes, CRLF or LF line ends. Used for prisoner lists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letapis/status.h"

namespace letapis::cases {

// One record: the 1-based line it starts on and its fields.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Longest field accepted, in bytes; a longer one is an error naming its line.
inline constexpr size_t kMaxCsvField = 64 * 1024;

// The separator a header line uses: the most frequent of ',', ';' and '\t' outside quotes
// (',' when none occurs).
char GuessSeparator(std::string_view text);

// Splits `text` into records. Blank lines are skipped. Fails (kInvalidInput naming the
// line) on an unterminated quote, a character after a closing quote, or a field longer
// than kMaxCsvField; records before the error are kept in *out.
Status ParseCsv(std::string_view text, char separator, std::vector<CsvRecord>* out);

}  // namespace letapis::cases
