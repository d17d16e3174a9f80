// Near-duplicate fingerprints in the store: lookup through the LSH band index, writing
// fingerprints and copy -> original links, and fingerprinting stores made before them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "letapis/near_duplicates.h"
#include "letapis/status.h"
#include "letapis/store.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Most sources read per band key in one lookup (the earliest ones): bounds the work for a
// report copied thousands of times.
inline constexpr int kMaxSourcesPerBand = 256;

// The original a new report copies, if any.
struct NearDuplicateMatch {
  int64_t original_id = 0;  // 0 when the report is no copy
  double similarity = 0;    // resemblance to that original
};

// Finds, through the band index, the earlier reports resembling `fp` (at least
// kNearDuplicateThreshold), and among their groups' originals the one `fp` itself
// resembles most (at least kNearDuplicateThreshold; on a tie, the earliest).
Status FindNearDuplicate(Database* db, const Fingerprint& fp, NearDuplicateMatch* out);

// Inside the caller's write transaction: stores the fingerprint of `source_id`, its band
// keys when it is comparable, and, when `match` names an original, the link with an
// audit-log entry ('near_duplicate') by `actor`.
Status WriteFingerprint(Database* db, int64_t source_id, const Fingerprint& fp,
                        const NearDuplicateMatch& match, const std::string& actor);

// Fingerprints and links, in ingestion order, every source stored before fingerprints
// existed (those after the newest fingerprint), a batch per write transaction.
Status BackfillFingerprints(Database* db, const std::string& actor);

// The link of `source_id`: *original_id 0 (and *similarity 0) when it is no copy.
Status ReadNearDuplicateLink(Database* db, int64_t source_id, int64_t* original_id,
                             double* similarity);

// See Store::ListNearDuplicates.
Status ReadNearDuplicateGroup(Database* db, int64_t source_id, std::vector<NearDuplicate>* out);

}  // namespace letapis::store
