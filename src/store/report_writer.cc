#include "store/report_writer.h"

#include <chrono>
#include <ctime>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "letapis/ingest.h"
#include "store/codec.h"
#include "store/source_extras.h"

namespace letapis::store {
namespace {

// Role of every event participant until extraction distinguishes roles.
constexpr const char* kParticipantRole = "subject";

Status CheckSpan(const Span& span, size_t text_size, std::string_view what) {
  if (span.begin > span.end || span.end > text_size) {
    return Status::InvalidInput(fmt::format("{}: span [{}, {}) is outside the text of {} bytes",
                                            what, span.begin, span.end, text_size));
  }
  return Status::Ok();
}

// An entity reference: an index into the entities, or -1 when `optional`.
Status CheckEntity(int index, size_t entities, bool optional, std::string_view what) {
  if ((optional && index == -1) || (index >= 0 && static_cast<size_t>(index) < entities)) {
    return Status::Ok();
  }
  return Status::InvalidInput(
      fmt::format("{}: entity index {} is not one of the {} entities", what, index, entities));
}

Status CheckFacts(const Document& doc, const Extraction& x) {
  const size_t n = x.entities.size(), size = doc.text.size();
  Status s;
  for (size_t i = 0; i < doc.boilerplate.size() && s.ok(); ++i) {
    s = CheckSpan(doc.boilerplate[i], size, fmt::format("boilerplate {}", i));
  }
  for (size_t i = 0; i < x.mentions.size() && s.ok(); ++i) {
    std::string what = fmt::format("mention {}", i);
    s = CheckSpan(x.mentions[i].span, size, what);
    if (s.ok()) s = CheckEntity(x.mentions[i].entity, n, true, what);
  }
  for (size_t i = 0; i < x.events.size() && s.ok(); ++i) {
    const Event& e = x.events[i];
    std::string what = fmt::format("event {}", i);
    s = CheckSpan(e.evidence, size, what + " evidence");
    if (s.ok()) s = CheckSpan(e.trigger, size, what + " trigger");
    if (s.ok()) s = CheckEntity(e.place, n, true, what + " place");
    for (size_t k = 0; k < e.who.size() && s.ok(); ++k) {
      s = CheckEntity(e.who[k], n, false, fmt::format("{} participant {}", what, k));
    }
  }
  for (size_t i = 0; i < x.claims.size() && s.ok(); ++i) {
    std::string what = fmt::format("claim {}", i);
    s = CheckSpan(x.claims[i].evidence, size, what);
    if (s.ok()) s = CheckEntity(x.claims[i].source, n, true, what + " source");
  }
  for (size_t i = 0; i < x.quotes.size() && s.ok(); ++i) {
    std::string what = fmt::format("quote {}", i);
    s = CheckSpan(x.quotes[i].span, size, what);
    if (s.ok()) s = CheckEntity(x.quotes[i].speaker, n, true, what + " speaker");
  }
  return s;
}

// Binds a span and its raw counterpart at `index`..`index + 3`.
void BindSpans(Statement* stmt, int index, const Span& span, const OffsetMap& map) {
  stmt->BindInt64(index, span.begin)
      .BindInt64(index + 1, span.end)
      .BindInt64(index + 2, map.ToSource(span.begin))
      .BindInt64(index + 3, map.EndToSource(span.end));
}

// Binds an entity reference as its row id, or NULL for -1.
void BindEntity(Statement* stmt, int index, int entity, const std::vector<int64_t>& ids) {
  if (entity < 0) {
    stmt->BindNull(index);
  } else {
    stmt->BindInt64(index, ids[entity]);
  }
}

Status WriteSource(Database* db, const Document& doc, const Extraction& x, const std::string& now,
                   int64_t* source_id) {
  std::string raw_z, map_blob;
  Status s = Compress(doc.raw, &raw_z);
  if (s.ok()) s = EncodeOffsetMap(doc.text_to_raw, &map_blob);
  Statement src, document;
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO source (name, path, format, url, title, publisher, published, encoding,"
        " sha256, raw, raw_size, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        " ?11, ?12)",
        &src);
  }
  if (!s.ok()) return s;
  const SourceMeta& m = doc.meta;
  src.BindText(1, m.name).BindText(2, m.path).BindText(3, m.format).BindText(4, m.url);
  src.BindText(5, m.title).BindText(6, m.publisher).BindText(8, m.encoding).BindText(9, m.sha256);
  BindDate(&src, 7, m.published);
  src.BindBlob(10, raw_z).BindInt64(11, static_cast<int64_t>(doc.raw.size())).BindText(12, now);
  s = src.Run();
  if (!s.ok()) return s;
  *source_id = db->LastInsertRowid();
  s = db->Prepare(
      "INSERT INTO document (source_id, text, text_to_raw, boilerplate, published)"
      " VALUES (?1, ?2, ?3, ?4, ?5)",
      &document);
  if (!s.ok()) return s;
  document.BindInt64(1, *source_id).BindText(2, doc.text).BindBlob(3, map_blob);
  document.BindText(4, EncodeSpans(doc.boilerplate));
  BindDate(&document, 5, x.published);
  return document.Run();
}

