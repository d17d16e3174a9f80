// The review workflow: listing machine facts, confirming, editing or rejecting them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace letapis {

// One reviewable fact (an event, a claim or a quote) as stored, with the names it refers to.
struct FactRow {
  std::string kind;  // "event", "claim", "quote"
  int64_t id = 0;
  int64_t source_id = 0;
  std::string source_name;
  std::string type;  // event type; claim category; "quote"
  std::string date;  // event date or claim as-of date (ISO, partial), "" when unknown
  std::string place;
  std::vector<std::string> people;                // event participants; claim source; quote speaker
  std::optional<int> term_months;                 // events
  std::string article;                            // events
  std::string modality;                           // events
  double value = 0;                               // claims
  std::string qualifier, what;                    // claims
  uint32_t evidence_begin = 0, evidence_end = 0;  // byte span in the document text
  std::string evidence;                           // the text of that span
  std::string rule;
  double confidence = 0;
  std::string review_state;  // proposed, confirmed, corrected, rejected
};

// Which facts to list. Empty strings do not filter. Dates compare as ISO text.
struct FactFilter {
  std::string kind = "event";
  std::string type, date_from, date_to, place, person, review_state;
  int64_t source_id = 0;  // 0: every source
  int64_t limit = 100, offset = 0;
};

// A reviewer's change to a fact. `action` is "confirm", "reject" or "edit"; an edit
// sets any of the given fields (events: type, date, term_months, article, people; claims:
// type as category, date as as-of, value) and leaves the fact "corrected".
struct ReviewAction {
  std::string kind;
  int64_t id = 0;
  std::string action;
  std::optional<std::string> type, date, article;
  std::optional<int> term_months;
  std::optional<double> value;
  std::string actor;
  std::string why;
  // Events: every participant by name, in order. A name (any written form) of a person or
  // organisation of the report links that entity; another name adds a person to the report.
  std::optional<std::vector<std::string>> people = std::nullopt;
};

// One row of the audit log, with its hash-chain link.
struct AuditEntry {
  int64_t id = 0;
  std::string at;  // UTC, ISO 8601
  std::string actor, action, object_type;
  std::optional<int64_t> object_id;
  std::string before, after;  // JSON, "" when none
  std::string hash;           // hex SHA-256 chain hash, "" when the row has none
};

// A stored report as listed: provenance and fact counts.
struct ReportSummary {
  int64_t id = 0;
  std::string name, title, publisher, published, ingested_at, sha256;
  int64_t events = 0, claims = 0, quotes = 0, proposed = 0;
};

// What `Store::ReplaceExtraction` did.
struct ReextractStats {
  int64_t events = 0, claims = 0, quotes = 0;
  int64_t decisions_applied = 0;   // human decisions found again on the new facts
  int64_t decisions_orphaned = 0;  // decisions whose fact the current rules no longer find
};

// True for "event", "claim" and "quote".
bool IsFactKind(const std::string& kind);

}  // namespace letapis
