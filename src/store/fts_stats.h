// Statistics of the report_fts index read from FTS4's own shadow tables (the formats of
// SQLite's FTS4: %_stat row 0 and %_docsize values are blobs of FTS varints, one per
// column after the document count), so that ranking needs no per-row lookup by matchinfo.
#pragma once

#include <cstdint>
#include <string_view>

#include "letapis/status.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Decodes the FTS varint (7 bits a byte, least significant first) at *pos of `bytes`,
// advancing *pos; false when the bytes end inside it or it is longer than 10 bytes.
bool ReadFtsVarint(std::string_view bytes, size_t* pos, uint64_t* value);

// The whole index: how many reports it holds, their average length in tokens (at least
// 1) and the highest docid (0 when empty).
struct FtsIndexStats {
  int64_t reports = 0;
  double average_tokens = 1;
  int64_t last_docid = 0;
};

// Reads report_fts_stat and the last row of report_fts_docsize; an empty index gives
// {0, 1, 0}.
Status ReadFtsIndexStats(Database* db, FtsIndexStats* out);

// Lengths in tokens of indexed reports, asked for in ascending docid order (as FTS4
// returns matches): one cursor walks report_fts_docsize forward and seeks again only over
// long gaps, so a pass over many matches reads the table once instead of once per match.
class FtsDocLengths {
 public:
  explicit FtsDocLengths(Database* db) : db_(db) {}
  // Sets *tokens to the length of report `docid` (0 when it is not indexed). Calls with a
  // smaller docid than the previous one are answered too, by seeking back.
  Status Get(int64_t docid, double* tokens);

 private:
  Status Seek(int64_t docid);
  Status Advance();

  Database* db_;
  Statement cursor_;
  bool prepared_ = false;
  bool row_ = false;   // the cursor is on a row
  int64_t docid_ = 0;  // its docid; past the end, the least docid known to have no row
};

}  // namespace letapis::store
