// The eval interchange record written as JSON text directly: keys in sorted order at every
// level, as nlohmann::json's std::map objects print them, so the text is byte-identical to
// the dump of the equivalent json object.
#include <string_view>

#include "export/json_text.h"
#include "letapis/export.h"

namespace letapis {
namespace {

// The document text of `span`, empty when out of range (SpanText without the copy).
std::string_view SpanView(const Document& doc, const Span& span) {
  if (span.begin > span.end || span.end > doc.text.size()) return {};
  return std::string_view(doc.text).substr(span.begin, span.end - span.begin);
}

void AppendDateOrNull(const PartialDate& d, std::string* out) {
  if (d.known()) {
    AppendJsonString(d.ToIso(), out);
  } else {
    out->append("null");
  }
}

bool ValidEntity(const Extraction& x, int entity) {
  return entity >= 0 && entity < static_cast<int>(x.entities.size());
}

void AppendEntityNameOrNull(const Extraction& x, int entity, std::string* out) {
  if (ValidEntity(x, entity)) {
    AppendJsonString(x.entities[entity].name, out);
  } else {
    out->append("null");
  }
}

// The entities of `kind` that have a mention, as {"aliases":[...],"name":...} in order.
void AppendEntities(const Extraction& x, const std::vector<bool>& mentioned, EntityKind kind,
                    std::string* out) {
  out->push_back('[');
  bool first = true;
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    if (!mentioned[i] || e.kind != kind) continue;
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"aliases\":[");
    for (size_t a = 0; a < e.aliases.size(); ++a) {
      if (a > 0) out->push_back(',');
      AppendJsonString(e.aliases[a], out);
    }
    out->append("],\"name\":");
    AppendJsonString(e.name, out);
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendClaims(const Document& doc, const Extraction& x, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < x.claims.size(); ++i) {
    const Claim& c = x.claims[i];
    if (i > 0) out->push_back(',');
    out->append("{\"as_of\":");
    AppendDateOrNull(c.as_of, out);
    out->append(",\"category\":");
    AppendJsonString(c.category, out);
    out->append(",\"evidence\":");
    AppendJsonString(SpanView(doc, c.evidence), out);
    out->append(",\"qualifier\":");
    AppendJsonString(c.qualifier, out);
    out->append(",\"source\":");
    if (ValidEntity(x, c.source) || c.source_name.empty()) {
      AppendEntityNameOrNull(x, c.source, out);
    } else {
      AppendJsonString(c.source_name, out);
    }
    out->append(",\"value\":");
    AppendJsonNumber(c.value, out);
    out->append(",\"what\":");
    AppendJsonString(c.what, out);
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendEvents(const Document& doc, const Extraction& x, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const Event& ev : x.events) {
    if (ev.modality != "asserted") continue;
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"date\":");
    AppendDateOrNull(ev.date, out);
    out->append(",\"evidence\":");
    AppendJsonString(SpanView(doc, ev.evidence), out);
    out->append(",\"place\":");
    AppendEntityNameOrNull(x, ev.place, out);
    out->append(",\"term_months\":");
    if (ev.term_months) {
      AppendJsonInteger(*ev.term_months, out);
    } else {
      out->append("null");
    }
    out->append(",\"type\":");
    AppendJsonString(ev.type, out);
    out->append(",\"who\":[");
    for (size_t w = 0; w < ev.who.size(); ++w) {
      if (w > 0) out->push_back(',');
      AppendEntityNameOrNull(x, ev.who[w], out);
    }
    out->append("]}");
  }
  out->push_back(']');
}

void AppendQuotes(const Document& doc, const Extraction& x, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const Quote& q : x.quotes) {
    if (q.speaker < 0) continue;
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"evidence\":");
    AppendJsonString(SpanView(doc, q.span), out);
    out->append(",\"speaker\":");
    AppendEntityNameOrNull(x, q.speaker, out);
    out->push_back('}');
  }
  out->push_back(']');
}

}  // namespace

void AppendEvalRecord(const Document& doc, const Extraction& x, std::string* out) {
  std::vector<bool> mentioned(x.entities.size(), false);
  for (const Mention& m : x.mentions) {
    if (ValidEntity(x, m.entity)) mentioned[m.entity] = true;
  }
  out->append("{\"claims\":");
  AppendClaims(doc, x, out);
  out->append(",\"doc\":");
  AppendJsonString(doc.meta.name, out);
  out->append(",\"events\":");
  AppendEvents(doc, x, out);
  out->append(",\"organizations\":");
  AppendEntities(x, mentioned, EntityKind::kOrganization, out);
  out->append(",\"persons\":");
  AppendEntities(x, mentioned, EntityKind::kPerson, out);
  out->append(",\"places\":");
  AppendEntities(x, mentioned, EntityKind::kPlace, out);
  out->append(",\"published\":");
  AppendDateOrNull(x.published, out);
  out->append(",\"quotes\":");
  AppendQuotes(doc, x, out);
  out->push_back('}');
}

}  // namespace letapis
