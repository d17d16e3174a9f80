// Names: persons, organisations and places, and their in-document coreference.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "extract/analysis.h"

namespace letapis {
namespace {

// A word of at most four bytes as one integer, for comparing short words with constants.
constexpr uint32_t Packed(std::string_view w) {
  uint32_t v = 0;
  for (size_t i = 0; i < w.size() && i < 4; ++i)
    v |= uint32_t{static_cast<uint8_t>(w[i])} << (8 * i);
  return v;
}

// Words that may join the capitalised words of one name ("Ministry of Foreign Affairs").
bool IsConnector(std::string_view w) {
  if (w.empty() || w.size() > 3) return false;
  switch (Packed(w)) {
    case Packed("of"):
    case Packed("for"):
    case Packed("and"):
    case Packed("the"):
    case Packed("de"):
    case Packed("van"):
    case Packed("von"):
    case Packed("der"):
    case Packed("al"):
    case Packed("bin"):
    case Packed("ibn"):
    case Packed("&"):
    case Packed("on"):
    case Packed("in"):
      return true;
    default:
      return false;
  }
}

// A word with a trailing possessive removed: "Hniot's" -> "Hniot".
std::string_view Bare(std::string_view w) {
  const size_t n = w.size();
  if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] == '\'') return w.substr(0, n - 2);
  if (n > 1 && w[n - 1] == '\'') return w.substr(0, n - 1);
  return w;
}

bool IsCapWord(const Analysis& a, size_t i) {
  if (i >= a.tokens.size()) return false;
  const Token& t = a.tokens[i];
  return t.kind == TokenKind::kWord && (t.is(kCapitalized) || t.is(kAllCaps));
}

bool IsSentenceStart(const Analysis& a, uint32_t i) {
  const Sentence& s = a.sentences[a.sentence_of[i]];
  uint32_t k = s.first;
  while (k < i && a.tokens[k].kind == TokenKind::kPunct) ++k;
  return k == i;
}

class NameFinder {
 public:
  NameFinder(Analysis* a, Extraction* out)
      : a_(*a),
        lex_(*a->lex),
        out_(*out),
        known_(a->tokens.size(), 0),
        holds_(a->tokens.size(), 0) {}

  void Run() {
    FindSpans();
    LinkAbbreviations();
    ResolveEntities();
    EmitMentions();
  }

 private:
  // Candidate spans, in token order.
  void FindSpans() {
    const uint32_t n = static_cast<uint32_t>(a_.tokens.size());
    uint32_t i = 0;
    while (i < n) {
      if (a_.tokens[i].kind != TokenKind::kWord) {
        ++i;
        continue;
      }
      const bool quote_follows = i + 1 < n && a_.tokens[i + 1].kind == TokenKind::kPunct &&
                                 a_.text()[a_.tokens[i + 1].begin] == '"';
      if (uint32_t used = quote_follows ? TryQuotedOrganization(i) : 0; used > 0) {
        i += used;
        continue;
      }
      if (!IsCapWord(a_, i)) {
        ++i;
        continue;
      }
      uint32_t j = ChunkEnd(i);
      ClassifyChunk(i, j);
      i = j;
    }
  }

  // A possessive ends a name unless it is inside one ("People's Defence Force", "Gilan
  // Women's Network"); after a place it always does ("Azerbaijan's Foreign Ministry").
  bool EndsChunk(uint32_t i) const {
    const std::string_view w = a_.word(i);
    const std::string_view bare = Bare(w);
    if (bare.size() == w.size()) return false;
    if (lex_.place_names.ContainsWord(std::string(bare)) ||
        lex_.person_names.ContainsWord(std::string(bare))) {
      return true;
    }
    return !IsCapWord(a_, i + 1);
  }

  // End of the run of capitalised words (with connectors and initials) starting at i.
  uint32_t ChunkEnd(uint32_t i) const {
    const uint32_t n = static_cast<uint32_t>(a_.tokens.size());
    uint32_t j = i + 1;
    if (EndsChunk(i)) return j;  // "Azerbaijan's Foreign Ministry"
    while (j < n) {
      if (IsCapWord(a_, j) && EndsChunk(j)) return j + 1;
      if (IsCapWord(a_, j)) {
        ++j;
        continue;
      }
      std::string_view w = a_.word(j);
      // Initials: "A. Lukashenko".
      if (w == "." && a_.word(j - 1).size() == 1 && IsCapWord(a_, j + 1)) {
        j += 1;
        continue;
      }
      if (a_.tokens[j].kind == TokenKind::kWord && IsConnector(w)) {
        uint32_t k = j + 1;
        if (k < n && a_.word(k) == "the") ++k;
        if (IsCapWord(a_, k) && !Bare(a_.word(j - 1)).empty() &&
            a_.word(j - 1) == Bare(a_.word(j - 1))) {
          j = k;
          continue;
        }
      }
      break;
    }
    return j;
  }

