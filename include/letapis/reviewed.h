// Applying reviewers' rejections to a stored report before it is summarised.
#pragma once

#include "letapis/status.h"
#include "letapis/store.h"

namespace letapis {

// Removes from `report.extraction` the events, claims and quotes that reviewers rejected
// (matched by evidence span and rule), so that dossiers and statistics leave them out.
// Corrections need nothing here: they are stored in the fact rows themselves.
Status DropRejectedFacts(Store* store, StoredReport* report);

}  // namespace letapis
