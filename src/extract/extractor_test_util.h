// Test helpers: run the extractor on an inline text.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "letapis/extractor.h"
#include "letapis/text.h"
#include "letapis/tsv.h"

namespace letapis {

// The extractor loaded once from the data directory for all tests.
inline const Extractor& TestExtractor() {
  static Extractor* extractor = [] {
    auto* e = new Extractor();
    const Status s = Extractor::Load(DataDir(), e);
    if (!s.ok()) ADD_FAILURE() << s.message();
    return e;
  }();
  return *extractor;
}

// A document whose text is `text` (identity offsets), optionally with a publication date.
inline Document MakeTestDocument(const std::string& text, const std::string& published = "") {
  Document d;
  d.raw = text;
  d.text = text;
  d.text_to_raw = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  d.meta.name = "test.txt";
  d.meta.format = "txt";
  if (auto date = PartialDate::FromIso(published)) d.meta.published = *date;
  return d;
}

// Extracts from `text`.
inline Extraction ExtractText(const std::string& text, const std::string& published = "") {
  return TestExtractor().Run(MakeTestDocument(text, published));
}

// Index of the entity named (or aliased) `name`, or -1.
inline int FindEntity(const Extraction& x, const std::string& name) {
  for (size_t i = 0; i < x.entities.size(); ++i) {
    if (x.entities[i].name == name) return static_cast<int>(i);
    for (const std::string& a : x.entities[i].aliases) {
      if (a == name) return static_cast<int>(i);
    }
  }
  return -1;
}

// The asserted events of `type` that include the entity named `who`.
inline std::vector<Event> EventsOf(const Extraction& x, const std::string& type,
                                   const std::string& who) {
  std::vector<Event> found;
  const int e = FindEntity(x, who);
  for (const Event& ev : x.events) {
    if (ev.type != type || ev.modality != "asserted") continue;
    for (int w : ev.who) {
      if (w == e) found.push_back(ev);
    }
  }
  return found;
}

}  // namespace letapis