  bool IsStop(std::string_view w) const { return lex_.stopwords.count(Bare(w)) > 0; }
  // Words that open a sentence but never an organisation's name.
  static bool IsFunctionWord(std::string_view w) {
    static const WordSet kWords{
        "The",     "A",         "An",        "In",        "On",       "At",      "For",
        "From",    "With",      "By",        "As",        "After",    "Before",  "During",
        "Since",   "Among",     "And",       "Or",        "But",      "If",      "This",
        "That",    "These",     "Those",     "Their",     "His",      "Her",     "Its",
        "Our",     "While",     "When",      "Today",     "Both",     "Apart",   "Under",
        "Against", "Like",      "Including", "About",     "Consider", "Only",    "Even",
        "Every",   "Some",      "Many",      "Several",   "Most",     "All",     "Other",
        "Such",    "Each",      "However",   "Meanwhile", "Also",     "Yet",     "Still",
        "Instead", "According", "Despite",   "Although",  "Though",   "Because", "Following",
        "Unlike",  "Until",     "Within",    "Without",   "Through",  "Across",  "Over",
        "Between", "Into",      "Upon",      "Last",      "Next",     "Earlier", "Later",
        "Then",    "Now",       "Here",      "There",     "Thus",     "So"};
    return kWords.count(w) > 0;
  }
  // Month and weekday names.
  static const WordSet& CalendarWords() {
    static const WordSet kWords{"January",  "February", "March",    "April",     "May",
                                "June",     "July",     "August",   "September", "October",
                                "November", "December", "Monday",   "Tuesday",   "Wednesday",
                                "Thursday", "Friday",   "Saturday", "Sunday"};
    return kWords;
  }
  bool IsDemonym(std::string_view w) const { return lex_.demonyms.count(w) > 0; }
  bool IsOrgHead(std::string_view w) const { return lex_.org_heads.count(Bare(w)) > 0; }
  bool IsGiven(std::string_view w) const { return lex_.given_names.count(w) > 0; }
  bool IsRole(std::string_view w) const {
    bool ascii = false;
    const uint64_t lower_hash = WordFilter::HashAsciiLower(w, &ascii);
    if (ascii && !lex_.roles.MayContainHash(lower_hash)) return false;
    return lex_.roles.count(FoldCaseInto(w, &fold_buffer_)) > 0;
  }
  // True when the word of token `i` (with a possessive stripped when `bare`) is certainly
  // in `set` in no letter case, told by the hash Tokenize made: most words, decided
  // without hashing them again.
  bool Absent(const WordSet& set, uint32_t i, bool bare) const {
    const Token& t = a_.tokens[i];
    if (!t.is(kAscii)) return false;
    if (bare && Bare(a_.word(i)).size() != t.end - t.begin) return false;
    return !set.MayContainAnyCase(t.lower_hash);
  }
  // The same tests of token `i`, each looked up at most once per token.
  bool IsGivenAt(uint32_t i) const { return InSetAt(i, kGiven, lex_.given_names, false); }
  bool IsStopAt(uint32_t i) const { return InSetAt(i, kStop, lex_.stopwords, true); }
  bool IsDemonymAt(uint32_t i) const { return InSetAt(i, kDemonym, lex_.demonyms, false); }
  bool IsOrgHeadAt(uint32_t i) const { return InSetAt(i, kOrgHead, lex_.org_heads, true); }
  bool IsRoleAt(uint32_t i) const {
    const Token& t = a_.tokens[i];  // most words: no role, told by the hash Tokenize made
    if (t.is(kAscii) && !lex_.roles.MayContainHash(t.lower_hash)) return false;
    return Cached(i, kRole, [this](std::string_view w) { return IsRole(w); });
  }

