#include "resolve/name_script.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <vector>

#include "letapis/tsv.h"

namespace letapis::names {
namespace {

constexpr int kAnyCyrillic = 3;
constexpr std::string_view kKeyUnits = "AOEIYUJBVHDSTKLMNPRFCX";

std::u32string FromUnicodeString(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(s.char32At(i)));
  }
  return out;
}

bool IsCyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }

// "-" in the table stands for nothing.
std::string Field(const std::string& s) { return s == "-" ? std::string() : s; }

}  // namespace

Script::Script() {
  UErrorCode status = U_ZERO_ERROR;
  fallback_.reset(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) fallback_.reset();
}

Script::~Script() = default;

Status Script::Load(const std::string& path) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 5, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    if (row.fields[0] == "id") continue;  // the header after the comment block
    const std::string& script = row.fields[1];
    const std::u32string letter = Normalize(row.fields[2]);
    const std::string where = fmt::format("{}:{}", path, row.line);
    if (letter.size() != 1) return Status::InvalidInput(where + ": expected one letter");
    Entry entry{Field(row.fields[3]), Field(row.fields[4])};
    for (char c : entry.key) {
      if (kKeyUnits.find(c) == std::string_view::npos) {
        return Status::InvalidInput(
            fmt::format("{}: key unit '{}' is not one of {}", where, c, kKeyUnits));
      }
    }
    const char32_t c = ToLower(letter[0]);
    if (script == "latn") {
      latin_[c] = std::move(entry);
    } else if (script == "cyrl") {
      cyrillic_[kAnyCyrillic][c] = std::move(entry);
    } else if (script == "be") {
      cyrillic_[static_cast<int>(Cyrillic::kBelarusian)][c] = std::move(entry);
    } else if (script == "ru") {
      cyrillic_[static_cast<int>(Cyrillic::kRussian)][c] = std::move(entry);
    } else if (script == "uk") {
      cyrillic_[static_cast<int>(Cyrillic::kUkrainian)][c] = std::move(entry);
    } else {
      return Status::InvalidInput(
          fmt::format("{}: script '{}' is not one of cyrl, be, ru, uk, latn", where, script));
    }
  }
  if (fallback_ == nullptr) {
    return Status::IoError("ICU transliterator 'Any-Latin; Latin-ASCII' is not available");
  }
  return Status::Ok();
}

std::u32string Script::Normalize(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  std::u32string out;
  for (char32_t c : FromUnicodeString(text)) {
    switch (c) {
      case U'\'':
      case U'`':
      case 0x00B4:  // acute accent
      case 0x02BC:  // modifier letter apostrophe
      case 0x2018:
      case 0x2019:
        continue;
      case 0x2010:  // hyphen
      case 0x2011:  // non-breaking hyphen
        out.push_back(U'-');
        continue;
      default:
        break;
    }
    if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) continue;
    out.push_back(c);
  }
  return out;
}

Cyrillic Script::GuessLanguage(std::u32string_view lower_name) {
  bool has_i = false, has_y = false, has_u_short = false;
  for (char32_t c : lower_name) {
    if (c == U'ї' || c == U'є' || c == U'ґ') return Cyrillic::kUkrainian;
    has_i |= c == U'і';
    has_y |= c == U'и';
    has_u_short |= c == U'ў';
  }
  if (has_i && has_y) return Cyrillic::kUkrainian;
  if (has_i || has_u_short) return Cyrillic::kBelarusian;
  return Cyrillic::kRussian;
}

Spelling Script::Spell(std::u32string_view lower_token, Cyrillic lang) const {
  Spelling out;
  for (char32_t c : lower_token) {
    if (c >= U'a' && c <= U'z') {
      out.readable.push_back(static_cast<char>(c));
      out.key.push_back(static_cast<char>(c));
      continue;
    }
    const Entry* entry = nullptr;
    if (IsCyrillic(c)) {
      const auto& own = cyrillic_[static_cast<int>(lang)];
      if (auto it = own.find(c); it != own.end()) {
        entry = &it->second;
      } else if (auto any = cyrillic_[kAnyCyrillic].find(c); any != cyrillic_[kAnyCyrillic].end()) {
        entry = &any->second;
      }
    } else if (auto it = latin_.find(c); it != latin_.end()) {
      entry = &it->second;
    }
    if (entry != nullptr) {
      out.readable += entry->readable;
      out.key += entry->key;
    } else if (IsLetter(c)) {
      AppendFallback(c, &out);
    }
  }
  return out;
}

void Script::AppendFallback(char32_t c, Spelling* out) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::u32string folded;
  if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(c), decomposed) &&
      decomposed.char32At(0) < 0x80) {
    folded.push_back(static_cast<char32_t>(decomposed.char32At(0)));
  } else if (fallback_ != nullptr) {
    icu::UnicodeString text(static_cast<UChar32>(c));
    {
      std::lock_guard<std::mutex> lock(fallback_mutex_);
      fallback_->transliterate(text);
    }
    folded = FromUnicodeString(text);
  }
  for (char32_t f : folded) {
    const char32_t lower = ToLower(f);
    if (lower >= U'a' && lower <= U'z') {
      out->readable.push_back(static_cast<char>(lower));
      out->key.push_back(static_cast<char>(lower));
    }
  }
}

char32_t ToLower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)) != 0; }

bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

}  // namespace letapis::names
