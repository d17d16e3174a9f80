#include "letapis/extractor.h"

#include "extract/analysis.h"
#include "extract/lexicons.h"

namespace letapis {

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kPlace:
      return "place";
  }
  return "person";
}

Extractor::Extractor() = default;
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Status Extractor::Load(const std::string& data_dir, Extractor* out) {
  auto lexicons = std::make_unique<Lexicons>();
  if (Status s = Lexicons::Load(data_dir, lexicons.get()); !s.ok()) return s;
  out->lexicons_ = std::move(lexicons);
  return Status::Ok();
}

Extraction Extractor::Run(const Document& doc) const {
  Extraction out;
  Analysis analysis = Analyze(doc, *lexicons_);
  out.published = analysis.published;
  FindNames(&analysis, &out);
  FindEvents(analysis, &out);
  FindClaims(analysis, &out);
  FindQuotes(analysis, &out);
  return out;
}

}  // namespace letapis
