#include "web/html.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "letapis/search.h"

namespace letapis::web {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string CsrfField(const Viewer& viewer) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + Escape(viewer.csrf) + "\">";
}

namespace {

// The frame shared by the staff and the public pages: head, the `nav` links, an optional
// `account` block, the heading and the body.
std::string Frame(std::string_view nav, std::string_view account, std::string_view title,
                  std::string_view body) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>{} · letapis</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
      "<script src=\"/static/app.js\" defer></script></head><body>"
      "<header class=\"top\"><a class=\"brand\" href=\"/\">letapis</a><nav>{}</nav>{}</header>"
      "<main><h1>{}</h1>{}</main></body></html>\n",
      Escape(title), nav, account, Escape(title), body);
}

// One navigation link, marked when it is the `active` one.
std::string NavLink(const char* href, const char* label, std::string_view active) {
  return fmt::format("<a href=\"{}\"{}>{}</a>", href,
                     active == href ? " class=\"active\" aria-current=\"page\"" : "", label);
}

}  // namespace

std::string Page(const Viewer& viewer, std::string_view active, std::string_view title,
                 std::string_view body) {
  struct Item {
    const char* href;
    const char* label;
    int rank;  // least role rank that sees it
  };
  constexpr Item kNav[] = {{"/", "Dashboard", 1},    {"/reports", "Reports", 1},
                           {"/events", "Events", 1}, {"/review", "Review", 2},
                           {"/people", "People", 1}, {"/stats", "Statistics", 1},
                           {"/search", "Search", 1}, {"/upload", "Upload", 2},
                           {"/export", "Export", 1}, {"/users", "Users", 3}};
  std::string nav;
  for (const Item& item : kNav) {
    if (RoleRank(viewer.user.role) < item.rank) continue;
    nav += NavLink(item.href, item.label, active);
  }
  std::string account;
  if (!viewer.user.name.empty()) {
    account = fmt::format(
        "<div class=\"account\"><span class=\"who\">{} <small>{}</small></span>"
        "<form method=\"post\" action=\"/logout\">{}<button class=\"link\" "
        "type=\"submit\">Log out</button></form></div>",
        Escape(viewer.user.name), Escape(viewer.user.role), CsrfField(viewer));
  }
  return Frame(nav, account, title, body);
}

std::string PublicPage(std::string_view active, std::string_view title, std::string_view body) {
  std::string nav;
  for (const auto& [href, label] :
       {std::pair{"/", "Overview"}, std::pair{"/events", "Events"}, std::pair{"/people", "People"},
        std::pair{"/stats", "Statistics"}, std::pair{"/quotes", "Quotes"}}) {
    nav += NavLink(href, label, active);
  }
  return Frame(nav, "", title,
               std::string("<p class=\"notice public\">Public record: only facts a reviewer "
                           "has confirmed. People at risk are shown under pseudonyms.</p>") +
                   std::string(body));
}

std::string StatePill(const std::string& state) {
  return fmt::format("<span class=\"pill {}\">{}</span>", Escape(state), Escape(state));
}

std::string Pager(const std::string& base, int64_t offset, int64_t limit, int64_t total) {
  std::string out = "<nav class=\"pager\">";
  if (offset > 0) {
    out += fmt::format("<a href=\"{}offset={}\">&larr; Previous</a>", Escape(base),
                       std::max<int64_t>(0, offset - limit));
  }
  out += fmt::format("<span>{}–{} of {}</span>", total == 0 ? 0 : offset + 1,
                     std::min(offset + limit, total), total);
  if (offset + limit < total) {
    out += fmt::format("<a href=\"{}offset={}\">Next &rarr;</a>", Escape(base), offset + limit);
  }
  return out + "</nav>";
}

std::string HighlightSnippet(std::string_view snippet) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= snippet.size(); ++i) {
    if (i < snippet.size() && snippet[i] != kHitOpen && snippet[i] != kHitClose) continue;
    out += Escape(snippet.substr(start, i - start));
    if (i < snippet.size()) out += snippet[i] == kHitOpen ? "<mark>" : "</mark>";
    start = i + 1;
  }
  return out;
}

