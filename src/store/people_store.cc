#include "store/people_store.h"

#include <map>

#include <fmt/format.h>

#include "store/codec.h"

namespace letapis::store {
namespace {

constexpr const char* kPersonColumns =
    "id, name, origin, reviewed, list_source, status, gender, birth_year, detained, articles,"
    " verdict_date, sentence, sentence_months, judge, prosecutor, prison, released, died";

Person ReadPersonRow(const Statement& stmt) {
  Person p;
  p.id = stmt.ColumnInt64(0);
  p.name = stmt.ColumnText(1);
  p.origin = stmt.ColumnText(2);
  p.reviewed = stmt.ColumnInt64(3) != 0;
  p.list_source = stmt.ColumnText(4);
  CaseFacts& f = p.facts;
  f.status = stmt.ColumnText(5);
  f.gender = stmt.ColumnText(6);
  f.birth_year = stmt.IsNull(7) ? 0 : static_cast<int>(stmt.ColumnInt64(7));
  f.detained = stmt.ColumnText(8);
  f.articles = stmt.ColumnText(9);
  f.verdict_date = stmt.ColumnText(10);
  f.sentence = stmt.ColumnText(11);
  if (!stmt.IsNull(12)) f.sentence_months = static_cast<int>(stmt.ColumnInt64(12));
  f.judge = stmt.ColumnText(13);
  f.prosecutor = stmt.ColumnText(14);
  f.prison = stmt.ColumnText(15);
  f.released = stmt.ColumnText(16);
  f.died = stmt.ColumnText(17);
  return p;
}

// Inserts `p` (with its id when non-zero) and its names.
Status InsertPerson(Database* db, const Person& p, const std::string& now, int64_t* id) {
  Statement stmt;
  Status s = db->Prepare(fmt::format("INSERT INTO person ({}, created_at) VALUES (?1, ?2, ?3, ?4,"
                                     " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                                     " ?18, ?19)",
                                     kPersonColumns),
                         &stmt);
  if (!s.ok()) return s;
  const CaseFacts& f = p.facts;
  if (p.id != 0) {
    stmt.BindInt64(1, p.id);
  } else {
    stmt.BindNull(1);
  }
  stmt.BindText(2, p.name).BindText(3, p.origin).BindInt64(4, p.reviewed ? 1 : 0);
  stmt.BindText(5, p.list_source).BindText(6, f.status).BindText(7, f.gender);
  if (f.birth_year != 0) {
    stmt.BindInt64(8, f.birth_year);
  } else {
    stmt.BindNull(8);
  }
  stmt.BindText(9, f.detained).BindText(10, f.articles).BindText(11, f.verdict_date);
  stmt.BindText(12, f.sentence);
  if (f.sentence_months) {
    stmt.BindInt64(13, *f.sentence_months);
  } else {
    stmt.BindNull(13);
  }
  stmt.BindText(14, f.judge).BindText(15, f.prosecutor).BindText(16, f.prison);
  stmt.BindText(17, f.released).BindText(18, f.died).BindText(19, now);
  s = stmt.Run();
  if (s.ok()) *id = db->LastInsertRowid();
  return s;
}

Status ReplaceNames(Database* db, int64_t id, const std::vector<std::string>& names) {
  Statement del, ins;
  Status s = db->Prepare("DELETE FROM person_name WHERE person_id = ?1", &del);
  if (s.ok()) s = del.BindInt64(1, id).Run();
  if (s.ok())
    s = db->Prepare("INSERT INTO person_name (person_id, position, name) VALUES (?1, ?2, ?3)",
                    &ins);
  for (size_t i = 0; s.ok() && i < names.size(); ++i) {
    s = ins.BindInt64(1, id).BindInt64(2, static_cast<int64_t>(i)).BindText(3, names[i]).Run();
    ins.Reset();
  }
  return s;
}

Status DeletePerson(Database* db, int64_t id) {
  Statement names, person;
  Status s = db->Prepare("DELETE FROM person_name WHERE person_id = ?1", &names);
  if (s.ok()) s = names.BindInt64(1, id).Run();
  if (s.ok()) s = db->Prepare("DELETE FROM person WHERE id = ?1 AND origin = 'reports'", &person);
  if (s.ok()) s = person.BindInt64(1, id).Run();
  return s;
}

}  // namespace

Status ReadPeople(Database* db, std::vector<Person>* out) {
  Statement people, names;
  Status s = db->Prepare(fmt::format("SELECT {} FROM person ORDER BY id", kPersonColumns), &people);
  std::map<int64_t, size_t> index;
  bool row = false;
  while (s.ok() && (s = people.Step(&row)).ok() && row) {
    index[people.ColumnInt64(0)] = out->size();
    out->push_back(ReadPersonRow(people));
  }
  if (s.ok())
    s = db->Prepare("SELECT person_id, name FROM person_name ORDER BY person_id, position", &names);
  while (s.ok() && (s = names.Step(&row)).ok() && row) {
    auto it = index.find(names.ColumnInt64(0));
    if (it == index.end()) {
      return Status::Corrupt(
          fmt::format("person_name refers to missing person {}", names.ColumnInt64(0)));
    }
    (*out)[it->second].names.push_back(names.ColumnText(1));
  }
  return s;
}

