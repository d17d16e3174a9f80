#include "resolve/name_compare.h"

#include <fmt/format.h>

#include <algorithm>

namespace letapis::names {
namespace {

// What one part of two names says about their being one person.
struct Evidence {
  double factor = 1;      // multiplies the score
  bool conflict = false;  // speaks against one person
  std::string why;        // "" when there is nothing worth saying
};

Evidence Conflict(std::string why) { return Evidence{0.2, true, std::move(why)}; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return !prefix.empty() && s.substr(0, prefix.size()) == prefix;
}

bool IsVowelUnit(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'u'; }

// The given-name classes of a token: the spelling as listed, else a form that sounds the
// same, else the nearest class.
std::vector<int> ClassesOf(const Tables& t, const Token& token, bool* nearest) {
  std::vector<int> classes = t.given.Listed(token.readable);
  if (classes.empty()) classes = t.given.Exact(token.canonical);
  *nearest = false;
  if (classes.empty()) {
    classes = t.given.Nearest(token.canonical);
    *nearest = !classes.empty();
  }
  return classes;
}

std::string ClassIds(const Tables& t, const std::vector<int>& classes) {
  std::string out;
  for (int c : classes) out += (out.empty() ? "" : ",") + t.given.Class(c).id;
  return out;
}

std::string Written(const Token& token) {
  return token.initial ? token.readable + "." : token.readable;
}

// Whether `initial` may abbreviate `full` or any equivalent form of it.
bool InitialFits(const Tables& t, const Token& initial, const Token& full) {
  std::vector<std::string> readable{full.readable};
  std::vector<std::string> canonical = full.canonical;
  bool nearest = false;
  for (int c : ClassesOf(t, full, &nearest)) {
    const GivenClass& cls = t.given.Class(c);
    readable.insert(readable.end(), cls.readable.begin(), cls.readable.end());
    canonical.insert(canonical.end(), cls.canonical.begin(), cls.canonical.end());
  }
  for (const std::string& r : readable) {
    if (StartsWith(r, initial.readable)) return true;
  }
  for (const std::string& ic : initial.canonical) {
    if (ic.empty() || IsVowelUnit(ic[0])) continue;  // vowel initials: only as written
    for (const std::string& c : canonical) {
      if (StartsWith(c, ic)) return true;
    }
  }
  return false;
}

// Whether two tokens (given names or patronymic stems, full or initials) name one name.
bool SameName(const Tables& t, const Token& x, const Token& y) {
  if (x.initial && y.initial) return x.readable == y.readable || x.canonical == y.canonical;
  if (x.initial) return InitialFits(t, x, y);
  if (y.initial) return InitialFits(t, y, x);
  for (const std::string& cx : x.canonical) {
    for (const std::string& cy : y.canonical) {
      const std::string sx = Skeleton(cx);
      if (!sx.empty() && sx == Skeleton(cy)) return true;
    }
  }
  bool nx = false, ny = false;
  const std::vector<int> classes_x = ClassesOf(t, x, &nx);
  for (int c : ClassesOf(t, y, &ny)) {
    if (std::find(classes_x.begin(), classes_x.end(), c) != classes_x.end()) return true;
  }
  return false;
}

// 2: consonant skeletons equal; 1: one edit apart in a long surname; 0: different.
int CompareSurnamePart(const Token& x, const Token& y, std::string* detail) {
  for (const std::string& cx : x.canonical) {
    for (const std::string& cy : y.canonical) {
      const std::string sx = Skeleton(cx);
      if (sx.empty() || sx != Skeleton(cy)) continue;
      if (!VowelsCompatible(cx, cy)) continue;
      if (sx.size() <= 2 && EditDistance(cx, cy) > 1) continue;  // short: vowels must agree
      *detail = sx;
      return 2;
    }
  }
  for (const std::string& cx : x.canonical) {
    for (const std::string& cy : y.canonical) {
      if (std::min(cx.size(), cy.size()) >= 7 && EditDistance(cx, cy) <= 1) {
        *detail = cx + " ~ " + cy;
        return 1;
      }
    }
  }
  return 0;
}

std::string SurnameKeys(const ParsedName& p) {
  std::string out;
  for (const Token& part : p.surname) {
    if (!out.empty()) out += '-';
    if (!part.canonical.empty()) out += Skeleton(part.canonical[0]);
  }
  return out;
}

// The surnames; `matched` is false when they are different surnames.
Evidence CompareSurnames(const ParsedName& a, const ParsedName& b, bool* matched) {
  *matched = false;
  if (a.surname.empty() || b.surname.empty()) return Evidence{0.3, false, "no surname on one side"};
  std::string detail;
  Evidence e;
  if (a.surname.size() == b.surname.size()) {
    int level = 2;
    std::vector<std::string> details;
    for (size_t i = 0; i < a.surname.size(); ++i) {
      level = std::min(level, CompareSurnamePart(a.surname[i], b.surname[i], &detail));
      details.push_back(detail);
    }
    *matched = level > 0;
    e.factor = level == 2 ? 1.0 : 0.85;
    std::string joined;
    for (const std::string& d : details) joined += (joined.empty() ? "" : "-") + d;
    e.why = level == 2 ? fmt::format("surname keys equal ({})", joined)
                       : fmt::format("surnames differ by one letter ({})", joined);
  } else {
    const ParsedName& single = a.surname.size() == 1 ? a : b;
    const ParsedName& compound = a.surname.size() == 1 ? b : a;
    for (const Token& part : compound.surname) {
      if (single.surname.size() == 1 && CompareSurnamePart(single.surname[0], part, &detail) == 2) {
        *matched = true;
        e.factor = 0.75;
        e.why = fmt::format("surname {} is one part of {}", single.surname_readable,
                            compound.surname_readable);
      }
    }
  }
  if (!*matched) {
    const double distance = EditDistance(SurnameKeys(a), SurnameKeys(b));
    const double longest = std::max(SurnameKeys(a).size(), SurnameKeys(b).size());
    return Evidence{0.3 * (1 - distance / std::max(longest, 1.0)), true,
                    fmt::format("surnames differ ({} vs {})", SurnameKeys(a), SurnameKeys(b))};
  }
  if (a.surname_gender != Gender::kUnknown && b.surname_gender != Gender::kUnknown &&
      a.surname_gender != b.surname_gender) {
    return Conflict(fmt::format("surname gender forms differ ({} {}, {} {})", a.surname_readable,
                                GenderName(a.surname_gender), b.surname_readable,
                                GenderName(b.surname_gender)));
  }
  return e;
}

Evidence CompareFullGiven(const Tables& t, const Token& x, const Token& y) {
  bool nx = false, ny = false;
  const std::vector<int> cx = ClassesOf(t, x, &nx);
  const std::vector<int> cy = ClassesOf(t, y, &ny);
  if (!cx.empty() && !cy.empty()) {
    for (int c : cy) {
      if (std::find(cx.begin(), cx.end(), c) != cx.end()) {
        return Evidence{nx || ny ? 0.95 : 1.0, false,
                        fmt::format("given names {}~{} (class {})", x.readable, y.readable,
                                    t.given.Class(c).id)};
      }
    }
    return Conflict(fmt::format("given names {} and {} are different names ({} vs {})", x.readable,
                                y.readable, ClassIds(t, cx), ClassIds(t, cy)));
  }
  if (cx.empty() && cy.empty()) {
    for (const std::string& a : x.canonical) {
      for (const std::string& b : y.canonical) {
        const std::string sa = Skeleton(a);
        if (!sa.empty() && sa == Skeleton(b) && VowelsCompatible(a, b) &&
            (sa.size() > 2 || EditDistance(a, b) <= 1)) {
          return Evidence{0.9, false,
                          fmt::format("given names {}~{} sound alike", x.readable, y.readable)};
        }
      }
    }
  }
  // A misspelling of a long name: one edit from a form of the other's class (or from the
  // other name itself), with the same vowel or consonant ending (Valentin is not Valentina).
  const Token& unknown = cx.empty() ? x : y;
  const Token& other = cx.empty() ? y : x;
  std::vector<std::string> forms = other.canonical;
  for (int c : cx.empty() ? cy : cx) {
    const GivenClass& cls = t.given.Class(c);
    forms.insert(forms.end(), cls.canonical.begin(), cls.canonical.end());
  }
  for (const std::string& u : unknown.canonical) {
    for (const std::string& f : forms) {
      if (std::min(u.size(), f.size()) >= 6 && EditDistance(u, f) <= 1 &&
          SkeletonKey(u).back() == SkeletonKey(f).back()) {
        return Evidence{0.85, false,
                        fmt::format("given name {} looks like a misspelling of {}",
                                    unknown.readable, other.readable)};
      }
    }
  }
  return Conflict(fmt::format("given names {} and {} differ", x.readable, y.readable));
}

Evidence CompareGiven(const Tables& t, const ParsedName& a, const ParsedName& b) {
  if (a.given.empty() && b.given.empty()) return Evidence{0.55, false, "no given names"};
  if (a.given.empty() || b.given.empty()) {
    return Evidence{0.6, false, "a given name on one side only"};
  }
  const Token& x = a.given[0];
  const Token& y = b.given[0];
  if (x.initial || y.initial) {
    if (!SameName(t, x, y)) {
      return Conflict(fmt::format("given names {} and {} differ", Written(x), Written(y)));
    }
    return Evidence{x.initial && y.initial ? 0.7 : 0.8, false,
                    fmt::format("given names {} and {} agree as initials", Written(x), Written(y))};
  }
  return CompareFullGiven(t, x, y);
}

// The gender the given name or patronymic shows, when it shows one.
Gender PersonGender(const Tables& t, const ParsedName& p) {
  if (p.patronymic_gender != Gender::kUnknown) return p.patronymic_gender;
  if (p.given.empty() || p.given[0].initial) return Gender::kUnknown;
  bool nearest = false;
  Gender g = Gender::kUnknown;
  for (int c : ClassesOf(t, p.given[0], &nearest)) {
    const Gender cg = t.given.Class(c).gender;
    if (g != Gender::kUnknown && g != cg) return Gender::kUnknown;  // Sasha, Zhenya
    g = cg;
  }
  return g;
}

Evidence CompareGenders(const Tables& t, const ParsedName& a, const ParsedName& b) {
  const Gender ga = PersonGender(t, a), gb = PersonGender(t, b);
  if (ga != Gender::kUnknown && gb != Gender::kUnknown && ga != gb) {
    return Conflict(fmt::format("one is {}, the other {}", GenderName(ga), GenderName(gb)));
  }
  return Evidence{};
}

Evidence ComparePatronymics(const Tables& t, const ParsedName& a, const ParsedName& b) {
  const bool ha = !a.patronymic.readable.empty(), hb = !b.patronymic.readable.empty();
  if (!ha && !hb) return Evidence{};
  if (!ha || !hb) return Evidence{0.95, false, "a patronymic on one side only"};
  if (SameName(t, a.patronymic_stem, b.patronymic_stem)) {
    return Evidence{
        1.0, false,
        fmt::format("patronymics {} and {} agree", Written(a.patronymic), Written(b.patronymic))};
  }
  return Conflict(fmt::format("patronymics {} and {} differ (different fathers)",
                              Written(a.patronymic), Written(b.patronymic)));
}

// True when the patronymic comes from the person's own given name (Vladimir Vladimirovich):
// his father bore the same given name.
bool NamedAfterFather(const Tables& t, const ParsedName& p) {
  return !p.patronymic.readable.empty() && !p.given.empty() &&
         SameName(t, p.patronymic_stem, p.given[0]);
}

Evidence CompareSuffixes(const Tables& t, const ParsedName& a, const ParsedName& b) {
  if (a.suffix == b.suffix) return Evidence{};
  if (!a.suffix.empty() && !b.suffix.empty()) return Conflict("Jr. and Sr. are two people");
  const ParsedName& marked = a.suffix.empty() ? b : a;
  const ParsedName& bare = a.suffix.empty() ? a : b;
  const bool has_patronymic = !bare.patronymic.readable.empty();
  if (marked.suffix == "sr") {
    if (!has_patronymic) {
      return Conflict("Sr. sets the elder namesake apart from the bare name (the younger)");
    }
    if (NamedAfterFather(t, bare)) {
      return Conflict("a patronymic from his own given name marks the son, not the Sr.");
    }
    return Evidence{0.95, false, "Sr. fits a patronymic from another name"};
  }
  if (has_patronymic && !NamedAfterFather(t, bare)) {
    return Conflict("a Jr. bears his father's given name as patronymic; this one does not");
  }
  return Evidence{0.95, false, "Jr. on one side only"};
}

}  // namespace

NameMatcher::Match CompareParsed(const Tables& t, const ParsedName& a, const ParsedName& b) {
  NameMatcher::Match match;
  bool surname_matched = false;
  const Evidence surname = CompareSurnames(a, b, &surname_matched);
  std::vector<Evidence> evidence{surname};
  if (surname_matched && !surname.conflict) {
    evidence.push_back(CompareGiven(t, a, b));
    evidence.push_back(CompareGenders(t, a, b));
    evidence.push_back(ComparePatronymics(t, a, b));
    evidence.push_back(CompareSuffixes(t, a, b));
  }
  match.score = 1.0;
  bool conflict = !surname_matched;
  for (const Evidence& e : evidence) {
    match.score *= e.factor;
    conflict |= e.conflict;
    if (!e.why.empty()) match.why += (match.why.empty() ? "" : "; ") + e.why;
  }
  if (conflict) match.score = std::min(match.score, 0.3);
  match.same = !conflict && match.score >= 0.5;
  return match;
}

}  // namespace letapis::names
