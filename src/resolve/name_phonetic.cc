#include "resolve/name_phonetic.h"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace letapis::names {
namespace {

constexpr size_t kMaxVariants = 8;

// A vowel letter, or a vowel among sound units.
bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
// A vowel already resolved by the transliteration table (upper case).
bool IsUnitVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

// Reads a key spelling left to right, branching where a Latin letter group has several
// readings; each branch is a string of raw sound units (vowels a o e i y u, glide j,
// consonants b v h d s t k l m n p r f c x).
class Scanner {
 public:
  Scanner(std::string_view key, const Style& style) : s_(key), style_(style) {}

  std::vector<std::string> Run() {
    size_t i = 0;
    while (i < s_.size()) i = Step(i);
    return outs_;
  }

 private:
  bool VowelAt(size_t i) const { return i < s_.size() && (IsVowel(s_[i]) || IsUnitVowel(s_[i])); }
  bool ConsonantAt(size_t i) const {
    return i < s_.size() && !VowelAt(i) && s_[i] != 'j' && s_[i] != 'J';
  }
  bool StartsAt(size_t i, std::string_view p) const { return s_.substr(i, p.size()) == p; }
  bool OneOfAt(size_t i, std::string_view set) const {
    return i < s_.size() && set.find(s_[i]) != std::string_view::npos;
  }

  // Appends one of `options` to every branch (only the first when branching would exceed
  // the limit).
  void Emit(std::initializer_list<std::string_view> options) {
    if (options.size() == 1 || outs_.size() * options.size() > kMaxVariants) {
      for (std::string& out : outs_) out += *options.begin();
      return;
    }
    std::vector<std::string> next;
    for (const std::string& out : outs_) {
      for (std::string_view option : options) next.push_back(out + std::string(option));
    }
    outs_ = std::move(next);
  }

  // Interprets the letter group at i and returns the position after it.
  size_t Step(size_t i) {
    const char c = s_[i];
    if (c >= 'A' && c <= 'Z') {  // resolved by the transliteration table
      const char unit = static_cast<char>(c - 'A' + 'a');
      Emit({std::string_view(&unit, 1)});
      return i + 1;
    }
    struct Group {
      std::string_view letters;
      std::string_view units;
    };
    static constexpr std::array<Group, 19> kGroups = {{
        {"schtsch", "xc"}, {"shch", "xc"}, {"szcz", "xc"}, {"tsch", "c"}, {"sch", "x"},
        {"dzh", "dx"},     {"tsh", "c"},   {"tch", "c"},   {"sh", "x"},   {"sz", "x"},
        {"zh", "x"},       {"cz", "c"},    {"kh", "h"},    {"gh", "h"},   {"ph", "f"},
        {"th", "t"},       {"dz", "d"},    {"ts", "t"},    {"tz", "t"},
    }};
    for (const Group& g : kGroups) {
      if (StartsAt(i, g.letters)) {
        Emit({g.units});
        return i + g.letters.size();
      }
    }
    if (StartsAt(i, "ch")) {
      if (style_.ch_may_be_sh) {
        style_.ch_is_kh_first ? Emit({"h", "c", "x"}) : Emit({"c", "h", "x"});
      } else {
        style_.ch_is_kh_first ? Emit({"h", "c"}) : Emit({"c", "h"});
      }
      return i + 2;
    }
    if (StartsAt(i, "tj") && !VowelAt(i + 2)) {  // Swedish -vitj
      Emit({"c"});
      return i + 2;
    }
    if (StartsAt(i, "rz") && style_.rz_may_be_zh) {
      Emit({"rs", "x"});
      return i + 2;
    }
    if (StartsAt(i, "ou")) {  // Belarusian о + ў, or French "ou" = у
      if (VowelAt(i + 2)) {
        Emit({"u"});
      } else {
        Emit({"ov", "u"});
      }
      return i + 2;
    }
    switch (c) {
      case 'u':
        Emit({i > 0 && OneOfAt(i - 1, "aeoAEO") && !VowelAt(i + 1) ? "v" : "u"});
        break;
      case 'y':
        if (OneOfAt(i + 1, "aeouAEOU") || (i > 0 && VowelAt(i - 1))) {
          Emit({"j"});
        } else {
          Emit({"y"});
        }
        break;
      case 'c':
        Emit({StartsAt(i + 1, "k") ? "t" : ConsonantAt(i + 1) ? "k" : "t"});
        break;
      case 'z':
        style_.z_may_be_ts ? Emit({"s", "t"}) : Emit({"s"});
        break;
      case 'x':
        Emit({"ks"});
        break;
      case 'q':
        Emit({"k"});
        break;
      case 'w':
        Emit({"v"});
        break;
      case 'g':
        Emit({"h"});
        break;
      default:
        Emit({std::string_view(&s_[i], 1)});
        break;
    }
    return i + 1;
  }

