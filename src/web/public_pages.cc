// The pages and JSON endpoints of the public site. Each request checks that the public
// view is current (PublicViewCache), so a fact un-confirmed or a report marked
// confidential disappears at once.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "web/public_site.h"
#include "web/public_view.h"

namespace letapis::web {
namespace {

constexpr int64_t kPage = 50;
constexpr int64_t kMaxApiPage = 500;
constexpr size_t kListed = 300;
constexpr size_t kChartedMonths = 24;

using nlohmann::json;

// The current public view of the store, or an error response in *failed.
bool Load(App& app, const WebRequest& r, std::shared_ptr<const PublicView>* view,
          WebResponse* failed) {
  Status s = app.public_view.Get(app.store.get(), app.matcher, view);
  if (s.ok()) return true;
  *failed = PublicErrorResponse(r, 500, "the public record cannot be read right now");
  return false;
}

WebResponse Html(std::string_view active, std::string_view title, std::string_view body) {
  WebResponse res;
  res.body = PublicPage(active, title, body);
  return res;
}

std::string PersonLink(const std::string& name) {
  return fmt::format("<a href=\"/people/view?name={}\">{}</a>", UrlEncode(name), Escape(name));
}

std::string TermText(const json& event) {
  const auto term = event.find("term_months");
  if (term == event.end() || !term->is_number_integer()) return "";
  const int64_t months = term->get<int64_t>();
  return months < 0 ? "life" : fmt::format("{} months", months);
}

// Where a fact is published from: title and publisher, linked to the original when its
// address is http(s).
std::string SourceHtml(const json& record) {
  const std::string title = JsonString(record, "title");
  const std::string publisher = JsonString(record, "publisher");
  const std::string url = JsonString(record, "url");
  std::string label =
      Escape(title.empty() ? (publisher.empty() ? "untitled report" : publisher) : title);
  if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) {
    label = fmt::format("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>", Escape(url),
                        label);
  }
  const std::string published = JsonString(record, "published");
  std::string meta = publisher.empty() || title.empty() ? "" : publisher;
  if (!published.empty()) meta += (meta.empty() ? "" : ", ") + published;
  return meta.empty() ? label : label + " <span class=\"muted\">" + Escape(meta) + "</span>";
}

std::string PeopleHtml(const json& event) {
  std::string out;
  const auto who = event.find("who");
  if (who == event.end() || !who->is_array()) return out;
  for (const json& w : *who) {
    if (w.is_string()) out += (out.empty() ? "" : ", ") + PersonLink(w.get<std::string>());
  }
  return out;
}

std::string EventRows(const std::vector<PublicFact>& events, size_t from, size_t count) {
  std::string body =
      "<table class=\"data\"><thead><tr><th>Date</th><th>Type</th><th>People</th><th>Term</th>"
      "<th>Place</th><th>Evidence</th><th>Source</th></tr></thead><tbody>";
  for (size_t i = from; i < events.size() && i < from + count; ++i) {
    const json& e = *events[i].fact;
    const std::string date = JsonString(e, "date");
    const std::string article = JsonString(e, "article");
    std::string term = TermText(e);
    if (!article.empty()) term += (term.empty() ? "Art. " : ", Art. ") + article;
    const std::string modality = JsonString(e, "modality");
    body += fmt::format(
        "<tr><td class=\"nowrap\">{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td><blockquote>{}</blockquote></td><td>{}</td></tr>",
        Escape(date.empty() ? "—" : date), Escape(JsonString(e, "type")),
        modality.empty() || modality == "asserted" ? "" : " (" + Escape(modality) + ")",
        PeopleHtml(e), Escape(term), Escape(JsonString(e, "place")),
        Escape(JsonString(e, "evidence")), SourceHtml(*events[i].record));
  }
  return body + "</tbody></table>";
}

// The number at `key` of a JSON object, or NaN when it is absent or not a number.
double NumberOf(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>()
                                               : std::numeric_limits<double>::quiet_NaN();
}

std::string ClaimText(const json& c) {
  const std::string qualifier = JsonString(c, "qualifier");
  std::string value;
  const double v = NumberOf(c, "value");
  if (!std::isnan(v)) {
    value = std::fabs(v) < 1e15 && v == std::floor(v) ? fmt::format("{}", static_cast<int64_t>(v))
                                                      : fmt::format("{}", v);
  }
  std::string words = qualifier.empty() || qualifier == "exact" ? "" : qualifier + " ";
  for (char& ch : words) {
    if (ch == '_') ch = ' ';
  }
  return words + value + " " + JsonString(c, "what");
}

std::string QuoteItems(const std::vector<PublicFact>& quotes, size_t limit) {
  std::string out = "<ul class=\"plain quotes\">";
  for (size_t i = 0; i < quotes.size() && i < limit; ++i) {
    const std::string speaker = JsonString(*quotes[i].fact, "speaker");
    out += fmt::format("<li><blockquote>{}</blockquote><p class=\"meta\">{}{}</p></li>",
                       Escape(JsonString(*quotes[i].fact, "text")),
                       speaker.empty() ? "" : PersonLink(speaker) + " · ",
                       SourceHtml(*quotes[i].record));
  }
  return out + "</ul>";
}

PublicEventFilter FilterOf(const WebRequest& r) {
  return {r.Param("type"), r.Param("from"), r.Param("to"), r.Param("place"), r.Param("person")};
}

std::string FilterQuery(const PublicEventFilter& f) {
  std::string q;
  for (const auto& [k, v] :
       {std::pair{"type", &f.type}, std::pair{"from", &f.from}, std::pair{"to", &f.to},
        std::pair{"place", &f.place}, std::pair{"person", &f.person}}) {
    if (!v->empty()) q += fmt::format("{}={}&", k, UrlEncode(*v));
  }
  return q;
}

WebResponse Overview(App& app, const WebRequest& r) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  const std::map<std::string, int> months = PublicEventsPerMonth(view);
  std::vector<std::pair<std::string, double>> bars(months.begin(), months.end());
  if (bars.size() > kChartedMonths) bars.erase(bars.begin(), bars.end() - kChartedMonths);
  const std::string body = fmt::format(
      "<section class=\"tiles\"><span class=\"tile\"><b>{}</b>reports</span>"
      "<a class=\"tile\" href=\"/events\"><b>{}</b>confirmed events</a>"
      "<a class=\"tile\" href=\"/people\"><b>{}</b>people</a>"
      "<a class=\"tile\" href=\"/stats\"><b>{}</b>figures</a>"
      "<a class=\"tile\" href=\"/quotes\"><b>{}</b>quotes</a></section>"
      "<section class=\"card\"><h2>Events per month</h2>{}</section>",
      view.records.size(), PublicFacts(view, "events").size(), PublicPeople(view, "").size(),
      PublicFacts(view, "claims").size(), PublicFacts(view, "quotes").size(),
      BarChart(bars, "confirmed events by month of the event date"));
  return Html("/", "Overview", body);
}

