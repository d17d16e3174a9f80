// Appending JSON text straight into a string, byte for byte as nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) writes the same values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace letapis {

// Appends `s` as a JSON string literal: `"` and `\` escaped, \b \f \n \r \t, other control
// characters as \u00xx (lowercase hex), non-ASCII UTF-8 copied as is, and each ill-formed
// UTF-8 sequence (its longest valid prefix, at least one byte) replaced by U+FFFD.
void AppendJsonString(std::string_view s, std::string* out);

// True when an export writes `v` as an integer: integral and below 9e15 in magnitude.
bool IsJsonInteger(double v);

// Appends `v` as a JSON number: an integer when IsJsonInteger(v), otherwise nlohmann's
// double text, the shortest that reads back as `v` (null if not finite).
void AppendJsonNumber(double v, std::string* out);

// Appends `v` in decimal.
void AppendJsonInteger(int64_t v, std::string* out);

}  // namespace letapis
