// libFuzzer target for NameMatcher: the input is two names separated by the first newline.
// Parse, PhoneticKey(s) and Compare must not crash on any UTF-8; PhoneticKeys starts with
// PhoneticKey; Compare gives a score in [0, 1] and an explanation, and a name compared with
// itself scores at least as high as with the other name.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "letapis/names.h"
#include "letapis/tsv.h"

namespace {

void CheckOne(const letapis::NameMatcher& matcher, std::string_view name) {
  using letapis::fuzz::Require;
  (void)matcher.Parse(name);
  const std::string key = matcher.PhoneticKey(name);
  const std::vector<std::string> keys = matcher.PhoneticKeys(name);
  Require(keys.empty() ? key.empty() : keys.front() == key, "PhoneticKeys starts with PhoneticKey");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using letapis::fuzz::Require;
  static const letapis::NameMatcher& matcher = []() -> const letapis::NameMatcher& {
    auto* out = new letapis::NameMatcher();
    letapis::fuzz::RequireLoaded(letapis::NameMatcher::Load(letapis::DataDir(), out));
    return *out;
  }();
  if (size > 512 || !letapis::fuzz::IsValidUtf8(data, size)) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find('\n');
  const std::string_view a = input.substr(0, cut);
  const std::string_view b = cut == std::string_view::npos ? a : input.substr(cut + 1);
  CheckOne(matcher, a);
  CheckOne(matcher, b);
  const letapis::NameMatcher::Match m = matcher.Compare(a, b);
  Require(m.score >= 0 && m.score <= 1, "score in [0, 1]");
  Require(!m.why.empty(), "an explanation");
  return 0;
}