WebResponse EventsPage(App& app, const WebRequest& r) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  const PublicEventFilter filter = FilterOf(r);
  const std::vector<PublicFact> events = FilterPublicEvents(view, filter);
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  std::set<std::string> types;
  for (const PublicFact& f : PublicFacts(view, "events")) types.insert(JsonString(*f.fact, "type"));
  std::string options = "<option value=\"\">any type</option>";
  for (const std::string& t : types) {
    options += fmt::format("<option{}>{}</option>", t == filter.type ? " selected" : "", Escape(t));
  }
  std::string body = fmt::format(
      "<form class=\"filters card\" method=\"get\" action=\"/events\">"
      "<label>Type<select name=\"type\">{}</select></label>"
      "<label>From<input name=\"from\" placeholder=\"YYYY-MM-DD\" value=\"{}\"></label>"
      "<label>To<input name=\"to\" placeholder=\"YYYY-MM-DD\" value=\"{}\"></label>"
      "<label>Place<input name=\"place\" value=\"{}\"></label>"
      "<label>Person<input name=\"person\" value=\"{}\"></label>"
      "<button type=\"submit\">Filter</button></form>",
      options, Escape(filter.from), Escape(filter.to), Escape(filter.place), Escape(filter.person));
  body += EventRows(events, static_cast<size_t>(offset), kPage);
  if (events.empty()) body += "<p class=\"muted\">No events match.</p>";
  body +=
      Pager("/events?" + FilterQuery(filter), offset, kPage, static_cast<int64_t>(events.size()));
  return Html("/events", "Events", body);
}

