// A cheap pre-parse bound on HTML element nesting (internal to the text layer).
#pragma once

#include <cstddef>
#include <string_view>

namespace letapis {

// Scans the tags of `html` and estimates how deep an HTML5 parser would nest its elements
// (void, raw-text and implicitly closed elements ignored, end tags closing what they
// match). Returns the byte offset of the start tag that first takes the estimate past
// `max_depth`, or npos. Linear time; used to refuse hostile nesting before parsing,
// because the parser spends time proportional to depth on every tag.
size_t FindExcessiveNesting(std::string_view html, size_t max_depth);

}  // namespace letapis
