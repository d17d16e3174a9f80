#include "store/report_reader.h"

#include <unordered_map>

#include <fmt/format.h>

#include "letapis/ingest.h"
#include "store/codec.h"
#include "store/source_extras.h"

namespace letapis::store {
namespace {

// Entity row ids of one source mapped to their indices in Extraction::entities.
using EntityIndex = std::unordered_map<int64_t, int>;

// Reads an entity reference column: NULL is -1, a row id of another source is corrupt.
Status ColumnEntity(const Statement& stmt, int col, const EntityIndex& index, int* out) {
  *out = -1;
  if (stmt.IsNull(col)) return Status::Ok();
  auto it = index.find(stmt.ColumnInt64(col));
  if (it == index.end()) {
    return Status::Corrupt(
        fmt::format("refers to entity {}, not an entity of this source", stmt.ColumnInt64(col)));
  }
  *out = it->second;
  return Status::Ok();
}

Span ColumnSpan(const Statement& stmt, int col) {
  return Span{static_cast<uint32_t>(stmt.ColumnInt64(col)),
              static_cast<uint32_t>(stmt.ColumnInt64(col + 1))};
}

Status ReadSource(Database* db, int64_t source_id, StoredReport* out) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT s.name, s.path, s.format, s.url, s.title, s.publisher, s.published, s.encoding,"
      " s.sha256, s.raw, s.raw_size, s.ingested_at, d.text, d.text_to_raw, d.boilerplate,"
      " d.published FROM source s JOIN document d ON d.source_id = s.id WHERE s.id = ?1",
      &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  if (!s.ok()) return s;
  if (!row) return Status::NotFound(fmt::format("no source with id {}", source_id));
  Document& doc = out->document;
  SourceMeta& m = doc.meta;
  m.name = stmt.ColumnText(0);
  m.path = stmt.ColumnText(1);
  m.format = stmt.ColumnText(2);
  m.url = stmt.ColumnText(3);
  m.title = stmt.ColumnText(4);
  m.publisher = stmt.ColumnText(5);
  m.encoding = stmt.ColumnText(7);
  m.sha256 = stmt.ColumnText(8);
  out->ingested_at = stmt.ColumnText(11);
  doc.text = stmt.ColumnText(12);
  s = ColumnDate(stmt, 6, &m.published);
  if (s.ok()) s = ColumnDate(stmt, 15, &out->extraction.published);
  if (s.ok()) {
    s = Decompress(stmt.ColumnBlob(9), static_cast<uint64_t>(stmt.ColumnInt64(10)), &doc.raw);
  }
  if (s.ok() && Sha256Hex(doc.raw) != m.sha256) {
    s = Status::Corrupt("raw bytes do not match their sha256");
  }
  if (s.ok()) {
    s = DecodeOffsetMap(stmt.ColumnBlob(13), static_cast<uint32_t>(doc.text.size()),
                        &doc.text_to_raw);
  }
  if (s.ok()) s = DecodeSpans(stmt.ColumnText(14), &doc.boilerplate);
  return s;
}

Status ReadEntities(Database* db, int64_t source_id, Extraction* x, EntityIndex* index,
                    std::vector<int64_t>* person_ids) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT id, kind, name, aliases, confidence, person_id FROM entity WHERE source_id = ?1"
      " ORDER BY id",
      &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    Entity e;
    std::string kind = stmt.ColumnText(1);
    std::optional<EntityKind> k = ParseEntityKind(kind);
    if (!k) return Status::Corrupt(fmt::format("entity has unknown kind \"{}\"", kind));
    e.kind = *k;
    e.name = stmt.ColumnText(2);
    e.confidence = static_cast<float>(stmt.ColumnDouble(4));
    s = DecodeStrings(stmt.ColumnText(3), &e.aliases);
    (*index)[stmt.ColumnInt64(0)] = static_cast<int>(x->entities.size());
    x->entities.push_back(std::move(e));
    person_ids->push_back(stmt.IsNull(5) ? 0 : stmt.ColumnInt64(5));
    if (s.ok()) s = stmt.Step(&row);
  }
  return s;
}

Status ReadMentions(Database* db, int64_t source_id, const EntityIndex& index, Extraction* x) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT entity_id, kind, span_begin, span_end, surface, rule, confidence FROM mention"
      " WHERE source_id = ?1 ORDER BY id",
      &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    Mention m;
    std::string kind = stmt.ColumnText(1);
    std::optional<EntityKind> k = ParseEntityKind(kind);
    if (!k) return Status::Corrupt(fmt::format("mention has unknown kind \"{}\"", kind));
    m.kind = *k;
    m.span = ColumnSpan(stmt, 2);
    m.surface = stmt.ColumnText(4);
    m.rule = stmt.ColumnText(5);
    m.confidence = static_cast<float>(stmt.ColumnDouble(6));
    s = ColumnEntity(stmt, 0, index, &m.entity);
    x->mentions.push_back(std::move(m));
    if (s.ok()) s = stmt.Step(&row);
  }
  return s;
}

