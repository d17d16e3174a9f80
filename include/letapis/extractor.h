// Extractor: the rule-based pipeline from a Document to its Extraction.
#pragma once

#include <memory>
#include <string>

#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/status.h"

namespace letapis {

struct Lexicons;

// Holds the rules and lexicons loaded from data/ and runs extraction. Immutable after
// Load, so one Extractor may be shared by threads.
class Extractor {
 public:
  Extractor();
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Loads every rule and lexicon file from `data_dir`; fails naming the file and line.
  static Status Load(const std::string& data_dir, Extractor* out);

  // Extracts persons, organisations, places, events, claims and quotes from `doc`.
  // Spans index doc.text; every fact carries the id of the rule that produced it.
  Extraction Run(const Document& doc) const;

 private:
  std::unique_ptr<Lexicons> lexicons_;
};

}  // namespace letapis
