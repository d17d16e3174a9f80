#include "web/public_view.h"

#include <algorithm>
#include <set>

#include "letapis/public_export.h"
#include "web/statistics_cache.h"

namespace letapis::web {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Whether `text` contains `part` (lowercased already), ignoring ASCII case.
bool Contains(const std::string& text, const std::string& lower_part) {
  return Lower(text).find(lower_part) != std::string::npos;
}

// The participants' published names of an event (null entries, unknown entities, skipped).
std::vector<std::string> Participants(const nlohmann::json& event) {
  std::vector<std::string> out;
  const auto who = event.find("who");
  if (who == event.end() || !who->is_array()) return out;
  for (const nlohmann::json& w : *who) {
    if (w.is_string()) out.push_back(w.get<std::string>());
  }
  return out;
}

bool Passes(const nlohmann::json& event, const PublicEventFilter& f) {
  if (!f.type.empty() && JsonString(event, "type") != f.type) return false;
  const std::string date = JsonString(event, "date");
  if (!f.from.empty() && (date.empty() || date < f.from)) return false;
  if (!f.to.empty() && (date.empty() || date.substr(0, f.to.size()) > f.to)) return false;
  if (!f.place.empty() && !Contains(JsonString(event, "place"), Lower(f.place))) return false;
  if (f.person.empty()) return true;
  const std::string person = Lower(f.person);
  for (const std::string& name : Participants(event)) {
    if (Contains(name, person)) return true;
  }
  return false;
}

}  // namespace

std::string JsonString(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Status LoadPublicView(Store* store, const NameMatcher& matcher, PublicView* out) {
  out->records.clear();
  return ForEachPublicRecord(store, matcher, [out](const nlohmann::json& record) {
    out->records.push_back(record);
    return Status::Ok();
  });
}

Status PublicViewCache::Get(Store* store, const NameMatcher& matcher,
                            std::shared_ptr<const PublicView>* out) {
  std::string key;
  Status s = StoreStateKey(store, &key);
  if (!s.ok()) return s;
  if (view_ == nullptr || key != key_) {
    auto view = std::make_shared<PublicView>();
    s = LoadPublicView(store, matcher, view.get());
    if (!s.ok()) return s;
    view_ = std::move(view);
    key_ = key;
  }
  *out = view_;
  return Status::Ok();
}

std::vector<PublicFact> PublicFacts(const PublicView& view, const std::string& kind) {
  std::vector<PublicFact> out;
  for (const nlohmann::json& record : view.records) {
    const auto facts = record.find(kind);
    if (facts == record.end() || !facts->is_array()) continue;
    for (const nlohmann::json& f : *facts) out.push_back({&record, &f});
  }
  return out;
}

std::vector<PublicFact> FilterPublicEvents(const PublicView& view,
                                           const PublicEventFilter& filter) {
  std::vector<PublicFact> out;
  for (const PublicFact& f : PublicFacts(view, "events")) {
    if (Passes(*f.fact, filter)) out.push_back(f);
  }
  return out;
}

std::vector<PublicPerson> PublicPeople(const PublicView& view, const std::string& filter) {
  std::map<std::string, PublicPerson> people;
  std::map<std::string, std::set<const nlohmann::json*>> reports;
  const std::string part = Lower(filter);
  for (const PublicFact& f : PublicFacts(view, "events")) {
    std::set<std::string> named;  // each person once per event
    for (const std::string& name : Participants(*f.fact)) {
      if (!Contains(name, part) || !named.insert(name).second) continue;
      PublicPerson& p = people[name];
      p.name = name;
      ++p.events;
      reports[name].insert(f.record);
    }
  }
  std::vector<PublicPerson> out;
  for (auto& [name, p] : people) {
    p.reports = static_cast<int>(reports[name].size());
    out.push_back(p);
  }
  return out;
}

PublicDossier BuildPublicDossier(const PublicView& view, const std::string& name) {
  PublicDossier d;
  for (const PublicFact& f : PublicFacts(view, "events")) {
    const std::vector<std::string> who = Participants(*f.fact);
    if (std::find(who.begin(), who.end(), name) != who.end()) d.events.push_back(f);
  }
  for (const PublicFact& f : PublicFacts(view, "claims")) {
    if (JsonString(*f.fact, "source") == name) d.claims.push_back(f);
  }
  for (const PublicFact& f : PublicFacts(view, "quotes")) {
    if (JsonString(*f.fact, "speaker") == name) d.quotes.push_back(f);
  }
  std::stable_sort(d.events.begin(), d.events.end(), [](const PublicFact& a, const PublicFact& b) {
    return JsonString(*a.fact, "date") < JsonString(*b.fact, "date");
  });
  return d;
}

std::map<std::string, int> PublicEventsPerMonth(const PublicView& view) {
  std::map<std::string, int> out;
  for (const PublicFact& f : PublicFacts(view, "events")) {
    const std::string date = JsonString(*f.fact, "date");
    if (date.size() >= 7) ++out[date.substr(0, 7)];
  }
  return out;
}

nlohmann::json PublicFactJson(const PublicFact& f) {
  nlohmann::json out = *f.fact;
  out["report"] = {{"title", f.record->value("title", nlohmann::json())},
                   {"publisher", f.record->value("publisher", nlohmann::json())},
                   {"url", f.record->value("url", nlohmann::json())},
                   {"published", f.record->value("published", nlohmann::json())}};
  return out;
}

}  // namespace letapis::web
