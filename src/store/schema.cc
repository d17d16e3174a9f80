#include "store/schema.h"

#include <iterator>

#include <fmt/format.h>

#include "store/transaction.h"

namespace letapis::store {
namespace {

// Migration scripts: kMigrations[i] takes the schema from version i to i + 1. Scripts are
// append-only once released; a change is a new script.
constexpr const char* kMigrations[] = {
    // Version 1: sources, documents, per-document entities and extracted facts, audit log.
    R"sql(
CREATE TABLE source (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  path        TEXT NOT NULL,
  format      TEXT NOT NULL,
  url         TEXT NOT NULL,
  title       TEXT NOT NULL,
  publisher   TEXT NOT NULL,
  published   TEXT,
  encoding    TEXT NOT NULL,
  sha256      TEXT NOT NULL UNIQUE,
  raw         BLOB NOT NULL,
  raw_size    INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX source_name ON source(name);

CREATE TABLE document (
  source_id   INTEGER PRIMARY KEY REFERENCES source(id),
  text        TEXT NOT NULL,
  text_to_raw BLOB NOT NULL,
  boilerplate TEXT NOT NULL,
  published   TEXT
);

CREATE TABLE entity (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES source(id),
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
  name       TEXT NOT NULL,
  aliases    TEXT NOT NULL,
  confidence REAL NOT NULL,
  person_id  INTEGER
);
CREATE INDEX entity_source ON entity(source_id);
CREATE INDEX entity_person ON entity(person_id);

CREATE TABLE mention (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES source(id),
  entity_id  INTEGER REFERENCES entity(id),
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  raw_begin  INTEGER NOT NULL,
  raw_end    INTEGER NOT NULL,
  surface    TEXT NOT NULL,
  rule       TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX mention_source ON mention(source_id);
CREATE INDEX mention_entity ON mention(entity_id);

CREATE TABLE event (
  id                 INTEGER PRIMARY KEY,
  source_id          INTEGER NOT NULL REFERENCES source(id),
  type               TEXT NOT NULL,
  date               TEXT,
  date_text          TEXT NOT NULL,
  place_entity_id    INTEGER REFERENCES entity(id),
  term_months        INTEGER,
  article            TEXT NOT NULL,
  modality           TEXT NOT NULL,
  evidence_begin     INTEGER NOT NULL,
  evidence_end       INTEGER NOT NULL,
  evidence_raw_begin INTEGER NOT NULL,
  evidence_raw_end   INTEGER NOT NULL,
  trigger_begin      INTEGER NOT NULL,
  trigger_end        INTEGER NOT NULL,
  rule               TEXT NOT NULL,
  confidence         REAL NOT NULL,
  review_state       TEXT NOT NULL DEFAULT 'proposed'
);
CREATE INDEX event_source ON event(source_id);
CREATE INDEX event_place ON event(place_entity_id);

CREATE TABLE event_participant (
  event_id  INTEGER NOT NULL REFERENCES event(id),
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  role      TEXT NOT NULL,
  position  INTEGER NOT NULL,
  PRIMARY KEY (event_id, position)
);
CREATE INDEX event_participant_entity ON event_participant(entity_id);

CREATE TABLE claim (
  id                 INTEGER PRIMARY KEY,
  source_id          INTEGER NOT NULL REFERENCES source(id),
  value              REAL NOT NULL,
  qualifier          TEXT NOT NULL,
  category           TEXT NOT NULL,
  what               TEXT NOT NULL,
  as_of              TEXT,
  source_entity_id   INTEGER REFERENCES entity(id),
  source_name        TEXT NOT NULL,
  evidence_begin     INTEGER NOT NULL,
  evidence_end       INTEGER NOT NULL,
  evidence_raw_begin INTEGER NOT NULL,
  evidence_raw_end   INTEGER NOT NULL,
  rule               TEXT NOT NULL,
  confidence         REAL NOT NULL,
  review_state       TEXT NOT NULL DEFAULT 'proposed'
);
CREATE INDEX claim_source ON claim(source_id);
CREATE INDEX claim_source_entity ON claim(source_entity_id);

CREATE TABLE quote (
  id                INTEGER PRIMARY KEY,
  source_id         INTEGER NOT NULL REFERENCES source(id),
  speaker_entity_id INTEGER REFERENCES entity(id),
  span_begin        INTEGER NOT NULL,
  span_end          INTEGER NOT NULL,
  raw_begin         INTEGER NOT NULL,
  raw_end           INTEGER NOT NULL,
  rule              TEXT NOT NULL,
  confidence        REAL NOT NULL,
  review_state      TEXT NOT NULL DEFAULT 'proposed'
);
CREATE INDEX quote_source ON quote(source_id);
CREATE INDEX quote_speaker ON quote(speaker_entity_id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id   INTEGER,
  before      TEXT,
  after       TEXT
);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

PRAGMA application_id = 1280590160;
)sql",
    // Version 2: human judgements on whether two names denote the same person.
    R"sql(
CREATE TABLE judgement (
  id      INTEGER PRIMARY KEY,
  name_a  TEXT NOT NULL,
  name_b  TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('same', 'different')),
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  why     TEXT NOT NULL
);
)sql",
    // Version 3: people across reports (resolution) and case facts from prisoner lists.
    R"sql(
CREATE TABLE person (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  origin          TEXT NOT NULL CHECK (origin IN ('reports', 'list')),
  reviewed        INTEGER NOT NULL DEFAULT 0,
  list_source     TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT '',
  gender          TEXT NOT NULL DEFAULT '',
  birth_year      INTEGER,
  detained        TEXT NOT NULL DEFAULT '',
  articles        TEXT NOT NULL DEFAULT '',
  verdict_date    TEXT NOT NULL DEFAULT '',
  sentence        TEXT NOT NULL DEFAULT '',
  sentence_months INTEGER,
  judge           TEXT NOT NULL DEFAULT '',
  prosecutor      TEXT NOT NULL DEFAULT '',
  prison          TEXT NOT NULL DEFAULT '',
  released        TEXT NOT NULL DEFAULT '',
  died            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL
);
CREATE TABLE person_name (
  person_id INTEGER NOT NULL REFERENCES person(id),
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
);
ALTER TABLE entity ADD COLUMN person_why TEXT;
)sql",
    // Version 4: near-duplicate fingerprints, their LSH band index, and copy -> original links.
    R"sql(
CREATE TABLE fingerprint (
  source_id INTEGER PRIMARY KEY REFERENCES source(id),
  scheme    INTEGER NOT NULL,
  shingles  INTEGER NOT NULL,
  minhash   BLOB NOT NULL
);

CREATE TABLE fingerprint_band (
  band_key  INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  PRIMARY KEY (band_key, source_id)
) WITHOUT ROWID;

CREATE TABLE near_duplicate (
  source_id   INTEGER PRIMARY KEY REFERENCES source(id),
  original_id INTEGER NOT NULL REFERENCES source(id),
  similarity  REAL NOT NULL,
  CHECK (original_id < source_id)
);
CREATE INDEX near_duplicate_original ON near_duplicate(original_id);
)sql",
    // Version 5: a web page's byline or a message's sender, the message an attachment
    // came with, and a PDF's page ranges.
    R"sql(
