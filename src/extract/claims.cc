// Claims: counted numbers about people, with qualifier, category, as-of date and source.
#include <algorithm>
#include <cmath>

#include "extract/analysis.h"

namespace letapis {
namespace {

bool Overlaps(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) { return a0 < b1 && b0 < a1; }

class ClaimFinder {
 public:
  ClaimFinder(const Analysis& a, Extraction* out) : a_(a), lex_(*a.lex), out_(*out) {}

  void Run() {
    default_source_ = DocumentAuthor();
    uint32_t range_upper_end = 0;  // end of the upper bound of the last range claimed
    int paragraph_source = -1;
    int document_source = -1;  // the last body a figure was attributed to
    uint32_t paragraph = UINT32_MAX;
    for (const NumberMatch& num : a_.numbers) {
      if (a_.paragraph_of[num.first] != paragraph) {
        paragraph = a_.paragraph_of[num.first];
        paragraph_source = -1;
      }
      if (num.vague || !IsCount(num)) continue;
      // "between 300 and 400 people": one figure, at least the lower bound; the upper bound
      // is part of it, not a claim of its own.
      if (range_upper_end == num.end) continue;
      const NumberMatch* upper = RangeUpper(num);
      const bool subset = IsSubset(num);
      const bool of_subset = subset && a_.Is(num.end, "of");
      uint32_t cue_end = of_subset ? num.end + 2 : CountedThing(upper != nullptr ? *upper : num);
      // "the number of political prisoners on its list stands at 341".
      const uint32_t number_of = cue_end == 0 ? NumberOfBefore(num) : 0;
      if (number_of > 0) cue_end = num.end;
      if (cue_end == 0) continue;
      Claim c;
      c.value = num.value;
      c.qualifier = upper != nullptr ? "at_least" : Qualifier(num.first);
      if (upper != nullptr) range_upper_end = upper->end;
      // Small counts of people named in the text ("three journalists") are not statistics.
      if (c.value < 5 && c.qualifier == "exact") continue;
      c.category = number_of > 0 ? CategoryAfter(number_of, num.first)
                                 : Category(upper != nullptr ? *upper : num, cue_end);
      // "About 400 of those are behind bars" has its own cue; "41 of them are journalists"
      // counts within the previous figure.
      if (subset && c.category == "other" && !out_.claims.empty()) {
        c.category = out_.claims.back().category;
      }
      c.what = std::string(a_.TextOf(num.end, std::min<uint32_t>(cue_end, num.end + 8)));
      if (number_of > 0) c.what = NumberOfWhat(number_of);
      const Sentence& s = a_.sentences[a_.sentence_of[num.first]];
      c.evidence = a_.SpanOf(QualifierStart(num.first), std::max(cue_end, num.end));
      c.as_of = SentenceDate(num.first);
      if (!c.as_of.known()) c.as_of = a_.published;
      int source = SentenceSource(s);
      // "By my own count", "according to our database": the author or publisher speaks.
      if (source < 0 && FirstPerson(s)) source = OwnVoice();
      if (source < 0) source = PreviousSentenceSource(s);
      if (source >= 0) paragraph_source = document_source = source;
      if (source < 0) source = paragraph_source;
      if (source < 0) source = default_source_;
      if (source < 0) source = document_source;
      c.source = source;
      c.rule = "claim." + num.rule;
      c.confidence = 0.7f;
      Add(std::move(c));
    }
  }

