#include <algorithm>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"

namespace letapis::cli {
namespace {

struct EventLine {
  PartialDate date;
  std::string type, who, doc;
};

}  // namespace

void AddSummaryCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "summary", "what the store holds: counts, the people with most events, the latest events");
  auto as_json = std::make_shared<bool>(false);
  auto top = std::make_shared<size_t>(10);
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->add_option("--top", *top, "how many people and events to list (default 10)");
  cmd->callback([&global, exit_code, as_json, top] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    StoreCounts counts;
    if (Status s = store->Counts(&counts); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::map<std::string, int> events_per_person;
    std::vector<EventLine> events;
    Status s = store->ForEachReport([&](const StoredReport& r) {
      const Extraction& x = r.extraction;
      for (const Event& ev : x.events) {
        if (ev.modality != "asserted") continue;
        std::string who;
        for (int w : ev.who) {
          const Entity& e = x.entities[w];
          who += (who.empty() ? "" : ", ") + e.name;
          if (e.kind == EntityKind::kPerson) ++events_per_person[e.name];
        }
        events.push_back(EventLine{ev.date, ev.type, who, r.document.meta.name});
      }
      return Status::Ok();
    });
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::vector<std::pair<std::string, int>> people(events_per_person.begin(),
                                                    events_per_person.end());
    std::stable_sort(people.begin(), people.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (people.size() > *top) people.resize(*top);
    std::stable_sort(events.begin(), events.end(), [](const EventLine& a, const EventLine& b) {
      return a.date.ToIso() > b.date.ToIso();
    });
    if (events.size() > *top) events.resize(*top);
    if (*as_json) {
      nlohmann::json j;
      j["counts"] = {{"reports", counts.sources},   {"mentions", counts.mentions},
                     {"entities", counts.entities}, {"events", counts.events},
                     {"claims", counts.claims},     {"quotes", counts.quotes}};
      j["people"] = nlohmann::json::array();
      for (const auto& [name, n] : people) j["people"].push_back({{"name", name}, {"events", n}});
      j["latest_events"] = nlohmann::json::array();
      for (const EventLine& e : events) {
        j["latest_events"].push_back({{"date", e.date.known() ? e.date.ToIso() : ""},
                                      {"type", e.type},
                                      {"who", e.who},
                                      {"doc", e.doc}});
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format(
        "Store {}\n  {} reports, {} names ({} entities), {} events, {} claims, {} quotes\n",
        global.db, counts.sources, counts.mentions, counts.entities, counts.events, counts.claims,
        counts.quotes);
    std::cout << "\nPeople with the most events\n";
    for (const auto& [name, n] : people) std::cout << fmt::format("  {:3}  {}\n", n, name);
    std::cout << "\nLatest events\n";
    for (const EventLine& e : events) {
      std::cout << fmt::format("  {:10}  {:16} {}  ({})\n",
                               e.date.known() ? e.date.ToIso() : "undated", e.type, e.who, e.doc);
    }
  });
}

}  // namespace letapis::cli
