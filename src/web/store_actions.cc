// Changes the web makes to the store that people resolution must follow: uploads, people
// judgements, and reviews that edit an event's people.
#include <cctype>

#include <fmt/format.h>

#include "letapis/ingest.h"
#include "letapis/resolution.h"
#include "web/app.h"

namespace letapis::web {

Status IngestUpload(App& app, const std::string& name, const std::string& bytes,
                    const std::string& actor, bool* added) {
  const size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != "txt" && ext != "html" && ext != "htm" && ext != "pdf") {
    return Status::InvalidInput(fmt::format("{}: upload .txt, .html, .htm or .pdf files", name));
  }
  if (bytes.empty()) return Status::InvalidInput(fmt::format("{}: the file is empty", name));
  SourceMeta meta;
  meta.name = name;
  meta.format = ext == "htm" ? "html" : ext;
  Document doc;
  Status s = ext == "pdf" ? MakePdfDocument(bytes, meta, &doc) : MakeDocument(bytes, meta, &doc);
  if (!s.ok()) return s.WithContext(name);
  s = app.store->AddReport(doc, app.extractor.Run(doc), actor, added);
  if (!s.ok() || !*added) return s;
  // The report is stored whatever happens now; unresolved mentions are taken up next time.
  ResolutionSummary summary;
  return ResolvePeople(app.store.get(), app.matcher, false, actor, &summary);
}

Status RecordJudgement(App& app, Judgement* judgement) {
  if (Status s = app.store->AddJudgement(judgement); !s.ok()) return s;
  ResolutionSummary summary;
  return ResolvePeople(app.store.get(), app.matcher, true, judgement->actor, &summary);
}

Status ReviewAndResolve(App& app, const ReviewAction& action, FactRow* after) {
  if (Status s = app.store->ReviewFact(action, after); !s.ok() || !action.people) return s;
  // Person entities the edit added are resolved now, so the event reaches their dossier.
  ResolutionSummary summary;
  return ResolvePeople(app.store.get(), app.matcher, false, action.actor, &summary);
}

}  // namespace letapis::web