ALTER TABLE source ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE source ADD COLUMN parent_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN pages TEXT NOT NULL DEFAULT '';
)sql",
    // Version 6: watched feeds and the articles fetched from them.
    R"sql(
CREATE TABLE watch_feed (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,
  added_at      TEXT NOT NULL,
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  checked_at    TEXT NOT NULL DEFAULT '',
  last_result   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE watch_item (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,
  feed_id       INTEGER NOT NULL REFERENCES watch_feed(id),
  etag          TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  fetched_at    TEXT NOT NULL
);
CREATE INDEX watch_item_feed ON watch_item(feed_id);
)sql",
    // Version 7: the audit log's hash chain. Each audit_log row gets an
    // audit_chain row with SHA-256(previous hash || the row), computed by
    // letapis_audit_hash (store/audit_chain.cc); existing rows are chained here in id order.
    // Also the marks of public exports (confidential sources, protected people).
    R"sql(
CREATE TABLE audit_chain (
  audit_id INTEGER PRIMARY KEY,
  hash     TEXT NOT NULL
);
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
  BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
  BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END;
WITH RECURSIVE chain(id, hash) AS (
  SELECT id, letapis_audit_hash(NULL, id, at, actor, action, object_type, object_id, before, after)
    FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)
  UNION ALL
  SELECT l.id, letapis_audit_hash(chain.hash, l.id, l.at, l.actor, l.action, l.object_type,
                                  l.object_id, l.before, l.after)
    FROM chain JOIN audit_log l ON l.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
)
INSERT INTO audit_chain (audit_id, hash) SELECT id, hash FROM chain;
CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN
  INSERT INTO audit_chain (audit_id, hash) VALUES (NEW.id, letapis_audit_hash(
    (SELECT hash FROM audit_chain ORDER BY audit_id DESC LIMIT 1), NEW.id, NEW.at, NEW.actor,
    NEW.action, NEW.object_type, NEW.object_id, NEW.before, NEW.after));