namespace {

std::string Number(double v) {
  return v == std::floor(v) && std::fabs(v) < 1e15 ? fmt::format("{}", static_cast<int64_t>(v))
                                                   : fmt::format("{:.1f}", v);
}

}  // namespace

std::string BarChart(const std::vector<std::pair<std::string, double>>& bars,
                     std::string_view caption) {
  if (bars.empty()) return "<p class=\"muted\">Nothing to chart yet.</p>";
  constexpr double kHeight = 140, kTop = 16, kBottom = 28;
  const double slot = std::max(18.0, std::min(48.0, 640.0 / static_cast<double>(bars.size())));
  const double width = slot * static_cast<double>(bars.size());
  double max = 0;
  for (const auto& b : bars) max = std::max(max, b.second);
  // Room on both sides for the first and last labels, which are wider than a slot.
  constexpr double kSide = 24;
  std::string svg = fmt::format(
      "<figure class=\"chart\"><svg viewBox=\"{} 0 {} {}\" role=\"img\" aria-label=\"{}\">", -kSide,
      width + 2 * kSide, kHeight + kTop + kBottom, Escape(caption));
  for (size_t i = 0; i < bars.size(); ++i) {
    const double h = max > 0 ? bars[i].second / max * kHeight : 0;
    const double x = slot * static_cast<double>(i);
    svg += fmt::format(
        "<g><title>{}: {}</title><rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" "
        "height=\"{}\" rx=\"3\"></rect><text class=\"value\" x=\"{}\" y=\"{}\">{}</text>",
        Escape(bars[i].first), Number(bars[i].second), x + 3, kTop + kHeight - h, slot - 6, h,
        x + slot / 2, kTop + kHeight - h - 4, Number(bars[i].second));
    if (bars.size() <= 16 || i % ((bars.size() + 15) / 16) == 0) {
      svg += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>", x + slot / 2,
                         kTop + kHeight + 18, Escape(bars[i].first));
    }
    svg += "</g>";
  }
  return svg + fmt::format("</svg><figcaption>{}</figcaption></figure>", Escape(caption));
}

std::string LineChart(const std::vector<std::pair<std::string, double>>& points,
                      std::string_view caption) {
  if (points.empty()) return "<p class=\"muted\">Nothing to chart yet.</p>";
  constexpr double kWidth = 640, kHeight = 140, kTop = 18, kBottom = 28, kSide = 44;
  double max = 0;
  for (const auto& p : points) max = std::max(max, p.second);
  const double step =
      points.size() > 1 ? (kWidth - 2 * kSide) / static_cast<double>(points.size() - 1) : 0;
  std::string path, dots;
  const size_t label_every = (points.size() + 7) / 8;  // at most about 8 date labels
  for (size_t i = 0; i < points.size(); ++i) {
    // The last point is always labelled; a grid label too close before it is left out.
    const size_t last = points.size() - 1;
    const bool labelled = i == last || (i % label_every == 0 && last - i >= label_every);
    const double x = kSide + step * static_cast<double>(i);
    const double y = kTop + kHeight - (max > 0 ? points[i].second / max * kHeight : 0);
    path += fmt::format("{}{:.1f},{:.1f}", i == 0 ? "M" : " L", x, y);
    dots += fmt::format(
        "<g><title>{}: {}</title><circle class=\"dot\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\">"
        "</circle>{}</g>",
        Escape(points[i].first), Number(points[i].second), x, y,
        labelled ? fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>"
                               "<text class=\"label\" x=\"{:.1f}\" y=\"{}\">{}</text>",
                               x, y - 8, Number(points[i].second), x, kTop + kHeight + 18,
                               Escape(points[i].first))
                 : "");
  }
  return fmt::format(
      "<figure class=\"chart\"><svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">"
      "<path class=\"line\" d=\"{}\"></path>{}</svg><figcaption>{}</figcaption></figure>",
      kWidth, kHeight + kTop + kBottom, Escape(caption), path, dots, Escape(caption));
}

}  // namespace letapis::web