  bool IsCalendarWordAt(uint32_t i) const { return InSetAt(i, kCalendar, CalendarWords(), false); }
  bool HasSurnameSuffixAt(uint32_t i) const {
    return Cached(i, kSurnameSuffix, [this](std::string_view w) { return HasSurnameSuffix(w); });
  }
  enum WordTest : uint8_t {
    kGiven = 1,
    kStop = 2,
    kDemonym = 4,
    kOrgHead = 8,
    kRole = 16,
    kCalendar = 32,
    kSurnameSuffix = 64
  };
  // `holds(word of token i)`, computed once per token and test.
  template <typename Holds>
  bool Cached(uint32_t i, WordTest test, Holds holds) const {
    if ((known_[i] & test) == 0) {
      known_[i] |= test;
      if (holds(a_.word(i))) holds_[i] |= test;
    }
    return (holds_[i] & test) != 0;
  }
  // Whether the word of token `i` (its possessive stripped when `bare`) is in `set`, for
  // word test `test`: most words told absent by the any-case filter, the others looked up
  // once per token.
  bool InSetAt(uint32_t i, WordTest test, const WordSet& set, bool bare) const {
    if (Absent(set, i, bare)) return false;
    return Cached(i, test,
                  [&set, bare](std::string_view w) { return set.count(bare ? Bare(w) : w) > 0; });
  }
  int PlaceId(uint32_t first, uint32_t end) const {
    auto m = lex_.place_names.LongestAt(a_.text(), a_.tokens, first);
    return m.length == end - first ? m.value : -1;
  }
  bool HasSurnameSuffix(std::string_view w) const {
    const std::string_view lower = FoldCaseInto(Bare(w), &fold_buffer_);
    return lower.size() >= 4 && lex_.surname_suffixes.AnyEndOf(lower);
  }

  // NGO "Names", movement "For Freedom": a descriptor before a quoted name.
  uint32_t TryQuotedOrganization(uint32_t i) {
    static constexpr std::string_view kDescriptors[] = {
        "ngo",          "movement",    "project",  "initiative", "foundation", "organization",
        "organisation", "association", "centre",   "center",     "group",      "network",
        "party",        "agency",      "campaign", "platform",   "channel",    "outlet",
        "newspaper",    "magazine",    "website",  "portal",     "union",      "company",
        "publication",  "fund",        "club",     "community"};
    if (!a_.Is(i + 1, "\"") || !IsCapWord(a_, i + 2)) return 0;
    const std::string lower = FoldCase(a_.word(i));
    bool descriptor = false;
    for (std::string_view d : kDescriptors) descriptor = descriptor || lower == d;
    if (!descriptor) return 0;
    uint32_t k = i + 2;
    while (k < a_.tokens.size() && k < i + 9 && a_.tokens[k].kind == TokenKind::kWord) ++k;
    if (!a_.Is(k, "\"") && !(a_.Is(k, ",") && a_.Is(k + 1, "\"")) && !a_.Is(k, ".")) return 0;
    // Include a capitalised civic prefix: "Civic initiative", "Kharkiv Regional Foundation".
    uint32_t first = i;
    while (first > 0 && IsCapWord(a_, first - 1) && !IsStopAt(first - 1) &&
           (pending_.empty() || pending_.back().span.end <= first - 1)) {
      --first;
    }
    std::string name;
    for (uint32_t t = first; t <= i; ++t) {
      std::string w(a_.word(t));
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
      name += w;
      name += ' ';
    }
    const std::string inner(a_.TextOf(i + 2, k));
    name += inner;
    Add(first, k, EntityKind::kOrganization, name, "org.descriptor_quoted", 0.8f);
    pending_.back().alias = inner;
    return k - i;
  }

  struct Pending {
    NameSpan span;
    std::string key;    // entity key (kind + folded canonical)
    std::string alias;  // another name of the same entity seen here ("Names" for NGO "Names")
  };

  void Add(uint32_t first, uint32_t end, EntityKind kind, std::string surface, const char* rule,
           float confidence, std::string key = "") {
    // Drop a span overlapping a previous one (spans are found in token order).
    if (!pending_.empty() && pending_.back().span.end > first) return;
    if (key.empty()) key = FoldCase(surface);
    key = std::string(EntityKindName(kind)) + ":" + key;
    pending_.push_back(Pending{NameSpan{first, end, kind, std::move(surface), rule, confidence, -1},
                               std::move(key), ""});
  }

