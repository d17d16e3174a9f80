// Dossiers: everything the store holds about one person, across reports and spellings.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "letapis/date.h"
#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/people.h"

namespace letapis {

// One step of a person's status timeline, as one report states it.
struct DossierStep {
  PartialDate date;  // unknown when the report gives none
  std::string type;  // event type (SCHEMA.md)
  std::optional<int> term_months;
  std::string article;
  std::string place;
  std::string report;  // source name
  PartialDate report_published;
  std::string evidence;  // the sentence
  std::string rule;
  std::vector<std::string> copies;  // near-duplicate copies of `report` stating the same step
};

// A person's dossier.
struct Dossier {
  int64_t person_id = 0;                   // the person record (people.h); 0 when none
  std::string name;                        // the most frequent full name
  std::vector<std::string> names;          // every spelling seen, any script
  std::vector<std::string> roles;          // how reports describe them ("lawyer")
  std::vector<std::string> organizations;  // bodies named next to the person
  std::vector<std::string> reports;        // reports that mention the person, one per original
  std::vector<std::string> copies;         // near-duplicate copies of those that mention them too
  std::vector<std::string> publishers;     // named publishers of the reports and copies
  std::vector<DossierStep> timeline;       // dated steps in order, then undated ones
  std::vector<std::string> conflicts;      // disagreements between reports, in words
  std::string status;                      // derived current status ("" when unknown)
  PartialDate status_since;
  std::string status_report;  // the report the status rests on
  // Case fields (Viasna style) from the reports' events: detention and verdict dates,
  // articles, term, release, death; a list's reviewed fields take precedence (MergeListFacts).
  CaseFacts case_facts;
  std::string list_source;  // "file.csv:LINE" when the person came from a list
};

// Overlays the reviewed case fields of `listed` on d->case_facts (the list wins); a date or
// term where the reports say otherwise becomes a conflict line. A status only from the
// list becomes the dossier's status.
void MergeListFacts(const Person& listed, Dossier* d);

// Decides whether an extracted person entity is the person asked for; `person_id` is the
// person the entity is resolved to in the store (0 when unknown).
using PersonMatcher = std::function<bool(const Entity& entity, int64_t person_id)>;

// Builds a dossier from stored reports, one report at a time.
class DossierBuilder {
 public:
  // `role_words`: lower-case words that describe a person (data/person_roles.tsv); the
  // words right before a mention that end in one of them are kept as a role.
  DossierBuilder(PersonMatcher matches, std::vector<std::string> role_words)
      : matches_(std::move(matches)), role_words_(std::move(role_words)) {}
  // Adds the facts of one report about the matching people. `group` is the source id of
  // the report's near-duplicate original (its own id for an original): a step stated by
  // several reports of one group is one step listing the copies; 0: a group of its own.
  // `entity_person` holds the resolved person of each entity index
  // (StoredReport::entity_person); empty = unknown.
  void Add(const Document& doc, const Extraction& extraction, int64_t group = 0,
           const std::vector<int64_t>& entity_person = {});
  // True when some report mentioned the person.
  bool found() const { return !reports_.empty(); }
  // The dossier: names, organisations, timeline in date order, conflicts, status.
  Dossier Build() const;

 private:
  PersonMatcher matches_;
  std::vector<std::string> role_words_;
  std::vector<std::string> roles_;
  std::vector<std::pair<std::string, int>> names_;  // spelling, mentions
  std::vector<std::string> organizations_;
  // Adds `step` of a report of `group`, or names its report as a copy on the same step of
  // another report of the group.
  void AddStep(DossierStep step, int64_t group);

  std::vector<std::string> reports_;
  std::vector<std::string> copies_;
  std::vector<std::string> publishers_;
  std::vector<int64_t> groups_;  // the groups of `reports_`
  std::vector<DossierStep> steps_;
  std::vector<int64_t> step_groups_;  // the group of each step
};

// The status a step leaves a person in ("detained", "sentenced to 10 years", "pardoned"),
// or "" for steps that do not change it (advocacy).
std::string StatusAfter(const DossierStep& step);

}  // namespace letapis
