// Watched feeds and the articles fetched from them (`letapis watch`).
#pragma once

#include <string>
#include <vector>

namespace letapis {

// A feed being watched and what its server said last time.
struct WatchedFeed {
  std::string url;
  std::string added_at;       // UTC ISO 8601, set by the store
  std::string etag;           // of the last 200 response, for If-None-Match
  std::string last_modified;  // of the last 200 response, for If-Modified-Since
  std::string checked_at;     // UTC ISO 8601 of the last check, "" before the first
  std::string last_result;    // "200 (3 new)", "304", "error: ..." of the last check
};

// An article fetched from a feed (fetched once: later runs skip its URL).
struct WatchedItem {
  std::string url;
  std::string feed_url;
  std::string etag;
  std::string last_modified;
  std::string sha256;      // of the fetched bytes ("" when it could not be read)
  std::string fetched_at;  // UTC ISO 8601, set by the store
};

}  // namespace letapis