 private:
  // Numbers that are not years, dates, terms, ages, article numbers or ordinals.
  bool IsCount(const NumberMatch& num) const {
    for (const DateMatch& d : a_.dates) {
      if (Overlaps(num.first, num.end, d.first, d.end)) return false;
    }
    for (const TermMatch& t : a_.terms) {
      if (Overlaps(num.first, num.end, t.first, t.end)) return false;
    }
    for (const ArticleMatch& m : a_.articles) {
      if (Overlaps(num.first, num.end, m.first, m.end)) return false;
    }
    const std::string_view w = a_.word(num.first);
    if (!w.empty() && w.back() >= 'a' && w.back() <= 'z' && w[0] >= '0' && w[0] <= '9') {
      return false;  // "10th", "1980s"
    }
    if (num.value < 2 || std::floor(num.value) != num.value) return false;
    if (num.value >= 1900 && num.value <= 2100 && w.find(',') == std::string_view::npos) {
      return false;
    }
    const std::string_view next = num.end < a_.tokens.size() ? a_.word(num.end) : "";
    if (next == "%" || next == "percent" || next == "times" || next == "-" || next == "years" ||
        next == "months" || next == "days" || next == "hours" || next == "year-old") {
      return false;
    }
    if (num.first > 0) {
      const std::string_view prev = a_.word(num.first - 1);
      if (prev == "No" || prev == "#" || prev == "$" || prev == "€" || prev == "Article") {
        return false;
      }
    }
    return true;
  }

  // "214 of them women", "at least 41 of them are journalists": a part of the previous
  // figure.
  bool IsSubset(const NumberMatch& num) const {
    if (a_.Is(num.end, "of") && (a_.Is(num.end + 1, "them") || a_.Is(num.end + 1, "those"))) {
      return true;
    }
    // "1,163 political prisoners, among them at least 160 women".
    const uint32_t start = QualifierStart(num.first);
    return start >= 2 && a_.IsIgnoreCase(start - 2, "among") &&
           (a_.Is(start - 1, "them") || a_.Is(start - 1, "those"));
  }

  // End token of the counted noun phrase or category cue after the number; 0 if the
  // number counts nothing a claim is about.
  uint32_t CountedThing(const NumberMatch& num) const {
    const uint32_t s_end = a_.sentences[a_.sentence_of[num.first]].last;
    // A cue within two words of the number ("1,150 criminal prosecutions"), or after
    // auxiliaries only ("300 have been prosecuted").
    bool auxiliaries_only = true;
    for (uint32_t k = num.end; k < s_end && k < num.end + 4; ++k) {
      if (a_.tokens[k].kind != TokenKind::kWord || a_.NameAt(k) >= 0) break;
      const std::string w(a_.word(k));
      if (lex_.claim_nouns.count(w) > 0) return k + 1;
      if (k <= num.end + 1 || auxiliaries_only) {
        auto m = lex_.category_phrases.LongestAt(a_.text(), a_.tokens, k);
        if (m.length > 0) return k + m.length;
      }
      auxiliaries_only =
          auxiliaries_only && (w == "are" || w == "were" || w == "have" || w == "has" ||
                               w == "been" || w == "remain" || w == "currently" || w == "still");
    }
    return 0;
  }

  // For a figure after "at" ("stands at 341", "puts ... at about 1,300"), the token after
  // "the number of" earlier in its sentence when a claim noun or category cue follows it
  // within six words; else 0.
  uint32_t NumberOfBefore(const NumberMatch& num) const {
    const uint32_t start = QualifierStart(num.first);
    if (start == 0 || !a_.Is(start - 1, "at")) return 0;
    const Sentence& s = a_.sentences[a_.sentence_of[num.first]];
    for (uint32_t k = s.first; k + 2 < start; ++k) {
      if (!a_.IsIgnoreCase(k, "number") || !a_.Is(k + 1, "of")) continue;
      for (uint32_t j = k + 2; j < start && j < k + 8; ++j) {
        if (lex_.claim_nouns.count(std::string(a_.word(j))) > 0 ||
            lex_.category_phrases.LongestAt(a_.text(), a_.tokens, j).length > 0) {
          return k + 2;
        }
      }
    }
    return 0;
  }

  // What "the number of ..." counts: its words up to the verb ("political prisoners on our
  // list").
  std::string NumberOfWhat(uint32_t from) const {
    uint32_t end = from;
    while (end < a_.tokens.size() && end < from + 6 && a_.tokens[end].kind == TokenKind::kWord &&
           !a_.Is(end, "stands") && !a_.Is(end, "is") && !a_.Is(end, "was") && !a_.Is(end, "at") &&
           !a_.Is(end, "remains") && !a_.Is(end, "reached")) {
      ++end;
    }
    return std::string(a_.TextOf(from, end));
  }