  // Classifies the capitalised chunk [i, j) into names (possibly several).
  void ClassifyChunk(uint32_t i, uint32_t j) {
    // "Eastern Europe and Central Asia Director": a job title, not places.
    if (j - i >= 2 && IsRoleAt(j - 1) && a_.tokens[j - 1].is(kCapitalized)) {
      bool names_inside = false;
      for (uint32_t k = i; k < j; ++k) names_inside = names_inside || IsGivenAt(k);
      if (!names_inside) return;
    }
    // "Myaungmya Prison", "Penal Colony No. 2", "Mordovia region": places by pattern.
    if (const uint32_t used = TryPlacePattern(i, j); used > 0) {
      if (i + used >= j) return;
      i += used;
    }
    // Known organisation by acronym or name at the start of the chunk.
    while (i < j) {
      if (IsConnector(a_.word(i)) || a_.word(i) == ".") {
        ++i;
        continue;
      }
      // "Head of the Office of ...", "Speaker of the Verkhovna Rada ...": a role, then "of".
      if (IsRoleAt(i) && a_.Is(i + 1, "of")) {
        i += a_.Is(i + 2, "the") ? 3 : 2;
        continue;
      }
      // A known given name followed by a capitalised word is a person ("Vladimir Labkovich",
      // "Agnieszka Holland"), whatever the second word could also be.
      if (IsGivenAt(i) && i + 1 < j && IsCapWord(a_, i + 1) && !IsStopAt(i + 1) &&
          !IsOrgHeadAt(i + 1)) {
        const uint32_t used = TryPerson(i, j);
        if (used >= 2) {
          i += used;
          continue;
        }
      }
      const PhraseTable::StartKey key = PhraseTable::StartKeyOf(a_.tokens[i], a_.text());
      auto longest_at = [&](const PhraseTable& table) {
        return table.MayStartWith(key) ? table.LongestAt(a_.text(), a_.tokens, i)
                                       : PhraseTable::Match{};
      };
      auto acro = longest_at(lex_.organization_acronyms);
      auto named = longest_at(lex_.organization_names);
      auto place = longest_at(lex_.place_names);
      auto person = longest_at(lex_.person_names);
      uint32_t org_len = std::max(acro.length, named.length);
      int org_id = acro.length >= named.length ? acro.value : named.value;
      if (org_len > 0 && named.length == org_len && !a_.tokens[i].is(kCapitalized)) org_len = 0;
      const uint32_t rest_org = OrgExtent(i, j);
      if (rest_org > 0 && rest_org >= org_len && rest_org > place.length) {
        EmitOrg(i, i + rest_org, org_len > 0 ? org_id : -1);
        i += rest_org;
        continue;
      }
      if (org_len > 0 && org_len >= place.length && org_len >= person.length) {
        EmitOrg(i, i + org_len, org_id);
        i += org_len;
        continue;
      }
      if (person.length > 0 && person.length >= place.length) {
        Add(i, i + person.length, EntityKind::kPerson, Surface(i, i + person.length),
            "person.known", 0.9f);
        i += person.length;
        continue;
      }
      if (place.length > 0) {
        Add(i, i + place.length, EntityKind::kPlace, Surface(i, i + place.length),
            "place.gazetteer", 0.9f, "place#" + std::to_string(place.value));
        i += place.length;
        continue;
      }
      // Single-token known names with a possessive ("Viasna's", "Lukashenko's").
      std::string bare(Bare(a_.word(i)));
      if (bare.size() != a_.word(i).size()) {
        if (lex_.organization_names.ContainsWord(bare) ||
            lex_.organization_acronyms.ContainsWord(bare)) {
          Add(i, i + 1, EntityKind::kOrganization, bare, "org.known", 0.85f);
          ++i;
          continue;
        }
        if (lex_.person_names.ContainsWord(bare)) {
          Add(i, i + 1, EntityKind::kPerson, bare, "person.known", 0.85f);
          ++i;
          continue;
        }
        if (lex_.place_names.ContainsWord(bare)) {
          Add(i, i + 1, EntityKind::kPlace, bare, "place.gazetteer", 0.85f);
          ++i;
          continue;
        }
      }
      uint32_t used = TryPerson(i, j);
      if (used == 0) used = 1;
      i += used;
    }
  }

