// The search page: ranked (or, for words most reports contain, newest-first) full-text
// results with highlighted snippets.
#include <fmt/format.h>

#include "web/app.h"

namespace letapis::web {
namespace {

constexpr int64_t kPage = 20;

WebResponse SearchPage(App& app, const WebRequest& r) {
  const std::string q = r.Param("q");
  const int64_t offset = r.IntParam("offset", 0, 0, 1'000'000);
  std::string body = fmt::format(
      "<form class=\"search card\" method=\"get\" action=\"/search\"><input type=\"search\" "
      "name=\"q\" value=\"{}\" placeholder=\"Names, places, articles — any script\" autofocus>"
      "<button type=\"submit\">Search</button></form>",
      Escape(q));
  if (!q.empty()) {
    SearchResults results;
    Status s = app.store->Search(q, kPage, offset, &results);
    if (!s.ok()) return ErrorResponse(r, HttpStatus(s), s.message());
    body += fmt::format(
        "<p class=\"muted\">{}{}</p><ol class=\"results\">",
        results.total == 1 ? "1 report matches" : fmt::format("{} reports match", results.total),
        results.newest_first
            ? " — newest first: most reports contain these words, so they cannot rank them"
            : "");
    for (const SearchHit& h : results.hits) {
      body += fmt::format(
          "<li class=\"card\"><a href=\"/reports/{}\">{}</a> <span class=\"muted\">{}</span>"
          "<p>{}</p></li>",
          h.source_id, Escape(h.title.empty() ? h.name : h.title), Escape(h.published),
          HighlightSnippet(h.snippet));
    }
    body += "</ol>" + Pager("/search?q=" + UrlEncode(q) + "&", offset, kPage, results.total);
  }
  WebResponse res;
  res.body = Page(ViewerOf(r), "/search", "Search", body);
  return res;
}

}  // namespace

void AddSearchRoutes(std::vector<Route>* routes) {
  routes->push_back({"GET", "/search", Access::kPage, 1, SearchPage});
}

}  // namespace letapis::web
