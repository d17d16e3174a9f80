#include "store/near_duplicates.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/codec.h"
#include "store/transaction.h"

namespace letapis::store {
namespace {

// Sources fingerprinted per transaction when backfilling.
constexpr int kBackfillBatch = 500;

// The MinHash values as kMinHashValues little-endian uint32.
std::string EncodeMinHash(const Fingerprint& fp) {
  std::string out;
  out.reserve(kMinHashValues * 4);
  for (uint32_t v : fp.minhash) {
    for (int b = 0; b < 4; ++b) out += static_cast<char>((v >> (8 * b)) & 0xff);
  }
  return out;
}

Status DecodeMinHash(std::string_view blob, Fingerprint* fp) {
  if (blob.size() != kMinHashValues * 4) {
    return Status::Corrupt(
        fmt::format("fingerprint of {} bytes, expected {}", blob.size(), kMinHashValues * 4));
  }
  for (size_t i = 0; i < kMinHashValues; ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(blob[i * 4 + b])) << (8 * b);
    fp->minhash[i] = v;
  }
  return Status::Ok();
}

// The distinct sources sharing a band key with `fp`, ascending.
Status Candidates(Database* db, const Fingerprint& fp, std::vector<int64_t>* out) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT source_id FROM fingerprint_band WHERE band_key = ?1 ORDER BY source_id LIMIT ?2",
      &stmt);
  for (int64_t key : BandKeys(fp)) {
    if (!s.ok()) break;
    stmt.BindInt64(1, key).BindInt64(2, kMaxSourcesPerBand);
    bool row = false;
    while ((s = stmt.Step(&row)).ok() && row) out->push_back(stmt.ColumnInt64(0));
    stmt.Reset();
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return s;
}

}  // namespace

Status FindNearDuplicate(Database* db, const Fingerprint& fp, NearDuplicateMatch* out) {
  *out = NearDuplicateMatch();
  if (!fp.comparable()) return Status::Ok();
  std::vector<int64_t> candidates;
  Status s = Candidates(db, fp, &candidates);
  Statement stmt;
  if (s.ok()) {
    s = db->Prepare(
        "SELECT f.scheme, f.shingles, f.minhash, n.original_id FROM fingerprint f"
        " LEFT JOIN near_duplicate n ON n.source_id = f.source_id WHERE f.source_id = ?1",
        &stmt);
  }
  // Loads the fingerprint of `id` and its group's original; *found is false for an
  // unknown id or another scheme.
  auto load = [&](int64_t id, Fingerprint* other, int64_t* original, bool* found) {
    *found = false;
    Status st = stmt.BindInt64(1, id).Step(found);
    *found = *found && st.ok() && stmt.ColumnInt64(0) == kFingerprintScheme;
    if (*found) {
      other->shingles = static_cast<uint32_t>(stmt.ColumnInt64(1));
      *original = stmt.IsNull(3) ? id : stmt.ColumnInt64(3);
      st = DecodeMinHash(stmt.ColumnBlob(2), other).WithContext(fmt::format("source {}", id));
    }
    stmt.Reset();
    return st;
  };
  // The originals of the resembling candidates: a copy must resemble its original itself,
  // so that chains of small edits never link reports that differ.
  std::vector<int64_t> originals;
  for (size_t i = 0; i < candidates.size() && s.ok(); ++i) {
    Fingerprint other;
    int64_t original = 0;
    bool found = false;
    s = load(candidates[i], &other, &original, &found);
    if (s.ok() && found && Resemblance(fp, other) >= kNearDuplicateThreshold) {
      originals.push_back(original);
    }
  }
  std::sort(originals.begin(), originals.end());
  originals.erase(std::unique(originals.begin(), originals.end()), originals.end());
  // The most resembling original wins; on a tie, the earlier one.
  for (size_t i = 0; i < originals.size() && s.ok(); ++i) {
    Fingerprint other;
    int64_t original = 0;
    bool found = false;
    s = load(originals[i], &other, &original, &found);
    const double r = found ? Resemblance(fp, other) : 0;
    if (s.ok() && r >= kNearDuplicateThreshold && r > out->similarity) {
      *out = NearDuplicateMatch{originals[i], r};
    }
  }
  return s;
}

Status WriteFingerprint(Database* db, int64_t source_id, const Fingerprint& fp,
                        const NearDuplicateMatch& match, const std::string& actor) {
  Statement print, band;
  Status s = db->Prepare(
      "INSERT INTO fingerprint (source_id, scheme, shingles, minhash) VALUES (?1, ?2, ?3, ?4)",
      &print);
  if (s.ok()) {
    print.BindInt64(1, source_id).BindInt64(2, kFingerprintScheme).BindInt64(3, fp.shingles);
    s = print.BindBlob(4, EncodeMinHash(fp)).Run();
  }
  if (s.ok() && fp.comparable()) {
    s = db->Prepare("INSERT OR IGNORE INTO fingerprint_band (band_key, source_id) VALUES (?1, ?2)",
                    &band);
    for (int64_t key : BandKeys(fp)) {
      if (!s.ok()) break;
      s = band.BindInt64(1, key).BindInt64(2, source_id).Run();
    }
  }
  if (!s.ok() || match.original_id == 0) return s;
  Statement link, audit;
  s = db->Prepare(
      "INSERT INTO near_duplicate (source_id, original_id, similarity) VALUES (?1, ?2, ?3)", &link);
  if (s.ok()) {
    s = link.BindInt64(1, source_id)
            .BindInt64(2, match.original_id)
            .BindDouble(3, match.similarity)
            .Run();
  }
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
        " VALUES (?1, ?2, 'near_duplicate', 'source', ?3, NULL, ?4)",
        &audit);
  }
  if (s.ok()) {
    const nlohmann::json after = {{"original", match.original_id},
                                  {"similarity", match.similarity}};
    audit.BindText(1, UtcNow())
        .BindText(2, actor)
        .BindInt64(3, source_id)
        .BindText(4, after.dump());
    s = audit.Run();
  }
  return s;
}