  // A prison or region named by pattern at the start of chunk [i, j); tokens used.
  uint32_t TryPlacePattern(uint32_t i, uint32_t j) {
    static constexpr std::string_view kFacilities[] = {"Prison", "Colony", "Jail", "Camp"};
    for (uint32_t k = i; k < j; ++k) {
      const std::string_view w = a_.word(k);
      bool facility = false;
      if (w.size() >= 4 && w.size() <= 6 && (w[0] == 'P' || w[0] == 'C' || w[0] == 'J')) {
        for (std::string_view f : kFacilities) facility = facility || w == f;
      }
      if (!facility) continue;
      uint32_t end = k + 1;
      // "No. 2" after the facility word.
      if (a_.Is(end, "No") && a_.Is(end + 1, ".") && end + 2 < a_.tokens.size() &&
          a_.tokens[end + 2].kind == TokenKind::kNumber) {
        end += 3;
      }
      if (k == i && end == k + 1) return 0;  // a bare "Prison"
      Add(i, end, EntityKind::kPlace, std::string(a_.TextOf(i, end)), "place.facility", 0.75f);
      return end - i;
    }
    // "Mordovia region": one capitalised word before a lower-case region word.
    if (j == i + 1 && IsCapWord(a_, i) && !IsStopAt(i) &&
        (a_.Is(j, "region") || a_.Is(j, "oblast") || a_.Is(j, "province"))) {
      Add(i, j + 1, EntityKind::kPlace, std::string(a_.TextOf(i, j + 1)), "place.region", 0.7f);
      return 1;
    }
    // "TBILISI -": a dateline naming a known place.
    if (IsDateline(i) && a_.tokens[i].is(kAllCaps)) {
      std::string title(a_.word(i));
      for (size_t c = 1; c < title.size(); ++c) {
        if (title[c] >= 'A' && title[c] <= 'Z') title[c] = static_cast<char>(title[c] - 'A' + 'a');
      }
      if (lex_.place_names.ContainsWord(title)) {
        Add(i, i + 1, EntityKind::kPlace, title, "place.dateline", 0.8f,
            "place#" + std::to_string(lex_.place_names.LongestAt(title, Tokenize(title), 0).value));
        return 1;
      }
    }
    return 0;
  }

  // Length of an organisation name starting at i within [i, j): the longest prefix that
  // ends in a head word or a known name and contains an organisation head word.
  uint32_t OrgExtent(uint32_t i, uint32_t j) const {
    uint32_t best = 0;
    bool head_seen = false;
    for (uint32_t k = i; k < j; ++k) {
      if (a_.tokens[k].kind != TokenKind::kWord) continue;
      if (IsCalendarWordAt(k)) break;
      if ((a_.word(k) == "in" || a_.word(k) == "on") && (k - i < 2 || !head_seen)) break;
      if (IsGivenAt(k) && k > i && IsCapWord(a_, k + 1) && k + 1 < j) break;
      if (IsOrgHeadAt(k)) head_seen = true;
      if (head_seen && IsCapWord(a_, k)) best = k - i + 1;
    }
    if (best == 0) return 0;
    // "Elvin Qasimov of the Baku Court": what precedes the first "of" must be a head.
    for (uint32_t k = i + 1; k < i + best; ++k) {
      if (a_.word(k) != "of") continue;
      if (!IsOrgHeadAt(k - 1) && a_.word(k - 1) != "Rights") return 0;
      break;
    }
    // "Head of the Office of ..." starts with a role: not part of the organisation.
    if (IsRoleAt(i) && !IsOrgHeadAt(i)) return 0;
    return best;
  }

