// Quotes: text inside quotation marks of four words or more, with its speaker.
#include "extract/analysis.h"

namespace letapis {
namespace {

class QuoteFinder {
 public:
  QuoteFinder(const Analysis& a, Extraction* out) : a_(a), lex_(*a.lex), out_(*out) {}

  void Run() {
    int last_speaker = -1;
    uint32_t last_paragraph = 0;
    for (const auto& [first, end] : a_.quote_regions) {
      if (WordCount(first, end) < 4 || IsScareQuote(first, end)) continue;
      const char* rule = "quote.after";
      // "..., the statement reads.": a document speaks, no person to name.
      if (DocumentSpeaks(end)) continue;
      int speaker = SpeakerAfter(end);
      if (speaker < 0) {
        speaker = SpeakerBefore(first);
        rule = "quote.before";
        if (speaker == kUnnamed) continue;
      }
      // An unattributed quotation continues the document's last speaker (a press release's
      // spokesperson) before falling back to whoever was named last.
      if (speaker < 0 && last_speaker >= 0 && a_.paragraph_of[first] <= last_paragraph + 6) {
        speaker = last_speaker;
        rule = "quote.previous_speaker";
      }
      if (speaker < 0 && first > 0) {
        speaker = ResolveReference(a_, first - 1, false);
        rule = "quote.context";
      }
      Quote q;
      q.speaker = speaker;
      q.span = a_.SpanOf(first, end);
      q.rule = rule;
      q.confidence = speaker >= 0 ? 0.7f : 0.3f;
      out_.quotes.push_back(q);
      if (speaker >= 0) {
        last_speaker = speaker;
        last_paragraph = a_.paragraph_of[end > 0 ? end - 1 : 0];
      }
    }
  }

 private:
  uint32_t WordCount(uint32_t first, uint32_t end) const {
    uint32_t words = 0;
    for (uint32_t k = first; k < end; ++k) words += a_.tokens[k].kind == TokenKind::kWord;
    return words;
  }

  // A phrase quoted inside a sentence ("convicted of \"calls to harm national security\""):
  // starts lower-case after a word and has no sentence punctuation inside.
  bool IsScareQuote(uint32_t first, uint32_t end) const {
    const Token& t = a_.tokens[first];
    if (t.kind != TokenKind::kWord || t.is(kCapitalized)) return false;
    if (first >= 2 && (a_.Is(first - 2, ":") || a_.Is(first - 2, ","))) return false;
    for (uint32_t k = first; k < end; ++k) {
      const std::string_view w = a_.word(k);
      if (w == "." || w == "!" || w == "?") return false;
    }
    return true;
  }

  bool DocumentSpeaks(uint32_t end) const {
    uint32_t k = end + 1;
    if (a_.Is(k, ",")) ++k;
    if (!a_.Is(k, "the")) return false;
    const std::string_view noun = a_.word(k + 1);
    const bool document = noun == "statement" || noun == "letter" || noun == "appeal" ||
                          noun == "report" || noun == "petition" || noun == "resolution" ||
                          noun == "declaration" || noun == "verdict" || noun == "document";
    const std::string_view verb = k + 2 < a_.tokens.size() ? a_.word(k + 2) : "";
    return document && (verb == "reads" || verb == "says" || verb == "states" || verb == "said" ||
                        verb == "stated" || verb == "read");
  }

  bool IsSpeechVerb(uint32_t k) const {
    return k < a_.tokens.size() && lex_.quote_verbs.count(a_.word(k)) > 0;
  }

  int Speaker(uint32_t k) const {
    const int n = a_.NameAt(k);
    if (n < 0 || a_.names[n].kind == EntityKind::kPlace) return -1;
    return a_.names[n].entity;
  }

  int Pronoun(uint32_t k) const {
    std::string_view w = a_.word(k);
    if (w == "he" || w == "she" || w == "He" || w == "She") return ResolveReference(a_, k, false);
    return -1;
  }

