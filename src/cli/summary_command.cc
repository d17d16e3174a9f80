#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "letapis/reviewed.h"

namespace letapis::cli {
namespace {

struct EventLine {
  PartialDate date;
  std::string type, who, doc;
};

// A stored report that is a near-duplicate copy of an earlier one.
struct CopyLine {
  std::string name, publisher;
  double similarity = 0;
};

// An original report and its near-duplicate copies.
struct CopyGroup {
  std::string original, publisher;
  std::vector<CopyLine> copies;
};

std::string Label(const std::string& name, const std::string& publisher) {
  return publisher.empty() ? name : fmt::format("{} ({})", publisher, name);
}

}  // namespace

void AddSummaryCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "summary", "what the store holds: counts, the people with most events, the latest events");
  auto as_json = std::make_shared<bool>(false);
  auto top = std::make_shared<size_t>(10);
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->add_option("--top", *top,
                  "how many people, events and near-duplicate groups to list (default 10)");
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
    // An event stated by several near-duplicate copies of one original counts once.
    std::set<std::string> counted;
    std::map<int64_t, CopyGroup> groups;  // by the original's source id
    int64_t rejected = 0;                 // facts reviewers rejected: neither counted nor listed
    Status s = store->ForEachReport([&](const StoredReport& r) {
      StoredReport reviewed;
      reviewed.id = r.id;
      reviewed.extraction = r.extraction;
      if (Status dropped = DropRejectedFacts(store.get(), &reviewed); !dropped.ok()) return dropped;
      const Extraction& x = reviewed.extraction;
      counts.events -= static_cast<int64_t>(r.extraction.events.size() - x.events.size());
      counts.claims -= static_cast<int64_t>(r.extraction.claims.size() - x.claims.size());
      counts.quotes -= static_cast<int64_t>(r.extraction.quotes.size() - x.quotes.size());
      rejected += static_cast<int64_t>(r.extraction.events.size() + r.extraction.claims.size() +
                                       r.extraction.quotes.size() - x.events.size() -
                                       x.claims.size() - x.quotes.size());
      const int64_t group = r.original_id != 0 ? r.original_id : r.id;
      const SourceMeta& meta = r.document.meta;
      if (r.original_id == 0) {
        groups[r.id] = CopyGroup{meta.name, meta.publisher, {}};
      } else {
        groups[r.original_id].copies.push_back(CopyLine{meta.name, meta.publisher, r.similarity});
      }
      for (const Event& ev : x.events) {
        if (ev.modality != "asserted") continue;
        std::string who;
        for (int w : ev.who) who += (who.empty() ? "" : ", ") + x.entities[w].name;
        const std::string key = fmt::format("{}|{}|{}|{}|{}", group, ev.type, ev.date.ToIso(),
                                            ev.term_months.value_or(0), who);
        if (!counted.insert(key).second && r.original_id != 0) continue;
        for (int w : ev.who) {
          if (x.entities[w].kind == EntityKind::kPerson) ++events_per_person[x.entities[w].name];
        }
        events.push_back(EventLine{ev.date, ev.type, who, meta.name});
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
    std::vector<CopyGroup> copied;
    for (auto& [id, g] : groups) {
      if (!g.copies.empty()) copied.push_back(std::move(g));
    }
    std::stable_sort(copied.begin(), copied.end(), [](const CopyGroup& a, const CopyGroup& b) {
      return a.copies.size() > b.copies.size();
    });
    if (copied.size() > *top) copied.resize(*top);
    if (*as_json) {
      nlohmann::json j;
      j["counts"] = {{"reports", counts.sources},   {"mentions", counts.mentions},
                     {"entities", counts.entities}, {"events", counts.events},
                     {"claims", counts.claims},     {"quotes", counts.quotes},
                     {"copies", counts.copies},     {"rejected", rejected}};
      j["people"] = nlohmann::json::array();
      for (const auto& [name, n] : people) j["people"].push_back({{"name", name}, {"events", n}});
      j["latest_events"] = nlohmann::json::array();
      for (const EventLine& e : events) {
        j["latest_events"].push_back({{"date", e.date.known() ? e.date.ToIso() : ""},
                                      {"type", e.type},
                                      {"who", e.who},
                                      {"doc", e.doc}});
      }
      j["near_duplicates"] = nlohmann::json::array();
      for (const CopyGroup& g : copied) {
        nlohmann::json copies = nlohmann::json::array();
        for (const CopyLine& c : g.copies) {
          copies.push_back(
              {{"doc", c.name}, {"publisher", c.publisher}, {"similarity", c.similarity}});
        }
        j["near_duplicates"].push_back(
            {{"original", g.original}, {"publisher", g.publisher}, {"copies", copies}});
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format(
        "Store {}\n  {} reports, {} names ({} entities), {} events, {} claims, {} quotes\n",
        global.db, counts.sources, counts.mentions, counts.entities, counts.events, counts.claims,
        counts.quotes);
    if (counts.copies > 0) {
      std::cout << fmt::format(
          "  {} of the reports are near-duplicate copies of others; their facts count once\n",
          counts.copies);
    }
    if (rejected > 0) {
      std::cout << fmt::format("  {} fact(s) that reviewers rejected are left out\n", rejected);
    }
    std::cout << "\nPeople with the most events\n";
    for (const auto& [name, n] : people) std::cout << fmt::format("  {:3}  {}\n", n, name);
    std::cout << "\nLatest events\n";
    for (const EventLine& e : events) {
      std::cout << fmt::format("  {:10}  {:16} {}  ({})\n",
                               e.date.known() ? e.date.ToIso() : "undated", e.type, e.who, e.doc);
    }
    if (!copied.empty()) std::cout << "\nNear-duplicates (original: copies)\n";
    for (const CopyGroup& g : copied) {
      std::cout << fmt::format("  {}: {} cop{}\n", Label(g.original, g.publisher), g.copies.size(),
                               g.copies.size() == 1 ? "y" : "ies");
      for (const CopyLine& c : g.copies) {
        std::cout << fmt::format("      {:.2f}  {}\n", c.similarity, Label(c.name, c.publisher));
      }
    }
  });
}

}  // namespace letapis::cli