END;

-- Publication marks: sources left out of public exports, people shown under a pseudonym,
-- and the store's secret key for those pseudonyms (random, never exported).
CREATE TABLE confidential_source (
  source_id INTEGER PRIMARY KEY REFERENCES source(id),
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE TABLE protected_person (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,
  actor TEXT NOT NULL,
  at    TEXT NOT NULL
);
CREATE TABLE store_secret (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
INSERT INTO store_secret (name, value) VALUES ('pseudonym_key', randomblob(32));
)sql",
    // Version 8: team accounts, sessions, API tokens, review decisions, full-text index.
    R"sql(
CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer', 'disabled')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE TABLE web_session (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES app_user(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX web_session_user ON web_session(user_id);
CREATE TABLE api_token (
  id         INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    INTEGER NOT NULL REFERENCES app_user(id),
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_token_user ON api_token(user_id);
CREATE TABLE review_decision (
  id             INTEGER PRIMARY KEY,
  source_sha256  TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('event', 'claim', 'quote')),
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  state          TEXT NOT NULL,
  edits          TEXT NOT NULL,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  UNIQUE (source_sha256, kind, evidence_begin, evidence_end, rule)
);
CREATE INDEX event_date ON event(date);
CREATE INDEX event_review ON event(review_state);
CREATE VIRTUAL TABLE report_fts USING fts4(content="document", text, tokenize=unicode61);
INSERT INTO report_fts(report_fts) VALUES ('rebuild');
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO report_fts(docid, text) VALUES (new.source_id, new.text);
END;
CREATE TRIGGER document_fts_delete BEFORE DELETE ON document BEGIN
  INSERT INTO report_fts(report_fts, docid, text) VALUES ('delete', old.source_id, old.text);
END;
)sql",
};

Status ReadPragma(Database* db, const char* sql, int64_t* out) {
  Statement stmt;
  Status s = db->Prepare(sql, &stmt);
  bool row = false;
  if (s.ok()) s = stmt.Step(&row);
  if (s.ok()) *out = row ? stmt.ColumnInt64(0) : 0;
  return s;
}

// Refuses a SQLCipher database that some other program made.
Status CheckApplication(Database* db, const std::string& path) {
  int64_t app = 0, version = 0, objects = 0;
  Status s = ReadPragma(db, "PRAGMA application_id", &app);
  if (s.ok()) s = ReadPragma(db, "PRAGMA user_version", &version);
  if (s.ok()) s = ReadPragma(db, "SELECT count(*) FROM sqlite_master", &objects);
  if (!s.ok()) return s;
  bool fresh = app == 0 && version == 0 && objects == 0;
  if (app != kApplicationId && !fresh) {
    return Status::InvalidInput(
        fmt::format("{}: not a letapis store (application_id {:#x})", path, app));
  }
  return Status::Ok();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status Migrate(Database* db, const std::string& path) {
  Status s = CheckApplication(db, path);
  int64_t current = 0;
  if (s.ok()) s = ReadPragma(db, "PRAGMA user_version", &current);
  // Up to date: no write lock, so that a read-only store file still opens for reading.
  if (!s.ok() || current == LatestSchemaVersion()) return s;
  Transaction tx(db);
  s = tx.Begin();
  int64_t version = 0;
  if (s.ok()) s = ReadPragma(db, "PRAGMA user_version", &version);
  if (!s.ok()) return s;
  if (version > LatestSchemaVersion()) {
    return Status::InvalidInput(fmt::format(
        "{}: store schema version {} is newer than this letapis supports ({}); upgrade letapis",
        path, version, LatestSchemaVersion()));
  }
  if (version == LatestSchemaVersion()) return tx.Commit();
  for (int64_t v = version; v < LatestSchemaVersion() && s.ok(); ++v) {
    s = db->Exec(kMigrations[v]);
  }
  // The version is a constant of this binary, not input: safe to format into the pragma.
  if (s.ok()) s = db->Exec(fmt::format("PRAGMA user_version = {}", LatestSchemaVersion()).c_str());
  if (!s.ok()) return s;
  return tx.Commit();
}

}  // namespace letapis::store
