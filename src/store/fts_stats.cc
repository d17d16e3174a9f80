#include "store/fts_stats.h"

#include <algorithm>

namespace letapis::store {
namespace {

// A gap in docids above which the length cursor seeks instead of stepping row by row.
constexpr int64_t kSeekGap = 64;

}  // namespace

bool ReadFtsVarint(std::string_view bytes, size_t* pos, uint64_t* value) {
  uint64_t v = 0;
  for (int shift = 0; shift < 70 && *pos < bytes.size(); shift += 7) {
    const unsigned char c = static_cast<unsigned char>(bytes[(*pos)++]);
    v |= static_cast<uint64_t>(c & 0x7F) << shift;
    if ((c & 0x80) == 0) {
      *value = v;
      return true;
    }
  }
  return false;
}

Status ReadFtsIndexStats(Database* db, FtsIndexStats* out) {
  *out = FtsIndexStats{};
  Statement stat;
  Status s = db->Prepare("SELECT value FROM report_fts_stat WHERE id = 0", &stat);
  bool row = false;
  if (s.ok()) s = stat.Step(&row);
  if (!s.ok() || !row) return s;
  const std::string blob = stat.ColumnBlob(0);
  size_t pos = 0;
  uint64_t reports = 0, tokens = 0;
  if (!ReadFtsVarint(blob, &pos, &reports) || !ReadFtsVarint(blob, &pos, &tokens)) {
    return Status::Corrupt("report_fts_stat: malformed statistics");
  }
  out->reports = static_cast<int64_t>(reports);
  if (reports > 0) {
    out->average_tokens = std::max(1.0, static_cast<double>(tokens) / static_cast<double>(reports));
  }
  Statement last;
  s = db->Prepare("SELECT coalesce(max(docid), 0) FROM report_fts_docsize", &last);
  if (s.ok()) s = last.Step(&row);
  if (s.ok() && row) out->last_docid = last.ColumnInt64(0);
  return s;
}

Status FtsDocLengths::Seek(int64_t docid) {
  if (!prepared_) {
    Status s = db_->Prepare(
        "SELECT docid, size FROM report_fts_docsize WHERE docid >= ?1 ORDER BY docid", &cursor_);
    if (!s.ok()) return s;
    prepared_ = true;
  }
  cursor_.Reset();
  cursor_.BindInt64(1, docid);
  docid_ = docid - 1;
  return Advance();
}

Status FtsDocLengths::Advance() {
  Status s = cursor_.Step(&row_);
  if (s.ok()) docid_ = row_ ? cursor_.ColumnInt64(0) : docid_ + 1;
  return s;
}

Status FtsDocLengths::Get(int64_t docid, double* tokens) {
  *tokens = 0;
  Status s = Status::Ok();
  if (!prepared_ || docid < docid_ || (row_ && docid - docid_ > kSeekGap)) s = Seek(docid);
  while (s.ok() && row_ && docid_ < docid) s = Advance();
  if (!s.ok() || !row_ || docid_ != docid) return s;
  const std::string blob = cursor_.ColumnBlob(1);
  size_t pos = 0;
  uint64_t length = 0;
  if (!ReadFtsVarint(blob, &pos, &length)) {
    return Status::Corrupt("report_fts_docsize: malformed length of report " +
                           std::to_string(docid));
  }
  *tokens = static_cast<double>(length);
  return Status::Ok();
}

}  // namespace letapis::store
