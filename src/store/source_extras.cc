// WriteSourceExtras and ReadSourceExtras: author and page ranges of a source.
#include "store/source_extras.h"

#include <fmt/format.h>

#include "store/codec.h"

namespace letapis::store {

Status WriteSourceExtras(Database* db, int64_t source_id, const Document& doc) {
  for (size_t k = 0; k < doc.pages.size(); ++k) {
    const Span& page = doc.pages[k];
    if (page.begin > page.end || page.end > doc.text.size() ||
        (k > 0 && page.begin < doc.pages[k - 1].end)) {
      return Status::InvalidInput(
          fmt::format("page {}: range [{}, {}) is outside the text or out of order", k + 1,
                      page.begin, page.end));
    }
  }
  Statement source, document;
  Status s =
      db->Prepare("UPDATE source SET author = ?2, parent_sha256 = ?3 WHERE id = ?1", &source);
  if (s.ok()) {
    s = source.BindInt64(1, source_id)
            .BindText(2, doc.meta.author)
            .BindText(3, doc.meta.parent)
            .Run();
  }
  if (s.ok()) s = db->Prepare("UPDATE document SET pages = ?2 WHERE source_id = ?1", &document);
  if (s.ok()) s = document.BindInt64(1, source_id).BindText(2, EncodeSpans(doc.pages)).Run();
  return s;
}

Status ReadSourceExtras(Database* db, int64_t source_id, Document* doc) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT s.author, s.parent_sha256, d.pages FROM source s JOIN document d ON d.source_id = "
      "s.id"
      " WHERE s.id = ?1",
      &stmt);
  bool row = false;
  if (s.ok()) s = stmt.BindInt64(1, source_id).Step(&row);
  if (!s.ok()) return s;
  if (!row) return Status::NotFound(fmt::format("no source with id {}", source_id));
  doc->meta.author = stmt.ColumnText(0);
  doc->meta.parent = stmt.ColumnText(1);
  const std::string pages = stmt.ColumnText(2);
  doc->pages.clear();
  return pages.empty() ? Status::Ok() : DecodeSpans(pages, &doc->pages);
}

}  // namespace letapis::store
