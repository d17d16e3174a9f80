// Events table (with filters and CSV), fact pages with edit form and history, review queue.
#include <charconv>

#include <fmt/format.h>

#include "web/app.h"
#include "web/fact_view.h"

namespace letapis::web {
namespace {

constexpr int64_t kPage = 50;
constexpr int64_t kQueuePage = 20;
constexpr int64_t kCsvRows = 1000;

constexpr const char* kEventTypes[] = {
    "detention",        "search",        "charge",      "trial", "sentence",    "release", "pardon",
    "death_in_custody", "incommunicado", "extradition", "exile", "designation", "advocacy"};
constexpr const char* kStates[] = {"proposed", "confirmed", "corrected", "rejected"};

std::string Options(const char* const* values, size_t n, const std::string& selected,
                    const char* any) {
  std::string out = fmt::format("<option value=\"\">{}</option>", any);
  for (size_t i = 0; i < n; ++i) {
    out +=
        fmt::format("<option{}>{}</option>", selected == values[i] ? " selected" : "", values[i]);
  }
  return out;
}

std::string JoinPeople(const std::vector<std::string>& people, const char* separator) {
  std::string out;
  for (const std::string& p : people) out += (out.empty() ? "" : separator) + p;
  return out;
}

// The names of a people field: separated by ";" or by line breaks, blank ones dropped
// (the store trims and checks each name).
std::vector<std::string> SplitPeople(const std::string& field) {
  std::vector<std::string> out;
  std::string name;
  for (size_t i = 0; i <= field.size(); ++i) {
    if (i < field.size() && field[i] != ';' && field[i] != '\n' && field[i] != '\r') {
      name += field[i];
      continue;
    }
    const size_t b = name.find_first_not_of(" \t"), e = name.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(name.substr(b, e - b + 1));
    name.clear();
  }
  return out;
}

std::string FilterQuery(const FactFilter& f) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) q += fmt::format("{}={}&", k, UrlEncode(v));
  };
  add("type", f.type);
  add("from", f.date_from);
  add("to", f.date_to);
  add("place", f.place);
  add("person", f.person);
  add("state", f.review_state);
  return q;
}

WebResponse EventsPage(App& app, const WebRequest& r) {
  const FactFilter filter = FactFilterOf(r, "event", kPage, kPage);
  std::vector<FactRow> rows;
  int64_t total = 0;
  Status s = app.store->ListFacts(filter, &rows, &total);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::string body = fmt::format(
      "<form class=\"filters card\" method=\"get\" action=\"/events\">"
      "<label>Type<select name=\"type\">{}</select></label>"
      "<label>From<input name=\"from\" placeholder=\"YYYY-MM-DD\" value=\"{}\"></label>"
      "<label>To<input name=\"to\" placeholder=\"YYYY-MM-DD\" value=\"{}\"></label>"
      "<label>Place<input name=\"place\" value=\"{}\"></label>"
      "<label>Person<input name=\"person\" value=\"{}\"></label>"
      "<label>Review<select name=\"state\">{}</select></label>"
      "<button type=\"submit\">Filter</button><a class=\"button secondary\" "
      "href=\"/events.csv?{}\">Download CSV</a></form>",
      Options(kEventTypes, std::size(kEventTypes), filter.type, "any type"),
      Escape(filter.date_from), Escape(filter.date_to), Escape(filter.place), Escape(filter.person),
      Options(kStates, std::size(kStates), filter.review_state, "any"),
      Escape(FilterQuery(filter)));
  body +=
      "<table class=\"data\"><thead><tr><th>Date</th><th>Type</th><th>People</th><th>Term</th>"
      "<th>Place</th><th>Report</th><th>Review</th></tr></thead><tbody>";
  for (const FactRow& f : rows) {
    std::string people;
    for (const std::string& p : f.people) {
      people += fmt::format("{}<a href=\"/people/view?name={}\">{}</a>", people.empty() ? "" : ", ",
                            UrlEncode(p), Escape(p));
    }
    body += fmt::format(
        "<tr><td class=\"nowrap\">{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td>"
        "<td>{}</td><td><a href=\"/reports/{}\">{}</a></td><td>{}</td></tr>",
        Escape(f.date.empty() ? "—" : f.date), FactUrl(f), Escape(f.type), people,
        f.term_months ? (*f.term_months < 0 ? "life" : fmt::format("{} mo", *f.term_months)) : "",
        Escape(f.place), f.source_id, Escape(f.source_name), StatePill(f.review_state));
  }
  body += "</tbody></table>";
  if (rows.empty()) body += "<p class=\"muted\">No events match.</p>";
  body += Pager("/events?" + FilterQuery(filter), filter.offset, kPage, total);
  WebResponse res;
  res.body = Page(ViewerOf(r), "/events", "Events", body);
  return res;
}

