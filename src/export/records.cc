#include "export/json_text.h"
#include "letapis/export.h"

namespace letapis {
namespace {

using nlohmann::json;

json DateOrNull(const PartialDate& d) { return d.known() ? json(d.ToIso()) : json(nullptr); }

json EntityNameOrNull(const Extraction& x, int entity) {
  return entity >= 0 && entity < static_cast<int>(x.entities.size()) ? json(x.entities[entity].name)
                                                                     : json(nullptr);
}

json Number(double v) { return IsJsonInteger(v) ? json(static_cast<int64_t>(v)) : json(v); }

// A span with its raw offsets, its text and, in a PDF, its page.
json SpanJson(const Document& doc, const Span& span) {
  json out{{"begin", span.begin},
           {"end", span.end},
           {"raw_begin", doc.text_to_raw.ToSource(span.begin)},
           {"raw_end", doc.text_to_raw.EndToSource(span.end)},
           {"text", SpanText(doc, span)}};
  if (!doc.pages.empty()) out["page"] = PageOf(doc, span.begin);
  return out;
}

}  // namespace

std::string SpanText(const Document& doc, const Span& span) {
  if (span.begin > span.end || span.end > doc.text.size()) return "";
  return doc.text.substr(span.begin, span.end - span.begin);
}

json FullRecord(const Document& doc, const Extraction& x) {
  json out;
  const SourceMeta& m = doc.meta;
  out["source"] = json{{"name", m.name},
                       {"path", m.path},
                       {"format", m.format},
                       {"url", m.url},
                       {"title", m.title},
                       {"publisher", m.publisher},
                       {"author", m.author},
                       {"parent_sha256", m.parent},
                       {"published", DateOrNull(m.published)},
                       {"encoding", m.encoding},
                       {"sha256", m.sha256},
                       {"bytes", doc.raw.size()}};
  out["published"] = DateOrNull(x.published);
  out["entities"] = json::array();
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    json mentions = json::array();
    for (const Mention& mn : x.mentions) {
      if (mn.entity != static_cast<int>(i)) continue;
      json j = SpanJson(doc, mn.span);
      j["surface"] = mn.surface;
      j["rule"] = mn.rule;
      j["confidence"] = mn.confidence;
      mentions.push_back(j);
    }
    out["entities"].push_back(json{{"id", i},
                                   {"kind", EntityKindName(e.kind)},
                                   {"name", e.name},
                                   {"aliases", e.aliases},
                                   {"confidence", e.confidence},
                                   {"mentions", mentions}});
  }
  out["events"] = json::array();
  for (const Event& ev : x.events) {
    json who = json::array();
    for (int w : ev.who) who.push_back(json{{"entity", w}, {"name", EntityNameOrNull(x, w)}});
    out["events"].push_back(
        json{{"type", ev.type},
             {"who", who},
             {"date", DateOrNull(ev.date)},
             {"date_text", ev.date_text},
             {"place", EntityNameOrNull(x, ev.place)},
             {"term_months", ev.term_months ? json(*ev.term_months) : json(nullptr)},
             {"article", ev.article},
             {"modality", ev.modality},
             {"evidence", SpanJson(doc, ev.evidence)},
             {"trigger", SpanJson(doc, ev.trigger)},
             {"rule", ev.rule},
             {"confidence", ev.confidence}});
  }
  out["claims"] = json::array();
  for (const Claim& c : x.claims) {
    out["claims"].push_back(json{{"value", Number(c.value)},
                                 {"qualifier", c.qualifier},
                                 {"category", c.category},
                                 {"what", c.what},
                                 {"as_of", DateOrNull(c.as_of)},
                                 {"source", EntityNameOrNull(x, c.source)},
                                 {"evidence", SpanJson(doc, c.evidence)},
                                 {"rule", c.rule},
                                 {"confidence", c.confidence}});
  }
  out["quotes"] = json::array();
  for (const Quote& q : x.quotes) {
    out["quotes"].push_back(json{{"speaker", EntityNameOrNull(x, q.speaker)},
                                 {"evidence", SpanJson(doc, q.span)},
                                 {"rule", q.rule},
                                 {"confidence", q.confidence}});
  }
  return out;
}

}  // namespace letapis
