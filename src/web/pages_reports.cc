// The reports list and the reader: the text with every extracted span highlighted.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "web/app.h"
#include "web/fact_view.h"

namespace letapis::web {
namespace {

constexpr int64_t kPage = 30;

WebResponse ReportsPage(App& app, const WebRequest& r) {
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  std::vector<ReportSummary> reports;
  int64_t total = 0;
  Status s = app.store->ListReports(kPage, offset, &reports, &total);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::string body =
      "<table class=\"data\"><thead><tr><th>Report</th><th>Publisher</th><th>Published</th>"
      "<th class=\"num\">Events</th><th class=\"num\">Claims</th><th class=\"num\">Quotes</th>"
      "<th class=\"num\">To review</th></tr></thead><tbody>";
  for (const ReportSummary& rep : reports) {
    body += fmt::format(
        "<tr><td><a href=\"/reports/{}\">{}</a><div class=\"muted small\">{}</div></td>"
        "<td>{}</td><td class=\"nowrap\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        rep.id, Escape(rep.title.empty() ? rep.name : rep.title), Escape(rep.name),
        Escape(rep.publisher), Escape(rep.published), rep.events, rep.claims, rep.quotes,
        rep.proposed > 0 ? fmt::format("<span class=\"pill proposed\">{}</span>", rep.proposed)
                         : "0");
  }
  body += "</tbody></table>";
  if (reports.empty()) {
    body += "<p class=\"notice\">No reports yet. <a href=\"/upload\">Upload one</a>.</p>";
  }
  body += Pager("/reports?", offset, kPage, total);
  WebResponse res;
  res.body = Page(ViewerOf(r), "/reports", "Reports", body);
  return res;
}

// A highlighted range of the text and what it stands for.
struct Highlight {
  uint32_t begin, end;
  std::string cls;    // CSS class
  std::string title;  // hover text
  std::string fact;   // id of the fact's card, "" for names
};

std::string RenderText(const std::string& text, const std::vector<Highlight>& marks) {
  std::set<uint32_t> cuts{0, static_cast<uint32_t>(text.size())};
  for (const Highlight& h : marks) {
    if (h.begin < h.end && h.end <= text.size()) {
      cuts.insert(h.begin);
      cuts.insert(h.end);
    }
  }
  std::string out;
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    const uint32_t a = *it, b = *std::next(it);
    std::string classes, title, facts;
    for (const Highlight& h : marks) {
      if (h.begin <= a && h.end >= b && h.begin < h.end && h.end <= text.size()) {
        classes += " " + h.cls;
        title += (title.empty() ? "" : "\n") + h.title;
        if (!h.fact.empty()) facts += (facts.empty() ? "" : " ") + h.fact;
      }
    }
    const std::string piece = Escape(std::string_view(text).substr(a, b - a));
    if (classes.empty()) {
      out += piece;
    } else {
      out += fmt::format("<mark class=\"hl{}\" title=\"{}\" data-facts=\"{}\">{}</mark>", classes,
                         Escape(title), Escape(facts), piece);
    }
  }
  return out;
}

WebResponse ReaderPage(App& app, const WebRequest& r) {
  const int64_t id = std::stoll(r.args[0]);
  StoredReport report;
  Status s = app.store->LoadReport(id, &report);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::vector<FactRow> facts[3];
  const char* kinds[3] = {"event", "claim", "quote"};
  for (int k = 0; k < 3 && s.ok(); ++k) {
    FactFilter f;
    f.kind = kinds[k];
    f.source_id = id;
    f.limit = 1000;
    s = app.store->ListFacts(f, &facts[k], nullptr);
    std::sort(facts[k].begin(), facts[k].end(),
              [](const FactRow& a, const FactRow& b) { return a.id < b.id; });
  }
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  const Extraction& x = report.extraction;
  std::vector<Highlight> marks;
  for (const Mention& m : x.mentions) {
    marks.push_back({m.span.begin, m.span.end, std::string("name-") + EntityKindName(m.kind),
                     fmt::format("{}: {} (rule {})", EntityKindName(m.kind),
                                 m.entity >= 0 ? x.entities[m.entity].name : m.surface, m.rule),
                     ""});
  }
  for (size_t i = 0; i < facts[0].size() && i < x.events.size(); ++i) {
    const FactRow& f = facts[0][i];
    marks.push_back(
        {x.events[i].trigger.begin, x.events[i].trigger.end, "event " + f.review_state,
         fmt::format("event: {} [{}] (rule {})", FactSummary(f), f.review_state, f.rule),
         fmt::format("f-event-{}", f.id)});
  }
  for (const FactRow& f : facts[1]) {
    marks.push_back(
        {f.evidence_begin, f.evidence_end, "claim " + f.review_state,
         fmt::format("claim: {} [{}] (rule {})", FactSummary(f), f.review_state, f.rule),
         fmt::format("f-claim-{}", f.id)});
  }
  for (const FactRow& f : facts[2]) {
    marks.push_back(
        {f.evidence_begin, f.evidence_end, "quote " + f.review_state,
         fmt::format("quote{} [{}] (rule {})",
                     f.people.empty() || f.people[0].empty() ? "" : " by " + f.people[0],
                     f.review_state, f.rule),
         fmt::format("f-quote-{}", f.id)});
  }
  const Document& doc = report.document;
  std::string body = fmt::format(
      "<p class=\"meta\">{} · {} · published {} · sha256 <code>{}</code>{}</p>"
      "<div class=\"legend\"><span class=\"hl name-person\">person</span><span class=\"hl "
      "name-organization\">organisation</span><span class=\"hl name-place\">place</span><span "
      "class=\"hl event\">event</span><span class=\"hl claim\">figure</span><span class=\"hl "
      "quote\">quote</span></div><div class=\"reader\"><article class=\"text card\">{}</article>"
      "<aside class=\"facts\"><div id=\"fact-panel\" class=\"card panel\" hidden></div>",
      Escape(doc.meta.name),
      Escape(doc.meta.publisher.empty() ? "no publisher" : doc.meta.publisher),
      Escape(x.published.known() ? x.published.ToIso() : "—"),
      Escape(doc.meta.sha256.substr(0, 16)),
      doc.meta.url.empty() ? "" : " · <span class=\"url\">" + Escape(doc.meta.url) + "</span>",
      RenderText(doc.text, marks));
  const Viewer viewer = ViewerOf(r);
  const std::string next = fmt::format("/reports/{}", id);
  for (int k = 0; k < 3; ++k) {
    body += fmt::format("<h2>{}s <small>{}</small></h2>", kinds[k], facts[k].size());
    for (const FactRow& f : facts[k]) {
      body +=
          fmt::format("<div id=\"f-{}-{}\">{}</div>", kinds[k], f.id, FactCard(f, viewer, next));
    }
  }
  body += "</aside></div>";
  WebResponse res;
  res.body =
      Page(viewer, "/reports", doc.meta.title.empty() ? doc.meta.name : doc.meta.title, body);
  return res;
}

}  // namespace

void AddReportRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/reports", Access::kPage, 1, ReportsPage});
  routes->push_back({"GET", "/reports/([0-9]{1,15})", Access::kPage, 1, ReaderPage});
}

}  // namespace letapis::web
