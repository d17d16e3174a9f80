#include "cases/csv.h"

#include <fmt/format.h>

namespace letapis::cases {

char GuessSeparator(std::string_view text) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab > semicolon) return '\t';
  return semicolon > comma ? ';' : ',';
}

Status ParseCsv(std::string_view text, char separator, std::vector<CsvRecord>* out) {
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        const int opened = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            return Status::InvalidInput(fmt::format("line {}: quoted field never closed", opened));
          }
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field += c;
          if (field.size() > kMaxCsvField) {
            return Status::InvalidInput(
                fmt::format("line {}: field longer than {} bytes", opened, kMaxCsvField));
          }
        }
        if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
          return Status::InvalidInput(fmt::format("line {}: text after a closing quote", line));
        }
      } else {
        while (i < text.size() && text[i] != separator && text[i] != '\n') {
          if (text[i] != '\r') field += text[i];
          ++i;
          if (field.size() > kMaxCsvField) {
            return Status::InvalidInput(
                fmt::format("line {}: field longer than {} bytes", line, kMaxCsvField));
          }
        }
      }
      record.fields.push_back(field);
      if (i < text.size() && text[i] == '\r') ++i;
      if (i >= text.size() || text[i] == '\n') {
        record_done = true;
        if (i < text.size()) {
          ++i;
          ++line;
        }
      } else {
        ++i;  // the separator
      }
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) out->push_back(std::move(record));
  }
  return Status::Ok();
}

}  // namespace letapis::cases
