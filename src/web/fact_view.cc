#include "web/fact_view.h"

#include <fmt/format.h>

namespace letapis::web {

std::string FactSummary(const FactRow& f) {
  std::string out = f.type;
  if (f.kind == "event") {
    if (f.term_months) {
      out += *f.term_months < 0 ? ", life" : fmt::format(", {} months", *f.term_months);
    }
    if (!f.article.empty()) out += ", Art. " + f.article;
    if (f.modality != "asserted" && !f.modality.empty()) out += " (" + f.modality + ")";
  }
  if (f.kind == "claim") {
    out += fmt::format(": {}{} {}", f.qualifier == "exact" ? "" : f.qualifier + " ",
                       f.value == static_cast<int64_t>(f.value)
                           ? fmt::format("{}", static_cast<int64_t>(f.value))
                           : fmt::format("{}", f.value),
                       f.what);
  }
  std::string who;
  for (const std::string& p : f.people) who += (who.empty() ? "" : ", ") + p;
  if (!who.empty()) out += (f.kind == "claim" ? " — according to " : " — ") + who;
  if (!f.date.empty() || !f.place.empty()) {
    out += " (" + f.date + (f.date.empty() || f.place.empty() ? "" : ", ") + f.place + ")";
  }
  return out;
}

FactFilter FactFilterOf(const WebRequest& r, const std::string& kind, int64_t page,
                        int64_t max_limit) {
  FactFilter f;
  f.kind = kind;
  f.type = r.Param("type");
  f.date_from = r.Param("from");
  f.date_to = r.Param("to");
  f.place = r.Param("place");
  f.person = r.Param("person");
  f.review_state = r.Param("state");
  f.source_id = r.IntParam("report", 0, 0, INT64_MAX);
  f.limit = r.IntParam("limit", page, 1, max_limit);
  f.offset = r.IntParam("offset", 0, 0, 1'000'000'000);
  return f;
}

std::string FactUrl(const FactRow& f) { return fmt::format("/facts/{}/{}", f.kind, f.id); }

std::string FactCard(const FactRow& f, const Viewer& viewer, const std::string& next) {
  std::string actions;
  if (RoleRank(viewer.user.role) >= 2) {
    auto button = [&](const char* action, const char* label, const char* key) {
      return fmt::format(
          "<form method=\"post\" action=\"{}/review\">{}<input type=\"hidden\" name=\"action\" "
          "value=\"{}\"><input type=\"hidden\" name=\"next\" value=\"{}\">"
          "<button type=\"submit\" class=\"{}\" data-key=\"{}\">{} <kbd>{}</kbd></button></form>",
          FactUrl(f), CsrfField(viewer), action, Escape(next), action, key, label, key);
    };
    actions = "<div class=\"actions\">" + button("confirm", "Confirm", "c") +
              button("reject", "Reject", "r") +
              fmt::format(
                  "<a class=\"button secondary\" href=\"{}\" data-key=\"e\">Edit "
                  "<kbd>e</kbd></a>",
                  FactUrl(f)) +
              "</div>";
  }
  return fmt::format(
      "<article class=\"card fact\" tabindex=\"-1\" data-fact=\"{}\"><header><span "
      "class=\"kind {}\">{}</span> <a href=\"{}\">{}</a> {}</header>"
      "<blockquote>{}</blockquote><p class=\"meta\">{} · rule <code>{}</code> · confidence "
      "{:.2f}</p>{}</article>",
      Escape(FactUrl(f)), Escape(f.kind), Escape(f.kind), Escape(FactUrl(f)),
      Escape(FactSummary(f)), StatePill(f.review_state), Escape(f.evidence), Escape(f.source_name),
      Escape(f.rule), f.confidence, actions);
}

}  // namespace letapis::web
