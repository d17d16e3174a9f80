// WritePublicExport: the public view of a whole store.
#include <string>
#include <vector>

#include "letapis/public_export.h"

#include "export/spelling_sweep.h"

namespace letapis {
namespace {

// Hex digits of the pseudonym shown: 40 bits, unique among any realistic number of
// protected people.
constexpr size_t kPseudonymDigits = 10;

// The label of entity `e` when it is a protected person, else "".
std::string LabelOf(const NameMatcher& matcher, const Entity& e,
                    const std::vector<ProtectedName>& people) {
  if (e.kind != EntityKind::kPerson) return "";
  for (const ProtectedName& p : people) {
    if (matcher.Compare(e.name, p.name).same) return p.label;
    for (const std::string& alias : e.aliases) {
      if (matcher.Compare(alias, p.name).same) return p.label;
    }
  }
  return "";
}

// Sweeps the title and every evidence and quotation text of a PublicRecord.
void SweepRecord(const SpellingSweep& sweep, nlohmann::json* record) {
  (*record)["title"] = sweep.Apply((*record)["title"].get<std::string>());
  for (const auto& [list, field] :
       {std::pair{"events", "evidence"}, {"claims", "evidence"}, {"quotes", "text"}}) {
    for (nlohmann::json& fact : (*record)[list]) fact[field] = sweep.Apply(fact[field]);
  }
}

}  // namespace

Status ForEachPublicRecord(Store* store, const NameMatcher& matcher,
                           const std::function<Status(const nlohmann::json&)>& fn) {
  std::vector<std::string> names;
  Status s = store->ListProtected(&names);
  std::vector<ProtectedName> people;
  for (size_t i = 0; i < names.size() && s.ok(); ++i) {
    std::string pseudonym;
    s = store->Pseudonym(names[i], &pseudonym);
    people.push_back({names[i], "Protected person " + pseudonym.substr(0, kPseudonymDigits)});
  }
  if (!s.ok()) return s;
  const SpellingSweep sweep(matcher, people);
  return store->ForEachReport([&](const StoredReport& r) {
    PublicationMarks marks;
    Status read = store->ReadPublicationMarks(r.id, &marks);
    if (!read.ok() || marks.confidential) return read;
    std::vector<std::string> labels;
    for (const Entity& e : r.extraction.entities) labels.push_back(LabelOf(matcher, e, people));
    nlohmann::json record = PublicRecord(r.document, r.extraction, marks, labels);
    if (record.is_null()) return Status::Ok();
    SweepRecord(sweep, &record);
    return fn(record);
  });
}

Status WritePublicExport(Store* store, const NameMatcher& matcher, std::ostream* out) {
  return ForEachPublicRecord(store, matcher, [out](const nlohmann::json& record) {
    *out << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return out->good() ? Status::Ok() : Status::IoError("write failed");
  });
}

}  // namespace letapis