Status BackfillFingerprints(Database* db, const std::string& actor) {
  // A store with nothing to fingerprint (always, after the first opening) takes no write
  // lock, so that a read-only store opens.
  Statement any;
  bool pending_rows = false;
  Status checked = db->Prepare(
      "SELECT 1 FROM source WHERE id > (SELECT coalesce(max(source_id), 0) FROM fingerprint)"
      " LIMIT 1",
      &any);
  if (checked.ok()) checked = any.Step(&pending_rows);
  if (!checked.ok() || !pending_rows) return checked;
  for (;;) {
    Transaction tx(db);
    Status s = tx.Begin(Transaction::Mode::kWrite);
    Statement pending, text;
    if (s.ok()) {
      s = db->Prepare(
          "SELECT id FROM source WHERE id > (SELECT coalesce(max(source_id), 0) FROM fingerprint)"
          " ORDER BY id LIMIT ?1",
          &pending);
    }
    std::vector<int64_t> ids;
    bool row = false;
    if (s.ok()) pending.BindInt64(1, kBackfillBatch);
    while (s.ok() && (s = pending.Step(&row)).ok() && row) ids.push_back(pending.ColumnInt64(0));
    if (!s.ok() || ids.empty()) return s;
    s = db->Prepare("SELECT text, boilerplate FROM document WHERE source_id = ?1", &text);
    for (size_t i = 0; i < ids.size() && s.ok(); ++i) {
      s = text.BindInt64(1, ids[i]).Step(&row);
      std::vector<Span> boilerplate;
      std::string body;
      if (s.ok() && row) {
        body = text.ColumnText(0);
        s = DecodeSpans(text.ColumnText(1), &boilerplate);
      }
      text.Reset();
      if (!s.ok()) return s.WithContext(fmt::format("fingerprinting source {}", ids[i]));
      const Fingerprint fp = FingerprintText(body, boilerplate);
      NearDuplicateMatch match;
      s = FindNearDuplicate(db, fp, &match);
      if (s.ok()) s = WriteFingerprint(db, ids[i], fp, match, actor);
    }
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
  }
}

Status ReadNearDuplicateLink(Database* db, int64_t source_id, int64_t* original_id,
                             double* similarity) {
  *original_id = 0;
  *similarity = 0;
  Statement stmt;
  Status s =
      db->Prepare("SELECT original_id, similarity FROM near_duplicate WHERE source_id = ?1", &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  if (s.ok() && row) {
    *original_id = stmt.ColumnInt64(0);
    *similarity = stmt.ColumnDouble(1);
  }
  return s;
}

Status ReadNearDuplicateGroup(Database* db, int64_t source_id, std::vector<NearDuplicate>* out) {
  out->clear();
  Statement exists, stmt;
  bool row = false;
  Status s = db->Prepare("SELECT 1 FROM source WHERE id = ?1", &exists);
  if (s.ok()) s = exists.BindInt64(1, source_id).Step(&row);
  if (s.ok() && !row) return Status::NotFound(fmt::format("no source with id {}", source_id));
  int64_t original = 0;
  double similarity = 0;
  if (s.ok()) s = ReadNearDuplicateLink(db, source_id, &original, &similarity);
  if (s.ok()) {
    s = db->Prepare(
        "SELECT s.id, s.name, s.publisher, s.url, s.published, n.original_id, n.similarity"
        " FROM source s LEFT JOIN near_duplicate n ON n.source_id = s.id"
        " WHERE s.id IN (SELECT ?1 UNION SELECT source_id FROM near_duplicate"
        " WHERE original_id = ?1) ORDER BY s.id",
        &stmt);
  }
  if (s.ok()) s = stmt.BindInt64(1, original != 0 ? original : source_id).Step(&row);
  while (s.ok() && row) {
    NearDuplicate d;
    d.id = stmt.ColumnInt64(0);
    d.name = stmt.ColumnText(1);
    d.publisher = stmt.ColumnText(2);
    d.url = stmt.ColumnText(3);
    if (!stmt.IsNull(5)) {
      d.original_id = stmt.ColumnInt64(5);
      d.similarity = stmt.ColumnDouble(6);
    }
    s = ColumnDate(stmt, 4, &d.published);
    out->push_back(std::move(d));
    if (s.ok()) s = stmt.Step(&row);
  }
  if (out->size() == 1) out->clear();
  return s;
}

}  // namespace letapis::store