std::string Csv(const std::string& s) {
  // A leading = + - @ would make spreadsheets run a formula: quote it away.
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

WebResponse EventsCsv(App& app, const WebRequest& r) {
  FactFilter filter = FactFilterOf(r, "event", kPage, kPage);
  filter.limit = kCsvRows;
  std::string out =
      "id,date,type,people,term_months,article,place,modality,report,review_state,rule,evidence\n";
  for (filter.offset = 0;; filter.offset += kCsvRows) {
    std::vector<FactRow> rows;
    int64_t total = 0;
    Status s = app.store->ListFacts(filter, &rows, &total);
    if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
    for (const FactRow& f : rows) {
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", f.id, Csv(f.date), Csv(f.type),
                         Csv(JoinPeople(f.people, "; ")),
                         f.term_months ? fmt::format("{}", *f.term_months) : "", Csv(f.article),
                         Csv(f.place), Csv(f.modality), Csv(f.source_name), Csv(f.review_state),
                         Csv(f.rule), Csv(f.evidence));
    }
    if (filter.offset + kCsvRows >= total) break;
  }
  WebResponse res;
  res.content_type = "text/csv; charset=utf-8";
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"events.csv\"");
  res.body = out;
  return res;
}

std::string History(App& app, const std::string& type, int64_t id) {
  std::vector<AuditEntry> entries;
  if (!app.store->ListAudit(type, id, &entries).ok() || entries.empty()) {
    return "<p class=\"muted\">No human changes yet: this is machine output.</p>";
  }
  std::string out = "<ol class=\"history\">";
  for (const AuditEntry& e : entries) {
    out += fmt::format(
        "<li><strong>{}</strong> by <strong>{}</strong> at <time>{}</time><div "
        "class=\"diff\"><span>before</span><code>{}</code><span>after</span><code>{}</code></div>"
        "</li>",
        Escape(e.action), Escape(e.actor), Escape(e.at), Escape(e.before), Escape(e.after));
  }
  return out + "</ol>";
}

WebResponse FactPage(App& app, const WebRequest& r) {
  const std::string kind = r.args[0];
  const int64_t id = std::stoll(r.args[1]);
  FactRow f;
  Status s = app.store->GetFact(kind, id, &f);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  const Viewer viewer = ViewerOf(r);
  std::string body = FactCard(f, viewer, FactUrl(f));
  body += fmt::format("<p><a href=\"/reports/{}#f-{}-{}\">Read it in the report</a></p>",
                      f.source_id, Escape(kind), id);
  if (RoleRank(r.user.role) >= 2 && kind != "quote") {
    std::string fields;
    if (kind == "event") {
      fields = fmt::format(
          "<label>Type<select name=\"type\">{}</select></label>"
          "<label>Date<input name=\"date\" value=\"{}\" placeholder=\"YYYY-MM-DD\"></label>"
          "<label>Term (months, -1 for life)<input name=\"term_months\" value=\"{}\"></label>"
          "<label>Article<input name=\"article\" value=\"{}\"></label>"
          "<label class=\"wide\">People (one per line, or separated by ;)"
          "<textarea name=\"people\" rows=\"3\">{}</textarea></label>",
          Options(kEventTypes, std::size(kEventTypes), f.type, "—"), Escape(f.date),
          f.term_months ? fmt::format("{}", *f.term_months) : "", Escape(f.article),
          Escape(JoinPeople(f.people, "\n")));
    } else {
      fields = fmt::format(
          "<label>Category<input name=\"type\" value=\"{}\"></label>"
          "<label>As of<input name=\"date\" value=\"{}\" placeholder=\"YYYY-MM-DD\"></label>"
          "<label>Value<input name=\"value\" value=\"{}\"></label>",
          Escape(f.type), Escape(f.date), f.value);
    }
    body += fmt::format(
        "<h2>Correct it</h2><form class=\"card edit\" method=\"post\" action=\"{}/review\">{}"
        "<input type=\"hidden\" name=\"action\" value=\"edit\">{}<label class=\"wide\">Why"
        "<input name=\"why\" placeholder=\"the reason, kept in the audit log\"></label>"
        "<button type=\"submit\">Save correction</button></form>",
        FactUrl(f), CsrfField(viewer), fields);
  }
  body += "<h2>History</h2>" + History(app, kind, id);
  WebResponse res;
  res.body =
      Page(viewer, kind == "event" ? "/events" : "/review", fmt::format("{} {}", kind, id), body);
  return res;
}

