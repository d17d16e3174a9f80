#include "store/reextract.h"

#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/accounts.h"
#include "store/report_reader.h"
#include "store/report_writer.h"
#include "store/review.h"
#include "store/transaction.h"

namespace letapis::store {
namespace {

// The old facts of a source are deleted after the new ones are written, so that the new
// rows get ids above every old one: a row id is never reused for another fact (the audit
// log refers to facts by id). Children go first so that references hold at every step.
// ?1 is the source, ?2 the highest id the table had before the new rows.
struct FactTable {
  const char* max_sql;
  const char* delete_sql;
};
constexpr FactTable kFactTables[] = {
    {"SELECT coalesce(max(id), 0) FROM event",
     "DELETE FROM event_participant WHERE event_id IN"
     " (SELECT id FROM event WHERE source_id = ?1 AND id <= ?2)"},
    {"SELECT coalesce(max(id), 0) FROM event",
     "DELETE FROM event WHERE source_id = ?1 AND id <= ?2"},
    {"SELECT coalesce(max(id), 0) FROM claim",
     "DELETE FROM claim WHERE source_id = ?1 AND id <= ?2"},
    {"SELECT coalesce(max(id), 0) FROM quote",
     "DELETE FROM quote WHERE source_id = ?1 AND id <= ?2"},
    {"SELECT coalesce(max(id), 0) FROM mention",
     "DELETE FROM mention WHERE source_id = ?1 AND id <= ?2"},
    {"SELECT coalesce(max(id), 0) FROM entity",
     "DELETE FROM entity WHERE source_id = ?1 AND id <= ?2"},
};

// The fact of `kind` with this identity in the new extraction.
const char* FindFactSql(const std::string& kind) {
  if (kind == "claim") {
    return "SELECT id FROM claim WHERE source_id = ?1 AND evidence_begin = ?2"
           " AND evidence_end = ?3 AND rule = ?4";
  }
  if (kind == "quote") {
    return "SELECT id FROM quote WHERE source_id = ?1 AND span_begin = ?2 AND span_end = ?3"
           " AND rule = ?4";
  }
  return "SELECT id FROM event WHERE source_id = ?1 AND evidence_begin = ?2"
         " AND evidence_end = ?3 AND rule = ?4";
}

struct Decision {
  std::string kind;
  int64_t begin = 0, end = 0;
  std::string rule, state, edits, actor, at;
};

}  // namespace

Status ReplaceExtraction(Database* db, int64_t source_id, const Extraction& extraction,
                         const std::string& actor, ReextractStats* stats) {
  *stats = ReextractStats{};
  Transaction tx(db);
  Status s = tx.Begin();
  StoredReport report;
  if (s.ok()) s = ReadReport(db, source_id, &report);
  if (s.ok()) s = ValidateReport(report.document, extraction);
  Statement st;
  bool row = false;
  std::vector<int64_t> old_max;
  for (const FactTable& t : kFactTables) {
    if (s.ok()) s = db->Prepare(t.max_sql, &st);
    if (s.ok()) s = st.Step(&row);
    if (s.ok()) old_max.push_back(st.ColumnInt64(0));
  }
  if (s.ok()) s = WriteExtraction(db, source_id, report.document, extraction);
  for (size_t i = 0; i < std::size(kFactTables) && s.ok(); ++i) {
    s = db->Prepare(kFactTables[i].delete_sql, &st);
    if (s.ok()) s = st.BindInt64(1, source_id).BindInt64(2, old_max[i]).Run();
  }
  std::vector<Decision> decisions;
  if (s.ok()) {
    s = db->Prepare(
        "SELECT kind, evidence_begin, evidence_end, rule, state, edits, actor, at"
        " FROM review_decision WHERE source_sha256 = ?1 ORDER BY id",
        &st);
  }
  if (s.ok()) st.BindText(1, report.document.meta.sha256);
  while (s.ok() && (s = st.Step(&row)).ok() && row) {
    decisions.push_back(Decision{st.ColumnText(0), st.ColumnInt64(1), st.ColumnInt64(2),
                                 st.ColumnText(3), st.ColumnText(4), st.ColumnText(5),
                                 st.ColumnText(6), st.ColumnText(7)});
  }
  for (const Decision& d : decisions) {
    if (!s.ok()) break;
    s = db->Prepare(FindFactSql(d.kind), &st);
    if (s.ok()) {
      st.BindInt64(1, source_id).BindInt64(2, d.begin).BindInt64(3, d.end).BindText(4, d.rule);
      s = st.Step(&row);
    }
    if (!s.ok()) break;
    if (!row) {
      ++stats->decisions_orphaned;
      continue;
    }
    const int64_t id = st.ColumnInt64(0);
    st.Reset();
    s = ApplyDecision(db, d.kind, id, d.state, d.edits);
    // The new row's history says whose decision it carries.
    if (s.ok()) {
      const nlohmann::json after = {{"review_state", d.state},
                                    {"edits", nlohmann::json::parse(d.edits, nullptr, false)},
                                    {"decided_by", d.actor},
                                    {"decided_at", d.at}};
      s = AppendAudit(db, actor, "review_kept", d.kind, id, "", after.dump());
    }
    ++stats->decisions_applied;
  }
  stats->events = static_cast<int64_t>(extraction.events.size());
  stats->claims = static_cast<int64_t>(extraction.claims.size());
  stats->quotes = static_cast<int64_t>(extraction.quotes.size());
  if (s.ok()) {
    const nlohmann::json after = {{"events", stats->events},
                                  {"claims", stats->claims},
                                  {"quotes", stats->quotes},
                                  {"decisions_applied", stats->decisions_applied},
                                  {"decisions_orphaned", stats->decisions_orphaned}};
    s = AppendAudit(db, actor, "reextract", "source", source_id, "", after.dump());
  }
  if (s.ok()) s = tx.Commit();
  return s.WithContext(report.document.meta.name.empty() ? fmt::format("source {}", source_id)
                                                         : report.document.meta.name);
}

}  // namespace letapis::store