  // The first category cue in [from, end), else "other".
  std::string CategoryAfter(uint32_t from, uint32_t end) const {
    for (uint32_t k = from; k < end; ++k) {
      auto m = lex_.category_phrases.LongestAt(a_.text(), a_.tokens, k);
      if (m.length > 0) return lex_.categories[m.value].label;
    }
    return "other";
  }

  // The upper bound of "between N and M" when `num` is N, else nullptr.
  const NumberMatch* RangeUpper(const NumberMatch& num) const {
    if (num.first == 0 || !a_.IsIgnoreCase(num.first - 1, "between") || !a_.Is(num.end, "and")) {
      return nullptr;
    }
    for (const NumberMatch& other : a_.numbers) {
      if (other.first == num.end + 1 && !other.vague) return &other;
    }
    return nullptr;
  }

  // True when a number (possibly after a qualifier) starts at token k.
  bool IsFigureStart(uint32_t k) const {
    if (a_.tokens[k].kind == TokenKind::kNumber) return true;
    auto m = lex_.qualifier_phrases.LongestAt(a_.text(), a_.tokens, k);
    return m.length > 0 && k + m.length < a_.tokens.size() &&
           a_.tokens[k + m.length].kind == TokenKind::kNumber;
  }

  std::string Qualifier(uint32_t first) const {
    for (uint32_t len = 3; len >= 1; --len) {
      if (first < len) continue;
      auto m = lex_.qualifier_phrases.LongestAt(a_.text(), a_.tokens, first - len);
      if (m.length == len) return lex_.qualifiers[m.value].label;
    }
    return "exact";
  }

  uint32_t QualifierStart(uint32_t first) const {
    for (uint32_t len = 3; len >= 1; --len) {
      if (first < len) continue;
      auto m = lex_.qualifier_phrases.LongestAt(a_.text(), a_.tokens, first - len);
      if (m.length == len) return first - len;
    }
    return first;
  }

  // The category: "release of N" before the number, else the main verb's cue after the
  // counted phrase ("N individuals imprisoned ... have been freed" -> released), else the
  // first cue after the number, else "other".
  std::string Category(const NumberMatch& num, uint32_t cue_end) const {
    if (num.first >= 2 && a_.Is(num.first - 1, "of")) {
      auto m = lex_.category_phrases.LongestAt(a_.text(), a_.tokens, num.first - 2);
      if (m.length == 1 && lex_.categories[m.value].label == "released") return "released";
    }
    const Sentence& s = a_.sentences[a_.sentence_of[num.first]];
    std::string first_cue, main_cue;
    uint32_t phrase_end = cue_end;  // end of the counted phrase ("political prisoners")
    for (uint32_t k = num.end; k < s.last && k < num.end + 16; ++k) {
      const std::string_view w = a_.word(k);
      // Stop at the next figure: its cues are its own.
      if (w == ";" || (k >= cue_end && IsFigureStart(k))) break;
      auto m = lex_.category_phrases.LongestAt(a_.text(), a_.tokens, k);
      if (m.length == 0) continue;
      const std::string& label = lex_.categories[m.value].label;
      if (first_cue.empty()) first_cue = label;
      const std::string_view before = k > 0 ? a_.word(k - 1) : "";
      // The verb right after the counted phrase: "29 prisoners walked free".
      if (k == num.end) phrase_end = std::max(phrase_end, k + m.length);
      if ((k == phrase_end && k > num.end) || before == "been" || before == "are" ||
          before == "were" || before == "have" || before == "has" || before == "to" ||
          (before.size() > 4 && before.ends_with("ly"))) {
        main_cue = label;
      }
      k += m.length - 1;
    }
    if (!main_cue.empty()) return main_cue;
    if (!first_cue.empty()) return first_cue;
    // "the court has now convicted more than 1,100 people": a cue just before the number.
    for (uint32_t k = num.first; k > s.first && num.first - k < 6; --k) {
      auto m = lex_.category_phrases.LongestAt(a_.text(), a_.tokens, k - 1);
      if (m.length > 0) return lex_.categories[m.value].label;
    }
    return "other";
  }

