// Matching person names across scripts, transliterations, name forms and word orders:
// "Ales Bialiatski", "Алесь Беляцкий", "Aleś Bialacki" and "BIALIATSKI, Ales" are one man;
// "Siarhei Tsikhanouski" and "Sviatlana Tsikhanouskaya" are two people. Built for precision:
// a false merge mixes two people's fates. docs/names.md describes the rules.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "letapis/status.h"

namespace letapis {

namespace names {
struct Tables;
struct ParsedName;
}  // namespace names

// Compares person names written in Latin (any romanisation, Łacinka, Polish, German ...)
// or Cyrillic (Belarusian, Russian, Ukrainian) script. Thread-safe for concurrent const use.
class NameMatcher {
 public:
  // The parts of one name, each in Latin script, lower-case, diacritics folded into
  // English-style digraphs ("Siarhiej Leanidavič Cichanoŭski" -> given {"siarhiej"},
  // patronymic "leanidavich", surname "cichanouski"). An initial is kept as its letter(s)
  // without the dot ("u", "ya").
  struct NameParts {
    std::vector<std::string> given;  // given names or initials, in written order
    std::string patronymic;          // patronymic or its initial; "" when absent
    std::string surname;             // hyphenated parts kept ("kara-murza"); "" when absent
    std::string suffix;              // "jr" or "sr" when the name carries one, else ""
  };

  // The verdict on two names: `same` is true only when nothing speaks against one person;
  // `score` in [0, 1] grades the evidence (1 = identical names); `why` explains it in words.
  struct Match {
    double score = 0;
    bool same = false;
    std::string why;
  };

  // A matcher without data tables: Cyrillic and accented letters are only folded by ICU
  // and no given-name equivalences are known. Use Load() for real work.
  NameMatcher();

  // Loads data/transliteration.tsv and data/given_name_equivalents.tsv from `data_dir`
  // into *out. Fails naming the file and line of a malformed row.
  static Status Load(const std::string& data_dir, NameMatcher* out);

  // Splits a name into given names, patronymic, surname and suffix. Handles surname-first
  // order ("BIALIATSKI, Ales", "Стэфановіч Валянцін", "Dedok Nikolay Aleksandrovich"),
  // initials ("А.Г. Лукашенко", "Vladimir V. Kara-Murza"), "Jr."/"Sr." and hyphens.
  NameParts Parse(std::string_view name) const;

  // The phonetic blocking key of a surname (or of the surname of a full name): a consonant
  // skeleton that is equal across transliterations ("Tsikhanouski", "Тихановский" and
  // "Cichanoŭski" -> "thnvsk"), with "~f" appended for a feminine form ("Tsikhanouskaya" ->
  // "thnvsk~f"). Hyphenated surnames give one skeleton per part joined by '-'.
  std::string PhoneticKey(std::string_view surname_or_name) const;

  // Every phonetic key the surname may have when its spelling is ambiguous (German "z" is
  // ц or з, "ch" is ч or х ...), the PhoneticKey() first. Index all of them for blocking.
  std::vector<std::string> PhoneticKeys(std::string_view surname_or_name) const;

  // Decides whether two names may denote one person. Different people when the surnames
  // differ (beyond transliteration or a typo in a long surname), are different gender
  // forms, the given names are not equivalent, the patronymics (or their initials) differ,
  // or "Jr."/"Sr." set them apart. A missing given name or patronymic is compatible but
  // lowers the score.
  Match Compare(std::string_view a, std::string_view b) const;

  // A name parsed once, for comparing it with many others without parsing it again.
  struct Prepared {
    std::shared_ptr<const names::ParsedName> parsed;
  };
  // Parses `name` for Compare(const Prepared&, const Prepared&).
  Prepared Prepare(std::string_view name) const;
  // The same verdict as Compare(a, b) on the names `a` and `b` were prepared from.
  Match Compare(const Prepared& a, const Prepared& b) const;

 private:
  std::shared_ptr<const names::Tables> tables_;
};

}  // namespace letapis