// Runs the prepared participant query `stmt` for one event, then resets it.
Status ReadParticipants(Statement* stmt, int64_t event_id, const EntityIndex& index, Event* e) {
  bool row = false;
  Status s = stmt->BindInt64(1, event_id).Step(&row);
  while (s.ok() && row) {
    int who = -1;
    s = ColumnEntity(*stmt, 0, index, &who);
    e->who.push_back(who);
    if (s.ok()) s = stmt->Step(&row);
  }
  stmt->Reset();
  return s;
}

Status ReadEvents(Database* db, int64_t source_id, const EntityIndex& index, Extraction* x) {
  Statement stmt, participants;
  Status s =
      db->Prepare("SELECT entity_id FROM event_participant WHERE event_id = ?1 ORDER BY position",
                  &participants);
  if (s.ok()) {
    s = db->Prepare(
        "SELECT id, type, date, date_text, place_entity_id, term_months, article, modality,"
        " evidence_begin, evidence_end, trigger_begin, trigger_end, rule, confidence FROM event"
        " WHERE source_id = ?1 ORDER BY id",
        &stmt);
  }
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    Event e;
    e.type = stmt.ColumnText(1);
    e.date_text = stmt.ColumnText(3);
    if (!stmt.IsNull(5)) e.term_months = static_cast<int>(stmt.ColumnInt64(5));
    e.article = stmt.ColumnText(6);
    e.modality = stmt.ColumnText(7);
    e.evidence = ColumnSpan(stmt, 8);
    e.trigger = ColumnSpan(stmt, 10);
    e.rule = stmt.ColumnText(12);
    e.confidence = static_cast<float>(stmt.ColumnDouble(13));
    s = ColumnDate(stmt, 2, &e.date);
    if (s.ok()) s = ColumnEntity(stmt, 4, index, &e.place);
    if (s.ok()) s = ReadParticipants(&participants, stmt.ColumnInt64(0), index, &e);
    x->events.push_back(std::move(e));
    if (s.ok()) s = stmt.Step(&row);
  }
  return s;
}

Status ReadClaims(Database* db, int64_t source_id, const EntityIndex& index, Extraction* x) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT value, qualifier, category, what, as_of, source_entity_id, source_name,"
      " evidence_begin, evidence_end, rule, confidence FROM claim WHERE source_id = ?1"
      " ORDER BY id",
      &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    Claim c;
    c.value = stmt.ColumnDouble(0);
    c.qualifier = stmt.ColumnText(1);
    c.category = stmt.ColumnText(2);
    c.what = stmt.ColumnText(3);
    c.source_name = stmt.ColumnText(6);
    c.evidence = ColumnSpan(stmt, 7);
    c.rule = stmt.ColumnText(9);
    c.confidence = static_cast<float>(stmt.ColumnDouble(10));
    s = ColumnDate(stmt, 4, &c.as_of);
    if (s.ok()) s = ColumnEntity(stmt, 5, index, &c.source);
    x->claims.push_back(std::move(c));
    if (s.ok()) s = stmt.Step(&row);
  }
  return s;
}

Status ReadQuotes(Database* db, int64_t source_id, const EntityIndex& index, Extraction* x) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT speaker_entity_id, span_begin, span_end, rule, confidence FROM quote"
      " WHERE source_id = ?1 ORDER BY id",
      &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    Quote q;
    q.span = ColumnSpan(stmt, 1);
    q.rule = stmt.ColumnText(3);
    q.confidence = static_cast<float>(stmt.ColumnDouble(4));
    s = ColumnEntity(stmt, 0, index, &q.speaker);
    x->quotes.push_back(std::move(q));
    if (s.ok()) s = stmt.Step(&row);
  }
  return s;
}

}  // namespace

Status ReadReport(Database* db, int64_t source_id, StoredReport* out) {
  *out = StoredReport();
  out->id = source_id;
  EntityIndex index;
  Status s = ReadSource(db, source_id, out);
  if (s.ok()) s = ReadSourceExtras(db, source_id, &out->document);
  if (s.ok()) s = ReadEntities(db, source_id, &out->extraction, &index, &out->entity_person);
  if (s.ok()) s = ReadMentions(db, source_id, index, &out->extraction);
  if (s.ok()) s = ReadEvents(db, source_id, index, &out->extraction);
  if (s.ok()) s = ReadClaims(db, source_id, index, &out->extraction);
  if (s.ok()) s = ReadQuotes(db, source_id, index, &out->extraction);
  if (s.ok()) return s;
  const std::string& name = out->document.meta.name;
  return s.WithContext(name.empty() ? fmt::format("source {}", source_id)
                                    : fmt::format("source {} ({})", source_id, name));
}

}  // namespace letapis::store
