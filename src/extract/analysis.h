// Analysis: one document's normalised text, tokens, sentences and expressions, shared by
// the extraction stages (names, events, claims, quotes).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/expressions.h"
#include "extract/lexicons.h"
#include "letapis/document.h"
#include "letapis/extraction.h"
#include "letapis/text.h"

namespace letapis {

// A name occurrence over tokens [first, end) of the analysis, before it becomes a Mention.
struct NameSpan {
  uint32_t first = 0, end = 0;
  EntityKind kind = EntityKind::kPerson;
  std::string surface;  // the name as it should be reported (titles and "'s" removed)
  std::string rule;
  float confidence = 0;
  int entity = -1;  // index into Extraction::entities once resolved
};

// Token-level view of one document.
struct Analysis {
  const Document* doc = nullptr;
  const Lexicons* lex = nullptr;
  NormalizedText norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<uint32_t> sentence_of;   // token -> sentence index
  std::vector<uint32_t> paragraph_of;  // token -> paragraph index
  std::vector<uint8_t> in_quote;       // token -> 1 when inside quotation marks
  std::vector<uint8_t> in_speech;      // token -> 1 inside a quotation of 5+ words (not a
                                       // quoted name or term like "foreign agents")
  std::vector<DateMatch> dates;
  std::vector<NumberMatch> numbers;
  std::vector<TermMatch> terms;
  std::vector<ArticleMatch> articles;
  std::vector<NameSpan> names;  // sorted by first token, non-overlapping
  // Token ranges [first, end) inside quotation marks (the marks excluded), in order.
  std::vector<std::pair<uint32_t, uint32_t>> quote_regions;
  PartialDate published;

  // The normalised text.
  std::string_view text() const { return norm.text; }
  // Text of token `i`.
  std::string_view word(size_t i) const { return tokens[i].view(norm.text); }
  // True when token `i` exists and equals `w` exactly.
  bool Is(size_t i, std::string_view w) const { return i < tokens.size() && word(i) == w; }
  // True when token `i` exists and equals `w` ignoring ASCII case.
  bool IsIgnoreCase(size_t i, std::string_view w) const;
  // Document-text span of tokens [first, end).
  Span SpanOf(uint32_t first, uint32_t end) const;
  // Index of the name covering token `i`, or -1.
  int NameAt(uint32_t i) const;
  // Normalised text of tokens [first, end).
  std::string_view TextOf(uint32_t first, uint32_t end) const;
};

// Builds the token-level view: normalisation, tokens, sentences, paragraphs, quotes,
// and the publication date (metadata first, then a dateline in the text).
Analysis Analyze(const Document& doc, const Lexicons& lex);

// Finds person, organisation and place names, links surname-only, first-name-only and
// abbreviation mentions to the full names of the same document, and fills
// analysis->names and out->entities / out->mentions.
void FindNames(Analysis* analysis, Extraction* out);

// Finds events of every type with participants, date, place, term, article, modality.
void FindEvents(const Analysis& analysis, Extraction* out);

// Finds statistical claims with qualifier, category, as-of date and source.
void FindClaims(const Analysis& analysis, Extraction* out);

// Finds direct quotations and their speakers.
void FindQuotes(const Analysis& analysis, Extraction* out);

// Resolves a pronoun or a role noun at token `i` to the entity it most likely refers
// to (the nearest preceding person of the right number); -1 when none.
int ResolveReference(const Analysis& analysis, uint32_t i, bool plural);

}  // namespace letapis
