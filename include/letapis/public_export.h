// The public view of a report: only confirmed facts, protected people under pseudonyms.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/names.h"
#include "letapis/store.h"

namespace letapis {

// One JSON object with the report's provenance (title, publisher, url, published; not its
// file name or path) and its confirmed events, claims and quotes (marks.events[i] etc.).
// Entity i is named pseudonyms[i] when that is not "" — in participant lists, places,
// speakers and attributions, and inside every evidence or quotation text, where its
// mentions and every written form of its name are replaced (in the title too). Returns null when no
// fact is confirmed. `pseudonyms` has one entry per entity.
nlohmann::json PublicRecord(const Document& doc, const Extraction& extraction,
                            const PublicationMarks& marks,
                            const std::vector<std::string>& pseudonyms);

// Calls `fn` with the PublicRecord of every report that is not confidential and has a
// confirmed fact, in store order; stops at the first error (of the store or of `fn`). A
// person entity is protected when its name or an alias may be the same person as a
// protected name (matcher.Compare); it is shown as
// "Protected person <first 10 hex digits of the store's pseudonym of that name>". Then
// every run of words in the title, evidence and quotation texts that the matcher takes
// for a protected name (a spelling extraction did not link, another script) is replaced
// by that label too.
Status ForEachPublicRecord(Store* store, const NameMatcher& matcher,
                           const std::function<Status(const nlohmann::json&)>& fn);

// Writes one JSON line per public record (ForEachPublicRecord).
Status WritePublicExport(Store* store, const NameMatcher& matcher, std::ostream* out);

}  // namespace letapis