  PartialDate SentenceDate(uint32_t t) const {
    const uint32_t s = a_.sentence_of[t];
    // The date nearest the figure in its sentence; "since 2020" starts a period, so the
    // figure is as of the report, not of 2020.
    const DateMatch* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (const DateMatch& d : a_.dates) {
      if (a_.sentence_of[d.first] != s || !d.date.known() || d.is_range_or_duration_start ||
          (d.first > 0 &&
           (a_.IsIgnoreCase(d.first - 1, "since") || a_.IsIgnoreCase(d.first - 1, "from")))) {
        continue;
      }
      const uint32_t distance = d.first >= t ? d.first - t : t - d.end;
      if (distance < best_distance) {
        best_distance = distance;
        best = &d;
      }
    }
    return best != nullptr ? best->date : PartialDate{};
  }

  bool IsSource(int entity) const {
    return entity >= 0 && out_.entities[entity].kind != EntityKind::kPlace;
  }

  // "according to (a statement from) the X", "X (ACR), a group based in Y, says", "X, which
  // says", "X has recorded" within the sentence.
  int SentenceSource(const Sentence& s) const {
    for (uint32_t k = s.first; k + 2 < s.last; ++k) {
      if (!a_.IsIgnoreCase(k, "according") || !a_.Is(k + 1, "to")) continue;
      // Up to four lower-case words ("a statement from the") before the body's name.
      for (uint32_t j = k + 2; j < s.last && j < k + 7; ++j) {
        const int n = a_.NameAt(j);
        if (n >= 0) {
          if (IsSource(a_.names[n].entity)) return a_.names[n].entity;
          break;
        }
        if (a_.tokens[j].kind != TokenKind::kWord || a_.tokens[j].is(kCapitalized)) break;
      }
    }
    for (const NameSpan& n : a_.names) {
      if (n.first < s.first || n.first >= s.last || !IsSource(n.entity)) continue;
      const uint32_t k = SkipAppositions(n.end, s.last);
      if (k < s.last && IsSayingVerb(a_.word(k))) return n.entity;
    }
    // "The network says", "the group estimates": the organisation named last before.
    for (uint32_t k = s.first; k + 2 < s.last; ++k) {
      if (!a_.IsIgnoreCase(k, "the") || !IsBodyNoun(a_.word(k + 1))) continue;
      const uint32_t verb = SkipAppositions(k + 2, s.last);
      if (verb < s.last && IsSayingVerb(a_.word(verb))) return LastOrganizationBefore(k);
    }
    return -1;
  }

  static bool IsBodyNoun(std::string_view w) {
    return w == "group" || w == "network" || w == "centre" || w == "center" ||
           w == "organisation" || w == "organization" || w == "monitor" || w == "bureau" ||
           w == "coalition" || w == "initiative" || w == "NGO";
  }

  // The organisation named last before token k within the three sentences before it, or -1.
  int LastOrganizationBefore(uint32_t k) const {
    const uint32_t sentence = a_.sentence_of[k];
    int found = -1;
    for (const NameSpan& n : a_.names) {
      if (n.first >= k) break;
      if (n.kind == EntityKind::kOrganization && n.entity >= 0 &&
          sentence - a_.sentence_of[n.first] <= 3) {
        found = n.entity;
      }
    }
    return found;
  }

  // True when sentence s speaks in the first person ("we", "our", "my") outside quotations.
  bool FirstPerson(const Sentence& s) const {
    for (uint32_t k = s.first; k < s.last; ++k) {
      if (a_.IsIgnoreCase(k, "we") || a_.IsIgnoreCase(k, "our") || a_.IsIgnoreCase(k, "my")) {
        // Not inside a quotation: "our" there is the speaker's.
        if (!a_.in_quote[k]) return true;
      }
    }
    return false;
  }