  void EmitOrg(uint32_t first, uint32_t end, int known_id) {
    // Strip a leading role with "of" ("Head of the Office ...") and leading stopwords.
    while (first < end && (IsFunctionWord(a_.word(first)) || IsConnector(a_.word(first)) ||
                           IsCalendarWordAt(first))) {
      ++first;
    }
    if (end - first == 1 && IsOrgHeadAt(first) && known_id < 0) return;
    if (first >= end) return;
    std::string surface = Surface(first, end);
    std::string key;
    if (known_id >= 0) key = "known#" + std::to_string(known_id);
    // A known name plus generic words ("Viasna Human Rights Centre") is that organisation.
    if (known_id < 0) {
      for (uint32_t k = first; k < end; ++k) {
        auto m = lex_.organization_names.LongestAt(a_.text(), a_.tokens, k);
        if (m.length == 0) m = lex_.organization_acronyms.LongestAt(a_.text(), a_.tokens, k);
        if (m.length == 0) continue;
        bool generic_rest = true;
        for (uint32_t r = first; r < end; ++r) {
          if (r >= k && r < k + m.length) continue;
          std::string_view w = a_.word(r);
          if (!(IsOrgHead(w) || w == "Human" || w == "Rights")) generic_rest = false;
        }
        if (generic_rest) key = "known#" + std::to_string(m.value);
        break;
      }
    }
    // A quoted name right after a head word belongs to it: Human Rights Centre "Viasna".
    uint32_t end_with_quote = end;
    std::string quoted;
    if (a_.Is(end, "\"") && IsCapWord(a_, end + 1)) {
      uint32_t k = end + 1;
      while (k < a_.tokens.size() && k < end + 6 && IsCapWord(a_, k)) ++k;
      if (a_.Is(k, "\"") || (a_.Is(k, ",") && a_.Is(k + 1, "\""))) {
        quoted = std::string(a_.TextOf(end + 1, k));
        end_with_quote = k;
        auto m = lex_.organization_names.LongestAt(a_.text(), a_.tokens, end + 1);
        if (m.length == k - end - 1) key = "known#" + std::to_string(m.value);
      }
    }
    if (!quoted.empty()) surface += " " + quoted;
    Add(first, end_with_quote, EntityKind::kOrganization, surface,
        known_id >= 0 ? "org.known" : "org.head_word", known_id >= 0 ? 0.9f : 0.75f, key);
    if (!quoted.empty() && !pending_.empty()) pending_.back().alias = quoted;
  }

  // Tries a person name at i (within chunk end j); returns tokens consumed (0 if none).
  uint32_t TryPerson(uint32_t i, uint32_t j) {
    // Skip leading stopwords, demonyms and capitalised roles.
    uint32_t first = i;
    bool role_before = i > 0 && IsRoleAt(i - 1);
    while (first < j && (IsStopAt(first) || IsDemonymAt(first) || IsRoleAt(first))) {
      if (IsRoleAt(first)) role_before = true;
      ++first;
    }
    if (first > i) return first - i;
    // Name tokens: capitalised words (and initials) up to 4, stopping at a stopword.
    uint32_t end = first;
    while (end < j && end < first + 4 &&
           (IsCapWord(a_, end) || a_.word(end) == "." || IsConnector(a_.word(end))) &&
           !(IsStopAt(end) && a_.tokens[end].kind == TokenKind::kWord)) {
      if (IsConnector(a_.word(end)) &&
          !(a_.word(end) == "de" || a_.word(end) == "van" || a_.word(end) == "von" ||
            a_.word(end) == "bin" || a_.word(end) == "al")) {
        break;
      }
      ++end;
      // A possessive closes the name.
      if (Bare(a_.word(end - 1)).size() != a_.word(end - 1).size()) break;
    }
    while (end > first && (a_.word(end - 1) == "." || IsConnector(a_.word(end - 1)))) --end;
    if (end == first) return 1;
    // "Consider Oleg Rudnev": a sentence-initial word before a given name is not a name.
    if (end - first >= 3 && !IsGivenAt(first) && IsGivenAt(first + 1)) return 1;
    const uint32_t len = end - first;
    const bool given_first = IsGivenAt(first);
    for (uint32_t k = first; k < end; ++k) {
      if ((!given_first && PlaceId(k, k + 1) >= 0) || IsOrgHeadAt(k)) {
        return std::max<uint32_t>(1, k - i + (k == i));
      }
    }
    if (len == 1) {
      std::string w(Bare(a_.word(first)));
      if (a_.tokens[first].is(kAllCaps) && w.size() >= 3 && w.size() <= 6 &&
          !a_.tokens[first].is(kHasDigit) && !IsStop(w) && !LineIsAllCaps(first) &&
          !IsDateline(first)) {
        Add(first, first + 1, EntityKind::kOrganization, w, "org.acronym", 0.5f);
        return 1;
      }
      singles_.push_back(Single{first, w, role_before || FollowsTitle(first)});
      return 1;
    }
    const std::string_view head = a_.word(first);
    const char* rule = nullptr;
    float confidence = 0;
    if (IsGivenAt(first) || (head.size() == 1 && a_.word(first + 1) == ".")) {
      rule = "person.given_name";
      confidence = 0.9f;
    } else if (role_before) {
      rule = "person.role";
      confidence = 0.75f;
    } else if (len <= 3 && HasSurnameSuffixAt(end - 1) &&
               !(IsSentenceStart(a_, first) && len == 2 && !HasSurnameSuffixAt(first))) {
      rule = "person.shape";
      confidence = 0.6f;
    }
    if (rule == nullptr) return len;
    Add(first, end, EntityKind::kPerson, Surface(first, end), rule, confidence);
    return len;
  }

