#include "letapis/public_export.h"

#include <algorithm>
#include <utility>

#include "export/text_cuts.h"
#include "letapis/export.h"

namespace letapis {
namespace {

// `text` with the `cuts` and every occurrence of a protected entity's name or aliases
// replaced by its pseudonym (the earliest first; of two starting together, the longer).
std::string Replace(const std::string& text, std::vector<TextCut> cuts, const Extraction& x,
                    const std::vector<std::string>& pseudonyms) {
  for (size_t e = 0; e < x.entities.size(); ++e) {
    if (pseudonyms[e].empty()) continue;
    std::vector<std::string> forms = x.entities[e].aliases;
    forms.push_back(x.entities[e].name);
    for (const std::string& form : forms) {
      for (size_t at = form.empty() ? std::string::npos : text.find(form); at != std::string::npos;
           at = text.find(form, at + form.size())) {
        cuts.push_back({at, at + form.size(), pseudonyms[e]});
      }
    }
  }
  return ApplyCuts(text, std::move(cuts));
}

// Text of `span` with every protected entity replaced by its pseudonym: its mentions
// inside the span, then any other occurrence of its name or aliases.
std::string Redact(const Document& doc, const Extraction& x, const Span& span,
                   const std::vector<std::string>& pseudonyms) {
  std::vector<TextCut> cuts;  // offsets in the span's text
  for (const Mention& m : x.mentions) {
    if (m.entity < 0 || pseudonyms[m.entity].empty()) continue;
    if (m.span.begin < span.begin || m.span.end > span.end) continue;
    cuts.push_back({m.span.begin - span.begin, m.span.end - span.begin, pseudonyms[m.entity]});
  }
  return Replace(SpanText(doc, span), std::move(cuts), x, pseudonyms);
}

nlohmann::json NameOf(const Extraction& x, int entity, const std::vector<std::string>& pseudonyms) {
  if (entity < 0 || entity >= static_cast<int>(x.entities.size())) return nullptr;
  return pseudonyms[entity].empty() ? x.entities[entity].name : pseudonyms[entity];
}

nlohmann::json DateOrNull(const PartialDate& d) {
  return d.known() ? nlohmann::json(d.ToIso()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json PublicRecord(const Document& doc, const Extraction& x, const PublicationMarks& marks,
                            const std::vector<std::string>& pseudonyms) {
  nlohmann::json events = nlohmann::json::array(), claims = nlohmann::json::array(),
                 quotes = nlohmann::json::array();
  for (size_t i = 0; i < x.events.size() && i < marks.events.size(); ++i) {
    if (!marks.events[i]) continue;
    const Event& ev = x.events[i];
    nlohmann::json who = nlohmann::json::array();
    for (int w : ev.who) who.push_back(NameOf(x, w, pseudonyms));
    events.push_back({{"type", ev.type},
                      {"who", who},
                      {"date", DateOrNull(ev.date)},
                      {"place", NameOf(x, ev.place, pseudonyms)},
                      {"term_months",
                       ev.term_months ? nlohmann::json(*ev.term_months) : nlohmann::json(nullptr)},
                      {"article", ev.article},
                      {"modality", ev.modality},
                      {"evidence", Redact(doc, x, ev.evidence, pseudonyms)}});
  }
  for (size_t i = 0; i < x.claims.size() && i < marks.claims.size(); ++i) {
    if (!marks.claims[i]) continue;
    const Claim& c = x.claims[i];
    claims.push_back({{"value", c.value},
                      {"qualifier", c.qualifier},
                      {"category", c.category},
                      {"what", c.what},
                      {"as_of", DateOrNull(c.as_of)},
                      {"source", c.source >= 0 ? NameOf(x, c.source, pseudonyms)
                                               : nlohmann::json(c.source_name)},
                      {"evidence", Redact(doc, x, c.evidence, pseudonyms)}});
  }
  for (size_t i = 0; i < x.quotes.size() && i < marks.quotes.size(); ++i) {
    if (!marks.quotes[i]) continue;
    const Quote& q = x.quotes[i];
    quotes.push_back({{"speaker", NameOf(x, q.speaker, pseudonyms)},
                      {"text", Redact(doc, x, q.span, pseudonyms)}});
  }
  if (events.empty() && claims.empty() && quotes.empty()) return nullptr;
  return {{"title", Replace(doc.meta.title, {}, x, pseudonyms)},
          {"publisher", doc.meta.publisher},
          {"url", doc.meta.url},
          {"published", DateOrNull(doc.meta.published)},
          {"events", events},
          {"claims", claims},
          {"quotes", quotes}};
}

}  // namespace letapis
