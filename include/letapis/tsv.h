// Reading the rule and lexicon files in data/ (tab-separated, '#' comments).
#pragma once

#include <string>
#include <vector>

#include "letapis/status.h"

namespace letapis {

// One data row: its 1-based line number and its tab-separated fields.
struct TsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

// Reads a TSV data file. Blank lines and lines starting with '#' are skipped; the first
// other line is a header, and skipped, when it starts with "id\t". Fails naming the file (and line)
// when it cannot be read, is not UTF-8, or a row has fewer than `min_fields` fields.
Status ReadTsv(const std::string& path, size_t min_fields, std::vector<TsvRow>* rows);

// The directory holding the data files: $LETAPIS_DATA_DIR when set, else the data/
// directory of the source tree the binary was built from.
std::string DataDir();

}  // namespace letapis
