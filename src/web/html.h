// HTML building blocks: escaping, the page frame, small widgets. Every piece of text
// that comes from the store or the request goes through Escape().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letapis/accounts.h"

namespace letapis::web {

// `text` with & < > " ' replaced by entities: safe in element content and quoted attributes.
std::string Escape(std::string_view text);

// `text` percent-encoded for a URL query value or path segment.
std::string UrlEncode(std::string_view text);

// What the frame of a page needs to know about the viewer.
struct Viewer {
  User user;
  std::string csrf;  // the session's CSRF token, put into every form
};

// A whole HTML page: head (CSS/JS from /static), navigation for `viewer` with `active`
// marked, the `title` heading and `body` (already HTML).
std::string Page(const Viewer& viewer, std::string_view active, std::string_view title,
                 std::string_view body);

// A page of the public site (`serve --public`): the same frame with the public
// navigation (Overview, Events, People, Statistics, Quotes), no account block and a line
// saying that only confirmed facts are shown.
std::string PublicPage(std::string_view active, std::string_view title, std::string_view body);

// The hidden CSRF field of a form.
std::string CsrfField(const Viewer& viewer);

// A status pill: "proposed", "confirmed", "corrected", "rejected".
std::string StatePill(const std::string& state);

// Links to the previous/next page of a list, keeping `base` (a URL with its query up to
// and including '?' or '&').
std::string Pager(const std::string& base, int64_t offset, int64_t limit, int64_t total);

// A snippet with kHitOpen/kHitClose marks as escaped HTML with <mark> around the hits.
std::string HighlightSnippet(std::string_view snippet);

// Bars of a chart as inline SVG (no style attributes): one labelled bar per value.
std::string BarChart(const std::vector<std::pair<std::string, double>>& bars,
                     std::string_view caption);

// Dots joined by a line over time, as inline SVG: (label, value) in order.
std::string LineChart(const std::vector<std::pair<std::string, double>>& points,
                      std::string_view caption);

}  // namespace letapis::web