Status ReadPersonMentions(Database* db, std::vector<PersonMention>* out) {
  // Names of every entity per source, for the context of each person entity.
  struct Named {
    int64_t entity_id;
    bool person;
    std::string name;
  };
  std::map<int64_t, std::vector<Named>> by_source;
  Statement all;
  Status s = db->Prepare(
      "SELECT source_id, id, kind, name FROM entity WHERE kind <> 'place' ORDER BY id", &all);
  bool row = false;
  while (s.ok() && (s = all.Step(&row)).ok() && row) {
    by_source[all.ColumnInt64(0)].push_back(
        {all.ColumnInt64(1), all.ColumnText(2) == "person", all.ColumnText(3)});
  }
  Statement people;
  if (s.ok()) {
    s = db->Prepare(
        "SELECT id, source_id, name, aliases, person_id, person_why FROM entity"
        " WHERE kind = 'person' ORDER BY source_id, id",
        &people);
  }
  while (s.ok() && (s = people.Step(&row)).ok() && row) {
    PersonMention m;
    m.entity_id = people.ColumnInt64(0);
    m.source_id = people.ColumnInt64(1);
    m.name = people.ColumnText(2);
    s = DecodeStrings(people.ColumnText(3), &m.aliases);
    if (!s.ok()) return s.WithContext(fmt::format("entity {}", m.entity_id));
    m.person_id = people.IsNull(4) ? 0 : people.ColumnInt64(4);
    m.resolved = !people.IsNull(5);
    m.why = people.ColumnText(5);
    for (const Named& n : by_source[m.source_id]) {
      if (n.entity_id == m.entity_id) continue;
      (n.person ? m.co_people : m.co_bodies).push_back(n.name);
    }
    out->push_back(std::move(m));
  }
  return s;
}

Status WriteResolution(Database* db, const std::vector<Person>& people,
                       const std::vector<int64_t>& removed,
                       const std::vector<PersonAssignment>& assignments, bool full) {
  Status s = Status::Ok();
  if (full)
    s = db->Exec("UPDATE entity SET person_id = NULL, person_why = NULL WHERE kind = 'person'");
  const std::string now = UtcNow();
  for (const Person& p : people) {
    if (!s.ok()) break;
    Statement exists;
    bool row = false;
    s = db->Prepare("SELECT 1 FROM person WHERE id = ?1", &exists);
    if (s.ok()) s = exists.BindInt64(1, p.id).Step(&row);
    int64_t id = p.id;
    if (s.ok() && !row) s = InsertPerson(db, p, now, &id);
    if (s.ok()) s = ReplaceNames(db, id, p.names);
  }
  for (size_t i = 0; s.ok() && i < removed.size(); ++i) s = DeletePerson(db, removed[i]);
  Statement assign;
  if (s.ok())
    s = db->Prepare("UPDATE entity SET person_id = ?1, person_why = ?2 WHERE id = ?3", &assign);
  for (size_t i = 0; s.ok() && i < assignments.size(); ++i) {
    const PersonAssignment& a = assignments[i];
    if (a.person_id != 0) {
      assign.BindInt64(1, a.person_id);
    } else {
      assign.BindNull(1);
    }
    s = assign.BindText(2, a.why).BindInt64(3, a.entity_id).Run();
    assign.Reset();
  }
  if (s.ok() && full) {
    s = db->Exec(
        "DELETE FROM person_name WHERE person_id IN (SELECT id FROM person WHERE origin = 'reports'"
        " AND id NOT IN (SELECT person_id FROM entity WHERE person_id IS NOT NULL));"
        "DELETE FROM person WHERE origin = 'reports'"
        " AND id NOT IN (SELECT person_id FROM entity WHERE person_id IS NOT NULL);");
  }
  return s;
}

Status InsertListedPeople(Database* db, const std::vector<Person>& people,
                          std::vector<int64_t>* ids) {
  const std::string now = UtcNow();
  Status s = Status::Ok();
  for (const Person& p : people) {
    int64_t id = 0;
    Person listed = p;
    listed.id = 0;
    listed.origin = "list";
    listed.reviewed = true;
    s = InsertPerson(db, listed, now, &id);
    if (s.ok()) s = ReplaceNames(db, id, p.names);
    if (!s.ok()) return s.WithContext(p.list_source);
    ids->push_back(id);
  }
  return s;
}

}  // namespace letapis::store