Status WriteEntities(Database* db, int64_t source_id, const Extraction& x,
                     std::vector<int64_t>* ids) {
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO entity (source_id, kind, name, aliases, confidence) VALUES (?1, ?2, ?3, ?4, ?5)",
      &stmt);
  for (size_t i = 0; i < x.entities.size() && s.ok(); ++i) {
    const Entity& e = x.entities[i];
    std::string aliases;
    s = EncodeStrings(e.aliases, &aliases);
    if (!s.ok()) return s.WithContext(fmt::format("entity {} aliases", i));
    stmt.BindInt64(1, source_id).BindText(2, EntityKindName(e.kind)).BindText(3, e.name);
    stmt.BindText(4, aliases).BindDouble(5, e.confidence);
    s = stmt.Run();
    ids->push_back(db->LastInsertRowid());
  }
  return s;
}

Status WriteMentions(Database* db, int64_t source_id, const Document& doc, const Extraction& x,
                     const std::vector<int64_t>& ids) {
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO mention (source_id, entity_id, kind, span_begin, span_end, raw_begin, raw_end,"
      " surface, rule, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      &stmt);
  for (size_t i = 0; i < x.mentions.size() && s.ok(); ++i) {
    const Mention& m = x.mentions[i];
    stmt.BindInt64(1, source_id).BindText(3, EntityKindName(m.kind));
    BindEntity(&stmt, 2, m.entity, ids);
    BindSpans(&stmt, 4, m.span, doc.text_to_raw);
    stmt.BindText(8, m.surface).BindText(9, m.rule).BindDouble(10, m.confidence);
    s = stmt.Run();
  }
  return s;
}

Status WriteEvents(Database* db, int64_t source_id, const Document& doc, const Extraction& x,
                   const std::vector<int64_t>& ids) {
  Statement event, participant;
  Status s = db->Prepare(
      "INSERT INTO event (source_id, type, date, date_text, place_entity_id, term_months,"
      " article, modality, evidence_begin, evidence_end, evidence_raw_begin, evidence_raw_end,"
      " trigger_begin, trigger_end, rule, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
      " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
      &event);
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO event_participant (event_id, entity_id, role, position)"
        " VALUES (?1, ?2, ?3, ?4)",
        &participant);
  }
  for (size_t i = 0; i < x.events.size() && s.ok(); ++i) {
    const Event& e = x.events[i];
    event.BindInt64(1, source_id).BindText(2, e.type).BindText(4, e.date_text);
    BindDate(&event, 3, e.date);
    BindEntity(&event, 5, e.place, ids);
    if (e.term_months) {
      event.BindInt64(6, *e.term_months);
    } else {
      event.BindNull(6);
    }
    event.BindText(7, e.article).BindText(8, e.modality);
    BindSpans(&event, 9, e.evidence, doc.text_to_raw);
    event.BindInt64(13, e.trigger.begin).BindInt64(14, e.trigger.end);
    event.BindText(15, e.rule).BindDouble(16, e.confidence);
    s = event.Run();
    int64_t event_id = db->LastInsertRowid();
    for (size_t k = 0; k < e.who.size() && s.ok(); ++k) {
      participant.BindInt64(1, event_id).BindInt64(2, ids[e.who[k]]);
      participant.BindText(3, kParticipantRole).BindInt64(4, static_cast<int64_t>(k));
      s = participant.Run();
    }
  }
  return s;
}

