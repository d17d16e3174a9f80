#include "store/review_people.h"

#include <algorithm>

#include <fmt/format.h>

#include "store/codec.h"

namespace letapis::store {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `name` with surrounding white space removed and inner runs made one space.
std::string Squeeze(const std::string& name) {
  std::string out;
  bool gap = false;
  for (char c : name) {
    if (IsSpace(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

// An entity that participants may name: its id and its forms (name, then aliases).
struct ReportEntity {
  int64_t id = 0;
  std::vector<std::string> forms;
};

Status ReadEntities(Database* db, int64_t source_id, std::vector<ReportEntity>* out) {
  Statement st;
  Status s = db->Prepare(
      "SELECT id, name, aliases FROM entity WHERE source_id = ?1 AND kind <> 'place'"
      " ORDER BY kind <> 'person', id",
      &st);
  bool row = false;
  if (s.ok()) s = st.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    ReportEntity e{st.ColumnInt64(0), {st.ColumnText(1)}};
    std::vector<std::string> aliases;
    s = DecodeStrings(st.ColumnText(2), &aliases);
    if (!s.ok()) return s.WithContext(fmt::format("entity {}", e.id));
    e.forms.insert(e.forms.end(), aliases.begin(), aliases.end());
    out->push_back(std::move(e));
    s = st.Step(&row);
  }
  return s;
}

// The id of a new person entity of `source_id` named `name`.
Status AddPersonEntity(Database* db, int64_t source_id, const std::string& name, int64_t* id) {
  Statement st;
  Status s = db->Prepare(
      "INSERT INTO entity (source_id, kind, name, aliases, confidence)"
      " VALUES (?1, 'person', ?2, '[]', 1.0)",
      &st);
  if (s.ok()) s = st.BindInt64(1, source_id).BindText(2, name).Run();
  if (s.ok()) *id = db->LastInsertRowid();
  return s;
}

// Entities of `source_id` without a mention, of confidence 1, that no fact refers to
// (reviewers' additions no longer used), and the person records they are resolved to.
constexpr const char* kUnusedAdditions =
    "SELECT e.id, e.person_id FROM entity e WHERE e.source_id = ?1 AND e.confidence = 1.0"
    " AND NOT EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = e.id)"
    " AND NOT EXISTS (SELECT 1 FROM event_participant p WHERE p.entity_id = e.id)"
    " AND NOT EXISTS (SELECT 1 FROM event v WHERE v.place_entity_id = e.id)"
    " AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.source_entity_id = e.id)"
    " AND NOT EXISTS (SELECT 1 FROM quote q WHERE q.speaker_entity_id = e.id)";
// The person records (?1) that only removed entities were resolved to.
constexpr const char* kRemoveLonePersonSql[] = {
    "DELETE FROM person_name WHERE person_id = ?1 AND NOT EXISTS (SELECT 1 FROM entity"
    " WHERE person_id = ?1) AND EXISTS (SELECT 1 FROM person WHERE id = ?1 AND origin = 'reports')",
    "DELETE FROM person WHERE id = ?1 AND origin = 'reports' AND NOT EXISTS (SELECT 1 FROM entity"
    " WHERE person_id = ?1)",
};

Status RemoveUnusedAdditions(Database* db, int64_t source_id) {
  Statement st;
  std::vector<std::pair<int64_t, int64_t>> unused;
  Status s = db->Prepare(kUnusedAdditions, &st);
  bool row = false;
  if (s.ok()) s = st.BindInt64(1, source_id).Step(&row);
  while (s.ok() && row) {
    unused.emplace_back(st.ColumnInt64(0), st.IsNull(1) ? 0 : st.ColumnInt64(1));
    s = st.Step(&row);
  }
  for (const auto& [entity, person] : unused) {
    if (s.ok()) s = db->Prepare("DELETE FROM entity WHERE id = ?1", &st);
    if (s.ok()) s = st.BindInt64(1, entity).Run();
    for (const char* sql : kRemoveLonePersonSql) {
      if (s.ok() && person != 0) s = db->Prepare(sql, &st);
      if (s.ok() && person != 0) s = st.BindInt64(1, person).Run();
    }
  }
  return s;
}

}  // namespace

Status CleanPeopleNames(const std::vector<std::string>& names, std::vector<std::string>* out) {
  out->clear();
  for (const std::string& raw : names) {
    const std::string name = Squeeze(raw);
    if (name.empty() || std::find(out->begin(), out->end(), name) != out->end()) continue;
    if (name.size() > kMaxReviewNameBytes) {
      return Status::InvalidInput(fmt::format("person \"{}…\": a name has at most {} bytes",
                                              name.substr(0, 40), kMaxReviewNameBytes));
    }
    for (unsigned char c : name) {
      if (c < 0x20 || c == 0x7f) {
        return Status::InvalidInput(
            fmt::format("person \"{}\": a name cannot hold control characters", name));
      }
    }
    out->push_back(name);
  }
  if (out->size() > kMaxReviewPeople) {
    return Status::InvalidInput(
        fmt::format("{} people: an event has at most {}", out->size(), kMaxReviewPeople));
  }
  std::string encoded;
  return EncodeStrings(*out, &encoded).WithContext("people");
}

Status SetEventPeople(Database* db, int64_t event_id, const std::vector<std::string>& names,
                      std::vector<std::string>* added) {
  Statement st;
  Status s = db->Prepare("SELECT source_id FROM event WHERE id = ?1", &st);
  bool row = false;
  if (s.ok()) s = st.BindInt64(1, event_id).Step(&row);
  if (!s.ok()) return s;
  if (!row) return Status::NotFound(fmt::format("no event {}", event_id));
  const int64_t source_id = st.ColumnInt64(0);
  std::vector<ReportEntity> entities;
  s = ReadEntities(db, source_id, &entities);
  std::vector<int64_t> ids;
  for (size_t i = 0; i < names.size() && s.ok(); ++i) {
    auto it = std::find_if(entities.begin(), entities.end(), [&](const ReportEntity& e) {
      return std::find(e.forms.begin(), e.forms.end(), names[i]) != e.forms.end();
    });
    int64_t id = 0;
    if (it != entities.end()) {
      id = it->id;
    } else {
      s = AddPersonEntity(db, source_id, names[i], &id);
      entities.push_back(ReportEntity{id, {names[i]}});
      if (added != nullptr) added->push_back(names[i]);
    }
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (s.ok()) s = db->Prepare("DELETE FROM event_participant WHERE event_id = ?1", &st);
  if (s.ok()) s = st.BindInt64(1, event_id).Run();
  if (s.ok()) {
    s = db->Prepare(
        "INSERT INTO event_participant (event_id, entity_id, role, position)"
        " VALUES (?1, ?2, 'subject', ?3)",
        &st);
  }
  for (size_t k = 0; k < ids.size() && s.ok(); ++k) {
    s = st.BindInt64(1, event_id).BindInt64(2, ids[k]).BindInt64(3, static_cast<int64_t>(k)).Run();
  }
  if (s.ok()) s = RemoveUnusedAdditions(db, source_id);
  return s;
}

}  // namespace letapis::store
