#include <algorithm>

#include "extract/analysis.h"
#include "extract/expression_lexicon.h"

namespace letapis {
namespace {

enum class QuoteMark { kOpen, kClose, kAmbiguous };

// Classifies the quotation mark token `i` by the character written in the document.
QuoteMark ClassifyQuote(const Analysis& a, size_t i) {
  const std::string& text = a.doc->text;
  const uint32_t at = a.norm.to_input.ToSource(a.tokens[i].begin);
  if (at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
      static_cast<unsigned char>(text[at + 1]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(text[at + 2]);
    if (c == 0x9C || c == 0x9E) return QuoteMark::kOpen;
    if (c == 0x9D) return QuoteMark::kClose;
  }
  if (at + 1 < text.size() && static_cast<unsigned char>(text[at]) == 0xC2) {
    const unsigned char c = static_cast<unsigned char>(text[at + 1]);
    if (c == 0xAB) return QuoteMark::kOpen;
    if (c == 0xBB) return QuoteMark::kClose;
  }
  return QuoteMark::kAmbiguous;
}

bool IsQuoteToken(const Analysis& a, size_t i) {
  return a.tokens[i].kind == TokenKind::kPunct && a.word(i) == "\"";
}

void FindQuoteRegions(Analysis* a) {
  const auto& toks = a->tokens;
  int depth = 0;
  uint32_t start = 0;
  bool straight = false;
  auto close_at = [&](uint32_t end) {
    if (end > start + 1) a->quote_regions.emplace_back(start + 1, end);
    depth = 0;
  };
  for (uint32_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == TokenKind::kNewline && toks[i].is(kParagraphEnd) && depth > 0) {
      size_t next = i + 1;
      while (next < toks.size() && toks[next].kind == TokenKind::kNewline) ++next;
      const bool continues = next < toks.size() && IsQuoteToken(*a, next) &&
                             ClassifyQuote(*a, next) != QuoteMark::kClose;
      if (!continues) close_at(i);
      continue;
    }
    if (!IsQuoteToken(*a, i)) continue;
    QuoteMark mark = ClassifyQuote(*a, i);
    if (mark == QuoteMark::kAmbiguous) {
      const bool glued_left =
          i > 0 && toks[i - 1].end == toks[i].begin && toks[i - 1].kind != TokenKind::kNewline;
      const bool glued_right = i + 1 < toks.size() && toks[i + 1].begin == toks[i].end &&
                               toks[i + 1].kind != TokenKind::kNewline;
      if (depth > 0 && straight) {
        mark = QuoteMark::kClose;
      } else if (glued_right && !glued_left) {
        mark = QuoteMark::kOpen;
      } else if (glued_left && !glued_right) {
        mark = QuoteMark::kClose;
      } else {
        mark = depth > 0 ? QuoteMark::kClose : QuoteMark::kOpen;
      }
      straight = true;
    } else {
      straight = false;
    }
    if (mark == QuoteMark::kOpen) {
      if (depth == 0) start = i;
      ++depth;
    } else if (depth > 0) {
      if (--depth == 0) close_at(i);
    }
  }
  if (depth > 0) close_at(static_cast<uint32_t>(toks.size()));
}

// Finds the publication date in the text: a full date alone on one of the first lines,
// or after "Today,", "Published", "Updated", "Posted".
PartialDate FindPublishedInText(const Analysis& a, const std::vector<DateMatch>& dates) {
  for (const DateMatch& d : dates) {
    if (d.relative || d.date.day == 0) continue;
    uint32_t line = 0, line_start = 0;
    for (uint32_t i = 0; i < d.first; ++i) {
      if (a.tokens[i].kind == TokenKind::kNewline) {
        ++line;
        line_start = i + 1;
      }
    }
    uint32_t line_end = d.end;
    while (line_end < a.tokens.size() && a.tokens[line_end].kind != TokenKind::kNewline) ++line_end;
    const uint32_t line_tokens = line_end - line_start;
    const bool short_line = line < 15 && line_tokens <= 12;
    bool cued = false;
    for (uint32_t k = d.first >= 4 ? d.first - 4 : 0; k < d.first; ++k) {
      if (a.IsIgnoreCase(k, "today") || a.IsIgnoreCase(k, "published") ||
          a.IsIgnoreCase(k, "updated") || a.IsIgnoreCase(k, "posted")) {
        cued = true;
      }
    }
    if (short_line || cued) return d.date;
    if (line >= 15) break;
  }
  return PartialDate{};
}

}  // namespace

bool Analysis::IsIgnoreCase(size_t i, std::string_view w) const {
  if (i >= tokens.size()) return false;
  std::string_view t = word(i);
  if (t.size() != w.size()) return false;
  for (size_t k = 0; k < t.size(); ++k) {
    char a = t[k], b = w[k];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

Span Analysis::SpanOf(uint32_t first, uint32_t end) const {
  if (first >= end || end > tokens.size()) return Span{};
  return Span{norm.to_input.ToSource(tokens[first].begin),
              norm.to_input.EndToSource(tokens[end - 1].end)};
}

std::string_view Analysis::TextOf(uint32_t first, uint32_t end) const {
  if (first >= end || end > tokens.size()) return {};
  return text().substr(tokens[first].begin, tokens[end - 1].end - tokens[first].begin);
}

int Analysis::NameAt(uint32_t i) const {
  auto it = std::upper_bound(names.begin(), names.end(), i,
                             [](uint32_t v, const NameSpan& n) { return v < n.first; });
  if (it == names.begin()) return -1;
  --it;
  return i < it->end ? static_cast<int>(it - names.begin()) : -1;
}

Analysis Analyze(const Document& doc, const Lexicons& lex) {
  Analysis a;
  a.doc = &doc;
  a.lex = &lex;
  a.norm = Normalize(doc.text, doc.boilerplate);
  a.tokens = Tokenize(a.norm.text);
  a.sentences = SplitSentences(a.norm.text, a.tokens);
  // Every token belongs to a sentence, even in text with no sentence at all.
  if (a.sentences.empty() && !a.tokens.empty()) {
    a.sentences.push_back(Sentence{0, static_cast<uint32_t>(a.tokens.size())});
  }
  a.sentence_of.assign(a.tokens.size(), 0);
  for (uint32_t s = 0; s < a.sentences.size(); ++s) {
    for (uint32_t i = a.sentences[s].first; i < a.sentences[s].last; ++i) a.sentence_of[i] = s;
  }
  a.paragraph_of.assign(a.tokens.size(), 0);
  uint32_t paragraph = 0;
  for (uint32_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    if (t.kind == TokenKind::kNewline) {
      const bool after_stop =
          i > 0 && a.tokens[i - 1].kind == TokenKind::kPunct &&
          std::string_view(".!?:\"").find(a.word(i - 1)) != std::string_view::npos;
      if (t.is(kParagraphEnd) || after_stop) ++paragraph;
    }
    a.paragraph_of[i] = paragraph;
  }
  FindQuoteRegions(&a);
  a.in_quote.assign(a.tokens.size(), 0);
  a.in_speech.assign(a.tokens.size(), 0);
  for (const auto& [first, end] : a.quote_regions) {
    uint32_t words = 0;
    for (uint32_t i = first; i < end; ++i) {
      a.in_quote[i] = 1;
      words += a.tokens[i].kind == TokenKind::kWord;
    }
    if (words >= 5) {
      for (uint32_t i = first; i < end; ++i) a.in_speech[i] = 1;
    }
  }

  // Every word looked up once in the expression lexicon, for dates, numbers and terms.
  const ExpressionLexicon::Tables& tables = lex.expressions.tables();
  const std::vector<const LexEntry*> entries = Classify(a.norm.text, a.tokens, tables);
  a.published = doc.meta.published;
  bool dates_found = false;
  if (!a.published.known()) {
    // Dates without an anchor: the final ones unless the text names a publication date.
    a.dates = FindDates(a.norm.text, a.tokens, entries, PartialDate{}, tables);
    a.published = FindPublishedInText(a, a.dates);
    dates_found = a.published == PartialDate{};
  }
  if (!dates_found) a.dates = FindDates(a.norm.text, a.tokens, entries, a.published, tables);
  a.numbers = FindNumbers(a.norm.text, a.tokens, entries, tables);
  a.terms = FindTerms(a.norm.text, a.tokens, entries, tables);
  a.articles = FindArticles(a.norm.text, a.tokens);
  return a;
}

}  // namespace letapis
