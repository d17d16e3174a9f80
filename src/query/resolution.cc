#include "letapis/resolution.h"

#include <algorithm>
#include <map>
#include <set>

#include "letapis/reviewed.h"

namespace letapis {

Status ResolvePeople(Store* store, const NameMatcher& matcher, bool full, const std::string& actor,
                     ResolutionSummary* out) {
  std::vector<Judgement> judgements;
  std::vector<Person> people;
  std::vector<PersonMention> mentions;
  Status s = store->ListJudgements(&judgements);
  if (s.ok()) s = store->ListPeople(&people);
  if (s.ok()) s = store->ListPersonMentions(&mentions);
  if (!s.ok()) return s;
  PeopleResolver resolver(matcher, judgements);
  std::set<int64_t> existing;
  for (const Person& p : people) {
    existing.insert(p.id);
    resolver.ReserveIdsUpTo(p.id);
    if (!full || p.origin == "list") resolver.AddPerson(p);
  }
  *out = ResolutionSummary();
  for (const PersonMention& m : mentions) {
    if (full || !m.resolved) {
      resolver.Resolve(m, full ? m.person_id : 0);
      ++out->mentions;
    } else {
      resolver.AddResolved(m);
    }
  }
  const std::vector<PersonAssignment> changes = resolver.Changes();
  const std::vector<Person> touched = resolver.Touched();
  for (const PersonAssignment& a : changes) ++(a.person_id != 0 ? out->assigned : out->unassigned);
  for (const Person& p : touched) out->new_people += existing.count(p.id) ? 0 : 1;
  if (changes.empty() && touched.empty() && !full) return Status::Ok();
  return store->SaveResolution(touched, resolver.Emptied(), changes, full, actor);
}

Status FindPeople(Store* store, const NameMatcher& matcher, std::string_view name,
                  std::vector<Person>* out) {
  std::vector<Person> people;
  std::vector<Judgement> judgements;
  Status s = store->ListPeople(&people);
  if (s.ok()) s = store->ListJudgements(&judgements);
  if (!s.ok()) return s;
  const std::string folded = FoldPersonName(name);
  // The latest verdict on a pair of names wins.
  // The verdicts on pairs involving the query, by the other name (folded once, not per
  // person name).
  std::map<std::string, std::string> verdicts;
  for (const Judgement& j : judgements) {
    const std::string a = FoldPersonName(j.name_a), b = FoldPersonName(j.name_b);
    if (a == folded) verdicts[b] = j.verdict;
    if (b == folded) verdicts[a] = j.verdict;
  }
  auto verdict = [&](const std::string& other) {
    auto it = verdicts.find(other);
    return it == verdicts.end() ? std::string() : it->second;
  };
  std::vector<Person> exact, compatible;
  const std::vector<std::string> keys = matcher.PhoneticKeys(name);
  for (Person& p : people) {
    bool written = false, judged_same = false, judged_different = false, blocked = false;
    bool all_fit = true, any_full = false;
    for (const std::string& n : p.names) {
      const std::string f = FoldPersonName(n);
      written = written || f == folded;
      const std::string v = verdict(f);
      judged_same = judged_same || v == "same";
      judged_different = judged_different || v == "different";
      for (const std::string& k : matcher.PhoneticKeys(n)) {
        blocked = blocked || std::find(keys.begin(), keys.end(), k) != keys.end();
      }
    }
    if (judged_different) continue;
    if (written || judged_same) {
      exact.push_back(std::move(p));
      continue;
    }
    if (!blocked) continue;
    for (const std::string& n : p.names) {
      if (n.find(' ') == std::string::npos) continue;
      any_full = true;
      all_fit = all_fit && matcher.Compare(name, n).same;
    }
    if (any_full && all_fit) compatible.push_back(std::move(p));
  }
  *out = exact.empty() ? std::move(compatible) : std::move(exact);
  return Status::Ok();
}

Status BuildPersonDossier(Store* store, const Person& person,
                          const std::vector<std::string>& role_words, Dossier* out) {
  const int64_t id = person.id;
  DossierBuilder builder([id](const Entity&, int64_t person_id) { return person_id == id; },
                         role_words);
  // Only the reports that mention the person: a dossier costs what the person's record
  // holds, not the size of the store.
  std::vector<int64_t> report_ids;
  Status s = store->ListReportsOfPerson(id, &report_ids);
  for (size_t i = 0; s.ok() && i < report_ids.size(); ++i) {
    StoredReport r;
    s = store->LoadReport(report_ids[i], &r);
    if (s.ok()) s = DropRejectedFacts(store, &r);
    if (s.ok()) {
      builder.Add(r.document, r.extraction, r.original_id != 0 ? r.original_id : r.id,
                  r.entity_person);
    }
  }
  if (!s.ok()) return s;
  *out = builder.Build();
  out->person_id = id;
  if (out->name.empty() || person.origin == "list") out->name = person.name;
  for (const std::string& n : person.names) {
    if (std::find(out->names.begin(), out->names.end(), n) == out->names.end())
      out->names.push_back(n);
  }
  if (person.origin == "list") MergeListFacts(person, out);
  return Status::Ok();
}

}  // namespace letapis