  bool FollowsTitle(uint32_t i) const {
    if (i == 0) return false;
    uint32_t k = i - 1;
    if (a_.word(k) == "." && k > 0) --k;
    std::string_view w = a_.word(k);
    return w == "Mr" || w == "Mrs" || w == "Ms" || w == "Dr" || w == "Prof";
  }

  // "BAKU -" / "YANGON," opening a line: a dateline, not an organisation.
  bool IsDateline(uint32_t i) const {
    const bool line_start = i == 0 || a_.tokens[i - 1].kind == TokenKind::kNewline;
    const std::string_view next = i + 1 < a_.tokens.size() ? a_.word(i + 1) : "";
    return line_start && (next == "-" || next == "," || next == "(" || next == ":");
  }

  // True when the line of token `i` is (nearly) all capitals: a header, not a sentence.
  // Lines are measured once: the finder walks tokens in order, so the last line is kept.
  bool LineIsAllCaps(uint32_t i) const {
    if (i >= caps_line_.first && i < caps_line_.end) return caps_line_.all_caps;
    uint32_t s = i, e = i;
    while (s > 0 && a_.tokens[s - 1].kind != TokenKind::kNewline) --s;
    while (e < a_.tokens.size() && a_.tokens[e].kind != TokenKind::kNewline) ++e;
    int words = 0, caps = 0;
    for (uint32_t k = s; k < e; ++k) {
      if (a_.tokens[k].kind != TokenKind::kWord) continue;
      ++words;
      if (a_.tokens[k].is(kAllCaps)) ++caps;
    }
    caps_line_ = LineCaps{s, e, words >= 2 && caps * 10 >= words * 8};
    return caps_line_.all_caps;
  }

  // Text of tokens [first, end) with a final possessive removed.
  std::string Surface(uint32_t first, uint32_t end) const {
    std::string s(a_.TextOf(first, end));
    std::string_view last = a_.word(end - 1);
    const size_t cut = last.size() - Bare(last).size();
    s.resize(s.size() - cut);
    return s;
  }

  // "Belarusian Independent Film Academy (BIFA)": the abbreviation is an alias.
  void LinkAbbreviations() {
    for (size_t p = 0; p < pending_.size(); ++p) {
      Pending& org = pending_[p];
      if (org.span.kind != EntityKind::kOrganization) continue;
      const uint32_t e = org.span.end;
      if (a_.Is(e, "(") && e + 2 < a_.tokens.size() && a_.tokens[e + 1].is(kAllCaps) &&
          a_.Is(e + 2, ")")) {
        const std::string abbr(a_.word(e + 1));
        abbreviations_[abbr] = org.key;
        if (org.alias.empty()) org.alias = abbr;
      }
    }
    for (Pending& p : pending_) {
      if (p.span.kind == EntityKind::kOrganization && p.span.end - p.span.first == 1) {
        auto it = abbreviations_.find(p.span.surface);
        if (it != abbreviations_.end()) {
          p.key = it->second;
          p.span.rule = "org.abbreviation";
        }
      }
    }
  }

  struct Single {
    uint32_t at;
    std::string word;
    bool titled;
  };

  static bool ByFirstToken(const Pending& x, const Pending& y) {
    return x.span.first < y.span.first;
  }