// A local path to return to, or "" when `next` is not one (no open redirects).
std::string LocalPath(const std::string& next) {
  if (next.size() < 1 || next[0] != '/' ||
      (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) {
    return "";
  }
  return next;
}

WebResponse ReviewPost(App& app, const WebRequest& r) {
  ReviewAction a;
  a.kind = r.args[0];
  a.id = std::stoll(r.args[1]);
  a.action = r.Param("action");
  a.actor = r.user.name;
  a.why = r.Param("why");
  if (a.action == "edit") {
    FactRow before;
    Status s = app.store->GetFact(a.kind, a.id, &before);
    if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
    // Only the fields the form changed.
    if (r.params.count("type") && r.Param("type") != before.type) a.type = r.Param("type");
    if (r.params.count("date") && r.Param("date") != before.date) a.date = r.Param("date");
    if (r.params.count("article") && r.Param("article") != before.article)
      a.article = r.Param("article");
    const std::string term = r.Param("term_months");
    if (!term.empty()) {
      int v = 0;
      auto [end, ec] = std::from_chars(term.data(), term.data() + term.size(), v);
      if (ec != std::errc() || end != term.data() + term.size()) {
        return ErrorResponse(r, 400, "term_months: a whole number of months");
      }
      if (!before.term_months || *before.term_months != v) a.term_months = v;
    }
    if (r.params.count("people")) {
      std::vector<std::string> people = SplitPeople(r.Param("people"));
      if (people != before.people) a.people = std::move(people);
    }
    const std::string value = r.Param("value");
    if (!value.empty()) {
      double v = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || end != value.data() + value.size()) {
        return ErrorResponse(r, 400, "value: a number");
      }
      if (v != before.value) a.value = v;
    }
  }
  Status s = ReviewAndResolve(app, a, nullptr);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  const std::string next = LocalPath(r.Param("next"));
  return WebResponse::Redirect(next.empty() ? fmt::format("/facts/{}/{}", a.kind, a.id) : next);
}

WebResponse ReviewQueue(App& app, const WebRequest& r) {
  std::string kind = r.Param("kind", "event");
  if (!IsFactKind(kind)) kind = "event";
  FactFilter filter;
  filter.kind = kind;
  filter.review_state = "proposed";
  filter.limit = kQueuePage;
  std::vector<FactRow> rows;
  int64_t total = 0;
  Status s = app.store->ListFacts(filter, &rows, &total);
  if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
  std::string body = "<nav class=\"tabs\">";
  for (const char* k : {"event", "claim", "quote"}) {
    body += fmt::format("<a href=\"/review?kind={}\"{}>{}s</a>", k,
                        kind == k ? " class=\"active\"" : "", k);
  }
  body += fmt::format(
      "</nav><p class=\"muted\">{} proposed {}(s) wait for review. Keys: <kbd>j</kbd>/<kbd>k</kbd> "
      "move, <kbd>c</kbd> confirm, <kbd>r</kbd> reject, <kbd>e</kbd> edit.</p><div "
      "class=\"queue\">",
      total, Escape(kind));
  const std::string next = "/review?kind=" + kind;
  for (const FactRow& f : rows) body += FactCard(f, ViewerOf(r), next);
  if (rows.empty()) body += "<p class=\"notice\">Nothing left to review here.</p>";
  body += "</div>";
  WebResponse res;
  res.body = Page(ViewerOf(r), "/review", "Review queue", body);
  return res;
}

}  // namespace

void AddFactRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/events", Access::kPage, 1, EventsPage});
  routes->push_back({"GET", "/events\\.csv", Access::kPage, 1, EventsCsv});
  routes->push_back(
      {"GET", "/facts/(event|claim|quote)/([0-9]{1,15})", Access::kPage, 1, FactPage});
  routes->push_back(
      {"POST", "/facts/(event|claim|quote)/([0-9]{1,15})/review", Access::kPage, 2, ReviewPost});
  routes->push_back({"GET", "/review", Access::kPage, 2, ReviewQueue});
}

}  // namespace letapis::web
