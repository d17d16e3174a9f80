// Helpers shared by the libFuzzer targets.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "letapis/status.h"

namespace letapis::fuzz {

// True when data[0, size) is well-formed UTF-8 (the readers guarantee it to the parsers).
inline bool IsValidUtf8(const uint8_t* data, size_t size) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(size);
  while (i < length) {
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// Aborts (a libFuzzer crash) with `what` when `ok` is false: a violated invariant.
inline void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
  }
}

// Aborts when loading the data tables failed: the target cannot run without them.
inline void RequireLoaded(const Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    std::abort();
  }
}

}  // namespace letapis::fuzz
