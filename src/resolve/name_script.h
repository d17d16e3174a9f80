// Scripts of person names: Unicode clean-up and transliteration of each letter into a
// readable Latin form and into the key alphabet of src/resolve/name_phonetic.h.
#pragma once

#include <unicode/translit.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "letapis/status.h"

namespace letapis::names {

// The language of a Cyrillic name, which decides a few letters (г is h or g ...).
enum class Cyrillic { kBelarusian = 0, kRussian = 1, kUkrainian = 2 };

// One token spelled twice: `readable` is lower-case ASCII Latin ("cichanouski"); `key`
// mixes lower-case Latin letters still to be interpreted by the phonetic scanner with
// upper-case units already resolved from a table ("ciChanoVski" for "cichanoŭski").
struct Spelling {
  std::string readable;
  std::string key;
};

// The transliteration table (data/transliteration.tsv) plus ICU for everything else.
class Script {
 public:
  // A script with an empty table: letters outside ASCII are folded by ICU only
  // ("Any-Latin; Latin-ASCII").
  Script();
  ~Script();
  Script(const Script&) = delete;
  Script& operator=(const Script&) = delete;

  // Reads the table; fails naming the file and line of a malformed row, or when ICU's
  // transliterator is not available.
  Status Load(const std::string& path);

  // NFC-normalised code points of `utf8`, combining marks (stress accents) dropped,
  // apostrophes removed and hyphen characters made '-'; case is kept. Invalid UTF-8
  // sequences become U+FFFD.
  static std::u32string Normalize(std::string_view utf8);

  // Guesses the language of the Cyrillic letters of a lower-case name.
  static Cyrillic GuessLanguage(std::u32string_view lower_name);

  // Spells one lower-case token (letters only; other characters are skipped).
  Spelling Spell(std::u32string_view lower_token, Cyrillic lang) const;

 private:
  struct Entry {
    std::string readable;
    std::string key;
  };
  void AppendFallback(char32_t c, Spelling* out) const;

  std::unordered_map<char32_t, Entry> latin_;
  std::unordered_map<char32_t, Entry> cyrillic_[4];  // by Cyrillic, then index 3 = any
  std::unique_ptr<icu::Transliterator> fallback_;    // Any-Latin; Latin-ASCII
  mutable std::mutex fallback_mutex_;                // ICU transliterators are not reentrant
};

// Lower-cases one code point (simple case mapping).
char32_t ToLower(char32_t c);
// True for upper-case letters.
bool IsUpper(char32_t c);
// True for letters of any script.
bool IsLetter(char32_t c);

}  // namespace letapis::names