Status WriteClaims(Database* db, int64_t source_id, const Document& doc, const Extraction& x,
                   const std::vector<int64_t>& ids) {
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO claim (source_id, value, qualifier, category, what, as_of, source_entity_id,"
      " source_name, evidence_begin, evidence_end, evidence_raw_begin, evidence_raw_end, rule,"
      " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
      &stmt);
  for (size_t i = 0; i < x.claims.size() && s.ok(); ++i) {
    const Claim& c = x.claims[i];
    stmt.BindInt64(1, source_id).BindDouble(2, c.value).BindText(3, c.qualifier);
    stmt.BindText(4, c.category).BindText(5, c.what).BindText(8, c.source_name);
    BindDate(&stmt, 6, c.as_of);
    BindEntity(&stmt, 7, c.source, ids);
    BindSpans(&stmt, 9, c.evidence, doc.text_to_raw);
    stmt.BindText(13, c.rule).BindDouble(14, c.confidence);
    s = stmt.Run();
  }
  return s;
}

Status WriteQuotes(Database* db, int64_t source_id, const Document& doc, const Extraction& x,
                   const std::vector<int64_t>& ids) {
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO quote (source_id, speaker_entity_id, span_begin, span_end, raw_begin, raw_end,"
      " rule, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      &stmt);
  for (size_t i = 0; i < x.quotes.size() && s.ok(); ++i) {
    const Quote& q = x.quotes[i];
    stmt.BindInt64(1, source_id);
    BindEntity(&stmt, 2, q.speaker, ids);
    BindSpans(&stmt, 3, q.span, doc.text_to_raw);
    stmt.BindText(7, q.rule).BindDouble(8, q.confidence);
    s = stmt.Run();
  }
  return s;
}

Status WriteAudit(Database* db, int64_t source_id, const Document& doc, const Extraction& x,
                  const std::string& actor, const std::string& now) {
  nlohmann::json after = {{"name", doc.meta.name},
                          {"sha256", doc.meta.sha256},
                          {"counts",
                           {{"mentions", x.mentions.size()},
                            {"entities", x.entities.size()},
                            {"events", x.events.size()},
                            {"claims", x.claims.size()},
                            {"quotes", x.quotes.size()}}}};
  Statement stmt;
  Status s = db->Prepare(
      "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
      " VALUES (?1, ?2, 'ingest', 'source', ?3, NULL, ?4)",
      &stmt);
  if (!s.ok()) return s;
  stmt.BindText(1, now).BindText(2, actor).BindInt64(3, source_id);
  stmt.BindText(4, after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return stmt.Run();
}

}  // namespace

Status ValidateReport(const Document& doc, const Extraction& extraction) {
  const std::string& name = doc.meta.name;
  if (doc.meta.sha256 != Sha256Hex(doc.raw)) {
    return Status::InvalidInput(fmt::format("{}: sha256 does not match the raw bytes", name));
  }
  if (doc.text.size() > UINT32_MAX) {
    return Status::InvalidInput(fmt::format("{}: text is larger than 4 GiB", name));
  }
  if (doc.text_to_raw.size() != doc.text.size()) {
    return Status::InvalidInput(fmt::format("{}: offset map covers {} bytes, the text has {}", name,
                                            doc.text_to_raw.size(), doc.text.size()));
  }
  return CheckFacts(doc, extraction).WithContext(name);
}

Status WriteExtraction(Database* db, int64_t source_id, const Document& doc,
                       const Extraction& extraction) {
  std::vector<int64_t> ids;
  Status s = WriteEntities(db, source_id, extraction, &ids);
  if (s.ok()) s = WriteMentions(db, source_id, doc, extraction, ids);
  if (s.ok()) s = WriteEvents(db, source_id, doc, extraction, ids);
  if (s.ok()) s = WriteClaims(db, source_id, doc, extraction, ids);
  if (s.ok()) s = WriteQuotes(db, source_id, doc, extraction, ids);
  return s;
}

Status WriteReport(Database* db, const Document& doc, const Extraction& extraction,
                   const std::string& actor, int64_t* source_id) {
  const std::string now = UtcNow();
  Status s = WriteSource(db, doc, extraction, now, source_id);
  if (s.ok()) s = WriteSourceExtras(db, *source_id, doc);
  if (s.ok()) s = WriteExtraction(db, *source_id, doc, extraction);
  if (s.ok()) s = WriteAudit(db, *source_id, doc, extraction, actor, now);
  return s.WithContext(doc.meta.name);
}

}  // namespace letapis::store