  // The body a text in its own voice speaks for: its author, else its publisher when the
  // text names it.
  int OwnVoice() const {
    if (default_source_ >= 0) return default_source_;
    const std::string& publisher = a_.doc->meta.publisher;
    if (publisher.empty()) return -1;
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      const Entity& entity = out_.entities[e];
      if (entity.kind != EntityKind::kOrganization) continue;
      if (entity.name == publisher || std::find(entity.aliases.begin(), entity.aliases.end(),
                                                publisher) != entity.aliases.end()) {
        return static_cast<int>(e);
      }
    }
    return -1;
  }

  // The token after a body's name once an acronym in brackets ("(ACR)"), an apposition
  // between commas (", a group based in Almaty,"), "which" and "has"/"have"/"also" are
  // skipped.
  uint32_t SkipAppositions(uint32_t k, uint32_t end) const {
    if (a_.Is(k, "(") && k + 2 < end && a_.Is(k + 2, ")")) k += 3;
    if (a_.Is(k, ",")) {
      if (a_.Is(k + 1, "which")) {
        k += 2;
      } else if (a_.Is(k + 1, "a") || a_.Is(k + 1, "an") || a_.Is(k + 1, "the")) {
        uint32_t j = k + 2;
        while (j < end && j < k + 14 && !a_.Is(j, ",") && !a_.Is(j, ";")) ++j;
        if (a_.Is(j, ",")) k = j + 1;
      }
    }
    while (k < end && (a_.Is(k, "has") || a_.Is(k, "have") || a_.Is(k, "also"))) ++k;
    return k;
  }

  // A sentence ending in ':' that names a reporting body introduces the next one.
  int PreviousSentenceSource(const Sentence& s) const {
    const uint32_t index = a_.sentence_of[s.first];
    if (index == 0) return -1;
    const Sentence& prev = a_.sentences[index - 1];
    if (a_.paragraph_of[prev.first] != a_.paragraph_of[s.first]) return -1;
    return SentenceSource(prev);
  }

  bool IsSayingVerb(std::string_view w) const {
    return w == "reports" || w == "reported" || w == "says" || w == "said" || w == "estimates" ||
           w == "estimated" || w == "counted" || w == "counts" || w == "recorded" ||
           w == "documented" || w == "notes" || w == "noted" || w == "stated" || w == "states" ||
           w == "puts" || w == "put" || w == "recognises" || w == "recognizes" ||
           w == "recognised" || w == "recognized" || w == "lists" || w == "listed" ||
           w == "registered" || w == "tallied" || w == "found";
  }

  // The author of a text in its own voice: a byline ("writes X", "By X") or an
  // organisation named in the first line.
  int DocumentAuthor() const {
    for (const NameSpan& n : a_.names) {
      if (n.kind != EntityKind::kPerson || n.first == 0) continue;
      const std::string_view prev = a_.word(n.first - 1);
      if (prev == "writes" ||
          (prev == "By" && (n.first < 2 || a_.tokens[n.first - 2].kind == TokenKind::kNewline))) {
        return n.entity;
      }
    }
    // The first line with words.
    uint32_t start = 0;
    while (start < a_.tokens.size() && a_.tokens[start].kind == TokenKind::kNewline) ++start;
    uint32_t end = start;
    while (end < a_.tokens.size() && a_.tokens[end].kind != TokenKind::kNewline) ++end;
    for (const NameSpan& n : a_.names) {
      if (n.first >= end) break;
      if (n.first >= start && n.kind == EntityKind::kOrganization) return n.entity;
    }
    return -1;
  }

  // A figure restated in the same document is one claim.
  void Add(Claim c) {
    for (Claim& other : out_.claims) {
      if (other.value == c.value) {
        if (other.source < 0) other.source = c.source;
        return;
      }
    }
    out_.claims.push_back(std::move(c));
  }

  const Analysis& a_;
  const Lexicons& lex_;
  Extraction& out_;
  int default_source_ = -1;
};

}  // namespace

void FindClaims(const Analysis& analysis, Extraction* out) { ClaimFinder(analysis, out).Run(); }

}  // namespace letapis
