#include "letapis/reviewed.h"

#include <algorithm>
#include <vector>

namespace letapis {
namespace {

struct Identity {
  uint32_t begin, end;
  std::string rule;
};

Status Rejected(Store* store, int64_t source_id, const char* kind, std::vector<Identity>* out) {
  FactFilter filter;
  filter.kind = kind;
  filter.source_id = source_id;
  filter.review_state = "rejected";
  filter.limit = 1000;
  std::vector<FactRow> rows;
  Status s = store->ListFacts(filter, &rows, nullptr);
  for (const FactRow& f : rows) out->push_back({f.evidence_begin, f.evidence_end, f.rule});
  return s;
}

template <typename T, typename SpanOf>
void Drop(std::vector<T>* facts, const std::vector<Identity>& rejected, SpanOf span_of) {
  facts->erase(
      std::remove_if(facts->begin(), facts->end(),
                     [&](const T& fact) {
                       const Span span = span_of(fact);
                       return std::any_of(rejected.begin(), rejected.end(), [&](const Identity& r) {
                         return r.begin == span.begin && r.end == span.end && r.rule == fact.rule;
                       });
                     }),
      facts->end());
}

}  // namespace

Status DropRejectedFacts(Store* store, StoredReport* report) {
  std::vector<Identity> events, claims, quotes;
  Status s = Rejected(store, report->id, "event", &events);
  if (s.ok()) s = Rejected(store, report->id, "claim", &claims);
  if (s.ok()) s = Rejected(store, report->id, "quote", &quotes);
  if (!s.ok()) return s;
  Extraction& x = report->extraction;
  Drop(&x.events, events, [](const Event& e) { return e.evidence; });
  Drop(&x.claims, claims, [](const Claim& c) { return c.evidence; });
  Drop(&x.quotes, quotes, [](const Quote& q) { return q.span; });
  return Status::Ok();
}

}  // namespace letapis
