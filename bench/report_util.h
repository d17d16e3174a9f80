// For the bench programs that print latency tables: percentiles and JSON strings.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace letapis::bench {

// The q-quantile (0..1) of sorted values (nearest rank); 0 when there are none.
inline double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const size_t rank = static_cast<size_t>(q * static_cast<double>(sorted.size()) + 0.5);
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// `s` as the inside of a JSON string: quotes and backslashes escaped, control characters
// replaced by spaces.
inline std::string JsonEscaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace letapis::bench
