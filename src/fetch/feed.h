// Parsing RSS 2.0, RSS 1.0 (RDF) and Atom feeds with expat.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letapis/date.h"
#include "letapis/status.h"

namespace letapis {

// A feed with more items than this is read up to this many.
inline constexpr size_t kMaxFeedItems = 1000;

// One item (RSS) or entry (Atom).
struct FeedItem {
  std::string title;
  std::string link;       // RSS <link>, or Atom <link href> (rel "alternate" or none)
  std::string id;         // RSS <guid>, Atom <id>
  PartialDate published;  // pubDate / dc:date / published / updated
};

// Parses a feed. Items without a link are passed over. Fails (kInvalidInput, naming the
// line) on malformed or truncated XML, on a document that is neither RSS nor Atom, and
// on nesting deeper than 64 elements; entity expansion is bounded by expat.
Status ParseFeed(std::string_view xml, std::vector<FeedItem>* items);

}  // namespace letapis