  std::string_view s_;
  Style style_;
  std::vector<std::string> outs_{std::string()};
};

// Iotation and glides: a vowel after й or after і/ы becomes one iotated vowel (я, ia, ija,
// iya -> e; ю, iu -> u); й elsewhere and і after a vowel are dropped.
std::string Iotate(std::string_view raw) {
  std::string out;
  for (char u : raw) {
    if (u == 'a' || u == 'o' || u == 'e' || u == 'u') {
      size_t glides = 0;
      while (glides < out.size()) {
        const char prev = out[out.size() - 1 - glides];
        if (prev != 'j' && prev != 'i' && prev != 'y') break;
        ++glides;
      }
      if (glides > 0) {
        out.resize(out.size() - glides);
        out.push_back(u == 'u' ? 'u' : 'e');
        continue;
      }
    } else if ((u == 'i' || u == 'y') && !out.empty() && out.back() == 'j') {
      out.back() = 'i';
      continue;
    }
    out.push_back(u);
  }
  std::string result;
  for (char u : out) {
    if (u == 'j') continue;
    if ((u == 'i' || u == 'y') && !result.empty() && IsVowel(result.back())) continue;
    result.push_back(u);
  }
  return result;
}

std::string Finish(std::string_view raw) {
  std::string initial_v;  // у before a consonant at the start: Uladzimir ~ Vladimir
  if (raw.size() >= 2 && raw[0] == 'u' && !IsVowel(raw[1]) && raw[1] != 'j') {
    initial_v = "v" + std::string(raw.substr(1));
    raw = initial_v;
  }
  std::string s = Iotate(raw);
  for (char& u : s) {
    if (u == 'o') u = 'a';
    if (u == 'y') u = 'i';
  }
  std::string out;
  for (char u : s) {
    if (!out.empty()) {
      const char prev = out.back();
      if (u == prev) continue;
      if (u == 's' && (prev == 't' || prev == 'd')) continue;  // ц, дз
    }
    out.push_back(u);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view x) { return EndsWith(s, x); });
}

}  // namespace

Style GuessStyle(std::u32string_view lower_name) {
  auto has = [&](std::u32string_view letters) {
    return lower_name.find_first_of(letters) != std::u32string_view::npos;
  };
  auto contains = [&](std::u32string_view part) {
    return lower_name.find(part) != std::u32string_view::npos;
  };
  Style style;
  const bool polish = has(U"łśćźżńóąęw") || contains(U"sz") || contains(U"cz");
  bool c_is_ts = false;  // a bare "c" before a vowel spells ц (Polish, Czech, Łacinka)
  for (size_t i = 0; i + 1 < lower_name.size(); ++i) {
    c_is_ts |= lower_name[i] == U'c' &&
               std::u32string_view(U"aeiouy").find(lower_name[i + 1]) != std::u32string_view::npos;
  }
  const bool german = has(U"wjäöüß") || contains(U"sch");
  style.ch_is_kh_first = polish || german || c_is_ts || has(U"ŭčšžř");
  style.ch_may_be_sh = contains(U"ou") || contains(U"tch") || has(U"éèê");
  style.z_may_be_ts = german;
  style.rz_may_be_zh = polish;
  return style;
}

std::vector<std::string> Canonicals(std::string_view key, const Style& style) {
  std::vector<std::string> out;
  for (const std::string& raw : Scanner(key, style).Run()) {
    std::string canonical = Finish(raw);
    if (!canonical.empty() && std::find(out.begin(), out.end(), canonical) == out.end()) {
      out.push_back(std::move(canonical));
    }
  }
  return out;
}

std::string Skeleton(std::string_view canonical) {
  std::string out;
  for (char u : canonical) {
    if (!IsVowel(u)) out.push_back(u);
  }
  return out;
}

namespace {

// The vowel groups of a phonetic form: before the first consonant, between consonants and
// after the last.
std::vector<std::string> VowelGroups(std::string_view canonical) {
  std::vector<std::string> groups(1);
  for (char u : canonical) {
    if (IsVowel(u)) {
      groups.back().push_back(u);
    } else {
      groups.emplace_back();
    }
  }
  return groups;
}

}  // namespace

bool VowelsCompatible(std::string_view a, std::string_view b) {
  const std::vector<std::string> ga = VowelGroups(a), gb = VowelGroups(b);
  if (ga.size() != gb.size()) return false;
  for (size_t i = 0; i < ga.size(); ++i) {
    if (ga[i].empty() || gb[i].empty()) continue;
    const bool ua = ga[i].find('u') != std::string::npos;
    const bool ub = gb[i].find('u') != std::string::npos;
    if (ua != ub) return false;
  }
  return true;
}

Gender SurnameGender(std::string_view r) {
  if (EndsWithAny(r, {"skaya", "skaja", "skaia", "ska", "cka", "ckaja", "ckaya", "aya", "aja",
                      "aia", "ova", "eva", "ava", "owa", "ewa", "awa", "ina", "yna"})) {
    return Gender::kFemale;
  }
  if (EndsWithAny(
          r, {"sky", "ski", "skiy", "skii", "skij", "skyi", "skyy", "skyj", "cki", "ckij", "ckiy",
              "yi",  "iy",  "ii",   "ij",   "yj",   "yy",   "ny",   "oy",   "oi",  "oj",   "ov",
              "ev",  "au",  "eu",   "aw",   "ew",   "ow",   "off",  "eff",  "in",  "yn"})) {
    return Gender::kMale;
  }
  return Gender::kUnknown;
}

std::string_view GenderName(Gender g) {
  switch (g) {
    case Gender::kMale:
      return "male";
    case Gender::kFemale:
      return "female";
    case Gender::kUnknown:
      break;
  }
  return "unknown";
}

int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace letapis::names
