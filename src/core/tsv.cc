#include "letapis/tsv.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace letapis {
namespace {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

Status ReadTsv(const std::string& path, size_t min_fields, std::vector<TsvRow>* rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: cannot open data file", path));
  std::string line;
  int number = 0;
  bool seen_data = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    // The header ("id<TAB>...") is the first line that is not a comment.
    if (!seen_data && line.rfind("id\t", 0) == 0) {
      seen_data = true;
      continue;
    }
    seen_data = true;
    if (!IsValidUtf8(line)) {
      return Status::InvalidInput(fmt::format("{}:{}: not valid UTF-8", path, number));
    }
    TsvRow row;
    row.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() < min_fields) {
      return Status::InvalidInput(
          fmt::format("{}:{}: expected at least {} tab-separated fields, got {}", path, number,
                      min_fields, row.fields.size()));
    }
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

std::string DataDir() {
  if (const char* env = std::getenv("LETAPIS_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef LETAPIS_DATA_DIR
  return LETAPIS_DATA_DIR;
#else
  return "data";
#endif
}

}  // namespace letapis