  // After the closing mark: ', said X' / ', X said' / ', he said' / ', says the lawyer'.
  int SpeakerAfter(uint32_t end) const {
    uint32_t k = end + 1;  // past the closing mark
    if (k >= a_.tokens.size()) return -1;
    if (a_.Is(k, ",")) ++k;
    if (IsSpeechVerb(k)) {
      const uint32_t v = k + 1;
      if (const int s = Speaker(v); s >= 0) return s;
      // "said defence lawyer Zaur Hasanli": lower-case role words before the name.
      for (uint32_t r = v; r < a_.tokens.size() && r < v + 4; ++r) {
        if (a_.tokens[r].kind != TokenKind::kWord) break;
        if (const int s = Speaker(r); s >= 0) return s;
        if (a_.tokens[r].is(kCapitalized)) break;
      }
      if (const int s = Pronoun(v); s >= 0) return s;
      if (a_.Is(v, "the") && v + 1 < a_.tokens.size()) {
        return ResolveReference(a_, v, false);
      }
      return -1;
    }
    if (const int s = Speaker(k); s >= 0) {
      const int n = a_.NameAt(k);
      uint32_t after = a_.names[n].end;
      if (a_.Is(after, ",")) {  // "X, a co-founder of ..., said"
        return s;
      }
      if (IsSpeechVerb(after)) return s;
      return -1;
    }
    if (const int s = Pronoun(k); s >= 0 && IsSpeechVerb(k + 1)) return s;
    // ', her lawyer, Zaur Hasanli, told reporters': a name within a few words, with a
    // verb of saying next to it.
    for (uint32_t p = k; p < a_.tokens.size() && p < k + 8; ++p) {
      const std::string_view w = a_.word(p);
      if (w == "." || w == "\"" || a_.tokens[p].kind == TokenKind::kNewline) break;
      const int s = Speaker(p);
      if (s < 0) continue;
      const uint32_t after = a_.names[a_.NameAt(p)].end;
      const uint32_t verb = a_.Is(after, ",") ? after + 1 : after;
      if (IsSpeechVerb(verb) || IsSpeechVerb(p - 1)) return s;
      p = after - 1;
    }
    return -1;
  }

  // Before the opening mark: 'X said: "' / 'X says, "' / 'according to X, "' /
  // '..., X holds the same opinion: "'.
  int SpeakerBefore(uint32_t first) const {
    if (first < 2) return -1;
    const uint32_t open = first - 1;
    const uint32_t s_first = a_.sentences[a_.sentence_of[open]].first;
    uint32_t k = open;
    if (k > 0 && (a_.Is(k - 1, ":") || a_.Is(k - 1, ","))) --k;
    const bool colon = a_.Is(k, ":");
    int nearest = -1;  // the nearest name before a colon, when no one is said to speak
    for (uint32_t back = k; back > s_first && k - back < 20; --back) {
      const uint32_t t = back - 1;
      if (a_.in_quote[t]) break;
      // "His mother told the press:": an unnamed speaker; the quote is not attributed.
      if (colon && nearest < 0 && IsSpeechVerb(t) && UnnamedSubject(t, s_first)) return kUnnamed;
      if (const int s = Speaker(t); s >= 0) {
        const int n = a_.NameAt(t);
        const uint32_t after = a_.names[n].end;
        // "X, her lawyer, told Y:" — X speaks, not Y, to whom it was told.
        if (IsSpeechVerb(after) || (a_.Is(after, ",") && IsSpeechVerb(after + 1)) ||
            (t >= 2 && a_.IsIgnoreCase(a_.names[n].first - 2, "according"))) {
          return s;
        }
        const uint32_t start = a_.names[n].first;
        const uint32_t verb = start > 1 && a_.Is(start - 1, "the") ? start - 2 : start - 1;
        const bool addressee = start > 0 && IsSpeechVerb(verb);
        if (colon && nearest < 0 && !addressee) nearest = s;
        back = start + 1;
      }
    }
    return nearest;
  }

  // True when the word before the speech verb at v (past adverbs: "X likely said") is a
  // lower-case noun, not a name or a pronoun ("His mother told").
  bool UnnamedSubject(uint32_t v, uint32_t s_first) const {
    uint32_t k = v;
    while (k > s_first && (a_.word(k - 1).ends_with("ly") || a_.Is(k - 1, "also") ||
                           a_.Is(k - 1, "then") || a_.Is(k - 1, "later"))) {
      --k;
    }
    if (k == s_first) return false;
    const uint32_t w = k - 1;
    return a_.tokens[w].kind == TokenKind::kWord && !a_.tokens[w].is(kCapitalized) &&
           a_.NameAt(w) < 0 && Pronoun(w) < 0 && !a_.Is(w, "they") && !a_.Is(w, "we");
  }

  // SpeakerBefore's answer for a quotation whose speaker is not named.
  static constexpr int kUnnamed = -2;

  const Analysis& a_;
  const Lexicons& lex_;
  Extraction& out_;
};

}  // namespace

void FindQuotes(const Analysis& analysis, Extraction* out) { QuoteFinder(analysis, out).Run(); }

}  // namespace letapis