WebResponse PeoplePage(App& app, const WebRequest& r) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  const std::string filter = r.Param("q");
  const std::vector<PublicPerson> people = PublicPeople(view, filter);
  std::string body = fmt::format(
      "<form class=\"filters card\" method=\"get\" action=\"/people\"><label>Name<input "
      "name=\"q\" value=\"{}\"></label><button type=\"submit\">Filter</button></form>"
      "<p class=\"muted\">{} {}</p><ul class=\"people\">",
      Escape(filter), people.size(), people.size() == 1 ? "person" : "people");
  for (size_t i = 0; i < people.size() && i < kListed; ++i) {
    body +=
        fmt::format("<li>{} <span class=\"muted\">{} event{} · {} report{}</span></li>",
                    PersonLink(people[i].name), people[i].events, people[i].events == 1 ? "" : "s",
                    people[i].reports, people[i].reports == 1 ? "" : "s");
  }
  return Html("/people", "People", body + "</ul>");
}

WebResponse DossierPage(App& app, const WebRequest& r) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  const std::string name = r.Param("name");
  const PublicDossier d = BuildPublicDossier(view, name);
  if (name.empty() || (d.events.empty() && d.claims.empty() && d.quotes.empty())) {
    return PublicErrorResponse(r, 404, "nobody of that name in the public record");
  }
  std::string body = "<h2>Timeline</h2><ol class=\"timeline\">";
  for (const PublicFact& f : d.events) {
    const json& e = *f.fact;
    std::string details = TermText(e);
    if (!JsonString(e, "article").empty()) details += " · Art. " + JsonString(e, "article");
    if (!JsonString(e, "place").empty()) details += " · " + JsonString(e, "place");
    const std::string date = JsonString(e, "date");
    body += fmt::format(
        "<li><time>{}</time><div><strong>{}</strong> {}<blockquote>{}</blockquote>"
        "<p class=\"meta\">{}</p></div></li>",
        Escape(date.empty() ? "undated" : date), Escape(JsonString(e, "type")), Escape(details),
        Escape(JsonString(e, "evidence")), SourceHtml(*f.record));
  }
  body += "</ol>";
  if (!d.claims.empty()) {
    body += "<h2>Figures given</h2><ul class=\"plain\">";
    for (const PublicFact& f : d.claims) {
      body += fmt::format("<li>{} <span class=\"muted\">{}</span> · {}</li>",
                          Escape(ClaimText(*f.fact)), Escape(JsonString(*f.fact, "as_of")),
                          SourceHtml(*f.record));
    }
    body += "</ul>";
  }
  if (!d.quotes.empty()) body += "<h2>Quotes</h2>" + QuoteItems(d.quotes, d.quotes.size());
  return Html("/people", name, body);
}

WebResponse StatsPage(App& app, const WebRequest& r) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  std::map<std::string, std::vector<PublicFact>> by_category;
  for (const PublicFact& f : PublicFacts(view, "claims")) {
    by_category[JsonString(*f.fact, "category")].push_back(f);
  }
  std::string body;
  for (auto& [category, claims] : by_category) {
    std::stable_sort(claims.begin(), claims.end(), [](const PublicFact& a, const PublicFact& b) {
      return JsonString(*a.fact, "as_of") < JsonString(*b.fact, "as_of");
    });
    std::vector<std::pair<std::string, double>> line;
    for (const PublicFact& f : claims) {
      const std::string as_of = JsonString(*f.fact, "as_of");
      const double value = NumberOf(*f.fact, "value");
      if (!as_of.empty() && !std::isnan(value)) {
        line.emplace_back(as_of, value);
      }
    }
    body += fmt::format(
        "<section class=\"card\"><h2>{}</h2>{}<table class=\"data\"><thead><tr><th>As of</th>"
        "<th>Figure</th><th>According to</th><th>Reported in</th></tr></thead><tbody>",
        Escape(category.empty() ? "other" : category), LineChart(line, category + " over time"));
    for (const PublicFact& f : claims) {
      const std::string as_of = JsonString(*f.fact, "as_of");
      body += fmt::format("<tr><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                          Escape(as_of.empty() ? "undated" : as_of), Escape(ClaimText(*f.fact)),
                          Escape(JsonString(*f.fact, "source")), SourceHtml(*f.record));
    }
    body += "</tbody></table></section>";
  }
  if (body.empty()) body = "<p class=\"muted\">No confirmed figures yet.</p>";
  return Html("/stats", "Statistics", body);
}