  void ResolveEntities() {
    // Spans are found in token order: sorting (and moving every Pending) is rarely needed.
    if (!std::is_sorted(pending_.begin(), pending_.end(), ByFirstToken)) {
      std::sort(pending_.begin(), pending_.end(), ByFirstToken);
    }
    const size_t found = pending_.size();
    // Multi-token persons define the people of the document.
    std::map<std::string, int> by_key;
    auto entity_for = [&](Pending& p) {
      auto it = by_key.find(p.key);
      if (it != by_key.end()) return it->second;
      const int id = static_cast<int>(out_.entities.size());
      out_.entities.push_back(Entity{p.span.kind, p.span.surface, {}, p.span.confidence});
      by_key.emplace(p.key, id);
      return id;
    };
    // Persons' name parts, for linking single words.
    std::unordered_map<std::string, std::vector<int>> by_part;
    for (Pending& p : pending_) {
      if (p.span.kind == EntityKind::kPerson && p.span.end - p.span.first >= 2) {
        p.span.entity = entity_for(p);
        const uint32_t last = p.span.end - 1;
        by_part[FoldCase(Bare(a_.word(last)))].push_back(p.span.entity);
        by_part[FoldCase(a_.word(p.span.first))].push_back(p.span.entity);
      }
    }
    for (auto& [part, ids] : by_part) {
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    auto link_single = [&](const std::string& word) -> int {
      auto it = by_part.find(FoldCase(word));
      if (it == by_part.end() || it->second.size() != 1) return -1;
      return it->second[0];
    };
    for (Pending& p : pending_) {
      if (p.span.entity >= 0) continue;
      if (p.span.kind == EntityKind::kPerson) {
        const int linked = link_single(p.span.surface);
        p.span.entity = linked >= 0 ? linked : entity_for(p);
      } else {
        p.span.entity = entity_for(p);
      }
      if (!p.alias.empty()) AddAlias(p.span.entity, p.alias);
    }
    // Unclassified single capitalised words that name a person of the document.
    for (const Single& s : singles_) {
      if (IsStop(s.word) || IsDemonym(s.word) || (IsGiven(s.word) && link_single(s.word) < 0))
        continue;
      int entity = link_single(s.word);
      const char* rule = "person.surname_link";
      if (entity < 0) {
        if (!(s.titled && HasSurnameSuffixAt(s.at))) continue;
        Pending p{NameSpan{s.at, s.at + 1, EntityKind::kPerson, s.word, "person.titled", 0.6f, -1},
                  "person:" + FoldCase(s.word), ""};
        entity = entity_for(p);
        rule = "person.titled";
      }
      pending_.push_back(Pending{
          NameSpan{s.at, s.at + 1, EntityKind::kPerson, s.word, rule, 0.7f, entity}, "", ""});
    }
    // The single words appended above are in token order too.
    std::inplace_merge(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(found),
                       pending_.end(), ByFirstToken);
  }

  void AddAlias(int entity, const std::string& alias) {
    Entity& e = out_.entities[entity];
    if (alias == e.name) return;
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) {
      e.aliases.push_back(alias);
    }
  }

  void EmitMentions() {
    for (Pending& p : pending_) {
      if (p.span.entity < 0) continue;
      Entity& e = out_.entities[p.span.entity];
      // The fullest form names the entity; every other form is an alias.
      const std::string& s = p.span.surface;
      auto words = [](const std::string& x) { return std::count(x.begin(), x.end(), ' '); };
      // An ALL-CAPS header form ("AMNESTY INTERNATIONAL") names the entity only when
      // nothing else does.
      auto all_caps = [](const std::string& x) {
        return std::none_of(x.begin(), x.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      };
      const bool better_case = all_caps(e.name) && !all_caps(s) && words(s) >= words(e.name);
      if (better_case || words(s) > words(e.name) ||
          (words(s) == words(e.name) && s.size() > e.name.size() && !all_caps(s))) {
        std::string old = e.name;
        e.name = s;
        e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), s), e.aliases.end());
        AddAlias(p.span.entity, old);
      } else {
        AddAlias(p.span.entity, s);
      }
      e.confidence = std::max(e.confidence, p.span.confidence);
      Mention m;
      m.span = a_.SpanOf(p.span.first, p.span.end);
      m.kind = p.span.kind;
      m.surface = s;
      m.rule = p.span.rule;
      m.confidence = p.span.confidence;
      m.entity = p.span.entity;
      out_.mentions.push_back(std::move(m));
      a_.names.push_back(p.span);
    }
  }

  Analysis& a_;
  const Lexicons& lex_;
  Extraction& out_;
  std::vector<Pending> pending_;
  std::vector<Single> singles_;
  std::map<std::string, std::string> abbreviations_;
  // Per token: which WordTests were computed, and which hold.
  mutable std::vector<uint8_t> known_, holds_;
  // Tokens [first, end) of the line LineIsAllCaps measured last, and its answer.
  struct LineCaps {
    uint32_t first = 0, end = 0;
    bool all_caps = false;
  };
  mutable LineCaps caps_line_;
  mutable std::string fold_buffer_;  // FoldCaseInto's buffer for the word tests
};

}  // namespace

void FindNames(Analysis* analysis, Extraction* out) { NameFinder(analysis, out).Run(); }

}  // namespace letapis
