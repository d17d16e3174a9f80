#include "store/review.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "letapis/date.h"
#include "store/accounts.h"
#include "store/codec.h"
#include "store/review_people.h"
#include "store/transaction.h"

namespace letapis {

bool IsFactKind(const std::string& kind) {
  return kind == "event" || kind == "claim" || kind == "quote";
}

}  // namespace letapis

namespace letapis::store {
namespace {

constexpr int64_t kMaxPage = 1000;
constexpr char kPeopleSeparator = '\x1f';

constexpr std::array<const char*, 13> kEventTypes = {
    "detention",        "search",        "charge",      "trial", "sentence",    "release", "pardon",
    "death_in_custody", "incommunicado", "extradition", "exile", "designation", "advocacy"};
constexpr std::array<const char*, 10> kClaimCategories = {
    "political_prisoners", "repressed",   "detained", "prosecuted", "convicted", "released", "fled",
    "died_in_custody",     "signatories", "other"};

// The text of a byte span of d.text (substr on a BLOB counts bytes).
#define LETAPIS_SPAN_TEXT(b, e) \
  "CAST(substr(CAST(d.text AS BLOB), " b " + 1, " e " - " b ") AS TEXT)"

// One SELECT per kind with the common FactRow columns, filtered and paged by the caller.
const char* FactSelect(const std::string& kind) {
  if (kind == "claim") {
    return "SELECT c.id AS id, c.source_id AS source_id, s.name AS source_name,"
           " c.category AS type, c.as_of AS date, '' AS place,"
           " coalesce(en.name, c.source_name) AS people, NULL AS term_months, '' AS article,"
           " '' AS modality, c.value AS value, c.qualifier AS qualifier, c.what AS what,"
           " c.evidence_begin AS b, c.evidence_end AS e,"
           " " LETAPIS_SPAN_TEXT("c.evidence_begin", "c.evidence_end") " AS evidence,"
           " c.rule AS rule, c.confidence AS confidence, c.review_state AS review_state"
           " FROM claim c JOIN source s ON s.id = c.source_id"
           " JOIN document d ON d.source_id = c.source_id"
           " LEFT JOIN entity en ON en.id = c.source_entity_id";
  }
  if (kind == "quote") {
    return "SELECT q.id AS id, q.source_id AS source_id, s.name AS source_name,"
           " 'quote' AS type, NULL AS date, '' AS place, coalesce(en.name, '') AS people,"
           " NULL AS term_months, '' AS article, '' AS modality, 0 AS value, '' AS qualifier,"
           " '' AS what, q.span_begin AS b, q.span_end AS e,"
           " " LETAPIS_SPAN_TEXT("q.span_begin", "q.span_end") " AS evidence,"
           " q.rule AS rule, q.confidence AS confidence, q.review_state AS review_state"
           " FROM quote q JOIN source s ON s.id = q.source_id"
           " JOIN document d ON d.source_id = q.source_id"
           " LEFT JOIN entity en ON en.id = q.speaker_entity_id";
  }
  return "SELECT ev.id AS id, ev.source_id AS source_id, s.name AS source_name,"
         " ev.type AS type, ev.date AS date, coalesce(pl.name, '') AS place,"
         " coalesce((SELECT group_concat(name, char(31)) FROM (SELECT en.name AS name"
         "   FROM event_participant p JOIN entity en ON en.id = p.entity_id"
         "   WHERE p.event_id = ev.id ORDER BY p.position)), '') AS people,"
         " ev.term_months AS term_months, ev.article AS article, ev.modality AS modality,"
         " 0 AS value, '' AS qualifier, '' AS what, ev.evidence_begin AS b,"
         " ev.evidence_end AS e,"
         " " LETAPIS_SPAN_TEXT("ev.evidence_begin", "ev.evidence_end") " AS evidence,"
         " ev.rule AS rule, ev.confidence AS confidence, ev.review_state AS review_state"
         " FROM event ev JOIN source s ON s.id = ev.source_id"
         " JOIN document d ON d.source_id = ev.source_id"
         " LEFT JOIN entity pl ON pl.id = ev.place_entity_id";
}
#undef LETAPIS_SPAN_TEXT

std::vector<std::string> SplitPeople(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (!joined.empty() && start <= joined.size()) {
    size_t end = joined.find(kPeopleSeparator, start);
    if (end == std::string::npos) end = joined.size();
    out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

FactRow ReadFact(const Statement& st, const std::string& kind) {
  FactRow f;
  f.kind = kind;
  f.id = st.ColumnInt64(0);
  f.source_id = st.ColumnInt64(1);
  f.source_name = st.ColumnText(2);
  f.type = st.ColumnText(3);
  f.date = st.ColumnText(4);
  f.place = st.ColumnText(5);
  f.people = SplitPeople(st.ColumnText(6));
  if (!st.IsNull(7)) f.term_months = static_cast<int>(st.ColumnInt64(7));
  f.article = st.ColumnText(8);
  f.modality = st.ColumnText(9);
  f.value = st.ColumnDouble(10);
  f.qualifier = st.ColumnText(11);
  f.what = st.ColumnText(12);
  f.evidence_begin = static_cast<uint32_t>(st.ColumnInt64(13));
  f.evidence_end = static_cast<uint32_t>(st.ColumnInt64(14));
  f.evidence = st.ColumnText(15);
  f.rule = st.ColumnText(16);
  f.confidence = st.ColumnDouble(17);
  f.review_state = st.ColumnText(18);
  return f;
}

// The WHERE clause of `filter` (constant fragments; values bound in BindFilter order).
std::string FilterSql(const FactFilter& f, int64_t id) {
  std::string where = " WHERE 1 = 1";
  if (id != 0) where += " AND f.id = ?1";
  if (f.source_id != 0) where += " AND f.source_id = ?2";
  if (!f.type.empty()) where += " AND f.type = ?3";
  if (!f.date_from.empty()) where += " AND f.date >= ?4";
  if (!f.date_to.empty()) where += " AND f.date <= ?5 || 'z'";
  if (!f.place.empty()) where += " AND f.place LIKE ?6";
  if (!f.person.empty()) where += " AND f.people LIKE ?7";
  if (!f.review_state.empty()) where += " AND f.review_state = ?8";
  return where;
}

// `text` as a LIKE pattern that matches it anywhere, with % and _ taken literally.
std::string Contains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

void BindFilter(Statement* st, const FactFilter& f, int64_t id) {
  if (id != 0) st->BindInt64(1, id);
  if (f.source_id != 0) st->BindInt64(2, f.source_id);
  if (!f.type.empty()) st->BindText(3, f.type);
  if (!f.date_from.empty()) st->BindText(4, f.date_from);
  if (!f.date_to.empty()) st->BindText(5, f.date_to);
  if (!f.place.empty()) st->BindText(6, Contains(f.place));
  if (!f.person.empty()) st->BindText(7, Contains(f.person));
  if (!f.review_state.empty()) st->BindText(8, f.review_state);
}

Status QueryFacts(Database* db, const FactFilter& filter, int64_t id, std::vector<FactRow>* out,
                  int64_t* total) {
  if (!IsFactKind(filter.kind)) {
    return Status::InvalidInput(
        fmt::format("fact kind \"{}\": use event, claim or quote", filter.kind));
  }
  std::string where = FilterSql(filter, id);
  // LIKE with an escape character only where patterns are bound.
  std::string like_fix = where;
  for (const char* p : {"?6", "?7"}) {
    size_t at = like_fix.find(p);
    if (at != std::string::npos) like_fix.insert(at + 2, " ESCAPE '\\'");
  }
  const std::string from = fmt::format("FROM ({}) f{}", FactSelect(filter.kind), like_fix);
  Statement st;
  Status s;
  if (total != nullptr) {
    s = db->Prepare("SELECT count(*) " + from, &st);
    bool row = false;
    if (s.ok()) {
      BindFilter(&st, filter, id);
      s = st.Step(&row);
    }
    if (!s.ok()) return s;
    *total = st.ColumnInt64(0);
  }
  // Across reports, the page's ids are chosen first from the ordering columns alone, and
  // only its rows then read their documents for the evidence text (sorting every fact with
  // its evidence read each document of the store). One report's facts are few: one query.
  const std::string order = " ORDER BY f.date IS NULL, f.date DESC, f.source_id DESC, f.b, f.id";
  const std::string page = " LIMIT ?9 OFFSET ?10";
  s = db->Prepare(
      id != 0 || filter.source_id != 0
          ? "SELECT * " + from + order + page
          : "SELECT * " + from + " AND f.id IN (SELECT f.id " + from + order + page + ")" + order,
      &st);
  if (!s.ok()) return s;
  BindFilter(&st, filter, id);
  st.BindInt64(9, std::clamp<int64_t>(filter.limit, 1, kMaxPage));
  st.BindInt64(10, std::max<int64_t>(filter.offset, 0));
  bool row = false;
  while ((s = st.Step(&row)).ok() && row) out->push_back(ReadFact(st, filter.kind));
  return s;
}

template <size_t N>
bool OneOf(const std::array<const char*, N>& list, const std::string& value) {
  return std::any_of(list.begin(), list.end(), [&](const char* v) { return value == v; });
}

// The edits of `a` as a JSON object of column values, after validation.
Status EditsOf(const ReviewAction& a, nlohmann::json* edits) {
  *edits = nlohmann::json::object();
  if (a.action != "edit") return Status::Ok();
  if (a.kind == "quote")
    return Status::InvalidInput("quotes can be confirmed or rejected, not edited");
  if (a.type) {
    const bool known =
        a.kind == "event" ? OneOf(kEventTypes, *a.type) : OneOf(kClaimCategories, *a.type);
    if (!known) return Status::InvalidInput(fmt::format("unknown {} type \"{}\"", a.kind, *a.type));
    (*edits)[a.kind == "event" ? "type" : "category"] = *a.type;
  }
  if (a.date) {
    if (!a.date->empty() && !PartialDate::FromIso(*a.date)) {
      return Status::InvalidInput(
          fmt::format("date \"{}\": expected YYYY, YYYY-MM or YYYY-MM-DD", *a.date));
    }
    (*edits)[a.kind == "event" ? "date" : "as_of"] = *a.date;
  }
  if (a.kind == "event" && a.term_months) {
    if (*a.term_months < -1 || *a.term_months > 1200) {
      return Status::InvalidInput("term_months: from 0 to 1200 months, or -1 for life");
    }
    (*edits)["term_months"] = *a.term_months;
  }
  if (a.kind == "event" && a.article) (*edits)["article"] = *a.article;
  if (a.people) {
    if (a.kind != "event") return Status::InvalidInput("only an event's people can be edited");
    std::vector<std::string> names;
    Status s = CleanPeopleNames(*a.people, &names);
    if (!s.ok()) return s;
    (*edits)["people"] = names;
  }
  if (a.kind == "claim" && a.value) (*edits)["value"] = *a.value;
  if (edits->empty()) return Status::InvalidInput("an edit needs at least one changed field");
  return Status::Ok();
}

nlohmann::json Snapshot(const FactRow& f) {
  nlohmann::json j = {{"review_state", f.review_state}, {"type", f.type}, {"date", f.date}};
  if (f.kind == "event") {
    j["term_months"] = f.term_months ? nlohmann::json(*f.term_months) : nlohmann::json();
    j["article"] = f.article;
    j["people"] = f.people;
  }
  if (f.kind == "claim") j["value"] = f.value;
  return j;
}

// One UPDATE per editable column; the column names are constants of this table.
struct EditColumn {
  const char* kind;
  const char* key;
  const char* sql;
};
constexpr EditColumn kEditColumns[] = {
    {"event", "type", "UPDATE event SET type = ?1 WHERE id = ?2"},
    {"event", "date", "UPDATE event SET date = nullif(?1, '') WHERE id = ?2"},
    {"event", "term_months", "UPDATE event SET term_months = ?1 WHERE id = ?2"},
    {"event", "article", "UPDATE event SET article = ?1 WHERE id = ?2"},
    {"claim", "category", "UPDATE claim SET category = ?1 WHERE id = ?2"},
    {"claim", "as_of", "UPDATE claim SET as_of = nullif(?1, '') WHERE id = ?2"},
    {"claim", "value", "UPDATE claim SET value = ?1 WHERE id = ?2"},
};

const char* StateSql(const std::string& kind) {
  if (kind == "claim") return "UPDATE claim SET review_state = ?1 WHERE id = ?2";
  if (kind == "quote") return "UPDATE quote SET review_state = ?1 WHERE id = ?2";
  return "UPDATE event SET review_state = ?1 WHERE id = ?2";
}

}  // namespace

Status ApplyDecision(Database* db, const std::string& kind, int64_t id, const std::string& state,
                     const std::string& edits_json, std::vector<std::string>* added_people) {
  const nlohmann::json edits = nlohmann::json::parse(edits_json, nullptr, false);
  if (!edits.is_object()) return Status::Corrupt("review decision: edits are not a JSON object");
  Statement st;
  Status s = db->Prepare(StateSql(kind), &st);
  if (s.ok()) s = st.BindText(1, state).BindInt64(2, id).Run();
  for (const EditColumn& c : kEditColumns) {
    if (!s.ok()) break;
    if (kind != c.kind || !edits.contains(c.key)) continue;
    const nlohmann::json& v = edits[c.key];
    s = db->Prepare(c.sql, &st);
    if (!s.ok()) break;
    if (v.is_string()) {
      st.BindText(1, v.get<std::string>());
    } else if (v.is_number_integer()) {
      st.BindInt64(1, v.get<int64_t>());
    } else if (v.is_number()) {
      st.BindDouble(1, v.get<double>());
    } else {
      st.BindNull(1);
    }
    s = st.BindInt64(2, id).Run();
  }
  if (s.ok() && kind == "event" && edits.contains("people")) {
    const nlohmann::json& people = edits["people"];
    if (!people.is_array()) return Status::Corrupt("review decision: people is not a list");
    std::vector<std::string> names;
    for (const nlohmann::json& n : people) {
      if (!n.is_string()) return Status::Corrupt("review decision: a person is not a name");
      names.push_back(n.get<std::string>());
    }
    s = SetEventPeople(db, id, names, added_people);
  }
  return s;
}

Status ListReports(Database* db, int64_t limit, int64_t offset, std::vector<ReportSummary>* out,
                   int64_t* total) {
  Statement st;
  Status s = db->Prepare("SELECT count(*) FROM source", &st);
  bool row = false;
  if (s.ok()) s = st.Step(&row);
  if (!s.ok()) return s;
  *total = st.ColumnInt64(0);
  s = db->Prepare(
      "SELECT s.id, s.name, s.title, s.publisher, coalesce(d.published, s.published, ''),"
      " s.ingested_at, s.sha256,"
      " (SELECT count(*) FROM event WHERE source_id = s.id),"
      " (SELECT count(*) FROM claim WHERE source_id = s.id),"
      " (SELECT count(*) FROM quote WHERE source_id = s.id),"
      " (SELECT count(*) FROM event WHERE source_id = s.id AND review_state = 'proposed')"
      " + (SELECT count(*) FROM claim WHERE source_id = s.id AND review_state = 'proposed')"
      " + (SELECT count(*) FROM quote WHERE source_id = s.id AND review_state = 'proposed')"
      " FROM source s JOIN document d ON d.source_id = s.id"
      " ORDER BY s.id DESC LIMIT ?1 OFFSET ?2",
      &st);
  if (!s.ok()) return s;
  st.BindInt64(1, std::clamp<int64_t>(limit, 1, kMaxPage))
      .BindInt64(2, std::max<int64_t>(offset, 0));
  while ((s = st.Step(&row)).ok() && row) {
    out->push_back(ReportSummary{st.ColumnInt64(0), st.ColumnText(1), st.ColumnText(2),
                                 st.ColumnText(3), st.ColumnText(4), st.ColumnText(5),
                                 st.ColumnText(6), st.ColumnInt64(7), st.ColumnInt64(8),
                                 st.ColumnInt64(9), st.ColumnInt64(10)});
  }
  return s;
}

Status ListFacts(Database* db, const FactFilter& filter, std::vector<FactRow>* out,
                 int64_t* total) {
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kRead);
  if (s.ok()) s = QueryFacts(db, filter, 0, out, total);
  if (s.ok()) s = tx.Commit();
  return s;
}

Status CountEventsPerMonth(Database* db, std::map<std::string, int64_t>* out) {
  out->clear();
  Statement st;
  Status s = db->Prepare(
      "SELECT substr(date, 1, 7), count(*) FROM event WHERE length(date) >= 7"
      " AND review_state <> 'rejected' GROUP BY substr(date, 1, 7)",
      &st);
  bool row = false;
  while (s.ok() && (s = st.Step(&row)).ok() && row) (*out)[st.ColumnText(0)] = st.ColumnInt64(1);
  return s;
}

Status GetFact(Database* db, const std::string& kind, int64_t id, FactRow* out) {
  FactFilter filter;
  filter.kind = kind;
  std::vector<FactRow> rows;
  Status s = QueryFacts(db, filter, id, &rows, nullptr);
  if (!s.ok()) return s;
  if (rows.empty()) return Status::NotFound(fmt::format("no {} {}", kind, id));
  *out = rows.front();
  return Status::Ok();
}

Status ReviewFact(Database* db, const ReviewAction& a, FactRow* after) {
  if (!IsFactKind(a.kind)) return Status::InvalidInput(fmt::format("fact kind \"{}\"", a.kind));
  std::string state;
  if (a.action == "confirm") state = "confirmed";
  if (a.action == "reject") state = "rejected";
  if (a.action == "edit") state = "corrected";
  if (state.empty()) {
    return Status::InvalidInput(
        fmt::format("review action \"{}\": use confirm, edit or reject", a.action));
  }
  nlohmann::json edits;
  Status s = EditsOf(a, &edits);
  if (!s.ok()) return s;
  Transaction tx(db);
  s = tx.Begin();
  FactRow before, now;
  if (s.ok()) s = GetFact(db, a.kind, a.id, &before);
  if (!s.ok()) return s;
  // The decision is kept under the fact's stable identity; earlier edits stay.
  Statement st;
  std::string sha;
  nlohmann::json merged = nlohmann::json::object();
  bool row = false;
  s = db->Prepare("SELECT sha256 FROM source WHERE id = ?1", &st);
  if (s.ok()) s = st.BindInt64(1, before.source_id).Step(&row);
  if (s.ok()) sha = st.ColumnText(0);
  if (s.ok()) {
    s = db->Prepare(
        "SELECT edits FROM review_decision WHERE source_sha256 = ?1 AND kind = ?2"
        " AND evidence_begin = ?3 AND evidence_end = ?4 AND rule = ?5",
        &st);
  }
  if (s.ok()) {
    st.BindText(1, sha).BindText(2, a.kind).BindInt64(3, before.evidence_begin);
    s = st.BindInt64(4, before.evidence_end).BindText(5, before.rule).Step(&row);
  }
  if (s.ok() && row) {
    nlohmann::json old = nlohmann::json::parse(st.ColumnText(0), nullptr, false);
    if (old.is_object()) merged = old;
  }
  if (!s.ok()) return s;
  merged.update(edits);
  std::vector<std::string> added_people;
  s = ApplyDecision(db, a.kind, a.id, state, merged.dump(), &added_people);
  if (s.ok()) {
    s = db->Prepare(
        "INSERT OR REPLACE INTO review_decision (source_sha256, kind, evidence_begin,"
        " evidence_end, rule, state, edits, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        &st);
  }
  if (s.ok()) {
    st.BindText(1, sha).BindText(2, a.kind).BindInt64(3, before.evidence_begin);
    st.BindInt64(4, before.evidence_end).BindText(5, before.rule).BindText(6, state);
    s = st.BindText(7, merged.dump()).BindText(8, a.actor).BindText(9, UtcNow()).Run();
  }
  if (s.ok()) s = GetFact(db, a.kind, a.id, &now);
  if (s.ok()) {
    nlohmann::json after_json = Snapshot(now);
    if (!a.why.empty()) after_json["why"] = a.why;
    for (const std::string& name : added_people) {
      after_json["added_people"].push_back(
          {{"name", name}, {"rule", kReviewPersonRule}, {"confidence", 1}});
    }
    s = AppendAudit(db, a.actor, "review_" + a.action, a.kind, a.id, Snapshot(before).dump(),
                    after_json.dump());
  }
  if (s.ok()) s = tx.Commit();
  if (s.ok() && after != nullptr) *after = now;
  return s;
}

Status ListAudit(Database* db, const std::string& object_type, int64_t object_id,
                 std::vector<AuditEntry>* out) {
  Statement st;
  Status s = db->Prepare(
      "SELECT l.id, l.at, l.actor, l.action, l.object_type, l.object_id, coalesce(l.before, ''),"
      " coalesce(l.after, ''), coalesce(c.hash, '') FROM audit_log l"
      " LEFT JOIN audit_chain c ON c.audit_id = l.id"
      " WHERE l.object_type = ?1 AND l.object_id = ?2 ORDER BY l.id",
      &st);
  if (!s.ok()) return s;
  st.BindText(1, object_type).BindInt64(2, object_id);
  bool row = false;
  while ((s = st.Step(&row)).ok() && row) {
    out->push_back(AuditEntry{st.ColumnInt64(0), st.ColumnText(1), st.ColumnText(2),
                              st.ColumnText(3), st.ColumnText(4), st.ColumnInt64(5),
                              st.ColumnText(6), st.ColumnText(7), st.ColumnText(8)});
  }
  return s;
}

}  // namespace letapis::store
