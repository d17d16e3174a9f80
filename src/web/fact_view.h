// How facts are shown: one-line summaries and review cards.
#pragma once

#include <string>

#include "letapis/review.h"
#include "web/html.h"
#include "web/request.h"

namespace letapis::web {

// "sentence, 36 months, Art. 342 — Ales X, Maria Y (2024-05-03, Minsk)" as plain text.
std::string FactSummary(const FactRow& fact);

// The URL of a fact's page.
std::string FactUrl(const FactRow& fact);

// The facts of `kind` a request asks for: its parameters type, from, to, place, person,
// state (review state), report (source id), offset, and limit (default `page`, at most
// `max_limit`).
FactFilter FactFilterOf(const WebRequest& r, const std::string& kind, int64_t page,
                        int64_t max_limit);

// A card with the fact, its evidence and rule, and (for editors) confirm/reject buttons
// that return to `next`. `focusable` cards take part in the review queue's shortcuts.
std::string FactCard(const FactRow& fact, const Viewer& viewer, const std::string& next);

}  // namespace letapis::web
