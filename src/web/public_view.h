// The public site's data: what `letapis export --public` publishes (ForEachPublicRecord),
// held in memory for one request, with the lists and filters the public pages need.
// Nothing here reads a report's text, file name, review notes or audit log: every string
// comes from a PublicRecord, so protected people are already pseudonyms.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "letapis/names.h"
#include "letapis/store.h"

namespace letapis::web {

// The public records of a store (one per published report, PublicRecord's format).
struct PublicView {
  std::vector<nlohmann::json> records;
};

// Reads the public records of `store` into *out (replacing its contents).
Status LoadPublicView(Store* store, const NameMatcher& matcher, PublicView* out);

// The public view of the latest request, kept while the store is unchanged. Every change
// to a store (ingest, review, confidential and protect marks, re-extraction) appends an
// audit-log row, so the newest row's id and chain hash identify the store's state. Not
// thread-safe: call it with the store's lock held.
class PublicViewCache {
 public:
  // The public view of `store` in *out: the kept one when the newest audit-log row is
  // the one it was read at, else read afresh (LoadPublicView) and kept.
  Status Get(Store* store, const NameMatcher& matcher, std::shared_ptr<const PublicView>* out);

 private:
  std::string key_;  // "<id> <hash>" of the newest audit-log row when view_ was read
  std::shared_ptr<const PublicView> view_;
};

// One confirmed fact and the record (report) it is published from; both point into a
// PublicView, which must outlive it.
struct PublicFact {
  const nlohmann::json* record = nullptr;
  const nlohmann::json* fact = nullptr;
};

// Every fact of `kind` ("events", "claims" or "quotes"), in store order.
std::vector<PublicFact> PublicFacts(const PublicView& view, const std::string& kind);

// Which events to list. Empty fields do not filter. `from`/`to` compare as ISO text (`to`
// against the same number of leading characters, so "2025-03" includes 2025-03-31); an
// undated event fails any date bound. `place` and `person` match a part of the place or
// of a participant's (published) name, ignoring ASCII case.
struct PublicEventFilter {
  std::string type, from, to, place, person;
};

// The events of `view` that pass `filter`, in store order.
std::vector<PublicFact> FilterPublicEvents(const PublicView& view, const PublicEventFilter& filter);

// A person who takes part in a confirmed event, under the published name (a pseudonym
// for a protected person), with how many events and reports name them.
struct PublicPerson {
  std::string name;
  int events = 0, reports = 0;
};

// Every participant of a public event, by name (byte order); those containing `filter`
// (ASCII case ignored) when it is not empty.
std::vector<PublicPerson> PublicPeople(const PublicView& view, const std::string& filter);

// The confirmed facts about one published name: events it takes part in (by date, undated
// first), figures it is the source of and quotes it is the speaker of. All empty when
// nothing names it.
struct PublicDossier {
  std::vector<PublicFact> events, claims, quotes;
};
PublicDossier BuildPublicDossier(const PublicView& view, const std::string& name);

// Number of public events per month ("YYYY-MM") of the event date; undated ones left out.
std::map<std::string, int> PublicEventsPerMonth(const PublicView& view);

// The fact as published, plus "report": the record's provenance (title, publisher, url,
// published).
nlohmann::json PublicFactJson(const PublicFact& fact);

// The string at `key` of a JSON object, or "" when it is absent, null or not a string.
std::string JsonString(const nlohmann::json& object, const char* key);

}  // namespace letapis::web