WebResponse QuotesPage(App& app, const WebRequest& r) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  const std::vector<PublicFact> quotes = PublicFacts(view, "quotes");
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  const std::vector<PublicFact> shown(
      quotes.begin() + std::min<int64_t>(offset, static_cast<int64_t>(quotes.size())),
      quotes.end());
  std::string body = shown.empty() ? "<p class=\"muted\">No confirmed quotes.</p>"
                                   : QuoteItems(shown, static_cast<size_t>(kPage));
  body += Pager("/quotes?", offset, kPage, static_cast<int64_t>(quotes.size()));
  return Html("/quotes", "Quotes", body);
}

// {"total": N, "offset": O, "items": [...]} for `facts` (limit/offset from the query).
WebResponse JsonPage(const WebRequest& r, const std::vector<PublicFact>& facts) {
  const int64_t limit = r.IntParam("limit", 100, 1, kMaxApiPage);
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  json items = json::array();
  for (int64_t i = offset; i < static_cast<int64_t>(facts.size()) && i < offset + limit; ++i) {
    items.push_back(PublicFactJson(facts[static_cast<size_t>(i)]));
  }
  return WebResponse::Json(200,
                           json{{"total", facts.size()}, {"offset", offset}, {"items", items}}.dump(
                               -1, ' ', false, json::error_handler_t::replace));
}

WebResponse ApiFacts(App& app, const WebRequest& r, const std::string& kind) {
  std::shared_ptr<const PublicView> loaded;
  WebResponse failed;
  if (!Load(app, r, &loaded, &failed)) return failed;
  const PublicView& view = *loaded;
  return JsonPage(
      r, kind == "events" ? FilterPublicEvents(view, FilterOf(r)) : PublicFacts(view, kind));
}

}  // namespace

WebResponse PublicErrorResponse(const WebRequest& request, int status, const std::string& message) {
  if (request.path.rfind("/api/", 0) == 0) {
    return WebResponse::Json(status, json{{"error", message}}.dump());
  }
  WebResponse r;
  r.status = status;
  r.body = PublicPage("", status == 404 ? "Not found" : "Sorry",
                      "<p class=\"notice error\">" + Escape(message) +
                          "</p><p><a href=\"/\">Back to the overview</a></p>");
  return r;
}

std::vector<Route> PublicRoutes() {
  std::vector<Route> routes;
  auto add = [&](const char* pattern, std::function<WebResponse(App&, const WebRequest&)> h) {
    routes.push_back({"GET", pattern, Access::kPublic, 0, std::move(h)});
  };
  add("/", Overview);
  add("/events", EventsPage);
  add("/people", PeoplePage);
  add("/people/view", DossierPage);
  add("/stats", StatsPage);
  add("/quotes", QuotesPage);
  for (const auto& [pattern, kind] :
       {std::pair{"/api/v1/public/events", "events"}, std::pair{"/api/v1/public/claims", "claims"},
        std::pair{"/api/v1/public/quotes", "quotes"}}) {
    add(pattern, [kind = std::string(kind)](App& app, const WebRequest& r) {
      return ApiFacts(app, r, kind);
    });
  }
  AddStaticRoutes(&routes);
  return routes;
}

}  // namespace letapis::web
