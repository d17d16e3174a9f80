// The dashboard and the statistics page.
#include <map>

#include <fmt/format.h>

#include "letapis/statistics.h"
#include "web/app.h"
#include "web/fact_view.h"

namespace letapis::web {
namespace {

// The newest events looked through for recent changes in people's status, and per read.
constexpr int64_t kMaxRecentEvents = 1000;
constexpr int64_t kRecentPage = 50;
constexpr size_t kRecentShown = 8;

// "more_than" -> "more than".
std::string QualifierWords(std::string qualifier) {
  for (char& c : qualifier) {
    if (c == '_') c = ' ';
  }
  return qualifier;
}

// Whether an event shows a change in people's status (an asserted event naming people).
bool StatusChange(const FactRow& f) {
  return !f.people.empty() && f.type != "advocacy" && f.modality == "asserted";
}

// The newest (by event date) kRecentShown events that StatusChange, looking through at most
// kMaxRecentEvents events a page at a time: a dashboard costs the same on any store size.
Status RecentStatusChanges(Store* store, std::vector<FactRow>* out) {
  FactFilter filter;
  filter.limit = kRecentPage;
  while (out->size() < kRecentShown && filter.offset < kMaxRecentEvents) {
    std::vector<FactRow> page;
    if (Status s = store->ListFacts(filter, &page, nullptr); !s.ok()) return s;
    for (FactRow& f : page) {
      if (out->size() < kRecentShown && StatusChange(f)) out->push_back(std::move(f));
    }
    if (page.size() < static_cast<size_t>(kRecentPage)) break;
    filter.offset += kRecentPage;
  }
  return Status::Ok();
}

WebResponse Dashboard(App& app, const WebRequest& r) {
  StoreCounts counts;
  Status s = app.store->Counts(&counts);
  std::vector<ReportSummary> newest;
  int64_t total = 0;
  if (s.ok()) s = app.store->ListReports(6, 0, &newest, &total);
  std::map<std::string, int64_t> per_month;
  if (s.ok()) s = app.store->CountEventsPerMonth(&per_month);
  std::vector<FactRow> events;
  if (s.ok()) s = RecentStatusChanges(app.store.get(), &events);
  FactFilter proposed;
  proposed.review_state = "proposed";
  proposed.limit = 1;
  std::vector<FactRow> ignored;
  int64_t to_review = 0;
  if (s.ok()) s = app.store->ListFacts(proposed, &ignored, &to_review);
  std::shared_ptr<const std::vector<StatisticPoint>> figures;
  if (s.ok()) s = app.statistics.Get(app.store.get(), &figures);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::vector<std::pair<std::string, double>> bars(per_month.begin(), per_month.end());
  if (bars.size() > 24) bars.erase(bars.begin(), bars.end() - 24);
  std::vector<std::pair<std::string, double>> line;
  for (const StatisticPoint& p : *figures) {
    if (p.category == "political_prisoners" && p.as_of.known())
      line.emplace_back(p.as_of.ToIso(), p.value);
  }
  std::string body = fmt::format(
      "<section class=\"tiles\"><a class=\"tile\" href=\"/reports\"><b>{}</b>reports</a>"
      "<a class=\"tile\" href=\"/events\"><b>{}</b>events</a><a class=\"tile\" "
      "href=\"/people\"><b>{}</b>named entities</a><a class=\"tile\" href=\"/stats\"><b>{}</b>"
      "figures</a><a class=\"tile accent\" href=\"/review\"><b>{}</b>events to review</a>"
      "</section><section class=\"grid2\"><div class=\"card\"><h2>Events per month</h2>{}</div>"
      "<div class=\"card\"><h2>Political prisoners, as reported</h2>{}</div></section>",
      counts.sources, counts.events, counts.entities, counts.claims, to_review,
      BarChart(bars, "events by month of the event date"),
      LineChart(line, "figures by as-of date, every source"));
  body +=
      "<section class=\"grid2\"><div class=\"card\"><h2>Newest reports</h2><ul class=\"plain\">";
  for (const ReportSummary& rep : newest) {
    body += fmt::format(
        "<li><a href=\"/reports/{}\">{}</a> <span class=\"muted\">{} · {} events</span></li>",
        rep.id, Escape(rep.title.empty() ? rep.name : rep.title), Escape(rep.published),
        rep.events);
  }
  body +=
      "</ul></div><div class=\"card\"><h2>Recent changes in people's status</h2><ul "
      "class=\"plain\">";
  for (const FactRow& f : events) {
    std::string who;
    for (const std::string& p : f.people) {
      who += fmt::format("{}<a href=\"/people/view?name={}\">{}</a>", who.empty() ? "" : ", ",
                         UrlEncode(p), Escape(p));
    }
    body += fmt::format("<li>{}: <a href=\"{}\">{}</a> <span class=\"muted\">{}</span></li>", who,
                        FactUrl(f), Escape(f.type), Escape(f.date));
  }
  body += "</ul></div></section>";
  WebResponse res;
  res.body = Page(ViewerOf(r), "/", "Dashboard", body);
  return res;
}

WebResponse StatsPage(App& app, const WebRequest& r) {
  std::shared_ptr<const std::vector<StatisticPoint>> figures;
  Status s = app.statistics.Get(app.store.get(), &figures);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::map<std::string, std::vector<StatisticPoint>> by_category;
  for (const StatisticPoint& p : *figures) by_category[p.category].push_back(p);
  std::string body;
  for (const auto& [category, points] : by_category) {
    std::vector<std::pair<std::string, double>> line;
    for (const StatisticPoint& p : points) {
      if (p.as_of.known()) line.emplace_back(p.as_of.ToIso(), p.value);
    }
    body += fmt::format("<section class=\"card\"><h2>{}</h2>{}", Escape(category),
                        LineChart(line, category + " over time"));
    body +=
        "<table class=\"data\"><thead><tr><th>As of</th><th class=\"num\">Figure</th>"
        "<th>Source</th><th>Reported in</th><th></th></tr></thead><tbody>";
    for (const StatisticPoint& p : points) {
      std::string reports;
      for (const std::string& rep : p.reports) reports += (reports.empty() ? "" : ", ") + rep;
      body += fmt::format(
          "<tr{}><td class=\"nowrap\">{}</td><td class=\"num\">{}{}</td><td>{}</td><td>{}</td>"
          "<td>{}</td></tr>",
          p.conflicting ? " class=\"conflict\"" : "",
          Escape(p.as_of.known() ? p.as_of.ToIso() : "undated"),
          p.qualifier == "exact" ? "" : Escape(QualifierWords(p.qualifier)) + " ", p.value,
          Escape(p.source), Escape(reports),
          p.conflicting ? "<span class=\"pill rejected\">sources differ</span>" : "");
    }
    body += "</tbody></table></section>";
  }
  if (body.empty()) body = "<p class=\"muted\">No figures yet.</p>";
  WebResponse res;
  res.body = Page(ViewerOf(r), "/stats", "Statistics", body);
  return res;
}

}  // namespace

void AddDashboardRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/", Access::kPage, 1, Dashboard});
  routes->push_back({"GET", "/stats", Access::kPage, 1, StatsPage});
}

}  // namespace letapis::web
