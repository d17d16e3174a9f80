// People across reports: persistent person records, the assignment of every person
// mention to one of them (resolution), reviewers' judgements, and case facts from lists.
// docs/names.md describes the resolution rules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "letapis/names.h"

namespace letapis {

// A reviewer's decision that two person names do ("same") or do not ("different") denote
// one person. Later decisions override earlier ones; every re-resolution respects them.
struct Judgement {
  int64_t id = 0;
  std::string name_a, name_b;
  std::string verdict;  // "same" or "different"
  std::string actor;    // who decided
  std::string at;       // when (UTC, ISO 8601), set by the store
  std::string why;
};

// What monitors' lists record about one prisoner's case (Viasna-style fields). Dates are
// ISO 8601 partial dates ("2021", "2021-07", "2021-07-14") or "" when unknown.
struct CaseFacts {
  std::string status;  // e.g. "in custody", "released", "died"
  std::string gender;  // "male", "female" or ""
  int birth_year = 0;  // 0 when unknown
  std::string detained;
  std::string articles;  // criminal-code articles as listed, e.g. "342 part 1; 361-1"
  std::string verdict_date;
  std::string sentence;                // as listed, e.g. "4 1/2 years"
  std::optional<int> sentence_months;  // parsed; -1 for life
  std::string judge, prosecutor, prison;
  std::string released;
  std::string died;
};

// A person record: found in reports ("reports") or imported from a list ("list").
struct Person {
  int64_t id = 0;
  std::string name;                // display name
  std::vector<std::string> names;  // every spelling known, the display name first
  std::string origin = "reports";  // "reports" or "list"
  bool reviewed = false;           // imported rows and reviewers' edits are reviewed
  std::string list_source;         // "file.csv:LINE" for imported people, else ""
  CaseFacts facts;
};

// One person entity of one stored report, as resolution sees it.
struct PersonMention {
  int64_t entity_id = 0;
  int64_t source_id = 0;
  std::string name;                    // fullest form in the report
  std::vector<std::string> aliases;    // other forms in the same report
  std::vector<std::string> co_people;  // other people named in the same report
  std::vector<std::string> co_bodies;  // organisations named in the same report
  int64_t person_id = 0;               // current assignment; 0 when none
  bool resolved = false;               // false until resolution has looked at it
  std::string why;                     // the reason given when it was resolved
};

// Resolution's decision on one mention: its person (0 = none) and why, in words.
struct PersonAssignment {
  int64_t entity_id = 0;
  int64_t person_id = 0;
  std::string why;
};

// Lower-case letters and digits of a name (any script): how names are compared with
// judgements and with each other for identity.
std::string FoldPersonName(std::string_view name);

// Assigns person mentions to people, incrementally, in the order given. Rules (precision
// first; a false merge mixes two people's fates):
// - a mention joins a person when its name is compatible (NameMatcher::Compare) with every
//   full name the person goes by, or a "same" judgement links one of its names to one of
//   the person's; a "different" judgement between any two names forbids it;
// - when several people fit, the one sharing most context (co-mentioned people, bodies)
//   wins, then the one whose surname is spelled clearly closest; a tie leaves the mention
//   unassigned and says so;
// - a surname-only mention joins a person only with shared context and never starts one;
// - a "same" judgement that links two existing people merges them.
class PeopleResolver {
 public:
  // `matcher` must outlive the resolver.
  PeopleResolver(const NameMatcher& matcher, const std::vector<Judgement>& judgements);

  // Registers an existing person record (imported people keep their ids and names).
  void AddPerson(const Person& person);
  // Keeps ids up to `id` for records not registered (a re-resolution's earlier people).
  void ReserveIdsUpTo(int64_t id) { max_id_ = std::max(max_id_, id); }
  // Registers a mention resolved earlier; its names and context join its person.
  void AddResolved(const PersonMention& mention);
  // Resolves a new mention. A new person takes `preferred_id` when it is free, else the
  // next free id.
  void Resolve(const PersonMention& mention, int64_t preferred_id = 0);

  // Every mention whose assignment or reason differs from what it had when added.
  std::vector<PersonAssignment> Changes() const;
  // People created or changed in this run (new names, merges), with every name seen.
  std::vector<Person> Touched() const;
  // Ids of people from reports that lost all their mentions (merged away).
  std::vector<int64_t> Emptied() const;

 private:
  struct Cluster {
    Person person;
    std::vector<std::string> full_names;          // distinct multi-word names, as seen
    std::vector<NameMatcher::Prepared> prepared;  // full_names, parsed
    std::set<std::string> folded;                 // every folded spelling
    std::map<std::string, int> context;           // context key -> mentions carrying it
    std::vector<size_t> mentions;                 // indices into mentions_
    bool touched = false;                         // created or changed in this run
  };
  struct Tracked {
    PersonMention mention;
    std::vector<std::string> context;  // ContextKeys(mention)
    int64_t person_id = 0;
    std::string why;
    bool changed = false;
  };
  enum class Verdict { kNone, kSame, kDifferent };

  Verdict Judged(const std::string& folded_a, const std::string& folded_b) const;
  // Why `m` may belong to `c` ("" when it may not); *judged_same when a judgement says so.
  std::string Fits(const PersonMention& m, const NameMatcher::Prepared& prepared, const Cluster& c,
                   bool* judged_same) const;
  void AddFullName(Cluster* c, const std::string& name);
  int SharedContext(const std::vector<std::string>& keys, const Cluster& c) const;
  // The best likeness (0..1) of the mention's surname to one of the person's, as spelled
  // in Latin letters.
  double SurnameSimilarity(const PersonMention& m, const Cluster& c) const;
  std::vector<std::string> ContextKeys(const PersonMention& m) const;
  Cluster& ClusterFor(int64_t id, const std::string& name);
  void Attach(size_t tracked, Cluster* c);
  // Moves everything of person `from` into person `into`.
  void Merge(int64_t from, int64_t into);
  std::vector<int64_t> Candidates(const PersonMention& m) const;
  int64_t NextId(int64_t preferred) const;

  const NameMatcher& matcher_;
  std::map<std::pair<std::string, std::string>, Verdict> judged_;
  std::map<int64_t, Cluster> clusters_;
  std::unordered_map<std::string, std::set<int64_t>> by_key_;     // phonetic key -> people
  std::unordered_map<std::string, std::set<int64_t>> by_folded_;  // folded name -> people
  int64_t max_id_ = 0;
  std::vector<Tracked> mentions_;
  std::set<int64_t> emptied_;
};

}  // namespace letapis
